//! How a text divides into tickets (the records of an export), and where
//! its records start and what date each gives, as the text streams by.

use super::dates;
use super::recognise::csv;
use super::{Hit, Via};

/// How a text divides into tickets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Records {
    /// The whole text is one ticket.
    Whole,
    /// Each line is a record (JSON Lines).
    Lines,
    /// Each message of an mbox, starting at a `From ` line.
    Mbox,
    /// Each object of a top-level JSON array.
    JsonArray,
    /// Each row of a CSV after its header.
    Csv,
}

impl Records {
    /// How a text divides, from its name and its first bytes.
    pub(crate) fn of(name: &str, head: &[u8]) -> Records {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            Records::Lines
        } else if csv::is_csv(name, head) {
            Records::Csv
        } else if head.starts_with(b"From ") {
            Records::Mbox
        } else if head.trim_ascii_start().starts_with(b"[")
            && head.trim_ascii_start()[1..]
                .trim_ascii_start()
                .starts_with(b"{")
        {
            Records::JsonArray
        } else {
            Records::Whole
        }
    }
}

/// Where records start, as (line, column) positions, so that each hit can
/// be told its record.
pub(super) struct RecordTracker {
    pub(super) records: Records,
    /// The record in force before the starts below.
    pub(super) current: u64,
    /// Starts seen in the text given since the last `assign`.
    starts: Vec<(usize, usize)>,
    /// In a JSON array: nesting depth, and whether inside a string.
    depth: u32,
    in_string: bool,
    escaped: bool,
    /// How far into the current long line the JSON state has read.
    read_to: usize,
    /// Where the next window of the current long line starts: its hits
    /// before there are passed on, and the starts from there on wait for
    /// the hits the next window finds again.
    hold_from: Option<usize>,
    /// Whether the text so far ended a line (an mbox `From ` must start
    /// one), and whether an mbox message's headers go on.
    after_blank: bool,
    in_headers: bool,
    /// A CSV's code column; made only for a CSV, as its reader's tables
    /// cost more to build than a small file costs to scan.
    csv: Option<csv::Columns>,
    /// Whether hits take their record's date: an mbox message's `Date:`,
    /// an export object's time or creation field, a CSV row's date cell.
    pub(super) dated: bool,
    /// The dates of records seen since the last `assign`, in record order,
    /// and the last record's date before them.
    record_times: Vec<(u64, jiff::Timestamp)>,
    time_in_force: Option<(u64, jiff::Timestamp)>,
}

impl RecordTracker {
    pub(super) fn new(records: Records) -> Self {
        RecordTracker {
            records,
            current: 0,
            starts: Vec::new(),
            depth: 0,
            in_string: false,
            escaped: false,
            read_to: 0,
            hold_from: None,
            after_blank: true,
            in_headers: false,
            csv: (records == Records::Csv).then(csv::Columns::default),
            dated: false,
            record_times: Vec::new(),
            time_in_force: None,
        }
    }

    /// Notes the date of the record in force after the starts seen so far
    /// and `more` starts still to come.
    fn record_time(&mut self, more: usize, time: jiff::Timestamp) {
        self.note_time(self.current + (self.starts.len() + more) as u64, time);
    }

    /// Notes a record's date: its first date is its own.
    fn note_time(&mut self, record: u64, time: jiff::Timestamp) {
        let last = self.record_times.last().or(self.time_in_force.as_ref());
        if last.is_none_or(|&(r, _)| r != record) {
            self.record_times.push((record, time));
        }
    }

    /// Notes the record starts in a block of whole lines.
    pub(super) fn block(&mut self, text: &[u8], first_line: usize) {
        match self.records {
            Records::Whole | Records::Lines => {}
            Records::Mbox => {
                for (line, text) in (first_line..).zip(text.split(|&b| b == b'\n')) {
                    let blank = text.trim_ascii().is_empty();
                    if self.after_blank && text.starts_with(b"From ") {
                        self.starts.push((line, 1));
                        self.in_headers = true;
                    } else if blank {
                        self.in_headers = false;
                    } else if self.in_headers
                        && self.dated
                        && let Some(time) = dates::date_header(text)
                    {
                        self.record_time(0, time);
                    }
                    self.after_blank = blank;
                }
            }
            Records::JsonArray => {
                for (line, text) in (first_line..).zip(text.split(|&b| b == b'\n')) {
                    self.json_records(text, line, 0);
                }
            }
            Records::Csv => {
                if let Some(mut csv) = self.csv.take() {
                    csv.block(text, first_line);
                    for (row, time) in csv.times.drain(..) {
                        if self.dated {
                            self.record_time(row, time);
                        }
                    }
                    self.starts.append(&mut csv.starts);
                    self.csv = Some(csv);
                }
            }
        }
    }

    /// Adds the codes of a CSV's code column to the hits of the text
    /// given since the last call, one per code and line, in order.
    pub(super) fn add_cells(&mut self, hits: &mut Vec<Hit>) {
        let Some(csv) = self.csv.as_mut() else {
            return;
        };
        // A row's words name the number another system's column holds.
        if !csv.others.is_empty() {
            let theirs = |h: &Hit| {
                h.via == Via::Number
                    && csv.others.iter().any(|&(first, last, number)| {
                        h.code == number && (first..=last).contains(&h.line)
                    })
            };
            hits.retain(|h| !theirs(h));
            csv.others.clear();
        }
        if csv.hits.is_empty() {
            return;
        }
        hits.append(&mut csv.hits);
        hits.sort_by_key(|h| (h.line, h.column));
        let mut seen = std::collections::HashSet::new();
        hits.retain(|h| seen.insert((h.line, h.code)));
    }

    /// Notes the record starts in a window of a long line, and the dates
    /// of its records: those whose key starts before `next`, where the
    /// next window starts (0-based, in the line; `None` in the last). A
    /// key or its date cut by the window's end is read whole there.
    pub(super) fn window(&mut self, text: &[u8], line: usize, offset: usize, next: Option<usize>) {
        if self.records != Records::JsonArray {
            return;
        }
        // The starts in this window's overlap, held from the window before.
        let first = self.starts.partition_point(|&(_, column)| column <= offset);
        let skip = self.read_to.saturating_sub(offset).min(text.len());
        self.json(&text[skip..], line, offset + skip);
        let keys_end = next.map_or(text.len(), |next| next - offset);
        self.date_records(text, offset, first, keys_end);
    }

    /// The long line has been read up to `column` (0-based), and its next
    /// window starts at `next`.
    pub(super) fn skip_to(&mut self, column: usize, next: usize) {
        self.read_to = column;
        self.hold_from = Some(next);
    }

    pub(super) fn end_line(&mut self) {
        self.read_to = 0;
        self.hold_from = None;
    }

    /// Follows the JSON structure of a line, or of the part of a long
    /// line's window not read yet, starting `offset` bytes into the line,
    /// and notes each record's date: what stands before the first object
    /// that opens here goes with the record in force, what stands from an
    /// object's start with that object (a one-line export holds them all).
    fn json_records(&mut self, text: &[u8], line: usize, offset: usize) {
        let before = self.starts.len();
        self.json(text, line, offset);
        self.date_records(text, offset, before, text.len());
    }

    /// Notes the dates of the records in `text`, `offset` bytes into its
    /// line, where `self.starts[first..]` start in it: what stands before
    /// the first of them goes with the record in force. Only keys that
    /// start before `keys_end` count.
    fn date_records(&mut self, text: &[u8], offset: usize, first: usize, keys_end: usize) {
        if !self.dated {
            return;
        }
        // A start's column is 1-based, in the line.
        let cuts: Vec<usize> = self.starts[first..]
            .iter()
            .map(|&(_, column)| column - 1 - offset)
            .collect();
        let mut from = 0;
        for (k, end) in cuts.into_iter().chain([text.len()]).enumerate() {
            let keys = keys_end.saturating_sub(from);
            let record = dates::JsonTimes::Record;
            if let Some(time) = dates::json_time(&text[from..end], record, keys) {
                self.note_time(self.current + (first + k) as u64, time);
            }
            from = end;
        }
    }

    /// Follows the JSON structure: each object that opens at depth 1 starts
    /// a record.
    fn json(&mut self, text: &[u8], line: usize, offset: usize) {
        for (i, &b) in text.iter().enumerate() {
            if self.in_string {
                match b {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => self.in_string = true,
                b'{' | b'[' => {
                    if b == b'{' && self.depth == 1 {
                        self.starts.push((line, offset + i + 1));
                    }
                    self.depth += 1;
                }
                b'}' | b']' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
    }

    /// Gives each hit (in line order) its record, and forgets the starts.
    pub(super) fn assign(&mut self, hits: &mut [Hit]) {
        if self.records == Records::Lines {
            for hit in hits {
                hit.record = hit.line as u64;
            }
            return;
        }
        let mut taken = 0;
        for hit in hits.iter_mut() {
            while self
                .starts
                .get(taken)
                .is_some_and(|&at| at <= (hit.line, hit.column))
            {
                taken += 1;
            }
            hit.record = self.current + taken as u64;
        }
        // The starts past the hits, but those a long line's next window
        // holds (a start's column counts from 1).
        let held = |&&(_, column): &&(usize, usize)| self.hold_from.is_some_and(|at| column > at);
        taken += self.starts[taken..].iter().take_while(|s| !held(s)).count();
        self.current += taken as u64;
        self.starts.drain(..taken);
    }

    /// Gives each hit its record's date, of those seen since the last call.
    pub(super) fn date(&mut self, hits: &mut [Hit]) {
        let times = &self.record_times;
        for hit in hits {
            hit.time = times
                .iter()
                .chain(&self.time_in_force)
                .find(|(record, _)| *record == hit.record)
                .map(|&(_, time)| time);
        }
        // The dates of records whose starts wait stay for their hits.
        let current = self.current;
        if let Some(&last) = self.record_times.iter().rfind(|(r, _)| *r <= current) {
            self.time_in_force = Some(last);
        }
        self.record_times.retain(|(r, _)| *r > current);
    }
}
