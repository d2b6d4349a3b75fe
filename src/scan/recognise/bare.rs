//! A code that people name as a thing of its own, with no word of
//! getting or meaning beside it, in a text about Stormpath's errors that
//! has named codes already: `those were 7102 — never verified`, `the
//! 3001 i got earlier`, `One 12002 from QA`, `if it flips to 7103`, `the
//! 7104 thing`. Where a writer puts a code as the subject or object of a
//! sentence, small words stand around it; where a number is a count, a
//! year or another thing's id, a noun or a unit does (`card ending 2001`,
//! `build 7104`, `2013 failed logins`).

use super::glossed::is_a_measure;
use super::opening::is_a_chat_line;
use super::received::is_a_verb;
use super::words::{YEARS, is_count, is_one_of};

/// Words that may stand before a code named as a thing: determiners,
/// and the small words that join codes or name a change.
#[rustfmt::skip]
const BEFORE: &[&str] = &[
    "the", "a", "an", "one", "another", "that", "this", "those", "these", "same", "it's",
    "that's", "thats", "its", "also", "and", "or", "nor", "with", "w/", "either", "both", "vs",
    "then", "now", "still", "again", "first", "just", "only", "mostly", "plus", "for",
    "between", "->", "\u{2192}", "=>", "-", "\u{2014}", "\u{2013}", "=", "/", "&",
];

/// Verbs that say what a thing answered (`it says 13003`, `Stormpath
/// sent 10011`), and forms of `be` (`the response is 7104`): a code
/// after them only where what said or was it is a program or a code's
/// word (`SUBJECTS`), not `the counter says 4600`, `the price was 5100`.
#[rustfmt::skip]
const SAYING: &[&str] = &[
    "says", "said", "sent", "gives", "gave", "returns", "returned", "is", "was", "are", "were",
];
/// What may say or be a code.
#[rustfmt::skip]
const SUBJECTS: &[&str] = &[
    "it", "stormpath", "api", "server", "console", "sdk", "that", "which", "this", "they",
    "call", "request", "endpoint", "error", "code", "response", "result", "answer", "one",
    "message",
];

/// Words that may follow a code named as a thing: the small words of a
/// sentence, and the nouns people put after a code (`the 7104 thing`).
#[rustfmt::skip]
const AFTER: &[&str] = &[
    "on", "for", "from", "at", "in", "with", "when", "whenever", "after", "before", "since",
    "during", "because", "if", "but", "and", "or", "so", "then", "again", "too", "though",
    "tho", "now", "instead", "back", "here", "there", "is", "was", "were", "are", "isn't",
    "wasn't", "means", "meant", "i", "he", "she", "we", "they", "it", "you", "ever", "still",
    "anymore", "once", "twice", "sometimes", "occasionally", "thing", "one", "ones", "error",
    "issue", "response", "code", "bug", "problem", "message", "every",
    "lol", "vs", "versus", "while", "until", "unless", "which", "that", "not",
];

/// Words that join a number to the one before it: `10016 / 10010`,
/// `636 -> 9001`, `4740, then 4608`.
#[rustfmt::skip]
const JOINS: &[&str] = &[
    "and", "or", "/", "&", "vs", "nor", "then", "->", "\u{2192}", "=>", "-", "\u{2013}", "to",
];

/// Words of how many, before a code's plural: `some 9003s`, `two 7101s`.
#[rustfmt::skip]
const AMOUNTS: &[&str] = &[
    "some", "more", "few", "many", "lots", "of", "no", "any", "two", "three", "several",
    "fewer", "less", "all", "extra", "occasional", "usual", "those", "these",
];

/// Whether a line speaks of ports, whose numbers may be a code's
/// (`9001 is the agent port`, `it's 9001 in the netstat output`).
fn speaks_of_ports(line: &[u8]) -> bool {
    line.split(|b| !b.is_ascii_alphabetic())
        .any(|w| is_one_of(w, PORT_WORDS))
}

/// Words of ports and of listening on them.
#[rustfmt::skip]
const PORT_WORDS: &[&str] = &[
    "port", "ports", "netstat", "listening", "listen", "listens", "bind", "binds", "localhost",
    "tcp", "udp",
];

/// Whether a code reads as a time of day on a 24-hour clock (`it's 1900
/// in London`): an hour and 00, 15, 30 or 45; at a line's start, as a
/// timeline's entries begin (`1906 - paged the on-call`), any minute.
fn reads_as_a_time(code: u32, opens: bool) -> bool {
    let minutes = code % 100;
    code < 2400 && minutes < 60 && (opens || minutes.is_multiple_of(15))
}

/// Whether the code `code` at `start..end` of a line stands as a thing of
/// its own: it opens the line, follows a mark or a small word of a
/// sentence (`BEFORE`, a verb of getting), and what follows it is a mark,
/// nothing or a small word (`AFTER`). `named` says whether the text has
/// named a code: the number before a word that joins (`10016 / 10010`)
/// must have been one.
pub(super) fn stands_as_a_code(
    line: &[u8],
    start: usize,
    end: usize,
    code: u32,
    named: impl Fn(u32) -> bool,
) -> bool {
    if code.is_multiple_of(1000) || is_count(line, end) || is_a_measure(line, end, code) {
        return false;
    }
    // Marks around a number are read through: `"2007"`, `**3004**`.
    let before = line[..start].trim_ascii_end();
    let before = &before[..before.len() - trailing_marks(before)];
    let mut words = before
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let last = words.next_back().unwrap_or_default();
    // The line's first words, past a list's marks or a chat's time and
    // name (`[10:05] marcus.bell: `), not a record's fields.
    let opens = before.iter().all(|b| !b.is_ascii_alphanumeric())
        || before.ends_with(b":")
            && is_a_chat_line(before)
            && before
                .split(u8::is_ascii_whitespace)
                .filter(|w| !w.is_empty())
                .count()
                <= 3
            && !before.iter().any(|b| b"\"{=".contains(b));
    // `Signup: "2007" password too short`: a label before a quoted code.
    let labelled = last.len() > 1
        && last.ends_with(b":")
        && last[..last.len() - 1].iter().all(u8::is_ascii_alphabetic)
        && quoted(line, start);
    let joins = is_one_of(last, JOINS);
    let previous = words.next_back().unwrap_or_default();
    // `10016 / 10010`: a second number joined to one that was no code.
    let number = previous.strip_suffix(b",").unwrap_or(previous);
    if joins
        && number.first().is_some_and(u8::is_ascii_digit)
        && !std::str::from_utf8(number)
            .ok()
            .and_then(|n| n.parse().ok())
            .is_some_and(&named)
    {
        return false;
    }
    // `9001 is the agent port`, `it's 1900 in London`: a port or a time.
    if speaks_of_ports(line) || reads_as_a_time(code, opens) {
        return false;
    }
    // A code's plural counts its cases, whatever follows, after a word of
    // how many: `more 9002s than usual`, `7101s everywhere`; not `uptime
    // 12001s`, `live for 7200s`, `our 7200s are end of life`.
    if line[..end].ends_with(b"s") {
        return opens || is_one_of(last, AMOUNTS) || is_a_verb(last);
    }
    // `it says 13003`, `the response is 7104`; not `the price was 5100`.
    let saying = is_one_of(last, SAYING) && is_one_of(previous, SUBJECTS);
    let verb = is_a_verb(last) || saying;
    // A year is said as a code only after a verb or in quotes: `gives
    // 2010`, `"2007"`; not `it is 2017 and`, `from 2014 to 2016`.
    let in_quotes = start > 0 && b"\"'".contains(&line[start - 1]);
    let be = is_one_of(last, &["is", "was", "are", "were"]);
    if YEARS.contains(&code) && !(verb && !be || in_quotes) {
        return false;
    }
    if !(opens || labelled || verb || is_one_of(last, BEFORE)) {
        return false;
    }
    if opens && !opens_a_sentence(&line[end..]) {
        return false;
    }
    followed_as_a_code(&line[end..])
}

/// Whether what follows a number is what follows a code named as a thing:
/// the line's end, a mark, or a small word.
fn followed_as_a_code(rest: &[u8]) -> bool {
    let rest = &rest[leading_marks(rest)..];
    let Some(&first) = rest.first() else {
        return true;
    };
    if first != b' ' {
        // A mark: `7102,` `7103?` `7100:` `5100=17`, not a path, a
        // decimal or an id (`7100/`, `7100.5`, `7100-b`).
        let next = rest.get(1);
        return match first {
            b',' | b';' | b'?' | b'!' | b')' | b'=' | b':' => true,
            b'.' => next.is_none_or(|b| !b.is_ascii_alphanumeric()),
            _ => false,
        };
    }
    let rest = rest.trim_ascii_start();
    let dashes = ["\u{2014}", "\u{2013}", "- ", "-> ", "\u{2192}"];
    if rest.is_empty() || dashes.iter().any(|d| rest.starts_with(d.as_bytes())) {
        return true;
    }
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphabetic() || **b == b'\'')
        .count();
    len > 0 && is_one_of(&rest[..len], AFTER)
}

/// Whether what follows a code that opens a line says something of it,
/// as a sentence or a gloss does (`9002 - the DC answered too slowly`,
/// `7107, because`, `9001: 14`): not the line's end, nor another number
/// after a comma, as in a list of numbers under a heading about other
/// things (`Phones:` / `7105, 7106`), nor a record's next field
/// (`10016,2016-07-06`).
fn opens_a_sentence(rest: &[u8]) -> bool {
    let rest = &rest[leading_marks(rest)..];
    match rest {
        [b',', b' ', next, ..] => !next.is_ascii_digit(),
        [b':' | b'.', ..] => true,
        [b' ', ..] => !rest.trim_ascii_start().is_empty(),
        _ => false,
    }
}

/// Whether the number at `start` of a line is quoted or marked up:
/// `"2007"`, `**3004**`.
fn quoted(line: &[u8], start: usize) -> bool {
    start > 0 && MARKS.contains(&line[start - 1])
}

/// How many marks of quoting or emphasis end `text`.
fn trailing_marks(text: &[u8]) -> usize {
    text.iter().rev().take_while(|b| MARKS.contains(b)).count()
}

/// How many marks of quoting or emphasis start `text`.
fn leading_marks(text: &[u8]) -> usize {
    text.iter().take_while(|b| MARKS.contains(b)).count()
}

/// Marks that quote a number or set it off: `"2007"`, `**3004**`.
const MARKS: &[u8] = b"\"'`*";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::code_places::codes_where;

    fn codes(text: &str) -> Vec<u32> {
        codes_where(text, |line, start, end, code| {
            stands_as_a_code(line, start, end, code, |code| code == 7100)
        })
    }

    #[test]
    fn a_code_named_as_a_thing_of_a_sentence() {
        assert_eq!(codes("Hamid: ok. and the 3001 i got earlier?"), [3001]);
        assert_eq!(codes("- One 12002 from QA, who exchanged a token"), [12002]);
        assert_eq!(codes("- Will pair with Priya on the 7104 thing"), [7104]);
        assert_eq!(
            codes("[10:31] ana.k: now the save blows up with 3002 lol"),
            [3002]
        );
        assert_eq!(
            codes("which Stormpath turns into the 13001. Options:"),
            [13001]
        );
        assert_eq!(codes("but it isn't mapped, so it's 5114 every"), [5114]);
        assert_eq!(
            codes("Facebook -> 7202. Those fields are read-only"),
            [7202]
        );
        assert_eq!(codes("still seeing 2001 on signup for people"), [2001]);
        assert_eq!(codes("in the Stormpath console it says 13003"), [13003]);
        assert_eq!(
            codes("Token expiry: Stormpath sent 10011; Okta returns"),
            [10011]
        );
        assert!(codes("we sent 2001 emails").is_empty());
        assert_eq!(codes("first 7100, then after the reset 7104"), [7100]);
    }

    #[test]
    fn only_a_text_that_has_named_a_code_names_more_bare() {
        use crate::scan::recognise::tests::codes;
        let chat = "[10:02] tom: we get Stormpath error 7103 on the kiosk\n[10:05] ana: and the 3001 i got earlier?";
        assert_eq!(codes(chat), [7103, 3001]);
        let before =
            "[10:02] tom: our Stormpath login is slow\n[10:05] ana: and the 3001 i got earlier?";
        assert!(codes(before).is_empty(), "no code named before it");
        let line = "won't be in Stormpath until tonight. the 7100 is real";
        assert_eq!(codes(line), [7100], "the line names Stormpath as people do");
        let log = "ERROR Stormpath error 7103\nthe 3001 i got earlier";
        assert_eq!(codes(log), [7103], "a log's records are no people's text");
    }

    #[test]
    fn a_code_opening_a_line_that_says_something_of_it() {
        assert_eq!(codes("9002 - the DC answered too slowly"), [9002]);
        assert_eq!(codes("7107, because the organization is disabled"), [7107]);
        assert_eq!(codes("9001: 14   <- all from the agent"), [9001]);
        assert_eq!(codes("- **3004**: the value is too big"), [3004]);
        assert_eq!(codes("> 7104 means no account has that email"), [7104]);
        assert!(
            codes("1906 - paged the on-call engineer").is_empty(),
            "a time"
        );
        assert!(codes("- 13100").is_empty(), "an item alone");
        assert!(codes("- [x] 13100 (seeded account id)").is_empty());
        assert!(codes("7105, 7106").is_empty(), "a list of numbers");
        assert!(codes("10016,2016-07-06 13:55:02,Account locked").is_empty());
    }

    #[test]
    fn ids_counts_years_and_other_things_numbers_are_not() {
        for text in [
            "I added the new corporate card (ending 2001)",
            "our PO number is 1906, bank transfer, net 30",
            "Fixed in TestFlight build `2001`",
            "- **10013** (WSAEACCES) - an attempt was made",
            "DistributedCOM 10016 / 10010 is noise",
            "\"cf_rows\": \"2011\"",
            "Total failed logins: 2013.",
            "Top hours: 1100 and 1300 UTC",
            "Opened by: Dr. Ahmadi (ext. 7100)",
            "NOC desk: Room 2014, HQ 2nd floor",
            "the 2014 migration",
            "from 2014 to 2017",
            "the `2016` in the filename is the year",
            "still 2001 requests since 11:00",
            "about 7100 a day",
            "it took 2000 ms",
        ] {
            assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
        }
        assert_eq!(codes("7100 / 7104 on signup"), [7104], "joined to a code");
        assert_eq!(
            codes("Yes, 2002 for 7104"),
            [7104],
            "a count, then its code"
        );
        for text in [
            "9001 is the agent port",
            "it's 1900 in London",
            "1100 - on-call confirms the outage",
            "the count is 2013 now",
            "Event 4625, then 4740, then 4608",
            "LDAPS 636 -> 9001",
            "uptime 12001s",
            "We cache the JWKS for 7200s.",
            "our 7200s are end of life",
            "2104: rollback complete, errors stop",
            "It is 2017 and we are still on Stormpath.",
            "The contract end date is 2017.",
            "Locked accounts grew to 5101 since Monday.",
            "The renewal quote is 4600 for the year",
            "there are 7101 in total",
            "Call me on 7104 if it breaks again.",
            "The agent listens on 9001 and the admin UI on 9002.",
            "latency hits 4600 at peak",
            "Marketing gave 5101 for the food drive",
            "the counter says 4600 now",
            "Jan 12 10:00:02 web1 sync: 5101 - done",
        ] {
            assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
        }
    }

    #[test]
    fn a_codes_plural_counts_its_cases() {
        assert_eq!(codes("more 9002s than usual"), [9002]);
        assert_eq!(codes("7101s everywhere"), [7101]);
        assert_eq!(codes("two 7101s and a 7102"), [7101, 7102]);
    }
}
