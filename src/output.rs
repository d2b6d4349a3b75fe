//! Where output goes: the colour, format and width decided once at start,
//! and stdout (through a pager when a terminal needs one).
//!
//! Commands render into a buffer first, so a failure part-way never leaves
//! half an answer on stdout; the buffer is then written in one go.

use crate::cli::{ColorChoice, FormatChoice, GlobalArgs};
use crate::render::{Format, Palette, Style};
use std::io::{self, IsTerminal, Write};
use std::process::{Command, Stdio};

/// The width used when neither COLUMNS nor the terminal gives one.
pub const DEFAULT_WIDTH: usize = 80;
/// The pager used when neither SPERR_PAGER nor PAGER names one.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// What output decisions read from the environment, so tests can set it.
pub struct Environment {
    pub stdout_is_terminal: bool,
    pub terminal_size: Option<(usize, usize)>,
    pub var: fn(&str) -> Option<String>,
}

impl Environment {
    pub fn current() -> Self {
        let size =
            terminal_size::terminal_size().map(|(w, h)| (usize::from(w.0), usize::from(h.0)));
        Environment {
            stdout_is_terminal: io::stdout().is_terminal(),
            terminal_size: size,
            var: |name| std::env::var(name).ok(),
        }
    }

    fn set(&self, name: &str) -> bool {
        (self.var)(name).is_some_and(|v| !v.is_empty())
    }
}

/// Decides colour, format and width, once.
pub fn style(args: &GlobalArgs, env: &Environment) -> Style {
    let color = match args.color.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let forced = (env.var)("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
            forced
                || (env.stdout_is_terminal
                    && !env.set("NO_COLOR")
                    && (env.var)("TERM").as_deref() != Some("dumb"))
        }
    };
    let format = match (args.json(), args.format) {
        (true, _) | (_, Some(FormatChoice::Json)) => Format::Json,
        (_, Some(FormatChoice::Table)) => Format::Table,
        (_, Some(FormatChoice::Plain)) => Format::Plain,
        (false, None) if env.stdout_is_terminal => Format::Table,
        (false, None) => Format::Plain,
    };
    Style {
        format,
        palette: Palette::new(color),
        width: width(env),
    }
}

/// COLUMNS if it holds a positive number, else the terminal's width, else 80.
fn width(env: &Environment) -> usize {
    (env.var)("COLUMNS")
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .or(env.terminal_size.map(|(w, _)| w).filter(|&w| w > 0))
        .unwrap_or(DEFAULT_WIDTH)
}

/// The pager command, split as a shell would split it; None for no pager.
pub fn pager_command(env: &Environment) -> Option<Vec<String>> {
    let value = (env.var)("SPERR_PAGER")
        .or_else(|| (env.var)("PAGER"))
        .unwrap_or_else(|| DEFAULT_PAGER.to_string());
    let words = shell_words::split(&value).ok()?;
    (!words.is_empty()).then_some(words)
}

/// Writes the finished output: through the pager when stdout is a terminal
/// and the output is taller than it, else straight to a locked stdout.
pub fn emit(buffer: &[u8], no_pager: bool, env: &Environment) -> io::Result<()> {
    let tall = env
        .terminal_size
        .is_some_and(|(_, rows)| bytecount_lines(buffer) >= rows);
    if env.stdout_is_terminal
        && !no_pager
        && tall
        && let Some(command) = pager_command(env)
        && page(&command, buffer).is_ok()
    {
        return Ok(());
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(buffer)?;
    stdout.flush()
}

fn bytecount_lines(buffer: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', buffer).count()
}

/// Runs the pager on the output. A pager that cannot start is an error, so
/// the caller writes directly instead; one the user quits early is not.
fn page(command: &[String], buffer: &[u8]) -> io::Result<()> {
    let mut child = Command::new(&command[0])
        .args(&command[1..])
        .stdin(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(buffer) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                let _ = child.wait();
                return Err(e);
            }
            _ => {}
        }
    }
    child.wait()?;
    Ok(())
}
