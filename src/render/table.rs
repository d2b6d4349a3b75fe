//! Tables for people: comfy-table, fitted to the terminal, never wider.

use super::fit::{self, Column};
use super::{Style, plain};
use crate::catalog::{self, Entry, MessageKind, Origin};
use crate::scan::periods::{By, Period};
use crate::scan::summary::{Counts, Summary, Timeline};
use crate::scan::{Hit, Ticket};
use crate::search::{self, Ranked};
use std::io::{self, Write};

/// The widest a summary bar grows.
const BAR_WIDTH: u64 = 20;

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

/// The narrowest a card's value column is; below it, a card is written as
/// `field: value` lines.
const CARD_MIN_VALUE: usize = 24;

/// One entry as a card: field and value.
pub(crate) fn card(out: &mut dyn Write, style: &Style, entry: &Entry) -> io::Result<()> {
    let p = &style.palette;
    let mut fields: Vec<(&str, String)> = vec![
        ("Code", p.code(&entry.code.to_string())),
        ("Category", category_label(style, entry)),
        ("Message", message_cell(style, entry, &|_| false)),
        (
            "User message",
            match entry.user_message() {
                Some(u) => p.marked(u),
                None if entry.origin() == Origin::Observed => {
                    p.dim("(not known: no source shows it)")
                }
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
    if let Some(status) = entry.status() {
        fields.push(("HTTP status", status.to_string()));
    }
    let history = super::history(entry);
    if !history.is_empty() {
        fields.push(("History", history.join("\n")));
    }
    if !entry.variants().is_empty() {
        let count = entry.variants().len();
        let noun = if count == 1 { "wording" } else { "wordings" };
        fields.push((
            "Also seen as",
            p.dim(&format!(
                "{count} other {noun} (sperr explain {})",
                entry.code
            )),
        ));
    }
    match entry.origin() {
        Origin::Reference => {}
        Origin::Server => fields.push((
            "Source",
            p.dim(&format!(
                "undocumented; from {}",
                entry.source().unwrap_or_default()
            )),
        )),
        Origin::Observed => {
            let mut lines = vec![p.dim(
                "seen in public Stormpath material: SDK tests, issues, the old documentation",
            )];
            lines.extend(entry.sources().map(|url| p.literal(url)));
            fields.push(("Source", lines.join("\n")));
        }
    }
    let names = fields.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    if names + CARD_MIN_VALUE + fit::frame_width(2) > style.width {
        return fit::field_lines(out, style, &fields);
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

/// The columns of a table of entries: the category goes first on a narrow
/// terminal.
const ENTRY_COLUMNS: [Column; 3] = [
    Column::whole("Code"),
    Column::text("Category", 0).dropped(1),
    Column::text("Message", 20),
];

/// Several entries, one row each.
pub(crate) fn entries(out: &mut dyn Write, style: &Style, entries: &[&Entry]) -> io::Result<()> {
    let p = &style.palette;
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            let mut code = p.code(&e.code.to_string());
            if e.origin() == Origin::Server {
                code.push_str(&p.dim("*"));
            }
            vec![
                code,
                p.category(e.category().name),
                message_cell(style, e, &|_| false),
            ]
        })
        .collect();
    fit::write(out, style, &ENTRY_COLUMNS, &rows)?;
    if entries.iter().any(|e| e.origin() == Origin::Server) {
        let note = "* not in the published reference; the server used it";
        for line in textwrap::wrap(note, style.width) {
            writeln!(out, "{}", p.dim(&line))?;
        }
    }
    Ok(())
}

/// Search results, best first, with the words that matched highlighted.
pub(crate) fn search_hits(out: &mut dyn Write, style: &Style, hits: &[Ranked]) -> io::Result<()> {
    let p = &style.palette;
    let rows: Vec<Vec<String>> = hits
        .iter()
        .map(|hit| {
            let matches = search::word_matches(&hit.stems);
            let mut message = message_cell(style, hit.entry, &matches);
            if hit.via_history {
                for line in super::history(hit.entry) {
                    message.push('\n');
                    message.push_str(&p.dim(&line));
                }
            }
            vec![
                p.code(&hit.entry.code.to_string()),
                p.category(hit.entry.category().name),
                message,
            ]
        })
        .collect();
    fit::write(out, style, &ENTRY_COLUMNS, &rows)
}

/// The categories with their ranges and counts. On a narrow terminal the
/// first and last codes go, then the count.
pub(crate) fn categories(out: &mut dyn Write, style: &Style) -> io::Result<()> {
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
/// it, then a row for each hit (`--format table`). On a narrow terminal
/// the found text goes first.
pub(crate) fn scan_hits(
    out: &mut dyn Write,
    style: &Style,
    hits: &[(Ticket, Hit)],
) -> io::Result<()> {
    let p = &style.palette;
    for (i, ticket_hits) in hits.chunk_by(|a, b| a.0 == b.0).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        scan_heading(out, style, &ticket_hits[0].0)?;
        let rows: Vec<Vec<String>> = ticket_hits
            .iter()
            .map(|(_, hit)| {
                vec![
                    p.dim(&hit.line.to_string()),
                    p.code(&hit.code.to_string()),
                    p.literal(&hit.text),
                    scan_message(style, hit.entry),
                ]
            })
            .collect();
        fit::write(
            out,
            style,
            &[
                Column::whole("Line"),
                Column::whole("Code"),
                Column::text("Found", 10).dropped(1),
                Column::text("Message", 20),
            ],
            &rows,
        )?;
    }
    Ok(())
}

/// A hit's message in a table; a code the catalog does not know says so.
fn scan_message(style: &Style, entry: Option<&Entry>) -> String {
    entry.map_or_else(
        || style.palette.dim(plain::NOT_IN_CATALOG),
        |e| message_cell(style, e, &|_| false),
    )
}

/// The heading of a file's hits in scan's streamed view.
pub(crate) fn scan_heading(out: &mut dyn Write, style: &Style, ticket: &Ticket) -> io::Result<()> {
    // `-` reads as a stray dash above a list; ripgrep says `<stdin>`.
    let name = match (ticket.file.as_str(), &ticket.member) {
        ("-", None) => "<stdin>".to_string(),
        ("-", Some(member)) => format!("<stdin>:{member}"),
        _ => ticket.name(),
    };
    writeln!(out, "{}", style.palette.category(&name))
}

/// One hit in scan's streamed view: `LINE:CODE  MESSAGE`, cut to the
/// terminal's width.
pub(crate) fn scan_hit_line(out: &mut dyn Write, style: &Style, hit: &Hit) -> io::Result<()> {
    let p = &style.palette;
    // Line numbers up to 9999 and codes of four or five digits take the
    // same width, so that a file's messages line up below each other.
    let place = format!("{:>5}", format!("{}:", hit.line));
    let code = format!("{:<5}", hit.code);
    let room = style
        .width
        .saturating_sub(place.len() + code.len() + 2)
        .max(10);
    let message = match hit.entry {
        Some(e) => cut(super::plain_message(e).1, room),
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
    // A count of one still shows; none (an `--absent` code) shows none.
    let cells = (count.saturating_mul(BAR_WIDTH))
        .div_ceil(max.max(1))
        .max(count.min(1));
    "█".repeat(usize::try_from(cells).unwrap_or(1))
}

/// The most cells a sparkline takes: periods beyond are added up in
/// groups.
const SPARKLINE_WIDTH: usize = 48;

/// Counts over time as a sparkline (`▁▃█▅`), each cell scaled to the
/// highest; a period with none is a space. More periods than
/// `SPARKLINE_WIDTH` are added up in groups.
fn sparkline(counts: &[u64]) -> String {
    const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let group = counts.len().div_ceil(SPARKLINE_WIDTH).max(1);
    let cells: Vec<u64> = counts.chunks(group).map(|c| c.iter().sum()).collect();
    let max = cells.iter().copied().max().unwrap_or(0).max(1);
    cells
        .iter()
        .map(|&n| match n {
            0 => ' ',
            n => TICKS[((n * 8).div_ceil(max) as usize).clamp(1, 8) - 1],
        })
        .collect()
}

/// A timeline's tickets per period along `axis`.
fn tickets_along(timeline: &Timeline, axis: &[jiff::civil::Date]) -> Vec<u64> {
    axis.iter()
        .map(|&date| {
            timeline
                .periods
                .get(&Period::Dated(date))
                .map_or(0, |c| c.tickets)
        })
        .collect()
}

/// A time as a table shows it: its UTC day.
fn day(time: Option<jiff::Timestamp>) -> String {
    time.map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
        .unwrap_or_default()
}

/// Tickets and sightings per code and per category, with bars; with
/// `--by`, a sparkline of tickets per period and the first and last day
/// seen instead. On a narrow terminal the bars go first.
pub(crate) fn summary(out: &mut dyn Write, style: &Style, summary: &Summary) -> io::Result<()> {
    let p = &style.palette;
    let axis = summary.axis();
    let max = summary.codes.first().map_or(1, |c| c.counts.tickets);
    let graph = |counts: Counts, timeline: &Timeline, max: u64| match summary.by {
        None => p.bar(&bar(counts.tickets, max)),
        Some(_) => p.bar(&sparkline(&tickets_along(timeline, &axis))),
    };
    let graph_title = match summary.by {
        None => "",
        Some(By::Day) => "Tickets per day",
        Some(By::Week) => "Tickets per week",
        Some(By::Month) => "Tickets per month",
    };
    let dated = summary.by.is_some();
    let rows: Vec<Vec<String>> = summary
        .codes
        .iter()
        .map(|c| {
            let mut row = vec![
                p.code(&c.code.to_string()),
                c.counts.tickets.to_string(),
                c.counts.sightings.to_string(),
                graph(c.counts, &c.timeline, max),
            ];
            if dated {
                row.push(day(c.timeline.first_seen));
                row.push(day(c.timeline.last_seen));
            }
            row.push(scan_message(style, c.entry));
            row
        })
        .collect();
    // Over time, the sparkline is what was asked for: the days seen go
    // first, then the sightings.
    let mut columns = match dated {
        false => vec![
            Column::whole("Code"),
            Column::whole("Tickets"),
            Column::whole("Sightings").dropped(2),
            Column::whole(graph_title).dropped(1),
        ],
        true => vec![
            Column::whole("Code"),
            Column::whole("Tickets"),
            Column::whole("Sightings").dropped(3),
            Column::whole(graph_title).dropped(4),
            Column::whole("First seen").dropped(1),
            Column::whole("Last seen").dropped(2),
        ],
    };
    columns.push(Column::text("Message", 20));
    fit::write(out, style, &columns, &rows)?;
    let max = summary.categories.first().map_or(1, |c| c.counts.tickets);
    let total = &summary.total;
    let rows: Vec<Vec<String>> = summary
        .categories
        .iter()
        .map(|c| {
            vec![
                p.category(c.category.name),
                p.category(c.category.range),
                c.counts.tickets.to_string(),
                c.counts.sightings.to_string(),
                graph(c.counts, &c.timeline, max),
            ]
        })
        .chain([vec![
            p.dim("All codes"),
            String::new(),
            total.tickets.to_string(),
            total.sightings.to_string(),
            match summary.by {
                None => String::new(),
                Some(_) => graph(*total, &summary.total_timeline, 1),
            },
        ]])
        .collect();
    fit::write(
        out,
        style,
        &[
            Column::text("Category", 0),
            Column::whole("Range").dropped(2),
            Column::whole("Tickets"),
            Column::whole("Sightings").dropped(3),
            Column::whole(graph_title).dropped(1),
        ],
        &rows,
    )?;
    match (summary.by, axis.first(), axis.last()) {
        (Some(by), Some(&first), Some(&last)) => writeln!(
            out,
            "{}",
            p.dim(&format!(
                "Periods (UTC): {} to {}{}",
                by.label(Period::Dated(first)),
                by.label(Period::Dated(last)),
                match summary.total_timeline.periods.get(&Period::Undated) {
                    Some(undated) => match undated.sightings {
                        1 => "; 1 sighting undated".to_string(),
                        n => format!("; {n} sightings undated"),
                    },
                    None => String::new(),
                }
            ))
        ),
        (Some(_), _, _) => writeln!(out, "{}", p.dim("No sighting is dated.")),
        _ => Ok(()),
    }
}
