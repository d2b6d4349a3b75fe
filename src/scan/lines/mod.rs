//! Reading a stream of text in blocks of whole lines, as it arrives; the
//! records of an export (`records`) and the times of hits (`dates`) are
//! followed as the blocks go by.
//!
//! A block ends at the last line end before a multiple of `BLOCK` bytes of
//! the text, however the text comes: from a file, in a pipe's short reads,
//! out of a decompressor, or in slices on several threads. What a block's
//! end cuts (a table, a list, a run of JSON rows) is cut at the same line
//! each way, so the same text gives the same hits. A live input (`live`)
//! is scanned as far as it has come when it pauses or its whole lines have
//! waited 100 ms, so a line that arrives alone on a pipe is scanned at
//! once. The sink gets a pause after
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
    /// Hits passed on from one block to the next.
    held: Held,
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
            held: Held::default(),
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
        matches!(self.tracker.records, Records::Whole | Records::Lines)
            && self.scanner.at_rest()
            && self.holds_nothing()
    }

    /// Whether this stream holds no hits for later and awaits no verdict:
    /// what it holds is numbered from where it started reading.
    pub(super) fn holds_nothing(&self) -> bool {
        self.held.is_empty() && self.scanner.awaiting_verdict_from().is_none()
    }

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
            held,
            offset,
        } = self;
        let mut input = Input {
            reader,
            offset,
            goes_on,
            at_end: false,
            failed: None,
        };
        read_blocks(
            &mut input,
            scanner,
            tracker,
            clock.as_mut(),
            held,
            ticket,
            sink,
        )
    }
}

/// Hits held back from the blocks read so far, to be passed on later.
#[derive(Default)]
struct Held {
    /// Rows of a table or run of JSON rows that a block's end cut: they
    /// wait for its verdict, which may take their numbers back.
    for_verdict: Vec<Hit>,
    /// The hits of a record still open whose date has not come yet (a
    /// record's date may follow its hits). They come after `for_verdict`.
    for_date: Vec<Hit>,
    /// The record whose hits had too many to wait, and were passed on
    /// without their date.
    released: Option<u64>,
}

impl Held {
    fn is_empty(&self) -> bool {
        self.for_verdict.is_empty() && self.for_date.is_empty()
    }
}

/// Where a stream reads from, and how far it has got.
struct Input<'a> {
    reader: &'a mut dyn Read,
    /// The stream's count of bytes read before the buffer's end.
    offset: &'a mut u64,
    goes_on: bool,
    at_end: bool,
    /// The input's error, returned once what was read before it is scanned.
    failed: Option<io::Error>,
}

impl Input<'_> {
    /// Reads once more into `buf`, up to a block's end; notes the text's
    /// end, or an error (what came before it is scanned first).
    fn read_on(&mut self, buf: &mut Buffer) {
        let to_block_end = BLOCK - (*self.offset % BLOCK as u64) as usize;
        match buf.read_once(self.reader, to_block_end) {
            Ok(read) => {
                *self.offset += read as u64;
                self.at_end = read == 0;
            }
            Err(error) => {
                self.failed = Some(error);
                self.at_end = true;
            }
        }
    }
}

fn read_blocks(
    input: &mut Input,
    scanner: &mut Scanner,
    tracker: &mut RecordTracker,
    mut clock: Option<&mut Clock>,
    held: &mut Held,
    ticket: &Ticket,
    sink: &mut dyn Sink,
) -> io::Result<bool> {
    let mut buf = Buffer::reused();
    // Where a line too long for one window has got to: its column offset.
    let mut long_line: Option<usize> = None;
    // How much of the buffer is known to hold no newline: small reads of a
    // long line are not searched again and again.
    let mut checked = 0;
    // The (line, record, code) of the hits passed on from the lines read.
    let mut seen = std::collections::HashSet::new();
    // Since when whole lines have waited for the rest of their block.
    let mut waiting = None;
    // Where a block ends that a read past it did not find the text's end.
    let mut cut_at: Option<usize> = None;
    loop {
        // Whether the hits come from a window of a long line, not a block.
        let mut windowed = false;
        // Blocks end where the text's bytes reach a multiple of BLOCK, or
        // at its end, or where a live input pauses. Reads go on to a
        // block's end (past a window, as one read of a file does), and a
        // block's whole lines are scanned before another block is read.
        let at_block_end = input.offset.is_multiple_of(BLOCK as u64);
        let lines_wait = at_block_end && memchr::memchr(b'\n', buf.text()).is_some();
        if !input.at_end && !lines_wait && (!at_block_end || buf.len() < WINDOW) {
            input.read_on(&mut buf);
        }
        // A block that ends with a line's end may end the text: a read
        // says so, that its last table is judged as the text's end.
        let whole = cut_at.is_none()
            && !input.at_end
            && input.offset.is_multiple_of(BLOCK as u64)
            && buf.text().ends_with(b"\n")
            && long_line.is_none()
            && memchr::memchr(b'\n', buf.text()).is_some_and(|n| n < WINDOW);
        if whole {
            let cut = buf.len();
            input.read_on(&mut buf);
            if !input.at_end {
                cut_at = Some(cut - 1);
            }
        }
        let at_end = input.at_end;
        if buf.is_empty() && at_end {
            break;
        }
        let at_block_end = cut_at.is_some() || input.offset.is_multiple_of(BLOCK as u64);
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
            let ends = newline.filter(|&n| n < WINDOW);
            let end = ends.unwrap_or(text.len().min(WINDOW));
            let last = ends.is_some() || at_end && end == text.len();
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
            // A first line as long as a window is read in windows.
            let long = newline.unwrap_or(text.len()) >= WINDOW;
            // Whole lines wait for the rest of their block, unless a live
            // input stops for a moment.
            let waits = !at_end && !at_block_end && !long;
            if newline.is_some() && waits && !live::pauses(&mut waiting) {
                continue;
            }
            waiting = None;
            let last_newline = match cut_at.take() {
                Some(cut) => Some(cut),
                None if long => None,
                None => newline.and_then(|_| memchr::memrchr(b'\n', text)),
            };
            if last_newline.is_some() || at_end || long {
                checked = 0;
            }
            // The block's end, whether what it cuts is judged as it stands,
            // and how much of the buffer it takes. At the text's end its
            // last line is in its last block, with or without a newline; a
            // pause leaves its whole lines judged as they stand; a block's
            // end may cut a table that goes on.
            let block = match last_newline {
                _ if at_end && !long => Some((
                    text.len() - usize::from(text.ends_with(b"\n")),
                    !input.goes_on,
                    text.len(),
                )),
                Some(last) => Some((last, !at_block_end && last + 1 == text.len(), last + 1)),
                None => None,
            };
            match block {
                Some((end, judged, taken)) => {
                    tracker.block(&text[..end], first_line);
                    scanner.block(&text[..end]);
                    scanner.end_block(judged);
                    if let Some(clock) = clock.as_deref_mut() {
                        let lines = (first_line, scanner.line - 1, &scanner.hit_lines[..]);
                        clock.block(&text[..end], lines, &mut scanner.hits);
                    }
                    buf.consume(taken);
                }
                None if long => {
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
        // Hits passed on from blocks before lose the numbers this block's
        // verdicts took back.
        scanner.take_back_from(&mut held.for_verdict);
        scanner.take_back_from(&mut held.for_date);
        if tracker.dated {
            // Hits held back from the block before come first.
            scanner.hits.splice(0..0, held.for_date.drain(..));
            tracker.date(&mut scanner.hits);
            // A record with too many waits no more, wherever the reads
            // end: its hits before its date stay undated.
            let open = tracker.current;
            let waiting = scanner.hits.iter().rev();
            let count = waiting
                .take_while(|h| h.record == open && h.time.is_none())
                .count();
            let released = held.released == Some(open);
            if !released && count < MOST_WAITING_HITS {
                let from = scanner.hits.len() - count;
                held.for_date.extend(scanner.hits.drain(from..));
            } else if !released {
                held.released = Some(open);
            }
        }
        // The rows of a table a block's end cut wait for its verdict, as
        // many as may wait.
        let mut verdict_from = scanner.awaiting_verdict_from();
        if verdict_from.is_some() && held.for_verdict.len() >= MOST_WAITING_HITS {
            scanner.forgo_verdicts();
            verdict_from = None;
        }
        if verdict_from.is_some() || !held.for_verdict.is_empty() {
            // Those before the open table's first row go on, in order.
            let first_waiting = verdict_from.unwrap_or(usize::MAX);
            let waited = held
                .for_verdict
                .extract_if(.., |hit| hit.line < first_waiting);
            let mut passed = waited.collect::<Vec<_>>();
            passed.extend(scanner.hits.extract_if(.., |hit| hit.line < first_waiting));
            held.for_verdict.append(&mut scanner.hits);
            scanner.hits = passed;
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
    // What is held is passed on at the text's end, or where it is cut short;
    // a stream that reads on from here (a slice's) passes it on later.
    if !input.goes_on || input.failed.is_some() {
        let for_verdict = held.for_verdict.drain(..);
        for hit in for_verdict.chain(held.for_date.drain(..)) {
            if !sink.matched(ticket, hit) {
                return Ok(false);
            }
        }
    }
    match input.failed.take() {
        Some(error) => Err(error),
        None => Ok(true),
    }
}

/// The most hits of one record held back while its date has not come.
const MOST_WAITING_HITS: usize = 10_000;

#[cfg(test)]
pub(super) mod tests;
