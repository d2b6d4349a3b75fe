//! `scan --report`: the summary as one self-contained HTML page to send to
//! someone: the totals, a sortable table of the codes, a timeline per
//! category and for the ten busiest codes (inline SVG), and a section per
//! code with explain's text, its first hit and the tickets that name it.
//! Nothing is fetched: no external script, style sheet or font. Every text
//! from the input or the catalog is HTML-escaped.

use super::{Palette, Style};
use crate::scan::periods::{By, Period};
use crate::scan::summary::{CodeCounts, Counts, Summary, Timeline};
use jiff::civil::Date;
use std::fmt::Write as _;
use std::io;

/// How many of the busiest codes get a timeline of their own.
const CHARTED_CODES: usize = 10;

/// The width explain's text is wrapped to in the page.
const EXPLAIN_WIDTH: usize = 88;

/// The chart's size, in SVG units.
const CHART_WIDTH: f64 = 600.0;
const CHART_HEIGHT: f64 = 60.0;

/// Text made safe to put in an HTML element or a quoted attribute.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:2em}\
table{border-collapse:collapse}th,td{padding:.2em .6em;text-align:left;vertical-align:top}\
td.n,th.n{text-align:right}td.d{white-space:nowrap}tbody tr:nth-child(odd){background:#f4f4f4}\
table.sortable th{cursor:pointer;user-select:none;background:#e8e8e8}\
th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}\
dl.totals{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}\
figure{margin:1em 0}figcaption{font-weight:bold}span.counts{font-weight:normal;color:#555}svg.chart{display:block;background:#fafafa;border:1px solid #ddd}\
svg.chart rect{fill:#3b6ea8}pre{background:#f6f6f6;padding:.6em;white-space:pre-wrap;overflow-wrap:anywhere}\
section.code{border-top:1px solid #ddd;margin-top:1.5em}p.note{color:#666}";

/// Sorts a table by the column whose header is clicked, numbers by their
/// `data-sort` value; a second click reverses.
const SCRIPT: &str = "document.querySelectorAll('table.sortable th').forEach(function(th,i){\
th.addEventListener('click',function(){var t=th.closest('table'),b=t.tBodies[0];\
var up=th.getAttribute('aria-sort')!=='ascending';\
t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});\
th.setAttribute('aria-sort',up?'ascending':'descending');\
var key=function(r){var c=r.cells[i];return c.hasAttribute('data-sort')?c.getAttribute('data-sort'):c.textContent};\
var num=th.classList.contains('n');\
Array.from(b.rows).sort(function(x,y){var a=key(x),c=key(y);\
var o=num?Number(a)-Number(c):a.localeCompare(c);return up?o:-o})\
.forEach(function(r){b.appendChild(r)})})});";

/// The whole page.
pub(crate) fn page(out: &mut dyn io::Write, summary: &Summary) -> io::Result<()> {
    out.write_all(html(summary).as_bytes())
}

fn html(summary: &Summary) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Early in the page, where scan's first look sees it: a report left
    // in a tree it scans is not counted as a ticket.
    h.push_str(crate::scan::REPORT_MARK);
    h.push('\n');
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>Stormpath errors: a sperr report</title>\n");
    let _ = writeln!(h, "<style>{STYLE}</style>\n</head>\n<body>");
    h.push_str("<h1>Stormpath errors: a sperr report</h1>\n");
    totals(&mut h, summary);
    table(&mut h, summary);
    timelines(&mut h, summary);
    codes(&mut h, summary);
    let _ = writeln!(
        h,
        "<p class=\"note\">Written by sperr {}.</p>",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(h, "<script>{SCRIPT}</script>\n</body>\n</html>");
    h
}

fn day(time: Option<jiff::Timestamp>) -> String {
    time.map_or_else(String::new, |t| {
        t.to_zoned(jiff::tz::TimeZone::UTC).date().to_string()
    })
}

fn totals(h: &mut String, summary: &Summary) {
    let found = summary.codes.iter().filter(|c| !c.absent).count();
    h.push_str("<section id=\"totals\">\n<h2>Totals</h2>\n<dl class=\"totals\">\n");
    let mut item = |term: &str, value: String| {
        let _ = writeln!(h, "<dt>{term}</dt><dd>{}</dd>", escape(&value));
    };
    item("Tickets with a code", summary.total.tickets.to_string());
    item("Sightings", summary.total.sightings.to_string());
    item("Codes", found.to_string());
    let timeline = &summary.total_timeline;
    let span = match (timeline.first_seen, timeline.last_seen) {
        (Some(_), Some(_)) => format!(
            "{} to {}",
            day(timeline.first_seen),
            day(timeline.last_seen)
        ),
        _ => "no dated sightings".to_string(),
    };
    let dated = timeline.first_seen.is_some();
    item("Seen", span);
    if let Some(by) = summary.by.filter(|_| dated) {
        item("Counted by", by.name().to_string());
    }
    let undated = undated(timeline);
    if undated.sightings > 0 {
        item(
            "Undated",
            format!(
                "{} in {}",
                counted(undated.sightings, "sighting"),
                counted(undated.tickets, "ticket")
            ),
        );
    }
    h.push_str("</dl>\n</section>\n");
}

fn undated(timeline: &Timeline) -> Counts {
    timeline
        .periods
        .get(&Period::Undated)
        .copied()
        .unwrap_or_default()
}

/// A code's message as plain text on one line.
fn message(code: &CodeCounts) -> &'static str {
    code.entry
        .map_or("(not in the reference)", |e| super::plain_message(e).1)
}

fn table(h: &mut String, summary: &Summary) {
    h.push_str("<section id=\"summary\">\n<h2>Codes</h2>\n");
    h.push_str("<p class=\"note\">Click a column's header to sort by it.</p>\n");
    h.push_str("<table class=\"sortable\" id=\"summary-table\">\n<thead><tr>");
    h.push_str("<th class=\"n\">Code</th><th>Category</th><th class=\"n\">Tickets</th>");
    h.push_str("<th class=\"n\">Sightings</th><th>First seen</th><th>Last seen</th>");
    h.push_str("<th>Message</th></tr></thead>\n<tbody>\n");
    for c in &summary.codes {
        let category = c
            .entry
            .map_or(String::new(), |e| e.category().name.to_string());
        let _ = writeln!(
            h,
            "<tr><td class=\"n\" data-sort=\"{code}\"><a href=\"#code-{code}\">{code}</a></td>\
             <td>{}</td><td class=\"n\" data-sort=\"{t}\">{t}</td>\
             <td class=\"n\" data-sort=\"{s}\">{s}</td><td class=\"d\">{}</td><td class=\"d\">{}</td><td>{}</td></tr>",
            escape(&category),
            day(c.timeline.first_seen),
            day(c.timeline.last_seen),
            escape(message(c)),
            code = c.code,
            t = c.counts.tickets,
            s = c.counts.sightings,
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn timelines(h: &mut String, summary: &Summary) {
    let Some(by) = summary.by else {
        return;
    };
    let axis = summary.axis();
    let _ = writeln!(
        h,
        "<section id=\"timelines\">\n<h2>Over time: tickets per {}</h2>",
        by.name()
    );
    if axis.is_empty() {
        h.push_str("<p class=\"note\">No sighting is dated: there is no timeline to draw.</p>\n");
        h.push_str("</section>\n");
        return;
    }
    h.push_str("<h3>By category</h3>\n");
    for c in &summary.categories {
        let title = format!("{} ({})", c.category.name, c.category.range);
        chart(h, by, &axis, &title, &c.timeline, c.counts);
    }
    h.push_str("<h3>The ten busiest codes</h3>\n");
    for c in summary
        .codes
        .iter()
        .filter(|c| !c.absent)
        .take(CHARTED_CODES)
    {
        let title = format!("{} · {}", c.code, message(c));
        chart(h, by, &axis, &title, &c.timeline, c.counts);
    }
    h.push_str("</section>\n");
}

/// `1 ticket, 2 sightings`.
fn tickets_and_sightings(counts: Counts) -> String {
    let tickets = counted(counts.tickets, "ticket");
    format!("{tickets}, {}", counted(counts.sightings, "sighting"))
}

/// `1 ticket`, `2 tickets`.
fn counted(n: u64, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        _ => format!("{n} {noun}s"),
    }
}

/// A timeline's tickets per period along `axis` as bars, each with its
/// period, tickets and sightings as a tooltip; the undated count as text.
fn chart(h: &mut String, by: By, axis: &[Date], title: &str, timeline: &Timeline, counts: Counts) {
    let _ = writeln!(
        h,
        "<figure class=\"timeline\">\n<figcaption>{} <span class=\"counts\">({})</span></figcaption>",
        escape(title),
        tickets_and_sightings(counts)
    );
    let along: Vec<(Date, Counts)> = axis
        .iter()
        .map(|&d| {
            let c = timeline.periods.get(&Period::Dated(d));
            (d, c.copied().unwrap_or_default())
        })
        .collect();
    let max = along
        .iter()
        .map(|(_, c)| c.tickets)
        .max()
        .unwrap_or(0)
        .max(1);
    let step = CHART_WIDTH / along.len() as f64;
    let _ = writeln!(
        h,
        "<svg class=\"chart\" role=\"img\" width=\"{CHART_WIDTH}\" height=\"{h}\" \
         viewBox=\"0 0 {CHART_WIDTH} {h}\" xmlns=\"http://www.w3.org/2000/svg\">",
        h = CHART_HEIGHT + 14.0
    );
    for (i, (date, c)) in along.iter().enumerate() {
        let height = CHART_HEIGHT * c.tickets as f64 / max as f64;
        let _ = writeln!(
            h,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\">\
             <title>{}: {}</title></rect>",
            i as f64 * step + step * 0.1,
            CHART_HEIGHT - height,
            (step * 0.8).max(0.5),
            height,
            by.label(Period::Dated(*date)),
            tickets_and_sightings(*c)
        );
    }
    if let (Some(&first), Some(&last)) = (axis.first(), axis.last()) {
        let _ = write!(
            h,
            "<text x=\"0\" y=\"{y}\" font-size=\"11\">{}</text>\
             <text x=\"{mid}\" y=\"{y}\" font-size=\"11\" text-anchor=\"middle\">highest: {max}</text>\
             <text x=\"{CHART_WIDTH}\" y=\"{y}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            by.label(Period::Dated(first)),
            by.label(Period::Dated(last)),
            y = CHART_HEIGHT + 12.0,
            mid = CHART_WIDTH / 2.0,
        );
    }
    h.push_str("\n</svg>\n");
    let undated = undated(timeline);
    if undated.sightings > 0 {
        let _ = writeln!(
            h,
            "<p class=\"note\">Undated: {}.</p>",
            tickets_and_sightings(undated)
        );
    }
    h.push_str("</figure>\n");
}

fn codes(h: &mut String, summary: &Summary) {
    h.push_str("<section id=\"codes\">\n<h2>Each code</h2>\n");
    let style = Style {
        format: super::Format::Plain,
        json_lines: false,
        explicit: true,
        palette: Palette::new(false),
        width: EXPLAIN_WIDTH,
    };
    for c in &summary.codes {
        let _ = writeln!(
            h,
            "<section class=\"code\" id=\"code-{}\">\n<h3>{} · {}</h3>",
            c.code,
            c.code,
            escape(message(c))
        );
        match c.entry {
            Some(entry) => {
                let mut text = Vec::new();
                // Writing into memory does not fail.
                let _ = super::explain::entry(&mut text, &style, entry);
                let _ = writeln!(
                    h,
                    "<details open><summary>The reference</summary>\n<pre class=\"explain\">{}</pre>\n</details>",
                    escape(String::from_utf8_lossy(&text).trim_end())
                );
            }
            None => h.push_str("<p class=\"note\">Not in the reference.</p>\n"),
        }
        if c.absent {
            h.push_str("<p class=\"note\">Selected, and named by nothing scanned.</p>\n");
        }
        if let Some(sample) = &c.sample {
            let _ = writeln!(
                h,
                "<h4>Its first hit</h4>\n<pre class=\"sample\">{}</pre>",
                escape(sample)
            );
        }
        if !c.tickets.is_empty() {
            tickets(h, c);
        }
        h.push_str("</section>\n");
    }
    h.push_str("</section>\n");
}

fn tickets(h: &mut String, c: &CodeCounts) {
    let records = c.tickets.iter().any(|t| t.record > 0);
    let members = c.tickets.iter().any(|t| t.member.is_some());
    let _ = writeln!(
        h,
        "<h4>The tickets that name it ({})</h4>",
        c.counts.tickets
    );
    h.push_str("<table class=\"tickets\">\n<thead><tr><th>File</th>");
    if members {
        h.push_str("<th>Member</th>");
    }
    if records {
        h.push_str("<th class=\"n\">Record</th>");
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for t in &c.tickets {
        let _ = write!(h, "<tr><td>{}</td>", escape(&t.file));
        if members {
            let _ = write!(h, "<td>{}</td>", escape(t.member.as_deref().unwrap_or("")));
        }
        if records {
            let record = if t.record > 0 {
                t.record.to_string()
            } else {
                String::new()
            };
            let _ = write!(h, "<td class=\"n\">{record}</td>");
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
    let more = c.counts.tickets.saturating_sub(c.tickets.len() as u64);
    if more > 0 {
        let _ = writeln!(h, "<p class=\"note\">and {more} more</p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;
    use crate::scan::summary::{CategoryCounts, TicketName};

    fn at(text: &str) -> Option<jiff::Timestamp> {
        Some(text.parse().unwrap())
    }

    fn month(label: &str) -> Period {
        By::Month.parse_label(label).unwrap()
    }

    fn timeline(periods: &[(&str, u64, u64)]) -> Timeline {
        Timeline {
            periods: periods
                .iter()
                .map(|&(label, tickets, sightings)| (month(label), Counts { tickets, sightings }))
                .collect(),
            first_seen: at("2016-08-03T10:00:00Z"),
            last_seen: at("2016-11-20T10:00:00Z"),
        }
    }

    fn code(code: u32, tickets: Vec<TicketName>, sample: &str, counts: Counts) -> CodeCounts {
        CodeCounts {
            code,
            entry: catalog::lookup(code),
            counts,
            timeline: timeline(&[("2016-08", 1, 2), ("2016-11", 1, 1), ("undated", 1, 1)]),
            tickets,
            sample: Some(sample.to_string()),
            absent: false,
        }
    }

    /// Two codes by month, from August to November 2016, with hostile
    /// names and text.
    fn summary() -> Summary {
        let hostile = TicketName::of_path(
            b"tickets/<script>alert(\"file\")</script>'.log",
            Some("inner\"<b>member</b>.txt".into()),
            3,
        );
        let plain = TicketName::of_path(b"tickets/7100.log", None, 0);
        let counts = Counts {
            tickets: 5,
            sightings: 9,
        };
        let category = catalog::categories()
            .iter()
            .find(|c| c.range == "7XXX")
            .unwrap();
        Summary {
            codes: vec![
                code(
                    7100,
                    vec![hostile, plain],
                    "ERROR <script>alert('sample')</script> \"7100\"",
                    counts,
                ),
                code(2001, Vec::new(), "error 2001 & more", Counts::default()),
            ],
            categories: vec![CategoryCounts {
                category,
                counts,
                timeline: timeline(&[("2016-08", 1, 2), ("2016-11", 1, 1)]),
            }],
            total: counts,
            total_timeline: timeline(&[("2016-08", 1, 2), ("2016-11", 1, 1), ("undated", 1, 1)]),
            by: Some(By::Month),
        }
    }

    #[test]
    fn names_and_text_from_the_input_are_escaped() {
        let page = html(&summary());
        // The page's own script is its only one.
        assert_eq!(page.matches("<script").count(), 1, "{page}");
        assert!(
            page.contains("tickets/&lt;script&gt;alert(&quot;file&quot;)&lt;/script&gt;&#39;.log")
        );
        assert!(page.contains("inner&quot;&lt;b&gt;member&lt;/b&gt;.txt"));
        assert!(page.contains(
            "ERROR &lt;script&gt;alert(&#39;sample&#39;)&lt;/script&gt; &quot;7100&quot;"
        ));
        assert!(page.contains("error 2001 &amp; more"));
        assert!(!page.contains("<b>"));
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn the_page_holds_totals_table_charts_and_each_code() {
        let page = html(&summary());
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.trim_end().ends_with("</html>"));
        // Nothing fetched from elsewhere.
        assert!(!page.contains("src="), "{page}");
        assert!(!page.contains("<link"));
        assert!(page.contains("<dt>Tickets with a code</dt><dd>5</dd>"));
        assert!(page.contains("<dt>Seen</dt><dd>2016-08-03 to 2016-11-20</dd>"));
        assert!(page.contains("<dt>Undated</dt><dd>1 sighting in 1 ticket</dd>"));
        assert!(page.contains("<table class=\"sortable\" id=\"summary-table\">"));
        assert!(page.contains("<a href=\"#code-7100\">7100</a>"));
        assert!(page.contains("<section class=\"code\" id=\"code-7100\">"));
        // One chart for the category, one per code; four months on the axis.
        assert_eq!(page.matches("<svg class=\"chart\"").count(), 3);
        let first_chart = page
            .split("<svg")
            .nth(1)
            .unwrap()
            .split("</svg>")
            .next()
            .unwrap();
        assert_eq!(first_chart.matches("<rect").count(), 4, "{first_chart}");
        assert!(first_chart.contains("<title>2016-08: 1 ticket, 2 sightings</title>"));
        assert!(first_chart.contains(">2016-11</text>"));
        // explain's text, without colour.
        assert!(page.contains("Error 7100 · Account (7XXX)"));
        assert!(!page.contains('\u{1b}'));
        // A record is named; a code with more tickets than listed says so.
        assert!(page.contains("<td class=\"n\">3</td>"));
        assert!(page.contains("and 3 more"));
    }

    /// The page of hits of 7100 at these times, counted in every period
    /// length, as `scan --report` without `--by` counts.
    fn page_of_times(times: &[&str]) -> String {
        use crate::scan::summary::{Tally, TallyOptions};
        use crate::scan::{Ticket, scan_text};
        let mut tally = Tally::new(TallyOptions {
            periods: &By::ALL,
            names: true,
        });
        tally.begin_ticket(&Ticket::file("a.log".into()));
        for (line, time) in times.iter().enumerate() {
            let mut hit = scan_text(b"error 7100").remove(0);
            hit.line = 10 * (line + 1);
            hit.time = at(time);
            tally.add(&hit);
        }
        html(&tally.summary())
    }

    #[test]
    fn without_by_the_period_suits_the_span() {
        let page = page_of_times(&["2016-08-03T10:00:00Z", "2016-11-20T10:00:00Z"]);
        assert!(page.contains("<dt>Counted by</dt><dd>week</dd>"), "{page}");
        assert!(page.contains("tickets per week"));
        // Monday 2016-08-01 to Monday 2016-11-14: 16 weeks, gaps included.
        let chart = page.split("<svg").nth(1).unwrap();
        let chart = chart.split("</svg>").next().unwrap();
        assert_eq!(chart.matches("<rect").count(), 16, "{chart}");
        assert!(chart.contains(">2016-W31</text>"));
        assert!(chart.contains(">2016-W46</text>"));
        let page = page_of_times(&["2016-10-18T10:00:00Z", "2016-10-20T10:00:00Z"]);
        assert!(page.contains("<dt>Counted by</dt><dd>day</dd>"), "{page}");
        let page = page_of_times(&["2015-01-18T10:00:00Z", "2016-10-20T10:00:00Z"]);
        assert!(page.contains("<dt>Counted by</dt><dd>month</dd>"), "{page}");
    }

    #[test]
    fn without_dates_the_page_says_there_is_no_timeline() {
        let mut summary = summary();
        summary.total_timeline = Timeline::default();
        let page = html(&summary);
        assert!(page.contains("No sighting is dated"));
        assert!(!page.contains("<figure"));
        assert!(!page.contains("Counted by"));
        assert!(!page.contains("<svg"));
        assert!(page.contains("<dt>Seen</dt><dd>no dated sightings</dd>"));
    }
}
