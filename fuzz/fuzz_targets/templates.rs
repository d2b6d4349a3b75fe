//! The template matcher: never a panic, and every match lies inside the
//! text, on both strategies.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sperr::templates;

fuzz_target!(|data: &[u8]| {
    let found = templates::find_quotes(data);
    for &(_, start, end) in &found {
        assert!(start < end && end <= data.len());
    }
    let mut buffers = templates::FoldBuffers::default();
    let mut scanned = templates::find_quotes_in_line(data, &mut buffers);
    let mut short = found.clone();
    scanned.sort();
    short.sort();
    assert_eq!(scanned, short, "both strategies agree");
});
