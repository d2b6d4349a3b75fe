//! The sperr binary: parse, run, write, and map the result to an exit code.

use clap::{CommandFactory, FromArgMatches};
use sperr::cli::Cli;
use sperr::commands::{self, Error, Outcome, Streams};
use sperr::output;
use sperr::settings::{self, Environment};
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The last resort, never the way errors are handled: should a bug still
    // panic, say so in one line rather than a page.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        report(&format!(
            "internal error{at}; please report it with the command that caused it"
        ));
    }));
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version end here too, with status 0.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let env = Environment::current();
    let settings = match settings::settings(&cli, &env) {
        Ok(settings) => settings,
        Err(message) => {
            report(&message);
            return ExitCode::from(2);
        }
    };
    let mut buffer = Vec::new();
    let streams = Streams {
        out: &mut buffer,
        direct: Box::new(io::BufWriter::with_capacity(64 << 10, io::stdout())),
        err: &mut io::stderr(),
    };
    let result = commands::run(&cli.command, &settings, streams);
    let written = output::emit(&buffer, !settings.may_page, &env);
    let status = match result {
        Ok(Outcome::Found) => 0,
        Ok(Outcome::NotFound) => 1,
        Ok(Outcome::Incomplete) => 2,
        Err(Error::Usage(message) | Error::Input(message)) => {
            report(&message);
            2
        }
        Err(Error::Output(e)) => return write_failure(&e),
    };
    match written {
        Ok(()) => ExitCode::from(status),
        Err(e) => write_failure(&e),
    }
}

/// Parses the command line. The parser's own structures are left to the
/// end of the process rather than freed: freeing them costs more than a
/// lookup does.
fn parse() -> Result<Cli, clap::Error> {
    let mut command = Cli::command();
    let args = sperr::cli::with_implied_show(&command, std::env::args_os().collect());
    let mut matches = command.try_get_matches_from_mut(args)?;
    let cli = Cli::from_arg_matches_mut(&mut matches);
    std::mem::forget(matches);
    std::mem::forget(command);
    cli
}

/// A closed pipe (`sperr list | head -1`) is a quiet success; any other
/// failure to write is an error.
fn write_failure(e: &io::Error) -> ExitCode {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    report(&format!(
        "cannot write output: {}",
        sperr::scan::io_reason(e)
    ));
    ExitCode::from(2)
}

/// Prints one error line; if stderr itself is gone there is no one to tell.
fn report(message: &str) {
    let _ = writeln!(io::stderr().lock(), "sperr: {message}");
}
