//! The search's rates on the development sets of tests/data: top-1, top-3
//! and MRR for each answerable set, and how many unanswerable questions get
//! no answer. With `--scores`, each query's rank and best score, for
//! choosing the answer threshold. The test sets are left out: they are
//! scored by tests/quality.rs, never tuned on (tests/data/README.md).
//!
//! cargo run --release --example search_rates [-- --scores]

#[path = "../tests/common/sets.rs"]
mod sets;

use sets::rows;
use sperr::search;
use std::io::Write;

fn main() -> std::io::Result<()> {
    let scores = std::env::args().any(|a| a == "--scores");
    let mut out = std::io::stdout().lock();
    writeln!(out, "set\tqueries\ttop-1\ttop-3\tMRR\trefused")?;
    for set in sets::SEARCH_ANSWERABLE_DEV.into_iter().chain([
        sets::SEARCH_BLIND2_DEV,
        sets::SEARCH_UNANSWERABLE_BLIND_DEV,
        sets::SEARCH_UNANSWERABLE_BLIND2_DEV,
    ]) {
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
                let best = search::ranked(query, None).hits;
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
