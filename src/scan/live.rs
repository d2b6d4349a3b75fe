//! Input that may pause: stdin, a FIFO, a terminal. A file on disk is read
//! in whole blocks; a live input is read the same way while it flows, and
//! what has come is scanned when it stops for a moment or its lines have
//! waited as long, so that `tail -f app.log | sperr scan` shows each hit
//! as its line arrives.
//!
//! The thread that reads a live input says so (`Watch`); the block reader
//! asks `pauses` before it waits for more of a block.

use std::cell::Cell;
use std::fs::File;
use std::io::Read;
use std::time::{Duration, Instant};

/// How long whole lines of a live input may wait for the rest of their
/// block: a pipe that is being written to refills well within it, and a
/// person watching a log does not notice it.
const PAUSE: Duration = Duration::from_millis(100);

thread_local! {
    /// The live input this thread reads, if any (its descriptor on unix).
    static LIVE: Cell<Option<Live>> = const { Cell::new(None) };
}

#[derive(Clone, Copy)]
struct Live {
    #[cfg(unix)]
    fd: std::os::fd::RawFd,
}

/// While it lives, the blocks this thread reads come from `file`, a live
/// input.
pub(super) struct Watch(());

impl Watch {
    /// Watches `file` if it is a live input (not a regular file).
    pub(super) fn of(file: &File) -> Option<Watch> {
        let live = file.metadata().is_ok_and(|m| !m.is_file());
        live.then(|| {
            LIVE.set(Some(Live {
                #[cfg(unix)]
                fd: std::os::fd::AsRawFd::as_raw_fd(file),
            }));
            Watch(())
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        LIVE.set(None);
    }
}

/// Stdin, to be read, and its watch where it is live. On unix it is read
/// as a file of its own, directly: a buffer in front of it would hold
/// bytes that `pauses` cannot see.
pub(super) fn stdin() -> (Box<dyn Read>, Option<Watch>) {
    #[cfg(unix)]
    {
        let fd = std::os::fd::AsFd::as_fd(&std::io::stdin()).try_clone_to_owned();
        if let Ok(fd) = fd {
            let file = File::from(fd);
            let watch = Watch::of(&file);
            return (Box::new(file), watch);
        }
    }
    // Where it cannot be waited on, each read is scanned as it comes.
    LIVE.set(Some(Live {
        #[cfg(unix)]
        fd: 0,
    }));
    (Box::new(std::io::stdin().lock()), Some(Watch(())))
}

/// Whether what has come of the live input this thread reads should be
/// scanned now: it has nothing more to give for a moment, or lines have
/// waited (`since`, set on the first call) as long as that while more kept
/// coming. Never for a file.
pub(super) fn pauses(since: &mut Option<Instant>) -> bool {
    LIVE.get().is_some_and(|live| {
        let waited = since.get_or_insert_with(Instant::now).elapsed();
        waited >= PAUSE || !ready_within(live, PAUSE - waited)
    })
}

#[cfg(unix)]
fn ready_within(live: Live, wait: Duration) -> bool {
    let mut poll = libc::pollfd {
        fd: live.fd,
        events: libc::POLLIN,
        revents: 0,
    };
    let wait = wait.as_millis().max(1) as i32;
    loop {
        // SAFETY: one valid pollfd, for a descriptor the thread's reader
        // holds open while it is watched.
        match unsafe { libc::poll(&mut poll, 1, wait) } {
            -1 if std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted => {}
            // Ready, closed, or an error a read will report.
            ready => return ready != 0,
        }
    }
}

/// Without a way to wait on it, a live input is scanned as each read
/// returns.
#[cfg(not(unix))]
fn ready_within(_: Live, _: Duration) -> bool {
    false
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_pipe_pauses_when_nothing_is_written_and_not_while_it_flows() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        let reader = File::from(std::os::fd::OwnedFd::from(reader));
        assert!(!pauses(&mut None), "no live input yet");
        let watch = Watch::of(&reader).expect("a pipe is live");
        assert!(pauses(&mut None), "nothing written");
        writer.write_all(b"login failed: error 7100\n").unwrap();
        assert!(!pauses(&mut None), "a line waits to be read");
        let long_ago = Instant::now() - 2 * PAUSE;
        assert!(pauses(&mut Some(long_ago)), "lines waited long enough");
        drop(watch);
        assert!(!pauses(&mut None), "no longer watched");
    }

    #[test]
    fn a_file_on_disk_is_not_live() {
        let file = tempfile::tempfile().unwrap();
        assert!(Watch::of(&file).is_none());
        assert!(!pauses(&mut None));
    }
}
