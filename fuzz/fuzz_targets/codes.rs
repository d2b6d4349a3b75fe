//! The parsing of codes, ranges, patterns and category names: never a
//! panic, and whatever it accepts names only codes inside itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sperr::catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(selector) = catalog::parse_selector(text) {
        for entry in selector.entries() {
            assert!(selector.contains(entry.code), "{selector} named {}", entry.code);
        }
        if let catalog::Selector::Code(code) = selector {
            let _ = catalog::nearest(code);
        }
    }
    let _ = catalog::find_category(text);
    let _ = catalog::code_in_url(text);
});
