//! The commands: each reads its arguments, asks the catalog, search or scan,
//! and renders into `out`. Problems that stop a command are returned;
//! notes about part of an answer (one unknown code of several) go to `err`.

use crate::body;
use crate::catalog::{self, Entry};
use crate::cli::Command;
use crate::render::{self, Format, Style, explain::Sighting};
use crate::scan::{self, Hit};
use crate::search;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;

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

pub fn run(
    command: &Command,
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    match command {
        Command::Show { codes } => show(codes, style, out, err),
        Command::Explain { codes } if codes.is_empty() => explain_stdin(false, style, out, err),
        Command::Explain { codes } if codes == &["-"] => explain_stdin(true, style, out, err),
        Command::Explain { codes } => explain(codes, style, out, err),
        Command::Search { query, limit } => search(&query.join(" "), *limit, style, out, err),
        Command::List {
            category,
            categories,
        } => list(category.as_deref(), *categories, style, out),
        Command::Scan { files, summary } => scan(files, *summary, style, out, err),
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
    let hits = scan::scan_text("-", input);
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
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    if query.trim().is_empty() {
        return Err(Error::Usage(
            "empty query; give words to look for, such as `sperr search account locked`".into(),
        ));
    }
    if limit == 0 {
        return Err(Error::Usage("--limit must be at least 1".into()));
    }
    let hits = search::search(query, limit);
    if hits.is_empty() {
        let suggestions = search::suggestions(query);
        let hint = if suggestions.is_empty() {
            "try other words, or `sperr list`".to_string()
        } else {
            format!("close words in the reference: {}", suggestions.join(", "))
        };
        writeln!(
            err,
            "sperr: nothing matches {:?}; {hint}",
            scan::escape(query.as_bytes())
        )?;
    }
    if !hits.is_empty() || style.format == Format::Json {
        render::search_hits(out, style, &hits)?;
    }
    Ok(outcome(!hits.is_empty()))
}

fn list(
    category: Option<&str>,
    categories: bool,
    style: &Style,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    if categories {
        render::categories(out, style)?;
        return Ok(Outcome::Found);
    }
    let entries: Vec<&Entry> = match category {
        Some(name) => {
            let category = catalog::find_category(name).map_err(|e| Error::Usage(e.to_string()))?;
            catalog::in_category(category).collect()
        }
        None => catalog::entries().iter().collect(),
    };
    render::entries(out, style, &entries)?;
    Ok(Outcome::Found)
}

fn scan(
    files: &[std::path::PathBuf],
    summary: bool,
    style: &Style,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    let stdin_only = [std::path::PathBuf::from("-")];
    let files = if files.is_empty() {
        &stdin_only[..]
    } else {
        files
    };
    let mut hits: Vec<Hit> = Vec::new();
    let mut failed = false;
    for path in files {
        match scan_path(path) {
            Ok(found) => hits.extend(found),
            Err(e) => {
                failed = true;
                writeln!(err, "sperr: {}: {}", display_name(path), io_reason(&e))?;
            }
        }
    }
    if summary {
        render::scan_summary(out, style, &hits)?;
    } else if !hits.is_empty() || style.format == Format::Json {
        render::scan_hits(out, style, &hits)?;
    }
    Ok(if failed {
        Outcome::Incomplete
    } else {
        outcome(!hits.is_empty())
    })
}

fn scan_path(path: &Path) -> io::Result<Vec<Hit>> {
    let name = display_name(path);
    if path == Path::new("-") {
        return scan::scan_reader(&name, &mut io::stdin().lock());
    }
    let file = std::fs::File::open(path)?;
    let mut reader = io::BufReader::with_capacity(64 << 10, file);
    scan::scan_reader(&name, &mut reader)
}

/// A path as it is shown: lossy, with control characters escaped.
fn display_name(path: &Path) -> String {
    scan::escape(path.as_os_str().as_encoded_bytes())
}

/// An I/O error's reason without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
