//! JSON output for scripts: one array per run, fields as DESIGN.md names
//! them, text without markup.

use super::Summary;
use crate::catalog::{self, Entry, Variant};
use crate::markup::plain;
use crate::scan::Hit as ScanHit;
use crate::search::Hit as SearchHit;
use serde::Serialize;
use std::io::{self, Write};

/// Where the reference's own entries come from, in `source`.
const REFERENCE: &str = "reference";

#[derive(Serialize)]
pub struct JsonEntry {
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
    pub fn new(e: &Entry) -> Self {
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

pub fn entries(out: &mut dyn Write, entries: &[&Entry]) -> io::Result<()> {
    let items: Vec<JsonEntry> = entries.iter().map(|e| JsonEntry::new(e)).collect();
    write_array(out, &items)
}

pub fn search_hits(out: &mut dyn Write, hits: &[SearchHit]) -> io::Result<()> {
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

pub fn categories(out: &mut dyn Write) -> io::Result<()> {
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

#[derive(Serialize)]
pub struct JsonHit<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    code: u32,
    known: bool,
    via: &'static str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

impl<'a> JsonHit<'a> {
    pub fn new(hit: &'a ScanHit) -> Self {
        JsonHit {
            file: &hit.file,
            line: hit.line,
            column: hit.column,
            code: hit.code,
            known: hit.entry.is_some(),
            via: hit.via.as_str(),
            text: &hit.text,
            message: hit.entry.map(|e| plain(e.message())),
        }
    }
}

pub fn scan_hits(out: &mut dyn Write, hits: &[ScanHit]) -> io::Result<()> {
    let items: Vec<JsonHit> = hits.iter().map(JsonHit::new).collect();
    write_array(out, &items)
}

#[derive(Serialize)]
struct JsonCount {
    code: u32,
    known: bool,
    count: usize,
    category: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

pub fn summary(out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    let items: Vec<JsonCount> = summary
        .codes
        .iter()
        .map(|&(code, entry, count)| JsonCount {
            code,
            known: entry.is_some(),
            count,
            category: entry
                .map(|e| e.category())
                .or_else(|| catalog::category_of(code))
                .map_or("Unknown", |c| c.name),
            message: entry.map(|e| plain(e.message())),
        })
        .collect();
    write_array(out, &items)
}
