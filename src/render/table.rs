//! Tables for people: comfy-table, fitted to the terminal, never wider.

use super::{Style, plain};
use crate::catalog::{self, Entry, MessageKind, Origin};
use crate::markup;
use crate::scan::summary::Summary;
use crate::scan::{Hit as ScanHit, Unit};
use crate::search::{self, Hit as SearchHit};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width};
use std::io::{self, Write};

/// The widest a summary bar grows.
const BAR_WIDTH: u64 = 20;

fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(u16::try_from(style.width).unwrap_or(u16::MAX));
    if style.palette.enabled {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

fn header(table: &mut Table, style: &Style, names: &[&str]) {
    table.set_header(names.iter().map(|n| Cell::new(style.palette.heading(n))));
}

/// Keeps a column at its content's width, so codes never wrap.
fn keep_whole(table: &mut Table, columns: &[usize]) {
    for &i in columns {
        if let Some(column) = table.column_mut(i) {
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(6)));
        }
    }
}

fn finish(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn category_label(style: &Style, entry: &Entry) -> String {
    style.palette.category(&format!(
        "{} ({})",
        entry.category().name,
        entry.category().range
    ))
}

/// An entry's message as a table shows it: a description dim in brackets,
/// and an observed entry tagged.
fn message_cell(style: &Style, entry: &Entry, is_match: &dyn Fn(&str) -> bool) -> String {
    let p = &style.palette;
    let mut text = match entry.message_kind() {
        MessageKind::Server => p.marked_with(entry.message(), is_match),
        MessageKind::Description => p.dim(&format!("[{}]", entry.message())),
    };
    if entry.origin() == Origin::Observed {
        text.push(' ');
        text.push_str(&p.dim("(observed)"));
    }
    text
}

/// One entry as a card: field and value.
pub fn card(out: &mut dyn Write, style: &Style, entry: &Entry) -> io::Result<()> {
    let p = &style.palette;
    let mut table = new_table(style);
    let mut row = |field: &str, value: String| {
        table.add_row(vec![Cell::new(p.heading(field)), Cell::new(value)]);
    };
    row("Code", p.code(&entry.code.to_string()));
    row("Category", category_label(style, entry));
    row("Message", message_cell(style, entry, &|_| false));
    row(
        "User message",
        match entry.user_message() {
            Some(u) => p.marked(u),
            None if entry.origin() == Origin::Observed => p.dim("(not known: no source shows it)"),
            None => p.dim("(same as the message)"),
        },
    );
    if let Some(f) = entry.further() {
        row("Further information", p.marked(f));
    }
    if !entry.server().is_empty() {
        row("What the API said", p.server_messages(entry.server()));
    }
    if let Some(status) = entry.status() {
        row("HTTP status", status.to_string());
    }
    let history = super::history(entry);
    if !history.is_empty() {
        row("History", history.join("\n"));
    }
    if !entry.variants().is_empty() {
        let count = entry.variants().len();
        let noun = if count == 1 { "wording" } else { "wordings" };
        row(
            "Also seen as",
            p.dim(&format!(
                "{count} other {noun} (sperr explain {})",
                entry.code
            )),
        );
    }
    match entry.origin() {
        Origin::Reference => {}
        Origin::Server => row(
            "Source",
            p.dim(&format!(
                "undocumented; from {}",
                entry.source().unwrap_or_default()
            )),
        ),
        Origin::Observed => {
            let mut lines = vec![p.dim(
                "seen in public Stormpath material: SDK tests, issues, the old documentation",
            )];
            lines.extend(entry.sources().map(|url| p.literal(url)));
            row("Source", lines.join("\n"));
        }
    }
    finish(out, &table)
}

/// Several entries, one row each.
pub fn entries(out: &mut dyn Write, style: &Style, entries: &[&Entry]) -> io::Result<()> {
    let p = &style.palette;
    let mut table = new_table(style);
    header(&mut table, style, &["Code", "Category", "Message"]);
    for e in entries {
        let mut code = p.code(&e.code.to_string());
        if e.origin() == Origin::Server {
            code.push_str(&p.dim("*"));
        }
        table.add_row(vec![
            Cell::new(code),
            Cell::new(p.category(e.category().name)),
            Cell::new(message_cell(style, e, &|_| false)),
        ]);
    }
    keep_whole(&mut table, &[0]);
    finish(out, &table)?;
    if entries.iter().any(|e| e.origin() == Origin::Server) {
        let note = "* not in the published reference; the server used it";
        for line in textwrap::wrap(note, style.width) {
            writeln!(out, "{}", p.dim(&line))?;
        }
    }
    Ok(())
}

/// Search results, best first, with the words that matched highlighted.
pub fn search_hits(out: &mut dyn Write, style: &Style, hits: &[SearchHit]) -> io::Result<()> {
    let p = &style.palette;
    let mut table = new_table(style);
    header(&mut table, style, &["Code", "Category", "Message"]);
    for hit in hits {
        let matches = search::word_matches(&hit.stems);
        let mut message = message_cell(style, hit.entry, &matches);
        if hit.via_history {
            for line in super::history(hit.entry) {
                message.push('\n');
                message.push_str(&p.dim(&line));
            }
        }
        table.add_row(vec![
            Cell::new(p.code(&hit.entry.code.to_string())),
            Cell::new(p.category(hit.entry.category().name)),
            Cell::new(message),
        ]);
    }
    keep_whole(&mut table, &[0]);
    finish(out, &table)
}

/// The categories with their ranges and counts.
pub fn categories(out: &mut dyn Write, style: &Style) -> io::Result<()> {
    let p = &style.palette;
    let mut table = new_table(style);
    header(
        &mut table,
        style,
        &["Range", "Category", "Codes", "From", "To"],
    );
    for c in catalog::categories() {
        let codes: Vec<u32> = catalog::in_category(c).map(|e| e.code).collect();
        let first = codes.first().map_or(String::new(), |c| c.to_string());
        let last = codes.last().map_or(String::new(), |c| c.to_string());
        table.add_row(vec![
            Cell::new(p.category(c.range)),
            Cell::new(p.category(c.name)),
            Cell::new(codes.len()),
            Cell::new(p.code(&first)),
            Cell::new(p.code(&last)),
        ]);
    }
    finish(out, &table)
}

/// Where each code was found: a heading for each file, as ripgrep gives
/// it, then a row for each hit (`--format table`).
pub fn scan_hits(out: &mut dyn Write, style: &Style, hits: &[(Unit, ScanHit)]) -> io::Result<()> {
    let p = &style.palette;
    for (i, unit_hits) in hits.chunk_by(|a, b| a.0 == b.0).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        scan_heading(out, style, &unit_hits[0].0)?;
        let mut table = new_table(style);
        header(&mut table, style, &["Line", "Code", "Found", "Message"]);
        for (_, hit) in unit_hits {
            let message = match hit.entry {
                Some(e) => p.marked(e.message()),
                None => p.dim(plain::NOT_IN_CATALOG),
            };
            table.add_row(vec![
                Cell::new(p.dim(&hit.line.to_string())),
                Cell::new(p.code(&hit.code.to_string())),
                Cell::new(p.literal(&hit.text)),
                Cell::new(message),
            ]);
        }
        keep_whole(&mut table, &[1]);
        finish(out, &table)?;
    }
    Ok(())
}

/// The heading of a file's hits in scan's streamed view.
pub fn scan_heading(out: &mut dyn Write, style: &Style, unit: &Unit) -> io::Result<()> {
    writeln!(out, "{}", style.palette.category(&unit.name()))
}

/// One hit in scan's streamed view: `LINE:CODE  MESSAGE`, cut to the
/// terminal's width.
pub fn scan_hit_line(out: &mut dyn Write, style: &Style, hit: &ScanHit) -> io::Result<()> {
    let p = &style.palette;
    let place = format!("{}:", hit.line);
    let code = hit.code.to_string();
    let room = style
        .width
        .saturating_sub(place.len() + code.len() + 2)
        .max(10);
    let message = match hit.entry {
        Some(e) => cut(&markup::one_line(&markup::plain(e.message())), room),
        None => p.dim(&cut(
            &format!("{} {}", plain::NOT_IN_CATALOG, hit.text),
            room,
        )),
    };
    writeln!(out, "{}{}  {message}", p.dim(&place), p.code(&code))
}

/// A text cut to `room` characters, with `…` where it was cut.
fn cut(text: &str, room: usize) -> String {
    if text.chars().count() <= room {
        return text.to_string();
    }
    let kept: String = text.chars().take(room.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

fn bar(count: u64, max: u64) -> String {
    let cells = (count.saturating_mul(BAR_WIDTH))
        .div_ceil(max.max(1))
        .max(1);
    "█".repeat(usize::try_from(cells).unwrap_or(1))
}

/// Tickets and sightings per code and per category, with bars.
pub fn summary(out: &mut dyn Write, style: &Style, summary: &Summary) -> io::Result<()> {
    let p = &style.palette;
    let max = summary.codes.first().map_or(1, |c| c.counts.tickets);
    let mut table = new_table(style);
    header(
        &mut table,
        style,
        &["Code", "Tickets", "Seen", "", "Message"],
    );
    for c in &summary.codes {
        let message = c
            .entry
            .map_or_else(|| p.dim(plain::NOT_IN_CATALOG), |e| p.marked(e.message()));
        table.add_row(vec![
            Cell::new(p.code(&c.code.to_string())),
            Cell::new(c.counts.tickets),
            Cell::new(c.counts.sightings),
            Cell::new(p.bar(&bar(c.counts.tickets, max))),
            Cell::new(message),
        ]);
    }
    keep_whole(&mut table, &[0]);
    finish(out, &table)?;
    let max = summary.categories.first().map_or(1, |c| c.1.tickets);
    let mut table = new_table(style);
    header(&mut table, style, &["Category", "Tickets", "Seen", ""]);
    for (category, counts) in &summary.categories {
        table.add_row(vec![
            Cell::new(p.category(&format!("{} ({})", category.name, category.range))),
            Cell::new(counts.tickets),
            Cell::new(counts.sightings),
            Cell::new(p.bar(&bar(counts.tickets, max))),
        ]);
    }
    finish(out, &table)
}
