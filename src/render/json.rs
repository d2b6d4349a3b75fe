//! JSON output for scripts: one array per run (or one object a line), fields
//! as the README's "Output formats" names them, text without markup.

use crate::catalog::{self, Entry, Variant};
use crate::scan::periods::By;
use crate::scan::summary::{Counts, Summary, TicketName, Timeline};
use crate::scan::{Hit, Ticket};
use crate::search::Ranked;
use crate::standalone::markup::plain;
use jiff::Timestamp;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

/// Where the reference's own entries come from, in `source`.
const REFERENCE: &str = "reference";

#[derive(Serialize)]
pub(crate) struct JsonEntry {
    code: u32,
    category: &'static str,
    category_range: &'static str,
    message: String,
    user_message: String,
    further: Option<String>,
    source: &'static str,
    /// The URLs an observed entry comes from.
    sources: Vec<&'static str>,
    message_kind: &'static str,
    status: Option<u16>,
    server_messages: Vec<JsonServerMessage>,
    also_seen_as: Vec<JsonVariant>,
    history: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f64>,
}

#[derive(Serialize)]
struct JsonServerMessage {
    key: &'static str,
    audience: &'static str,
    text: &'static str,
}

#[derive(Serialize)]
struct JsonVariant {
    kind: &'static str,
    text: &'static str,
    status: Option<u16>,
    date: Option<&'static str>,
    until: Option<&'static str>,
    source: &'static str,
    old_meaning: bool,
}

impl JsonVariant {
    fn new(v: &'static Variant) -> Self {
        JsonVariant {
            kind: v.kind.name(),
            text: v.text(),
            status: v.status(),
            date: v.date(),
            until: v.until(),
            source: v.source(),
            old_meaning: v.old_meaning,
        }
    }
}

impl JsonEntry {
    pub(crate) fn new(e: &Entry) -> Self {
        JsonEntry {
            code: e.code,
            category: e.category().name,
            category_range: e.category().range,
            message: plain(e.message()),
            user_message: plain(e.user_text()),
            further: e.further().map(plain),
            source: e.source().unwrap_or(REFERENCE),
            sources: e.sources().collect(),
            message_kind: e.message_kind().name(),
            status: e.status(),
            server_messages: e
                .server()
                .iter()
                .map(|s| JsonServerMessage {
                    key: s.key(),
                    audience: s.audience(),
                    text: s.text(),
                })
                .collect(),
            also_seen_as: e.variants().iter().map(JsonVariant::new).collect(),
            history: super::history(e),
            score: None,
        }
    }
}

/// The items of a run: one JSON array, or (`lines`, for `--format jsonl`)
/// one object a line.
pub(crate) fn write_items<T: Serialize>(
    out: &mut dyn Write,
    items: &[T],
    lines: bool,
) -> io::Result<()> {
    if lines {
        return items.iter().try_for_each(|item| line(out, item));
    }
    serde_json::to_writer_pretty(&mut *out, items).map_err(io::Error::from)?;
    writeln!(out)
}

pub(crate) fn entries(out: &mut dyn Write, entries: &[&Entry], lines: bool) -> io::Result<()> {
    let items: Vec<JsonEntry> = entries.iter().map(|e| JsonEntry::new(e)).collect();
    write_items(out, &items, lines)
}

pub(crate) fn search_hits(out: &mut dyn Write, hits: &[Ranked], lines: bool) -> io::Result<()> {
    let items: Vec<JsonEntry> = hits
        .iter()
        .map(|h| JsonEntry {
            score: Some((h.score * 1000.0).round() / 1000.0),
            ..JsonEntry::new(h.entry)
        })
        .collect();
    write_items(out, &items, lines)
}

#[derive(Serialize)]
struct JsonCategory {
    name: &'static str,
    range: &'static str,
    low: u32,
    high: u32,
    count: usize,
}

pub(crate) fn categories(out: &mut dyn Write, lines: bool) -> io::Result<()> {
    let items: Vec<JsonCategory> = catalog::categories()
        .iter()
        .map(|c| JsonCategory {
            name: c.name,
            range: c.range,
            low: c.low,
            high: c.high,
            count: catalog::in_category(c).count(),
        })
        .collect();
    write_items(out, &items, lines)
}

/// A hit as scripts see it: where (file, member, line, column), what
/// (code, whether the catalog knows it, its message), and how it was found.
#[derive(Serialize)]
pub(crate) struct JsonHit<'a> {
    file: Cow<'a, str>,
    /// The path's bytes, where they are not UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    file_bytes: Option<&'a [u8]>,
    member: Option<&'a str>,
    line: usize,
    column: usize,
    code: u32,
    known: bool,
    via: &'static str,
    /// The encodings undone to reach the hit, outermost first.
    decoded: &'a [&'static str],
    text: &'a str,
    /// When it happened (RFC 3339), where the input says.
    time: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'static str>,
    /// `server`, or `description` when the message describes a source.
    #[serde(skip_serializing_if = "Option::is_none")]
    message_kind: Option<&'static str>,
}

impl<'a> JsonHit<'a> {
    pub(crate) fn new(ticket: &'a Ticket, hit: &'a Hit) -> Self {
        let (file, file_bytes) = file_name(ticket);
        JsonHit {
            file,
            file_bytes,
            member: ticket.member.as_deref(),
            line: hit.line,
            column: hit.column,
            code: hit.code,
            known: hit.entry.is_some(),
            via: hit.via.as_str(),
            decoded: &hit.decoded,
            text: &hit.text,
            time: hit.time,
            message: hit.entry.map(|e| super::plain_message(e).0),
            message_kind: hit.entry.map(|e| e.message_kind().name()),
        }
    }
}

/// A ticket's file as JSON gives it: the real path (JSON escapes what needs
/// it), not the escaped form plain and table show; and the path's bytes
/// too where they are not UTF-8, so that nothing is lost.
pub(crate) fn file_name(ticket: &Ticket) -> (Cow<'_, str>, Option<&[u8]>) {
    real_path(&ticket.file, ticket.raw_file.as_deref())
}

/// A path as JSON gives it, from its shown form and its own bytes where
/// showing it changed them.
fn real_path<'a>(shown: &'a str, raw: Option<&'a [u8]>) -> (Cow<'a, str>, Option<&'a [u8]>) {
    match raw {
        None => (Cow::Borrowed(shown), None),
        Some(raw) => match std::str::from_utf8(raw) {
            Ok(path) => (Cow::Borrowed(path), None),
            Err(_) => (String::from_utf8_lossy(raw), Some(raw)),
        },
    }
}

/// One hit as one line of JSON (JSON Lines, and the elements of scan's
/// array).
pub(crate) fn scan_hit_line(out: &mut dyn Write, ticket: &Ticket, hit: &Hit) -> io::Result<()> {
    line(out, &JsonHit::new(ticket, hit))
}

/// One object as one line.
pub(crate) fn line<T: Serialize>(out: &mut dyn Write, item: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, item)?;
    out.write_all(b"\n")
}

/// The version of the summary's JSON that `merge` reads: a merge refuses
/// rows of another.
pub(crate) const SUMMARY_FORMAT_VERSION: u32 = 2;

/// A row of a scan summary: a code, a category, or the total, told apart
/// by `kind`; the same rows in JSON and JSON Lines.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum SummaryRow<'a> {
    Code {
        code: u32,
        known: bool,
        category: Option<&'static str>,
        message: Option<String>,
        #[serde(flatten)]
        counts: CountsOverTime,
        /// Selected by `--code --absent` and never found.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        absent: bool,
        /// The first tickets that name the code, in path order.
        named_tickets: Vec<JsonTicket<'a>>,
        /// The text of its first hit, in path order.
        sample: Option<&'a str>,
    },
    Category {
        category: &'static str,
        range: &'static str,
        #[serde(flatten)]
        counts: CountsOverTime,
    },
    Total {
        #[serde(flatten)]
        counts: CountsOverTime,
        /// The period length of `periods`, or null without `--by`.
        by: Option<&'static str>,
        format_version: u32,
    },
}

/// A row's counts, its first and last sighting, and its periods (with
/// `--by`).
#[derive(Serialize)]
struct CountsOverTime {
    tickets: u64,
    sightings: u64,
    first_seen: Option<Timestamp>,
    last_seen: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    periods: Option<Vec<JsonPeriod>>,
}

impl CountsOverTime {
    fn new(counts: Counts, timeline: &Timeline, by: Option<By>) -> Self {
        CountsOverTime {
            tickets: counts.tickets,
            sightings: counts.sightings,
            first_seen: timeline.first_seen,
            last_seen: timeline.last_seen,
            periods: by.map(|by| {
                timeline
                    .periods
                    .iter()
                    .map(|(&period, counts)| JsonPeriod {
                        period: by.label(period).to_string(),
                        tickets: counts.tickets,
                        sightings: counts.sightings,
                    })
                    .collect()
            }),
        }
    }
}

#[derive(Serialize)]
struct JsonPeriod {
    period: String,
    tickets: u64,
    sightings: u64,
}

#[derive(Serialize)]
struct JsonTicket<'a> {
    /// The real path, as a hit's `file` is.
    file: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_bytes: Option<&'a [u8]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    member: Option<&'a str>,
    /// The record of an export, from 1; 0 for a whole text.
    #[serde(skip_serializing_if = "is_zero")]
    record: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl<'a> From<&'a TicketName> for JsonTicket<'a> {
    fn from(name: &'a TicketName) -> Self {
        let (file, file_bytes) = real_path(&name.file, name.raw_file.as_deref());
        JsonTicket {
            file,
            file_bytes,
            member: name.member.as_deref(),
            record: name.record,
        }
    }
}

/// A scan summary: a row per code, then per category, then the total.
pub(crate) fn summary(out: &mut dyn Write, summary: &Summary, lines: bool) -> io::Result<()> {
    let by = summary.by;
    let codes = summary.codes.iter().map(|c| SummaryRow::Code {
        code: c.code,
        known: c.entry.is_some(),
        category: c.entry.map(|e| e.category().name),
        message: c.entry.map(|e| plain(e.message())),
        counts: CountsOverTime::new(c.counts, &c.timeline, by),
        absent: c.absent,
        named_tickets: c.tickets.iter().map(JsonTicket::from).collect(),
        sample: c.sample.as_deref(),
    });
    let categories = summary.categories.iter().map(|c| SummaryRow::Category {
        category: c.category.name,
        range: c.category.range,
        counts: CountsOverTime::new(c.counts, &c.timeline, by),
    });
    let total = SummaryRow::Total {
        counts: CountsOverTime::new(summary.total, &summary.total_timeline, by),
        by: by.map(By::name),
        format_version: SUMMARY_FORMAT_VERSION,
    };
    let rows: Vec<SummaryRow> = codes.chain(categories).chain([total]).collect();
    write_items(out, &rows, lines)
}
