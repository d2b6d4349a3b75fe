//! The scanner and explain's stdin reader: never a panic, and every hit's
//! line and column point at its text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let hits = sperr::scan::scan_text("fuzz", data);
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    for hit in &hits {
        let line = lines[hit.line - 1];
        let at = &line[hit.column - 1..];
        let escaped = sperr::scan::escape(&at[..at.len().min(hit.text.len() * 4 + 4)]);
        assert!(escaped.starts_with(&hit.text) || hit.text.contains('\u{fffd}'), "{hit:?}");
    }
    let _ = sperr::body::find(&String::from_utf8_lossy(data));
});
