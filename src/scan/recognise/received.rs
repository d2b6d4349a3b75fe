//! A code that a sentence says came back, in a text about error codes:
//! `now one customer gets 11002`, `the import failed with 3004`, `also got
//! 13113`, `saw 7101 once`. People write this in tickets and chats with no
//! keyword beside the number; the verb says it is what a request got.

use super::keywords::names_a_thing;
use super::opening::is_a_chat_line;
use super::words::{YEARS, is_count, is_one_of, trim_punctuation};

/// Verbs whose object is what came back (`got 7100`, `the console shows
/// 9006`), or what a program must deal with
/// (`handle 7101 in the form`, `catch 7100`). (Not `gave` alone:
/// `Marketing gave 3004 to the food bank`; `gave us 7100` is.)
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "get", "gets", "got", "getting", "saw", "see", "sees", "seeing", "seen", "threw", "throws",
    "throwing", "received", "receives", "receiving", "show", "shows",
    "showed", "showing", "handle", "handles", "handled", "handling", "catch", "catches",
    "caught",
];
/// Whether a word in lower case is a verb of getting (`got`, `saw`).
pub(super) fn is_a_verb(word: &[u8]) -> bool {
    is_one_of(word, VERBS)
}

/// Verbs before `back` (`comes back 7103`, `Stormpath sent back 5121`,
/// `kicks back 7201`, `we keep getting back a 7101`), or before `out` for
/// those that spit (`it spat out 7100`).
#[rustfmt::skip]
const BEFORE_BACK: &[&str] = &[
    "come", "comes", "came", "coming", "send", "sends", "sent", "sending", "kick", "kicks",
    "kicked", "kicking", "spit", "spits", "spat", "spitting", "get", "gets", "got", "getting",
    "threw", "throws", "bounced", "bounces",
];
/// Verbs before `out` (`spat out 7100`, `errored out with 7104`).
const BEFORE_OUT: &[&str] = &["spit", "spits", "spat", "spitting", "errored", "errors"];
/// Verbs that give to the one who asked: `the API gave us 7100`.
const GIVE: &[&str] = &["give", "gives", "gave", "giving"];
/// Those it gives to.
const RECEIVERS: &[&str] = &["us", "me", "them", "you", "him", "her"];
/// Verbs that say it through `with`: `failed with 3004`, `login fails w/
/// 7107`, `the save blows up with 3002`. (Not `hit` or `back to`:
/// `latency hits 3000` is a measure, `back to 2015` a year.)
#[rustfmt::skip]
const VERBS_BEFORE_WITH: &[&str] = &[
    "fail", "failed", "fails", "failing", "errored", "rejected", "responded", "responds",
    "replied", "answered", "crashed", "crashes", "dies", "died", "bombed", "bombs",
];
/// Verbs before `up with`: `blows up with 3002`.
const BLOW: &[&str] = &["blow", "blows", "blew", "blowing"];
/// `returned` says what a call or a service gave back (`the login call
/// returned 7103 again`), where a log's `upstream returned 2000` is a
/// status or a count: it counts after one of these.
#[rustfmt::skip]
const RETURNERS: &[&str] = &[
    "call", "calls", "api", "request", "login", "server", "stormpath", "it", "endpoint",
    "sdk", "console", "they", "which", "that", "this", "still", "again", "now", "then",
];
const RETURN: &[&str] = &["return", "returns", "returned", "returning"];
/// Words that may stand between the verb and the number: `got a 7100`,
/// `saw another 7101`, `mostly 7100`, `comes back as a 2101`.
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "a", "an", "the", "another", "some", "more", "also", "again", "still", "only", "just",
    "occasional", "occasionally", "mostly", "now", "error", "code", "as",
];

/// Whether a verb of getting names `code`, at `start..end` of `text`, as
/// its object, with nothing after it that it counts or names (`got 7104
/// requests`, `saw 2016 sign-ups`). The verb may end the line before,
/// `previous`, where the code stands among its line's first words (`the
/// API gave us` / `7100, so it's just the password`).
pub(super) fn is_received(
    text: &[u8],
    start: usize,
    end: usize,
    code: u32,
    previous: &[u8],
) -> bool {
    // `2016's`, `a 2101-response sample`: a year's, a thing's.
    let joined = text[end..].starts_with(b"'") || text[end..].starts_with(b"-");
    // What came instead of what the line said before, where it said no
    // other number (`you'd get 10018 instead`; not `the invoice said
    // $1927; we got 1905 instead`).
    let instead =
        text[end..].starts_with(b" instead") && !text[..start].iter().any(u8::is_ascii_digit);
    if is_count(text, end) || names_a_thing(text, end) && !instead || joined {
        return false;
    }
    // A chat's message goes on from the speaker's line before, under the
    // same time and name (`[14:09] tom: the API gave us` / `[14:09] tom:
    // 7100, so`).
    let before = match &text[..start] {
        before if before.ends_with(b": ") && is_a_chat_line(before) => match previous {
            _ if previous.starts_with(before) => &[][..],
            _ => return false,
        },
        before => before,
    };
    let words_before = before
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    if previous.is_empty() || words_before.count() >= 4 {
        return after_a_verb(before);
    }
    // The end of the line before, as far as four words reach; not a
    // heading's (`Headcount numbers we got:`), and not before a number
    // that may be a year (`Ticket volume: we got` / `2007, up from 1900`).
    let previous = previous.trim_ascii_end();
    if previous.ends_with(b":") || YEARS.contains(&code) {
        return after_a_verb(before);
    }
    let tail = &previous[previous.len().saturating_sub(64)..];
    after_a_verb(&[tail, b" ", before].concat())
}

/// Whether `before` ends with a verb of getting, past the words that may
/// stand between it and its object.
fn after_a_verb(before: &[u8]) -> bool {
    // Marks alone are no words: `seeing `7103``, `got "2006"`.
    let mut words = before
        .rsplit(|b| b.is_ascii_whitespace())
        .filter(|w| !trim_punctuation(w).is_empty());
    let is = is_one_of;
    let mut next = || words.next().map(|w| (trim_punctuation(w), w));
    for _ in 0..4 {
        let Some((mut word, raw)) = next() else {
            return false;
        };
        if is(word, VERBS) {
            return true;
        }
        if is(word, RETURN) {
            return next().is_some_and(|(w, _)| is(w, RETURNERS));
        }
        if is(word, RECEIVERS) {
            return next().is_some_and(|(w, _)| is(w, GIVE));
        }
        if word.eq_ignore_ascii_case(b"with") || raw.eq_ignore_ascii_case(b"w/") {
            let Some((verb, _)) = next() else {
                return false;
            };
            match verb {
                _ if verb.eq_ignore_ascii_case(b"back") => word = verb,
                _ if verb.eq_ignore_ascii_case(b"up") => {
                    return next().is_some_and(|(w, _)| is(w, BLOW));
                }
                _ if verb.eq_ignore_ascii_case(b"out") => {
                    return next().is_some_and(|(w, _)| is(w, BEFORE_OUT));
                }
                _ => return is(verb, VERBS_BEFORE_WITH),
            }
        }
        if word.eq_ignore_ascii_case(b"back") {
            return next().is_some_and(|(w, _)| is(w, BEFORE_BACK));
        }
        if word.eq_ignore_ascii_case(b"out") {
            return next().is_some_and(|(w, _)| is(w, BEFORE_OUT));
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
    use crate::scan::recognise::code_places::codes_where;

    /// The codes on the text's last line that a verb names; the verb may
    /// end the line before.
    fn codes(text: &str) -> Vec<u32> {
        let (previous, text) = text.rsplit_once('\n').unwrap_or(("", text));
        codes_where(text, |text, start, end, code| {
            is_received(text, start, end, code, previous.as_bytes())
        })
    }

    #[test]
    fn a_code_a_verb_of_getting_names_came_back() {
        assert_eq!(codes("now one customer gets 11002"), [11002]);
        assert_eq!(codes("you'd get 10018 instead"), [10018]);
        // A count is no code, whatever adverb follows it.
        for count in [
            "The tenant shows 3000 still, after the cleanup",
            "gets 13000 like clockwork",
            "We got 2100 not 2000 accounts",
            "it saw 9000 earlier today",
            "The invoice said $1927; we got 1905 instead",
            "The free app doesn't get 5100 either",
        ] {
            assert_eq!(codes(count), Vec::<u32>::new(), "{count}");
        }
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
        assert_eq!(codes("Stormpath sent back 7104 for that"), [7104]);
        assert_eq!(codes("the API gave us 7100, so it's"), [7100]);
        assert_eq!(codes("we keep getting back a 7101 for a chunk"), [7101]);
        assert_eq!(codes("priya: seeing `7103` since the deploy"), [7103]);
        assert_eq!(codes("if it's a typo it spat out 7100, then"), [7100]);
        assert_eq!(codes("now the save blows up with 3002"), [3002]);
        assert_eq!(codes("Pharmacy portal login fails w/ 7107"), [7107]);
        assert_eq!(codes("When the login call returned 7103 again"), [7103]);
        assert_eq!(codes("and that comes back as a 2101."), [2101]);
    }

    #[test]
    fn a_verb_may_end_the_line_before() {
        assert_eq!(codes("the API gave us\n7100, so it's just"), [7100]);
        assert_eq!(
            codes("the login call came back with\n7102, same as"),
            [7102]
        );
        assert_eq!(codes("the challenge call\nreturns 13109."), [13109]);
        assert!(codes("the API gave us\nsome time to fix 7100").is_empty());
        assert!(codes("we got\n7104 requests an hour").is_empty());
        assert!(codes("Ticket volume: we got\n2007, up from 1900").is_empty());
        assert!(codes("Headcount numbers we got:\n7101").is_empty());
        assert_eq!(
            codes("[14:09] tom: the API gave us\n[14:09] tom: 7100, so"),
            [7100]
        );
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
        assert!(codes("Marketing gave 3004 to the food bank").is_empty());
        assert!(codes("the query returned 2001 rows").is_empty());
        assert!(codes("we sent back 2001 letters").is_empty());
        assert!(codes("Okta came back as 2016's leader").is_empty());
        assert!(codes("it comes back as a 2101-response sample").is_empty());
    }
}
