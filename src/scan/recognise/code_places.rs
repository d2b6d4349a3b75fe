//! Where in a block the numbers stand that may be catalog codes: four or
//! five digits that stand alone and spell a code the catalog has. The
//! rules for lines without a context word (`glossed`, `received`) read
//! only the lines that hold one. A log is full of digits, so they are found 64 bytes at a
//! time, as a mask (SSE2 on x86-64, eight bytes in a word elsewhere),
//! not byte by byte.

use super::numbers::{code_number, parse_digits};
use super::words::YEARS;
use crate::catalog;

/// The places of a block's possible codes, found on the first question
/// about the block: a block of a text that never asks costs nothing.
#[derive(Default)]
pub(super) struct CodePlaces {
    /// The ends of the numbers, in order.
    ends: Vec<usize>,
    /// The first end not yet passed.
    next: usize,
    found: bool,
}

impl CodePlaces {
    /// Forgets the block before.
    pub(super) fn clear(&mut self) {
        self.ends.clear();
        self.next = 0;
        self.found = false;
    }

    /// Whether `start..end` of `block` holds a possible code. Asked of the
    /// lines of a block in order.
    pub(super) fn any_in(&mut self, block: &[u8], start: usize, end: usize) -> bool {
        if !self.found {
            self.found = true;
            let ends = &mut self.ends;
            code_shaped_numbers(block, |start, end| {
                if let Some((_, end)) = may_be_a_code(block, start, end) {
                    ends.push(end);
                }
            });
        }
        while self.ends.get(self.next).is_some_and(|&e| e < start) {
            self.next += 1;
        }
        self.ends.get(self.next).is_some_and(|&e| e <= end)
    }
}

/// Whether the four or five digits at `start..end` stand alone (not in
/// an id, `req-7503`, `#7103`) and are a code of the catalog, as
/// `code_number` reads digits (not a date, time or version: `2016-05-01`,
/// `7100.5`), or a code's plural (`a handful of 12001s`); as the code and
/// where it ends.
fn may_be_a_code(text: &[u8], start: usize, end: usize) -> Option<(u32, usize)> {
    if !stands_alone(text, start) {
        return None;
    }
    match code_number(text, start, end).filter(|&code| catalog::lookup(code).is_some()) {
        Some(code) => Some((code, end)),
        None => plural(text, start, end),
    }
}

/// The code whose plural the digits at `start..end` and an `s` spell, as
/// people count a code's cases (`a couple of 9002s`, `the 10101s stop`),
/// and where it ends; not a decade (`the 2010s`, `the 1920s`).
fn plural(text: &[u8], start: usize, end: usize) -> Option<(u32, usize)> {
    let ends = text
        .get(end + 1)
        .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'\'');
    if text.get(end) != Some(&b's') || !ends || text[start] == b'0' {
        return None;
    }
    let code = parse_digits(&text[start..end]);
    // Nor a round thousand's hosts or models: `the 9000s are app servers`.
    let decade = YEARS.contains(&code) || code < 2100 && code.is_multiple_of(10);
    let round = code.is_multiple_of(1000);
    (!decade && !round && catalog::lookup(code).is_some()).then_some((code, end + 1))
}

/// Calls `each(start, end, code)` for each catalog code of a line that
/// stands alone: what the rules for people's prose read.
pub(super) fn standalone_codes(line: &[u8], mut each: impl FnMut(usize, usize, u32)) {
    code_shaped_numbers(line, |start, end| {
        if let Some((code, end)) = may_be_a_code(line, start, end) {
            each(start, end, code);
        }
    });
}

/// Whether the number at `start` stands alone: at the start of the text,
/// or after a space or an opening mark, not inside an id.
fn stands_alone(text: &[u8], start: usize) -> bool {
    start == 0 || text[start - 1].is_ascii_whitespace() || b"(\"'*`[>".contains(&text[start - 1])
}

/// Calls `each(start, end)` for each run of four or five ASCII digits in
/// `text` (not part of a longer run), in order. A chunk's digits are
/// read as a mask, beside the next chunk's, so that a run across two
/// chunks is seen whole and the runs of other lengths cost nothing.
fn code_shaped_numbers(text: &[u8], mut each: impl FnMut(usize, usize)) {
    let chunks = text.len().div_ceil(64);
    let mask_of = |k: usize| -> u64 {
        match text.get(64 * k..64 * k + 64) {
            Some(chunk) => digit_mask(chunk.try_into().expect("a chunk of 64")),
            // The last, short chunk, byte by byte; past the text, none.
            None => text.get(64 * k..).map_or(0, |rest| {
                rest.iter()
                    .enumerate()
                    .fold(0, |mask, (i, b)| mask | u64::from(b.is_ascii_digit()) << i)
            }),
        }
    };
    let mut previous_last = 0u128;
    let mut current = mask_of(0);
    for k in 0..chunks {
        let next = mask_of(k + 1);
        let digits = u128::from(current) | u128::from(next) << 64;
        let starts = digits & !(digits << 1 | previous_last);
        let four = starts & digits >> 1 & digits >> 2 & digits >> 3;
        let mut found = (four & !(digits >> 4 & digits >> 5)) as u64;
        while found != 0 {
            let at = found.trailing_zeros() as usize;
            let len = 4 + (digits >> (at + 4) & 1) as usize;
            each(64 * k + at, 64 * k + at + len);
            found &= found - 1;
        }
        previous_last = u128::from(current >> 63);
        current = next;
    }
}

/// A bit for each digit of 64 bytes: sixteen bytes at a time with SSE2,
/// which every x86-64 processor has.
#[cfg(target_arch = "x86_64")]
fn digit_mask(chunk: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_set1_epi8,
    };
    let mut mask = 0;
    for (i, part) in chunk.chunks_exact(16).enumerate() {
        // SAFETY: `part` holds the 16 bytes read, and the read needs no
        // alignment; SSE2 is part of x86-64.
        let bits = unsafe {
            let bytes = _mm_loadu_si128(part.as_ptr().cast::<__m128i>());
            // A signed comparison: bytes past ASCII are negative.
            let digits = _mm_and_si128(
                _mm_cmpgt_epi8(bytes, _mm_set1_epi8(b'0' as i8 - 1)),
                _mm_cmplt_epi8(bytes, _mm_set1_epi8(b'9' as i8 + 1)),
            );
            _mm_movemask_epi8(digits) as u16
        };
        mask |= u64::from(bits) << (16 * i);
    }
    mask
}

/// A bit for each digit of 64 bytes, eight bytes at a time in a word.
#[cfg(not(target_arch = "x86_64"))]
fn digit_mask(chunk: &[u8; 64]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut mask = 0;
    for (i, word) in chunk.chunks_exact(8).enumerate() {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // A digit's byte is below 10 once `0` is taken away; a byte's high
        // bit says whether it is 10 or more (or not ASCII), with no carry
        // into the next byte.
        let x = word ^ (ONES * u64::from(b'0'));
        let ten_or_more = ((x & !HIGH) + ONES * (0x80 - 10)) | x;
        let digits = !ten_or_more & HIGH;
        // The eight high bits gathered into one byte, lowest byte first.
        let bits = ((digits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        mask |= bits << (8 * i);
    }
    mask
}

/// The codes standing alone in `text` that `rule` takes, in order: the
/// prose rules' tests ask each rule this way.
#[cfg(test)]
pub(super) fn codes_where(text: &str, rule: impl Fn(&[u8], usize, usize, u32) -> bool) -> Vec<u32> {
    let mut found = Vec::new();
    standalone_codes(text.as_bytes(), |start, end, code| {
        if rule(text.as_bytes(), start, end, code) {
            found.push(code);
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        code_shaped_numbers(text.as_bytes(), |start, end| found.push(&text[start..end]));
        found
    }

    #[test]
    fn runs_of_four_or_five_digits_are_found_across_chunks_and_at_the_ends() {
        assert_eq!(runs("a 7100 b 12 123456 13101"), ["7100", "13101"]);
        assert_eq!(runs("7100"), ["7100"]);
        // A run across the 64-byte boundary, one that fills a chunk, and
        // one that ends the text after whole chunks.
        let text = format!("{}71{}", "x".repeat(62), "00 y");
        assert_eq!(runs(&text), ["7100"]);
        assert!(runs(&"1".repeat(130)).is_empty());
        let tail = format!("{}2001", "x".repeat(124));
        assert_eq!(runs(&tail), ["2001"]);
        let after_run = format!("{}7100", "1".repeat(64));
        assert!(runs(&after_run).is_empty());
    }

    #[test]
    fn runs_match_a_byte_by_byte_reading() {
        // Every length and place around the chunk boundaries.
        let mut seed = 1u32;
        let mut runs_seen = 0;
        for len in 0..300 {
            // A few digits, then a letter, by a little random generator.
            let text: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    if (seed >> 16).is_multiple_of(5) {
                        'x'
                    } else {
                        '9'
                    }
                })
                .collect();
            let by_bytes: Vec<&str> = text
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| (4..=5).contains(&s.len()))
                .collect();
            assert_eq!(runs(&text), by_bytes, "{text}");
            runs_seen += by_bytes.len();
        }
        assert!(runs_seen > 100, "{runs_seen}");
    }

    #[test]
    fn the_digit_mask_marks_digits_of_every_byte_value() {
        for first in (0..=255u8).step_by(64) {
            let chunk: [u8; 64] = std::array::from_fn(|i| first + i as u8);
            let expected = (0..64).fold(0u64, |mask, i| {
                mask | u64::from(chunk[i].is_ascii_digit()) << i
            });
            assert_eq!(digit_mask(&chunk), expected, "{first}");
        }
    }

    #[test]
    fn a_possible_code_stands_alone_and_is_in_the_catalog() {
        fn places(text: &str) -> Vec<&str> {
            let mut found = Vec::new();
            code_shaped_numbers(text.as_bytes(), |s, e| {
                if may_be_a_code(text.as_bytes(), s, e).is_some() {
                    found.push(&text[s..e]);
                }
            });
            found
        }
        assert_eq!(places("saw 7100 (wrong password)"), ["7100"]);
        assert!(places("2016-05-01 12:30 req-7503 #7103 7199 7100.5").is_empty());
        assert_eq!(places("13101: phone"), ["13101"]);
    }

    #[test]
    fn a_codes_plural_is_read_as_the_code() {
        fn codes(text: &str) -> Vec<(u32, &str)> {
            let mut found = Vec::new();
            standalone_codes(text.as_bytes(), |s, e, code| {
                found.push((code, &text[s..e]))
            });
            found
        }
        assert_eq!(codes("a handful of 12001s every day"), [(12001, "12001s")]);
        assert_eq!(
            codes("the 9002s stop, 7100s."),
            [(9002, "9002s"), (7100, "7100s")]
        );
        assert!(codes("back in the 2010s").is_empty(), "a decade");
        assert!(codes("users born in the 1920s").is_empty(), "a decade");
        assert!(
            codes("The 9000s are app servers").is_empty(),
            "a round thousand"
        );
        assert!(codes("7100st 7100s1 0710s").is_empty());
    }
}
