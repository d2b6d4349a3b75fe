//! A large file on disk scanned in slices at once, on the threads the scan
//! has to spare (one big log, or the last big file of a tree).
//!
//! The file is cut into slices at line ends. Helper threads read the slices,
//! each with a new stream, as if the text started there. That guess holds
//! when the text before a slice leaves nothing going on (no table, list or
//! sentence: `Stream::at_rest`), as in almost every log; then the slice's
//! hits are passed on in turn, their lines numbered on. When it does not
//! hold, the slice is read again after the one before it, as one thread
//! would read it. A slice too dense with hits to hold ends the guessing:
//! the rest is read in turn. Either way the output is `-j 1`'s, and only a
//! few slices' hits are held at a time.

use super::Ticket;
use super::buffer;
use super::lines::{self, Dates, Records, Stream};
use super::sink::Sink;
use super::{Context, Hit};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};

/// The size of a slice, and the smallest file read in slices is two. A
/// slice is whole blocks of one stream (`buffer::BLOCK`).
const PART: u64 = 2 << 20;
const _: () = assert!(PART.is_multiple_of(buffer::BLOCK as u64));
/// The most hits a helper holds for one slice: a slice denser than that is
/// read in turn, and so is the rest of the file.
const MOST_HELD_HITS: usize = 20_000;
/// How many slices may be read ahead of the one whose turn it is, for each
/// thread.
const AHEAD_PER_THREAD: usize = 2;

/// Scans a text that is `file` unchanged, `read` bytes of it already taken
/// (and counted) by `reader`, which reads it from its start: in slices when
/// it is large, each line stands alone or all are one ticket, and the scan
/// has idle threads; else as a stream.
pub(super) fn scan_file(
    file: &File,
    read: u64,
    reader: &mut dyn Read,
    (records, dates): (Records, Dates),
    ticket: &Ticket,
    sink: &mut dyn Sink,
    ctx: &Context,
) -> io::Result<()> {
    let len = match file.metadata() {
        Ok(meta) if meta.is_file() => meta.len(),
        _ => 0,
    };
    let large = len >= 2 * PART && matches!(records, Records::Whole | Records::Lines);
    // The thread this one is on counts as a helper: it only waits while
    // the others read.
    let borrowed = if large {
        ctx.borrow_threads(usize::MAX)
    } else {
        0
    };
    if borrowed == 0 {
        return lines::scan_stream(reader, records, dates, ticket, sink);
    }
    let job = Job {
        file,
        records,
        dates,
        ticket,
        ctx,
        counted: read,
        slice: PART,
        most_held: MOST_HELD_HITS,
    };
    let result = job.scan_in_slices(borrowed + 1, sink);
    ctx.return_threads(borrowed);
    result
}

/// One file read in slices.
struct Job<'a, 'b> {
    file: &'a File,
    records: Records,
    dates: Dates,
    ticket: &'a Ticket,
    ctx: &'a Context<'b>,
    /// Bytes of the file counted as read already.
    counted: u64,
    /// The size of a slice, and the most hits held for one (`PART`,
    /// `MOST_HELD_HITS`; smaller in tests).
    slice: u64,
    most_held: usize,
}

/// A slice of the file: its number, and where it starts and ends.
#[derive(Clone, Copy)]
struct Span {
    number: usize,
    start: u64,
    end: u64,
}

impl Span {
    /// Whether the file goes on past the slice.
    fn goes_on(&self) -> bool {
        self.end < u64::MAX
    }
}

/// What a helper made of its slice: its stream at the end, and its hits
/// (None when it held too many, or was told to stop).
struct Guess {
    stream: Stream,
    hits: Option<Vec<Hit>>,
}

impl Job<'_, '_> {
    fn scan_in_slices(&self, helpers: usize, sink: &mut dyn Sink) -> io::Result<()> {
        let stop = AtomicBool::new(false);
        let (spans, to_read) = crossbeam_channel::unbounded::<Span>();
        let (guesses, done) = crossbeam_channel::unbounded::<(usize, io::Result<Guess>)>();
        std::thread::scope(|scope| {
            for _ in 0..helpers {
                let (to_read, guesses, stop) = (to_read.clone(), guesses.clone(), &stop);
                scope.spawn(move || {
                    for span in to_read {
                        let guess = self.guess(span, stop);
                        if guesses.send((span.number, guess)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop((to_read, guesses));
            let result = self.read_in_turn(helpers * AHEAD_PER_THREAD, &spans, &done, sink);
            stop.store(true, Ordering::Relaxed);
            drop(spans);
            result
        })
    }

    /// Hands out the slices, and passes on each slice's hits in turn.
    fn read_in_turn(
        &self,
        ahead: usize,
        spans: &crossbeam_channel::Sender<Span>,
        done: &crossbeam_channel::Receiver<(usize, io::Result<Guess>)>,
        sink: &mut dyn Sink,
    ) -> io::Result<()> {
        let mut handed = Vec::new();
        let mut next_start = Some(0);
        let mut hand_out = |handed: &mut Vec<Span>| {
            if let Some(start) = next_start {
                // Where the end cannot be read, the rest is one slice: its
                // reader meets the error in turn, after the hits before it.
                let end = self.slice_end(start).unwrap_or(u64::MAX);
                let span = Span {
                    number: handed.len(),
                    start,
                    end,
                };
                handed.push(span);
                next_start = Some(end).filter(|&end| end < u64::MAX);
                let _ = spans.send(span);
            }
        };
        for _ in 0..ahead {
            hand_out(&mut handed);
        }
        let mut stream = Stream::new(self.records, self.dates);
        let mut waiting = BTreeMap::new();
        let mut turn = 0;
        while turn < handed.len() {
            let guess = loop {
                if let Some(guess) = waiting.remove(&turn) {
                    break guess;
                }
                let (number, guess) = done.recv().expect("a helper answers every slice");
                waiting.insert(number, guess);
            };
            let span = handed[turn];
            self.count(span);
            match guess {
                Ok(Guess {
                    stream: mut guessed,
                    hits: Some(hits),
                }) if stream.at_rest()
                    && guessed.dated_as_after(&stream)
                    && guessed.holds_nothing() =>
                {
                    let lines = stream.lines();
                    for hit in hits {
                        if !sink.matched(self.ticket, guessed.shift(hit, &stream, lines)) {
                            return Ok(());
                        }
                    }
                    guessed.follow(&stream, lines);
                    stream = guessed;
                    if !sink.pause() {
                        return Ok(());
                    }
                }
                // A wrong guess, or a read that failed: the slice is read
                // in turn, as one thread reads it (up to the error).
                Ok(Guess { hits: Some(_), .. }) | Err(_) => {
                    let mut slice = Slice::new(self.file, span.start, Some(span.end));
                    if !stream.read(&mut slice, span.goes_on(), self.ticket, sink)? {
                        return Ok(());
                    }
                }
                Ok(Guess { hits: None, .. }) => {
                    // Too dense to guess: the rest is read in turn, its
                    // bytes past the slice counted as they come, so that
                    // the progress line moves.
                    let mut rest = Slice::new(self.file, span.start, None);
                    rest.counts_from = Some((span.end, self.ctx));
                    stream.read(&mut rest, false, self.ticket, sink)?;
                    return Ok(());
                }
            }
            turn += 1;
            hand_out(&mut handed);
        }
        Ok(())
    }

    /// Reads a slice as if the text started there.
    fn guess(&self, span: Span, stop: &AtomicBool) -> io::Result<Guess> {
        let mut stream = Stream::from_offset(self.records, self.dates, span.start);
        let mut held = Held {
            hits: Vec::new(),
            most: self.most_held,
            stop,
        };
        let mut slice = Slice::new(self.file, span.start, Some(span.end));
        let whole = stream.read(&mut slice, span.goes_on(), self.ticket, &mut held)?;
        Ok(Guess {
            stream,
            hits: whole.then_some(held.hits),
        })
    }

    /// Where the slice that starts at `start` ends: just after the last
    /// line end before the next multiple of a slice's size, where one
    /// stream's block ends too (`lines`: a slice is whole blocks), or at
    /// the end of the file (`u64::MAX`, as the file may grow).
    fn slice_end(&self, start: u64) -> io::Result<u64> {
        // A slice starts less than a block before a multiple of its size.
        let block = (buffer::BLOCK as u64).min(self.slice);
        let mut at = ((start + block - 1) / self.slice + 1) * self.slice;
        // A byte past the multiple says whether the file goes on.
        let mut probe = vec![0; block as usize + 1];
        loop {
            let from = at - block;
            let read = read_at(self.file, &mut probe, from)?;
            if from + (read as u64) <= at {
                return Ok(u64::MAX);
            }
            // A line as long as a block runs on to the next multiple.
            if let Some(newline) = memchr::memrchr(b'\n', &probe[..block as usize]) {
                return Ok(from + newline as u64 + 1);
            }
            at += self.slice;
        }
    }

    /// Counts a slice's bytes as read, less those counted before.
    fn count(&self, span: Span) {
        let len = match span.end {
            u64::MAX => self.file.metadata().map_or(0, |m| m.len()),
            end => end,
        };
        let counted = self.counted.clamp(span.start, len.max(span.start));
        self.ctx.bytes_read((len.saturating_sub(counted)) as usize);
    }
}

/// The bytes of a file from `at` to `end` (or its end), read in place,
/// without moving the file's own position.
struct Slice<'a, 'b> {
    file: &'a File,
    at: u64,
    end: Option<u64>,
    /// Where the bytes read start to be counted as they are read, and the
    /// scan they count in.
    counts_from: Option<(u64, &'a Context<'b>)>,
}

impl<'a> Slice<'a, '_> {
    fn new(file: &'a File, start: u64, end: Option<u64>) -> Self {
        Slice {
            file,
            at: start,
            end: end.filter(|&end| end < u64::MAX),
            counts_from: None,
        }
    }
}

impl Read for Slice<'_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let room = match self.end {
            Some(end) => buf.len().min(end.saturating_sub(self.at) as usize),
            None => buf.len(),
        };
        let read = read_at(self.file, &mut buf[..room], self.at)?;
        if let Some((from, ctx)) = self.counts_from {
            let counted = (self.at + read as u64).saturating_sub(from.max(self.at));
            ctx.bytes_read(counted as usize);
        }
        self.at += read as u64;
        Ok(read)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, at)
}

/// Holds a helper's hits until its slice's turn, up to a bound.
struct Held<'a> {
    hits: Vec<Hit>,
    most: usize,
    stop: &'a AtomicBool,
}

impl Sink for Held<'_> {
    fn matched(&mut self, _ticket: &Ticket, hit: Hit) -> bool {
        self.hits.push(hit);
        self.hits.len() < self.most
    }

    fn pause(&mut self) -> bool {
        !self.stop.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::sink::Collect;
    use std::io::Write;

    /// The hits of `text` read in slices of `slice` bytes by `helpers`
    /// threads, holding at most `most_held` hits a slice.
    fn in_slices(text: &[u8], slice: u64, helpers: usize, most_held: usize) -> Vec<Hit> {
        in_slices_of(
            (Records::Whole, Dates::Not),
            text,
            slice,
            helpers,
            most_held,
        )
    }

    fn in_slices_of(
        (records, dates): (Records, Dates),
        text: &[u8],
        slice: u64,
        helpers: usize,
        most_held: usize,
    ) -> Vec<Hit> {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(text).unwrap();
        let ticket = Ticket::stdin();
        let mut hits = Vec::new();
        super::super::with_context(Default::default(), 0, &mut Vec::new(), |ctx| {
            let job = Job {
                file: &file,
                records,
                dates,
                ticket: &ticket,
                ctx,
                counted: 0,
                slice,
                most_held,
            };
            job.scan_in_slices(helpers, &mut Collect(&mut hits))
                .unwrap();
        });
        hits
    }

    #[test]
    fn a_slice_read_on_to_the_end_counts_its_bytes_as_they_come() {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(&[b'x'; 10_000]).unwrap();
        super::super::with_context(Default::default(), 0, &mut Vec::new(), |ctx| {
            let bytes = || ctx.counters.bytes.load(Ordering::Relaxed);
            let mut rest = Slice::new(&file, 1_000, None);
            rest.counts_from = Some((4_000, ctx));
            let mut buf = [0; 2_000];
            let reads = [2_000, 2_000, 2_000, 2_000, 1_000, 0];
            for (counted, read) in [0, 0, 1_000, 3_000, 5_000, 6_000].into_iter().zip(reads) {
                assert_eq!(bytes(), counted);
                assert_eq!(rest.read(&mut buf).unwrap(), read);
            }
            assert_eq!((rest.at, bytes()), (10_000, 6_000));
        });
    }

    fn as_one(text: &[u8]) -> Vec<Hit> {
        as_one_of((Records::Whole, Dates::Not), text)
    }

    fn as_one_of((records, dates): (Records, Dates), text: &[u8]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let ticket = Ticket::stdin();
        let mut sink = Collect(&mut hits);
        lines::scan_stream(&mut &text[..], records, dates, &ticket, &mut sink).unwrap();
        hits
    }

    #[test]
    fn slices_date_hits_as_one_stream_does() {
        // Syslog's year-less dates across a new year, undated lines at the
        // start of slices, and ISO dates: the year a slice guesses from the
        // file's time must be the one the lines before give.
        let mut text = Vec::new();
        for (i, month) in ["Nov", "Dec", "Jan", "Feb"].iter().enumerate() {
            for day in 1..=20 {
                text.extend_from_slice(
                    format!("{month} {day:2} 10:00:00 host app: Stormpath error 7100\n").as_bytes(),
                );
                text.extend_from_slice(b"  continued: Stormpath error 7101\n");
                if i == 3 && day == 10 {
                    text.extend_from_slice(b"2017-02-10T12:00:00Z ERROR Stormpath error 7102\n");
                }
            }
        }
        let dates = Dates::Read {
            written: Some("2017-03-01T00:00:00Z".parse().unwrap()),
        };
        let whole = as_one_of((Records::Whole, dates), &text);
        assert_eq!(whole.len(), 161);
        assert!(whole.iter().all(|h| h.time.is_some()));
        let first = whole[0].time.unwrap().to_string();
        assert_eq!(first, "2016-11-01T10:00:00Z");
        assert_eq!(whole[160].time.unwrap().to_string(), "2017-02-20T10:00:00Z");
        for slice in [50, 333, 1000, 4096] {
            for helpers in [1, 2] {
                let sliced = in_slices_of((Records::Whole, dates), &text, slice, helpers, 10_000);
                assert_eq!(sliced, whole, "slices of {slice} bytes, {helpers} helpers");
            }
        }
    }

    /// A text whose tables, lists and sentences run across many slice ends.
    fn carried_over() -> Vec<u8> {
        let mut text = Vec::new();
        for i in 0..300 {
            match i % 4 {
                0 => text.extend_from_slice(
                    b"| Code | Count |\n|---|---|\n| 7100 | 3 |\n| 2001 | 4 |\n\n",
                ),
                1 => text.extend_from_slice(b"## Stormpath errors we saw\n\n- 7101\n- 7102\n\n"),
                2 => text.extend_from_slice(
                    b"The Stormpath error code we got back was\n7104 after the upgrade.\n",
                ),
                _ => {
                    text.extend_from_slice(b"INFO request served in 12 ms on port 8080 pid 4242\n")
                }
            }
        }
        text
    }

    #[test]
    fn slices_give_what_one_stream_gives_wherever_they_are_cut() {
        let text = carried_over();
        let whole = as_one(&text);
        assert_eq!(
            whole.len(),
            375,
            "five hits in every four slices of the text"
        );
        for slice in [1, 7, 50, 333, 4096] {
            for helpers in [1, 2, 3] {
                assert_eq!(
                    in_slices(&text, slice, helpers, 1000),
                    whole,
                    "slices of {slice}"
                );
            }
        }
    }

    #[test]
    fn slices_of_whole_blocks_end_where_one_streams_blocks_end() {
        // Another program's tables across each block's end: one stream
        // cuts them there, and so must the slices.
        let text = lines::tests::tables_across_block_ends(4);
        let whole = as_one(&text);
        for helpers in [1, 2] {
            let sliced = in_slices(&text, buffer::BLOCK as u64, helpers, 1000);
            assert_eq!(sliced, whole, "{helpers} helpers");
        }
    }

    #[test]
    fn a_text_of_whole_slices_ends_at_its_last_slices_end() {
        // Its last table is judged at the text's end, not cut.
        let theirs = lines::tests::THEIRS;
        let mut text = String::new();
        lines::tests::fill_to(&mut text, 4 * buffer::BLOCK - theirs.len() - 30);
        text += &"z".repeat(4 * buffer::BLOCK - theirs.len() - text.len() - 1);
        text += "\n";
        text += theirs;
        assert!(as_one(text.as_bytes()).is_empty());
        let slice = 2 * buffer::BLOCK as u64;
        assert!(in_slices(text.as_bytes(), slice, 2, 1000).is_empty());
    }

    #[test]
    fn each_line_of_json_lines_is_its_own_record_in_every_slice() {
        let text =
            b"{\"id\": 1, \"body\": \"error 7100\"}\n{\"id\": 2, \"body\": \"fine\"}\n".repeat(100);
        let whole = as_one_of((Records::Lines, Dates::Not), &text);
        assert_eq!(whole.len(), 100);
        assert_eq!(whole[99].record, 199);
        let lines = (Records::Lines, Dates::Not);
        assert_eq!(in_slices_of(lines, &text, 300, 2, 1000), whole);
    }

    #[test]
    fn a_slice_too_dense_to_hold_is_read_in_turn_with_the_rest() {
        let text = b"login: {\"code\": 7100} x\nerror 2001\n".repeat(2000);
        let whole = as_one(&text);
        assert_eq!(whole.len(), 4000);
        assert_eq!(in_slices(&text, 500, 2, 10), whole);
    }

    #[test]
    fn a_file_of_one_line_is_one_slice() {
        let text = [&b"x".repeat(10_000)[..], b" error 7100"].concat();
        let hits = in_slices(&text, 100, 2, 1000);
        assert_eq!(hits, as_one(&text));
        assert_eq!((hits[0].line, hits[0].code), (1, 7100));
    }
}
