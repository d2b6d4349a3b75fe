//! Whether a few words that go with a number say what the catalog says of
//! that code: a member's name (`InvalidPassword = 7100`), a table cell's
//! gloss (`7103 account locked`). A word agrees when one of the code's
//! texts holds it, or a word that starts as it does for five letters.

use super::name_parts;
use crate::catalog;

/// Whether `words` hold a word that may say what a code means.
pub(in crate::scan::recognise) fn says_something(words: &[u8]) -> bool {
    name_parts(words).any(is_telling)
}

/// Whether a word of `words` that may say what a code means is held by
/// one of the code's texts.
pub(in crate::scan::recognise) fn agrees(code: u32, words: &[u8]) -> bool {
    let Some(entry) = catalog::lookup(code) else {
        return false;
    };
    name_parts(words)
        .filter(|w| is_telling(w))
        .any(|w| texts_of(entry).any(|t| holds_word(t, w)))
}

/// Whether a word of `words` that may say what a code means is held by
/// one of the code's texts, as it stands or in other words of the search
/// vocabulary (`code expired`: 13108's `no longer valid`): a writer's own
/// gloss says it so.
pub(in crate::scan::recognise) fn agrees_in_any_words(code: u32, words: &[u8]) -> bool {
    let Some(entry) = catalog::lookup(code) else {
        return false;
    };
    name_parts(words)
        .filter(|w| is_telling(w))
        .any(|w| texts_of(entry).any(|t| holds_word(t, w)) || says_in_other_words(entry, w))
}

/// Whether one of an entry's texts says `word` in other words of the
/// search vocabulary (`expired`: 13108's `no longer valid`).
fn says_in_other_words(entry: &'static catalog::Entry, word: &[u8]) -> bool {
    let groups = crate::search::synonym_groups().iter();
    let mut of_word = groups.filter(|group| {
        group
            .iter()
            .any(|phrase| !phrase.contains(' ') && holds_word(phrase, word))
    });
    of_word.any(|group| {
        group.iter().any(|phrase| {
            texts_of(entry).any(|text| {
                let text = text.to_ascii_lowercase();
                let at = |i: usize| {
                    text.as_bytes()
                        .get(i)
                        .is_some_and(u8::is_ascii_alphanumeric)
                };
                text.match_indices(phrase)
                    .any(|(i, _)| !(i > 0 && at(i - 1) || at(i + phrase.len())))
            })
        })
    })
}

/// The texts an entry is known by: its message, its end users' text, the
/// server's templates and older wordings.
fn texts_of(entry: &'static catalog::Entry) -> impl Iterator<Item = &'static str> {
    std::iter::once(entry.message())
        .chain(entry.user_message())
        .chain(entry.server().iter().map(|m| m.text()))
        .chain(entry.variants().iter().map(|v| v.text()))
}

/// A word of a member's line that may say what the member means: not a
/// number, a word of the language (`static`, `final`), nor one that every
/// code's name may hold (`error`, `code`).
fn is_telling(word: &[u8]) -> bool {
    const SAY_NOTHING: &[&str] = &[
        "error",
        "errors",
        "err",
        "code",
        "codes",
        "exception",
        "stormpath",
        "const",
        "static",
        "final",
        "public",
        "private",
        "protected",
        "readonly",
        "enum",
        "class",
        "case",
        "when",
        "return",
        "this",
        "self",
        "new",
        "freeze",
        "frozen",
        "frozenset",
        "int",
        "uint",
        "long",
        "string",
        "number",
        // Words of the language that any gloss may hold.
        "the",
        "and",
        "for",
        "not",
        "with",
        "from",
        "that",
        "these",
        "those",
        "there",
        "then",
        "than",
        "your",
        "you",
        "our",
        "their",
        "its",
        "are",
        "was",
        "were",
        "been",
        "has",
        "have",
        "had",
        "into",
        "onto",
        "per",
        "via",
        "but",
        "also",
        "only",
        "any",
        "all",
        "some",
        "will",
        "can",
        "may",
        "please",
        "var",
        "let",
        "define",
    ];
    word.len() >= 3
        && word[0].is_ascii_alphabetic()
        && !SAY_NOTHING
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

/// Whether a text holds the word, or one that starts as it does for five
/// letters (`Verified` and `verify`, `Expired` and `expires`).
fn holds_word(text: &str, word: &[u8]) -> bool {
    let word = word
        .strip_suffix(b"s")
        .filter(|w| w.len() >= 3)
        .unwrap_or(word);
    name_parts(text.as_bytes()).any(|t| {
        let t = t.strip_suffix(b"s").filter(|t| t.len() >= 3).unwrap_or(t);
        t.eq_ignore_ascii_case(word)
            || t.len() >= 5 && word.len() >= 5 && t[..5].eq_ignore_ascii_case(&word[..5])
    })
}
