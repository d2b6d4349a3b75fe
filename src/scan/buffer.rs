//! The bytes of a stream read and not yet scanned: reads land aligned in
//! memory, and a thread keeps its storage from one text to the next.

use std::io::{self, Read};

/// The most one read asks for, and where blocks end: at the last line end
/// before each multiple of it.
pub(super) const BLOCK: usize = 256 << 10;

/// The bytes read and not yet scanned. The storage is zeroed once and
/// reused: a read fills its free end, scanned bytes are moved off the
/// front. A thread keeps its storage from one text to the next, so a tree
/// of small files does not zero (and fault in) a new one for each.
pub(super) struct Buffer {
    bytes: Vec<u8>,
    start: usize,
    end: usize,
}

thread_local! {
    static SPARE: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

impl Drop for Buffer {
    fn drop(&mut self) {
        SPARE.set(std::mem::take(&mut self.bytes));
    }
}

impl Buffer {
    /// The storage this thread used last, or none yet.
    pub(super) fn reused() -> Buffer {
        let bytes = SPARE.take();
        // A new buffer is aligned at its first read.
        let front = if bytes.is_empty() {
            0
        } else {
            aligned_end(&bytes, 0)
        };
        Buffer {
            bytes,
            start: front,
            end: front,
        }
    }

    pub(super) fn text(&self) -> &[u8] {
        &self.bytes[self.start..self.end]
    }

    pub(super) fn len(&self) -> usize {
        self.end - self.start
    }

    pub(super) fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub(super) fn consume(&mut self, n: usize) {
        self.start += n;
        if self.start == self.end {
            let front = aligned_end(&self.bytes, 0);
            (self.start, self.end) = (front, front);
        }
    }

    /// Reads once into the free end: what one read gives, up to `most`
    /// bytes (at most a block). Returns the number of bytes read; 0 at the
    /// end of the input.
    pub(super) fn read_once(&mut self, reader: &mut dyn Read, most: usize) -> io::Result<usize> {
        if self.bytes.len() - self.end < BLOCK {
            // Move what is left to the front, and grow so that at least a
            // block is read before it moves again.
            let left = self.end - self.start;
            if self.bytes.len() < left + 2 * BLOCK + READ_ALIGN {
                self.bytes.resize(left + 2 * BLOCK + READ_ALIGN, 0);
            }
            let end = aligned_end(&self.bytes, left);
            self.bytes.copy_within(self.start..self.end, end - left);
            (self.start, self.end) = (end - left, end);
        }
        let room = &mut self.bytes[self.end..self.end + most.min(BLOCK)];
        let read = loop {
            match reader.read(room) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.end += read;
        Ok(read)
    }
}

/// Reads land at this alignment in memory. The kernel's copy out of the
/// page cache ran at a third of its speed on the AMD EPYC the benchmarks
/// ran on when the destination sat a few bytes past a page boundary (as a
/// large allocation does, 16 bytes in): the load and store addresses
/// alias. Aligned reads of whole blocks keep the two 64-byte apart or more.
pub(super) const READ_ALIGN: usize = 64;

/// The first index at or after `len` where `len` bytes kept before it
/// leave the next read aligned.
fn aligned_end(bytes: &[u8], len: usize) -> usize {
    len + bytes.as_ptr().wrapping_add(len).align_offset(READ_ALIGN)
}
