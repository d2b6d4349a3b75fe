//! Plain output for grep, cut and awk: one record per line, tab-separated,
//! no colour, no markup, no wrapping. Stable across versions.

use super::Summary;
use crate::catalog::{self, Entry, MessageKind};
use crate::markup::{one_line, plain};
use crate::scan::Hit;
use std::io::{self, Write};

/// `CODE<TAB>CATEGORY<TAB>MESSAGE`; a message that describes what a source
/// shows, rather than the server's words, in brackets.
pub fn entries(out: &mut dyn Write, entries: &[&Entry]) -> io::Result<()> {
    for e in entries {
        let message = one_line(&plain(e.message()));
        let message = match e.message_kind() {
            MessageKind::Server => message,
            MessageKind::Description => format!("[{message}]"),
        };
        writeln!(out, "{}\t{}\t{message}", e.code, e.category().name)?;
    }
    Ok(())
}

/// `RANGE<TAB>NAME<TAB>COUNT`
pub fn categories(out: &mut dyn Write) -> io::Result<()> {
    for c in catalog::categories() {
        let count = catalog::in_category(c).count();
        writeln!(out, "{}\t{}\t{count}", c.range, c.name)?;
    }
    Ok(())
}

/// `FILE:LINE<TAB>CODE<TAB>MESSAGE`; an unknown code's message is empty.
pub fn scan_hits(out: &mut dyn Write, hits: &[Hit]) -> io::Result<()> {
    // A scan of a large log names the same few codes many times over.
    let mut messages: std::collections::HashMap<u32, String> = std::collections::HashMap::new();
    for hit in hits {
        let message = messages.entry(hit.code).or_insert_with(|| {
            hit.entry
                .map(|e| one_line(&plain(e.message())))
                .unwrap_or_default()
        });
        writeln!(out, "{}:{}\t{}\t{message}", hit.file, hit.line, hit.code)?;
    }
    Ok(())
}

/// `CODE<TAB>COUNT<TAB>MESSAGE` for each code, then
/// `RANGE<TAB>COUNT<TAB>CATEGORY` for each category: a range has an X, so
/// the two kinds of line are told apart.
pub fn summary(out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    for &(code, entry, count) in &summary.codes {
        let message = entry
            .map(|e| one_line(&plain(e.message())))
            .unwrap_or_default();
        writeln!(out, "{code}\t{count}\t{message}")?;
    }
    for &(name, range, count) in &summary.categories {
        writeln!(out, "{range}\t{count}\t{name}")?;
    }
    Ok(())
}
