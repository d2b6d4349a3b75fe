//! Reverse lookup: recognises the server's filled-in message templates.
//!
//! "Account with that username already exists.  Please choose another
//! username." is template `{0} with that {1} already exists.  Please choose
//! another {1}.` of 2001. Literal parts must match (folded for case, spacing
//! and quotes, as `scan::normalize` does); each placeholder takes one to
//! `MAX_HOLE_WORDS` words.

use crate::catalog;
use crate::scan::normalize;
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Most words a placeholder may stand for.
const MAX_HOLE_WORDS: usize = 6;
/// Most bytes a placeholder may stand for.
const MAX_HOLE_BYTES: usize = 80;
/// Templates with less literal text than this say too little to match.
const MIN_LITERAL: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Literal(Vec<u8>),
    Hole,
}

/// A template read into its literal parts and placeholders, folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub code: u32,
    pub parts: Vec<Part>,
}

/// Reads a template: `{0}`-style placeholders become holes, the rest is
/// folded literal text. A template's trailing period is optional in a quote.
pub fn parse(code: u32, text: &str) -> Template {
    let mut parts = Vec::new();
    let mut rest = text.trim().trim_end_matches('.');
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map(|c| open + c);
        let is_hole = close.is_some_and(|c| {
            c > open + 1 && rest[open + 1..c].bytes().all(|b| b.is_ascii_digit())
        });
        let Some(close) = close.filter(|_| is_hole) else {
            break;
        };
        push_literal(&mut parts, &rest[..open]);
        parts.push(Part::Hole);
        rest = &rest[close + 1..];
    }
    push_literal(&mut parts, rest);
    Template { code, parts }
}

fn push_literal(parts: &mut Vec<Part>, text: &str) {
    if text.is_empty() {
        return;
    }
    let mut folded = Vec::new();
    normalize(text.as_bytes(), &mut folded);
    parts.push(Part::Literal(folded));
}

impl Template {
    fn literal_len(&self) -> usize {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Literal(l) => l.len(),
                Part::Hole => 0,
            })
            .sum()
    }

    fn longest_literal(&self) -> &[u8] {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Literal(l) => Some(l.as_slice()),
                Part::Hole => None,
            })
            .max_by_key(|l| l.len())
            .unwrap_or_default()
    }

    fn has_hole(&self) -> bool {
        self.parts.contains(&Part::Hole)
    }

    /// Where in `text` (folded) this template matches, as a byte range.
    pub fn find_in(&self, text: &[u8]) -> Option<(usize, usize)> {
        let anchor = self.longest_literal();
        let mut from = 0;
        while let Some(at) = memchr::memmem::find(&text[from..], anchor).map(|a| a + from) {
            if let Some(found) = self.match_around(text, at) {
                return Some(found);
            }
            from = at + 1;
        }
        None
    }

    /// Tries the starts that could put the anchor literal at `anchor`.
    fn match_around(&self, text: &[u8], anchor: usize) -> Option<(usize, usize)> {
        let window_start = anchor.saturating_sub(MAX_HOLE_BYTES * 4);
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
        starts
            .into_iter()
            .find_map(|s| match_parts(&self.parts, text, s).map(|end| (s, end)))
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
            let mut words = 0;
            let mut end = at;
            while end < limit && words < MAX_HOLE_WORDS {
                // Take one more word.
                let word_end = end + text[end..limit].iter().take_while(|&&b| b != b' ').count();
                if word_end == end {
                    return None;
                }
                words += 1;
                end = word_end;
                if rest.is_empty() {
                    // A closing placeholder leaves the sentence's punctuation.
                    let kept = text[at..end].iter().rposition(|b| !b".,;:!?\"')".contains(b));
                    return kept.map(|k| at + k + 1);
                }
                if let Some(found) = match_parts(rest, text, end) {
                    return Some(found);
                }
                if text.get(end) != Some(&b' ') {
                    // A literal may follow a hole without a space (`''{0}''`).
                    return None;
                }
                end += 1;
            }
            None
        }
    }
}

struct Templates {
    templates: Vec<Template>,
    /// Finds each template's longest literal, so that only templates whose
    /// anchor is on the line are tried.
    anchors: AhoCorasick,
}

fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        let mut templates: Vec<Template> = catalog::entries()
            .iter()
            .flat_map(|e| e.server.iter().map(|s| parse(e.code, s.text)))
            .filter(|t| t.has_hole() && t.literal_len() >= MIN_LITERAL)
            .collect();
        templates.dedup();
        // A template that two codes share (7205 and 7206) names neither.
        let shared: Vec<Vec<Part>> = templates
            .iter()
            .filter(|t| templates.iter().any(|u| u.parts == t.parts && u.code != t.code))
            .map(|t| t.parts.clone())
            .collect();
        templates.retain(|t| !shared.contains(&t.parts));
        let anchors = AhoCorasick::new(templates.iter().map(|t| t.longest_literal()))
            .expect("the template anchors build");
        Templates { templates, anchors }
    })
}

/// Every code whose filled-in template a folded line holds, with where.
pub fn find(folded: &[u8]) -> Vec<(u32, usize, usize)> {
    let all = templates();
    let mut tried = Vec::new();
    let mut found = Vec::new();
    for m in all.anchors.find_overlapping_iter(folded) {
        let index = m.pattern().as_usize();
        if tried.contains(&index) {
            continue;
        }
        tried.push(index);
        let template = &all.templates[index];
        if found.iter().any(|&(code, _, _)| code == template.code) {
            continue;
        }
        if let Some((start, end)) = template.find_in(folded) {
            found.push((template.code, start, end));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> Vec<u8> {
        let mut out = Vec::new();
        normalize(text.as_bytes(), &mut out);
        out
    }

    #[test]
    fn placeholders_become_holes() {
        let t = parse(2001, "{0} with that {1} already exists.  Please choose another {1}.");
        assert_eq!(
            t.parts,
            [
                Part::Hole,
                Part::Literal(b" with that ".to_vec()),
                Part::Hole,
                Part::Literal(b" already exists. please choose another ".to_vec()),
                Part::Hole,
            ]
        );
    }

    #[test]
    fn a_filled_template_matches_and_literals_must_match() {
        let t = parse(2001, "{0} with that {1} already exists.  Please choose another {1}.");
        let line = fold("Error: Account with that email already exists.  Please choose another email.");
        let (start, end) = t.find_in(&line).expect("matches");
        assert_eq!(&line[start..end], b"account with that email already exists. please choose another email");
        assert_eq!(t.find_in(&fold("Account with that email already exists. Pick another")), None);
    }

    #[test]
    fn a_placeholder_takes_at_most_a_few_words() {
        let t = parse(2002, "{0} {1} is an invalid value.");
        assert!(t.find_in(&fold("Account email is an invalid value.")).is_some());
        assert_eq!(t.find_in(&fold(" is an invalid value.")), None);
    }
}
