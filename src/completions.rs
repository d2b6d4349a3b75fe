//! Shell completion scripts, generated from the clap definition.
//!
//! The codes complete with their messages through the code argument's
//! possible values (`cli::Suggested`). clap_complete's fish generator leaves
//! positional values out, so fish gets lines of its own, made from the
//! same possible values.

use crate::cli::Cli;
use clap::CommandFactory;
use clap_complete::Shell;
use std::io::{self, Write};

/// Writes the completion script for `shell`.
pub(crate) fn write(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let mut command = Cli::command();
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut command, "sperr", &mut buffer);
    out.write_all(&buffer)?;
    if shell == Shell::Fish {
        write_fish_positionals(&command, out)?;
    }
    Ok(())
}

/// `complete` lines for each subcommand's positional values.
fn write_fish_positionals(command: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    for sub in command.get_subcommands() {
        for arg in sub.get_positionals() {
            let values = arg.get_possible_values();
            if values.is_empty() {
                continue;
            }
            writeln!(
                out,
                "\n# {} {}: its values, with what they mean",
                sub.get_name(),
                arg.get_id()
            )?;
            for value in values {
                let help = value.get_help().map(|h| h.to_string()).unwrap_or_default();
                writeln!(
                    out,
                    "complete -c sperr -n \"__fish_sperr_using_subcommand {}\" -f -a {} -d {}",
                    sub.get_name(),
                    fish_quote(value.get_name()),
                    fish_quote(&help)
                )?;
            }
        }
    }
    Ok(())
}

/// A fish single-quoted string: `\` and `'` escaped.
fn fish_quote(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fish_gets_the_codes_of_show_and_explain() {
        let mut out = Vec::new();
        write(Shell::Fish, &mut out).unwrap();
        let script = String::from_utf8(out).unwrap();
        assert!(script.contains(
            "complete -c sperr -n \"__fish_sperr_using_subcommand show\" -f -a '7100' -d 'Login attempt failed because the specified password is…'"
        ));
        assert!(script.contains("__fish_sperr_using_subcommand explain\" -f -a '7100'"));
        assert!(!script.contains("__fish_sperr_using_subcommand search\" -f -a"));
    }

    #[test]
    fn fish_quoting_escapes_quotes_and_backslashes() {
        assert_eq!(fish_quote(r"it's a \ b"), r"'it\'s a \\ b'");
    }
}
