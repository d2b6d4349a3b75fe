//! Fitting a table to a narrow terminal without cutting words: columns that
//! may go are dropped first, then over-long words are shortened with `…`;
//! codes and counts are never cut, and a URL goes below the table as a
//! numbered note. comfy-table then wraps the cells at spaces.

use super::Style;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width};
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// A column of a fitted table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub name: &'static str,
    /// Never wrapped nor shortened: codes, counts, ranges.
    pub whole: bool,
    /// The narrowest the column is made before other columns are dropped;
    /// below it, its longest words are shortened.
    pub min: usize,
    /// Dropped on a narrow terminal, lowest first; None: always kept.
    pub drop: Option<u8>,
}

impl Column {
    /// A column that is never cut: a code, a count.
    pub(crate) const fn whole(name: &'static str) -> Column {
        Column {
            name,
            whole: true,
            min: 0,
            drop: None,
        }
    }

    /// A column of running text, wrapped at spaces, at least `min` wide
    /// where the terminal allows.
    pub(crate) const fn text(name: &'static str, min: usize) -> Column {
        Column {
            name,
            whole: false,
            min,
            drop: None,
        }
    }

    /// The same column, dropped when the table does not fit, in `order`.
    pub(crate) const fn dropped(self, order: u8) -> Column {
        Column {
            drop: Some(order),
            ..self
        }
    }
}

/// How a continued `field: value` line is indented.
const FIELD_INDENT: &str = "  ";

/// The width of a table's borders and padding around `columns` columns.
pub(crate) fn frame_width(columns: usize) -> usize {
    3 * columns + 1
}

/// Writes `rows` (one styled cell per column) as a table no wider than
/// the terminal, with no word cut in two; then the table's URLs as notes.
pub(crate) fn write(
    out: &mut dyn Write,
    style: &Style,
    columns: &[Column],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let original = rows;
    let mut notes = Vec::new();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| footnote_urls(cell, &mut notes))
                .collect()
        })
        .collect();
    let (kept, widths) = layout(columns, &rows, style.width);
    if let Some(widths) = &widths
        && too_narrow(columns, &kept, widths)
    {
        return rows_as_field_lines(out, style, columns, original);
    }
    let mut table = new_table(style);
    // A text column's words are shortened to its width; a whole one's never.
    let fitted = |n: usize, i: usize, cell: &str| match &widths {
        Some(widths) if !columns[i].whole => Cell::new(shorten_words(cell, widths[n])),
        _ => Cell::new(cell),
    };
    if columns.iter().any(|c| !c.name.is_empty()) {
        table.set_header(
            kept.iter()
                .enumerate()
                .map(|(n, &i)| fitted(n, i, &style.palette.heading(columns[i].name))),
        );
    }
    for row in &rows {
        table.add_row(
            kept.iter()
                .enumerate()
                .map(|(n, &i)| fitted(n, i, row.get(i).map_or("", String::as_str))),
        );
    }
    for (n, &width) in widths.iter().flatten().enumerate() {
        if let Some(column) = table.column_mut(n) {
            // comfy-table's widths count the cell's padding.
            let width = Width::Fixed(u16::try_from(width + 2).unwrap_or(u16::MAX));
            // The main text column gets the rest of the line, narrowed to
            // its wrapped text.
            column.set_constraint(if Some(n) == main_column(columns, &kept) {
                ColumnConstraint::LowerBoundary(width)
            } else {
                ColumnConstraint::Absolute(width)
            });
        }
    }
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    for (n, url) in notes.iter().enumerate() {
        writeln!(out, "{} {url}", style.palette.dim(&format!("[{}]", n + 1)))?;
    }
    Ok(())
}

/// Whether the main text column was made narrower than its least width:
/// its text would run a few letters a line.
fn too_narrow(columns: &[Column], kept: &[usize], widths: &[usize]) -> bool {
    main_column(columns, kept).is_some_and(|n| widths[n] < columns[kept[n]].min)
}

/// A table on a terminal too narrow for it: each row as `field: value`
/// lines, the named columns only, a blank line between rows.
fn rows_as_field_lines(
    out: &mut dyn Write,
    style: &Style,
    columns: &[Column],
    rows: &[Vec<String>],
) -> io::Result<()> {
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let fields: Vec<(&str, String)> = columns
            .iter()
            .zip(row)
            .filter(|(column, cell)| !column.name.is_empty() && !cell.is_empty())
            .map(|(column, cell)| (column.name, cell.clone()))
            .collect();
        field_lines(out, style, &fields)?;
    }
    Ok(())
}

/// A card, or a row of a table, on a terminal too narrow for one: `field:
/// value`, wrapped at spaces, a word too long for the line shortened.
pub(crate) fn field_lines(
    out: &mut dyn Write,
    style: &Style,
    fields: &[(&str, String)],
) -> io::Result<()> {
    let p = &style.palette;
    let width = style.width.max(FIELD_INDENT.len() + 1);
    let options = textwrap::Options::new(width)
        .subsequent_indent(FIELD_INDENT)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        // Only a code or a count is still too wide: it overflows, whole.
        .break_words(false);
    for (name, value) in fields {
        for (i, line) in value.lines().enumerate() {
            let text = if i == 0 {
                format!("{} {line}", p.heading(&format!("{name}:")))
            } else {
                format!("{FIELD_INDENT}{line}")
            };
            let text = shorten_words(&text, width - FIELD_INDENT.len());
            for wrapped in textwrap::wrap(&text, &options) {
                writeln!(out, "{}", wrapped.trim_end())?;
            }
        }
    }
    Ok(())
}

/// Which columns are kept and how wide each is made, for a table that must
/// fit in `width`; None for the widths when the table fits as it is.
fn layout(
    columns: &[Column],
    rows: &[Vec<String>],
    width: usize,
) -> (Vec<usize>, Option<Vec<usize>>) {
    let cells = |i: usize| {
        rows.iter()
            .filter_map(move |r| r.get(i))
            .map(String::as_str)
            .chain(std::iter::once(columns[i].name))
    };
    let natural: Vec<usize> = (0..columns.len())
        .map(|i| {
            cells(i)
                .flat_map(str::lines)
                .map(visible_width)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut kept: Vec<usize> = (0..columns.len()).collect();
    if natural.iter().sum::<usize>() + frame_width(kept.len()) <= width {
        return (kept, None);
    }
    let need: Vec<usize> = (0..columns.len())
        .map(|i| {
            if columns[i].whole {
                return natural[i];
            }
            let longest_word = cells(i)
                .flat_map(str::split_whitespace)
                .map(visible_width)
                .max()
                .unwrap_or(0);
            longest_word.max(columns[i].min.min(natural[i]))
        })
        .collect();
    let total =
        |kept: &[usize]| kept.iter().map(|&i| need[i]).sum::<usize>() + frame_width(kept.len());
    // Columns of one order go together.
    let mut orders: Vec<u8> = columns.iter().filter_map(|c| c.drop).collect();
    orders.sort_unstable();
    orders.dedup();
    for order in orders {
        if total(&kept) <= width {
            break;
        }
        kept.retain(|&k| columns[k].drop != Some(order));
    }
    let mut widths: Vec<usize> = kept.iter().map(|&i| need[i]).collect();
    let used = |widths: &[usize]| widths.iter().sum::<usize>() + frame_width(widths.len());
    // Still too wide: narrow the widest text column, a column at a time.
    while used(&widths) > width {
        let widest = (0..kept.len())
            .filter(|&n| !columns[kept[n]].whole && widths[n] > 1)
            .max_by_key(|&n| widths[n]);
        match widest {
            Some(n) => widths[n] -= 1,
            None => break, // only codes are left: they are never cut
        }
    }
    // Room to spare widens each other column to its full text where it
    // then fits; the main text column (the one with the largest minimum)
    // is left at its least, for comfy-table to give it the rest.
    let main = main_column(columns, &kept);
    for n in (0..kept.len()).filter(|&n| Some(n) != main) {
        let spare = width.saturating_sub(used(&widths));
        let missing = natural[kept[n]].saturating_sub(widths[n]);
        if missing <= spare {
            widths[n] += missing;
        }
    }
    (kept, Some(widths))
}

/// Of the kept columns, the main text column: the one with the largest
/// minimum width.
fn main_column(columns: &[Column], kept: &[usize]) -> Option<usize> {
    (0..kept.len())
        .filter(|&n| !columns[kept[n]].whole)
        .max_by_key(|&n| columns[kept[n]].min)
}

/// The width a text takes on screen, colour escapes left out.
pub(crate) fn visible_width(text: &str) -> usize {
    strip_escapes(text).width()
}

/// A text without its colour escapes.
pub fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a word, its colour escapes aside, is a code, a range of codes
/// or a count.
fn is_number(word: &str) -> bool {
    let visible = strip_escapes(word);
    visible.bytes().any(|b| b.is_ascii_digit())
        && visible
            .bytes()
            .all(|b| b.is_ascii_digit() || b"-xX,".contains(&b))
}

/// Each word wider than `width` cut to fit, ending in `…`, but a number (a
/// code, a count: `7100`, `71xx`, `7100-7107`), which is never cut; colour
/// escapes are kept whole, so a style still ends where it did.
pub(crate) fn shorten_words(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            out.push_str(&shorten_word(&word, width));
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    out.push_str(&shorten_word(&word, width));
    out
}

fn shorten_word(word: &str, width: usize) -> String {
    if visible_width(word) <= width || is_number(word) {
        return word.to_string();
    }
    let mut out = String::new();
    let mut shown = 0;
    let mut cut = false;
    let mut chars = word.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            out.push(c);
            for c in chars.by_ref() {
                out.push(c);
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        if cut {
            continue;
        }
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if shown + w + 1 > width {
            out.push('…');
            cut = true;
            continue;
        }
        shown += w;
        out.push(c);
    }
    out
}

/// The URLs in a cell replaced by `[n]`, numbered on from `notes`, where
/// each URL is added: a URL is never broken, so it goes below the table.
pub(crate) fn footnote_urls(cell: &str, notes: &mut Vec<String>) -> String {
    if !cell.contains("://") {
        return cell.to_string();
    }
    let mut out = String::with_capacity(cell.len());
    for (i, word) in cell.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let plain = strip_escapes(word);
        match plain.find("http://").or_else(|| plain.find("https://")) {
            Some(at) => {
                let url = plain[at..].trim_end_matches(['.', ',', ';', ')', '"', '\'']);
                let rest = &plain[at + url.len()..];
                notes.push(url.to_string());
                out.push_str(&format!("{}[{}]{rest}", &plain[..at], notes.len()));
            }
            None => out.push_str(word),
        }
    }
    out
}

/// A comfy table in the house style, as wide as the style allows.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_word_is_shortened_with_an_ellipsis_and_keeps_its_escapes() {
        assert_eq!(shorten_words("Communication errors", 8), "Communi… errors");
        assert_eq!(shorten_words("short", 8), "short");
        // A code, a range or a count is never cut.
        assert_eq!(
            shorten_words("7100 71xx 7100-7107 12,345 Account", 3),
            "7100 71xx 7100-7107 12,345 Ac…"
        );
        assert_eq!(shorten_words("\x1b[1m7100\x1b[0m", 3), "\x1b[1m7100\x1b[0m");
        let styled = "\x1b[1mCommunication\x1b[0m";
        assert_eq!(shorten_words(styled, 6), "\x1b[1mCommu…\x1b[0m");
        assert_eq!(visible_width(&shorten_words(styled, 6)), 6);
    }

    #[test]
    fn columns_are_dropped_before_words_are_shortened() {
        let columns = [
            Column::whole("Code"),
            Column::text("Category", 0).dropped(1),
            Column::text("Message", 10),
        ];
        let rows = vec![vec![
            "7100".to_string(),
            "Multi-Factor Authentication".to_string(),
            "Login attempt failed because the password is incorrect.".to_string(),
        ]];
        let (kept, widths) = layout(&columns, &rows, 100);
        assert_eq!((kept, widths), (vec![0, 1, 2], None), "it fits as it is");
        let (kept, widths) = layout(&columns, &rows, 50);
        assert_eq!(kept, [0, 1, 2]);
        assert_eq!(
            widths.unwrap(),
            [4, 14, 10],
            "the category at its longest word, the message at its least"
        );
        let (kept, widths) = layout(&columns, &rows, 30);
        assert_eq!(kept, [0, 2], "the category goes first");
        assert_eq!(widths.unwrap(), [4, 10]);
        let (kept, widths) = layout(&columns, &rows, 15);
        assert_eq!(kept, [0, 2]);
        assert_eq!(
            widths.unwrap(),
            [4, 4],
            "then the words are shortened; the code is whole"
        );
    }

    #[test]
    fn a_url_in_a_table_goes_below_it_whole() {
        let style = Style {
            format: super::super::Format::Table,
            json_lines: false,
            explicit: false,
            palette: super::super::Palette::new(false),
            width: 30,
        };
        let url = "https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-2001";
        let rows = vec![vec!["2001".to_string(), format!("moreInfo: {url}")]];
        let mut out = Vec::new();
        write(
            &mut out,
            &style,
            &[Column::whole("Code"), Column::text("Said", 10)],
            &rows,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("┆ moreInfo: [1]"), "{text}");
        assert!(text.ends_with(&format!("╯\n[1] {url}\n")), "{text}");
    }

    #[test]
    fn urls_become_numbered_notes() {
        let mut notes = vec!["https://one".to_string()];
        assert_eq!(
            footnote_urls("see https://docs.stormpath.com/errors/7100.", &mut notes),
            "see [2]."
        );
        assert_eq!(notes[1], "https://docs.stormpath.com/errors/7100");
    }
}
