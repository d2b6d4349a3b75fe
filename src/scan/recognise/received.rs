//! A code that a sentence says came back, in a text about error codes:
//! `now one customer gets 11002`, `the import failed with 3004`, `also got
//! 13113`, `saw 7101 once`. People write this in tickets and chats with no
//! keyword beside the number; the verb says it is what a request got.

use super::keywords::names_a_thing;
use super::words::is_count;
use super::words::trim_punctuation;

/// Verbs whose object is what came back (`got 7100`, `the console shows
/// 9006`), or what a program must deal with (`handle 7101 in the form`,
/// `catch 7100`). (Not `gave`: `Marketing gave 3004 to the food bank`.)
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "get", "gets", "got", "getting", "saw", "see", "sees", "seeing", "seen", "threw", "throws",
    "throwing", "received", "receives", "receiving", "show", "shows",
    "showed", "showing", "handle", "handles", "handled", "handling", "catch", "catches",
    "caught",
];
/// Forms of `come` before `back`: `comes back 7103`, `came back with 1927`.
const COME: &[&str] = &["come", "comes", "came", "coming"];
/// Verbs that say it through `with`: `failed with 3004`. (Not `returned`,
/// `hit` or `back to`: a log's `returned 2001` is a count or a status,
/// `latency hits 3000` a measure, `back to 2015` a year.)
const VERBS_BEFORE_WITH: &[&str] = &["fail", "failed", "fails", "failing", "errored", "rejected"];
/// Words that may stand between the verb and the number: `got a 7100`,
/// `saw another 7101`, `mostly 7100`.
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "a", "an", "the", "another", "some", "more", "also", "again", "still", "only", "just",
    "occasional", "occasionally", "mostly", "now", "error", "code",
];

/// Whether a verb of getting names the code at `start..end` of `text` as
/// its object, with nothing after it that it counts or names (`got 7104
/// requests`, `saw 2016 sign-ups`).
pub(super) fn is_received(text: &[u8], start: usize, end: usize) -> bool {
    after_a_verb(&text[..start]) && !is_count(text, end) && !names_a_thing(text, end)
}

/// Whether `before` ends with a verb of getting, past the words that may
/// stand between it and its object.
fn after_a_verb(before: &[u8]) -> bool {
    let mut words = before
        .rsplit(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let is =
        |word: &[u8], list: &[&str]| list.iter().any(|w| w.as_bytes().eq_ignore_ascii_case(word));
    let mut next = || words.next().map(trim_punctuation);
    for _ in 0..4 {
        let Some(mut word) = next() else {
            return false;
        };
        if is(word, VERBS) {
            return true;
        }
        if word.eq_ignore_ascii_case(b"with") {
            let Some(verb) = next() else {
                return false;
            };
            if !verb.eq_ignore_ascii_case(b"back") {
                return is(verb, VERBS_BEFORE_WITH);
            }
            word = verb;
        }
        if word.eq_ignore_ascii_case(b"back") {
            return next().is_some_and(|w| is(w, COME));
        }
        if !is(word, BETWEEN) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::code_places::standalone_codes;

    fn codes(text: &str) -> Vec<u32> {
        let mut found = Vec::new();
        standalone_codes(text.as_bytes(), |start, end, code| {
            if is_received(text.as_bytes(), start, end) {
                found.push(code);
            }
        });
        found
    }

    #[test]
    fn a_code_a_verb_of_getting_names_came_back() {
        assert_eq!(codes("now one customer gets 11002"), [11002]);
        assert_eq!(
            codes("the import of the old preferences failed with 3004"),
            [3004]
        );
        assert_eq!(
            codes("Yesterday a few of them also got 13113, which"),
            [13113]
        );
        assert_eq!(codes("They also saw 7101 once"), [7101]);
        assert_eq!(codes("the sync errored with 7104."), [7104]);
        assert_eq!(codes("and that came back with 1927, declined"), [1927]);
        assert_eq!(codes("login API comes back 7103 (account locked)"), [7103]);
        assert_eq!(codes("uploading an avatar also fails, with 3004."), [3004]);
        assert_eq!(codes("Sync afterwards shows 9006 in the console"), [9006]);
        assert_eq!(codes("handle 7101 in the login form"), [7101]);
    }

    #[test]
    fn a_count_a_thing_or_no_verb_is_not() {
        assert!(codes("we got 7104 requests an hour").is_empty());
        assert!(codes("we got 2010 new users").is_empty());
        assert!(codes("saw 2016 sign-ups").is_empty());
        assert!(codes("ticket 7100 is closed").is_empty());
        assert!(codes("got ext. 7101").is_empty());
        assert!(codes("This dates back to 2015.").is_empty());
        assert!(codes("INFO upstream returned 2000").is_empty());
        assert!(codes("Latency hits 3000, then drops.").is_empty());
        assert!(codes("the dashboard shows 2000 requests").is_empty());
        assert!(codes("we came back 2016 from the offsite").is_empty());
    }
}
