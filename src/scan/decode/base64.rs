//! Base64 runs: at least 24 characters of the standard or URL-safe
//! alphabet, with upper- and lower-case letters and digits, that decode to
//! mostly printable UTF-8 (a gateway's response body, a JWT's segments, a
//! `data:…;base64,` URL). Hex hashes, UUIDs and identifiers fail the first
//! test, random bytes the last.

use super::View;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD_INDIFFERENT, URL_SAFE_NO_PAD_INDIFFERENT};

/// The shortest run worth decoding.
const MIN_RUN: usize = 24;

pub(crate) fn view(line: &[u8]) -> Option<View> {
    let mut view = View::new("base64");
    let mut changed = false;
    let mut at = 0;
    while at < line.len() {
        let end = at + line[at..].iter().take_while(|b| is_alphabet(**b)).count();
        // Padding belongs to the run.
        let padded = end
            + line[end..]
                .iter()
                .take(2)
                .take_while(|&&b| b == b'=')
                .count();
        match decode(&line[at..end]) {
            Some(decoded) => {
                view.push(&decoded, at);
                changed = true;
            }
            None => {
                view.text.extend_from_slice(&line[at..padded]);
                view.origin.extend(at..padded);
            }
        }
        at = padded;
        if at < line.len() && !is_alphabet(line[at]) {
            view.push(&line[at..=at], at);
            at += 1;
        }
    }
    changed.then_some(view)
}

fn is_alphabet(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"+/-_".contains(&b)
}

/// The text a run encodes, if it is one.
fn decode(run: &[u8]) -> Option<Vec<u8>> {
    if run.len() < MIN_RUN
        || !run.iter().any(u8::is_ascii_digit)
        || !run.iter().any(u8::is_ascii_uppercase)
        || !run.iter().any(u8::is_ascii_lowercase)
    {
        return None;
    }
    // A length of 4n+1 cannot be base64; the last character is a stray.
    let run = if run.len() % 4 == 1 {
        &run[..run.len() - 1]
    } else {
        run
    };
    let url_safe = run.iter().any(|b| b"-_".contains(b));
    let engine = if url_safe {
        &URL_SAFE_NO_PAD_INDIFFERENT
    } else {
        &STANDARD_NO_PAD_INDIFFERENT
    };
    let decoded = engine.decode(run).ok()?;
    mostly_printable(&decoded).then_some(decoded)
}

/// Whether nine in ten characters are printable UTF-8 (line breaks and tabs
/// count as printable).
fn mostly_printable(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() && !matches!(c, '\n' | '\r' | '\t') {
                bad += 1;
            } else {
                good += 1;
            }
        }
        bad += chunk.invalid().len();
    }
    good > 0 && bad * 10 <= good
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(line: &str) -> Option<String> {
        crate::scan::decode::decoded_text(view, line)
    }

    #[test]
    fn a_body_in_base64_is_read_as_text() {
        // {"status":409,"code":2001}
        assert_eq!(
            decoded("gateway body=eyJzdGF0dXMiOjQwOSwiY29kZSI6MjAwMX0= end").unwrap(),
            r#"gateway body={"status":409,"code":2001} end"#
        );
    }

    #[test]
    fn jwt_segments_are_base64url() {
        // {"alg":"HS256"}.{"err":"Error 7100 ü"}.signature
        let header = URL_SAFE_NO_PAD_INDIFFERENT.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD_INDIFFERENT.encode("{\"err\":\"Error 7100 \u{fc}\u{ff}\"}");
        let line = format!("Bearer {header}.{payload}.c2lnbmF0dXJl");
        let text = decoded(&line).unwrap();
        assert!(text.contains(r#"{"err":"Error 7100 üÿ"}"#), "{text}");
    }

    #[test]
    fn hashes_uuids_and_identifiers_are_left_alone() {
        for line in [
            "sha 9b41e050208d9f71aa07c1d2e3f4a5b6c7d8e9f0",
            "request 123e4567-e89b-12d3-a456-426614174000",
            "at AbstractAuthenticationProcessingFilter.doFilter",
            "short eyJhIjoxfQ",
        ] {
            assert_eq!(decoded(line), None, "{line}");
        }
    }

    #[test]
    fn random_bytes_are_not_text() {
        let noise: Vec<u8> = (0..60u32).map(|i| (i * 97 + 13) as u8).collect();
        let line = format!("blob {}", STANDARD_NO_PAD_INDIFFERENT.encode(noise));
        assert_eq!(decoded(&line), None);
    }
}
