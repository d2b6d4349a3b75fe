//! The long form, the way `rustc --explain` gives it: one entry at a time,
//! every word of the reference, wrapped to the terminal.

use super::Style;
use super::json::JsonEntry;
use crate::body::Body;
use crate::catalog::{Entry, MessageKind, Origin};
use crate::scan::{Hit, Unit};
use serde::Serialize;
use std::io::{self, Write};

/// Where a code was seen in the text read on stdin.
pub struct Sighting<'a> {
    pub entry: &'a Entry,
    pub hits: Vec<&'a Hit>,
    pub bodies: Vec<&'a Body>,
}

const INDENT: &str = "  ";

fn paragraph(out: &mut dyn Write, style: &Style, text: &str, indent: &str) -> io::Result<()> {
    let width = style.width.max(20);
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(indent);
    for (i, para) in text.split("\n\n").enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for line in textwrap::wrap(para, &options) {
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    Ok(())
}

/// A URL on lines of its own, broken only where it is wider than the
/// terminal.
fn url(out: &mut dyn Write, style: &Style, url: &str) -> io::Result<()> {
    paragraph(out, style, &style.palette.dim(url), "    ")
}

fn heading(out: &mut dyn Write, style: &Style, text: &str) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}{}", INDENT, style.palette.heading(text))
}

/// One entry in long form.
pub fn entry(out: &mut dyn Write, style: &Style, entry: &Entry) -> io::Result<()> {
    let p = &style.palette;
    writeln!(
        out,
        "{} {} {}",
        p.code(&format!("Error {}", entry.code)),
        p.dim("·"),
        p.category(&format!(
            "{} ({})",
            entry.category().name,
            entry.category().range
        ))
    )?;
    if let Some(provenance) = super::provenance(entry) {
        paragraph(out, style, &p.dim(&provenance), "")?;
    }
    if let Some(status) = entry.status() {
        writeln!(out, "{}", p.dim(&format!("HTTP status {status}.")))?;
    }
    for line in super::history(entry) {
        paragraph(out, style, &line, "")?;
    }
    writeln!(out)?;
    match entry.message_kind() {
        MessageKind::Server => paragraph(out, style, &p.marked(entry.message()), INDENT)?,
        MessageKind::Description => paragraph(
            out,
            style,
            &p.dim(&format!("[{}]", entry.message())),
            INDENT,
        )?,
    }
    heading(out, style, "What the end user sees")?;
    match entry.user_message() {
        Some(u) => paragraph(out, style, &p.marked(u), INDENT)?,
        None if entry.origin() == Origin::Observed => {
            paragraph(out, style, &p.dim("Not known: no source shows it."), INDENT)?
        }
        None => paragraph(out, style, &p.dim("The same as the message."), INDENT)?,
    }
    if let Some(further) = entry.further() {
        heading(out, style, "Further information")?;
        paragraph(out, style, &p.marked(further), INDENT)?;
    }
    if !entry.server().is_empty() {
        heading(out, style, "What the API said")?;
        for line in p.server_messages(entry.server()).lines() {
            paragraph(out, style, line, "    ")?;
        }
    }
    if !entry.variants().is_empty() {
        heading(out, style, "Also seen as")?;
        for (i, v) in entry.variants().iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            paragraph(out, style, &p.dim(&super::variant_note(v)), "    ")?;
            paragraph(out, style, &p.literal(&format!("“{}”", v.text())), "    ")?;
            url(out, style, v.source())?;
        }
    }
    if entry.sources().next().is_some() {
        heading(out, style, "Sources")?;
        for source in entry.sources() {
            url(out, style, source)?;
        }
    }
    let neighbours: Vec<&Entry> = entry.neighbours().collect();
    if !neighbours.is_empty() {
        heading(
            out,
            style,
            &format!("Related codes ({}xx)", entry.code / 100),
        )?;
        let options = textwrap::Options::new(style.width.max(20))
            .initial_indent("")
            .subsequent_indent("           ");
        for n in neighbours {
            // Padded before it is coloured: escapes have no width.
            let code = p.code(&format!("{:<6}", n.code));
            let message = match n.message_kind() {
                MessageKind::Server => p.marked(n.message()),
                MessageKind::Description => p.dim(&format!("[{}]", n.message())),
            };
            let line = format!("    {code} {message}");
            let line = line.replace('\n', " ");
            for l in textwrap::wrap(&line, &options) {
                writeln!(out, "{}", l.trim_end())?;
            }
        }
    }
    Ok(())
}

/// Several entries in long form, a blank line between them.
pub fn entries(out: &mut dyn Write, style: &Style, entries: &[&Entry]) -> io::Result<()> {
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        entry(out, style, e)?;
    }
    Ok(())
}

/// The codes found in a text, each explained once, with where it was seen
/// and what the response itself said.
pub fn sightings(out: &mut dyn Write, style: &Style, sightings: &[Sighting]) -> io::Result<()> {
    let p = &style.palette;
    for (i, s) in sightings.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        entry(out, style, s.entry)?;
        heading(out, style, "Seen in the input")?;
        for hit in &s.hits {
            let place = p.dim(&format!("line {}:", hit.line));
            paragraph(
                out,
                style,
                &format!("{place} {}", p.literal(&hit.text)),
                "    ",
            )?;
        }
        for body in &s.bodies {
            heading(out, style, "The response said")?;
            for (field, value) in &body.fields {
                paragraph(
                    out,
                    style,
                    &format!("{} {value}", p.dim(&format!("{field}:"))),
                    "    ",
                )?;
            }
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonSighting<'a> {
    #[serde(flatten)]
    entry: JsonEntry,
    seen: Vec<super::json::JsonHit<'a>>,
    bodies: Vec<&'a Body>,
}

/// The same, as one JSON array.
pub fn sightings_json(out: &mut dyn Write, sightings: &[Sighting]) -> io::Result<()> {
    let stdin = Unit::stdin();
    let items: Vec<JsonSighting> = sightings
        .iter()
        .map(|s| JsonSighting {
            entry: JsonEntry::new(s.entry),
            seen: s
                .hits
                .iter()
                .map(|h| super::json::JsonHit::new(&stdin, h))
                .collect(),
            bodies: s.bodies.clone(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
    writeln!(out)
}
