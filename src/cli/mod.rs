//! The command-line definition, and nothing else: the clap types here,
//! their help texts in `help`, the values completion offers in `values`,
//! and the implied `show` (`sperr 7100`) in `implied_show`.

mod help;
mod implied_show;
mod values;

pub(crate) use help::{AFTER_HELP, LONG_VERSION};
pub use implied_show::with_implied_show;
pub(crate) use values::Suggested;

use crate::catalog;
use clap::{Args, Parser, Subcommand, ValueEnum};
use help::{ABOUT, LONG_ABOUT, MERGE_HELP, SCAN_HELP, USAGE};
use std::path::PathBuf;
use values::{category_values, code_values};

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
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    pub color: Option<ColorChoice>,
    /// Output format [default: table on a terminal, plain when piped]
    /// (jsonl: one JSON object per line)
    #[arg(
        long,
        value_enum,
        global = true,
        value_name = "FORMAT",
        help_heading = "Global options"
    )]
    pub format: Option<FormatChoice>,
    // The two flags take no value and have no default: a flag with a default
    // costs every run a sixth of its start-up to copy into each subcommand.
    /// Short for --format json
    #[arg(
        long,
        global = true,
        conflicts_with = "format",
        num_args = 0,
        default_missing_value = "true",
        help_heading = "Global options"
    )]
    json: Option<bool>,
    /// Never page output, even when it is taller than the terminal
    #[arg(
        long,
        global = true,
        num_args = 0,
        default_missing_value = "true",
        help_heading = "Global options"
    )]
    no_pager: Option<bool>,
}

impl GlobalArgs {
    pub(crate) fn json(&self) -> bool {
        self.json == Some(true)
    }

    pub(crate) fn no_pager(&self) -> bool {
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
    pub(crate) fn origin(self) -> catalog::Origin {
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
    Explain(Deferred<ExplainArgs>),
    /// Search the reference by what you mean, best match first; forgiving of typos
    ///
    /// A sentence model built into sperr (in the default build) compares the
    /// query's meaning with each entry's texts and with how end users,
    /// support engineers and developers describe its situation; the query's
    /// words are matched too, against the messages, user messages, further
    /// information, category names and the server's message templates, with
    /// word forms, typos, synonyms and abbreviations (mfa, jwt, sign in) read
    /// as the reference's words. A code, or a pasted server message with its
    /// placeholders filled in, finds its entry first. When nothing matches
    /// well enough to be an answer, it says so on stderr, with the closest
    /// guess, and exits 1. JSON gives each hit's score, from 0 to 1.
    #[command(after_help = "Examples:\n  sperr search wrong password\n  \
                            sperr search 'it says my account is locked after 3 tries'\n  \
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
    List(Deferred<ListArgs>),
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
    /// Add up shard summaries (scan --summary --format jsonl) into the whole's
    ///
    /// A large archive is split by file into shards, each scanned on its own
    /// (under GNU parallel, Spark or Hadoop Streaming) with `sperr scan
    /// --summary --format jsonl`, or with --by to count per period. merge
    /// reads those JSON Lines files (`-` for stdin; JSON arrays are read
    /// too) and prints the summary one scan of the whole archive would
    /// print, in any format: counts added, first and last seen, periods,
    /// and in JSON each code's first 100 tickets in path order. Summaries
    /// made by another format_version of sperr, or counted by other
    /// periods, are refused with a line naming the file.
    #[command(after_help = MERGE_HELP)]
    Merge(Deferred<MergeArgs>),
    /// Print a shell completion script
    ///
    /// The scripts complete the subcommands, the options, the category short
    /// names of --category, and the error codes of show and explain (in zsh
    /// and fish each with its message).
    #[command(
        after_help = "Examples:\n  sperr completions bash > ~/.local/share/bash-completion/completions/sperr\n  \
                            sperr completions fish > ~/.config/fish/completions/sperr.fish\n\n\
                      Exit status:\n  0  the script was written\n  \
                            2  a usage error, or the script could not be written"
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

// What `merge` adds up. (As for `ScanArgs`, no doc comment.)
/// A report's file: a name, not `-` (stdout holds the command's output).
fn report_file(value: &str) -> Result<PathBuf, String> {
    match value {
        "-" => Err("the report is written to a file: give its name".into()),
        _ => Ok(PathBuf::from(value)),
    }
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Shard summaries (scan --summary --format jsonl); `-` reads stdin
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the combined summary as one HTML page instead of printing it
    /// (timelines where the shards were counted with --by)
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, value_parser = report_file)]
    pub report: Option<PathBuf>,
}

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
    #[arg(
        long,
        short = 'c',
        value_name = "CATEGORY",
        value_parser = Suggested(category_values),
        hide_possible_values = true
    )]
    pub category: Option<String>,
}

// What `scan` reads and how. (A doc comment here would replace the
// subcommand's own description: the arguments are added after it.)
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files and directories to read; `-` or none reads stdin
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Stop reading a compressed file or bundle member after this many
    /// bytes decompressed (K, M, G suffixes) [default: 4G]
    #[arg(long, value_name = "SIZE", value_parser = parse_size, help_heading = "Input")]
    pub max_expand: Option<u64>,
    /// Keep only these codes: codes, ranges, patterns (71xx) or
    /// categories; repeatable
    // No completion values: clap_complete's fish script would not escape
    // the `${code}` in 13103's message.
    #[arg(long = "code", value_name = "SELECTOR", help_heading = "What to find")]
    pub codes: Vec<String>,
    /// Count tickets and sightings per code and per category, most
    /// frequent first
    #[arg(long, conflicts_with_all = ["files_with_matches", "quiet"], help_heading = "Output")]
    pub summary: bool,
    /// With --summary and --code: add the selected codes that nothing
    /// scanned names, as rows with no tickets (what an integration does not
    /// handle)
    #[arg(long, requires = "codes", help_heading = "Output")]
    pub absent: bool,
    /// Count per UTC day, ISO week or month too, with each code's first
    /// and last sighting (implies --summary); undated hits count in an
    /// `undated` period
    #[arg(
        long,
        value_name = "PERIOD",
        value_parser = clap::builder::PossibleValuesParser::new(crate::scan::periods::By::NAMES),
        conflicts_with_all = ["files_with_matches", "quiet"],
        help_heading = "Output"
    )]
    pub by: Option<String>,
    /// Write the summary as one self-contained HTML page to FILE: totals, a
    /// sortable table, timelines (per --by, else a period that suits the
    /// span), each code's reference text and tickets. Prints nothing more
    /// unless --summary or --by asks
    #[arg(
        long,
        value_name = "FILE",
        value_hint = clap::ValueHint::FilePath,
        value_parser = report_file,
        conflicts_with_all = ["files_with_matches", "quiet"],
        help_heading = "Output"
    )]
    pub report: Option<PathBuf>,
    /// Print each ticket (file or bundle member) that names a code, once
    #[arg(long, short = 'l', conflicts_with = "quiet", help_heading = "Output")]
    pub files_with_matches: bool,
    /// Print nothing; answer by exit status (0 when a code was found)
    #[arg(long, short = 'q', help_heading = "Output")]
    pub quiet: bool,
    /// Print files, bytes, tickets, hits and time on stderr at the end
    #[arg(long, help_heading = "Output")]
    pub stats: bool,
    /// Never show the progress line of a long scan
    #[arg(long, help_heading = "Output")]
    pub no_progress: bool,
    /// Walk hidden files and directories too
    #[arg(long, short = '.', help_heading = "Walking")]
    pub hidden: bool,
    /// Don't read .gitignore, .ignore and .rgignore files
    #[arg(long, help_heading = "Walking")]
    pub no_ignore: bool,
    /// Fewer filters: -u no ignore files, -uu also hidden files, -uuu
    /// also binary files
    #[arg(short = 'u', action = clap::ArgAction::Count, help_heading = "Walking")]
    pub unrestricted: u8,
    /// Scan only files that match GLOB (`!GLOB` to exclude); repeatable
    #[arg(long, short = 'g', value_name = "GLOB", help_heading = "Walking")]
    pub glob: Vec<String>,
    /// Limit the depth of directory traversal to N levels beyond the paths
    /// given; 0 reads only the paths themselves (as ripgrep's --max-depth)
    #[arg(long, value_name = "N", help_heading = "Walking")]
    pub max_depth: Option<usize>,
    /// Follow symbolic links while walking
    #[arg(long, short = 'L', help_heading = "Walking")]
    pub follow: bool,
    /// Scan with this many threads [default: all cores]
    #[arg(long, short = 'j', value_name = "N", help_heading = "Walking")]
    pub threads: Option<usize>,
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

// What `explain` explains. (As for `ScanArgs`, no doc comment.)
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Codes to explain, or `-` to read a ticket or log on stdin
    #[arg(value_name = "CODE", value_parser = Suggested(code_values), hide_possible_values = true)]
    pub codes: Vec<String>,
}

// What `list` lists. (As for `ScanArgs`, no doc comment.)
#[derive(Debug, Args)]
pub struct ListArgs {
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
    pub category: Option<String>,
    /// Only the entries from one source: the published reference, the
    /// server's message file, or public material (observed)
    #[arg(long, value_enum, value_name = "SOURCE", conflicts_with = "categories")]
    pub source: Option<SourceChoice>,
    /// Only the entries a source shows with this HTTP status
    #[arg(long, value_name = "STATUS", conflicts_with = "categories")]
    pub status: Option<u16>,
    /// List the categories with their ranges and counts instead
    #[arg(long)]
    pub categories: bool,
}

/// The output options, taken and ignored where they do nothing (a
/// completion script is always plain text): defined here, hidden, they
/// stand in for the global ones, so the subcommand's help leaves them out.
#[derive(Debug, Args)]
pub struct UnusedOutputArgs {
    #[arg(long, hide = true, value_name = "WHEN", conflicts_with = "shell")]
    color: Option<ColorChoice>,
    #[arg(long, hide = true, value_name = "FORMAT", conflicts_with = "shell")]
    format: Option<FormatChoice>,
    #[arg(
        long,
        hide = true,
        num_args = 0,
        default_missing_value = "true",
        conflicts_with = "shell"
    )]
    json: Option<bool>,
    #[arg(
        long,
        hide = true,
        num_args = 0,
        default_missing_value = "true",
        conflicts_with = "shell"
    )]
    no_pager: Option<bool>,
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
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("4g"), Ok(4 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
