//! JSON output for scripts: one array per run (or one object a line), fields
//! as the README's "Output formats" names them, text without markup.

use crate::catalog::{self, Entry, Variant};
use crate::scan::summary::{CodeCounts, Summary};
use crate::scan::{Hit, Ticket};
use crate::search::Ranked;
use crate::standalone::markup::plain;
use serde::Serialize;
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

fn write_array<T: Serialize>(out: &mut dyn Write, items: &[T]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, items).map_err(io::Error::from)?;
    writeln!(out)
}

pub(crate) fn entries(out: &mut dyn Write, entries: &[&Entry]) -> io::Result<()> {
    let items: Vec<JsonEntry> = entries.iter().map(|e| JsonEntry::new(e)).collect();
    write_array(out, &items)
}

pub(crate) fn search_hits(out: &mut dyn Write, hits: &[Ranked]) -> io::Result<()> {
    let items: Vec<JsonEntry> = hits
        .iter()
        .map(|h| JsonEntry {
            score: Some((h.score * 1000.0).round() / 1000.0),
            ..JsonEntry::new(h.entry)
        })
        .collect();
    write_array(out, &items)
}

#[derive(Serialize)]
struct JsonCategory {
    name: &'static str,
    range: &'static str,
    low: u32,
    high: u32,
    count: usize,
}

pub(crate) fn categories(out: &mut dyn Write) -> io::Result<()> {
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
    write_array(out, &items)
}

/// A hit as scripts see it: where (file, member, line, column), what
/// (code, whether the catalog knows it, its message), and how it was found.
#[derive(Serialize)]
pub(crate) struct JsonHit<'a> {
    file: &'a str,
    member: Option<&'a str>,
    line: usize,
    column: usize,
    code: u32,
    known: bool,
    via: &'static str,
    /// The encodings undone to reach the hit, outermost first.
    decoded: &'a [&'static str],
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'static str>,
    /// `server`, or `description` when the message describes a source.
    #[serde(skip_serializing_if = "Option::is_none")]
    message_kind: Option<&'static str>,
}

impl<'a> JsonHit<'a> {
    pub(crate) fn new(ticket: &'a Ticket, hit: &'a Hit) -> Self {
        JsonHit {
            file: &ticket.file,
            member: ticket.member.as_deref(),
            line: hit.line,
            column: hit.column,
            code: hit.code,
            known: hit.entry.is_some(),
            via: hit.via.as_str(),
            decoded: &hit.decoded,
            text: &hit.text,
            message: hit.entry.map(|e| super::plain_message(e).0),
            message_kind: hit.entry.map(|e| e.message_kind().name()),
        }
    }
}

/// One hit as one line of JSON (JSON Lines, and the elements of scan's
/// array).
pub(crate) fn scan_hit_line(out: &mut dyn Write, ticket: &Ticket, hit: &Hit) -> io::Result<()> {
    line(out, &JsonHit::new(ticket, hit))
}

/// Objects as JSON Lines, one a line.
pub(crate) fn lines<T: Serialize>(
    out: &mut dyn Write,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    items.into_iter().try_for_each(|item| line(out, &item))
}

/// One object as one line.
pub(crate) fn line<T: Serialize>(out: &mut dyn Write, item: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, item)?;
    out.write_all(b"\n")
}

/// A code's counts in a scan summary.
#[derive(Serialize)]
pub(crate) struct JsonCount {
    code: u32,
    known: bool,
    category: Option<&'static str>,
    message: Option<String>,
    tickets: u64,
    sightings: u64,
}

impl JsonCount {
    fn new(c: &CodeCounts) -> Self {
        JsonCount {
            code: c.code,
            known: c.entry.is_some(),
            category: c.entry.map(|e| e.category().name),
            message: c.entry.map(|e| plain(e.message())),
            tickets: c.counts.tickets,
            sightings: c.counts.sightings,
        }
    }
}

/// A scan summary: one object per code.
pub(crate) fn summary(out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    let items: Vec<JsonCount> = summary.codes.iter().map(JsonCount::new).collect();
    write_array(out, &items)
}

/// A scan summary as JSON Lines: one object per code.
pub(crate) fn summary_lines(out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    summary
        .codes
        .iter()
        .try_for_each(|c| line(out, &JsonCount::new(c)))
}
