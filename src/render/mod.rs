//! Output: tables for people, plain lines for tools, JSON for scripts, and
//! the long form of `explain`. Every renderer writes to a `Write` it is
//! given; the caller owns stdout.

pub mod explain;
pub mod fit;
pub mod json;
pub mod palette;
pub mod plain;
pub mod table;

use crate::catalog::Entry;
use crate::scan::Hit as ScanHit;
use crate::search::Hit as SearchHit;
pub use palette::Palette;
use std::io::{self, Write};

/// How output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Plain,
    Json,
}

/// Everything a renderer needs to know about where its output goes; decided
/// once at start.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: Format,
    pub palette: Palette,
    /// The terminal's width in columns; tables never exceed it.
    pub width: usize,
}

pub fn entries(out: &mut dyn Write, style: &Style, entries: &[&Entry]) -> io::Result<()> {
    match style.format {
        Format::Table if entries.len() == 1 => table::card(out, style, entries[0]),
        Format::Table => table::entries(out, style, entries),
        Format::Plain => plain::entries(out, entries),
        Format::Json => json::entries(out, entries),
    }
}

pub fn search_hits(out: &mut dyn Write, style: &Style, hits: &[SearchHit]) -> io::Result<()> {
    match style.format {
        Format::Table => table::search_hits(out, style, hits),
        Format::Plain => {
            let entries: Vec<&Entry> = hits.iter().map(|h| h.entry).collect();
            plain::entries(out, &entries)
        }
        Format::Json => json::search_hits(out, hits),
    }
}

pub fn categories(out: &mut dyn Write, style: &Style) -> io::Result<()> {
    match style.format {
        Format::Table => table::categories(out, style),
        Format::Plain => plain::categories(out),
        Format::Json => json::categories(out),
    }
}

pub fn scan_hits(out: &mut dyn Write, style: &Style, hits: &[ScanHit]) -> io::Result<()> {
    match style.format {
        Format::Table => table::scan_hits(out, style, hits),
        Format::Plain => plain::scan_hits(out, hits),
        Format::Json => json::scan_hits(out, hits),
    }
}

pub fn scan_summary(out: &mut dyn Write, style: &Style, hits: &[ScanHit]) -> io::Result<()> {
    let summary = Summary::of(hits);
    match style.format {
        Format::Table => table::summary(out, style, &summary),
        Format::Plain => plain::summary(out, &summary),
        Format::Json => json::summary(out, &summary),
    }
}

/// Hit counts per code and per category, most frequent first.
#[derive(Debug, PartialEq)]
pub struct Summary {
    /// (code, its entry if known, count)
    pub codes: Vec<(u32, Option<&'static Entry>, usize)>,
    /// (category name, range, count)
    pub categories: Vec<(&'static str, &'static str, usize)>,
}

impl Summary {
    pub fn of(hits: &[ScanHit]) -> Summary {
        let mut codes: Vec<(u32, Option<&'static Entry>, usize)> = Vec::new();
        for hit in hits {
            match codes.iter_mut().find(|c| c.0 == hit.code) {
                Some(c) => c.2 += 1,
                None => codes.push((hit.code, hit.entry, 1)),
            }
        }
        codes.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
        let mut categories: Vec<(&'static str, &'static str, usize)> = Vec::new();
        for &(code, entry, count) in &codes {
            let category = entry
                .map(|e| e.category())
                .or_else(|| crate::catalog::category_of(code));
            let (name, range) = category.map_or(("Unknown", "?"), |c| (c.name, c.range));
            match categories.iter_mut().find(|c| c.0 == name) {
                Some(c) => c.2 += count,
                None => categories.push((name, range, count)),
            }
        }
        categories.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
        Summary { codes, categories }
    }
}
