//! The word index a scan's prefilter uses to find quotes: a few words that
//! between them stand in every text a ticket may quote, each with the
//! texts that hold it and where, so that a scan tries only the texts of the
//! words a line holds, each at one place.

use super::{data, message, templates};
use crate::standalone::fold::{self, HOLE};
use std::sync::OnceLock;

/// The scan's way to quotes: a few words, each with the texts that hold it
/// and where. A line that quotes a text holds its word at that place, so a
/// scan looks for the words alone (a prefilter can find few words fast)
/// and tries only the texts of the words it finds, each at one place.
pub(crate) struct QuoteWords {
    /// The words, folded: letters and digits only.
    pub words: Vec<&'static [u8]>,
    /// For each word, the texts it stands for and its offset in each.
    pub(super) places: Vec<WordPlaces>,
}

/// Where a quote word stands in a text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Place {
    pub(super) text: Text,
    /// The word's offset in the text.
    pub(super) offset: usize,
    /// Up to eight folded bytes that follow the word in the text, as a
    /// number: most places of a common word (`specif` in "specified
    /// account", "specified password") are told apart by them at one look.
    next: u64,
    /// The bits of `next` that hold them.
    next_mask: u64,
}

/// How many folded bytes after a quote word `Place::next` compares.
const NEXT_BYTES: usize = 8;

impl Place {
    fn new(text: Text, offset: usize, word: &[u8]) -> Place {
        let end = offset + word.len();
        let mut after = &text.bytes()[end..];
        // A quote of a message may stop where a prefix of it names its
        // code: only the bytes before that end must follow the word.
        if let Text::Message(i) = text
            && data::MESSAGES_PREFIX[i] > 0
        {
            after = &after[..data::MESSAGES_PREFIX[i]
                .saturating_sub(end)
                .min(after.len())];
        }
        let (next, len) = pack_next(after.iter().copied());
        Place {
            text,
            offset,
            next,
            next_mask: mask_of(len),
        }
    }

    /// Whether the folded bytes after a quote word in a line, packed by
    /// `pack_next`, may go on as this place does.
    fn may_follow(&self, next: u64, len: usize) -> bool {
        self.next_mask & !mask_of(len) == 0 && (next ^ self.next) & self.next_mask == 0
    }
}

/// The places of one quote word, sorted to be found by the two folded
/// bytes that follow the word: most of a common word's places (`account`
/// has 149) are passed by without a look.
#[derive(Default)]
pub(super) struct WordPlaces {
    /// Places followed by two bytes at least, sorted by them (stably: in
    /// the order of the texts where they tie).
    keyed: Vec<Place>,
    /// Places at a text's end, or a byte short of it.
    short: Vec<Place>,
    /// The keys of `keyed`, hashed into a set of 256 bits.
    keys: [u64; 4],
}

impl WordPlaces {
    fn new(places: Vec<Place>) -> WordPlaces {
        let (mut keyed, short): (Vec<Place>, Vec<Place>) = places
            .into_iter()
            .partition(|p| p.next_mask & 0xFFFF == 0xFFFF);
        keyed.sort_by_key(|p| p.next & 0xFFFF);
        let mut keys = [0; 4];
        for place in &keyed {
            let bit = key_bit(place.next as u16);
            keys[bit / 64] |= 1 << (bit % 64);
        }
        WordPlaces { keyed, short, keys }
    }

    /// Whether some place may go on with the two folded bytes `key`: one
    /// whose next two bytes hash alike, or one at a text's end.
    fn may_go_on_with(&self, key: u16) -> bool {
        let bit = key_bit(key);
        !self.short.is_empty() || self.keys[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The places that the folded bytes after the word in a line, packed
    /// by `pack_next`, may go on as: those of each text in order (a place
    /// at a text's end comes last in its text).
    /// A word that ends its line (`ends_line`) may go on as any of them:
    /// the line's end may cut a quote that goes on below.
    pub(super) fn may_follow(
        &self,
        next: u64,
        len: usize,
        ends_line: bool,
    ) -> impl Iterator<Item = &Place> {
        let keyed = match len {
            0 | 1 => &self.keyed[..],
            _ => {
                let key = next & 0xFFFF;
                let from = self.keyed.partition_point(|p| p.next & 0xFFFF < key);
                let to = from + self.keyed[from..].partition_point(|p| p.next & 0xFFFF == key);
                &self.keyed[from..to]
            }
        };
        keyed
            .iter()
            .chain(&self.short)
            .filter(move |p| ends_line || p.may_follow(next, len))
    }
}

/// Where two folded bytes fall in `WordPlaces::keys`.
fn key_bit(key: u16) -> usize {
    (u32::from(key).wrapping_mul(0x9E37_79B1) >> 24) as usize
}

/// The folded bytes after `i` in a line, packed by `pack_next`. Plain
/// text (printable ASCII, single spaces) is packed as it stands.
pub(super) fn pack_folded(text: &[u8], i: usize) -> (u64, usize) {
    if let Some(run) = text.get(i..i + NEXT_BYTES + 1)
        && (0..NEXT_BYTES).all(|k| stands_folded(run, k))
    {
        let bytes: [u8; NEXT_BYTES] = std::array::from_fn(|k| run[k].to_ascii_lowercase());
        return (u64::from_le_bytes(bytes), NEXT_BYTES);
    }
    let mut i = i;
    pack_next(std::iter::from_fn(|| {
        let (b, n) = fold::fold_next(text, i)?;
        i = n;
        Some(b)
    }))
}

/// Whether byte `k` of `run` is its own folded form: printable ASCII, or
/// a single space before it (the byte after `k` must be there).
fn stands_folded(run: &[u8], k: usize) -> bool {
    let printable = |b: u8| (0x21..=0x7e).contains(&b);
    printable(run[k]) || run[k] == b' ' && printable(run[k + 1])
}

/// Packs up to `NEXT_BYTES` bytes into a number, with how many it took.
fn pack_next(bytes: impl Iterator<Item = u8>) -> (u64, usize) {
    let mut next = 0u64;
    let mut len = 0;
    for b in bytes.take(NEXT_BYTES) {
        next |= u64::from(b) << (8 * len);
        len += 1;
    }
    (next, len)
}

fn mask_of(len: usize) -> u64 {
    match len {
        NEXT_BYTES.. => u64::MAX,
        _ => (1u64 << (8 * len)) - 1,
    }
}

/// A text a quote may be of: a catalog message, or a template's anchor
/// literal (the rest of the template is matched around it).
#[derive(Debug, Clone, Copy)]
pub(super) enum Text {
    Message(usize),
    Template(usize),
}

impl Text {
    pub(super) fn bytes(self) -> &'static [u8] {
        match self {
            Text::Message(i) => message(i),
            Text::Template(i) => templates()[i].anchor(),
        }
    }
}

impl QuoteWords {
    /// Whether quote word `word`, ending at `end` in a lower-cased `text`,
    /// may be part of a quote, by the two bytes after it: most quote words
    /// in a log quote nothing ("request served in"), and this tells so at
    /// one look, before the line is looked at. Where the bytes after it do
    /// not fold as they stand (the line's end, a tab, a typographic quote),
    /// it may.
    pub(crate) fn may_go_on(&self, word: usize, text: &[u8], end: usize) -> bool {
        match text.get(end..end + 3) {
            Some(run) if stands_folded(run, 0) && stands_folded(run, 1) => {
                self.places[word].may_go_on_with(u16::from_le_bytes([run[0], run[1]]))
            }
            _ => true,
        }
    }
}

/// The words, chosen greedily: first the word that starts a word of the
/// most texts, then the one that starts a word of the most texts not yet
/// covered, until every text has one. They must be few and not common, as
/// a prefilter looks for all of them in every line (a word that covers its
/// longer forms, `account` for `accounts`, keeps them few); only words of
/// at least `MIN_QUOTE_WORD` letters count where a text has one (short
/// words are common in any text). Built on first use, by scans.
pub(crate) fn quote_words() -> &'static QuoteWords {
    static WORDS: OnceLock<QuoteWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut texts: Vec<Text> = (0..data::MESSAGES_CODES.len()).map(Text::Message).collect();
        texts.extend((0..templates().len()).map(Text::Template));
        // A message that a prefix of it names needs its word in that prefix.
        let runs: Vec<Vec<(&'static [u8], usize)>> = texts
            .iter()
            .map(|&t| {
                let mut words = anchor_words(t.bytes());
                if let Text::Message(i) = t
                    && data::MESSAGES_PREFIX[i] > 0
                {
                    words.retain(|&(w, at)| at + w.len() <= data::MESSAGES_PREFIX[i]);
                }
                words
            })
            .collect();
        // Each prefix of each word, with the set of texts it starts a word of.
        let blocks = texts.len().div_ceil(64);
        let mut starts: std::collections::HashMap<&[u8], Vec<u64>> = Default::default();
        for (t, words) in runs.iter().enumerate() {
            for &(word, _) in words {
                for len in MIN_QUOTE_WORD.min(word.len())..=word.len() {
                    let set = starts
                        .entry(&word[..len])
                        .or_insert_with(|| vec![0; blocks]);
                    set[t / 64] |= 1 << (t % 64);
                }
            }
        }
        let mut uncovered = vec![u64::MAX; blocks];
        uncovered[blocks - 1] = u64::MAX >> (blocks * 64 - texts.len());
        let mut chosen = QuoteWords {
            words: Vec::new(),
            places: Vec::new(),
        };
        let covers = |set: &[u64], uncovered: &[u64]| -> u32 {
            set.iter()
                .zip(uncovered)
                .map(|(a, b)| (a & b).count_ones())
                .sum()
        };
        // Lazily: a word covers no more texts as others are chosen, so its
        // count from an earlier round bounds its count now, and a word whose
        // count holds at the top of the heap is the best (the keys are
        // unique, by the word), with no pass over every word each round.
        let mut heap: std::collections::BinaryHeap<_> = starts
            .iter()
            .map(|(&w, set)| (covers(set, &uncovered), w.len(), std::cmp::Reverse(w)))
            .collect();
        while uncovered.iter().any(|&b| b != 0) {
            let Some((count, len, std::cmp::Reverse(best))) = heap.pop() else {
                break; // texts without a word: the build script keeps none
            };
            let set = &starts[best];
            let now = covers(set, &uncovered);
            if now != count {
                if now > 0 {
                    heap.push((now, len, std::cmp::Reverse(best)));
                }
                continue;
            }
            if now == 0 {
                break; // as above
            }
            let mut places = Vec::new();
            for (t, words) in runs.iter().enumerate() {
                if uncovered[t / 64] & set[t / 64] & (1 << (t % 64)) != 0 {
                    let at = words.iter().filter(|w| w.0.starts_with(best));
                    places.extend(at.map(|w| Place::new(texts[t], w.1, best)));
                }
            }
            for (u, s) in uncovered.iter_mut().zip(set) {
                *u &= !s;
            }
            chosen.words.push(best);
            chosen.places.push(WordPlaces::new(places));
        }
        chosen
    })
}

/// The shortest word that `quote_words` picks when a text has a longer one.
const MIN_QUOTE_WORD: usize = 5;

/// The words of a folded text that a quote of it holds whole, with their
/// offsets: its runs of letters and digits, but for one that touches a
/// placeholder (whatever fills it may run into the word); the long ones if
/// it has any.
fn anchor_words(folded: &'static [u8]) -> Vec<(&'static [u8], usize)> {
    let mut words: Vec<(&[u8], usize)> = Vec::new();
    let mut start = 0;
    for (i, &b) in folded.iter().chain(std::iter::once(&b' ')).enumerate() {
        if b.is_ascii_alphanumeric() {
            continue;
        }
        let touches_hole = (start > 0 && folded[start - 1] == HOLE) || folded.get(i) == Some(&HOLE);
        if i > start && !touches_hole {
            words.push((&folded[start..i], start));
        }
        start = i + 1;
    }
    if words.iter().any(|w| w.0.len() >= MIN_QUOTE_WORD) {
        words.retain(|w| w.0.len() >= MIN_QUOTE_WORD);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_after_a_word_packs_as_its_folding_does() {
        let slow = |text: &[u8], i: usize| {
            let mut i = i;
            pack_next(std::iter::from_fn(|| {
                let (b, n) = fold::fold_next(text, i)?;
                i = n;
                Some(b)
            }))
        };
        for text in [
            "Account IS Disabled. x",
            "account  is\tdisabled now",
            "account \u{2019}s email here",
            "account is",
            "account ~!@#$%^&*() more",
            "account is disabled ",
        ] {
            let text = text.as_bytes();
            assert_eq!(
                pack_folded(text, 7),
                slow(text, 7),
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn every_text_holds_a_quote_word_at_each_of_its_places() {
        let index = quote_words();
        let mut covered = vec![false; data::MESSAGES_CODES.len() + templates().len()];
        for (word, places) in index.words.iter().zip(&index.places) {
            for place in places.keyed.iter().chain(&places.short) {
                assert!(place.text.bytes()[place.offset..].starts_with(word));
                covered[match place.text {
                    Text::Message(i) => i,
                    Text::Template(i) => data::MESSAGES_CODES.len() + i,
                }] = true;
            }
        }
        assert!(covered.iter().all(|&c| c), "every text has a quote word");
        // The scan's prefilter looks for the words, with its context
        // triggers, in vectorised (fat Teddy) searches of up to 24 patterns
        // each: few words keep the searches few.
        assert!(
            index.words.len() + 4 <= 64,
            "few enough words for the prefilter's fast path: {}",
            index.words.len()
        );
    }

    #[test]
    fn the_bytes_after_a_quote_word_let_each_of_its_places_through() {
        let index = quote_words();
        for (w, (word, places)) in index.words.iter().zip(&index.places).enumerate() {
            for place in places.keyed.iter().chain(&places.short) {
                let text = place.text.bytes();
                assert!(
                    index.may_go_on(w, text, place.offset + word.len()),
                    "{:?} in {:?}",
                    String::from_utf8_lossy(word),
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    #[test]
    fn a_quote_word_that_goes_on_as_no_text_does_is_passed_by() {
        let index = quote_words();
        let word = |w: &str| index.words.iter().position(|x| *x == w.as_bytes()).unwrap();
        let request = word("request");
        let line = b"info request served in 12 ms";
        assert!(!index.may_go_on(request, line, 5 + 7));
        // At a line's end, or before bytes that fold otherwise, it may.
        assert!(index.may_go_on(request, b"request\n", 7));
        assert!(index.may_go_on(request, b"request\tserved", 7));
        // "account store" starts many texts' quotes.
        let account = word("account");
        assert!(index.may_go_on(account, b"account store", 7));
    }
}
