//! What a support lead asks of a scan: per code, how many tickets name it
//! and how many times it was seen.
//!
//! A ticket is a text (a file, a bundle member, stdin) or a record of an
//! export (a JSON Lines line, an object of a JSON array, a message of an
//! mbox). A sighting is a line that names the code, except that the lines
//! of one pretty-printed JSON error body (`code`, `message`,
//! `developerMessage`, `moreInfo`) are one sighting.

use super::periods::{By, Period};
use super::{Hit, Ticket};
use crate::catalog::{self, Category, Entry};
use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap};

/// How far apart (in lines) the fields of one JSON error body may stand.
const BODY_LINES: usize = 8;

/// Counts for one code or category.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub tickets: u64,
    pub sightings: u64,
}

/// The most ticket names a summary keeps for a code: the first in path
/// order.
pub(crate) const MOST_NAMED_TICKETS: usize = 100;

/// When a code or category was seen: counts per period (`--by`), and its
/// first and last dated sighting.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Timeline {
    pub periods: BTreeMap<Period, Counts>,
    pub first_seen: Option<Timestamp>,
    pub last_seen: Option<Timestamp>,
}

impl Timeline {
    /// Notes a sighting at `time`.
    fn saw(&mut self, time: Timestamp) {
        self.first_seen = Some(self.first_seen.map_or(time, |t| t.min(time)));
        self.last_seen = Some(self.last_seen.map_or(time, |t| t.max(time)));
    }

    /// Adds the timeline of other tickets.
    pub(crate) fn merge(&mut self, other: &Timeline) {
        for (period, c) in &other.periods {
            let counts = self.periods.entry(*period).or_default();
            counts.tickets += c.tickets;
            counts.sightings += c.sightings;
        }
        self.first_seen = match (self.first_seen, other.first_seen) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.last_seen = self.last_seen.max(other.last_seen);
    }
}

/// A ticket by name: a text (`file`, `file:member`) or a record of an
/// export in it (`record`, from 1).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TicketName {
    /// The path as shown, and its own bytes where showing changed them
    /// (as `Ticket` has them).
    pub file: String,
    pub raw_file: Option<Box<[u8]>>,
    pub member: Option<String>,
    pub record: u64,
}

impl TicketName {
    /// The name of a ticket in the file at `path` (its real bytes).
    pub(crate) fn of_path(path: &[u8], member: Option<String>, record: u64) -> TicketName {
        let file = super::escape(path);
        TicketName {
            raw_file: (file.as_bytes() != path).then(|| path.into()),
            file,
            member,
            record,
        }
    }
}

/// The counts of a scan, most frequent first.
#[derive(Debug, PartialEq)]
pub(crate) struct Summary {
    pub codes: Vec<CodeCounts>,
    pub categories: Vec<CategoryCounts>,
    /// Tickets with any hit, and every code's sightings added up.
    pub total: Counts,
    pub total_timeline: Timeline,
    /// The length of the timelines' periods (`--by`); None when not asked.
    pub by: Option<By>,
}

#[derive(Debug, PartialEq)]
pub(crate) struct CodeCounts {
    pub code: u32,
    /// None for a code that is not in the catalog.
    pub entry: Option<&'static Entry>,
    pub counts: Counts,
    pub timeline: Timeline,
    /// The first tickets that name it, in path order (at most
    /// `MOST_NAMED_TICKETS`; kept when asked for).
    pub tickets: Vec<TicketName>,
    /// The text of its first hit in path order, escaped (kept with the
    /// names).
    pub sample: Option<String>,
    /// Selected by `--code` and never found (`--absent`).
    pub absent: bool,
}

#[derive(Debug, PartialEq)]
pub(crate) struct CategoryCounts {
    pub category: &'static Category,
    pub counts: Counts,
    pub timeline: Timeline,
}

/// What a tally keeps beyond the counts.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct TallyOptions {
    /// Counts per period of these lengths. With more than one, the summary
    /// takes the one that suits the time its hits span (`By::for_span`).
    pub periods: &'static [By],
    /// The names of the first tickets of each code.
    pub names: bool,
}

/// Counts as hits come, one text at a time.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    options: TallyOptions,
    codes: HashMap<u32, Counts>,
    /// By range (`7XXX`): two categories may start at the same code.
    categories: HashMap<&'static str, Counts>,
    total: Counts,
    /// First and last seen of each key, and its counts per period of
    /// each length.
    seen: HashMap<Key, Timeline>,
    periods: HashMap<(Key, By), Timeline>,
    /// Each code's first tickets, and its first hit's text, by their
    /// place in path order.
    names: HashMap<u32, Vec<(Place, TicketName)>>,
    samples: HashMap<u32, (Place, String)>,
    /// The current text: its place in path order, its name, each code's
    /// last sighting, and the last record each code and category was
    /// counted in (in each period, with `--by`).
    place: Place,
    ticket: Option<Ticket>,
    last_sighting: HashMap<u32, Sighting>,
    last_record: HashMap<Key, u64>,
    last_record_in_period: HashMap<(Key, By, Period), u64>,
}

/// Where a ticket comes in path order: its job's place in the output,
/// the text's within the job (a bundle's members), its record.
type Place = (usize, u64, u64);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    /// Any code: a ticket with hits.
    Total,
    Code(u32),
    /// A category, by its range.
    Category(&'static str),
}

#[derive(Debug, Clone, Copy)]
struct Sighting {
    record: u64,
    line: usize,
    /// The body fields seen so far, as bits; 0 when not in a body.
    fields: u32,
}

impl Tally {
    pub(crate) fn new(options: TallyOptions) -> Tally {
        Tally {
            options,
            ..Tally::default()
        }
    }

    /// A job starts: texts from here on come at its place in path order.
    pub(crate) fn begin_job(&mut self, seq: usize) {
        self.place = (seq, 0, 0);
    }

    /// A new text starts: a new ticket.
    pub(crate) fn begin_ticket(&mut self, ticket: &Ticket) {
        self.last_sighting.clear();
        self.last_record.clear();
        self.last_record_in_period.clear();
        self.place.1 += 1;
        if self.options.names {
            self.ticket = Some(ticket.clone());
        }
    }

    pub(crate) fn add(&mut self, hit: &Hit) {
        let code = hit.code;
        let new_ticket = self.first_in_record(Key::Code(code), hit.record);
        let new_sighting = self.new_sighting(hit);
        let counts = self.codes.entry(code).or_default();
        counts.tickets += u64::from(new_ticket);
        counts.sightings += u64::from(new_sighting);
        if new_ticket && self.options.names {
            self.name_ticket(code, hit);
        }
        let any_new_ticket = self.first_in_record(Key::Total, hit.record);
        self.total.tickets += u64::from(any_new_ticket);
        self.total.sightings += u64::from(new_sighting);
        self.add_to_timeline(Key::Code(code), hit, new_sighting);
        self.add_to_timeline(Key::Total, hit, new_sighting);
        // A code the catalog does not know belongs to no category.
        if let Some(category) = hit.entry.map(Entry::category) {
            let key = Key::Category(category.range);
            let new_ticket = self.first_in_record(key, hit.record);
            let counts = self.categories.entry(category.range).or_default();
            counts.tickets += u64::from(new_ticket);
            counts.sightings += u64::from(new_sighting);
            self.add_to_timeline(key, hit, new_sighting);
        }
    }

    /// Whether the hit is a new sighting of its code, not another field
    /// of a JSON error body seen already.
    fn new_sighting(&mut self, hit: &Hit) -> bool {
        match self.last_sighting.get_mut(&hit.code) {
            Some(last)
                if hit.body_field != 0
                    && last.fields != 0
                    && last.record == hit.record
                    && hit.line - last.line <= BODY_LINES
                    && last.fields & hit.body_field == 0 =>
            {
                last.fields |= hit.body_field;
                last.line = hit.line;
                false
            }
            _ => {
                let sighting = Sighting {
                    record: hit.record,
                    line: hit.line,
                    fields: hit.body_field,
                };
                self.last_sighting.insert(hit.code, sighting);
                true
            }
        }
    }

    /// Counts the hit in its period: a ticket counts in each period it
    /// has hits in.
    fn add_to_timeline(&mut self, key: Key, hit: &Hit, new_sighting: bool) {
        if let Some(time) = hit.time {
            self.seen.entry(key).or_default().saw(time);
        }
        for &by in self.options.periods {
            let period = by.period_of(hit.time);
            let new_ticket = self
                .last_record_in_period
                .insert((key, by, period), hit.record)
                != Some(hit.record);
            let timeline = self.periods.entry((key, by)).or_default();
            let counts = timeline.periods.entry(period).or_default();
            counts.tickets += u64::from(new_ticket);
            counts.sightings += u64::from(new_sighting);
        }
    }

    /// Notes the ticket as one that names `code`, while it is among the
    /// first.
    fn name_ticket(&mut self, code: u32, hit: &Hit) {
        let Some(ticket) = &self.ticket else {
            return;
        };
        let record = hit.record;
        let place = (self.place.0, self.place.1, record);
        let sample = self
            .samples
            .entry(code)
            .or_insert((place, hit.text.clone()));
        if place < sample.0 {
            *sample = (place, hit.text.clone());
        }
        let names = self.names.entry(code).or_default();
        if names.len() >= MOST_NAMED_TICKETS && names.last().is_some_and(|(last, _)| *last < place)
        {
            return;
        }
        names.push((
            place,
            TicketName {
                file: ticket.file.clone(),
                raw_file: ticket.raw_file.clone(),
                member: ticket.member.clone(),
                record,
            },
        ));
        if names.len() >= 2 * MOST_NAMED_TICKETS {
            keep_first_names(names);
        }
    }

    /// Whether this is the first time `key` is counted in `record`.
    fn first_in_record(&mut self, key: Key, record: u64) -> bool {
        self.last_record.insert(key, record) != Some(record)
    }

    /// Adds another worker's counts (of other texts) to these.
    pub(crate) fn merge(&mut self, other: Tally) {
        self.total.tickets += other.total.tickets;
        self.total.sightings += other.total.sightings;
        for (code, c) in other.codes {
            let counts = self.codes.entry(code).or_default();
            counts.tickets += c.tickets;
            counts.sightings += c.sightings;
        }
        for (range, c) in other.categories {
            let counts = self.categories.entry(range).or_default();
            counts.tickets += c.tickets;
            counts.sightings += c.sightings;
        }
        for (key, timeline) in other.seen {
            self.seen.entry(key).or_default().merge(&timeline);
        }
        for (key, timeline) in other.periods {
            self.periods.entry(key).or_default().merge(&timeline);
        }
        for (code, sample) in other.samples {
            let mine = self.samples.entry(code).or_insert(sample.clone());
            if sample.0 < mine.0 {
                *mine = sample;
            }
        }
        for (code, mut names) in other.names {
            let mine = self.names.entry(code).or_default();
            mine.append(&mut names);
            keep_first_names(mine);
        }
    }

    /// The counts, most tickets first, then most sightings, then by code.
    pub(crate) fn summary(mut self) -> Summary {
        let by = match self.options.periods {
            [] => None,
            [by] => Some(*by),
            [first, ..] => {
                let total = self.seen.get(&Key::Total);
                Some(match total.and_then(|t| t.first_seen.zip(t.last_seen)) {
                    Some((first_seen, last_seen)) => By::for_span(first_seen, last_seen),
                    None => *first,
                })
            }
        };
        // A key's periods of the length taken, and its first and last seen.
        let mut timeline = |key| {
            let mut timeline = match by {
                Some(by) => self.periods.remove(&(key, by)).unwrap_or_default(),
                None => Timeline::default(),
            };
            if let Some(seen) = self.seen.get(&key) {
                (timeline.first_seen, timeline.last_seen) = (seen.first_seen, seen.last_seen);
            }
            timeline
        };
        let mut codes: Vec<CodeCounts> = self
            .codes
            .iter()
            .map(|(&code, &counts)| CodeCounts {
                code,
                entry: catalog::lookup(code),
                counts,
                timeline: timeline(Key::Code(code)),
                tickets: Vec::new(),
                sample: None,
                absent: false,
            })
            .collect();
        for code in &mut codes {
            if let Some(mut names) = self.names.remove(&code.code) {
                keep_first_names(&mut names);
                code.tickets = names.into_iter().map(|(_, name)| name).collect();
            }
            code.sample = self.samples.remove(&code.code).map(|(_, text)| text);
        }
        let categories: Vec<CategoryCounts> = catalog::categories()
            .iter()
            .filter_map(|c| {
                let counts = *self.categories.get(c.range)?;
                Some(CategoryCounts {
                    category: c,
                    counts,
                    timeline: timeline(Key::Category(c.range)),
                })
            })
            .collect();
        let total_timeline = timeline(Key::Total);
        let mut summary = Summary {
            codes,
            categories,
            total: self.total,
            total_timeline,
            by,
        };
        summary.sort();
        summary
    }
}

/// Keeps the first `MOST_NAMED_TICKETS` names in path order.
fn keep_first_names(names: &mut Vec<(Place, TicketName)>) {
    names.sort_by_key(|(place, _)| *place);
    names.dedup_by_key(|(place, _)| *place);
    names.truncate(MOST_NAMED_TICKETS);
}

impl Summary {
    /// Puts the rows in a summary's order: codes with the most tickets
    /// first, then the most sightings, then by code (so the codes
    /// `--absent` adds, with none, come last in code order); categories
    /// likewise, then by range.
    pub(crate) fn sort(&mut self) {
        self.codes.sort_by_key(|c| {
            (
                std::cmp::Reverse((c.counts.tickets, c.counts.sightings)),
                c.code,
            )
        });
        self.categories.sort_by_key(|c| {
            (
                std::cmp::Reverse((c.counts.tickets, c.counts.sightings)),
                c.category.low,
            )
        });
    }

    /// The dated periods from the first with hits to the last, gaps
    /// included: the axis of every timeline of the summary.
    pub(crate) fn axis(&self) -> Vec<jiff::civil::Date> {
        let dated = || {
            self.total_timeline.periods.keys().filter_map(|p| match p {
                Period::Dated(date) => Some(*date),
                Period::Undated => None,
            })
        };
        match (self.by, dated().min(), dated().max()) {
            (Some(by), Some(first), Some(last)) => super::periods::axis(by, first, last),
            _ => Vec::new(),
        }
    }

    /// Adds the catalog's codes that `selected` keeps and the scan never
    /// found, in code order after the rest, with no tickets: what an
    /// integration does not handle (`--absent`).
    pub(crate) fn add_absent(&mut self, selected: impl Fn(u32) -> bool) {
        let found: std::collections::HashSet<u32> = self.codes.iter().map(|c| c.code).collect();
        let absent = catalog::entries()
            .iter()
            .filter(|e| selected(e.code) && !found.contains(&e.code))
            .map(|e| CodeCounts {
                code: e.code,
                entry: Some(e),
                counts: Counts::default(),
                timeline: Timeline::default(),
                tickets: Vec::new(),
                sample: None,
                absent: true,
            });
        self.codes.extend(absent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan_text;

    fn summary_of(texts: &[&str]) -> Summary {
        let mut tally = Tally::default();
        for text in texts {
            tally.begin_ticket(&Ticket::stdin());
            for hit in scan_text(text.as_bytes()) {
                tally.add(&hit);
            }
        }
        tally.summary()
    }

    /// Tickets of hits (a code, and when, or None) counted by month.
    fn by_month(tickets: &[&[(u32, Option<&str>)]]) -> Summary {
        let mut tally = Tally::new(TallyOptions {
            periods: &[By::Month],
            names: true,
        });
        for (n, hits) in tickets.iter().enumerate() {
            tally.begin_job(n);
            tally.begin_ticket(&Ticket::file(format!("t{n}")));
            for (line, (code, time)) in hits.iter().enumerate() {
                let mut hit = scan_text(format!("error {code}").as_bytes()).remove(0);
                hit.line = line + 1;
                hit.time = time.map(|t| t.parse().unwrap());
                tally.add(&hit);
            }
        }
        tally.summary()
    }

    fn month(summary: &Summary, code: u32, label: &str) -> Option<(u64, u64)> {
        let c = summary.codes.iter().find(|c| c.code == code).unwrap();
        let period = By::Month.parse_label(label).unwrap();
        c.timeline
            .periods
            .get(&period)
            .map(|c| (c.tickets, c.sightings))
    }

    #[test]
    fn a_ticket_counts_in_each_period_it_has_hits_in() {
        let summary = by_month(&[
            &[
                (7100, Some("2016-10-18T09:00:00Z")),
                (7100, Some("2016-10-20T09:00:00Z")),
                (7100, Some("2016-11-02T09:00:00Z")),
                (7100, None),
            ],
            &[(7100, Some("2016-11-30T23:00:00-02:00"))], // December in UTC
        ]);
        assert_eq!(counts(&summary, 7100), (2, 5));
        assert_eq!(month(&summary, 7100, "2016-10"), Some((1, 2)));
        assert_eq!(month(&summary, 7100, "2016-11"), Some((1, 1)));
        assert_eq!(month(&summary, 7100, "2016-12"), Some((1, 1)));
        assert_eq!(month(&summary, 7100, "undated"), Some((1, 1)));
        let c = &summary.codes[0];
        assert_eq!(
            c.timeline.first_seen,
            Some("2016-10-18T09:00:00Z".parse().unwrap())
        );
        assert_eq!(
            c.timeline.last_seen,
            Some("2016-12-01T01:00:00Z".parse().unwrap())
        );
        let axis: Vec<String> = summary.axis().iter().map(|d| d.to_string()).collect();
        assert_eq!(axis, ["2016-10-01", "2016-11-01", "2016-12-01"]);
        let category = &summary.categories[0];
        assert_eq!(category.timeline, c.timeline);
        assert_eq!(summary.total_timeline, c.timeline);
    }

    #[test]
    fn first_and_last_seen_need_no_periods() {
        let mut tally = Tally::default();
        tally.begin_ticket(&Ticket::stdin());
        for time in ["2016-11-02T09:00:00Z", "2016-10-18T09:00:00Z"] {
            let mut hit = scan_text(b"error 7100").remove(0);
            hit.time = Some(time.parse().unwrap());
            tally.add(&hit);
        }
        let summary = tally.summary();
        let seen = |t: &Timeline| {
            (
                t.first_seen.unwrap().to_string(),
                t.last_seen.unwrap().to_string(),
            )
        };
        let expected = ("2016-10-18T09:00:00Z".into(), "2016-11-02T09:00:00Z".into());
        assert_eq!(seen(&summary.codes[0].timeline), expected);
        assert_eq!(seen(&summary.categories[0].timeline), expected);
        assert_eq!(seen(&summary.total_timeline), expected);
        assert!(summary.codes[0].timeline.periods.is_empty());
    }

    #[test]
    fn counted_in_every_length_the_summary_takes_the_one_its_span_suits() {
        let tally_of = |times: &[&str]| {
            let mut tally = Tally::new(TallyOptions {
                periods: &By::ALL,
                names: false,
            });
            tally.begin_ticket(&Ticket::stdin());
            for time in times {
                let mut hit = scan_text(b"error 7100").remove(0);
                hit.time = Some(time.parse().unwrap());
                tally.add(&hit);
            }
            tally.summary()
        };
        let days = tally_of(&["2016-10-18T09:00:00Z", "2016-11-02T09:00:00Z"]);
        assert_eq!((days.by, days.axis().len()), (Some(By::Day), 16));
        let weeks = tally_of(&["2016-10-18T09:00:00Z", "2017-01-02T09:00:00Z"]);
        assert_eq!((weeks.by, weeks.axis().len()), (Some(By::Week), 12));
        let months = tally_of(&["2016-10-18T09:00:00Z", "2018-06-02T09:00:00Z"]);
        assert_eq!((months.by, months.axis().len()), (Some(By::Month), 21));
    }

    #[test]
    fn the_first_tickets_are_named_in_path_order_across_workers() {
        let mut workers = [Tally::default(), Tally::default()].map(|_| {
            Tally::new(TallyOptions {
                periods: &[],
                names: true,
            })
        });
        // Jobs dealt to two workers out of order, each a ticket of 7100.
        for job in (0..2 * MOST_NAMED_TICKETS).rev() {
            let tally = &mut workers[job % 2];
            tally.begin_job(job);
            tally.begin_ticket(&Ticket::file(format!("{job:04}.txt")));
            tally.add(&scan_text(b"error 7100").remove(0));
        }
        let [mut total, other] = workers;
        total.merge(other);
        let summary = total.summary();
        let names: Vec<&str> = summary.codes[0]
            .tickets
            .iter()
            .map(|t| t.file.as_str())
            .collect();
        assert_eq!(names.len(), MOST_NAMED_TICKETS);
        assert_eq!((names[0], names[99]), ("0000.txt", "0099.txt"));
        assert_eq!(summary.codes[0].sample.as_deref(), Some("error 7100"));
        assert_eq!(
            summary.codes[0].counts.tickets,
            2 * MOST_NAMED_TICKETS as u64
        );
    }

    fn counts(summary: &Summary, code: u32) -> (u64, u64) {
        let c = summary.codes.iter().find(|c| c.code == code).unwrap();
        (c.counts.tickets, c.counts.sightings)
    }

    #[test]
    fn a_pretty_printed_json_body_is_one_sighting() {
        let body = r#"{
  "status": 400,
  "code": 7100,
  "message": "Login attempt failed because the specified password is incorrect.",
  "developerMessage": "Login attempt failed because the specified password is incorrect.",
  "moreInfo": "https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-7100"
}"#;
        let summary = summary_of(&[body]);
        assert_eq!(counts(&summary, 7100), (1, 1));
        let two = format!("{body}\n{body}\nand later: error 7100\n");
        assert_eq!(counts(&summary_of(&[&two]), 7100), (1, 3));
    }

    #[test]
    fn tickets_count_texts_and_categories_count_their_codes() {
        let summary = summary_of(&[
            "error 7100\nerror 7101",
            "error 7100",
            "error 2001 error 7299",
        ]);
        assert_eq!(counts(&summary, 7100), (2, 2));
        assert_eq!(counts(&summary, 7101), (1, 1));
        assert_eq!(summary.codes[0].code, 7100, "most tickets first");
        let unknown = summary.codes.iter().find(|c| c.code == 7299).unwrap();
        assert!(unknown.entry.is_none());
        let account = summary
            .categories
            .iter()
            .find(|c| c.category.low == 7000)
            .unwrap();
        assert_eq!(
            account.counts,
            Counts {
                tickets: 2,
                sightings: 3
            }
        );
        let total: u64 = summary.categories.iter().map(|c| c.counts.sightings).sum();
        assert_eq!(total, 4);
    }
}
