//! Plain output for grep, cut and awk: one record per line, tab-separated,
//! no colour, no markup, no wrapping. Stable across versions.

use super::plain_message;
use crate::catalog::{self, Entry, MessageKind};
use crate::scan::summary::Summary;
use crate::scan::{Hit, Ticket};
use std::borrow::Cow;
use std::io::{self, Write};

/// `CODE<TAB>CATEGORY<TAB>MESSAGE`; a message that describes what a source
/// shows, rather than the server's words, in brackets.
pub(crate) fn entries(out: &mut dyn Write, entries: &[&Entry]) -> io::Result<()> {
    for e in entries {
        writeln!(
            out,
            "{}\t{}\t{}",
            e.code,
            e.category().name,
            entry_message(e)
        )?;
    }
    Ok(())
}

/// `RANGE<TAB>NAME<TAB>COUNT`
pub(crate) fn categories(out: &mut dyn Write) -> io::Result<()> {
    for c in catalog::categories() {
        let count = catalog::in_category(c).count();
        writeln!(out, "{}\t{}\t{count}", c.range, c.name)?;
    }
    Ok(())
}

/// What plain output says of a code the catalog does not know.
pub(crate) const NOT_IN_CATALOG: &str = "(not in the catalog)";

/// `FILE:LINE<TAB>CODE<TAB>MESSAGE`, or `FILE:MEMBER:LINE…` in a bundle.
/// Put together piece by piece, not formatted: a scan may print millions.
pub(crate) fn scan_hit(out: &mut dyn Write, ticket: &Ticket, hit: &Hit) -> io::Result<()> {
    let (mut line, mut code) = (itoa::Buffer::new(), itoa::Buffer::new());
    let message = message(hit.entry);
    let member = ticket.member.as_deref().map(|m| [":", m]);
    let pieces = [ticket.file.as_str()]
        .into_iter()
        .chain(member.into_iter().flatten())
        .chain([
            ":",
            line.format(hit.line),
            "\t",
            code.format(hit.code),
            "\t",
        ])
        .chain([message.as_ref(), "\n"]);
    for piece in pieces {
        out.write_all(piece.as_bytes())?;
    }
    Ok(())
}

/// An entry's message on one line; one that describes what a source
/// shows, rather than the server's words, in brackets.
fn entry_message(e: &Entry) -> Cow<'static, str> {
    let (_, message) = plain_message(e);
    match e.message_kind() {
        MessageKind::Server => Cow::Borrowed(message),
        MessageKind::Description => Cow::Owned(format!("[{message}]")),
    }
}

fn message(entry: Option<&Entry>) -> Cow<'static, str> {
    entry.map_or(Cow::Borrowed(NOT_IN_CATALOG), entry_message)
}

/// `CODE<TAB>TICKETS<TAB>SIGHTINGS<TAB>MESSAGE` for each code, then
/// `RANGE<TAB>TICKETS<TAB>SIGHTINGS<TAB>CATEGORY` for each category (a
/// range has an X, so the two kinds of line are told apart), then
/// `total<TAB>TICKETS<TAB>SIGHTINGS<TAB>all codes`. With `--by`, a row per
/// period of each, the period second: `CODE<TAB>PERIOD<TAB>TICKETS…`.
pub(crate) fn summary(out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    let rows = summary
        .codes
        .iter()
        .map(|c| (c.code.to_string(), c.counts, &c.timeline, message(c.entry)))
        .chain(summary.categories.iter().map(|c| {
            let name = Cow::Borrowed(c.category.name);
            (c.category.range.to_string(), c.counts, &c.timeline, name)
        }))
        .chain([(
            "total".to_string(),
            summary.total,
            &summary.total_timeline,
            Cow::Borrowed("all codes"),
        )]);
    for (key, counts, timeline, label) in rows {
        match summary.by {
            None => writeln!(
                out,
                "{key}\t{}\t{}\t{label}",
                counts.tickets, counts.sightings
            )?,
            Some(by) => {
                for (&period, counts) in &timeline.periods {
                    writeln!(
                        out,
                        "{key}\t{}\t{}\t{}\t{label}",
                        by.label(period),
                        counts.tickets,
                        counts.sightings
                    )?;
                }
            }
        }
    }
    Ok(())
}
