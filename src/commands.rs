//! The commands: each reads its arguments, asks the catalog, search or scan,
//! and renders into `out`. Problems that stop a command are returned;
//! notes about part of an answer (one unknown code of several) go to `err`.

use crate::body;
use crate::catalog::{self, Entry};
use crate::cli::ScanArgs;
use crate::cli::{Command, Deferred};
use crate::markup;
use crate::render::stream::{self, Layout};
use crate::render::{self, Format, Style, explain::Sighting};
use crate::scan::sink::{self, SinkFactory};
use crate::scan::{self, order::Ordered};
use crate::search;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// How a command ended, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something was found: exit 0.
    Found,
    /// Nothing was found: exit 1.
    NotFound,
    /// Some input could not be read, though the rest was: exit 2.
    Incomplete,
}

/// Why a command could not run: exit 2.
#[derive(Debug)]
pub enum Error {
    /// The arguments were wrong; the message says how.
    Usage(String),
    /// Writing the output failed.
    Output(io::Error),
    /// Reading input failed.
    Input(String),
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Output(e)
    }
}

/// The most stdin `explain` reads; `scan` reads any amount.
const MAX_EXPLAIN_INPUT: u64 = 64 << 20;

/// Where a command's output goes.
pub struct Streams<'a> {
    /// Output rendered whole, then written (and paged) by the caller.
    pub out: &'a mut dyn Write,
    /// Stdout itself, for output that streams as it is found (`scan`).
    pub direct: Box<dyn Write + Send>,
    /// Notes about part of an answer.
    pub err: &'a mut (dyn Write + Send),
    pub terminals: Terminals,
}

pub fn run(command: &Command, style: &Style, streams: Streams) -> Result<Outcome, Error> {
    let Streams {
        out,
        direct,
        err,
        terminals,
    } = streams;
    match command {
        Command::Show { codes } => show(codes, style, out, err),
        Command::Explain { codes } if codes.is_empty() => explain_stdin(false, style, out, err),
        Command::Explain { codes } if codes == &["-"] => explain_stdin(true, style, out, err),
        Command::Explain { codes } => explain(codes, style, out, err),
        Command::Search(Deferred(args)) => search(
            &args.query.join(" "),
            args.limit,
            args.category.as_deref(),
            style,
            out,
            err,
        ),
        Command::List {
            category,
            source,
            status,
            categories,
        } => {
            let filter = ListFilter {
                category: category.as_deref(),
                origin: source.map(|s| s.origin()),
                status: *status,
            };
            list(&filter, *categories, style, out, err)
        }
        Command::Scan(args) => scan(&args.0, style, terminals, out, direct, err),
        Command::Completions { shell, .. } => {
            crate::completions::write(*shell, out)?;
            Ok(Outcome::Found)
        }
    }
}

/// The entries that code arguments name, in code order without repeats.
/// An argument that names nothing gets a line on `err`, as grep does it.
fn select(codes: &[String], err: &mut dyn Write) -> Result<Vec<&'static Entry>, Error> {
    let mut selectors = Vec::new();
    for code in codes {
        let selector = catalog::parse_selectors(code)
            .map_err(|e| Error::Usage(format!("{:?}: {e}", scan::escape(code.as_bytes()))))?;
        selectors.extend(selector);
    }
    let mut found = Vec::new();
    for selector in &selectors {
        let entries = selector.entries();
        if entries.is_empty() {
            writeln!(err, "sperr: {}", catalog::not_found(selector))?;
        }
        found.extend(entries);
    }
    found.sort_by_key(|e| e.code);
    found.dedup_by_key(|e| e.code);
    Ok(found)
}

fn outcome(found: bool) -> Outcome {
    if found {
        Outcome::Found
    } else {
        Outcome::NotFound
    }
}

fn show(
    codes: &[String],
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let entries = select(codes, err)?;
    if !entries.is_empty() || style.format == Format::Json {
        render::entries(out, style, &entries)?;
    }
    Ok(outcome(!entries.is_empty()))
}

fn explain(
    codes: &[String],
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let entries = select(codes, err)?;
    match style.format {
        Format::Json => render::json::entries(out, &entries)?,
        _ => render::explain::entries(out, style, &entries)?,
    }
    Ok(outcome(!entries.is_empty()))
}

/// Explains the codes in a ticket or log on stdin. On a terminal, only an
/// explicit `-` reads it (a paste ended by Ctrl-D); with no argument at
/// all, the user more likely forgot the code.
fn explain_stdin(
    dash: bool,
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        if !dash {
            return Err(Error::Usage(
                "explain with no code reads a ticket or log on stdin; pipe one in, \
                 use `sperr explain -` to paste one, or give a code"
                    .into(),
            ));
        }
        writeln!(
            err,
            "sperr: reading stdin: paste a ticket or log, then press Ctrl-D on a new line"
        )?;
    }
    let mut input = Vec::new();
    stdin
        .lock()
        .take(MAX_EXPLAIN_INPUT + 1)
        .read_to_end(&mut input)
        .map_err(|e| Error::Input(format!("stdin: {e}")))?;
    if input.len() as u64 > MAX_EXPLAIN_INPUT {
        return Err(Error::Input(format!(
            "stdin: over {} MiB; `sperr scan` reads input of any size",
            MAX_EXPLAIN_INPUT >> 20
        )));
    }
    explain_text(&input, style, out, err)
}

/// Explains every code found in a text, once each; a code the reference
/// lacks is said to be so, with what the text itself said of it.
pub fn explain_text(
    input: &[u8],
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    // Read as scan reads stdin: mail part by part, bundles member by member.
    let mut notes = Vec::new();
    let (named_hits, _) = scan::scan_input(&mut &input[..], scan::Limits::default(), &mut notes);
    err.write_all(&notes)?;
    let hits: Vec<scan::Hit> = named_hits.into_iter().map(|(_, hit)| hit).collect();
    let bodies = body::find(&String::from_utf8_lossy(input));
    let mut sightings: Vec<Sighting> = Vec::new();
    for hit in &hits {
        match sightings.iter_mut().find(|s| s.code == hit.code) {
            Some(s) => s.hits.push(hit),
            None => sightings.push(Sighting {
                code: hit.code,
                entry: hit.entry,
                hits: vec![hit],
                bodies: bodies.iter().filter(|b| b.code == hit.code).collect(),
            }),
        }
    }
    match style.format {
        Format::Json => render::explain::sightings_json(out, &sightings)?,
        _ if sightings.is_empty() => {
            writeln!(err, "sperr: no Stormpath error code found in the input")?
        }
        _ => render::explain::sightings(out, style, &sightings)?,
    }
    Ok(outcome(!sightings.is_empty()))
}

fn search(
    query: &str,
    limit: usize,
    category: Option<&str>,
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    if query.trim().is_empty() {
        return Err(Error::Usage(
            "empty query; give words to look for, such as `sperr search account locked`".into(),
        ));
    }
    let category = category
        .map(catalog::find_category)
        .transpose()
        .map_err(|e| Error::Usage(e.to_string()))?;
    let mut hits = search::ranked(query, category);
    let guess = hits.first().filter(|h| !search::is_answer(h)).cloned();
    hits.retain(search::is_answer);
    if limit > 0 {
        hits.truncate(limit);
    }
    if hits.is_empty() {
        let hint = match guess {
            Some(guess) => format!(
                "closest guess: {} ({}), {:?}",
                guess.entry.code,
                guess.entry.category().name,
                markup::plain(guess.entry.message())
            ),
            None if category.is_some() => format!(
                "nothing in {}; try without --category",
                category.map_or("", |c| c.name)
            ),
            None => {
                let suggestions = search::suggestions(query);
                if suggestions.is_empty() {
                    "try other words, or `sperr list`".to_string()
                } else {
                    format!("close words in the reference: {}", suggestions.join(", "))
                }
            }
        };
        writeln!(err, "sperr: no error matches {:?}; {hint}", quoted(query))?;
    }
    if !hits.is_empty() || style.format == Format::Json {
        render::search_hits(out, style, &hits)?;
    }
    Ok(outcome(!hits.is_empty()))
}

/// A query as an error message quotes it: escaped, and cut short when it is
/// a pasted document.
fn quoted(query: &str) -> String {
    const SHOWN: usize = 60;
    let escaped = scan::escape(query.as_bytes());
    match escaped.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &escaped[..cut]),
        None => escaped,
    }
}

/// Which entries `list` shows: all that pass every filter given.
struct ListFilter<'a> {
    category: Option<&'a str>,
    origin: Option<catalog::Origin>,
    status: Option<u16>,
}

fn list(
    filter: &ListFilter,
    categories: bool,
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    if categories {
        render::categories(out, style)?;
        return Ok(Outcome::Found);
    }
    let mut entries: Vec<&Entry> = match filter.category {
        Some(name) => {
            let category = catalog::find_category(name).map_err(|e| Error::Usage(e.to_string()))?;
            catalog::in_category(category).collect()
        }
        None => catalog::entries().iter().collect(),
    };
    entries.retain(|e| filter.origin.is_none_or(|o| e.origin() == o));
    entries.retain(|e| filter.status.is_none_or(|s| e.status() == Some(s)));
    if entries.is_empty() {
        writeln!(err, "sperr: {}", no_entries_message(filter))?;
        if style.format == Format::Json {
            render::entries(out, style, &entries)?;
        }
        return Ok(Outcome::NotFound);
    }
    render::entries(out, style, &entries)?;
    Ok(Outcome::Found)
}

/// Why `list` found nothing: a status no source shows, or filters that
/// together match no entry.
fn no_entries_message(filter: &ListFilter) -> String {
    let mut known: Vec<u16> = catalog::entries()
        .iter()
        .filter_map(|e| e.status())
        .collect();
    known.sort_unstable();
    known.dedup();
    let Some(status) = filter.status.filter(|s| !known.contains(s)) else {
        return "no entry matches these filters together".to_string();
    };
    let known: Vec<String> = known.iter().map(u16::to_string).collect();
    format!(
        "no entry that a source shows with HTTP status {status} matches; \
         the statuses sources show are {}",
        known.join(", ")
    )
}

/// Which of the standard streams are terminals, for `scan`'s choices.
#[derive(Debug, Clone, Copy, Default)]
pub struct Terminals {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

/// Scans paths (or stdin). Hits stream to `direct` as they are found;
/// what is only known at the end (`--summary`, `--format table`) is
/// rendered into `buffered`. Notes about the input go to `err`.
pub fn scan(
    args: &ScanArgs,
    style: &Style,
    terminals: Terminals,
    buffered: &mut dyn Write,
    direct: Box<dyn Write + Send>,
    err: &mut (dyn Write + Send),
) -> Result<Outcome, Error> {
    let options = scan_options(args)?;
    let reads_stdin = options.paths.is_empty() || options.paths.iter().any(|p| p == Path::new("-"));
    if reads_stdin && terminals.stdin {
        writeln!(
            err,
            "sperr: reading a ticket or log from the terminal; paste it, then press Ctrl-D"
        )?;
    }
    let counters = Arc::new(scan::Counters::default());
    let streams_to_terminal = terminals.stdout && !args.summary && !args.files_with_matches;
    let progress = (terminals.stderr && !streams_to_terminal && !args.quiet && !args.no_progress)
        .then(|| scan::Progress::start(Arc::clone(&counters)));
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let run = |sinks: &dyn SinkFactory, err: &mut (dyn Write + Send)| {
        scan::run(&options, sinks, err, &counters, &stop, progress.as_ref())
    };
    let json = style.format == Format::Json;
    let outcome = if args.quiet {
        run(&sink::Quiet(&stop), err)
    } else if args.summary {
        let summaries = sink::Summaries::default();
        let outcome = run(&summaries, err);
        render::scan_summary(buffered, style, &summaries.finish(), style.json_lines)?;
        outcome
    } else if style.format == Format::Table && style.explicit && !args.files_with_matches {
        let ordered = Ordered::new(sink::Gathered::default());
        let outcome = run(&sink::Tables { ordered: &ordered }, err);
        let (gathered, _) = ordered.finish();
        if !gathered.0.is_empty() {
            render::table::scan_hits(buffered, style, &gathered.0)?;
        }
        outcome
    } else {
        let layout = match style.format {
            _ if args.files_with_matches => Layout::Names { json },
            Format::Json if style.json_lines => Layout::Jsonl,
            Format::Json => Layout::Json,
            Format::Plain => Layout::Plain,
            Format::Table => Layout::Grouped(*style),
        };
        let array = json && !style.json_lines;
        let ordered = Ordered::new(stream::Writer::new(direct, array));
        let outcome = run(
            &stream::Printers {
                layout,
                ordered: &ordered,
                stop: &stop,
            },
            err,
        );
        let (writer, error) = ordered.finish();
        if let Some(e) = error {
            return Err(Error::Output(e));
        }
        writer.end()?;
        outcome
    };
    if let Some(progress) = progress {
        progress.finish();
    }
    if args.stats {
        write!(
            err,
            "{}",
            scan::progress::stats(&counters, started.elapsed())
        )?;
    }
    // As grep -q: a hit answers the question, whatever else went wrong.
    Ok(if outcome.failed && !(args.quiet && outcome.found) {
        Outcome::Incomplete
    } else {
        self::outcome(outcome.found)
    })
}

/// The most threads a scan starts, whatever `-j` asks for.
const MAX_THREADS: usize = 64;

/// The scan's options from its arguments.
fn scan_options(args: &ScanArgs) -> Result<scan::Options, Error> {
    let filter = scan::CodeFilter::parse(&args.codes).map_err(Error::Usage)?;
    let threads = match args.threads {
        Some(0) => return Err(Error::Usage("--threads must be at least 1".into())),
        // More threads than this only cost memory: reading is the limit.
        Some(n) => n.min(MAX_THREADS),
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    for glob in &args.glob {
        ignore::overrides::OverrideBuilder::new(".")
            .add(glob)
            .map_err(|e| {
                Error::Usage(format!("--glob {:?}: {e}", scan::escape(glob.as_bytes())))
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
    })
}

pub use crate::scan::io_reason;
