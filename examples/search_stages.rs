//! Where a search's time goes, in one cold process: the model's blobs
//! viewed in place, the query tokenized, the encoder run, the catalog's
//! stored embeddings compared; then the whole fused ranking again, lexical
//! side included, with the model's pages now warm. `bench/search-latency`
//! runs it many times and takes medians.
//!
//! usage: cargo run --release --example search_stages -- QUERY

use std::time::Instant;

fn main() {
    let query = std::env::args().nth(1).unwrap_or_else(|| {
        "hi, since this morning the app keeps saying my password is wrong \
         although I reset it twice already today, please"
            .to_string()
    });
    let micros = |t: Instant| t.elapsed().as_secs_f64() * 1e6;

    let start = Instant::now();
    let Some(embedder) = sperr::search::semantic::embedder() else {
        eprintln!("search_stages: the model does not load");
        std::process::exit(1);
    };
    let load = micros(start);

    let start = Instant::now();
    let ids = embedder.token_ids(&query);
    let tokenize = micros(start);

    let start = Instant::now();
    let mut scratch = minilm::Scratch::default();
    let vector = embedder.model.embed_ids(&ids, &mut scratch, None);
    let encode = micros(start);

    let start = Instant::now();
    let (_, stored) = sperr::search::semantic::stored().expect("the store reads");
    let best = stored
        .iter()
        .map(|s| {
            s.vector()
                .iter()
                .zip(&vector)
                .map(|(a, b)| a * b)
                .sum::<f32>()
        })
        .fold(f32::MIN, f32::max);
    let compare = micros(start);

    let start = Instant::now();
    let hits = sperr::search::answers(sperr::search::ranked(&query, None).hits);
    let whole = micros(start);

    println!(
        "tokens={} load_us={load:.0} tokenize_us={tokenize:.0} encode_us={encode:.0} \
         compare_us={compare:.0} ranked_again_us={whole:.0} best={best:.3} answers={}",
        ids.len(),
        hits.len()
    );
}
