//! The commands: each reads its arguments, asks the catalog, search or scan,
//! and renders into `out`. Problems that stop a command are returned;
//! notes about part of an answer (one unknown code of several) go to `err`.

use crate::body;
use crate::catalog::{self, Entry};
use crate::cli::{Command, Deferred};
use crate::render::stream;
use crate::render::{self, Format, Style, explain::Sighting};
use crate::scan::periods::By;
use crate::scan::sink::{self, SinkFactory};
use crate::scan::{self, order::Ordered};
use crate::search;
use crate::settings::{ScanOutput, ScanSettings, Settings};
use crate::standalone::markup;
use std::io::{self, Read, Write};
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
}

pub fn run(command: &Command, settings: &Settings, streams: Streams) -> Result<Outcome, Error> {
    let Streams { out, direct, err } = streams;
    let style = &settings.style;
    let stdin_is_terminal = settings.terminals.stdin;
    match command {
        Command::Show { codes } => show(codes, style, out, err),
        Command::Explain(Deferred(args)) if args.codes.is_empty() => {
            explain_stdin(false, stdin_is_terminal, style, out, err)
        }
        Command::Explain(Deferred(args)) if args.codes == ["-"] => {
            explain_stdin(true, stdin_is_terminal, style, out, err)
        }
        Command::Explain(Deferred(args)) => explain(&args.codes, style, out, err),
        Command::Search(Deferred(args)) => search(
            &args.query.join(" "),
            args.limit,
            args.category.as_deref(),
            style,
            out,
            err,
        ),
        Command::List(Deferred(args)) => {
            let filter = ListFilter {
                category: args.category.as_deref(),
                origin: args.source.map(|s| s.origin()),
                status: args.status,
            };
            list(&filter, args.categories, style, out, err)
        }
        Command::Scan(_) => {
            let scan_settings = settings.scan.as_ref().expect("settings has scan's");
            scan(scan_settings, style, out, direct, err)
        }
        Command::Merge(Deferred(args)) => {
            merge(&args.files, args.report.as_deref(), style, out, err)
        }
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
            .map_err(|e| Error::Usage(format!("\"{}\": {e}", scan::escape(code.as_bytes()))))?;
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
        Format::Json => render::json::entries(out, &entries, style.json_lines)?,
        _ => render::explain::entries(out, style, &entries)?,
    }
    Ok(outcome(!entries.is_empty()))
}

/// Explains the codes in a ticket or log on stdin. On a terminal, only an
/// explicit `-` reads it (a paste ended by Ctrl-D); with no argument at
/// all, the user more likely forgot the code.
fn explain_stdin(
    dash: bool,
    stdin_is_terminal: bool,
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let stdin = io::stdin();
    if stdin_is_terminal {
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
pub(crate) fn explain_text(
    input: &[u8],
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    // Read as scan reads stdin: mail part by part, bundles member by member.
    let mut notes = Vec::new();
    let (named_hits, _) = scan::scan_input(&mut &input[..], scan::Limits::default(), &mut notes);
    err.write_all(&notes)?;
    let bodies = body::find(&String::from_utf8_lossy(input));
    let mut sightings: Vec<Sighting> = Vec::new();
    for (ticket, hit) in &named_hits {
        match sightings.iter_mut().find(|s| s.code == hit.code) {
            Some(s) => s.hits.push((ticket, hit)),
            None => sightings.push(Sighting {
                code: hit.code,
                entry: hit.entry,
                hits: vec![(ticket, hit)],
                bodies: bodies.iter().filter(|b| b.code == hit.code).collect(),
            }),
        }
    }
    match style.format {
        Format::Json => render::explain::sightings_json(out, &sightings, style.json_lines)?,
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
    let words = search::without_controls(query);
    if words.trim().is_empty() {
        return Err(Error::Usage(
            "empty query; give words to look for, such as `sperr search account locked`".into(),
        ));
    }
    let category = category
        .map(catalog::find_category)
        .transpose()
        .map_err(|e| Error::Usage(e.to_string()))?;
    let ranking = search::ranked(&words, category);
    let subject = ranking.names_a_subject;
    let guess = ranking.hits.first().cloned();
    let mut hits = search::answers(ranking.hits);
    if limit > 0 {
        hits.truncate(limit);
    }
    // A code the reference lacks is said so, whatever the words found.
    let missing = search::missing_code(&words);
    if let Some(missing) = &missing {
        writeln!(err, "sperr: {missing}")?;
    }
    // A query that names a missing code and nothing else is answered by
    // that line alone.
    if hits.is_empty() && (missing.is_none() || subject) {
        let hint = match guess {
            _ if !subject => "it says something went wrong but not with what: add what failed \
                 (signing in, a password, a token, an email…), or paste the error's message"
                .to_string(),
            Some(guess) => format!(
                "closest guess: {} ({}), \"{}\"",
                guess.entry.code,
                guess.entry.category().name,
                markup::plain(guess.entry.message())
            ),
            None if category.is_some() => format!(
                "nothing in {}; try without --category",
                category.map_or("", |c| c.name)
            ),
            None => {
                let suggestions = search::suggestions(&words);
                if suggestions.is_empty() {
                    "try other words, or `sperr list`".to_string()
                } else {
                    format!("close words in the reference: {}", suggestions.join(", "))
                }
            }
        };
        // `quoted` has escaped the control characters already; Debug
        // formatting would escape its backslashes again.
        writeln!(err, "sperr: no error matches \"{}\"; {hint}", quoted(query))?;
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

/// Scans paths (or stdin). Hits stream to `direct` as they are found;
/// what is only known at the end (`--summary`, `--format table`) is
/// rendered into `buffered`. Notes about the input go to `err`.
pub(crate) fn scan(
    settings: &ScanSettings,
    style: &Style,
    buffered: &mut dyn Write,
    direct: Box<dyn Write + Send>,
    err: &mut (dyn Write + Send),
) -> Result<Outcome, Error> {
    if settings.prompt_for_paste {
        writeln!(
            err,
            "sperr: reading a ticket or log from the terminal; paste it, then press Ctrl-D"
        )?;
    }
    for (selector, why) in settings.options.filter.names_nothing() {
        writeln!(
            err,
            "sperr: --code {selector}: {why}; scanning for it anyway"
        )?;
    }
    let counters = Arc::new(scan::Counters::default());
    let progress = settings
        .progress
        .then(|| scan::Progress::start(Arc::clone(&counters)));
    let stop = AtomicBool::new(false);
    let started = Instant::now();
    let run = |sinks: &dyn SinkFactory, err: &mut (dyn Write + Send)| {
        scan::run(
            &settings.options,
            sinks,
            err,
            &counters,
            &stop,
            progress.as_ref(),
        )
    };
    // The report's path once written, or why it could not be: said after
    // the progress line is gone.
    let mut report = None;
    let verdict = match settings.output {
        ScanOutput::Quiet => run(&sink::Quiet(&stop), err),
        ScanOutput::Summary {
            absent,
            by,
            names,
            print,
        } => {
            // The report's period suits the span of time, unless --by says.
            let periods = match (by, &settings.report) {
                (Some(by), _) => By::alone(by),
                (None, Some(_)) => &By::ALL[..],
                (None, None) => &[],
            };
            let summaries = sink::Summaries::new(scan::summary::TallyOptions { periods, names });
            let verdict = run(&summaries, err);
            let mut summary = summaries.finish();
            if absent {
                summary.add_absent(|code| settings.options.filter.keeps(code));
            }
            if print {
                // --summary alone counts in no period, whatever the report does.
                let report_by = summary.by;
                summary.by = by.and(report_by);
                render::scan_summary(buffered, style, &summary)?;
                summary.by = report_by;
            }
            if let Some(path) = &settings.report {
                report = Some(write_report(path, &summary).map(|()| path));
            }
            verdict
        }
        ScanOutput::Table => {
            let ordered = Ordered::new(sink::Gathered::default());
            let verdict = run(&sink::Tables { ordered: &ordered }, err);
            let (gathered, _) = ordered.finish();
            if !gathered.0.is_empty() {
                render::table::scan_hits(buffered, style, &gathered.0)?;
            }
            verdict
        }
        ScanOutput::Stream { layout, json_array } => {
            let ordered = Ordered::new(stream::Writer::new(direct, json_array));
            let verdict = run(
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
            verdict
        }
    };
    if let Some(progress) = progress {
        progress.finish();
    }
    if settings.stats {
        write!(
            err,
            "{}",
            scan::progress::stats(&counters, started.elapsed())
        )?;
    }
    if let Some(report) = report {
        report_written(err, report?)?;
    }
    // As grep -q: a hit answers the question, whatever else went wrong.
    Ok(if verdict.failed && !(settings.quiet && verdict.found) {
        Outcome::Incomplete
    } else {
        outcome(verdict.found)
    })
}

/// A path as notes show it: control characters escaped.
fn shown(path: &std::path::Path) -> String {
    scan::escape(path.as_os_str().as_encoded_bytes())
}

/// Says on stderr where the report went.
fn report_written(err: &mut dyn Write, path: &std::path::Path) -> io::Result<()> {
    writeln!(err, "sperr: wrote the report to {}", shown(path))
}

/// Writes the report whole or not at all: into a file beside `path`, then
/// renamed over it.
fn write_report(path: &std::path::Path, summary: &scan::summary::Summary) -> Result<(), Error> {
    let failed = |e: io::Error| {
        Error::Input(format!(
            "cannot write the report {}: {}",
            shown(path),
            scan::io_reason(&e)
        ))
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => std::path::Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sperr-report").suffix(".tmp");
    // A page to send is as readable as any file written: not 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut file = builder.tempfile_in(dir).map_err(failed)?;
    let mut writer = io::BufWriter::new(file.as_file_mut());
    render::report::page(&mut writer, summary)
        .and_then(|()| writer.flush())
        .map_err(failed)?;
    drop(writer);
    file.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

/// Adds up shard summaries and prints the whole's as `scan --summary`
/// does, or writes it as a report. Nothing is printed unless every input
/// is read and added.
fn merge(
    files: &[std::path::PathBuf],
    report: Option<&std::path::Path>,
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let mut inputs = Vec::new();
    // A shard named twice (`a.jsonl ./a.jsonl`) is added once.
    let mut seen = std::collections::HashSet::new();
    for file in files {
        let same = std::fs::canonicalize(file)
            .ok()
            .filter(|path| !seen.insert(path.clone()));
        if same.is_some() {
            writeln!(err, "sperr: {} is named twice; added once", shown(file))?;
            continue;
        }
        let input = if file.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Input(format!("stdin: {}", scan::io_reason(&e))))?;
            crate::merge::Input {
                name: "stdin".to_string(),
                bytes,
            }
        } else {
            let name = shown(file);
            let bytes = std::fs::read(file)
                .map_err(|e| Error::Input(format!("{name}: {}", scan::io_reason(&e))))?;
            crate::merge::Input { name, bytes }
        };
        inputs.push(input);
    }
    let summary = crate::merge::merge(&inputs).map_err(Error::Input)?;
    match report {
        Some(path) => {
            write_report(path, &summary)?;
            report_written(err, path)?;
        }
        None => render::scan_summary(out, style, &summary)?,
    }
    Ok(outcome(summary.codes.iter().any(|c| !c.absent)))
}
