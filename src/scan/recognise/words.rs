//! The words around a place of a line: the run of letters before it, or
//! at it.

/// The run of ASCII letters that ends at `end`.
pub(super) fn word_ending(text: &[u8], end: usize) -> &[u8] {
    let start = text[..end]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    &text[start..end]
}

/// The run of ASCII letters at `at`.
pub(super) fn word_at(text: &[u8], at: usize) -> &[u8] {
    let len = text[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    &text[at..at + len]
}
