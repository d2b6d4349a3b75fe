//! Output: tables for people, plain lines for tools, JSON for scripts, and
//! the long form of `explain`. Every renderer writes to a `Write` it is
//! given; the caller owns stdout.

pub(crate) mod explain;
pub mod fit;
pub(crate) mod json;
pub(crate) mod palette;
pub(crate) mod plain;
pub(crate) mod report;
pub(crate) mod stream;
pub(crate) mod table;

use crate::catalog::{self, Entry, Origin, Variant};
use crate::scan::Ticket;
use crate::scan::summary::Summary;
use crate::search::Ranked;
use crate::standalone::markup;
pub(crate) use palette::Palette;
use std::io::{self, Write};
use std::sync::OnceLock;

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
    /// With `Json`: one object per line (`--format jsonl`), not an array.
    pub json_lines: bool,
    /// Whether the format was asked for, rather than chosen by where
    /// output goes.
    pub explicit: bool,
    pub palette: Palette,
    /// The terminal's width in columns; tables never exceed it.
    pub width: usize,
}

/// Where an entry the published reference never listed comes from, in one
/// sentence; None for the reference's own.
pub(crate) fn provenance(entry: &Entry) -> Option<String> {
    match entry.origin() {
        Origin::Reference => None,
        Origin::Server => Some(format!(
            "Not in the published reference; from {}.",
            entry.source().unwrap_or_default()
        )),
        Origin::Observed => Some(
            "Not in the published reference; seen in public Stormpath material: \
             SDK tests, issues, the old documentation."
                .to_string(),
        ),
    }
}

/// What the old documentation said a code meant, unlike today, in one line:
/// "In the 2013 documentation, 2016 meant “Unsupported Query Property …”."
pub(crate) fn old_meaning(entry: &Entry, variant: &Variant) -> String {
    let year = documentation_year(variant);
    let mut line = format!(
        "In the {year} documentation, {} meant “{}”",
        entry.code,
        variant.text().trim_end_matches('.')
    );
    if let Some(now) = variant.meaning_now() {
        line.push_str(&format!("; that is {now}'s meaning today"));
    }
    line.push('.');
    line
}

/// The lines of an entry's history: its old meanings, and the codes that
/// had its meaning in the old documentation.
pub(crate) fn history(entry: &Entry) -> Vec<String> {
    let mut lines: Vec<String> = entry
        .old_meanings()
        .map(|v| old_meaning(entry, v))
        .collect();
    lines.extend(entry.former_meanings().map(|(code, v)| {
        format!(
            "In the {} documentation, this meaning was {code}'s.",
            documentation_year(v)
        )
    }));
    lines
}

/// "2013" for the 2013 documentation; "old" where the source gives no date.
fn documentation_year(variant: &Variant) -> &'static str {
    variant.date().map_or("old", |d| &d[..4])
}

/// When and how a variant was seen: "2016-02, until 2016-07-19; older
/// server wording; HTTP 400".
pub(crate) fn variant_note(variant: &Variant) -> String {
    let mut parts = Vec::new();
    match (variant.date(), variant.until()) {
        (Some(date), Some(until)) => parts.push(format!("{date}, until {until}")),
        (Some(date), None) => parts.push(date.to_string()),
        (None, Some(until)) => parts.push(format!("until {until}")),
        (None, None) => {}
    }
    parts.push(variant.kind.label().to_string());
    if let Some(status) = variant.status() {
        parts.push(format!("HTTP {status}"));
    }
    parts.join("; ")
}

pub(crate) fn entries(out: &mut dyn Write, style: &Style, entries: &[&Entry]) -> io::Result<()> {
    match style.format {
        Format::Table if entries.len() == 1 => table::card(out, style, entries[0]),
        Format::Table => table::entries(out, style, entries),
        Format::Plain => plain::entries(out, entries),
        Format::Json => json::entries(out, entries, style.json_lines),
    }
}

pub(crate) fn search_hits(out: &mut dyn Write, style: &Style, hits: &[Ranked]) -> io::Result<()> {
    match style.format {
        Format::Table => table::search_hits(out, style, hits),
        Format::Plain => {
            let entries: Vec<&Entry> = hits.iter().map(|h| h.entry).collect();
            plain::entries(out, &entries)
        }
        Format::Json => json::search_hits(out, hits, style.json_lines),
    }
}

pub(crate) fn categories(out: &mut dyn Write, style: &Style) -> io::Result<()> {
    match style.format {
        Format::Table => table::categories(out, style),
        Format::Plain => plain::categories(out),
        Format::Json => json::categories(out, style.json_lines),
    }
}

/// An entry's message as plain text, and on one line, made once per
/// entry when first asked for: a scan prints the same few messages again
/// and again, and a lookup needs only its own.
pub(crate) fn plain_message(entry: &Entry) -> (&'static str, &'static str) {
    type Made = OnceLock<(String, String)>;
    static MESSAGES: OnceLock<Vec<Made>> = OnceLock::new();
    let all = MESSAGES.get_or_init(|| catalog::entries().iter().map(|_| Made::new()).collect());
    let Some(made) = catalog::position(entry.code).map(|i| &all[i]) else {
        return ("", "");
    };
    let (text, line) = made.get_or_init(|| {
        let text = markup::plain(entry.message());
        let line = markup::one_line(&text);
        (text, line)
    });
    (text, line)
}

/// A scan summary in any format.
pub(crate) fn scan_summary(
    out: &mut dyn Write,
    style: &Style,
    summary: &Summary,
) -> io::Result<()> {
    match style.format {
        Format::Table => table::summary(out, style, summary),
        Format::Plain => plain::summary(out, summary),
        Format::Json => json::summary(out, summary, style.json_lines),
    }
}

/// A ticket's name for `-l`: the file (and member) as a line, or as a
/// JSON object with `file` and `member`.
pub(crate) fn names_line(out: &mut dyn Write, ticket: &Ticket, json: bool) -> io::Result<()> {
    if json {
        #[derive(serde::Serialize)]
        struct Name<'a> {
            file: std::borrow::Cow<'a, str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            file_bytes: Option<&'a [u8]>,
            member: Option<&'a str>,
        }
        let (file, file_bytes) = json::file_name(ticket);
        json::line(
            out,
            &Name {
                file,
                file_bytes,
                member: ticket.member.as_deref(),
            },
        )
    } else {
        writeln!(out, "{}", ticket.name())
    }
}
