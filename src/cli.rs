//! The command-line definition, and nothing else.

use crate::catalog;
use crate::markup;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::ffi::OsStr;
use std::path::PathBuf;

const ABOUT: &str = "The Stormpath error-code reference, offline: look codes up, search \
                     them, and find them in tickets and logs.";

/// What `sperr --help` and the man page's DESCRIPTION say.
const LONG_ABOUT: &str = "The Stormpath error-code reference, offline: look codes up, search \
them, and find them in tickets and logs.

Stormpath, an identity API, shut down in 2017; its numbered error codes live on in legacy \
integrations, old logs and support tickets. sperr holds the whole published reference (147 \
codes in 16 categories), the codes the server used without documenting them, and the server's \
own message templates, compiled in. Codes may be typed as they turn up (7100, 'Error 7100', \
error-7100, a moreInfo URL, 7100-7107, 71xx). On a terminal the output is a table fitted to \
its width; piped, it is plain tab-separated lines; --json gives JSON.";

/// The rest of `sperr --help`, and the source of the man pages' EXAMPLES,
/// EXIT STATUS and ENVIRONMENT sections: each section is a title line and
/// `  TERM  DESCRIPTION` lines (tests/generated.rs reads them so).
pub const AFTER_HELP: &str = "\
Examples:
  sperr show 7100                       one error as a card
  sperr 7100                            the same: a code alone runs show
  sperr show 7100-7107 13xxx            ranges and patterns
  sperr explain 7100                    the long form, with related codes
  pbpaste | sperr explain -             explain every error in a pasted ticket
  sperr search account locked           find an error by its words, typos and all
  sperr list --category mfa             one category
  sperr scan support-archive/ --summary  count the errors in a tree of tickets

Exit status (as grep's):
  0  something was found; each argument that named nothing gets a line on stderr
  1  nothing was found: an unknown code, no search hit, no code in the input
  2  a usage or I/O error; for scan, also when some file could not be read

Environment:
  SPERR_PAGER, PAGER  the pager for output taller than the terminal [default: less -FRX]
  LESS, LV            given to the pager as FRX and -c when unset, as git does
  NO_COLOR            no colour when set and not empty
  CLICOLOR_FORCE      colour even when piped, unless --color never
  COLUMNS             the width tables fit [default: the terminal's, else 80]
  TERM                no colour when it is dumb";

/// The long version: what the catalog is built from, and under which terms.
pub const LONG_VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    "\n\nSources (counts from the catalog):\n",
    "  ",
    env!("SPERR_REFERENCE_CODES"),
    " codes: the Stormpath error-code reference (product guide, errors.rst,\n",
    "    2016-10-13), Stormpath, Inc.\n",
    "  ",
    env!("SPERR_SERVER_CODES"),
    " codes: api-errors.properties from the Stormpath Java SDK, Apache License 2.0,\n",
    "    Copyright 2015 Stormpath, Inc.\n",
    "  ",
    env!("SPERR_OBSERVED_CODES"),
    " codes, and ",
    env!("SPERR_VARIANTS"),
    " other wordings of ",
    env!("SPERR_VARIANT_CODES"),
    " codes:\n",
    "    public Stormpath material, each with its URL: the Stormpath SDKs' tests\n",
    "    and docs (Apache License 2.0), their GitHub issues, and the old\n",
    "    documentation site (stormpath/stormpath.github.io).\n",
    "  Search's English word list: SCOWL (sizes 35 and 50, from Debian's wamerican\n",
    "    and wbritish), Copyright 2000-2011 Kevin Atkinson and others; permissive\n",
    "    terms, in LICENSE-SCOWL.\n",
    "\nThe code is licensed MIT OR Apache-2.0. The data's provenance and the SDK's\n",
    "notice are in the NOTICE file: in the source tree, or\n",
    "/usr/share/doc/sperr/NOTICE where the package is installed."
);

/// The usage line: a code alone runs `show`.
const USAGE: &str = "sperr [OPTIONS] <COMMAND>\n       sperr [OPTIONS] <CODE>...  (the same as sperr show <CODE>...)";

#[derive(Debug, Parser)]
#[command(
    name = "sperr",
    version,
    long_version = LONG_VERSION,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = AFTER_HELP,
    override_usage = USAGE
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to colour output [default: auto: when stdout is a terminal,
    /// TERM is not dumb and NO_COLOR is unset; CLICOLOR_FORCE forces it]
    #[arg(long, value_enum, global = true, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Output format [default: table on a terminal, plain when piped]
    /// (jsonl: one JSON object per line)
    #[arg(long, value_enum, global = true, value_name = "FORMAT")]
    pub format: Option<FormatChoice>,
    // The two flags take no value and have no default: a flag with a default
    // costs every run a sixth of its start-up to copy into each subcommand.
    /// Short for --format json
    #[arg(
        long,
        global = true,
        conflicts_with = "format",
        num_args = 0,
        default_missing_value = "true"
    )]
    json: Option<bool>,
    /// Never page output, even when it is taller than the terminal
    #[arg(long, global = true, num_args = 0, default_missing_value = "true")]
    no_pager: Option<bool>,
}

impl GlobalArgs {
    pub fn json(&self) -> bool {
        self.json == Some(true)
    }

    pub fn no_pager(&self) -> bool {
        self.no_pager == Some(true)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatChoice {
    Table,
    Plain,
    Json,
    /// One JSON object per line
    Jsonl,
}

/// Where entries come from, for `list --source`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SourceChoice {
    /// The published reference
    Reference,
    /// The server's message file (api-errors.properties)
    Server,
    /// Public Stormpath material: SDK tests, issues, the old documentation
    Observed,
}

impl SourceChoice {
    pub fn origin(self) -> catalog::Origin {
        match self {
            SourceChoice::Reference => catalog::Origin::Reference,
            SourceChoice::Server => catalog::Origin::Server,
            SourceChoice::Observed => catalog::Origin::Observed,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show one or more errors: codes, ranges (7100-7107) or patterns (71xx)
    ///
    /// One error is shown as a card: its category, message, what the end user
    /// saw, further information and what the API said. Several are shown one
    /// row each, in code order, each once. A code argument may be written as
    /// it turns up in a ticket and may hold a pasted list ("7100 7101",
    /// 7100,7101). A code the reference lacks gets a line on stderr naming
    /// the codes nearest to it.
    #[command(
        after_help = "Examples:\n  sperr show 7100\n  sperr show 'Error 7100' error-2001\n  \
                            sperr show https://docs.stormpath.com/errors/7104\n  \
                            sperr show 7100-7107\n  sperr show 71xx --json"
    )]
    Show {
        /// Codes in any form: 7100, 'Error 7100', error-7100, a moreInfo URL,
        /// 7100-7107, 71xx, 71*
        #[arg(required = true, value_name = "CODE", value_parser = Suggested(code_values), hide_possible_values = true)]
        codes: Vec<String>,
    },
    /// Explain errors in long form; with no code or `-`, explain every error
    /// found in text on stdin
    ///
    /// The long form gives every word of the reference, what the end user saw,
    /// what the API said, and the five codes of the family whose texts are
    /// nearest. Given a ticket or log on stdin (`-`; on a terminal, paste it
    /// and press Ctrl-D), it explains each code in it once, with the lines it
    /// was seen on and what the response itself said (a JSON error body or a
    /// Node-style dump). A code the reference lacks is said to be so.
    #[command(
        after_help = "Examples:\n  sperr explain 7100\n  sperr explain 2001 2006\n  \
                            pbpaste | sperr explain\n  sperr explain - < ticket.txt"
    )]
    Explain {
        /// Codes to explain, or `-` to read a ticket or log on stdin
        #[arg(value_name = "CODE", value_parser = Suggested(code_values), hide_possible_values = true)]
        codes: Vec<String>,
    },
    /// Search the reference by its words, best match first; forgiving of typos
    ///
    /// The query is matched against the messages, user messages, further
    /// information, category names and the server's message templates, with
    /// word forms, typos, synonyms and abbreviations (mfa, jwt, sign in) read
    /// as the reference's words. A pasted server message with its
    /// placeholders filled in finds its code. When nothing matches well
    /// enough to be an answer, it says so on stderr, with the closest guess,
    /// and exits 1.
    #[command(after_help = "Examples:\n  sperr search wrong password\n  \
                            sperr search 'mfa code expired'\n  sperr search pasword incorect\n  \
                            sperr search --limit 3 --json jwt signature")]
    Search(Deferred<SearchArgs>),
    /// List every error, or those of one category, source or HTTP status
    ///
    /// A category is named by its name in any case, a unique prefix of it, its
    /// range label (7XXX) or a short name people use (mfa, 2fa, smtp, mail,
    /// saml, sso, oauth, token, jwt, idsite, agent, ldap, billing, card,
    /// tenant, org, app, dir, account, custom-data, validation).
    #[command(
        after_help = "Examples:\n  sperr list\n  sperr list --category account\n  \
                            sperr list --category 13XXX\n  sperr list --source observed\n  \
                            sperr list --status 409\n  sperr list --categories"
    )]
    List {
        /// A category: its name, a unique prefix of it (acc), its range
        /// (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)
        #[arg(
            long,
            short = 'c',
            value_name = "CATEGORY",
            conflicts_with = "categories",
            value_parser = Suggested(category_values),
            hide_possible_values = true
        )]
        category: Option<String>,
        /// Only the entries from one source: the published reference, the
        /// server's message file, or public material (observed)
        #[arg(long, value_enum, value_name = "SOURCE", conflicts_with = "categories")]
        source: Option<SourceChoice>,
        /// Only the entries a source shows with this HTTP status
        #[arg(long, value_name = "STATUS", conflicts_with = "categories")]
        status: Option<u16>,
        /// List the categories with their ranges and counts instead
        #[arg(long)]
        categories: bool,
    },
    /// Find Stormpath error codes in tickets, logs and support archives
    /// (stdin when no PATH)
    ///
    /// A number counts as a code only in an error context (after error, code
    /// or Stormpath, as a code field's value, in a moreInfo URL, in a list
    /// that continues one of those); a quoted catalog or server message counts
    /// for its code. Directories are walked as ripgrep walks them; compressed
    /// files, zip and tar bundles and UTF-16 text are read by their content.
    /// Each hit is printed as it is found: FILE:LINE (FILE:MEMBER:LINE inside
    /// a bundle), the code and its message; --summary counts tickets and
    /// sightings per code and per category.
    #[command(after_help = SCAN_HELP)]
    Scan(Deferred<ScanArgs>),
    /// Print a shell completion script
    ///
    /// The scripts complete the subcommands, the options, the category short
    /// names of --category, and the error codes of show and explain (in zsh
    /// and fish each with its message).
    #[command(
        after_help = "Examples:\n  sperr completions bash > ~/.local/share/bash-completion/completions/sperr\n  \
                            sperr completions fish > ~/.config/fish/completions/sperr.fish"
    )]
    Completions {
        /// The shell to print the script for
        shell: clap_complete::Shell,
        #[command(flatten)]
        unused: UnusedOutputArgs,
    },
}

/// A subcommand's arguments, made only when that subcommand runs (or its
/// help, completion or man page is asked for): clap otherwise builds every
/// subcommand's arguments at each start, and scan's many options would
/// cost a lookup a twentieth of its time.
#[derive(Debug)]
pub struct Deferred<T>(pub T);

impl<T: Args> Args for Deferred<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.defer(T::augment_args)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(T::augment_args_for_update)
    }
}

impl<T: clap::FromArgMatches> clap::FromArgMatches for Deferred<T> {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Deferred)
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

const SCAN_HELP: &str = "\
Directories are walked as ripgrep walks them; compressed files (gzip, bzip2, xz,
zstd), zip and tar bundles and UTF-16 text are read by their content.

Examples:
  sperr scan ticket.txt
  sperr scan support-archive/ --summary
  sperr scan -l --code 7100 archive/     which tickets mention 7100?
  sperr scan app.log.1.gz bundle.zip
  tail -f app.log | sperr scan
  sperr scan -g '*.log' --format jsonl logs/";

// What `search` looks for. (A doc comment here would replace the
// subcommand's own description: the arguments are added after it.)
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to look for
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Show at most this many results; 0 for every one good enough to be
    /// an answer
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// Search one category only: its name, a unique prefix of it, its
    /// range (7XXX) or a short name (mfa, smtp, saml, ldap, jwt, org)
    #[arg(long, short = 'c', value_name = "CATEGORY")]
    pub category: Option<String>,
}

// What `scan` reads and how. (A doc comment here would replace the
// subcommand's own description: the arguments are added after it.)
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files and directories to read; `-` or none reads stdin
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Count tickets and sightings per code and per category, most
    /// frequent first
    #[arg(long, conflicts_with_all = ["files_with_matches", "quiet"])]
    pub summary: bool,
    /// Print each ticket (file or bundle member) that names a code, once
    #[arg(long, short = 'l', conflicts_with = "quiet")]
    pub files_with_matches: bool,
    /// Print nothing; answer by exit status (0 when a code was found)
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Keep only these codes: codes, ranges, patterns (71xx) or
    /// categories; repeatable
    // No completion values: clap_complete's fish script would not escape
    // the `${code}` in 13103's message.
    #[arg(long = "code", value_name = "SELECTOR")]
    pub codes: Vec<String>,
    /// Scan with this many threads [default: all cores]
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Walk hidden files and directories too
    #[arg(long, short = '.')]
    pub hidden: bool,
    /// Don't read .gitignore, .ignore and .rgignore files
    #[arg(long)]
    pub no_ignore: bool,
    /// Fewer filters: -u no ignore files, -uu also hidden files, -uuu
    /// also binary files
    #[arg(short = 'u', action = clap::ArgAction::Count)]
    pub unrestricted: u8,
    /// Scan only files that match GLOB (`!GLOB` to exclude); repeatable
    #[arg(long, short = 'g', value_name = "GLOB")]
    pub glob: Vec<String>,
    /// Descend at most N directories below each PATH
    #[arg(long, value_name = "N")]
    pub max_depth: Option<usize>,
    /// Follow symbolic links while walking
    #[arg(long, short = 'L')]
    pub follow: bool,
    /// Stop reading a compressed file or bundle member after this many
    /// bytes decompressed (K, M, G suffixes) [default: 4G]
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_expand: Option<u64>,
    /// Never show the progress line of a long scan
    #[arg(long)]
    pub no_progress: bool,
    /// Print files, bytes, tickets, hits and time on stderr at the end
    #[arg(long)]
    pub stats: bool,
}

/// `4096`, `64K`, `100M`, `4G` (powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, shift) = match text.char_indices().last() {
        Some((i, 'k' | 'K')) => (&text[..i], 10),
        Some((i, 'm' | 'M')) => (&text[..i], 20),
        Some((i, 'g' | 'G')) => (&text[..i], 30),
        _ => (text, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| "a size such as 4096, 64K, 100M or 4G".to_string())
}

/// The output options, taken and ignored where they do nothing (a
/// completion script is always plain text): defined here, hidden, they
/// stand in for the global ones, so the subcommand's help leaves them out.
#[derive(Debug, Args)]
pub struct UnusedOutputArgs {
    #[arg(long, hide = true, value_name = "WHEN")]
    color: Option<ColorChoice>,
    #[arg(long, hide = true, value_name = "FORMAT")]
    format: Option<FormatChoice>,
    #[arg(long, hide = true, num_args = 0, default_missing_value = "true")]
    json: Option<bool>,
    #[arg(long, hide = true, num_args = 0, default_missing_value = "true")]
    no_pager: Option<bool>,
}

/// The command line with `show` put before a first argument that reads as
/// a code, range, pattern or moreInfo URL rather than a subcommand, as
/// `errno 2` works: `sperr 7100` is `sperr show 7100`.
pub fn with_implied_show(
    command: &clap::Command,
    mut args: Vec<std::ffi::OsString>,
) -> Vec<std::ffi::OsString> {
    let mut i = 1;
    while let Some(arg) = args.get(i).and_then(|a| a.to_str()) {
        match arg {
            "--" => return args,
            // Global options that take their value as the next argument.
            "--color" | "--format" => i += 2,
            _ if arg.starts_with('-') && arg.len() > 1 => i += 1,
            _ => {
                let is_subcommand = command.find_subcommand(arg).is_some() || arg == "help";
                if !is_subcommand && catalog::parse_selectors(arg).is_ok() {
                    args.insert(i, "show".into());
                }
                return args;
            }
        }
    }
    args
}

/// The longest description a completion shows beside a code.
const COMPLETION_DESCRIPTION: usize = 60;

/// An argument of any text (the commands read it leniently), with values
/// offered to shell completion: codes with their messages, or category
/// names with their ranges.
#[derive(Debug, Clone, Copy)]
pub struct Suggested(fn() -> Vec<PossibleValue>);

impl TypedValueParser for Suggested {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new((self.0)().into_iter()))
    }
}

/// Every code, with its message cut short.
fn code_values() -> Vec<PossibleValue> {
    catalog::entries()
        .iter()
        .map(|e| {
            PossibleValue::new(leak(e.code.to_string()))
                .help(shorten(&markup::one_line(&markup::plain(e.message()))))
        })
        .collect()
}

/// The categories' short names, each with its category's name and range.
fn category_values() -> Vec<PossibleValue> {
    catalog::category_short_names()
        .filter_map(|(short, _)| {
            let c = catalog::category_by_short_name(short)?;
            Some(PossibleValue::new(short).help(format!("{} ({})", c.name, c.range)))
        })
        .collect()
}

/// A name for a possible value. clap takes owned names only with a feature
/// that slows every start; these are made only to complete or to document,
/// once, just before the process ends.
fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

/// A description cut to fit beside a completion, at a word.
fn shorten(text: &str) -> String {
    if text.chars().count() <= COMPLETION_DESCRIPTION {
        return text.to_string();
    }
    let cut: String = text.chars().take(COMPLETION_DESCRIPTION).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn completions_offer_every_code_with_its_message() {
        let values: Vec<PossibleValue> = code_values();
        assert_eq!(values.len(), catalog::entries().len());
        let first = &values[0];
        assert_eq!(first.get_name(), "1100");
        assert_eq!(
            first.get_help().unwrap().to_string(),
            "The specified HTTP request method is not supported."
        );
        assert!(values.iter().all(
            |v| v.get_help().unwrap().to_string().chars().count() <= COMPLETION_DESCRIPTION + 1
        ));
    }

    #[test]
    fn every_category_has_a_short_name_and_every_short_name_a_category() {
        assert_eq!(catalog::category_short_names().count(), 26);
        for (short, name) in catalog::category_short_names() {
            let category = catalog::category_by_short_name(short);
            assert_eq!(category.map(|c| c.name), Some(name), "{short}");
        }
        for category in catalog::categories() {
            assert!(
                catalog::category_short_names().any(|(_, name)| name == category.name),
                "{} has no short name",
                category.name
            );
        }
    }

    #[test]
    fn every_category_short_name_finds_its_category() {
        for value in category_values() {
            let category =
                catalog::find_category(value.get_name()).expect("a short name finds its category");
            assert!(
                value
                    .get_help()
                    .unwrap()
                    .to_string()
                    .starts_with(category.name)
            );
        }
    }

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("4g"), Ok(4 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }

    #[test]
    fn a_code_first_runs_show() {
        let command = Cli::command();
        let with = |args: &[&str]| -> Vec<String> {
            let args = args.iter().map(std::ffi::OsString::from).collect();
            with_implied_show(&command, args)
                .into_iter()
                .map(|a| a.into_string().unwrap())
                .collect()
        };
        assert_eq!(with(&["sperr", "7100"]), ["sperr", "show", "7100"]);
        assert_eq!(
            with(&["sperr", "--color", "never", "--json", "71xx", "2001"]),
            [
                "sperr", "--color", "never", "--json", "show", "71xx", "2001"
            ]
        );
        for unchanged in [
            &["sperr", "list"][..],
            &["sperr", "help", "show"],
            &["sperr", "--format", "json", "search", "7100"],
            &["sperr", "lsit"],
            &["sperr", "--", "7100"],
            &["sperr"],
        ] {
            assert_eq!(with(unchanged), unchanged);
        }
    }

    #[test]
    fn long_descriptions_are_cut_at_a_word() {
        let long = "Login attempt failed because there is no Account in the Application's associated Account Stores";
        assert_eq!(
            shorten(long),
            "Login attempt failed because there is no Account in the…"
        );
        assert_eq!(shorten("Short."), "Short.");
    }
}
