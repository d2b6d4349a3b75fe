//! The long form, the way `rustc --explain` gives it: one entry at a time,
//! every word of the reference, wrapped to the terminal.

use super::Style;
use super::json::JsonEntry;
use crate::body::Body;
use crate::catalog::{Entry, MessageKind, Origin};
use crate::scan::{Hit, Ticket};
use serde::Serialize;
use std::io::{self, Write};

/// Where a code was seen in the text read on stdin.
pub(crate) struct Sighting<'a> {
    pub code: u32,
    /// None for a code the reference lacks.
    pub entry: Option<&'a Entry>,
    /// Each hit, with its ticket: a part of a mail or a bundle's member
    /// read on stdin.
    pub hits: Vec<(&'a Ticket, &'a Hit)>,
    pub bodies: Vec<&'a Body>,
}

const INDENT: &str = "  ";

/// Wraps running text. Words are cut only at spaces and never split: a URL
/// longer than the line overflows it rather than break.
fn wrap_options<'a>(style: &Style, initial: &'a str, subsequent: &'a str) -> textwrap::Options<'a> {
    textwrap::Options::new(style.width.max(20))
        .initial_indent(initial)
        .subsequent_indent(subsequent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

fn paragraph(out: &mut dyn Write, style: &Style, text: &str, indent: &str) -> io::Result<()> {
    let options = wrap_options(style, indent, indent);
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

/// Whether an entry's related codes are shown, or were shown above under
/// another code of the same family.
#[derive(Clone, Copy)]
enum Related {
    Shown,
    Above(u32),
}

/// One entry in long form.
pub(crate) fn entry(out: &mut dyn Write, style: &Style, entry: &Entry) -> io::Result<()> {
    entry_with(out, style, entry, Related::Shown)
}

fn entry_with(
    out: &mut dyn Write,
    style: &Style,
    entry: &Entry,
    related: Related,
) -> io::Result<()> {
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
    related_codes(out, style, entry, related)
}

/// The family's nearest codes, and how to see the rest.
fn related_codes(
    out: &mut dyn Write,
    style: &Style,
    entry: &Entry,
    related: Related,
) -> io::Result<()> {
    let p = &style.palette;
    let (near, more) = crate::related::nearest(entry, crate::related::SHOWN);
    if near.is_empty() {
        return Ok(());
    }
    let family = format!("{}xx", entry.code / 100);
    heading(out, style, &format!("Related codes ({family})"))?;
    if let Related::Above(code) = related {
        return paragraph(
            out,
            style,
            &p.dim(&format!("As under {code} above.")),
            "    ",
        );
    }
    let options = wrap_options(style, "", "           ");
    for n in near {
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
    if more > 0 {
        let rest = format!("and {more} more: ");
        writeln!(
            out,
            "    {}{}",
            p.dim(&rest),
            p.literal(&format!("sperr show {family}"))
        )?;
    }
    Ok(())
}

/// Several entries in long form, a blank line between them.
pub(crate) fn entries(out: &mut dyn Write, style: &Style, entries: &[&Entry]) -> io::Result<()> {
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
pub(crate) fn sightings(
    out: &mut dyn Write,
    style: &Style,
    sightings: &[Sighting],
) -> io::Result<()> {
    let p = &style.palette;
    for (i, s) in sightings.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match s.entry {
            Some(entry) => {
                // A family's related codes are shown once, under its first code.
                let related = sightings[..i]
                    .iter()
                    .find(|earlier| earlier.entry.is_some() && earlier.code / 100 == s.code / 100)
                    .map_or(Related::Shown, |earlier| Related::Above(earlier.code));
                entry_with(out, style, entry, related)?;
            }
            None => unknown(out, style, s.code)?,
        }
        heading(out, style, "Seen in the input")?;
        for (ticket, hit) in &s.hits {
            let place = match &ticket.member {
                Some(member) => format!("{member}, line {}:", hit.line),
                None => format!("line {}:", hit.line),
            };
            let place = p.dim(&place);
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

/// The head of a code the reference lacks: that it does, and what is near.
fn unknown(out: &mut dyn Write, style: &Style, code: u32) -> io::Result<()> {
    let p = &style.palette;
    writeln!(
        out,
        "{} {} {}",
        p.code(&format!("Error {code}")),
        p.dim("·"),
        p.dim("not in the reference")
    )?;
    writeln!(out)?;
    let note = crate::catalog::not_found(&crate::catalog::Selector::Code(code));
    let note = note.replacen("no error", "There is no error", 1);
    paragraph(out, style, &format!("{note}."), INDENT)
}

#[derive(Serialize)]
struct JsonSighting<'a> {
    /// The entry; for a code the reference lacks, only its number.
    #[serde(flatten)]
    entry: Option<JsonEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<u32>,
    known: bool,
    seen: Vec<super::json::JsonHit<'a>>,
    bodies: Vec<&'a Body>,
}

/// The same, as one JSON array or JSON Lines.
pub(crate) fn sightings_json(
    out: &mut dyn Write,
    sightings: &[Sighting],
    lines: bool,
) -> io::Result<()> {
    let items: Vec<JsonSighting> = sightings
        .iter()
        .map(|s| JsonSighting {
            entry: s.entry.map(JsonEntry::new),
            code: s.entry.is_none().then_some(s.code),
            known: s.entry.is_some(),
            seen: s
                .hits
                .iter()
                .map(|(ticket, hit)| super::json::JsonHit::new(ticket, hit))
                .collect(),
            bodies: s.bodies.clone(),
        })
        .collect();
    super::json::write_items(out, &items, lines)
}
