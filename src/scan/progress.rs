//! The progress line of a long scan, and `--stats`.
//!
//! The line appears on stderr only after about a second, so short scans
//! never flash it, and is cleared at the end. It is drawn by hand, a
//! carriage return and an erase-line, rather than with a progress-bar
//! crate: the one that fits (indicatif) links the maths library into every
//! start of sperr, a lookup's cost included.

use super::Counters;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a scan runs before its progress line appears.
const DELAY: Duration = Duration::from_secs(1);
const TICK: Duration = Duration::from_millis(200);
const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/// Back to the start of the line, and erase it.
const CLEAR: &str = "\r\x1b[K";

/// A progress line on stderr, drawn by a thread of its own.
pub(crate) struct Progress {
    /// Whether the line is on the screen; held while anything is written.
    drawn: Arc<Mutex<bool>>,
    done: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
    /// Ctrl-C clears the line before sperr ends.
    interrupts: Option<crate::interrupt::ClearsLine>,
}

impl Progress {
    pub(crate) fn start(counters: Arc<Counters>) -> Progress {
        let drawn = Arc::new(Mutex::new(false));
        let done = Arc::new(AtomicBool::new(false));
        let ticker = {
            let (drawn, done) = (Arc::clone(&drawn), Arc::clone(&done));
            std::thread::spawn(move || {
                let start = Instant::now();
                let mut ticks = 0;
                while !done.load(Ordering::Relaxed) {
                    std::thread::sleep(TICK);
                    if start.elapsed() < DELAY {
                        continue;
                    }
                    let mut drawn = drawn.lock().unwrap_or_else(|e| e.into_inner());
                    if done.load(Ordering::Relaxed) {
                        break;
                    }
                    let spinner = SPINNER[ticks % SPINNER.len()];
                    ticks += 1;
                    let text = line(&counters, start.elapsed());
                    let mut err = io::stderr().lock();
                    let _ = write!(err, "{CLEAR}{spinner} {text}");
                    let _ = err.flush();
                    *drawn = true;
                }
            })
        };
        Progress {
            drawn,
            done,
            ticker: Some(ticker),
            interrupts: Some(crate::interrupt::clear_line_and_exit()),
        }
    }

    /// Runs `write` (a note on stderr) with the line out of its way; the
    /// next tick draws it again.
    pub(crate) fn suspend(&self, write: impl FnOnce()) {
        let mut drawn = self.drawn.lock().unwrap_or_else(|e| e.into_inner());
        clear(&mut drawn);
        write();
    }

    /// Stops the line and clears it.
    pub(crate) fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(ticker) = self.ticker.take() {
            let _ = ticker.join();
        }
        clear(&mut self.drawn.lock().unwrap_or_else(|e| e.into_inner()));
        self.interrupts = None;
    }
}

fn clear(drawn: &mut bool) {
    if std::mem::take(drawn) {
        let mut err = io::stderr().lock();
        let _ = write!(err, "{CLEAR}");
        let _ = err.flush();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `1204 files done, 812.4 MB, 95.2 MB/s, 3001 hits`
fn line(counters: &Counters, elapsed: Duration) -> String {
    let bytes = Counters::get(&counters.bytes);
    format!(
        "{} done, {}, {}/s, {}",
        count(Counters::get(&counters.files), "file"),
        size(bytes),
        size((bytes as f64 / elapsed.as_secs_f64().max(0.001)) as u64),
        count(Counters::get(&counters.hits), "hit")
    )
}

/// The `--stats` lines, as `rg --stats` gives them.
pub(crate) fn stats(counters: &Counters, elapsed: Duration) -> String {
    format!(
        "{} scanned\n{} scanned ({})\n{} with hits\n{}\n{:.3} seconds\n",
        count(Counters::get(&counters.files), "file"),
        count(Counters::get(&counters.bytes), "byte"),
        size(Counters::get(&counters.bytes)),
        count(Counters::get(&counters.tickets), "ticket"),
        count(Counters::get(&counters.hits), "hit"),
        elapsed.as_secs_f64()
    )
}

/// `1 file`, `3 files`.
fn count(n: u64, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{s}")
}

fn size(bytes: u64) -> String {
    let b = bytes as f64;
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{:.1} kB", b / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", b / 1e6),
        _ => format!("{:.2} GB", b / 1e9),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(999), "999 B");
        assert_eq!(size(1_500), "1.5 kB");
        assert_eq!(size(812_400_000), "812.4 MB");
        assert_eq!(size(2_000_000_000), "2.00 GB");
    }

    #[test]
    fn stats_name_every_figure() {
        let counters = Counters::default();
        counters.files.store(3, Ordering::Relaxed);
        counters.hits.store(7, Ordering::Relaxed);
        let text = stats(&counters, Duration::from_millis(1500));
        assert!(text.contains("3 files scanned\n"));
        assert!(text.contains("7 hits\n"));
        assert!(text.contains("1.500 seconds"));
        counters.files.store(1, Ordering::Relaxed);
        counters.tickets.store(1, Ordering::Relaxed);
        counters.hits.store(1, Ordering::Relaxed);
        counters.bytes.store(1, Ordering::Relaxed);
        let one = stats(&counters, Duration::from_millis(1));
        assert_eq!(
            one,
            "1 file scanned\n1 byte scanned (1 B)\n1 ticket with hits\n1 hit\n0.001 seconds\n"
        );
    }
}
