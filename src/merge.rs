//! `sperr merge`: shard summaries (`scan --summary --format jsonl`, each of
//! a part of an archive split by file) read back and added up into the
//! summary one scan of the whole archive gives.
//!
//! Counts add, since no ticket is in two shards; first and last seen take
//! the earliest and latest; periods add label by label; the names of each
//! code's tickets are put in path order (as a scan walks: directories
//! sorted by file name, so paths compare component by component; the
//! members and records of one file in the order their shard gave them)
//! and cut to the first `MOST_NAMED_TICKETS`. A code's sample is that of
//! the shard whose first named ticket comes first.
//!
//! An input holds one summary, or several one after the other (what `cat`
//! or `xargs` running scan more than once makes): each summary ends with
//! its total row, which says its `format_version` and its `by`. Summaries
//! of another version, or counted by other periods, are refused.

use crate::catalog;
use crate::render::json::SUMMARY_FORMAT_VERSION;
use crate::scan::periods::By;
use crate::scan::summary::{
    CategoryCounts, CodeCounts, Counts, MOST_NAMED_TICKETS, Summary, TicketName, Timeline,
};
use jiff::Timestamp;
use serde::Deserialize;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::Path;

/// One input: its name in messages, and its bytes.
pub(crate) struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A summary row as `render::json` writes it; what merge does not need
/// (a code's message and category, which come from the catalog) is not
/// read.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Row {
    Code {
        code: u32,
        #[serde(flatten)]
        counts: RowCounts,
        #[serde(default)]
        absent: bool,
        #[serde(default)]
        named_tickets: Vec<RowTicket>,
        #[serde(default)]
        sample: Option<String>,
    },
    Category {
        range: String,
        #[serde(flatten)]
        counts: RowCounts,
    },
    Total {
        #[serde(flatten)]
        counts: RowCounts,
        #[serde(default)]
        by: Option<String>,
        #[serde(default)]
        format_version: Option<u32>,
    },
}

#[derive(Deserialize)]
struct RowCounts {
    tickets: u64,
    sightings: u64,
    #[serde(default)]
    first_seen: Option<Timestamp>,
    #[serde(default)]
    last_seen: Option<Timestamp>,
    #[serde(default)]
    periods: Option<Vec<RowPeriod>>,
}

#[derive(Deserialize)]
struct RowPeriod {
    period: String,
    tickets: u64,
    sightings: u64,
}

#[derive(Deserialize)]
struct RowTicket {
    /// The real path; its bytes where they are not UTF-8.
    file: String,
    #[serde(default)]
    file_bytes: Option<Vec<u8>>,
    #[serde(default)]
    member: Option<String>,
    #[serde(default)]
    record: u64,
}

/// A ticket's name, and the order it was read in (which keeps the members
/// of one file in their shard's order).
struct Named {
    name: TicketName,
    read: usize,
}

impl Named {
    /// Path order: by file, component by component, then as read.
    fn path_order(&self, other: &Named) -> Ordering {
        Path::new(&self.name.file)
            .cmp(Path::new(&other.name.file))
            .then(self.read.cmp(&other.read))
    }
}

/// A code's rows added up so far.
struct CodeTotal {
    counts: Counts,
    timeline: Timeline,
    names: Vec<Named>,
    /// The sample of the summary whose first named ticket comes first,
    /// with that ticket.
    sample: Option<(Named, String)>,
    /// Absent (`--absent`) in every summary that has a row for it.
    absent: bool,
}

/// The summaries read so far, added up.
#[derive(Default)]
struct Totals {
    /// The period length of the first summary read, and where it was.
    by: Option<(Option<By>, String)>,
    codes: BTreeMap<u32, CodeTotal>,
    /// By the category's place in the catalog (two ranges may start at
    /// one code: 13XXX and 130XX).
    categories: BTreeMap<usize, (&'static catalog::Category, Counts, Timeline)>,
    total: Counts,
    total_timeline: Timeline,
    /// Ticket names read, for their order.
    read: usize,
}

/// Where a row was: `FILE:LINE` in JSON Lines, `FILE: row N` in an array.
fn place(input: &Input, line: Option<usize>, row: usize) -> String {
    match line {
        Some(line) => format!("{}:{line}", input.name),
        None => format!("{}: row {row}", input.name),
    }
}

/// The summary the inputs add up to, or the one-line reason they do not.
pub(crate) fn merge(inputs: &[Input]) -> Result<Summary, String> {
    let mut totals = Totals::default();
    for input in inputs {
        let rows = rows(input)?;
        let mut summaries = 0;
        let mut pending: Vec<(String, Row)> = Vec::new();
        for (n, (line, row)) in rows.into_iter().enumerate() {
            let at = place(input, line, n + 1);
            match row {
                Row::Total {
                    counts,
                    by,
                    format_version,
                } => {
                    check_version(format_version, &at)?;
                    let by = totals.check_by(by.as_deref(), &input.name, &at)?;
                    for (at, row) in pending.drain(..) {
                        totals.add(row, by, &at)?;
                    }
                    totals.total.tickets += counts.tickets;
                    totals.total.sightings += counts.sightings;
                    let timeline = timeline(counts, by, &at)?;
                    totals.total_timeline.merge(&timeline);
                    summaries += 1;
                }
                row => pending.push((at, row)),
            }
        }
        if !pending.is_empty() || summaries == 0 {
            let what = if summaries == 0 {
                "holds no summary"
            } else {
                "ends without a total row (cut short?)"
            };
            return Err(format!(
                "{}: {what}; merge reads what `sperr scan --summary --format jsonl` writes",
                input.name
            ));
        }
    }
    Ok(totals.summary())
}

/// The rows of an input, each with its line in JSON Lines: JSON Lines, or
/// one or more JSON arrays of rows (`--format json`).
fn rows(input: &Input) -> Result<Vec<(Option<usize>, Row)>, String> {
    let bytes = crate::scan::without_bom(&input.bytes);
    let array = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[');
    if array {
        let mut rows = Vec::new();
        let arrays = serde_json::Deserializer::from_slice(bytes);
        // The line of the last element's start, and where that is.
        let (mut line, mut counted) = (1, 0);
        for array in arrays.into_iter::<Vec<&serde_json::value::RawValue>>() {
            let array = array.map_err(|e| malformed(input, e.line(), None, &e))?;
            // Each element is read as a line of JSON Lines is, on its line.
            for element in array {
                let text = element.get().as_bytes();
                let at = text.as_ptr() as usize - bytes.as_ptr() as usize;
                line += memchr::memchr_iter(b'\n', &bytes[counted..at]).count();
                counted = at;
                let row = serde_json::from_slice(text)
                    .map_err(|e| malformed(input, line, Some(text), &e))?;
                rows.push((None, row));
            }
        }
        return Ok(rows);
    }
    let mut rows = Vec::new();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row =
            serde_json::from_slice(line).map_err(|e| malformed(input, n + 1, Some(line), &e))?;
        rows.push((Some(n + 1), row));
    }
    Ok(rows)
}

/// A line that is not a summary row (the line of JSON Lines, if it is
/// one), in one line: what it is instead in the reader's words, not the
/// parser's types.
fn malformed(
    input: &Input,
    line_number: usize,
    line: Option<&[u8]>,
    e: &serde_json::Error,
) -> String {
    let reason = if line.is_some_and(|l| !l.trim_ascii_start().starts_with(b"{")) {
        "not a JSON object".to_string()
    } else if e.is_syntax() || e.is_eof() {
        "not valid JSON".to_string()
    } else {
        // serde_json ends its messages with the position, said here already.
        let reason = e.to_string();
        let reason = reason.split(" at line ").next().unwrap_or(&reason);
        reason
            .replace("internally tagged enum Row", "a row's kind")
            .replace("unknown variant", "unknown kind")
    };
    format!(
        "{}:{line_number}: not a summary row ({reason}); merge reads what \
         `sperr scan --summary --format jsonl` writes",
        input.name
    )
}

fn check_version(version: Option<u32>, at: &str) -> Result<(), String> {
    match version {
        Some(SUMMARY_FORMAT_VERSION) => Ok(()),
        Some(other) => Err(format!(
            "{at}: a summary of format_version {other}; this sperr merges version \
             {SUMMARY_FORMAT_VERSION}: scan every shard with the same sperr"
        )),
        None => Err(format!(
            "{at}: a total row without format_version; scan every shard with this \
             sperr (`sperr scan --summary --format jsonl`)"
        )),
    }
}

/// `--by`'s name, or "without --by".
fn by_name(by: Option<By>) -> String {
    by.map_or("without --by".to_string(), |by| format!("by {}", by.name()))
}

/// A row's counts as a timeline of periods of length `by`.
fn timeline(counts: RowCounts, by: Option<By>, at: &str) -> Result<Timeline, String> {
    let mut timeline = Timeline {
        first_seen: counts.first_seen,
        last_seen: counts.last_seen,
        ..Timeline::default()
    };
    if let Some(by) = by {
        for period in counts.periods.unwrap_or_default() {
            let label = by.parse_label(&period.period).ok_or_else(|| {
                format!(
                    "{at}: {:?} is not a {} (as 2016-10-18, 2016-W42, 2016-10 or undated)",
                    period.period,
                    by.name()
                )
            })?;
            let sum = timeline.periods.entry(label).or_default();
            sum.tickets += period.tickets;
            sum.sightings += period.sightings;
        }
    }
    Ok(timeline)
}

impl Totals {
    /// The period length a summary's total row gives, checked against the
    /// first summary's.
    fn check_by(&mut self, by: Option<&str>, name: &str, at: &str) -> Result<Option<By>, String> {
        let by = match by {
            None => None,
            Some(text) => Some(
                By::parse(text)
                    .ok_or_else(|| format!("{at}: \"by\": {text:?} is not day, week or month"))?,
            ),
        };
        match &self.by {
            None => self.by = Some((by, name.to_string())),
            Some((first, first_name)) if *first != by => {
                return Err(format!(
                    "{at}: counted {}, but {first_name} {}; scan every shard with the same --by",
                    by_name(by),
                    by_name(*first)
                ));
            }
            Some(_) => {}
        }
        Ok(by)
    }

    /// Adds a code or category row of a summary counted by `by`.
    fn add(&mut self, row: Row, by: Option<By>, at: &str) -> Result<(), String> {
        match row {
            Row::Code {
                code,
                counts: row_counts,
                absent,
                named_tickets,
                sample,
            } => {
                let counts = Counts {
                    tickets: row_counts.tickets,
                    sightings: row_counts.sightings,
                };
                let timeline = timeline(row_counts, by, at)?;
                let total = self.codes.entry(code).or_insert_with(|| CodeTotal {
                    counts: Counts::default(),
                    timeline: Timeline::default(),
                    names: Vec::new(),
                    sample: None,
                    absent: true,
                });
                total.counts.tickets += counts.tickets;
                total.counts.sightings += counts.sightings;
                total.timeline.merge(&timeline);
                total.absent &= absent;
                let first = total.names.len();
                for ticket in named_tickets {
                    self.read += 1;
                    total.names.push(Named {
                        name: TicketName::of_path(
                            ticket
                                .file_bytes
                                .as_deref()
                                .unwrap_or(ticket.file.as_bytes()),
                            ticket.member,
                            ticket.record,
                        ),
                        read: self.read,
                    });
                }
                if let (Some(sample), Some(named)) = (sample, total.names.get(first)) {
                    let earlier = total
                        .sample
                        .as_ref()
                        .is_none_or(|(theirs, _)| named.path_order(theirs) == Ordering::Less);
                    if earlier {
                        let named = Named {
                            name: named.name.clone(),
                            read: named.read,
                        };
                        total.sample = Some((named, sample));
                    }
                }
            }
            Row::Category { range, counts } => {
                let (place, category) = catalog::categories()
                    .iter()
                    .enumerate()
                    .find(|(_, c)| c.range == range)
                    .ok_or_else(|| format!("{at}: no category has the range {range:?}"))?;
                let (_, sum, sum_timeline) = self.categories.entry(place).or_insert((
                    category,
                    Counts::default(),
                    Timeline::default(),
                ));
                sum.tickets += counts.tickets;
                sum.sightings += counts.sightings;
                sum_timeline.merge(&timeline(counts, by, at)?);
            }
            Row::Total { .. } => unreachable!("a total row ends a summary"),
        }
        Ok(())
    }

    /// The summary, rows in a scan's order.
    fn summary(self) -> Summary {
        let codes = self
            .codes
            .into_iter()
            .map(|(code, mut total)| {
                total.names.sort_by(Named::path_order);
                total.names.truncate(MOST_NAMED_TICKETS);
                CodeCounts {
                    code,
                    entry: catalog::lookup(code),
                    counts: total.counts,
                    timeline: total.timeline,
                    tickets: total.names.into_iter().map(|n| n.name).collect(),
                    sample: total.sample.map(|(_, text)| text),
                    absent: total.absent,
                }
            })
            .collect();
        let categories = self
            .categories
            .into_values()
            .map(|(category, counts, timeline)| CategoryCounts {
                category,
                counts,
                timeline,
            })
            .collect();
        let mut summary = Summary {
            codes,
            categories,
            total: self.total,
            total_timeline: self.total_timeline,
            by: self.by.and_then(|(by, _)| by),
        };
        summary.sort();
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::periods::Period;

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    const TOTAL_BY_MONTH: &str = r#"{"kind":"total","tickets":1,"sightings":2,"first_seen":"2016-10-18T09:00:00Z","last_seen":"2016-11-02T09:00:00Z","periods":[{"period":"2016-10","tickets":1,"sightings":1},{"period":"2016-11","tickets":1,"sightings":1}],"by":"month","format_version":2}"#;

    fn shard(first: &str, last: &str, month: &str, file: &str) -> String {
        format!(
            r#"{{"kind":"code","code":7100,"tickets":1,"sightings":1,"first_seen":"{first}","last_seen":"{last}","periods":[{{"period":"{month}","tickets":1,"sightings":1}}],"named_tickets":[{{"file":"{file}"}}],"sample":"from {file}"}}
{{"kind":"category","category":"Account","range":"7XXX","tickets":1,"sightings":1,"first_seen":"{first}","last_seen":"{last}","periods":[{{"period":"{month}","tickets":1,"sightings":1}}]}}
{TOTAL_BY_MONTH}
"#
        )
    }

    #[test]
    fn dated_shards_add_up_period_by_period() {
        let a = shard(
            "2016-11-02T09:00:00Z",
            "2016-11-02T09:00:00Z",
            "2016-11",
            "b/x.txt",
        );
        let b = shard(
            "2016-10-18T09:00:00Z",
            "2016-10-18T09:00:00Z",
            "2016-10",
            "a/x.txt",
        );
        let summary = merge(&[input("a", &a), input("b", &b)]).unwrap();
        assert_eq!(summary.by, Some(By::Month));
        let code = &summary.codes[0];
        assert_eq!((code.counts.tickets, code.counts.sightings), (2, 2));
        assert_eq!(
            code.timeline.first_seen,
            Some("2016-10-18T09:00:00Z".parse().unwrap())
        );
        assert_eq!(
            code.timeline.last_seen,
            Some("2016-11-02T09:00:00Z".parse().unwrap())
        );
        let months: Vec<(Period, u64)> = code
            .timeline
            .periods
            .iter()
            .map(|(p, c)| (*p, c.tickets))
            .collect();
        assert_eq!(
            months,
            [
                (By::Month.parse_label("2016-10").unwrap(), 1),
                (By::Month.parse_label("2016-11").unwrap(), 1)
            ]
        );
        assert_eq!(summary.categories[0].timeline, code.timeline);
        assert_eq!(summary.total_timeline.periods.len(), 2);
        assert_eq!(summary.total.sightings, 4);
        // The names in path order, and the sample of the first.
        assert_eq!(code.tickets[0].file, "a/x.txt");
        assert_eq!(code.sample.as_deref(), Some("from a/x.txt"));
    }

    #[test]
    fn paths_compare_by_component_as_the_walk_goes() {
        let named = |file: &str, read| Named {
            name: TicketName::of_path(file.as_bytes(), None, 0),
            read,
        };
        let mut names = [named("a.txt", 0), named("a/b.txt", 1), named("a/b.txt", 2)];
        names.sort_by(Named::path_order);
        let order: Vec<(&str, usize)> = names
            .iter()
            .map(|n| (n.name.file.as_str(), n.read))
            .collect();
        assert_eq!(order, [("a/b.txt", 1), ("a/b.txt", 2), ("a.txt", 0)]);
    }

    #[test]
    fn refused_inputs_say_where_and_why() {
        let total = r#"{"kind":"total","tickets":0,"sightings":0,"by":null,"format_version":2}"#;
        let err = |text: &str| merge(&[input("s.jsonl", text)]).unwrap_err();
        assert!(err("").contains("s.jsonl: holds no summary"));
        assert!(err("{\"kind\":\"code\"").starts_with("s.jsonl:1: not a summary row (not valid"));
        // Said in a reader's words, not the parser's types.
        let log = err("2016-10-28 ERROR Stormpath 7100");
        assert!(
            log.starts_with("s.jsonl:1: not a summary row (not a JSON object);"),
            "{log}"
        );
        let kindless = err("{\"code\":7100}");
        assert!(kindless.contains("(missing field `kind`)"), "{kindless}");
        assert!(
            err(&total.replace("2}", "3}")).contains("s.jsonl:1: a summary of format_version 3")
        );
        assert!(
            err(&total.replace(",\"format_version\":2", "")).contains("without format_version")
        );
        let code = r#"{"kind":"code","code":7100,"tickets":1,"sightings":1}"#;
        assert!(err(&format!("{total}\n{code}\n")).contains("ends without a total row"));
        let by_month = total.replace("null", "\"month\"");
        let mixed = merge(&[input("a", total), input("b", &by_month)]).unwrap_err();
        assert_eq!(
            mixed,
            "b:1: counted by month, but a without --by; scan every shard with the same --by"
        );
        // Two summaries one after the other in one input add up.
        let two = format!("{code}\n{total}\n{code}\n{total}\n");
        let summary = merge(&[input("two", &two)]).unwrap();
        assert_eq!(summary.codes[0].counts.tickets, 2);
        // The JSON array form is read too.
        let array = format!("[\n{code},\n{total}\n]\n");
        assert_eq!(merge(&[input("array", &array)]).unwrap().codes.len(), 1);
        // An array's element is judged as a line is, on its line.
        let numbers = err(&format!("[\n{code},\n5\n]"));
        assert!(numbers.starts_with("s.jsonl:3: not a summary row (not a JSON object);"));
        let odd = err(&format!("[{}]", code.replace("\"code\",", "\"codes\",")));
        assert!(
            odd.contains("(unknown kind `codes`, expected one of"),
            "{odd}"
        );
        // A byte-order mark before JSON Lines or an array is no row.
        for text in [format!("{code}\n{total}\n"), array] {
            let marked = format!("\u{feff}{text}");
            assert_eq!(merge(&[input("bom", &marked)]).unwrap().codes.len(), 1);
        }
    }
}
