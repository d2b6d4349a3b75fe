//! How the fusion's weights and the answer threshold were chosen: for each
//! semantic weight and lexical half-score of a grid, the fused ranking's
//! top-1, top-3 and MRR on a development set, and the threshold that
//! declines 80% of its unanswerable questions, with how many answerable
//! ones it declines then. Never run it on a test set.
//!
//! usage: cargo run --release --example fusion_grid -- SET.tsv UNANSWERABLE.tsv

use sperr::catalog;

/// One query's two sides, before fusion.
struct Sides {
    wanted: Vec<u32>,
    lexical: Vec<f64>,
    semantic: Vec<f64>,
}

fn read(path: &str) -> Vec<(String, Vec<u32>)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("fusion_grid: {path}: {e}");
        std::process::exit(2);
    });
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut fields = l.split('\t');
            let query = fields.next().unwrap_or_default().to_string();
            let wanted = fields
                .next()
                .map(|c| c.split(',').filter_map(|c| c.trim().parse().ok()).collect())
                .unwrap_or_default();
            (query, wanted)
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [set, unanswerable] = &args[..] else {
        eprintln!("usage: fusion_grid SET.tsv UNANSWERABLE.tsv");
        std::process::exit(2);
    };
    let sides: Vec<Sides> = read(set)
        .into_iter()
        .chain(read(unanswerable).into_iter().map(|(q, _)| (q, Vec::new())))
        .map(|(query, wanted)| {
            let (lexical, semantic) = sperr::search::sides(&query);
            let semantic = semantic.expect("a build with the model");
            Sides {
                wanted,
                lexical,
                semantic,
            }
        })
        .collect();
    let entries = catalog::entries();
    println!("weight half  top-1  top-3   MRR  threshold  answerable declined");
    for weight in [0.5, 0.6, 0.7, 0.8, 0.9] {
        for half in [5.0, 10.0, 20.0] {
            let fused = |s: &Sides, i: usize| {
                let lexical = s.lexical[i] / (s.lexical[i] + half);
                (weight * s.semantic[i].clamp(0.0, 1.0) + (1.0 - weight) * lexical).max(lexical)
            };
            let (mut first, mut top3, mut mrr, mut answerable) = (0, 0, 0.0, 0);
            let mut best_answerable = Vec::new();
            let mut best_unanswerable = Vec::new();
            for s in &sides {
                let mut order: Vec<usize> = (0..entries.len()).collect();
                order.sort_by(|&a, &b| fused(s, b).total_cmp(&fused(s, a)));
                let best = fused(s, order[0]);
                if s.wanted.is_empty() {
                    best_unanswerable.push(best);
                    continue;
                }
                answerable += 1;
                best_answerable.push(best);
                if let Some(rank) = order
                    .iter()
                    .position(|&i| s.wanted.contains(&entries[i].code))
                {
                    first += usize::from(rank == 0);
                    top3 += usize::from(rank < 3);
                    mrr += 1.0 / (rank + 1) as f64;
                }
            }
            best_unanswerable.sort_by(f64::total_cmp);
            let at = (best_unanswerable.len() * 4).div_ceil(5).saturating_sub(1);
            let threshold = best_unanswerable.get(at).copied().unwrap_or(0.0) + 1e-9;
            let declined = best_answerable.iter().filter(|&&b| b < threshold).count();
            let share = |n: usize| 100.0 * n as f64 / answerable.max(1) as f64;
            println!(
                "{weight:6.1} {half:4.0} {:5.1}% {:5.1}% {:5.3} {threshold:10.3} {declined:4} ({:.1}%)",
                share(first),
                share(top3),
                mrr / answerable.max(1) as f64,
                share(declined),
            );
        }
    }
}
