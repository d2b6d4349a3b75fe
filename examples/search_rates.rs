//! The search's rates on the query sets of tests/data: top-1, top-3 and
//! MRR for each answerable set, and how many unanswerable questions get no
//! answer. With `--scores`, each query's rank and best score, for choosing
//! the answer threshold.
//!
//! cargo run --release --example search_rates [-- --scores]

use sperr::search;
use std::collections::BTreeSet;
use std::io::Write;

const ANSWERABLE: [&str; 3] = [
    "search-own-dev.tsv",
    "search-own-paraphrases-dev.tsv",
    "search-blind-dev.tsv",
];
const UNANSWERABLE: &str = "search-unanswerable-blind-dev.tsv";

fn rows(set: &str) -> Vec<(String, BTreeSet<u32>)> {
    let path = format!("{}/tests/data/{set}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (text, codes) = l.split_once('\t').unwrap_or((l, ""));
            let codes = codes
                .split(',')
                .filter_map(|c| c.trim().parse().ok())
                .collect();
            (text.to_string(), codes)
        })
        .collect()
}

fn main() -> std::io::Result<()> {
    let scores = std::env::args().any(|a| a == "--scores");
    let mut out = std::io::stdout().lock();
    writeln!(out, "set\tqueries\ttop-1\ttop-3\tMRR\trefused")?;
    for set in ANSWERABLE.into_iter().chain([UNANSWERABLE]) {
        let queries = rows(set);
        let (mut first, mut top3, mut reciprocal, mut refused) = (0, 0, 0.0, 0);
        for (query, wanted) in &queries {
            let hits = search::search(query, 0);
            let rank = hits.iter().position(|h| wanted.contains(&h.entry.code));
            first += usize::from(rank == Some(0));
            top3 += usize::from(rank.is_some_and(|r| r < 3));
            reciprocal += rank.map_or(0.0, |r| 1.0 / (r + 1) as f64);
            refused += usize::from(hits.is_empty());
            if scores {
                let best = search::ranked(query, None);
                writeln!(
                    out,
                    "#\t{set}\t{query}\t{}\t{:.3}\t{:?}",
                    rank.map_or("-".to_string(), |r| (r + 1).to_string()),
                    best.first().map_or(0.0, |h| h.score),
                    best.iter()
                        .take(3)
                        .map(|h| h.entry.code)
                        .collect::<Vec<_>>(),
                )?;
            }
        }
        let n = queries.len() as f64;
        writeln!(
            out,
            "{set}\t{}\t{:.1}%\t{:.1}%\t{:.3}\t{refused}",
            queries.len(),
            100.0 * first as f64 / n,
            100.0 * top3 as f64 / n,
            reciprocal / n,
        )?;
    }
    Ok(())
}
