//! The search query path: never a panic, scores finite and in order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let hits = sperr::search::search(&query, 10);
    assert!(hits.len() <= 10);
    assert!(hits.iter().all(|h| h.score.is_finite() && h.score > 0.0));
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    if hits.is_empty() {
        let _ = sperr::search::suggestions(&query);
    }
});
