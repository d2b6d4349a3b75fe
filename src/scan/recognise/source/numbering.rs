//! Whose numbering a block of members is. A Stormpath error enum or map
//! names its members after what the codes mean (`InvalidPassword = 7100`,
//! `7103: 'Account locked'`); a program's own error enum that happens to
//! use numbers in Stormpath's ranges names them after its own errors
//! (`PatchServerUnreachable = 2002`). In a text that has not named
//! Stormpath, a block of several named members, few of which share a word
//! with their code's catalog texts, is another numbering: its members are
//! taken back when it closes.

use super::name_parts;
use crate::catalog;

/// The fewest members with words in their names that a block must have to
/// be judged: fewer say too little to tell a numbering by.
const MIN_JUDGED: u32 = 3;

/// The most members' numbers a block keeps.
const MAX_NUMBERS: usize = 256;

/// What the members of the open block said so far.
#[derive(Debug, Default, Clone)]
pub(super) struct Tally {
    /// The line the block's first member stands on.
    pub(super) first_line: usize,
    /// Members whose line has words to judge them by.
    judged: u32,
    /// Of those, the members whose line shares a word with one of their
    /// code's texts.
    agreeing: u32,
    /// The members' numbers.
    pub(super) numbers: Vec<u32>,
}

impl Tally {
    pub(super) fn new(first_line: usize) -> Tally {
        Tally {
            first_line,
            judged: 0,
            agreeing: 0,
            numbers: Vec::new(),
        }
    }

    /// Counts a member line (`code`, its comment cut) that holds `codes`.
    pub(super) fn add(&mut self, code: &[u8], codes: impl Iterator<Item = u32> + Clone) {
        if self.numbers.len() < MAX_NUMBERS {
            self.numbers.extend(codes.clone());
        }
        let mut words = name_parts(code).filter(|w| says_something(w)).peekable();
        if words.peek().is_none() {
            return; // `7100,` or `E7100 = 7100`: nothing to judge by
        }
        let words: Vec<&[u8]> = words.collect();
        self.judged += 1;
        let agrees = codes.filter_map(catalog::lookup).any(|entry| {
            words
                .iter()
                .any(|w| texts_of(entry).any(|t| holds_word(t, w)))
        });
        self.agreeing += u32::from(agrees);
    }

    /// Whether the block's members are another numbering: enough of them
    /// to judge, and fewer than one in four agreeing with the catalog.
    pub(super) fn is_another_numbering(&self) -> bool {
        self.judged >= MIN_JUDGED && self.agreeing * 4 < self.judged
    }
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
fn says_something(word: &[u8]) -> bool {
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
        "the",
        "and",
        "for",
        "not",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(lines: &[(&str, u32)]) -> Tally {
        let mut tally = Tally::new(1);
        for (line, code) in lines {
            tally.add(line.as_bytes(), std::iter::once(*code));
        }
        tally
    }

    #[test]
    fn members_named_after_their_meaning_are_stormpaths() {
        let stormpath = tally(&[
            ("PropertyRequired = 2000,", 2000),
            ("PropertyExists = 2001,", 2001),
            ("InvalidPassword = 7100,", 7100),
            ("AccountLocked = 7103,", 7103),
        ]);
        assert!(!stormpath.is_another_numbering());
        // Synonyms, some of them: still one in four.
        let synonyms = tally(&[
            ("BAD_CREDENTIALS = 7100", 7100),
            ("LOCKED_OUT = 7103", 7103),
            ("BANNED = 7101", 7101),
            ("NOT_ACTIVATED = 7102", 7102),
        ]);
        assert!(!synonyms.is_another_numbering());
    }

    #[test]
    fn members_named_after_another_programs_errors_are_its() {
        let launcher = tally(&[
            ("SelfUpdateDownloadFailed  = 1100,", 1100),
            ("PatchServerUnreachable    = 2002,", 2002),
            ("PatchDiskFull             = 2013,", 2013),
            ("TideGuardNotRunning       = 5100,", 5100),
        ]);
        assert!(launcher.is_another_numbering());
    }

    #[test]
    fn bare_numbers_and_too_few_members_are_not_judged() {
        assert!(
            !tally(&[("7100,", 7100), ("7101,", 7101), ("7103,", 7103)]).is_another_numbering()
        );
        assert!(
            !tally(&[("PatchDiskFull = 2013", 2013), ("Crash = 9001", 9001)])
                .is_another_numbering()
        );
    }
}
