//! Folding text for verbatim matching of quoted messages: ASCII lower case,
//! each run of white space one space, typographic quotes plain.
//!
//! Shared by `build.rs`, which folds the catalog's messages and the server's
//! templates once, and by the scanner, which folds each line it reads.

/// Marks a placeholder in a folded template.
pub const HOLE: u8 = 0;

/// Folds `text` into `out`; returns, for each byte of `out`, where it came
/// from in `text`.
pub fn fold(text: &[u8], out: &mut Vec<u8>) -> Vec<usize> {
    let mut positions = Vec::with_capacity(text.len());
    fold_into(text, out, &mut positions);
    positions
}

/// The same, into buffers the caller keeps from line to line.
pub fn fold_into(text: &[u8], out: &mut Vec<u8>, positions: &mut Vec<usize>) {
    out.clear();
    positions.clear();
    let mut i = 0;
    while i < text.len() {
        let b = text[i];
        if b.is_ascii_whitespace() {
            if out.last() != Some(&b' ') {
                out.push(b' ');
                positions.push(i);
            }
            i += 1;
            continue;
        }
        // ’ ‘ (E2 80 98/99) and “ ” (E2 80 9C/9D)
        if b == 0xE2 && text.get(i + 1) == Some(&0x80) {
            let folded = match text.get(i + 2) {
                Some(0x98 | 0x99) => Some(b'\''),
                Some(0x9C | 0x9D) => Some(b'"'),
                _ => None,
            };
            if let Some(f) = folded {
                out.push(f);
                positions.push(i);
                i += 3;
                continue;
            }
        }
        // A NUL in the input must never pass for a placeholder.
        out.push(if b == HOLE {
            b' '
        } else {
            b.to_ascii_lowercase()
        });
        positions.push(i);
        i += 1;
    }
}

/// A message as a quote of it is matched: folded, without its closing
/// period (a quote often drops it).
pub fn fold_quote(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    fold(text.trim().trim_end_matches('.').as_bytes(), &mut out);
    out
}

/// A server template folded the same way, each `{0}`-style placeholder
/// replaced by one `HOLE` byte.
pub fn fold_template(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, literal) in literal_parts(text.trim().trim_end_matches('.'))
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            out.push(HOLE);
        }
        let mut folded = Vec::new();
        fold(literal.as_bytes(), &mut folded);
        out.extend_from_slice(&folded);
    }
    out
}

/// The literal text between a template's `{0}`-style placeholders: one more
/// part than there are placeholders.
pub fn literal_parts(template: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = template;
    let mut from = 0;
    while let Some(open) = rest[from..].find('{').map(|i| i + from) {
        let close = rest[open..].find('}').map(|c| open + c);
        match close {
            Some(close)
                if close > open + 1
                    && rest[open + 1..close].bytes().all(|b| b.is_ascii_digit()) =>
            {
                parts.push(&rest[..open]);
                rest = &rest[close + 1..];
                from = 0;
            }
            _ => from = open + 1,
        }
    }
    parts.push(rest);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_spacing_and_quotes() {
        let mut out = Vec::new();
        let positions = fold("The  Application’s\n“X”".as_bytes(), &mut out);
        assert_eq!(out, b"the application's \"x\"");
        assert_eq!(positions[15], "The  Application".len());
    }

    #[test]
    fn templates_mark_placeholders() {
        assert_eq!(
            fold_template("{0} with that {1} already exists.  Please choose another {1}."),
            b"\0 with that \0 already exists. please choose another \0"
        );
        assert_eq!(
            fold_template("Bad {x} and {} stay."),
            b"bad {x} and {} stay"
        );
    }

    #[test]
    fn a_nul_in_text_is_no_placeholder() {
        let mut out = Vec::new();
        fold(b"a\0b", &mut out);
        assert_eq!(out, b"a b");
    }
}
