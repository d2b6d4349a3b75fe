//! What a support lead asks of a scan: per code, how many tickets name it
//! and how many times it was seen.
//!
//! A ticket is a text (a file, a bundle member, stdin) or a record of an
//! export (a JSON Lines line, an object of a JSON array, a message of an
//! mbox). A sighting is a line that names the code, except that the lines
//! of one pretty-printed JSON error body (`code`, `message`,
//! `developerMessage`, `moreInfo`) are one sighting.

use super::Hit;
use crate::catalog::{self, Category, Entry};
use std::collections::HashMap;

/// How far apart (in lines) the fields of one JSON error body may stand.
const BODY_LINES: usize = 8;

/// Counts for one code or category.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub tickets: u64,
    pub sightings: u64,
}

/// The counts of a scan, most frequent first.
#[derive(Debug, PartialEq)]
pub(crate) struct Summary {
    pub codes: Vec<CodeCounts>,
    pub categories: Vec<(&'static Category, Counts)>,
    /// Tickets with any hit, and every code's sightings added up.
    pub total: Counts,
}

#[derive(Debug, PartialEq)]
pub(crate) struct CodeCounts {
    pub code: u32,
    /// None for a code that is not in the catalog.
    pub entry: Option<&'static Entry>,
    pub counts: Counts,
    /// Selected by `--code` and never found (`--absent`).
    pub absent: bool,
}

/// Counts as hits come, one text at a time.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    codes: HashMap<u32, Counts>,
    /// By range (`7XXX`): two categories may start at the same code.
    categories: HashMap<&'static str, Counts>,
    total: Counts,
    /// In the current text: each code's last sighting, and the last record
    /// each code and category was counted in.
    last_sighting: HashMap<u32, Sighting>,
    last_record: HashMap<Key, u64>,
}

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
    /// A new text starts: a new ticket.
    pub(crate) fn begin_ticket(&mut self) {
        self.last_sighting.clear();
        self.last_record.clear();
    }

    pub(crate) fn add(&mut self, hit: &Hit) {
        let code = hit.code;
        let new_ticket = self.first_in_record(Key::Code(code), hit.record);
        let new_sighting = match self.last_sighting.get_mut(&code) {
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
                self.last_sighting.insert(code, sighting);
                true
            }
        };
        let counts = self.codes.entry(code).or_default();
        counts.tickets += u64::from(new_ticket);
        counts.sightings += u64::from(new_sighting);
        let any_new_ticket = self.first_in_record(Key::Total, hit.record);
        self.total.tickets += u64::from(any_new_ticket);
        self.total.sightings += u64::from(new_sighting);
        // A code the catalog does not know belongs to no category.
        if let Some(category) = hit.entry.map(Entry::category) {
            let new_ticket = self.first_in_record(Key::Category(category.range), hit.record);
            let counts = self.categories.entry(category.range).or_default();
            counts.tickets += u64::from(new_ticket);
            counts.sightings += u64::from(new_sighting);
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
    }

    /// The counts, most tickets first, then most sightings, then by code.
    pub(crate) fn summary(self) -> Summary {
        let mut codes: Vec<CodeCounts> = self
            .codes
            .into_iter()
            .map(|(code, counts)| CodeCounts {
                code,
                entry: catalog::lookup(code),
                counts,
                absent: false,
            })
            .collect();
        codes.sort_by_key(|c| {
            (
                std::cmp::Reverse((c.counts.tickets, c.counts.sightings)),
                c.code,
            )
        });
        let mut categories: Vec<(&'static Category, Counts)> = catalog::categories()
            .iter()
            .filter_map(|c| self.categories.get(c.range).map(|&counts| (c, counts)))
            .collect();
        categories.sort_by_key(|(c, counts)| {
            (std::cmp::Reverse((counts.tickets, counts.sightings)), c.low)
        });
        Summary {
            codes,
            categories,
            total: self.total,
        }
    }
}

impl Summary {
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
            tally.begin_ticket();
            for hit in scan_text(text.as_bytes()) {
                tally.add(&hit);
            }
        }
        tally.summary()
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
            .find(|(c, _)| c.low == 7000)
            .unwrap();
        assert_eq!(
            account.1,
            Counts {
                tickets: 2,
                sightings: 3
            }
        );
        let total: u64 = summary.categories.iter().map(|(_, c)| c.sightings).sum();
        assert_eq!(total, 4);
    }
}
