//! How long scan's prefilter takes with nothing else around it: the text
//! lower-cased a block at a time, then packed (Teddy) searches for the
//! context triggers, the signs of an encoding and the quote words, as
//! `src/scan/recognise/prefilter.rs` builds them, every match taken.
//!
//! usage: cargo run --release -- CORPUS   (best of five, per arrangement)

use aho_corasick::packed::{Config, MatchKind, Searcher};
use std::time::Instant;

/// The context triggers and the signs of an encoding.
const TRIGGERS_AND_SIGNS: &[&str] = &[
    "err",
    "code",
    "stormpath",
    "status.",
    "eyj",
    "ewo",
    "ase64",
    "=3d",
    "=c2=a0",
    "=e2=80",
];

/// The quote words that `quotes::quote_words` chose on 2026-12-06.
const QUOTE_WORDS: &[&str] = &[
    "account",
    "specif",
    "direct",
    "invalid",
    "cannot",
    "value",
    "stormpath",
    "application",
    "occur",
    "request",
    "number",
    "unable",
    "organization",
    "property",
    "please",
    "token",
    "subscription",
    "email",
    "match",
    "submitted",
    "maximum",
    "minimum",
    "session",
    "failed",
    "malformed",
    "disabled",
    "already",
    "group",
    "authorization",
    "recognized",
    "challenge",
    "expansion",
    "incorrect",
    "potential",
    "statement",
    "linkedin",
    "deleted",
    "found",
];

/// The size of a block of lines that scan reads at a time.
const BLOCK: usize = 256 * 1024;

fn searcher(words: &[&str], fat: bool) -> Searcher {
    let mut config = Config::new();
    config.match_kind(MatchKind::LeftmostLongest);
    config.only_teddy_fat(Some(fat));
    let mut builder = config.builder();
    for word in words {
        builder.add(word);
    }
    builder.build().expect("the searcher builds")
}

/// Best of five: seconds, and the matches found.
fn time(text: &[u8], searches: &[Searcher]) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut found = 0;
    let mut lower = Vec::with_capacity(BLOCK);
    for _ in 0..5 {
        let start = Instant::now();
        found = 0;
        for block in text.chunks(BLOCK) {
            lower.clear();
            lower.extend(block.iter().map(u8::to_ascii_lowercase));
            for search in searches {
                let mut at = 0;
                while let Some(m) =
                    search.find_in(&lower, aho_corasick::Span::from(at..lower.len()))
                {
                    found += 1;
                    at = m.end();
                }
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, found)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prefilter-floor CORPUS");
    let text = std::fs::read(path).expect("the corpus reads");
    let all: Vec<&str> = TRIGGERS_AND_SIGNS
        .iter()
        .chain(QUOTE_WORDS)
        .copied()
        .collect();
    // The same words with first and last letters no text has there: what
    // the search costs where its patterns' first bytes never stand.
    let unmet: Vec<String> = QUOTE_WORDS
        .iter()
        .map(|w| format!("q{}j", &w[1..w.len() - 1]))
        .collect();
    let unmet: Vec<&str> = unmet.iter().map(String::as_str).collect();
    let rows: Vec<(&str, Vec<Searcher>)> = vec![
        ("lower-casing only", vec![]),
        (
            "triggers and signs (slim)",
            vec![searcher(TRIGGERS_AND_SIGNS, false)],
        ),
        ("quote words (fat)", vec![searcher(QUOTE_WORDS, true)]),
        ("quote words, unmet (fat)", vec![searcher(&unmet, true)]),
        ("all in one search (fat)", vec![searcher(&all, true)]),
        (
            "all, searches of 24 (fat)",
            all.chunks(24).map(|c| searcher(c, true)).collect(),
        ),
    ];
    let megabytes = text.len() as f64 / 1e6;
    for (name, searches) in rows {
        let (seconds, found) = time(&text, &searches);
        println!(
            "{name:28} {seconds:6.3} s {:8.0} MB/s {found:>9} matches",
            megabytes / seconds
        );
    }
}
