//! Quotes cut inside a word, as a fixed-width log column or a user
//! interface cuts a message: `…because the Account is in a Directo` is
//! 7106's alone.

use super::{MAX_HOLE_BYTES, MAX_HOLE_WORDS, Part, Template, data, message, templates};

/// The fewest letters of a word that a cut quote must keep.
const MIN_CUT_WORD: usize = 3;
/// The fewest folded bytes a quote cut inside a word must keep: a
/// sentence's worth, more than other products' short stock phrases (`The
/// card number is not a valid cred`).
const MIN_CUT_QUOTE: usize = 45;

/// Where a quote of message `i` that matched its first `matched` bytes
/// and was cut there, by a line's or a column's end, inside a word, ends
/// (`...because the Account is in a Directo`, 7106): where the cut word
/// has its first `MIN_CUT_WORD` letters and no other code's message or
/// template starts as the quote does.
pub(super) fn cut_end(i: usize, matched: usize) -> Option<usize> {
    let m = message(i);
    let inside = matched < m.len() && m[matched].is_ascii_alphanumeric();
    let word = m[..matched]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if !inside || word < MIN_CUT_WORD || matched < MIN_CUT_QUOTE {
        return None;
    }
    let code = data::MESSAGES_CODES[i];
    let quote = &m[..matched];
    let messages = (0..data::MESSAGES_CODES.len()).filter(|&j| data::MESSAGES_CODES[j] != code);
    let mut templates = templates().iter().filter(|t| t.code != code);
    let shared = messages.map(message).any(|other| other.starts_with(quote))
        || templates.any(|t| t.may_start(quote));
    (!shared).then_some(matched)
}

/// Whether the text after a quote shows it cut: nothing, or an ellipsis
/// (`in a Directo…`, `in a Directo...`).
pub(super) fn is_cut(after: &[u8]) -> bool {
    let after = after.trim_ascii();
    after.is_empty() || after == b"..." || after == "\u{2026}".as_bytes()
}

impl Template {
    /// Whether a text this template makes may start with `quote` (folded),
    /// as far as its first literal part tells: `quote` and that part agree
    /// where it starts, or after a placeholder's words.
    fn may_start(&self, quote: &[u8]) -> bool {
        let agree =
            |text: &[u8], literal: &[u8]| literal.starts_with(text) || text.starts_with(literal);
        // The placeholders before the first literal of a word or more
        // (`{0} {1} is in an invalid format.`) take up to their words.
        let holes = self.parts.iter().take_while(|p| match p {
            Part::Literal(l) => l.trim_ascii().is_empty(),
            Part::Hole => true,
        });
        let holes = holes.filter(|p| matches!(p, Part::Hole)).count();
        let Some(Part::Literal(first)) = self.parts.iter().find(|p| match p {
            Part::Literal(l) => !l.trim_ascii().is_empty(),
            Part::Hole => false,
        }) else {
            return true;
        };
        if holes == 0 {
            return agree(quote, first);
        }
        let first = first.trim_ascii_start();
        quote
            .iter()
            .enumerate()
            .filter(|&(at, &b)| b == b' ' && at <= holes * MAX_HOLE_BYTES)
            .take(holes * MAX_HOLE_WORDS)
            .any(|(at, _)| agree(&quote[at + 1..], first))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{FoldBuffers, find_quotes_in_line};

    #[test]
    fn a_quote_cut_inside_a_word_names_the_one_code_it_fits() {
        let codes = |text: &str| -> Vec<u32> {
            let found = find_quotes_in_line(text.as_bytes(), &mut FoldBuffers::default());
            found.iter().map(|f| f.0).collect()
        };
        let column = "FAIL Login attempt failed because the Account is in a Directo";
        assert_eq!(codes(column), [7106]);
        // 7105 (a Group), 7106 (a Directory): the cut word tells neither.
        assert!(codes("FAIL Login attempt failed because the Account is in a Di").is_empty());
        assert!(codes("FAIL Login attempt failed because the Account is in a D").is_empty());
        let ellipsis = "FAIL Login attempt failed because the Account is in a Directo\u{2026}";
        assert_eq!(codes(ellipsis), [7106]);
        // Cut only at the line's end: a word that goes on is another.
        assert!(codes("Login attempt failed because the Account is in a Directorate x").is_empty());
    }
}
