//! Tables for people: comfy-table, fitted to the terminal, never wider.

use super::fit::{self, Column};
use super::{Style, Summary};
use crate::catalog::{self, Entry};
use crate::scan::Hit as ScanHit;
use crate::search::{self, Hit as SearchHit};
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width};
use std::io::{self, Write};

/// The widest a summary bar grows.
const BAR_WIDTH: usize = 20;

pub(super) fn new_table(style: &Style) -> Table {
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

/// The narrowest a card's value column is; below it, a card is written as
/// `field: value` lines.
const CARD_MIN_VALUE: usize = 24;
/// How a card's continued `field: value` line is indented.
const FIELD_INDENT: &str = "  ";

/// One entry as a card: field and value.
pub fn card(out: &mut dyn Write, style: &Style, entry: &Entry) -> io::Result<()> {
    let p = &style.palette;
    let mut fields: Vec<(&str, String)> = vec![
        ("Code", p.code(&entry.code.to_string())),
        ("Category", category_label(style, entry)),
        ("Message", p.marked(entry.message())),
        (
            "User message",
            match entry.user_message() {
                Some(u) => p.marked(u),
                None => p.dim("(same as the message)"),
            },
        ),
    ];
    if let Some(f) = entry.further() {
        fields.push(("Further information", p.marked(f)));
    }
    if !entry.server().is_empty() {
        fields.push(("What the API said", p.server_messages(entry.server())));
    }
    if let Some(source) = entry.source() {
        fields.push(("Source", p.dim(&format!("undocumented; from {source}"))));
    }
    let names = fields.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    if names + CARD_MIN_VALUE + fit::frame_width(2) > style.width {
        return field_lines(out, style, &fields);
    }
    let rows: Vec<Vec<String>> = fields
        .into_iter()
        .map(|(name, value)| vec![p.heading(name), value])
        .collect();
    fit::write(
        out,
        style,
        &[Column::whole(""), Column::text("", CARD_MIN_VALUE)],
        &rows,
    )
}

/// A card on a terminal too narrow for one: `field: value`, wrapped at
/// spaces, a word too long for the line shortened.
fn field_lines(out: &mut dyn Write, style: &Style, fields: &[(&str, String)]) -> io::Result<()> {
    let p = &style.palette;
    let width = style.width.max(FIELD_INDENT.len() + 1);
    let options = textwrap::Options::new(width)
        .subsequent_indent(FIELD_INDENT)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for (name, value) in fields {
        for (i, line) in value.lines().enumerate() {
            let text = if i == 0 {
                format!("{} {line}", p.heading(&format!("{name}:")))
            } else {
                format!("{FIELD_INDENT}{line}")
            };
            let text = fit::shorten_words(&text, width - FIELD_INDENT.len());
            for wrapped in textwrap::wrap(&text, &options) {
                writeln!(out, "{}", wrapped.trim_end())?;
            }
        }
    }
    Ok(())
}

/// The columns of a table of entries: the category goes first on a narrow
/// terminal.
const ENTRY_COLUMNS: [Column; 3] = [
    Column::whole("Code"),
    Column::text("Category", 0).dropped(1),
    Column::text("Message", 20),
];

/// Several entries, one row each.
pub fn entries(out: &mut dyn Write, style: &Style, entries: &[&Entry]) -> io::Result<()> {
    let p = &style.palette;
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let mut code = p.code(&e.code.to_string());
            if !e.documented() {
                code.push_str(&p.dim("*"));
            }
            vec![code, p.category(e.category().name), p.marked(e.message())]
        })
        .collect();
    fit::write(out, style, &ENTRY_COLUMNS, &rows)?;
    if entries.iter().any(|e| !e.documented()) {
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
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|hit| {
            let matches = search::word_matches(&hit.stems);
            vec![
                p.code(&hit.entry.code.to_string()),
                p.category(hit.entry.category().name),
                p.marked_with(hit.entry.message(), &matches),
            ]
        })
        .collect();
    fit::write(out, style, &ENTRY_COLUMNS, &rows)
}

/// The categories with their ranges and counts. On a narrow terminal the
/// first and last codes go, then the count.
pub fn categories(out: &mut dyn Write, style: &Style) -> io::Result<()> {
    let p = &style.palette;
    let rows: Vec<Vec<String>> = catalog::categories()
        .iter()
        .map(|c| {
            let codes: Vec<u32> = catalog::in_category(c).map(|e| e.code).collect();
            let first = codes.first().map_or(String::new(), |c| c.to_string());
            let last = codes.last().map_or(String::new(), |c| c.to_string());
            vec![
                p.category(c.range),
                p.category(c.name),
                codes.len().to_string(),
                p.code(&first),
                p.code(&last),
            ]
        })
        .collect();
    fit::write(
        out,
        style,
        &[
            Column::whole("Range"),
            Column::text("Category", 0),
            Column::whole("Codes").dropped(2),
            Column::whole("From").dropped(1),
            Column::whole("To").dropped(1),
        ],
        &rows,
    )
}

/// Where each code was found: a heading for each file, as ripgrep gives
/// it, then a row for each hit.
pub fn scan_hits(out: &mut dyn Write, style: &Style, hits: &[ScanHit]) -> io::Result<()> {
    let p = &style.palette;
    for (i, file_hits) in hits.chunk_by(|a, b| a.file == b.file).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", p.category(&file_hits[0].file))?;
        let mut table = new_table(style);
        header(&mut table, style, &["Line", "Code", "Found", "Message"]);
        for hit in file_hits {
            let message = match hit.entry {
                Some(e) => p.marked(e.message()),
                None => p.dim("(not in the catalog)"),
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

fn bar(count: usize, max: usize) -> String {
    let cells = (count * BAR_WIDTH).div_ceil(max.max(1)).max(1);
    "█".repeat(cells)
}

/// Hit counts per code and per category, with bars.
pub fn summary(out: &mut dyn Write, style: &Style, summary: &Summary) -> io::Result<()> {
    let p = &style.palette;
    let max = summary.codes.first().map_or(1, |c| c.2);
    let mut table = new_table(style);
    header(&mut table, style, &["Code", "Count", "", "Message"]);
    for &(code, entry, count) in &summary.codes {
        let message =
            entry.map_or_else(|| p.dim("(not in the catalog)"), |e| p.marked(e.message()));
        table.add_row(vec![
            Cell::new(p.code(&code.to_string())),
            Cell::new(count),
            Cell::new(p.bar(&bar(count, max))),
            Cell::new(message),
        ]);
    }
    keep_whole(&mut table, &[0]);
    finish(out, &table)?;
    let max = summary.categories.first().map_or(1, |c| c.2);
    let mut table = new_table(style);
    header(&mut table, style, &["Category", "Count", ""]);
    for &(name, range, count) in &summary.categories {
        table.add_row(vec![
            Cell::new(p.category(&format!("{name} ({range})"))),
            Cell::new(count),
            Cell::new(p.bar(&bar(count, max))),
        ]);
    }
    finish(out, &table)
}
