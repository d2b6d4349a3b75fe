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
    pub var: Box<VarReader>,
}

/// Reads an environment variable.
pub type VarReader = dyn Fn(&str) -> Option<String>;

impl Environment {
    pub fn current() -> Self {
        let size =
            terminal_size::terminal_size().map(|(w, h)| (usize::from(w.0), usize::from(h.0)));
        Environment {
            stdout_is_terminal: io::stdout().is_terminal(),
            terminal_size: size,
            var: Box::new(|name| std::env::var(name).ok()),
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
        (true, _) | (_, Some(FormatChoice::Json | FormatChoice::Jsonl)) => Format::Json,
        (_, Some(FormatChoice::Table)) => Format::Table,
        (_, Some(FormatChoice::Plain)) => Format::Plain,
        (false, None) if env.stdout_is_terminal => Format::Table,
        (false, None) => Format::Plain,
    };
    Style {
        format,
        json_lines: args.format == Some(FormatChoice::Jsonl),
        explicit: args.format.is_some() || args.json(),
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

/// What the pager is started with beside the inherited environment, as git
/// does it: `LESS=FRX` (quit when the output fits, pass colours through,
/// keep the screen) and `LV=-c` when the user has not set them, so that
/// `PAGER=less` shows colours rather than escape codes.
pub fn pager_env(env: &Environment) -> Vec<(&'static str, &'static str)> {
    [("LESS", "FRX"), ("LV", "-c")]
        .into_iter()
        .filter(|(name, _)| (env.var)(name).is_none())
        .collect()
}

/// Writes the finished output: through the pager when stdout is a terminal
/// and the output is taller than it, else straight to a locked stdout.
pub fn emit(buffer: &[u8], no_pager: bool, env: &Environment) -> io::Result<()> {
    emit_to(buffer, no_pager, env, &mut io::stdout().lock())
}

/// The same, with `direct` standing for stdout.
pub fn emit_to(
    buffer: &[u8],
    no_pager: bool,
    env: &Environment,
    direct: &mut dyn Write,
) -> io::Result<()> {
    let tall = env
        .terminal_size
        .is_some_and(|(_, rows)| bytecount_lines(buffer) >= rows);
    if env.stdout_is_terminal
        && !no_pager
        && tall
        && let Some(command) = pager_command(env)
        && page(&command, &pager_env(env), buffer).is_ok()
    {
        return Ok(());
    }
    direct.write_all(buffer)?;
    direct.flush()
}

fn bytecount_lines(buffer: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', buffer).count()
}

/// Runs the pager on the output. A pager that cannot start is an error, so
/// the caller writes directly instead; one the user quits early is not.
fn page(command: &[String], vars: &[(&str, &str)], buffer: &[u8]) -> io::Result<()> {
    let mut child = Command::new(&command[0])
        .args(&command[1..])
        .envs(vars.iter().copied())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::Parser;

    fn env(terminal: bool, vars: &'static [(&'static str, &'static str)]) -> Environment {
        Environment {
            stdout_is_terminal: terminal,
            terminal_size: Some((100, 10)),
            var: Box::new(move |name| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }),
        }
    }

    fn style_of(args: &[&str], env: &Environment) -> Style {
        let cli = Cli::parse_from([&["sperr", "list"][..], args].concat());
        style(&cli.global, env)
    }

    #[test]
    fn colour_and_format_are_decided_from_the_terminal_and_the_environment() {
        let tty = env(true, &[]);
        assert_eq!(
            (
                style_of(&[], &tty).format,
                style_of(&[], &tty).palette.enabled
            ),
            (Format::Table, true)
        );
        let pipe = env(false, &[]);
        assert_eq!(
            (
                style_of(&[], &pipe).format,
                style_of(&[], &pipe).palette.enabled
            ),
            (Format::Plain, false)
        );
        assert!(
            !style_of(&[], &env(true, &[("NO_COLOR", "1")]))
                .palette
                .enabled
        );
        assert!(
            style_of(&[], &env(true, &[("NO_COLOR", "")]))
                .palette
                .enabled,
            "empty is unset"
        );
        assert!(
            !style_of(&[], &env(true, &[("TERM", "dumb")]))
                .palette
                .enabled
        );
        assert!(
            style_of(&[], &env(false, &[("CLICOLOR_FORCE", "1")]))
                .palette
                .enabled
        );
        assert!(
            !style_of(&[], &env(false, &[("CLICOLOR_FORCE", "0")]))
                .palette
                .enabled
        );
        assert!(
            !style_of(
                &["--color", "never"],
                &env(true, &[("CLICOLOR_FORCE", "1")])
            )
            .palette
            .enabled
        );
        assert_eq!(style_of(&["--json"], &tty).format, Format::Json);
    }

    #[test]
    fn width_is_columns_then_the_terminal_then_80() {
        assert_eq!(style_of(&[], &env(true, &[("COLUMNS", "40")])).width, 40);
        assert_eq!(style_of(&[], &env(true, &[("COLUMNS", "0")])).width, 100);
        let mut unknown = env(false, &[]);
        unknown.terminal_size = None;
        assert_eq!(style_of(&[], &unknown).width, DEFAULT_WIDTH);
    }

    #[test]
    fn the_pager_is_split_as_a_shell_splits_it() {
        let pager = |vars| pager_command(&env(true, vars));
        assert_eq!(
            pager(&[]),
            Some(vec!["less".to_string(), "-FRX".to_string()])
        );
        assert_eq!(pager(&[("PAGER", "more -d")]).unwrap(), ["more", "-d"]);
        assert_eq!(
            pager(&[("PAGER", "more"), ("SPERR_PAGER", "less -S 'a b'")]).unwrap(),
            ["less", "-S", "a b"]
        );
        assert_eq!(
            pager(&[("PAGER", "")]),
            None,
            "an empty PAGER means no pager"
        );
    }

    const TALL: &[u8] = b"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";

    #[test]
    fn tall_output_on_a_terminal_goes_through_the_pager() {
        let file = std::env::temp_dir().join(format!("sperr-pager-{}", std::process::id()));
        let command = format!("sh -c 'cat > {}'", file.display());
        let vars: &'static [(&str, &str)] = Box::leak(
            vec![("SPERR_PAGER", &*Box::leak(command.into_boxed_str()))].into_boxed_slice(),
        );
        let mut direct = Vec::new();
        emit_to(TALL, false, &env(true, vars), &mut direct).unwrap();
        assert!(direct.is_empty());
        assert_eq!(std::fs::read(&file).unwrap(), TALL);
        std::fs::remove_file(file).unwrap();
    }

    #[test]
    fn the_pager_gets_less_and_lv_set_when_the_user_has_not() {
        let file = std::env::temp_dir().join(format!("sperr-pager-env-{}", std::process::id()));
        let command = format!(
            "sh -c 'printf \"%s|%s\" \"$LESS\" \"$LV\" > {0}; cat >> {0}'",
            file.display()
        );
        let command: &'static str = Box::leak(command.into_boxed_str());
        let seen = |vars: Vec<(&'static str, &'static str)>| {
            let vars: &'static [(&str, &str)] = Box::leak(vars.into_boxed_slice());
            emit_to(TALL, false, &env(true, vars), &mut Vec::new()).unwrap();
            let text = std::fs::read_to_string(&file).unwrap();
            text[..text.len() - TALL.len()].to_string()
        };
        assert_eq!(seen(vec![("SPERR_PAGER", command)]), "FRX|-c");
        assert_eq!(
            pager_env(&env(true, &[("LESS", "-S"), ("LV", "")])),
            [],
            "a LESS or LV the user set, even empty, is kept"
        );
        std::fs::remove_file(file).unwrap();
    }

    #[test]
    fn the_pager_is_bypassed_when_it_should_be() {
        let pager: &'static [(&str, &str)] = &[("SPERR_PAGER", "sh -c 'exit 3'")];
        for (terminal, no_pager, buffer) in [
            (false, false, TALL),
            (true, true, TALL),
            (true, false, &b"short\n"[..]),
        ] {
            let mut direct = Vec::new();
            emit_to(buffer, no_pager, &env(terminal, pager), &mut direct).unwrap();
            assert_eq!(direct, buffer);
        }
    }

    #[test]
    fn a_pager_that_cannot_start_falls_back_to_direct_output() {
        let mut direct = Vec::new();
        emit_to(
            TALL,
            false,
            &env(true, &[("PAGER", "/nonexistent/pager -x")]),
            &mut direct,
        )
        .unwrap();
        assert_eq!(direct, TALL);
    }
}
