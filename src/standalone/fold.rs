//! Folding text for verbatim matching of quoted messages: ASCII lower case,
//! each run of white space one space, typographic quotes plain.
//!
//! Shared by the build script, which folds the catalog's messages and the
//! server's templates once, and by the quote finder, which folds each line a
//! scan reads. Compiled twice (see `standalone`): it names nothing of the
//! crate.

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
    while let Some((b, next)) = fold_next(text, i) {
        out.push(b);
        positions.push(i);
        i = next;
    }
}

/// White space, folded to one space. A NUL in the input counts as white
/// space: it must never pass for a placeholder.
fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == HOLE
}

/// The typographic quote whose last byte is `b` (after E2 80), folded.
fn plain_quote(b: u8) -> Option<u8> {
    match b {
        0x98 | 0x99 => Some(b'\''),
        0x9C | 0x9D => Some(b'"'),
        _ => None,
    }
}

/// The folded byte that the text at `i` starts with, and where the text
/// after it starts.
pub fn fold_next(text: &[u8], i: usize) -> Option<(u8, usize)> {
    let b = *text.get(i)?;
    if is_space(b) {
        let run = text[i..].iter().take_while(|&&b| is_space(b)).count();
        return Some((b' ', i + run));
    }
    if b == 0xE2
        && text.get(i + 1) == Some(&0x80)
        && let Some(quote) = text.get(i + 2).and_then(|&b| plain_quote(b))
    {
        return Some((quote, i + 3));
    }
    Some((b.to_ascii_lowercase(), i + 1))
}

/// The folded byte that the text before `end` ends with, and where it
/// starts.
fn fold_previous(text: &[u8], end: usize) -> Option<(u8, usize)> {
    let b = *text.get(end.checked_sub(1)?)?;
    if is_space(b) {
        let run = text[..end]
            .iter()
            .rev()
            .take_while(|&&b| is_space(b))
            .count();
        return Some((b' ', end - run));
    }
    if end >= 3
        && text[end - 3] == 0xE2
        && text[end - 2] == 0x80
        && let Some(quote) = plain_quote(b)
    {
        return Some((quote, end - 3));
    }
    Some((b.to_ascii_lowercase(), end - 1))
}

/// Whether the text from `at` on folds to something that starts with
/// `folded`; where that ends in the text. Reads no more of the text than
/// it needs, so a scan checks a quote in place without folding its line.
pub fn folds_to_at(text: &[u8], at: usize, folded: &[u8]) -> Option<usize> {
    let (matched, end) = common_prefix(text, at, folded);
    (matched == folded.len()).then_some(end)
}

/// How many bytes of `folded` the text from `at` on folds to, and where
/// they end in the text.
pub fn common_prefix(text: &[u8], at: usize, folded: &[u8]) -> (usize, usize) {
    let mut i = at;
    for (matched, &want) in folded.iter().enumerate() {
        match fold_next(text, i) {
            Some((got, next)) if got == want => i = next,
            _ => return (matched, i),
        }
    }
    (folded.len(), i)
}

/// The same backwards: whether the text before `end` folds to something
/// that ends with `folded`; where that starts in the text.
pub fn folds_to_before(text: &[u8], end: usize, folded: &[u8]) -> Option<usize> {
    let (matched, start) = common_suffix(text, end, folded);
    (matched == folded.len()).then_some(start)
}

/// How many bytes at the end of `folded` the text before `end` folds to,
/// and where they start in the text.
pub fn common_suffix(text: &[u8], end: usize, folded: &[u8]) -> (usize, usize) {
    let mut i = end;
    for (matched, &want) in folded.iter().rev().enumerate() {
        match fold_previous(text, i) {
            Some((got, previous)) if got == want => i = previous,
            _ => return (matched, i),
        }
    }
    (folded.len(), i)
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
    fn text_is_compared_in_place_as_it_folds() {
        let text = "say  “The Account’s\tname” now".as_bytes();
        let at = text.iter().position(|&b| b == b'A').unwrap();
        let end = folds_to_at(text, at, b"account's name\"").expect("folds forward");
        assert_eq!(&text[end..], b" now");
        let start = folds_to_before(text, at, b"say \"the ").expect("folds back");
        assert_eq!(start, 0);
        assert_eq!(folds_to_at(text, at, b"accounts"), None);
        assert_eq!(folds_to_before(text, at, b"ay  \"the "), None);
    }

    #[test]
    fn a_nul_in_text_is_no_placeholder() {
        let mut out = Vec::new();
        fold(b"a\0b", &mut out);
        assert_eq!(out, b"a b");
    }
}
