//! Shell completion scripts, generated from the clap definition.

use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

/// Writes the completion script for `shell`.
pub fn write(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "sperr", &mut buffer);
    out.write_all(&buffer)
}
