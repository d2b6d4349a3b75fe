//! Quoted messages: recognising a catalog message, or one of the server's
//! templates filled in, in a line of text.
//!
//! "Account with that username already exists.  Please choose another
//! username." is template `{0} with that {1} already exists.  Please choose
//! another {1}.` of 2001. Literal parts must match (folded for case,
//! spacing and quotes); each placeholder takes one to `MAX_HOLE_WORDS`
//! words. The texts are folded and filtered at build time (build.rs).

use crate::fold::{HOLE, fold, fold_into};
use aho_corasick::AhoCorasick;
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
/// No quote or filled template is shorter than this (build.rs keeps
/// messages of 24 bytes and more, templates with 16 of literal text).
const MIN_QUOTE: usize = 16;

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

/// Automata for scans: one over the messages, one over the templates'
/// anchors. Built on first use, by scans only.
struct Automata {
    messages: AhoCorasick,
    anchors: AhoCorasick,
}

fn automata() -> &'static Automata {
    static AUTOMATA: OnceLock<Automata> = OnceLock::new();
    AUTOMATA.get_or_init(|| Automata {
        // They run only on the lines a scan's prefilter lets through, so
        // the quick-to-build default kind serves better than a DFA.
        messages: AhoCorasick::new((0..data::MESSAGES_CODES.len()).map(message))
            .expect("the message automaton builds"),
        anchors: AhoCorasick::new(templates().iter().map(Template::anchor))
            .expect("the template automaton builds"),
    })
}

/// Words that every quote of some message or template holds (in any case):
/// a line with none of them quotes nothing, so a scan can pass it by. For
/// each text, its word that the fewest texts share (the longest of those):
/// common words would let most lines of a log through.
pub fn quote_words() -> Vec<&'static [u8]> {
    let mut texts: Vec<&'static [u8]> = (0..data::MESSAGES_CODES.len()).map(message).collect();
    texts.extend(templates().iter().map(Template::anchor));
    let mut shared: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
    for text in &texts {
        let mut seen: Vec<&[u8]> = words(text).collect();
        seen.sort();
        seen.dedup();
        for w in seen {
            *shared.entry(w).or_default() += 1;
        }
    }
    let mut chosen: Vec<&'static [u8]> = texts
        .iter()
        .map(|text| {
            let candidates = words(text).filter(|w| w.len() >= MIN_QUOTE_WORD);
            let rarest = candidates.min_by_key(|w| (shared[w], std::cmp::Reverse(w.len())));
            rarest.unwrap_or_else(|| longest_word(text))
        })
        .collect();
    chosen.sort();
    chosen.dedup();
    chosen
}

/// The shortest word that `quote_words` picks when a text has a longer one.
const MIN_QUOTE_WORD: usize = 5;

/// The words of a folded text: runs with no space or quote in them.
fn words(folded: &'static [u8]) -> impl Iterator<Item = &'static [u8]> {
    folded
        .split(|&b| matches!(b, b' ' | b'\'' | b'"' | HOLE))
        .filter(|w| !w.is_empty())
}

/// The longest run of a folded text with no space or quote in it: any line
/// that quotes the text holds it as it is, but for case, since folding only
/// lowers case and touches spaces and quotes.
fn longest_word(folded: &'static [u8]) -> &'static [u8] {
    folded
        .split(|b| matches!(b, b' ' | b'\'' | b'"'))
        .max_by_key(|w| w.len())
        .unwrap_or_default()
}

/// How to look for quotes: with automata built once and used on many
/// lines (a scan), or by trying each text in turn (one short query, where
/// building the automata would cost more than the search).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strategy {
    Automata,
    EachText,
}

/// Every quoted message in a folded text: (code, start, end), in folded
/// coordinates, one per code.
pub fn find_in_folded(folded: &[u8], strategy: Strategy) -> Vec<(u32, usize, usize)> {
    let mut found: Vec<(u32, usize, usize)> = Vec::new();
    if folded.len() < MIN_QUOTE {
        return found;
    }
    let mut add = |code: u32, start: usize, end: usize| {
        if !found.iter().any(|f| f.0 == code) {
            found.push((code, start, end));
        }
    };
    let mut candidates: Vec<usize> = Vec::new();
    match strategy {
        Strategy::EachText => {
            for (i, &code) in data::MESSAGES_CODES.iter().enumerate() {
                let m = message(i);
                if m.len() <= folded.len()
                    && let Some(at) = memchr::memmem::find(folded, m)
                {
                    add(code, at, at + m.len());
                }
            }
            candidates.extend(
                templates()
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| t.anchor().len() <= folded.len())
                    .map(|(i, _)| i),
            );
        }
        Strategy::Automata => {
            let automata = automata();
            for m in automata.messages.find_iter(folded) {
                add(
                    data::MESSAGES_CODES[m.pattern().as_usize()],
                    m.start(),
                    m.end(),
                );
            }
            for m in automata.anchors.find_iter(folded) {
                if !candidates.contains(&m.pattern().as_usize()) {
                    candidates.push(m.pattern().as_usize());
                }
            }
        }
    }
    for i in candidates {
        let template = &templates()[i];
        if let Some((start, end)) = template.find_in(folded) {
            add(template.code, start, end);
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

/// Every quoted message in a line of a scan: (code, start, end) in `text`'s
/// bytes.
pub fn find_quotes_in_line(text: &[u8], buffers: &mut FoldBuffers) -> Vec<(u32, usize, usize)> {
    fold_into(text, &mut buffers.folded, &mut buffers.positions);
    let found = find_in_folded(&buffers.folded, Strategy::Automata);
    to_text_positions(text, &buffers.positions, found)
}

/// Every quoted message in one short text, such as a search query.
pub fn find_quotes(text: &[u8]) -> Vec<(u32, usize, usize)> {
    let mut folded = Vec::new();
    let positions = fold(text, &mut folded);
    let found = find_in_folded(&folded, Strategy::EachText);
    to_text_positions(text, &positions, found)
}

/// Maps folded ranges back to the text's bytes.
fn to_text_positions(
    text: &[u8],
    positions: &[usize],
    found: Vec<(u32, usize, usize)>,
) -> Vec<(u32, usize, usize)> {
    found
        .into_iter()
        .map(|(code, start, end)| {
            let last = positions[end - 1];
            let last_len = if text[last] == 0xE2 { 3 } else { 1 };
            (code, positions[start], last + last_len)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold_template;

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
                let parts = crate::fold::literal_parts(server.text());
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
