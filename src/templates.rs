//! Quoted messages: recognising a catalog message, or one of the server's
//! templates filled in, in a line of text.
//!
//! "Account with that username already exists.  Please choose another
//! username." is template `{0} with that {1} already exists.  Please choose
//! another {1}.` of 2001. Literal parts must match (folded for case,
//! spacing and quotes); each placeholder takes one to `MAX_HOLE_WORDS`
//! words. The texts are folded and filtered at build time (build.rs).

use crate::standalone::fold::{self, HOLE, fold, fold_into};
use crate::standalone::quotable::{MIN_QUOTED_MESSAGE, MIN_TEMPLATE_LITERAL};
use std::sync::OnceLock;

mod data {
    include!(concat!(env!("OUT_DIR"), "/quotes.rs"));
}

/// Most words a placeholder may stand for.
const MAX_HOLE_WORDS: usize = 6;
/// Most bytes a placeholder may stand for.
const MAX_HOLE_BYTES: usize = 80;
/// Most places of its anchor a template is tried at on one line: a line
/// that repeats an anchor thousands of times must not take long.
const MAX_ANCHOR_TRIES: usize = 8;
/// The shortest folded text a quote can be: the quotes table keeps no
/// shorter message, and no template with less literal text.
const SHORTEST_QUOTE: usize = if MIN_QUOTED_MESSAGE < MIN_TEMPLATE_LITERAL {
    MIN_QUOTED_MESSAGE
} else {
    MIN_TEMPLATE_LITERAL
};

/// The `i`th of the strings that a text holds end to end.
fn nth(text: &'static str, ends: &[u32], i: usize) -> &'static [u8] {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text.as_bytes()[start..ends[i] as usize]
}

fn message(i: usize) -> &'static [u8] {
    nth(data::MESSAGES, &data::MESSAGES_ENDS, i)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Literal(&'static [u8]),
    Hole,
}

/// A folded template read into its literal parts and placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub code: u32,
    pub parts: Vec<Part>,
}

impl Template {
    fn read(code: u32, folded: &'static [u8]) -> Template {
        let mut parts = Vec::new();
        for (i, literal) in folded.split(|&b| b == HOLE).enumerate() {
            if i > 0 {
                parts.push(Part::Hole);
            }
            if !literal.is_empty() {
                parts.push(Part::Literal(literal));
            }
        }
        Template { code, parts }
    }

    /// Its longest literal part: where a search for it starts.
    fn anchor(&self) -> &'static [u8] {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Literal(l) => Some(*l),
                Part::Hole => None,
            })
            .max_by_key(|l| l.len())
            .unwrap_or_default()
    }

    /// Where in `text` (folded) this template matches, as a byte range.
    pub fn find_in(&self, text: &[u8]) -> Option<(usize, usize)> {
        memchr::memmem::find_iter(text, self.anchor())
            .take(MAX_ANCHOR_TRIES)
            .find_map(|at| self.match_around(text, at))
    }

    /// How far before its anchor a match can start: the literal text and
    /// the widest placeholders that stand before the anchor.
    fn reach_before_anchor(&self) -> usize {
        let anchor = self.anchor();
        let mut reach = 0;
        for part in &self.parts {
            match part {
                Part::Literal(l) if std::ptr::eq(*l, anchor) => break,
                Part::Literal(l) => reach += l.len(),
                Part::Hole => reach += MAX_HOLE_BYTES,
            }
        }
        reach
    }

    /// Tries the starts that could put the anchor literal at `anchor`.
    fn match_around(&self, text: &[u8], anchor: usize) -> Option<(usize, usize)> {
        let window_start = anchor.saturating_sub(self.reach_before_anchor());
        let mut starts: Vec<usize> = match &self.parts[0] {
            Part::Literal(first) => {
                let end = (anchor + first.len()).min(text.len());
                memchr::memmem::find_iter(&text[window_start..end], first)
                    .map(|s| s + window_start)
                    .collect()
            }
            Part::Hole => (window_start..=anchor)
                .filter(|&s| s == 0 || text[s - 1] == b' ')
                .collect(),
        };
        // The nearest start first: the shortest leading placeholder.
        starts.reverse();
        let (start, end) = starts
            .into_iter()
            .find_map(|s| match_parts(&self.parts, text, s).map(|end| (s, end)))?;
        // A leading placeholder leaves the quote or bracket before the words.
        let skip = text[start..end]
            .iter()
            .take_while(|b| b"\"'([".contains(b))
            .count();
        Some((start + skip, end))
    }
}

/// Matches `parts` at `at`; the end of the match.
fn match_parts(parts: &[Part], text: &[u8], at: usize) -> Option<usize> {
    match parts.split_first() {
        None => Some(at),
        Some((Part::Literal(literal), rest)) => {
            if text[at..].starts_with(literal) {
                match_parts(rest, text, at + literal.len())
            } else {
                None
            }
        }
        Some((Part::Hole, rest)) => {
            let limit = (at + MAX_HOLE_BYTES).min(text.len());
            let fills = |end: usize| {
                let hole = &text[at..end];
                !hole.is_empty()
                    && hole[0] != b' '
                    && hole.iter().filter(|&&b| b == b' ').count() < MAX_HOLE_WORDS
            };
            match rest.first() {
                // A closing placeholder takes one word, without the
                // sentence's punctuation.
                None => {
                    let word = text[at..limit].iter().take_while(|&&b| b != b' ').count();
                    if at + word == limit && text.get(limit).is_some_and(|&b| b != b' ') {
                        return None; // a word longer than a placeholder takes
                    }
                    let kept = text[at..at + word]
                        .iter()
                        .rposition(|b| !b".,;:!?\"')".contains(b));
                    kept.map(|k| at + k + 1)
                }
                // Otherwise the placeholder ends where the next literal
                // starts, the nearest place first: `'{0}'` ends at a quote.
                Some(Part::Literal(next)) => {
                    let window = &text[at..(limit + next.len()).min(text.len())];
                    memchr::memmem::find_iter(window, next)
                        .map(|i| at + i)
                        .filter(|&end| fills(end))
                        .find_map(|end| match_parts(rest, text, end))
                }
                // Two placeholders side by side: split at a space.
                Some(Part::Hole) => (at + 1..limit)
                    .filter(|&end| text[end] == b' ' && fills(end))
                    .find_map(|end| match_parts(rest, text, end + 1)),
            }
        }
    }
}

/// The templates, read once.
pub fn templates() -> &'static [Template] {
    static TEMPLATES: OnceLock<Vec<Template>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        (0..data::TEMPLATES_CODES.len())
            .map(|i| {
                Template::read(
                    data::TEMPLATES_CODES[i],
                    nth(data::TEMPLATES, &data::TEMPLATES_ENDS, i),
                )
            })
            .collect()
    })
}

/// The scan's way to quotes: a few words, each with the texts that hold it
/// and where. A line that quotes a text holds its word at that place, so a
/// scan looks for the words alone (a prefilter can find few words fast)
/// and tries only the texts of the words it finds, each at one place.
pub struct QuoteWords {
    /// The words, folded: letters and digits only.
    pub words: Vec<&'static [u8]>,
    /// For each word, the texts it stands for and its offset in each.
    places: Vec<WordPlaces>,
}

/// Where a quote word stands in a text.
#[derive(Debug, Clone, Copy)]
struct Place {
    text: Text,
    /// The word's offset in the text.
    offset: usize,
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
        let after = &text.bytes()[offset + word.len()..];
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
struct WordPlaces {
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
    fn may_follow(&self, next: u64, len: usize) -> impl Iterator<Item = &Place> {
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
            .filter(move |p| p.may_follow(next, len))
    }
}

/// Where two folded bytes fall in `WordPlaces::keys`.
fn key_bit(key: u16) -> usize {
    (u32::from(key).wrapping_mul(0x9E37_79B1) >> 24) as usize
}

/// The folded bytes after `i` in a line, packed by `pack_next`. Plain
/// text (printable ASCII, single spaces) is packed as it stands.
fn pack_folded(text: &[u8], i: usize) -> (u64, usize) {
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
enum Text {
    Message(usize),
    Template(usize),
}

impl Text {
    fn bytes(self) -> &'static [u8] {
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
    pub fn may_go_on(&self, word: usize, text: &[u8], end: usize) -> bool {
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
pub fn quote_words() -> &'static QuoteWords {
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
        while uncovered.iter().any(|&b| b != 0) {
            let Some((&best, set)) = starts
                .iter()
                .filter(|(_, set)| covers(set, &uncovered) > 0)
                .max_by_key(|&(w, set)| (covers(set, &uncovered), w.len(), std::cmp::Reverse(*w)))
            else {
                break; // texts without a word: build.rs keeps none
            };
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

/// Where a quote of message `i` that matched its first `matched` bytes
/// ends: the whole message, or the last whole word of a prefix that names
/// the message's code alone (`MESSAGES_PREFIX`, built by build.rs).
fn quoted_end(i: usize, matched: usize) -> Option<usize> {
    let m = message(i);
    if matched == m.len() {
        return Some(matched);
    }
    let prefix = data::MESSAGES_PREFIX[i];
    // Back to the end of a word: a quote never ends inside one.
    let end = (1..=matched)
        .rev()
        .find(|&end| m[end - 1].is_ascii_alphanumeric() && !m[end].is_ascii_alphanumeric())?;
    (prefix > 0 && end >= prefix).then_some(end)
}

/// Keeps a quote found at `start..end` of a text, one per code, when it
/// stands whole: a quote neither starts nor ends inside a word.
fn keep(found: &mut Vec<(u32, usize, usize)>, text: &[u8], code: u32, start: usize, end: usize) {
    let runs_on = |inner: usize, outer: Option<usize>| {
        text[inner].is_ascii_alphanumeric()
            && outer
                .and_then(|i| text.get(i))
                .is_some_and(u8::is_ascii_alphanumeric)
    };
    let whole = !runs_on(start, start.checked_sub(1)) && !runs_on(end - 1, Some(end));
    if whole && !found.iter().any(|f| f.0 == code) {
        found.push((code, start, end));
    }
}

/// Every quoted message in a text, each text tried in turn: (code, start,
/// end) in the text's bytes, one per code. For one short text, such as a
/// search query, where a scan's prefilter would cost more than the search.
pub fn find_quotes(text: &[u8]) -> Vec<(u32, usize, usize)> {
    let mut folded = Vec::new();
    let positions = fold(text, &mut folded);
    let mut found = Vec::new();
    if folded.len() < SHORTEST_QUOTE {
        return found;
    }
    for (i, &code) in data::MESSAGES_CODES.iter().enumerate() {
        let m = message(i);
        let least = match data::MESSAGES_PREFIX[i] {
            0 => m.len(),
            prefix => prefix,
        };
        if least <= folded.len()
            && let Some(at) = memchr::memmem::find(&folded, &m[..least])
        {
            let matched = folded[at..]
                .iter()
                .zip(m)
                .take_while(|(a, b)| a == b)
                .count();
            if let Some(end) = quoted_end(i, matched) {
                let (start, end) = to_text_range(text, &positions, at, at + end);
                keep(&mut found, text, code, start, end);
            }
        }
    }
    for template in templates() {
        if template.anchor().len() <= folded.len()
            && let Some((start, end)) = template.find_in(&folded)
        {
            let (start, end) = to_text_range(text, &positions, start, end);
            keep(&mut found, text, template.code, start, end);
        }
    }
    found
}

/// Buffers for folding lines, kept by a scanner from line to line.
#[derive(Debug, Default)]
pub struct FoldBuffers {
    folded: Vec<u8>,
    positions: Vec<usize>,
}

/// Every quoted message in a line of a scan, given where the line holds
/// quote words at the start of a word: `words` are (byte offset in `text`, index in
/// `quote_words().words`). Returns (code, start, end) in `text`'s bytes.
/// Each text of a word is checked in place, and only a template whose
/// anchor matches has the line folded for it.
pub fn find_quotes_at(
    text: &[u8],
    words: &[(usize, usize)],
    buffers: &mut FoldBuffers,
) -> Vec<(u32, usize, usize)> {
    let mut found = Vec::new();
    let mut folded_yet = false;
    let index = quote_words();
    for &(at, word) in words {
        // The folded bytes after the word in the line, to compare with
        // each place's at one look.
        let (next, next_len) = pack_folded(text, at + index.words[word].len());
        for place in index.places[word].may_follow(next, next_len) {
            let (quoted, offset) = (place.text, place.offset);
            let literal = quoted.bytes();
            let Some(start) = fold::folds_to_before(text, at, &literal[..offset]) else {
                continue;
            };
            match quoted {
                Text::Message(i) => {
                    let (matched, _) = fold::common_prefix(text, at, &literal[offset..]);
                    let Some(quoted_end) = quoted_end(i, offset + matched) else {
                        continue;
                    };
                    let end = fold::folds_to_at(text, at, &literal[offset..quoted_end])
                        .expect("a prefix of what matched matches");
                    keep(&mut found, text, data::MESSAGES_CODES[i], start, end);
                }
                Text::Template(i) => {
                    if fold::folds_to_at(text, at, &literal[offset..]).is_none() {
                        continue;
                    }
                    if !folded_yet {
                        fold_into(text, &mut buffers.folded, &mut buffers.positions);
                        folded_yet = true;
                    }
                    let (folded, positions) = (&buffers.folded, &buffers.positions);
                    let template = &templates()[i];
                    let anchor = positions.partition_point(|&p| p < start);
                    if let Some((s, e)) = template.match_around(folded, anchor) {
                        let (s, e) = to_text_range(text, positions, s, e);
                        keep(&mut found, text, template.code, s, e);
                    }
                }
            }
        }
    }
    found
}

/// Where `text` holds the quote words at the start of a word, found one
/// word at a time: (byte offset, word index). A scan finds them with its
/// prefilter instead.
pub fn find_quote_words(text: &[u8]) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    for (i, word) in quote_words().words.iter().enumerate() {
        for at in memchr::memmem::find_iter(&lower, word) {
            if starts_word(&lower, at) {
                found.push((at, i));
            }
        }
    }
    found.sort();
    found
}

/// Whether a word starts at `at`: no ASCII letter or digit before it.
pub fn starts_word(text: &[u8], at: usize) -> bool {
    at == 0 || !text[at - 1].is_ascii_alphanumeric()
}

/// Every quoted message in a line, the way a scan finds them.
pub fn find_quotes_in_line(text: &[u8], buffers: &mut FoldBuffers) -> Vec<(u32, usize, usize)> {
    find_quotes_at(text, &find_quote_words(text), buffers)
}

/// Maps a folded range back to the text's bytes.
fn to_text_range(text: &[u8], positions: &[usize], start: usize, end: usize) -> (usize, usize) {
    let last = positions[end - 1];
    let last_len = if text[last] == 0xE2 { 3 } else { 1 };
    (positions[start], last + last_len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standalone::fold::fold_template;

    fn template(code: u32, text: &str) -> Template {
        let folded: &'static [u8] = Box::leak(fold_template(text).into_boxed_slice());
        Template::read(code, folded)
    }

    fn folded(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        fold(text.as_bytes(), &mut out);
        out
    }

    #[test]
    fn placeholders_become_holes() {
        let t = template(
            2001,
            "{0} with that {1} already exists.  Please choose another {1}.",
        );
        assert_eq!(
            t.parts,
            [
                Part::Hole,
                Part::Literal(b" with that "),
                Part::Hole,
                Part::Literal(b" already exists. please choose another "),
                Part::Hole,
            ]
        );
    }

    #[test]
    fn a_filled_template_matches_and_literals_must_match() {
        let t = template(
            2001,
            "{0} with that {1} already exists.  Please choose another {1}.",
        );
        let line =
            folded("Error: Account with that email already exists.  Please choose another email.");
        let (start, end) = t.find_in(&line).expect("matches");
        assert_eq!(
            &line[start..end],
            b"account with that email already exists. please choose another email"
        );
        assert_eq!(
            t.find_in(&folded(
                "Account with that email already exists. Pick another"
            )),
            None
        );
    }

    #[test]
    fn a_placeholder_takes_at_most_a_few_words() {
        let t = template(2002, "{0} {1} is an invalid value.");
        assert!(
            t.find_in(&folded("Account email is an invalid value."))
                .is_some()
        );
        assert_eq!(t.find_in(&folded(" is an invalid value.")), None);
        let long = "a b c d e f g h i j k l m n o p is an invalid value";
        let (start, _) = t
            .find_in(&folded(long))
            .expect("the last words fill the holes");
        assert!(
            start > 20,
            "a hole takes no more than {MAX_HOLE_WORDS} words"
        );
    }

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
        // The prefilter's vectorised search (fat Teddy) takes 64 patterns,
        // with the context triggers.
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

    #[test]
    fn a_prefix_of_six_words_that_one_code_alone_has_names_it() {
        let codes = |text: &str| -> Vec<u32> {
            let mut both = [
                find_quotes(text.as_bytes()),
                find_quotes_in_line(text.as_bytes(), &mut FoldBuffers::default()),
            ];
            for found in &mut both {
                found.sort();
            }
            assert_eq!(both[0], both[1], "both strategies agree on {text:?}");
            both[0].iter().map(|f| f.0).collect()
        };
        assert_eq!(
            codes("\"Login attempt failed because the specified password\" again"),
            [7100]
        );
        // Shared by 7100 and 7101 (and more): names none.
        assert_eq!(codes("Login attempt failed because the"), Vec::<u32>::new());
        // A prefix ends at a word's end.
        let text = "Login attempt failed because the specified passw";
        let found = find_quotes(text.as_bytes());
        assert_eq!(
            found
                .iter()
                .map(|&(c, s, e)| (c, &text[s..e]))
                .collect::<Vec<_>>(),
            [(7100, "Login attempt failed because the specified")]
        );
    }

    #[test]
    fn a_quote_is_found_whole_and_not_inside_a_word() {
        let quote = "login attempt failed because the specified password is incorrect";
        assert_eq!(find_quotes(format!("x {quote}").as_bytes()).len(), 1);
        assert_eq!(find_quotes(format!("x{quote}").as_bytes()), []);
    }

    #[test]
    fn both_strategies_find_the_same_quotes() {
        let line = "x Login attempt failed because the Account is locked. and Account with that username already exists.  Please choose another username.";
        let short = find_quotes(line.as_bytes());
        let long = find_quotes_in_line(line.as_bytes(), &mut FoldBuffers::default());
        let codes = |found: &[(u32, usize, usize)]| {
            let mut c: Vec<(u32, usize, usize)> = found.to_vec();
            c.sort();
            c
        };
        assert_eq!(codes(&short), codes(&long));
        assert_eq!(
            codes(&short).iter().map(|c| c.0).collect::<Vec<_>>(),
            [2001, 7103]
        );
    }

    #[test]
    fn every_template_filled_in_names_its_code_and_no_other() {
        let mut checked = 0;
        for entry in crate::catalog::entries() {
            for server in entry.server() {
                let parts = crate::standalone::fold::literal_parts(server.text());
                if parts.len() < 2 {
                    continue; // no placeholder: matched as a plain message
                }
                let shared = crate::catalog::entries().iter().any(|e| {
                    e.code != entry.code && e.server().iter().any(|s| s.text() == server.text())
                });
                let filled = parts.join("Account email");
                let codes: Vec<u32> = find_quotes(filled.as_bytes()).iter().map(|f| f.0).collect();
                if shared {
                    // 7205 and 7206 told users the same words: they name neither.
                    assert!(codes.is_empty(), "{}: {filled}: {codes:?}", server.key());
                } else {
                    assert_eq!(codes, [entry.code], "{}: {filled}", server.key());
                    checked += 1;
                }
            }
        }
        assert!(checked >= 60, "{checked}");
    }

    #[test]
    fn positions_map_back_through_curly_quotes() {
        let text = "“Login attempt failed because the Account is locked”";
        let found = find_quotes(text.as_bytes());
        assert_eq!(found.len(), 1);
        let (_, start, end) = found[0];
        assert_eq!(
            &text[start..end],
            "Login attempt failed because the Account is locked"
        );
    }
}
