//! Search and scan against sperr's own annotated sets, written the way the
//! development sets in ../shared/eval are: the rates are the goals.

use sperr::scan;
use sperr::search;
use std::collections::BTreeSet;
use std::path::Path;

fn data(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path);
    std::fs::read_to_string(path).unwrap()
}

/// (text, codes) rows of a tab-separated set, comments skipped.
fn rows(text: &str) -> Vec<(String, BTreeSet<u32>)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (text, codes) = l.split_once('\t').unwrap_or((l, ""));
            let codes = codes
                .split(',')
                .filter(|c| !c.trim().is_empty())
                .map(|c| c.trim().parse().unwrap())
                .collect();
            (text.to_string(), codes)
        })
        .collect()
}

/// Top-1 and top-3 rates of search over a query set, and the misses.
fn search_rates(set: &str) -> (f64, f64, String) {
    let queries = rows(&data(set));
    assert!(queries.len() >= 30, "{set} has {} queries", queries.len());
    let (mut first, mut top3) = (0, 0);
    let mut misses = Vec::new();
    for (query, wanted) in &queries {
        let ranked: Vec<u32> = search::search(query, 10)
            .iter()
            .map(|h| h.entry.code)
            .collect();
        let rank = ranked.iter().position(|c| wanted.contains(c));
        first += usize::from(rank == Some(0));
        top3 += usize::from(rank.is_some_and(|r| r < 3));
        if rank != Some(0) {
            misses.push(format!(
                "{query:?}: want {wanted:?}, got {:?}",
                &ranked[..ranked.len().min(3)]
            ));
        }
    }
    let n = queries.len() as f64;
    (first as f64 / n, top3 as f64 / n, misses.join("\n"))
}

#[test]
fn search_ranks_the_right_code_first_for_nine_in_ten_queries() {
    let (first, top3, misses) = search_rates("search-queries.tsv");
    assert!(first >= 0.90, "top-1 {first:.2}; misses:\n{misses}");
    assert!(top3 >= 0.97, "top-3 {top3:.2}; misses:\n{misses}");
}

#[test]
fn search_holds_up_on_paraphrases() {
    let (first, top3, misses) = search_rates("search-paraphrases.tsv");
    assert!(first >= 0.65, "top-1 {first:.2}; misses:\n{misses}");
    assert!(top3 >= 0.90, "top-3 {top3:.2}; misses:\n{misses}");
}

#[test]
fn scan_finds_the_codes_of_every_ticket_and_nothing_else() {
    let expected = rows(&data("tickets/expected.tsv"));
    assert!(expected.len() >= 25);
    let (mut found, mut false_hits, mut missed) = (0, 0, 0);
    let mut wrong = Vec::new();
    for (file, wanted) in &expected {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/tickets")
            .join(file);
        let text = std::fs::read(&path).unwrap();
        let codes: BTreeSet<u32> = scan::scan_text(&text)
            .iter()
            .filter(|h| h.entry.is_some())
            .map(|h| h.code)
            .collect();
        found += codes.intersection(wanted).count();
        false_hits += codes.difference(wanted).count();
        missed += wanted.difference(&codes).count();
        if &codes != wanted {
            wrong.push(format!("{file}: want {wanted:?}, found {codes:?}"));
        }
    }
    let precision = found as f64 / (found + false_hits).max(1) as f64;
    let recall = found as f64 / (found + missed).max(1) as f64;
    assert_eq!(precision, 1.0, "{}", wrong.join("\n"));
    assert!(recall >= 0.97, "recall {recall:.2}\n{}", wrong.join("\n"));
}

#[test]
fn unknown_codes_in_context_are_reported_unknown() {
    let text = data("tickets/t13-unknown-code.txt");
    let hits = scan::scan_text(text.as_bytes());
    assert!(hits.iter().any(|h| h.code == 5115 && h.entry.is_none()));
}
