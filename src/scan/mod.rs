//! Finding error codes in tickets, logs and whole support archives.
//!
//! - `recognise`: what a code in text is, one file a recogniser, and the
//!   scanner that runs them line by line;
//! - `decode`: decoded views of lines that show an encoding;
//! - `lines`: reading a stream of text in blocks of whole lines as it
//!   arrives;
//! - `records`: how a text divides into tickets, where the records of an
//!   export start and the date each gives;
//! - `dates`: when a line says it happened (a log line's timestamp), and
//!   the time each hit of a text of lines takes;
//! - `periods`: the days, weeks and months a summary counts in;
//! - `unpack`: what a file is (compressed, a bundle, UTF-16, binary, mail)
//!   and the tickets inside it; `unpack::mail`, the parts of an e-mail or
//!   an mbox;
//! - `slices`: a large file read in slices at once on spare threads;
//! - `walk`: which files the paths name, as ripgrep walks them;
//! - `order`: output from several threads in one stable order;
//! - `sink`: where hits go: the `Sink` trait, and the sinks that collect,
//!   count or stop (the printers are `render::stream`);
//! - `summary`: tickets and sightings per code and category;
//! - `progress`: the progress line and `--stats`.
//!
//! The scanner drives and pushes each hit into a `Sink`, as ripgrep's
//! searcher does; nothing holds the whole result.

mod buffer;
mod dates;
pub mod decode;
mod lines;
mod live;
pub(crate) mod order;
pub(crate) mod periods;
pub(crate) mod progress;
mod recognise;
mod records;
pub(crate) mod sink;
mod slices;
pub(crate) mod summary;
mod unpack;
mod walk;

use crate::catalog::{self, Entry, Selector};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicU64, Ordering};

pub(crate) use progress::Progress;
pub use unpack::Limits;
pub(crate) use unpack::REPORT_MARK;
pub(crate) use walk::WalkOptions;

/// How a code was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Number,
    Message,
}

impl Via {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Via::Number => "number",
            Via::Message => "message",
        }
    }
}

/// One place a code is mentioned.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// 1-based line number.
    pub line: usize,
    /// 1-based byte column where `text` starts in the line.
    pub column: usize,
    pub code: u32,
    pub entry: Option<&'static Entry>,
    pub via: Via,
    /// The matched text, with control characters escaped.
    pub text: String,
    /// Which record of an export holds the hit (a ticket of its own); 0 in
    /// a text that is one ticket.
    pub record: u64,
    /// The field of a JSON error body its line holds, as a bit; 0 if none.
    pub body_field: u32,
    /// The encodings undone to find it, outermost first (`base64`,
    /// `json-string`, `html`, `percent`); empty in plain text.
    pub decoded: Vec<&'static str>,
    /// When it happened, where the input says so: its line's timestamp,
    /// its record's or message's date. Read only when asked for.
    pub time: Option<jiff::Timestamp>,
}

/// A ticket: the text a hit is attributed to and the summary counts (a
/// file, stdin, a member of a bundle or of a compressed file, an e-mail);
/// the records of an export are tickets of their own inside it
/// (`Hit::record`). Names are escaped for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// The path as given or found while walking, `-` for stdin, escaped.
    pub file: String,
    /// The path inside a bundle (`logs/app.log`, nested as
    /// `inner.zip:deep.log`); None for the file itself.
    pub member: Option<String>,
    /// The path's own bytes where escaping changed them (a tab, a newline,
    /// bytes that are not UTF-8): scripts get the real path.
    pub raw_file: Option<Box<[u8]>>,
}

impl Ticket {
    pub(crate) fn stdin() -> Ticket {
        Ticket::file("-".into())
    }

    /// The ticket of a whole file, by its shown name.
    pub(crate) fn file(file: String) -> Ticket {
        Ticket {
            file,
            member: None,
            raw_file: None,
        }
    }

    /// `file` or `file:member`, as plain output and headings show it.
    pub(crate) fn name(&self) -> String {
        match &self.member {
            Some(member) => format!("{}:{member}", self.file),
            None => self.file.clone(),
        }
    }
}

/// Scans a text held in memory (tests, fuzzing, explain's stdin).
///
/// ```
/// let hits = sperr::scan::scan_text(b"HTTP 400, Stormpath 7104 (...)");
/// assert_eq!((hits[0].code, hits[0].column), (7104, 11));
/// ```
pub fn scan_text(text: &[u8]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut collect = sink::Collect(&mut hits);
    let ticket = Ticket::stdin();
    let mut reader = text;
    // Reading from memory cannot fail, nor can collecting.
    let _ = lines::scan_stream(
        &mut reader,
        lines::Records::Whole,
        lines::Dates::Not,
        &ticket,
        &mut collect,
    );
    hits
}

/// Scans a stream as a named file would be scanned: compressed data is
/// decompressed, bundles are opened member by member, and notes (a damaged
/// archive, a bomb cut short) go to `notes`. Returns each hit with the
/// text it was found in, and whether some of the input could not be read.
///
/// ```
/// let (hits, failed) = sperr::scan::scan_input(&mut &b"error 7100\n"[..], Default::default(), &mut Vec::new());
/// assert_eq!((hits[0].1.code, failed), (7100, false));
/// ```
pub fn scan_input(
    reader: &mut dyn io::Read,
    limits: Limits,
    notes: &mut (dyn Write + Send),
) -> (Vec<(Ticket, Hit)>, bool) {
    let mut hits = Vec::new();
    let failed = with_context(limits, 0, notes, |ctx| {
        let source = unpack::Source {
            ticket: Ticket::stdin(),
            name: "-".into(),
            file: None,
            named: true,
            depth: 0,
            compressions: 0,
            continues_ticket: false,
            written: None,
        };
        unpack::scan(source, reader, &mut sink::CollectNamed(&mut hits), ctx);
    });
    (hits, failed)
}

/// Runs `scan` with the context of a scan of all codes, with
/// `idle_threads` to spare; returns whether some input failed.
fn with_context(
    limits: Limits,
    idle_threads: isize,
    notes: &mut (dyn Write + Send),
    scan: impl FnOnce(&Context),
) -> bool {
    let filter = CodeFilter::default();
    let counters = Counters::default();
    let stop = AtomicBool::new(false);
    let ctx = Context {
        filter: &filter,
        limits,
        binary: false,
        dates: false,
        notes: Notes {
            out: Mutex::new(notes),
            progress: None,
            failed: AtomicBool::new(false),
        },
        counters: &counters,
        stop: &stop,
        idle_threads: AtomicIsize::new(idle_threads),
    };
    scan(&ctx);
    ctx.notes.failed.load(Ordering::Relaxed)
}

/// Which codes a scan keeps: those any selector names, or all.
#[derive(Debug, Default, Clone)]
pub struct CodeFilter {
    selectors: Vec<Selector>,
    categories: Vec<&'static catalog::Category>,
}

impl CodeFilter {
    /// Reads `--code` values: codes, ranges and patterns as `show` takes
    /// them, or category names.
    pub(crate) fn parse(values: &[String]) -> Result<CodeFilter, String> {
        let mut filter = CodeFilter::default();
        for value in values {
            for part in value.split([',', ' ', ';']).filter(|p| !p.is_empty()) {
                match catalog::parse_selector(part) {
                    // A scan finds codes of four or five digits only.
                    Ok(catalog::Selector::Code(code)) if code < 1000 => {
                        let why = catalog::not_found(&catalog::Selector::Code(code));
                        return Err(format!("--code {code}: {why}"));
                    }
                    Ok(selector) => filter.selectors.push(selector),
                    Err(code_error) => match catalog::find_category(part) {
                        Ok(category) => filter.categories.push(category),
                        Err(_) => {
                            // The forms a code takes, and a category's name
                            // beside them; a hint that names a code stands
                            // alone.
                            let or_a_category = match code_error {
                                catalog::SelectorError::LetterO(_) => "",
                                _ => ", or a category name",
                            };
                            return Err(format!(
                                "--code {:?}: {code_error}{or_a_category}",
                                escape(part.as_bytes())
                            ));
                        }
                    },
                }
            }
        }
        Ok(filter)
    }

    /// Each selector that names no code of the reference (`--code 99xx`),
    /// and why: it can match only a code the reference does not know, which
    /// is seldom what was meant.
    pub(crate) fn names_nothing(&self) -> Vec<(String, String)> {
        let mut named: Vec<(String, String)> = self
            .selectors
            .iter()
            .filter(|s| s.entries().is_empty())
            .map(|s| (s.to_string(), catalog::not_found(s)))
            .collect();
        named.dedup(); // `--code 99xx,99xx`
        named
    }

    pub(crate) fn keeps(&self, code: u32) -> bool {
        (self.selectors.is_empty() && self.categories.is_empty())
            || self.selectors.iter().any(|s| s.contains(code))
            // A code the catalog does not know belongs to no category.
            || catalog::lookup(code).is_some_and(|e| {
                self.categories
                    .iter()
                    .any(|c| c.range == e.category().range)
            })
    }
}

/// Everything a scan of paths needs to know.
pub struct Options {
    /// Paths to scan in the order given; empty or `-` is stdin.
    pub paths: Vec<PathBuf>,
    pub walk: WalkOptions,
    pub limits: Limits,
    pub filter: CodeFilter,
    /// Read binary data met while walking or in bundles too (`-uuu`).
    pub binary: bool,
    /// Worker threads.
    pub threads: usize,
    /// Read when each hit happened (`Hit::time`).
    pub dates: bool,
}

/// Running totals of a scan, for the progress line and `--stats`.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    /// Jobs done: files named or met while walking, and stdin.
    pub files: AtomicU64,
    /// Bytes read from disk or stdin (before decompression).
    pub bytes: AtomicU64,
    /// Tickets with at least one hit.
    pub tickets: AtomicU64,
    pub hits: AtomicU64,
}

impl Counters {
    fn get(value: &AtomicU64) -> u64 {
        value.load(Ordering::Relaxed)
    }
}

/// How a scan of paths went.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    /// Whether any hit was found.
    pub found: bool,
    /// Whether some input could not be read (or was cut short).
    pub failed: bool,
}

/// Where notes about the input go (stderr), shared by the threads.
pub(crate) struct Notes<'a> {
    out: Mutex<&'a mut (dyn Write + Send)>,
    progress: Option<&'a Progress>,
    failed: AtomicBool,
}

impl Notes<'_> {
    /// A note that does not make the scan fail. Escaped as a whole: an
    /// archive library's reason may quote the damaged bytes themselves.
    fn note(&self, message: &str) {
        let message = escape(message.as_bytes());
        let write = || {
            let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
            let _ = writeln!(out, "sperr: {message}");
        };
        match self.progress {
            Some(progress) => progress.suspend(write),
            None => write(),
        }
    }

    /// A file that could not be read, or was cut short: the scan goes on
    /// and ends with status 2.
    fn failure(&self, name: &str, reason: &str) {
        self.failed.store(true, Ordering::Relaxed);
        self.note(&format!("{name}: {reason}"));
    }
}

/// What every part of one scan shares.
pub(crate) struct Context<'a> {
    filter: &'a CodeFilter,
    limits: Limits,
    /// Read binary data met while walking or in bundles too (`-uuu`).
    binary: bool,
    /// Read when each hit happened.
    dates: bool,
    notes: Notes<'a>,
    counters: &'a Counters,
    /// Set when the scan should end early (`-q` found a hit).
    stop: &'a AtomicBool,
    /// Worker threads not scanning a file now (below zero while a large
    /// file borrows them): a large file may borrow them to read its parts.
    idle_threads: AtomicIsize,
}

impl Context<'_> {
    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn found(&self, hits: u64, tickets: u64) {
        if hits > 0 {
            self.counters.hits.fetch_add(hits, Ordering::Relaxed);
            self.counters.tickets.fetch_add(tickets, Ordering::Relaxed);
        }
    }

    fn bytes_read(&self, bytes: usize) {
        self.counters
            .bytes
            .fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// A worker starts scanning a file, or is done with it.
    fn working(&self, starts: bool) {
        let change = if starts { -1 } else { 1 };
        self.idle_threads.fetch_add(change, Ordering::Relaxed);
    }

    /// Borrows up to `most` idle threads; returns how many.
    fn borrow_threads(&self, most: usize) -> usize {
        let most = isize::try_from(most).unwrap_or(isize::MAX);
        let mut borrowed = 0;
        let _ = self
            .idle_threads
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |idle| {
                borrowed = idle.clamp(0, most);
                (borrowed > 0).then_some(idle - borrowed)
            });
        borrowed as usize
    }

    fn return_threads(&self, borrowed: usize) {
        self.idle_threads
            .fetch_add(borrowed as isize, Ordering::Relaxed);
    }

    fn file_done(&self) {
        self.counters.files.fetch_add(1, Ordering::Relaxed);
    }
}

/// Scans every path, pushing hits into the sinks that `sinks` makes, one
/// per worker thread. Notes about the input (unreadable files, corrupt
/// archives) go to `notes` as they happen.
pub(crate) fn run(
    options: &Options,
    sinks: &dyn sink::SinkFactory,
    notes: &mut (dyn Write + Send),
    counters: &Counters,
    stop: &AtomicBool,
    progress: Option<&Progress>,
) -> Verdict {
    let ctx = Context {
        filter: &options.filter,
        limits: options.limits,
        binary: options.binary,
        dates: options.dates,
        notes: Notes {
            out: Mutex::new(notes),
            progress,
            failed: AtomicBool::new(false),
        },
        counters,
        stop,
        idle_threads: AtomicIsize::new(options.threads.max(1) as isize),
    };
    walk::scan_paths(options, sinks, &ctx);
    Verdict {
        found: Counters::get(&counters.hits) > 0,
        failed: ctx.notes.failed.load(Ordering::Relaxed),
    }
}

/// An I/O error's reason without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A text without its UTF-8 byte-order mark, as Windows tools write one:
/// it says nothing.
pub(crate) fn without_bom(text: &[u8]) -> &[u8] {
    text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text)
}

/// The text for display: invalid UTF-8 as `\xHH`, control characters
/// escaped (`\x1b`, `\t`, `\n`), so nothing from the input can drive a
/// terminal or break a line of output.
pub fn escape(text: &[u8]) -> String {
    // Printable ASCII, as most of a log is: nothing to escape. Tested
    // without stopping early, so that the test runs a word at a time.
    let unprintable = text
        .iter()
        .fold(false, |any, &b| any | !(b' '..=b'~').contains(&b));
    if !unprintable {
        return String::from_utf8(text.to_vec()).expect("ASCII is UTF-8");
    }
    let mut out = String::with_capacity(text.len());
    for chunk in text.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\n' => out.push_str("\\n"),
                c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                    out.push_str(&format!("\\x{:02x}", c as u32));
                }
                c if c.is_control()
                    || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
                {
                    out.push_str(&format!("\\u{{{:x}}}", c as u32));
                }
                c => out.push(c),
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_control_characters_and_bad_bytes_visible() {
        assert_eq!(escape(b"\x1b[2J\x07ok\xff"), "\\x1b[2J\\x07ok\\xff");
        assert_eq!(escape(b"a\tb\nc"), "a\\tb\\nc");
        assert_eq!(escape("é\u{202e}".as_bytes()), "é\\u{202e}");
    }

    #[test]
    fn a_code_filter_takes_codes_ranges_patterns_and_categories() {
        let filter = CodeFilter::parse(&["7100".into(), "2000-2002,13xxx".into()]).unwrap();
        assert!(filter.keeps(7100) && filter.keeps(2001) && filter.keeps(13101));
        assert!(!filter.keeps(7101) && !filter.keeps(2003));
        let category = CodeFilter::parse(&["account".into()]).unwrap();
        assert!(category.keeps(7100) && !category.keeps(2001));
        assert!(!category.keeps(7199), "an unknown code is in no category");
        assert!(CodeFilter::parse(&[]).unwrap().keeps(1));
        assert!(CodeFilter::parse(&["nonsense".into()]).is_err());
        let typo = CodeFilter::parse(&["7100".into(), "99xx".into()]).unwrap();
        assert_eq!(
            typo.names_nothing(),
            [(
                "99xx".to_string(),
                "no error in the reference matches 99xx; codes run from 1100 to 13113".to_string()
            )]
        );
        assert!(filter.names_nothing().is_empty());
        let status = CodeFilter::parse(&["409".into()]).unwrap_err();
        assert!(
            status.starts_with("--code 409: no error 409 in the reference"),
            "{status}"
        );
    }
}
