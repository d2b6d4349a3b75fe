//! The streaming printers of `scan`: sinks that render each hit as it
//! comes (plain, JSON Lines, a JSON array, grouped for people, or only the
//! names of tickets with hits) and hand the output to the reorder buffer
//! at each pause, so that it comes out in one order whatever the threads.

use crate::render::{self, Style};
use crate::scan::order::{Consumer, Ordered};
use crate::scan::sink::{Sink, SinkFactory};
use crate::scan::{Hit, Ticket};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

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
pub(crate) struct Piece {
    group: bool,
    bytes: Vec<u8>,
}

/// Writes pieces to the output, with what goes between and around them.
pub(crate) struct Writer {
    out: Box<dyn Write + Send>,
    json_array: bool,
    wrote_any: bool,
}

impl Writer {
    pub(crate) fn new(out: Box<dyn Write + Send>, json_array: bool) -> Self {
        Writer {
            out,
            json_array,
            wrote_any: false,
        }
    }

    /// Ends the output: closes a JSON array (`[]` when it is empty).
    pub(crate) fn end(mut self) -> io::Result<()> {
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
pub(crate) struct Printers<'a> {
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
            ticket_started: false,
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
    ticket_started: bool,
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

    fn begin(&mut self, _ticket: &Ticket) {
        self.ticket_started = false;
    }

    fn matched(&mut self, ticket: &Ticket, hit: Hit) -> bool {
        let first = !std::mem::replace(&mut self.ticket_started, true);
        match self.layout {
            Layout::Plain => self.push(false, |b| render::plain::scan_hit(b, ticket, &hit)),
            Layout::Jsonl | Layout::Json => {
                self.push(false, |b| render::json::scan_hit_line(b, ticket, &hit))
            }
            Layout::Grouped(style) => {
                if first {
                    self.push(true, |b| render::table::scan_heading(b, &style, ticket));
                }
                self.push(false, |b| render::table::scan_hit_line(b, &style, &hit));
            }
            Layout::Names { json, .. } => {
                self.push(false, |b| render::names_line(b, ticket, json));
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
