//! A number's own message: what another program prints right after its
//! error number says whose the number is. `Error 5100: patch manifest
//! could not be verified`, `OperationalError(2006, 'MySQL server has gone
//! away')`, `**10013** (WSAEACCES) – "An attempt was made to access a
//! socket …"` and `error code 4002 (PORTAL_DB_UNAVAILABLE)` give numbers
//! their own meanings, which no Stormpath entry of that number has.
//!
//! The test is strict, as a Stormpath code is often followed by a writer's
//! own gloss (`7104 – no such user in the directory`): the message must
//! hold a few words, none of them a word of the entry's texts, and most of
//! them words that no entry of the catalog uses at all. A gloss speaks the
//! catalog's language; another program's message does not. Prose lines and
//! logs only: in source code a map of friendly messages keyed by codes is
//! a writer's own words by design.

use super::source::{mentions_stormpath, names_vendor};
use crate::catalog;
use crate::scan::{Hit, Via};
use fnv::{FnvHashMap, FnvHashSet};
use std::sync::OnceLock;

/// The fewest content words a number's own message must hold to say it is
/// another program's.
const MIN_WORDS: usize = 3;
/// The most bytes of a message read after its number.
const MAX_MESSAGE: usize = 200;
/// Words that negate, and say nothing of what: `could not be verified`
/// shares no word with `does not have a default Account Store`. (One
/// string, not a list: no pointers to relocate at start.)
const NEGATIONS: &str = "not no nor never cannot";
/// How many leading letters of a word stand for it: `disabled` and
/// `disable`, `verified` and `verify`, `connection` and `connect` alike.
const STEM: usize = 5;

/// Drops the numbers of a line (`text`, at `offset` of its whole) whose own
/// message says they are another program's, unless the line names
/// Stormpath: every "stormpath" of a line is in one of its context words.
pub(super) fn drop_others(
    hits: &mut Vec<Hit>,
    keywords: &[(usize, usize)],
    text: &[u8],
    offset: usize,
) {
    if keywords
        .iter()
        .any(|&(s, e)| mentions_stormpath(&text[s..e]))
    {
        return;
    }
    hits.retain(|hit| {
        let Some(start) = (hit.column - 1).checked_sub(offset) else {
            return true;
        };
        let end = start + hit.text.len();
        hit.via != Via::Number
            || text.get(start..end) != Some(hit.text.as_bytes())
            || Own::after(text, end).is_none_or(|own| !own.says_otherwise(hit.code))
    });
}

/// What follows a number as its own, when it is enough to judge by: a
/// symbolic name in brackets (`(WSAEACCES)`) and a message after a colon,
/// a dash, a full stop or, in a tuple, a comma and a quote.
pub(super) struct Own<'a> {
    name: Option<&'a [u8]>,
    message: Option<&'a [u8]>,
}

impl<'a> Own<'a> {
    /// What follows the number that ends at `end`: most numbers are
    /// followed by a key or a word or two (`"code": 7100, "message": …`),
    /// too few to judge, at one pass over few bytes.
    pub(super) fn after(text: &'a [u8], end: usize) -> Option<Own<'a>> {
        let own = own_words(text, end)?;
        let winsock = own
            .name
            .is_some_and(|n| n.len() > 3 && n[..3].eq_ignore_ascii_case(b"wsa"));
        let enough = || {
            own.words()
                .filter(|w| w.len() >= 2)
                .nth(MIN_WORDS - 1)
                .is_some()
        };
        (winsock || enough()).then_some(own)
    }

    /// Whether this is another program's message for the number, not
    /// code `code`'s of Stormpath.
    pub(super) fn says_otherwise(&self, code: u32) -> bool {
        // Windows Sockets name every error WSA…: `11001 (WSAHOST_NOT_FOUND)`.
        if self
            .name
            .is_some_and(|n| n.len() > 3 && n[..3].eq_ignore_ascii_case(b"wsa"))
        {
            return true;
        }
        if self.parts().any(names_vendor) {
            return true; // `(2013, 'Lost connection to MySQL server')`
        }
        let catalog = Words::get();
        let Some(said) = catalog.by_code.get(&code) else {
            return false;
        };
        let stems: Vec<u64> = self
            .words()
            .filter_map(stem)
            .filter(|s| !catalog.saying_nothing.contains(s))
            .collect();
        let unknown = stems.iter().filter(|s| !catalog.all.contains(*s)).count();
        stems.len() >= MIN_WORDS
            && !stems.iter().any(|s| said.contains(s))
            && 2 * unknown > stems.len()
    }

    fn parts(&self) -> impl Iterator<Item = &'a [u8]> {
        self.name.into_iter().chain(self.message)
    }

    fn words(&self) -> impl Iterator<Item = &'a [u8]> {
        self.parts()
            .flat_map(|part| part.split(|b| !b.is_ascii_alphanumeric()))
    }
}

fn own_words(text: &[u8], end: usize) -> Option<Own<'_>> {
    let closers = |from: usize| {
        from + text[from..]
            .iter()
            .take_while(|b| b"*_`\"')] ".contains(b))
            .count()
    };
    let mut at = closers(end);
    let mut name = None;
    if text.get(at) == Some(&b'(') {
        let len = text[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || **b == b'_')
            .count();
        if len >= 2 && text.get(at + 1 + len) == Some(&b')') {
            name = Some(&text[at + 1..at + 1 + len]);
            at = closers(at + 2 + len);
        }
    }
    let rest = &text[at..];
    let spaced = at > 0 && text[at - 1] == b' ';
    let skip = match rest {
        // Not a URL's `://`, nor a time's `7100:30`.
        [b':', next, ..] if !next.is_ascii_digit() && *next != b'/' => 1,
        [b':'] => 1,
        [b'-', b' ', ..] if spaced => 1,
        _ if spaced && (rest.starts_with("– ".as_bytes()) || rest.starts_with("— ".as_bytes())) => {
            3
        }
        [b'.', b' ', next, ..] if next.is_ascii_uppercase() => 1,
        [b',', b' ', b'\'' | b'"', ..] => 2,
        _ => 0,
    };
    // `General error: 2006 MySQL server has gone away`: a vendor's message
    // with no mark before it.
    let first_word = rest.split(|b| !b.is_ascii_alphanumeric()).next();
    let vendor_next = spaced && skip == 0 && first_word.is_some_and(names_vendor);
    let message = (skip > 0 || vendor_next).then(|| {
        let body = &rest[skip..rest.len().min(skip + MAX_MESSAGE)];
        let opening = body.iter().take_while(|b| b" \"'*`".contains(b)).count();
        let body = &body[opening..];
        let stop = (0..body.len())
            .find(|&i| {
                b"\"|;)]".contains(&body[i])
                    || b".!?".contains(&body[i]) && body.get(i + 1).is_none_or(|b| *b == b' ')
            })
            .unwrap_or(body.len());
        &body[..stop]
    });
    (name.is_some() || message.is_some()).then_some(Own { name, message })
}

/// A word as compared: lower case, a plural's `s` dropped, its first
/// `STEM` letters, packed in a number; none for a number or a letter
/// alone.
fn stem(word: &[u8]) -> Option<u64> {
    if word.len() < 2 || word.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let plural = word.len() > 3
        && word[word.len() - 1].eq_ignore_ascii_case(&b's')
        && !word[word.len() - 2].eq_ignore_ascii_case(&b's');
    let kept = &word[..word.len() - usize::from(plural)];
    let packed = kept
        .iter()
        .take(STEM)
        .fold(0u64, |n, b| n << 8 | u64::from(b.to_ascii_lowercase()));
    Some(packed)
}

/// The catalog's words, as `stem` makes them.
struct Words {
    /// Each code's words: its message, user message, what it says further,
    /// the server's texts of it and the older wordings.
    by_code: FnvHashMap<u32, FnvHashSet<u64>>,
    /// Every entry's words.
    all: FnvHashSet<u64>,
    /// Words that say nothing of what went wrong (`the`, `please`, `not`).
    saying_nothing: FnvHashSet<u64>,
}

impl Words {
    fn get() -> &'static Words {
        static WORDS: OnceLock<Words> = OnceLock::new();
        WORDS.get_or_init(|| {
            let stems = |text: &str| {
                text.as_bytes()
                    .split(|b| !b.is_ascii_alphanumeric())
                    .filter_map(stem)
                    .collect::<Vec<_>>()
            };
            let mut by_code: FnvHashMap<u32, FnvHashSet<u64>> = FnvHashMap::default();
            let mut all = FnvHashSet::default();
            for entry in catalog::entries() {
                let texts = [entry.message()]
                    .into_iter()
                    .chain(entry.user_message())
                    .chain(entry.further())
                    .chain(entry.server().iter().map(|m| m.text()))
                    .chain(entry.variants().iter().map(|v| v.text()));
                let said = by_code.entry(entry.code).or_default();
                for text in texts {
                    all.extend(stems(text));
                    said.extend(stems(text));
                }
            }
            let saying_nothing = crate::standalone::words::saying_nothing()
                .chain(NEGATIONS.split(' '))
                .flat_map(stems)
                .collect();
            Words {
                by_code,
                all,
                saying_nothing,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn otherwise(line: &str, number: &str) -> bool {
        let end = line.find(number).expect("the number is on the line") + number.len();
        Own::after(line.as_bytes(), end)
            .is_some_and(|own| own.says_otherwise(number.parse().expect("a number")))
    }

    #[test]
    fn another_programs_message_after_its_number_says_whose_it_is() {
        assert!(otherwise(
            "\"Error 5100: patch manifest could not be verified\"",
            "5100"
        ));
        assert!(otherwise(
            "OperationalError(2006, 'MySQL server has gone away')",
            "2006"
        ));
        assert!(otherwise(
            "'SQLSTATE[HY000]: General error: 2006 MySQL server has gone away' in x.php",
            "2006"
        ));
        assert!(otherwise(
            "`OperationalError: (2003, \"Can't connect to MySQL server on 'db-1' (111)\")`",
            "2003"
        ));
        assert!(otherwise(
            "- **11001** (WSAHOST_NOT_FOUND) – \"No such host is known.\"",
            "11001"
        ));
        assert!(otherwise(
            "Returning app error code 4002 (PORTAL_DB_UNAVAILABLE) to client",
            "4002"
        ));
        assert!(otherwise(
            "Error 1920. Service 'Acme Print Connector' (AcmePrintConnector) failed to start.",
            "1920"
        ));
    }

    #[test]
    fn a_gloss_in_the_catalogs_words_or_a_short_one_is_left_alone() {
        // The entry's own words, the catalog's words, or too few to judge.
        assert!(!otherwise(
            "Error 7100: the specified password is wrong",
            "7100"
        ));
        assert!(!otherwise(
            "- `7104` – no such user in the directory",
            "7104"
        ));
        assert!(!otherwise("error 7100: wrong pwd", "7100"));
        assert!(!otherwise(
            "error 7101: account disabled by the admin",
            "7101"
        ));
        // No message of its own: a sentence goes on, a range, a time, a URL.
        assert!(!otherwise(
            "we saw error 7100 when users tried to sign in",
            "7100"
        ));
        assert!(!otherwise("codes 7100-7199 are login errors", "7100"));
        assert!(!otherwise("at 7100:30 the job ran", "7100"));
    }
}
