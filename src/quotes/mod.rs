//! Quoted messages: recognising a catalog message, or one of the server's
//! templates filled in, in a line of text.
//!
//! "Account with that username already exists.  Please choose another
//! username." is template `{0} with that {1} already exists.  Please choose
//! another {1}.` of 2001. Literal parts must match (folded for case,
//! spacing and quotes); each placeholder takes one to `MAX_HOLE_WORDS`
//! words. The texts are folded and filtered at build time, by the build
//! script.
//!
//! Used by search and by scan: a search tries every text on its short
//! query (`find_quotes`); a scan finds the words of `index` in a line first
//! and tries only their texts (`find_quotes_at`).

mod cut;
mod index;
mod reworded;
mod wrapped;

use crate::standalone::fold::{self, HOLE, fold, fold_into};
use crate::standalone::quotable::{MIN_QUOTED_MESSAGE, MIN_TEMPLATE_LITERAL};
use cut::{cut_end, is_cut};
pub(crate) use index::quote_words;
use index::{Text, pack_folded};
pub(crate) use reworded::find_reworded;
use std::sync::OnceLock;
pub(crate) use wrapped::{RunsOn, find_across, goes_on};

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
pub(crate) enum Part {
    Literal(&'static [u8]),
    Hole,
}

/// A folded template read into its literal parts and placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
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
    pub(crate) fn find_in(&self, text: &[u8]) -> Option<(usize, usize)> {
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
pub(crate) fn templates() -> &'static [Template] {
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

/// Where a quote of message `i` that matched its first `matched` bytes
/// ends: the whole message, or the last whole word of a prefix that names
/// the message's code alone (`MESSAGES_PREFIX`, built by the build script).
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

/// Keeps a quote found at `start..end` of a text, one per code (the
/// leftmost, then the longest, whichever order the texts are tried in),
/// when it stands whole: a quote neither starts nor ends inside a word.
fn keep(found: &mut Vec<(u32, usize, usize)>, text: &[u8], code: u32, start: usize, end: usize) {
    let runs_on = |inner: usize, outer: Option<usize>| {
        text[inner].is_ascii_alphanumeric()
            && outer
                .and_then(|i| text.get(i))
                .is_some_and(u8::is_ascii_alphanumeric)
    };
    let whole = !runs_on(start, start.checked_sub(1)) && !runs_on(end - 1, Some(end));
    if !whole {
        return;
    }
    match found.iter_mut().find(|f| f.0 == code) {
        Some(kept) if (start, std::cmp::Reverse(end)) < (kept.1, std::cmp::Reverse(kept.2)) => {
            *kept = (code, start, end);
        }
        Some(_) => {}
        None => found.push((code, start, end)),
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
        if least > folded.len() {
            continue;
        }
        // Each place: the first may run into a word where a later one
        // stands whole.
        for at in memchr::memmem::find_iter(&folded, &m[..least]) {
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
/// anchor matches has the line folded for it. A message's quote may begin
/// on the `previous` line; one that the line's end cuts before it says
/// enough is added to `runs_on`.
pub(crate) fn find_quotes_at(
    text: &[u8],
    previous: &[u8],
    words: &[(usize, usize)],
    buffers: &mut FoldBuffers,
    runs_on: &mut Vec<RunsOn>,
) -> Vec<(u32, usize, usize)> {
    let mut found = Vec::new();
    let mut folded_yet = false;
    let index = quote_words();
    for &(at, word) in words {
        // The folded bytes after the word in the line, to compare with
        // each place's at one look.
        let word_end = at + index.words[word].len();
        let (next, next_len) = pack_folded(text, word_end);
        let places = &index.places[word];
        let ends_line = text[word_end..].trim_ascii().is_empty();
        for place in places.may_follow(next, next_len, ends_line) {
            let (quoted, offset) = (place.text, place.offset);
            let literal = quoted.bytes();
            let (before, start) = fold::common_suffix(text, at, &literal[..offset]);
            // A message may begin on the line before, which wrapped it.
            let head = &literal[..offset - before];
            let message = matches!(quoted, Text::Message(_));
            if !(head.is_empty() || message && wrapped::began_before(text, start, previous, head)) {
                continue;
            }
            match quoted {
                Text::Message(i) => {
                    let (matched, end) = fold::common_prefix(text, at, &literal[offset..]);
                    let cut = is_cut(&text[end..]);
                    let quoted_end = quoted_end(i, offset + matched)
                        .or_else(|| cut.then(|| cut_end(i, offset + matched)).flatten());
                    let Some(quoted_end) = quoted_end else {
                        let run = RunsOn {
                            message: i,
                            matched: offset + matched,
                        };
                        if text[end..].trim_ascii().is_empty()
                            && run.matched >= wrapped::MIN_RUN
                            && runs_on.len() < wrapped::MAX_RUNS_ON
                        {
                            runs_on.push(run);
                        }
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
pub(crate) fn find_quote_words(text: &[u8]) -> Vec<(usize, usize)> {
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
pub(crate) fn starts_word(text: &[u8], at: usize) -> bool {
    at == 0 || !text[at - 1].is_ascii_alphanumeric()
}

/// Every quoted message in a line, the way a scan finds them.
pub fn find_quotes_in_line(text: &[u8], buffers: &mut FoldBuffers) -> Vec<(u32, usize, usize)> {
    find_quotes_at(text, &[], &find_quote_words(text), buffers, &mut Vec::new())
}

/// Maps a folded range back to the text's bytes.
fn to_text_range(text: &[u8], positions: &[usize], start: usize, end: usize) -> (usize, usize) {
    let last = positions[end - 1];
    // A typographic quote folds from its three bytes; anything else from
    // one (a run of white space is cut at its first byte). A lone E2 byte
    // at the end of a line is not a quote.
    let last_len = match fold::fold_next(text, last) {
        Some((b, next)) if b != b' ' => next - last,
        _ => 1,
    };
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
    fn a_template_filled_up_to_a_lone_quote_byte_ends_inside_the_line() {
        // E2 starts a typographic quote only when 80 and a quote byte
        // follow; at a line's end it is one byte like any other.
        for tail in [&b"\xE2"[..], b".\xE2", b"\xE2\x80"] {
            let mut line =
                b"Account with that email already exists.  Please choose another email".to_vec();
            line.extend_from_slice(tail);
            let found = find_quotes(&line);
            let (code, start, end) = found
                .iter()
                .copied()
                .find(|f| f.0 == 2001)
                .expect("the template matches");
            assert_eq!((code, start), (2001, 0));
            assert!(end <= line.len(), "{end} past {} for {tail:?}", line.len());
        }
        let curly = "He said \u{201c}Account with that email already exists.  Please choose another email\u{201d}";
        let (_, _, end) = find_quotes(curly.as_bytes())[0];
        assert!(curly.is_char_boundary(end));
    }

    #[test]
    fn a_quote_stopped_where_its_prefix_names_the_code_is_found_in_a_line() {
        // The prefix "you cannot link two accounts that" names 7504; what
        // follows it in the line differs from the message.
        for line in [
            "He said: \"You cannot link two Accounts that\" and stopped",
            "You cannot link two Accounts that)are in the same Directory.",
        ] {
            let found = find_quotes_in_line(line.as_bytes(), &mut FoldBuffers::default());
            let at = line.find("You").unwrap();
            assert_eq!(found, [(7504, at, at + 33)], "{line}");
            assert_eq!(found, find_quotes(line.as_bytes()), "both strategies agree");
        }
    }

    #[test]
    fn a_code_quoted_twice_in_a_line_is_kept_at_its_leftmost_quote() {
        let line = b"The specified Account Store is already mapped to the Organization. \
                     Please choose another Account Store to map.";
        let found = find_quotes_in_line(line, &mut FoldBuffers::default());
        assert_eq!(
            found.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
            [(4604, 0)]
        );
        assert_eq!(found, find_quotes(line), "both strategies agree");
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
