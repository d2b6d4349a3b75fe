//! Output from several threads in one stable order, as `parallel -k` gives
//! it: each job (a path) has a sequence number; the job whose turn it is
//! writes straight through, the others hold what they have until their
//! turn. A job that holds more than `HELD` bytes waits for its turn, so a
//! slow first file costs time, never memory.

use std::collections::BTreeMap;
use std::io;
use std::sync::{Condvar, Mutex, MutexGuard};

/// How much output one job may hold while it waits for its turn.
const HELD: usize = 4 << 20;
/// How much all the jobs waiting for their turn may hold together.
const HELD_IN_ALL: usize = 16 << 20;

/// What takes the pieces in order: a writer, or a collector.
pub(crate) trait Consumer: Send {
    type Piece: Send;
    /// Takes one piece of the job whose turn it is.
    fn take(&mut self, piece: Self::Piece) -> io::Result<()>;
    /// The pieces handed over so far may be passed on (flushed).
    fn pass_on(&mut self) -> io::Result<()>;
}

/// The reorder buffer.
pub(crate) struct Ordered<C: Consumer> {
    state: Mutex<State<C::Piece>>,
    turn: Condvar,
    /// Used by one thread at a time, the one that writes (`State::writing`):
    /// output is written outside the state's lock, so that the workers do
    /// not queue behind a write to a slow pipe.
    consumer: Mutex<C>,
}

struct State<P> {
    /// The job whose turn it is.
    head: usize,
    /// What later jobs hold, and whether they are done.
    held: BTreeMap<usize, Held<P>>,
    /// The bytes they hold in all.
    held_bytes: usize,
    /// Pieces whose turn has come, in order, not yet written.
    ready: Vec<P>,
    /// Whether a thread is writing: it writes `ready` too before it stops.
    writing: bool,
    /// The first error from the consumer; after it, everything is dropped.
    error: Option<io::Error>,
    /// How many jobs wait for their turn: only then is there anyone to wake.
    waiting: usize,
}

struct Held<P> {
    pieces: Vec<P>,
    bytes: usize,
    done: bool,
}

impl<P> Default for Held<P> {
    fn default() -> Self {
        Held {
            pieces: Vec::new(),
            bytes: 0,
            done: false,
        }
    }
}

impl<C: Consumer> Ordered<C> {
    pub(crate) fn new(consumer: C) -> Self {
        Ordered {
            state: Mutex::new(State {
                head: 0,
                held: BTreeMap::new(),
                held_bytes: 0,
                ready: Vec::new(),
                writing: false,
                error: None,
                waiting: 0,
            }),
            turn: Condvar::new(),
            consumer: Mutex::new(consumer),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State<C::Piece>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Hands over pieces of job `seq` (`bytes` is their size). Returns
    /// false once output has failed: there is no point going on.
    pub(crate) fn send(&self, seq: usize, pieces: Vec<C::Piece>, bytes: usize) -> bool {
        let mut state = self.lock();
        if state.error.is_some() {
            return false;
        }
        if state.head == seq {
            state.ready.extend(pieces);
            return self.write_ready(state);
        }
        let held = state.held.entry(seq).or_default();
        held.pieces.extend(pieces);
        held.bytes += bytes;
        state.held_bytes += bytes;
        // A job waits for its turn when it, or all the jobs together, hold
        // too much; the job whose turn it is never waits, so the turn comes.
        while state.head != seq
            && state.error.is_none()
            && (state.held_bytes > HELD_IN_ALL
                || state.held.get(&seq).is_some_and(|h| h.bytes > HELD))
        {
            state.waiting += 1;
            state = self.turn.wait(state).unwrap_or_else(|e| e.into_inner());
            state.waiting -= 1;
        }
        state.error.is_none()
    }

    /// Job `seq` has nothing more to hand over.
    pub(crate) fn done(&self, seq: usize) {
        let mut state = self.lock();
        if state.head != seq {
            state.held.entry(seq).or_default().done = true;
            return;
        }
        // Pass the turn on, through every later job that is already done.
        loop {
            state.head += 1;
            let head = state.head;
            let Some(held) = state.held.remove(&head) else {
                break;
            };
            state.held_bytes -= held.bytes;
            state.ready.extend(held.pieces);
            if !held.done {
                break;
            }
        }
        if state.waiting > 0 {
            self.turn.notify_all();
        }
        self.write_ready(state);
    }

    /// Writes the pieces whose turn has come, unless another thread is
    /// writing (it writes them next). Returns false once output has failed.
    fn write_ready<'a>(&'a self, mut state: MutexGuard<'a, State<C::Piece>>) -> bool {
        if state.writing {
            return state.error.is_none();
        }
        state.writing = true;
        loop {
            let ready = std::mem::take(&mut state.ready);
            if ready.is_empty() || state.error.is_some() {
                state.writing = false;
                return state.error.is_none();
            }
            drop(state);
            let mut consumer = self.consumer.lock().unwrap_or_else(|e| e.into_inner());
            let result = ready
                .into_iter()
                .try_for_each(|p| consumer.take(p))
                .and_then(|()| consumer.pass_on());
            drop(consumer);
            state = self.lock();
            if let Err(e) = result {
                state.error.get_or_insert(e);
                if state.waiting > 0 {
                    self.turn.notify_all();
                }
            }
        }
    }

    /// The consumer, once every job is done, and the first error if any.
    pub(crate) fn finish(self) -> (C, Option<io::Error>) {
        let state = self.state.into_inner().unwrap_or_else(|e| e.into_inner());
        let consumer = self
            .consumer
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        (consumer, state.error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    struct Collect(Vec<(usize, u32)>);

    impl Consumer for Collect {
        type Piece = (usize, u32);
        fn take(&mut self, piece: (usize, u32)) -> io::Result<()> {
            self.0.push(piece);
            Ok(())
        }
        fn pass_on(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn pieces_come_out_in_job_order_whatever_order_they_arrive_in() {
        let ordered = Arc::new(Ordered::new(Collect(Vec::new())));
        std::thread::scope(|s| {
            for seq in (0..8).rev() {
                let ordered = Arc::clone(&ordered);
                s.spawn(move || {
                    std::thread::sleep(std::time::Duration::from_millis(seq as u64 % 3));
                    for i in 0..3 {
                        assert!(ordered.send(seq, vec![(seq, i)], 1));
                    }
                    ordered.done(seq);
                });
            }
        });
        let (collect, error) = Arc::into_inner(ordered).unwrap().finish();
        assert!(error.is_none());
        let expected: Vec<(usize, u32)> =
            (0..8).flat_map(|s| (0..3).map(move |i| (s, i))).collect();
        assert_eq!(collect.0, expected);
    }

    #[test]
    fn a_job_that_holds_too_much_waits_for_its_turn() {
        let ordered = Arc::new(Ordered::new(Collect(Vec::new())));
        let later = {
            let ordered = Arc::clone(&ordered);
            std::thread::spawn(move || {
                ordered.send(1, vec![(1, 0)], HELD + 1);
                // Only returns once job 0 is done and job 1's turn has come.
                let state = ordered.lock();
                assert_eq!(state.head, 1);
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert!(!later.is_finished(), "job 1 waits while job 0 runs");
        ordered.send(0, vec![(0, 0)], 1);
        ordered.done(0);
        later.join().unwrap();
        ordered.done(1);
        let (collect, _) = Arc::into_inner(ordered).unwrap().finish();
        assert_eq!(collect.0, [(0, 0), (1, 0)]);
    }
}
