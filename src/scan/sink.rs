//! Where hits go. The scanner pushes each hit into a `Sink`, as ripgrep's
//! searcher does: a printer is one sink (`render::stream`), the summary
//! another, and neither holds the whole result. Each worker thread has a
//! sink of its own, made by a `SinkFactory`; printers hand their output to
//! the reorder buffer so that it comes out in one order.

use super::order::{Consumer, Ordered};
use super::summary::{Summary, Tally, TallyOptions};
use super::{Hit, Ticket};
use std::io;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the scanner pushes hits into.
pub(crate) trait Sink {
    /// A job starts: a path named or found while walking, or stdin; `seq`
    /// is its place in the output order.
    fn job(&mut self, _seq: usize) {}
    /// A text starts: a file, or a member of a bundle; a new ticket.
    fn begin(&mut self, _ticket: &Ticket) {}
    /// A text starts that is a part of the ticket begun before (a part of
    /// an e-mail).
    fn begin_part(&mut self, ticket: &Ticket) {
        self.begin(ticket);
    }
    /// A code was found; returns false to stop reading this text.
    fn matched(&mut self, ticket: &Ticket, hit: Hit) -> bool;
    /// The input waits, or a block has been read: pass on what is ready.
    /// Returns false to stop reading (the output has gone).
    fn pause(&mut self) -> bool {
        true
    }
    /// The text has ended.
    fn finish(&mut self, _ticket: &Ticket) {}
    /// The job has ended.
    fn job_done(&mut self, _seq: usize) {}
    /// The worker has no more jobs.
    fn end(&mut self) {}
}

/// Makes one sink for each worker thread.
pub(crate) trait SinkFactory: Sync {
    fn make(&self) -> Box<dyn Sink + Send + '_>;
}

/// Collects hits in memory (tests, fuzzing, explain).
pub(crate) struct Collect<'a>(pub &'a mut Vec<Hit>);

impl Sink for Collect<'_> {
    fn matched(&mut self, _ticket: &Ticket, hit: Hit) -> bool {
        self.0.push(hit);
        true
    }
}

/// Collects hits with the name of the text each was found in.
pub(crate) struct CollectNamed<'a>(pub &'a mut Vec<(Ticket, Hit)>);

impl Sink for CollectNamed<'_> {
    fn matched(&mut self, ticket: &Ticket, hit: Hit) -> bool {
        self.0.push((ticket.clone(), hit));
        true
    }
}

/// Makes sinks that count tickets and sightings; the counts of every
/// worker add up into one summary.
pub(crate) struct Summaries {
    options: TallyOptions,
    total: Mutex<Tally>,
}

impl Summaries {
    pub(crate) fn new(options: TallyOptions) -> Summaries {
        Summaries {
            options,
            total: Mutex::new(Tally::new(options)),
        }
    }

    pub(crate) fn finish(self) -> Summary {
        self.total
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .summary()
    }
}

impl SinkFactory for Summaries {
    fn make(&self) -> Box<dyn Sink + Send + '_> {
        Box::new(Counter {
            tally: Tally::new(self.options),
            total: &self.total,
        })
    }
}

struct Counter<'a> {
    tally: Tally,
    total: &'a Mutex<Tally>,
}

impl Sink for Counter<'_> {
    fn job(&mut self, seq: usize) {
        self.tally.begin_job(seq);
    }

    fn begin(&mut self, ticket: &Ticket) {
        self.tally.begin_ticket(ticket);
    }

    fn begin_part(&mut self, _ticket: &Ticket) {}

    fn matched(&mut self, _ticket: &Ticket, hit: Hit) -> bool {
        self.tally.add(&hit);
        true
    }

    fn end(&mut self) {
        let mut total = self.total.lock().unwrap_or_else(|e| e.into_inner());
        total.merge(std::mem::take(&mut self.tally));
    }
}

/// `-q`: nothing is printed; the first hit ends the whole scan.
pub(crate) struct Quiet<'a>(pub &'a AtomicBool);

impl SinkFactory for Quiet<'_> {
    fn make(&self) -> Box<dyn Sink + Send + '_> {
        Box::new(Quiet(self.0))
    }
}

impl Sink for Quiet<'_> {
    fn matched(&mut self, _ticket: &Ticket, _hit: Hit) -> bool {
        self.0.store(true, Ordering::Relaxed);
        false
    }
}

/// Collects every hit with its text's name, in order, for the buffered
/// table (`--format table`).
pub(crate) struct Tables<'a> {
    pub ordered: &'a Ordered<Gathered>,
}

/// The hits of a scan, in output order.
#[derive(Default)]
pub(crate) struct Gathered(pub Vec<(Ticket, Hit)>);

impl Consumer for Gathered {
    type Piece = (Ticket, Hit);
    fn take(&mut self, piece: (Ticket, Hit)) -> io::Result<()> {
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
    held: Vec<(Ticket, Hit)>,
}

impl Sink for Gatherer<'_> {
    fn job(&mut self, seq: usize) {
        self.seq = seq;
    }

    fn matched(&mut self, ticket: &Ticket, hit: Hit) -> bool {
        self.held.push((ticket.clone(), hit));
        true
    }

    fn job_done(&mut self, seq: usize) {
        let held = std::mem::take(&mut self.held);
        let bytes = held.len();
        self.ordered.send(seq, held, bytes);
        self.ordered.done(seq);
    }
}
