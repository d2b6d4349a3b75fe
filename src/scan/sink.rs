//! Where hits go. The scanner pushes each hit into a `Sink`, as ripgrep's
//! searcher does: a printer is one sink, the summary another, and neither
//! holds the whole result. Each worker thread has a sink of its own, made
//! by a `SinkFactory`; printers hand their output to the reorder buffer so
//! that it comes out in one order.

use super::order::{Consumer, Ordered};
use super::summary::{Summary, Tally};
use super::{Hit, Unit};
use crate::render::{self, Style};
use std::io::{self, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the scanner pushes hits into.
pub trait Sink {
    /// A job starts: a path named or found while walking, or stdin; `seq`
    /// is its place in the output order.
    fn job(&mut self, _seq: usize) {}
    /// A text starts: a file, or a member of a bundle; a new ticket.
    fn begin(&mut self, _unit: &Unit) {}
    /// A text starts that is a part of the ticket begun before (a part of
    /// an e-mail).
    fn begin_part(&mut self, unit: &Unit) {
        self.begin(unit);
    }
    /// A code was found; returns false to stop reading this text.
    fn matched(&mut self, unit: &Unit, hit: Hit) -> bool;
    /// The input waits, or a block has been read: pass on what is ready.
    /// Returns false to stop reading (the output has gone).
    fn pause(&mut self) -> bool {
        true
    }
    /// The text has ended.
    fn finish(&mut self, _unit: &Unit) {}
    /// The job has ended.
    fn job_done(&mut self, _seq: usize) {}
    /// The worker has no more jobs.
    fn end(&mut self) {}
}

/// Makes one sink for each worker thread.
pub trait SinkFactory: Sync {
    fn make(&self) -> Box<dyn Sink + Send + '_>;
}

/// Collects hits in memory (tests, fuzzing, explain).
pub struct Collect<'a>(pub &'a mut Vec<Hit>);

impl Sink for Collect<'_> {
    fn matched(&mut self, _unit: &Unit, hit: Hit) -> bool {
        self.0.push(hit);
        true
    }
}

/// Collects hits with the name of the text each was found in.
pub struct CollectNamed<'a>(pub &'a mut Vec<(Unit, Hit)>);

impl Sink for CollectNamed<'_> {
    fn matched(&mut self, unit: &Unit, hit: Hit) -> bool {
        self.0.push((unit.clone(), hit));
        true
    }
}

/// How hits are written.
#[derive(Debug, Clone, Copy)]
pub enum Layout {
    /// `FILE:LINE<TAB>CODE<TAB>MESSAGE`
    Plain,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array, written element by element.
    Json,
    /// For people: hits grouped under each file name, as ripgrep does.
    Grouped(Style),
    /// Each ticket's name once (`-l`), as lines or JSON objects.
    Names { json: bool },
}

/// A piece of output: some whole lines, which may start a file's group.
pub struct Piece {
    group: bool,
    bytes: Vec<u8>,
}

/// Writes pieces to the output, with what goes between and around them.
pub struct Writer {
    out: Box<dyn Write + Send>,
    json_array: bool,
    wrote_any: bool,
}

impl Writer {
    pub fn new(out: Box<dyn Write + Send>, json_array: bool) -> Self {
        Writer {
            out,
            json_array,
            wrote_any: false,
        }
    }

    /// Ends the output: closes a JSON array (`[]` when it is empty).
    pub fn end(mut self) -> io::Result<()> {
        if self.json_array {
            self.out
                .write_all(if self.wrote_any { b"\n]\n" } else { b"[]\n" })?;
        }
        self.out.flush()
    }
}

impl Consumer for Writer {
    type Piece = Piece;

    fn take(&mut self, piece: Piece) -> io::Result<()> {
        if self.json_array {
            for line in piece.bytes.split_inclusive(|&b| b == b'\n') {
                self.out
                    .write_all(if self.wrote_any { b",\n  " } else { b"[\n  " })?;
                self.out
                    .write_all(line.strip_suffix(b"\n").unwrap_or(line))?;
                self.wrote_any = true;
            }
            return Ok(());
        }
        if piece.group && self.wrote_any {
            self.out.write_all(b"\n")?;
        }
        self.wrote_any |= !piece.bytes.is_empty();
        self.out.write_all(&piece.bytes)
    }

    fn pass_on(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Makes printers that write through one reorder buffer.
pub struct Printers<'a> {
    pub layout: Layout,
    pub ordered: &'a Ordered<Writer>,
    /// Set when output fails (a closed pipe): the whole scan stops.
    pub stop: &'a AtomicBool,
}

impl SinkFactory for Printers<'_> {
    fn make(&self) -> Box<dyn Sink + Send + '_> {
        Box::new(Printer {
            layout: self.layout,
            ordered: self.ordered,
            stop: self.stop,
            seq: 0,
            pieces: Vec::new(),
            bytes: 0,
            unit_started: false,
        })
    }
}

/// Renders hits as they come and hands them over at each pause.
struct Printer<'a> {
    layout: Layout,
    ordered: &'a Ordered<Writer>,
    stop: &'a AtomicBool,
    seq: usize,
    pieces: Vec<Piece>,
    bytes: usize,
    /// Whether the current text has had a hit yet.
    unit_started: bool,
}

impl Printer<'_> {
    fn push(&mut self, group: bool, render: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) {
        if group || self.pieces.is_empty() {
            self.pieces.push(Piece {
                group,
                bytes: Vec::new(),
            });
        }
        let bytes = &mut self.pieces.last_mut().expect("a piece was pushed").bytes;
        let before = bytes.len();
        // Rendering into memory cannot fail.
        let _ = render(bytes);
        self.bytes += bytes.len() - before;
    }

    /// Hands what is held over; false once output has failed.
    fn hand_over(&mut self) -> bool {
        if self.pieces.is_empty() {
            return true;
        }
        let bytes = std::mem::take(&mut self.bytes);
        let sent = self
            .ordered
            .send(self.seq, std::mem::take(&mut self.pieces), bytes);
        if !sent {
            self.stop.store(true, Ordering::Relaxed);
        }
        sent
    }
}

impl Sink for Printer<'_> {
    fn job(&mut self, seq: usize) {
        self.seq = seq;
    }

    fn begin(&mut self, _unit: &Unit) {
        self.unit_started = false;
    }

    fn matched(&mut self, unit: &Unit, hit: Hit) -> bool {
        let first = !std::mem::replace(&mut self.unit_started, true);
        match self.layout {
            Layout::Plain => self.push(false, |b| render::plain::scan_hit(b, unit, &hit)),
            Layout::Jsonl | Layout::Json => {
                self.push(false, |b| render::json::scan_hit_line(b, unit, &hit))
            }
            Layout::Grouped(style) => {
                if first {
                    self.push(true, |b| render::table::scan_heading(b, &style, unit));
                }
                self.push(false, |b| render::table::scan_hit_line(b, &style, &hit));
            }
            Layout::Names { json, .. } => {
                self.push(false, |b| render::names_line(b, unit, json));
                return false; // one name is enough
            }
        }
        true
    }

    fn pause(&mut self) -> bool {
        self.hand_over()
    }

    fn job_done(&mut self, seq: usize) {
        self.hand_over();
        self.ordered.done(seq);
    }
}

/// Makes sinks that count tickets and sightings; the counts of every
/// worker add up into one summary.
#[derive(Default)]
pub struct Summaries {
    total: Mutex<Tally>,
}

impl Summaries {
    pub fn finish(self) -> Summary {
        self.total
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .summary()
    }
}

impl SinkFactory for Summaries {
    fn make(&self) -> Box<dyn Sink + Send + '_> {
        Box::new(Counter {
            tally: Tally::default(),
            total: &self.total,
        })
    }
}

struct Counter<'a> {
    tally: Tally,
    total: &'a Mutex<Tally>,
}

impl Sink for Counter<'_> {
    fn begin(&mut self, _unit: &Unit) {
        self.tally.begin_unit();
    }

    fn begin_part(&mut self, _unit: &Unit) {}

    fn matched(&mut self, _unit: &Unit, hit: Hit) -> bool {
        self.tally.add(&hit);
        true
    }

    fn end(&mut self) {
        let mut total = self.total.lock().unwrap_or_else(|e| e.into_inner());
        total.merge(std::mem::take(&mut self.tally));
    }
}

/// `-q`: nothing is printed; the first hit ends the whole scan.
pub struct Quiet<'a>(pub &'a AtomicBool);

impl SinkFactory for Quiet<'_> {
    fn make(&self) -> Box<dyn Sink + Send + '_> {
        Box::new(Quiet(self.0))
    }
}

impl Sink for Quiet<'_> {
    fn matched(&mut self, _unit: &Unit, _hit: Hit) -> bool {
        self.0.store(true, Ordering::Relaxed);
        false
    }
}

/// Collects every hit with its text's name, in order, for the buffered
/// table (`--format table`).
pub struct Tables<'a> {
    pub ordered: &'a Ordered<Gathered>,
}

/// The hits of a scan, in output order.
#[derive(Default)]
pub struct Gathered(pub Vec<(Unit, Hit)>);

impl Consumer for Gathered {
    type Piece = (Unit, Hit);
    fn take(&mut self, piece: (Unit, Hit)) -> io::Result<()> {
        self.0.push(piece);
        Ok(())
    }
    fn pass_on(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl SinkFactory for Tables<'_> {
    fn make(&self) -> Box<dyn Sink + Send + '_> {
        Box::new(Gatherer {
            ordered: self.ordered,
            seq: 0,
            held: Vec::new(),
        })
    }
}

struct Gatherer<'a> {
    ordered: &'a Ordered<Gathered>,
    seq: usize,
    held: Vec<(Unit, Hit)>,
}

impl Sink for Gatherer<'_> {
    fn job(&mut self, seq: usize) {
        self.seq = seq;
    }

    fn matched(&mut self, unit: &Unit, hit: Hit) -> bool {
        self.held.push((unit.clone(), hit));
        true
    }

    fn job_done(&mut self, seq: usize) {
        let held = std::mem::take(&mut self.held);
        let bytes = held.len();
        self.ordered.send(seq, held, bytes);
        self.ordered.done(seq);
    }
}
