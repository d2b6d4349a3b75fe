//! The words around a place of a line: the run of letters before it, or
//! at it, and whether what follows a number is what it counted.

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

/// The first `count` words of `text`, within its first clause: what a
/// writer says of the number before them.
pub(super) fn first_words(text: &[u8], count: usize) -> &[u8] {
    let clause = text
        .iter()
        .position(|b| b",;.()[]{}\"".contains(b))
        .unwrap_or(text.len());
    let mut word_ends = (1..clause).filter(|&i| text[i] == b' ' && text[i - 1] != b' ');
    let end = word_ends.nth(count - 1).unwrap_or(clause);
    &text[..end]
}

/// Whether a plural noun follows the number at `end`: `4000 sessions
/// dropped`, `2000 retries`, `7104 requests`. A code is followed by its
/// description or by a verb (`7104 occurs`), not by what was counted.
pub(super) fn is_count(text: &[u8], end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(b" ") else {
        return false;
    };
    let len = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
    // A word ends there: `7100 tests/data` is a path.
    let ends = match rest.get(len) {
        None => true,
        Some(b'.') => rest.get(len + 1).is_none_or(u8::is_ascii_whitespace),
        Some(b) => b.is_ascii_whitespace() || b",;:!?)\"'".contains(b),
    };
    if !ends {
        return false;
    }
    let word = &rest[..len];
    word.len() >= 4
        && word.ends_with(b"s")
        // Not a plural: `class`, `status`, `analysis`, and the adverbs
        // `afterwards`, `always`, `sideways`.
        && ![&b"ss"[..], b"us", b"is", b"wards", b"ways"]
            .iter()
            .any(|ending| word.ends_with(ending))
        && !NOT_PLURALS.contains(&word)
}

/// Words ending in `s` that are no plural nouns: the verbs that follow a
/// code in a sentence, and a few others.
const NOT_PLURALS: &[&[u8]] = &[
    b"appears",
    b"applies",
    b"arises",
    b"blocks",
    b"breaks",
    b"causes",
    b"comes",
    b"continues",
    b"corresponds",
    b"describes",
    b"does",
    b"explains",
    b"fails",
    b"fires",
    b"gets",
    b"goes",
    b"happens",
    b"indicates",
    b"keeps",
    b"looks",
    b"maps",
    b"matches",
    b"means",
    b"occurs",
    // `the 7107 ones`: a code's cases, not a count.
    b"ones",
    b"perhaps",
    b"persists",
    b"pops",
    b"prevents",
    b"reads",
    b"recurs",
    b"refers",
    b"remains",
    b"returns",
    b"says",
    b"seems",
    b"shows",
    b"states",
    b"stops",
    b"suggests",
    b"tells",
    b"triggers",
    b"whereas",
];

/// Numbers that may be years.
pub(super) const YEARS: std::ops::RangeInclusive<u32> = 1990..=2030;

/// A word without the punctuation after it (`failing.`).
/// Whether `word` is one of `list`, in any case.
pub(super) fn is_one_of(word: &[u8], list: &[&str]) -> bool {
    list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

pub(super) fn trim_punctuation(word: &[u8]) -> &[u8] {
    let end = word.len()
        - word
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_punctuation())
            .count();
    &word[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_plural_nouns_after_a_number() {
        let count = |s: &str| is_count(s.as_bytes(), 4);
        assert!(count("2000 users"));
        assert!(count("7104 requests."));
        assert!(count("2000 retries"));
        assert!(!count("7104 occurs"));
        assert!(!count("7104 was"));
        assert!(!count("13101 afterwards for his phone"));
        assert!(!count("7100 always"));
        assert!(!count("7104 access"));
        assert!(!count("7104 status"));
        assert!(!count("7104  users"), "one space only");
        assert!(!count("7100 tests/data/archive"), "a path");
        assert!(!count("7100 users.txt"));
        assert!(count("7100 users, 2 admins"));
        assert!(!count("7104"));
    }
}
