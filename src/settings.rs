//! One step from the command line and the environment to every decision
//! about output, made once at start, as ripgrep's `HiArgs` and fd's
//! `construct_config` do: colour, format and width (`Style`), whether the
//! output may be paged, and for `scan` its options and how its hits are
//! written. `main` builds the `Settings`; the commands read them.

use crate::cli::{Cli, ColorChoice, Command, FormatChoice, GlobalArgs, ScanArgs};
use crate::render::stream::Layout;
use crate::render::{Format, Palette, Style};
use crate::scan;
use crate::scan::periods::By;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

/// Which of the standard streams are terminals.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminals {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

/// Everything a command needs to know about how to write.
pub struct Settings {
    pub style: Style,
    pub terminals: Terminals,
    /// Whether output taller than the terminal may go through the pager.
    pub may_page: bool,
    /// `scan`'s decisions; None for the other commands.
    pub scan: Option<ScanSettings>,
}

/// How `scan` runs and writes.
pub struct ScanSettings {
    pub options: scan::Options,
    pub output: ScanOutput,
    /// Say on stderr that sperr waits for text pasted into the terminal.
    pub prompt_for_paste: bool,
    /// Draw the progress line on stderr.
    pub progress: bool,
    /// Print `--stats` at the end.
    pub stats: bool,
    /// `-q`: a hit answers the question, whatever else went wrong.
    pub quiet: bool,
    /// `--report FILE`: the summary as an HTML page, written there.
    pub report: Option<PathBuf>,
}

/// What `scan` writes.
#[derive(Debug, Clone, Copy)]
pub enum ScanOutput {
    /// `-q`: nothing; the first hit ends the scan.
    Quiet,
    /// `--summary`, rendered at the end; `absent`: with the selected codes
    /// never found; `by`: counted per period too; `names`: with the first
    /// tickets' names of each code (JSON, the report); `print`: rendered
    /// on stdout (not for `--report` alone).
    Summary {
        absent: bool,
        by: Option<By>,
        names: bool,
        print: bool,
    },
    /// A table of every hit (`--format table` asked for by name), at the end.
    Table,
    /// Each hit as it is found.
    Stream { layout: Layout, json_array: bool },
}

/// The settings of a run, or a usage error's message.
pub fn settings(cli: &Cli, env: &Environment) -> Result<Settings, String> {
    let style = style(&cli.global, env);
    let scan = match &cli.command {
        Command::Scan(args) => Some(scan_settings(&args.0, &style, env.terminals)?),
        _ => None,
    };
    // scan never pages, but for the table it is asked for by name.
    let scan_pages = matches!(
        scan,
        Some(ScanSettings {
            output: ScanOutput::Table,
            ..
        })
    );
    Ok(Settings {
        may_page: !cli.global.no_pager() && (scan.is_none() || scan_pages),
        style,
        terminals: env.terminals,
        scan,
    })
}

/// The width used when neither COLUMNS nor the terminal gives one.
pub(crate) const DEFAULT_WIDTH: usize = 80;

/// What output decisions read from the environment, so tests can set it.
pub struct Environment {
    pub terminals: Terminals,
    pub terminal_size: Option<(usize, usize)>,
    pub var: Box<VarReader>,
}

/// Reads an environment variable.
pub(crate) type VarReader = dyn Fn(&str) -> Option<String>;

impl Environment {
    pub fn current() -> Self {
        let size =
            terminal_size::terminal_size().map(|(w, h)| (usize::from(w.0), usize::from(h.0)));
        Environment {
            terminals: Terminals {
                stdin: io::stdin().is_terminal(),
                stdout: io::stdout().is_terminal(),
                stderr: io::stderr().is_terminal(),
            },
            terminal_size: size,
            var: Box::new(|name| std::env::var(name).ok()),
        }
    }

    fn set(&self, name: &str) -> bool {
        (self.var)(name).is_some_and(|v| !v.is_empty())
    }
}

/// Decides colour, format and width, once.
pub(crate) fn style(args: &GlobalArgs, env: &Environment) -> Style {
    let color = match args.color.unwrap_or(ColorChoice::Auto) {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let forced = (env.var)("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
            forced
                || (env.terminals.stdout
                    && !env.set("NO_COLOR")
                    && (env.var)("TERM").as_deref() != Some("dumb"))
        }
    };
    let format = match (args.json(), args.format) {
        (true, _) | (_, Some(FormatChoice::Json | FormatChoice::Jsonl)) => Format::Json,
        (_, Some(FormatChoice::Table)) => Format::Table,
        (_, Some(FormatChoice::Plain)) => Format::Plain,
        (false, None) if env.terminals.stdout => Format::Table,
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

/// `scan`'s settings from its arguments, the style and the terminals.
fn scan_settings(
    args: &ScanArgs,
    style: &Style,
    terminals: Terminals,
) -> Result<ScanSettings, String> {
    let by = args.by.as_deref().and_then(By::parse);
    let report = args.report.is_some();
    if args.absent && !args.summary && by.is_none() && !report {
        return Err(
            "--absent counts codes in a summary: use it with --summary, --by or --report".into(),
        );
    }
    let mut options = scan_options(args)?;
    // Times are read only where the output shows them.
    options.dates = by.is_some() || report || style.format == Format::Json;
    let reads_stdin = options.paths.is_empty() || options.paths.iter().any(|p| p == Path::new("-"));
    let streams_to_terminal =
        terminals.stdout && !args.summary && !report && !args.files_with_matches;
    let json = style.format == Format::Json;
    let output = if args.quiet {
        ScanOutput::Quiet
    } else if args.summary || by.is_some() || report {
        ScanOutput::Summary {
            absent: args.absent,
            by,
            names: json || report,
            print: args.summary || by.is_some(),
        }
    } else if style.format == Format::Table && style.explicit && !args.files_with_matches {
        ScanOutput::Table
    } else {
        let layout = match style.format {
            _ if args.files_with_matches => Layout::Names { json },
            Format::Json if style.json_lines => Layout::Jsonl,
            Format::Json => Layout::Json,
            Format::Plain => Layout::Plain,
            Format::Table => Layout::Grouped(*style),
        };
        ScanOutput::Stream {
            layout,
            json_array: json && !style.json_lines,
        }
    };
    Ok(ScanSettings {
        options,
        output,
        prompt_for_paste: reads_stdin && terminals.stdin,
        progress: terminals.stderr && !streams_to_terminal && !args.quiet && !args.no_progress,
        stats: args.stats,
        quiet: args.quiet,
        report: args.report.clone(),
    })
}

/// The most threads a scan starts, whatever `-j` asks for.
const MAX_THREADS: usize = 64;

/// The scan's options from its arguments.
fn scan_options(args: &ScanArgs) -> Result<scan::Options, String> {
    let filter = scan::CodeFilter::parse(&args.codes)?;
    let threads = match args.threads {
        Some(0) => return Err("--threads must be at least 1".into()),
        // More threads than this only cost memory: reading is the limit.
        Some(n) => n.min(MAX_THREADS),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    for glob in &args.glob {
        ignore::overrides::OverrideBuilder::new(".")
            .add(glob)
            .map_err(|e| {
                // The parser's message quotes the glob as it came.
                let why = scan::escape(e.to_string().as_bytes());
                format!("--glob \"{}\": {why}", scan::escape(glob.as_bytes()))
            })?;
    }
    let mut limits = scan::Limits::default();
    if let Some(max) = args.max_expand {
        limits.max_expand = max;
    }
    Ok(scan::Options {
        paths: args.paths.clone(),
        walk: scan::WalkOptions {
            hidden: args.hidden || args.unrestricted >= 2,
            no_ignore: args.no_ignore || args.unrestricted >= 1,
            globs: args.glob.clone(),
            max_depth: args.max_depth,
            follow: args.follow,
        },
        limits,
        filter,
        binary: args.unrestricted >= 3,
        threads,
        dates: false,
    })
}

/// An environment for tests: a terminal or not, 100x10, and these
/// variables alone.
#[cfg(test)]
impl Environment {
    pub(crate) fn fixed(
        terminal: bool,
        vars: &'static [(&'static str, &'static str)],
    ) -> Environment {
        Environment {
            terminals: Terminals {
                stdin: false,
                stdout: terminal,
                stderr: false,
            },
            terminal_size: Some((100, 10)),
            var: Box::new(move |name| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn env(terminal: bool, vars: &'static [(&'static str, &'static str)]) -> Environment {
        Environment::fixed(terminal, vars)
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

    fn scan_settings_of(args: &[&str], env: &Environment) -> Settings {
        let cli = Cli::parse_from([&["sperr"][..], args].concat());
        settings(&cli, env).unwrap()
    }

    #[test]
    fn scan_pages_only_its_table_asked_for_by_name() {
        let tty = env(true, &[]);
        assert!(scan_settings_of(&["list"], &tty).may_page);
        assert!(!scan_settings_of(&["list", "--no-pager"], &tty).may_page);
        assert!(!scan_settings_of(&["scan", "x"], &tty).may_page);
        assert!(!scan_settings_of(&["scan", "--format", "plain", "x"], &tty).may_page);
        assert!(!scan_settings_of(&["scan", "--summary", "--format", "table", "x"], &tty).may_page);
        assert!(scan_settings_of(&["scan", "--format", "table", "x"], &tty).may_page);
        assert!(!scan_settings_of(&["scan", "-l", "--format", "table", "x"], &tty).may_page);
    }
}
