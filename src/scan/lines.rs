//! Reading a stream of text in blocks of whole lines, as it arrives; the
//! records of an export (`records`) and the times of hits (`dates`) are
//! followed as the blocks go by.
//!
//! A block ends at the last line end before a multiple of `BLOCK` bytes of
//! the text, however the text comes: from a file, in a pipe's short reads,
//! out of a decompressor, or in slices on several threads. What a block's
//! end cuts (a table, a list, a run of JSON rows) is cut at the same line
//! each way, so the same text gives the same hits. A live input that
//! pauses (`live`) is scanned as far as it has come, so a line that
//! arrives alone on a pipe is scanned at once. The sink gets a pause after
//! each block to pass on what it holds. A line longer than a window is
//! scanned in overlapping windows, so memory stays bounded whatever the
//! input.

use super::buffer::{BLOCK, Buffer};
use super::dates::Clock;
use super::live;
use super::recognise::{OVERLAP, Scanner, WINDOW};
use super::records::RecordTracker;
pub(crate) use super::records::Records;
use super::sink::Sink;
use super::{Hit, Ticket};
use std::io::{self, Read};

/// Scans a text stream, pushing each hit into `sink`. Stops early when the
/// sink says so or `stop()` turns true; errors are the reader's or the
/// sink's.
pub(crate) fn scan_stream(
    reader: &mut dyn Read,
    records: Records,
    dates: Dates,
    ticket: &Ticket,
    sink: &mut dyn Sink,
) -> io::Result<()> {
    Stream::new(records, dates)
        .read(reader, false, ticket, sink)
        .map(drop)
}

/// Whether hits are dated (`Hit::time`), and when the text was last
/// written (its file's modification time), which syslog's year-less dates
/// take their year from.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) enum Dates {
    #[default]
    Not,
    Read {
        written: Option<jiff::Timestamp>,
    },
}

/// What scanning a text carries from one block to the next: the scanner's
/// state across lines and where records start.
pub(super) struct Stream {
    scanner: Scanner,
    tracker: RecordTracker,
    /// When dating a text of lines (not records with dates of their own).
    clock: Option<Clock>,
    /// How many bytes of the text come before the next one read: where
    /// blocks end is counted from the text's start.
    offset: u64,
}

impl Stream {
    pub(super) fn new(records: Records, dates: Dates) -> Stream {
        let mut scanner = Scanner::new();
        scanner.keep_repeats = records == Records::JsonArray;
        let mut tracker = RecordTracker::new(records);
        let clock = match dates {
            Dates::Not => None,
            Dates::Read { written } => match records {
                Records::Whole | Records::Lines => Some(Clock::new(written)),
                _ => {
                    tracker.dated = true;
                    None
                }
            },
        };
        Stream {
            scanner,
            tracker,
            clock,
            offset: 0,
        }
    }

    /// A new stream that reads a text from `offset` bytes in, as if it
    /// started there (a slice of a file).
    pub(super) fn from_offset(records: Records, dates: Dates, offset: u64) -> Stream {
        Stream {
            offset,
            ..Stream::new(records, dates)
        }
    }

    /// How many lines have been read.
    pub(super) fn lines(&self) -> usize {
        self.scanner.line - 1
    }

    /// Whether nothing read so far bears on what comes next: a text that
    /// starts here is scanned the same by a new stream (no table, list or
    /// sentence goes on, and each line is its own record or none is).
    pub(super) fn at_rest(&self) -> bool {
        matches!(self.tracker.records, Records::Whole | Records::Lines) && self.scanner.at_rest()
    }

    /// Takes up after `lines` lines read by a stream at rest: this stream
    /// read the text after them from its start, and its lines are numbered
    /// on from there.
    /// Takes up after `before`, a stream at rest that read `lines` lines:
    /// this stream read the text after them from its start, and its lines
    /// are numbered on from there.
    pub(super) fn follow(&mut self, before: &Stream, lines: usize) {
        self.scanner.line += lines;
        if let (Some(clock), Some(before)) = (&mut self.clock, &before.clock) {
            clock.follow(before, lines);
        }
    }

    /// Whether this stream, which read a text from its middle as if it
    /// started there, dated its hits as it would have after `before`.
    pub(super) fn dated_as_after(&self, before: &Stream) -> bool {
        match (&self.clock, &before.clock) {
            (Some(clock), Some(before)) => clock.fits_after(before),
            _ => true,
        }
    }

    /// A hit this stream found, as a stream `before` that had read `lines`
    /// lines would have found it (its record follows its line; before the
    /// first time of this stream's text, the time is the one before).
    pub(super) fn shift(&mut self, mut hit: Hit, before: &Stream, lines: usize) -> Hit {
        hit.line += lines;
        self.tracker.assign(std::slice::from_mut(&mut hit));
        if hit.time.is_none() {
            hit.time = before.clock.as_ref().and_then(Clock::time);
        }
        hit
    }

    /// Reads `reader` to its end (of the text or of the sink's interest);
    /// when the text `goes_on` past it (a slice of a file), its end is a
    /// block's end, not the text's. Returns false when the sink said stop.
    pub(super) fn read(
        &mut self,
        reader: &mut dyn Read,
        goes_on: bool,
        ticket: &Ticket,
        sink: &mut dyn Sink,
    ) -> io::Result<bool> {
        let Stream {
            scanner,
            tracker,
            clock,
            offset,
        } = self;
        let mut input = Input {
            reader,
            offset,
            goes_on,
        };
        read_blocks(&mut input, scanner, tracker, clock.as_mut(), ticket, sink)
    }
}

/// Where a stream reads from.
struct Input<'a> {
    reader: &'a mut dyn Read,
    /// The stream's count of bytes read before the buffer's end.
    offset: &'a mut u64,
    goes_on: bool,
}

fn read_blocks(
    input: &mut Input,
    scanner: &mut Scanner,
    tracker: &mut RecordTracker,
    mut clock: Option<&mut Clock>,
    ticket: &Ticket,
    sink: &mut dyn Sink,
) -> io::Result<bool> {
    let mut buf = Buffer::reused();
    // Where a line too long for one window has got to: its column offset.
    let mut long_line: Option<usize> = None;
    let mut at_end = false;
    // The input's error, returned once what was read before it is scanned.
    let mut failed = None;
    // How much of the buffer is known to hold no newline: small reads of a
    // long line are not searched again and again.
    let mut checked = 0;
    let mut held = Vec::new();
    let mut released = None;
    // The (line, record, code) of the hits passed on from the lines read.
    let mut seen = std::collections::HashSet::new();
    loop {
        // Whether the hits come from a window of a long line, not a block.
        let mut windowed = false;
        if !at_end && buf.len() < WINDOW {
            // Each read ends at a block's end at the latest.
            let to_block_end = BLOCK - (*input.offset % BLOCK as u64) as usize;
            match buf.read_once(input.reader, to_block_end) {
                Ok(read) => {
                    *input.offset += read as u64;
                    at_end = read == 0;
                }
                // What came before a damaged part is scanned first.
                Err(error) => {
                    failed = Some(error);
                    at_end = true;
                }
            }
        }
        if buf.is_empty() && at_end {
            break;
        }
        // Blocks end where the text's bytes reach a multiple of BLOCK, or
        // at its end, or where a live input pauses.
        let at_block_end = input.offset.is_multiple_of(BLOCK as u64);
        let first_line = scanner.line;
        let text = buf.text();
        let newline = memchr::memchr(b'\n', &text[checked..]).map(|i| checked + i);
        checked = if newline.is_none() { text.len() } else { 0 };
        if let Some(offset) = long_line {
            if newline.is_none() && !at_end && text.len() < WINDOW {
                continue; // read on to a whole window
            }
            checked = 0;
            // Go on with the long line up to its end, or another window.
            let end = newline.unwrap_or(text.len().min(WINDOW));
            let last = newline.is_some() || at_end && end == text.len();
            // Where the next window starts, if this is not the last.
            let next = (!last).then(|| offset + end - end.min(OVERLAP));
            tracker.window(&text[..end], first_line, offset, next);
            scanner.window(&text[..end], offset);
            if let Some(clock) = clock.as_deref_mut() {
                clock.window(&text[..end], first_line, offset);
            }
            windowed = true;
            match next {
                None => {
                    scanner.end_line();
                    tracker.end_line();
                    buf.consume((end + 1).min(text.len()));
                    long_line = None;
                }
                Some(next) => {
                    long_line = Some(next);
                    scanner.end_window(next);
                    tracker.skip_to(offset + end, next);
                    buf.consume(next - offset);
                }
            }
        } else {
            // Whole lines wait for the rest of their block, unless a live
            // input stops for a moment.
            let waits = !at_end && !at_block_end && text.len() < WINDOW;
            if newline.is_some() && waits && !live::pauses() {
                continue;
            }
            let last_newline = newline.and_then(|_| memchr::memrchr(b'\n', text));
            if last_newline.is_some() || at_end || text.len() >= WINDOW {
                checked = 0;
            }
            match last_newline {
                // At the text's end its last line is in its last block,
                // with or without a newline.
                _ if at_end => {
                    let end = text.len() - usize::from(text.ends_with(b"\n"));
                    tracker.block(&text[..end], first_line);
                    scanner.block(&text[..end]);
                    scanner.end_block(!input.goes_on);
                    if let Some(clock) = clock.as_deref_mut() {
                        let lines = (first_line, scanner.line - 1, &scanner.hit_lines[..]);
                        clock.block(&text[..end], lines, &mut scanner.hits);
                    }
                    buf.consume(text.len());
                }
                Some(last) => {
                    tracker.block(&text[..last], first_line);
                    scanner.block(&text[..last]);
                    // What a pause leaves whole is judged as it stands; a
                    // block's end may cut a table that goes on.
                    scanner.end_block(!at_block_end && last + 1 == text.len());
                    if let Some(clock) = clock.as_deref_mut() {
                        let lines = (first_line, scanner.line - 1, &scanner.hit_lines[..]);
                        clock.block(&text[..last], lines, &mut scanner.hits);
                    }
                    buf.consume(last + 1);
                }
                None if text.len() >= WINDOW => {
                    tracker.window(&text[..WINDOW], first_line, 0, Some(WINDOW - OVERLAP));
                    scanner.window(&text[..WINDOW], 0);
                    if let Some(clock) = clock.as_deref_mut() {
                        clock.window(&text[..WINDOW], first_line, 0);
                    }
                    windowed = true;
                    long_line = Some(WINDOW - OVERLAP);
                    scanner.end_window(WINDOW - OVERLAP);
                    tracker.skip_to(WINDOW, WINDOW - OVERLAP);
                    buf.consume(WINDOW - OVERLAP);
                }
                None => continue, // a line still coming in; read on
            }
        }
        tracker.add_cells(&mut scanner.hits);
        if let Some(clock) = clock.as_deref_mut().filter(|_| windowed) {
            clock.date(&mut scanner.hits);
        }
        tracker.assign(&mut scanner.hits);
        if scanner.keep_repeats {
            // One hit per code and record on a line, the leftmost; a long
            // line's record may go on from the window before.
            seen.retain(|&(line, _, _)| line == first_line);
            scanner
                .hits
                .retain(|h| seen.insert((h.line, h.record, h.code)));
        }
        if tracker.dated {
            // Hits held back from the block before come first.
            scanner.hits.splice(0..0, held.drain(..));
            tracker.date(&mut scanner.hits);
            // The hits of a record still open whose date has not come yet
            // wait for it (a record's date may follow its hits).
            // A record with too many waits no more, wherever the reads
            // end: its hits before its date stay undated.
            let open = tracker.current;
            let waiting = scanner.hits.iter().rev();
            let count = waiting
                .take_while(|h| h.record == open && h.time.is_none())
                .count();
            if released == Some(open) {
            } else if count < MOST_WAITING_HITS {
                let from = scanner.hits.len() - count;
                held.extend(scanner.hits.drain(from..));
            } else {
                released = Some(open);
            }
        }
        for hit in scanner.hits.drain(..) {
            if !sink.matched(ticket, hit) {
                return Ok(false);
            }
        }
        if !sink.pause() {
            return Ok(false);
        }
    }
    for hit in held {
        if !sink.matched(ticket, hit) {
            return Ok(false);
        }
    }
    match failed {
        Some(error) => Err(error),
        None => Ok(true),
    }
}

/// The most hits of one record held back while its date has not come.
const MOST_WAITING_HITS: usize = 10_000;

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::scan::buffer::READ_ALIGN;
    use crate::scan::scan_text;
    use crate::scan::sink::Collect;

    fn scan_with(records: Records, text: &[u8], chunk: usize) -> Vec<(usize, usize, u32, u64)> {
        let mut hits = Vec::new();
        let ticket = Ticket::file("t".into());
        let mut reader = Chunked(text, chunk);
        scan_stream(
            &mut reader,
            records,
            Dates::Not,
            &ticket,
            &mut Collect(&mut hits),
        )
        .unwrap();
        hits.iter()
            .map(|h| (h.line, h.column, h.code, h.record))
            .collect()
    }

    /// Each hit's line, code and time, read `chunk` bytes at a time.
    fn times_with(records: Records, text: &str, chunk: usize) -> Vec<(usize, u32, String)> {
        let mut hits = Vec::new();
        let ticket = Ticket::file("t".into());
        let mut reader = Chunked(text.as_bytes(), chunk);
        let dates = Dates::Read { written: None };
        scan_stream(
            &mut reader,
            records,
            dates,
            &ticket,
            &mut Collect(&mut hits),
        )
        .unwrap();
        let time = |h: &Hit| h.time.map_or("-".into(), |t| t.to_string());
        hits.iter().map(|h| (h.line, h.code, time(h))).collect()
    }

    /// The same, whatever the reads.
    fn times(records: Records, text: &str) -> Vec<(usize, u32, String)> {
        let whole = times_with(records, text, text.len());
        for chunk in [1, 7, 64] {
            assert_eq!(
                times_with(records, text, chunk),
                whole,
                "reads of {chunk} bytes"
            );
        }
        whole
    }

    fn at(line: usize, code: u32, time: &str) -> (usize, u32, String) {
        (line, code, time.to_string())
    }

    #[test]
    fn a_hit_takes_the_time_of_the_last_line_that_shows_one() {
        let log = "Starting with Stormpath error 7104 in the config\n\
            2016-10-18 09:12:44,301 ERROR [main] Stormpath 7100\n\
            com.stormpath.sdk.resource.ResourceException: HTTP 400, Stormpath 7101\n\
            \tat com.acme.Login.run(Login.java:12)\n\
            {\n  \"status\": 400,\n  \"code\": 7102\n}\n\
            2016-10-19T10:00:00+02:00 WARN Stormpath error 7103\n";
        assert_eq!(
            times(Records::Whole, log),
            [
                at(1, 7104, "-"),
                at(2, 7100, "2016-10-18T09:12:44.301Z"),
                at(3, 7101, "2016-10-18T09:12:44.301Z"),
                at(7, 7102, "2016-10-18T09:12:44.301Z"),
                at(9, 7103, "2016-10-19T08:00:00Z"),
            ]
        );
    }

    #[test]
    fn syslog_years_follow_every_line_not_only_those_with_hits() {
        // November, then March (no hit): December is the year after.
        let log = "2015-11-01T00:00:00Z app: Stormpath error 7100\n\
            Mar  1 00:00:00 host app: ok\n\
            Dec  5 00:00:00 host app: Stormpath error 7101\n";
        assert_eq!(
            times(Records::Whole, log),
            [
                at(1, 7100, "2015-11-01T00:00:00Z"),
                at(3, 7101, "2016-12-05T00:00:00Z")
            ]
        );
    }

    #[test]
    fn a_json_log_line_takes_its_own_time_field_only() {
        let log = "{\"unit\":\"time\",\"ts\":1476781964,\"msg\":\"Stormpath error 7100\"}\n\
            {\"msg\":\"Stormpath error 7101\",\"user\":{\"created_at\":\"2010-01-01T00:00:00Z\"}}\n";
        assert_eq!(
            times(Records::Whole, log),
            [
                at(1, 7100, "2016-10-18T09:12:44Z"),
                at(2, 7101, "2016-10-18T09:12:44Z")
            ]
        );
    }

    #[test]
    fn a_long_line_takes_its_own_time_in_every_window() {
        let line = format!(
            "2016-10-18T09:12:44Z x{} Stormpath error 7100\nStormpath error 7101\n",
            " pad".repeat(WINDOW / 2)
        );
        let hits = times(Records::Whole, &line);
        assert_eq!(
            hits,
            [
                at(1, 7100, "2016-10-18T09:12:44Z"),
                at(2, 7101, "2016-10-18T09:12:44Z")
            ]
        );
    }

    #[test]
    fn records_take_their_own_dates() {
        let csv = "id,error_code,Created,notes\n1,7100,2016-10-18,x\n2,7101,,y\n3,7102,2016-11-03 10:00:00,z\n";
        assert_eq!(
            times(Records::Csv, csv),
            [
                at(2, 7100, "2016-10-18T00:00:00Z"),
                at(3, 7101, "-"),
                at(4, 7102, "2016-11-03T10:00:00Z")
            ]
        );
        let export = "[\n  {\n    \"body\": \"Stormpath error 7100\",\n    \"created_at\": \"2016-10-18T09:12:44Z\"\n  },\n  {\"body\": \"Stormpath error 7101\"}\n]\n";
        assert_eq!(
            times(Records::JsonArray, export),
            [at(3, 7100, "2016-10-18T09:12:44Z"), at(6, 7101, "-")]
        );
        // A Date: line in a body (a forwarded message) is no header.
        let mbox = "From a Mon\nDate: Tue, 18 Oct 2016 09:12:44 +0000\n\nStormpath error 7100\n\nFrom b Tue\nSubject: x\n\nDate: Mon, 01 Jan 2001 00:00:00 +0000\nStormpath error 7101\n";
        assert_eq!(
            times(Records::Mbox, mbox),
            [at(4, 7100, "2016-10-18T09:12:44Z"), at(10, 7101, "-")]
        );
    }

    /// A reader that gives at most `.1` bytes a read, as a pipe may.
    struct Chunked<'a>(&'a [u8], usize);

    impl Read for Chunked<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// A reader that fills each read whole, and notes where each landed.
    struct Noting<'a> {
        text: &'a [u8],
        misaligned: usize,
        reads: usize,
    }

    impl Read for Noting<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.reads += 1;
            let n = self.text.len().min(buf.len());
            // A read that copies nothing (at the end) may land anywhere.
            if n > 0 && !(buf.as_ptr() as usize).is_multiple_of(READ_ALIGN) {
                self.misaligned += 1;
            }
            buf[..n].copy_from_slice(&self.text[..n]);
            self.text = &self.text[n..];
            Ok(n)
        }
    }

    #[test]
    fn reads_land_aligned_as_lines_are_carried_over() {
        // Lines of odd lengths: every block ends inside a line, whose start
        // is moved to the front before the next read.
        let text = "error 7100 in a line of some odd length\n".repeat(3 * BLOCK / 40);
        for _ in 0..2 {
            // The second time round the thread's storage is reused.
            let mut reader = Noting {
                text: text.as_bytes(),
                misaligned: 0,
                reads: 0,
            };
            let ticket = Ticket::stdin();
            let mut hits = Vec::new();
            scan_stream(
                &mut reader,
                Records::Whole,
                Dates::Not,
                &ticket,
                &mut Collect(&mut hits),
            )
            .unwrap();
            assert_eq!(hits.len(), 3 * BLOCK / 40);
            assert!(reader.reads > 3);
            assert_eq!(reader.misaligned, 0);
        }
    }

    #[test]
    fn input_read_in_small_pieces_scans_the_same() {
        let mut text = vec![b'.'; WINDOW * 3];
        text[WINDOW..WINDOW + 10].copy_from_slice(b"error 7100");
        text.extend_from_slice(b"\nerror 7101\n");
        let whole = scan_with(Records::Whole, &text, usize::MAX);
        assert_eq!(whole, [(1, WINDOW + 1, 7100, 0), (2, 1, 7101, 0)]);
        assert_eq!(scan_with(Records::Whole, &text, 4096), whole);
        assert_eq!(scan_with(Records::Whole, &text, 7), whole[..]);
    }

    /// A text of `blocks` blocks of log lines, with another program's
    /// table (its codes are not Stormpath's, as the whole table shows) in
    /// the first block's middle and one whose first line each block's end
    /// cuts, and a last line, without a newline, that names a Stormpath
    /// code.
    pub(in crate::scan) fn tables_across_block_ends(blocks: usize) -> Vec<u8> {
        let theirs = "| errorCode | errorText | HTTP |\n|---|---|---|\n\
                      | 2001 | Flight sold out | 409 |\n\
                      | 2002 | Fare class closed | 409 |\n\
                      | 2003 | Date outside schedule | 400 |\n\
                      | 2006 | Passenger count above 9 | 400 |\n";
        let mut text = String::new();
        let fill_to = |text: &mut String, len: usize| {
            while text.len() < len {
                text.push_str("request served in 35 ms\n");
            }
        };
        fill_to(&mut text, BLOCK / 2);
        text.push_str(theirs);
        for block in 1..=blocks {
            fill_to(&mut text, block * BLOCK - 10);
            text.push_str(theirs);
        }
        text.push_str("login failed: Stormpath error 7100");
        text.into_bytes()
    }

    #[test]
    fn a_text_reads_the_same_in_any_pieces() {
        let text = tables_across_block_ends(2);
        let whole = scan_with(Records::Whole, &text, usize::MAX);
        let lines = text.split(|&b| b == b'\n').count();
        // Each table is in one block, judged whole; the last line is in
        // the last block, though no newline ends it.
        assert_eq!(whole, [(lines, 25, 7100, 0)]);
        for chunk in [65536, 4096, 700, 7] {
            assert_eq!(scan_with(Records::Whole, &text, chunk), whole, "{chunk}");
        }
    }

    #[test]
    fn a_line_longer_than_the_window_is_scanned_whole() {
        let mut text = vec![b'.'; WINDOW * 2 + 100];
        let at = WINDOW - 5; // straddles the first window's end
        text[at..at + 10].copy_from_slice(b"error 7100");
        text.extend_from_slice(b" code 2001\nerror 7101");
        let found: Vec<_> = scan_text(&text)
            .iter()
            .map(|h| (h.line, h.column, h.code))
            .collect();
        assert_eq!(
            found,
            [(1, at + 1, 7100), (1, WINDOW * 2 + 102, 2001), (2, 1, 7101)]
        );
    }

    #[test]
    fn records_of_exports() {
        let lines = b"{\"code\": 7100}\n{\"code\": 7100}\n";
        assert_eq!(
            scan_with(Records::Lines, lines, 5),
            [(1, 2, 7100, 1), (2, 2, 7100, 2)]
        );
        let mbox = b"From a@b Mon\nSubject: x\n\nerror 7100\n\nFrom c@d Tue\n\nerror 7100\nFrom here on, error 7100\n";
        let records: Vec<u64> = scan_with(Records::Mbox, mbox, 9)
            .iter()
            .map(|h| h.3)
            .collect();
        assert_eq!(records, [1, 2, 2], "a From line after text starts nothing");
        let array = br#"[{"a": "{[", "code": 7100}, {"code": 7100, "b": [{"code": 7101}]}]"#;
        let records: Vec<(u32, u64)> = scan_with(Records::JsonArray, array, 3)
            .iter()
            .map(|h| (h.2, h.3))
            .collect();
        assert_eq!(
            records,
            [(7100, 1), (7100, 2), (7101, 2)],
            "one hit per code and record"
        );
        let pretty = b"[\n  {\n    \"code\": 7100\n  },\n  {\n    \"code\": 7100\n  }\n]\n";
        let records: Vec<u64> = scan_with(Records::JsonArray, pretty, 4)
            .iter()
            .map(|h| h.3)
            .collect();
        assert_eq!(records, [1, 2]);
    }

    #[test]
    fn a_csv_code_column_adds_codes_and_each_row_is_a_record() {
        let csv = b"id,Stormpath Error,note\n1,7104,\"see error 7104\"\n2,2001,\"two\nlines, error 7100\"\n";
        assert_eq!(
            scan_with(Records::Csv, csv, 7),
            [(2, 3, 7104, 1), (3, 3, 2001, 2), (4, 8, 7100, 2)]
        );
    }

    #[test]
    fn how_a_text_divides_is_read_from_its_name_and_start() {
        assert_eq!(Records::of("x.JSONL", b"{}"), Records::Lines);
        assert_eq!(Records::of("a.ndjson", b""), Records::Lines);
        assert_eq!(Records::of("mail", b"From x@y"), Records::Mbox);
        assert_eq!(
            Records::of("e.json", b" [\n {\"a\":1}]"),
            Records::JsonArray
        );
        assert_eq!(Records::of("e.json", b"[1, 2]"), Records::Whole);
        assert_eq!(Records::of("app.log", b"{\"a\":1}"), Records::Whole);
        assert_eq!(Records::of("export.csv", b"a,b\n"), Records::Csv);
    }
}
