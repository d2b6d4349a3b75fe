//! Properties that hold for every input, not just the ones we thought of.

// The common harness; these properties run no sperr and read no file.
mod common;

use proptest::prelude::*;
use sperr::catalog::{self, Selector, parse_selector};
use sperr::scan;

proptest! {
    #[test]
    fn a_code_formatted_and_parsed_back_is_the_same_code(code in 1u32..1_000_000) {
        for form in [
            code.to_string(),
            format!("Error {code}"),
            format!("error-{code}"),
            format!("#error-{code}"),
            format!("https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-{code}"),
            format!("http://docs.stormpath.com/errors/{code}"),
            format!("https://www.stormpath.com/docs/errors/{code}"),
        ] {
            prop_assert_eq!(parse_selector(&form), Ok(Selector::Code(code)), "{}", form);
        }
        prop_assert_eq!(Selector::Code(code).to_string(), code.to_string());
    }

    #[test]
    fn a_range_never_yields_a_code_outside_itself(low in 1000u32..14000, span in 0u32..3000) {
        let high = low + span;
        let selector = parse_selector(&format!("{low}-{high}")).unwrap();
        for entry in selector.entries() {
            prop_assert!((low..=high).contains(&entry.code));
        }
        let all = catalog::entries().iter().filter(|e| (low..=high).contains(&e.code)).count();
        prop_assert_eq!(selector.entries().len(), all);
    }

    #[test]
    fn a_pattern_never_yields_a_code_outside_itself(prefix in "[1-9][0-9]{0,3}", wild in 1usize..3, star in any::<bool>()) {
        let text = if star { format!("{prefix}*") } else { format!("{prefix}{}", "x".repeat(wild)) };
        let Ok(selector) = parse_selector(&text) else { return Ok(()) };
        for entry in selector.entries() {
            let code = entry.code.to_string();
            prop_assert!(code.starts_with(&prefix), "{} from {}", code, text);
            if !star {
                prop_assert_eq!(code.len(), prefix.len() + wild);
            }
        }
    }

    #[test]
    fn the_scanner_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = scan::scan_text(&bytes);
    }

    #[test]
    fn reported_positions_point_at_the_reported_text(pieces in proptest::collection::vec(piece(), 0..40)) {
        let text: Vec<u8> = pieces.concat();
        let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
        for hit in scan::scan_text(&text) {
            let line = lines[hit.line - 1];
            let from = &line[hit.column - 1..];
            // A hit in a decoded view (`\"code\": 1900` read as JSON's
            // string) quotes the decoded text: its column points into the
            // line, as fuzz/checks.rs asserts.
            if !hit.decoded.is_empty() {
                prop_assert!(!from.is_empty(), "{:?}", hit);
                continue;
            }
            let shown = scan::escape(&from[..from.len().min(hit.text.len())]);
            prop_assert!(shown.starts_with(&hit.text), "{:?} at {}:{} in {:?}", hit.text, hit.line, hit.column, String::from_utf8_lossy(line));
            if hit.via == scan::Via::Number {
                prop_assert!(hit.text.contains(&hit.code.to_string()) || hit.text.ends_with("#id1"));
            }
        }
    }
}

/// Pieces of tickets: context words, numbers, separators, messages, noise.
fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(b"error ".to_vec()),
        Just(b"Stormpath ".to_vec()),
        Just(b"\"code\": ".to_vec()),
        Just(b"errorCode=".to_vec()),
        Just(b"https://docs.stormpath.com/errors/".to_vec()),
        Just(b", ".to_vec()),
        Just(b" and ".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"Code  Count\n".to_vec()),
        Just(
            "Login attempt failed because the Account is locked."
                .as_bytes()
                .to_vec()
        ),
        Just(
            "Account with that email already exists.  Please choose another email."
                .as_bytes()
                .to_vec()
        ),
        Just("’“”é\u{1b}[31m".as_bytes().to_vec()),
        (1000u32..14000).prop_map(|n| n.to_string().into_bytes()),
        (0u32..99).prop_map(|n| n.to_string().into_bytes()),
        proptest::collection::vec(any::<u8>(), 0..6),
    ]
}

/// The case the property first failed on: an escaped JSON key read in a
/// decoded view, whose hit quotes the decoded text.
#[test]
fn a_hit_in_a_decoded_view_points_into_its_line() {
    let line = b"\\\"code\": 1900, ";
    let hits = scan::scan_text(line);
    assert_eq!(hits.len(), 1);
    assert!(!hits[0].decoded.is_empty());
    assert!(hits[0].column <= line.len());
}
