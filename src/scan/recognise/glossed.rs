//! A number glossed with what the catalog says of its code, in a text
//! about Stormpath's errors: `7100 is just wrong passwords`, `13101: phone
//! number invalid`, `also saw 10013 (token does not exist)`. People write
//! a code this way in tickets, chats and notes, with no keyword beside it;
//! the gloss says which code it is, where a count, an id or another
//! product's code says something else (`7104 accounts migrated`).

use super::keywords::names_a_thing;
use super::numbers::count_after;
use super::source::glosses;
use super::words::{YEARS, first_words, is_one_of};
use crate::search;
use std::cell::RefCell;
use std::collections::HashMap;

/// How many entries the gloss may say about as much of as of the best, the
/// code among them.
const NEAREST: usize = 3;
/// How close to the best entry's score an entry's must come to be near it.
const NEAR_BEST: f64 = 0.75;
/// How many glosses one text may have ranked.
pub(super) const RANKINGS_PER_TEXT: usize = 256;
/// The most words of a gloss read.
const GLOSS_WORDS: usize = 10;

/// Whether the words after the code that ends at `end` of `text`, its
/// gloss, say what the catalog says of it more than, or about as much as,
/// of any other code. Each ranking takes one of `rankings_left`: a person
/// glosses a few codes, and a text with hundreds of glossed numbers is
/// data, whose tables the other rules read.
pub(super) fn is_glossed(text: &[u8], end: usize, code: u32, rankings_left: &mut usize) -> bool {
    // The catalog's own message, a space after it: `1926 The card has
    // expired.`, as a console shows it.
    if says_its_message(&text[end..], code) {
        return true;
    }
    // A number after it starts a list or the next column, not a gloss; a
    // year's clause after a comma is no gloss (`back to 2012, the
    // maximum date`).
    let Some(gloss) = gloss(&text[end..]).filter(|g| !g[0].is_ascii_digit()) else {
        return false;
    };
    if YEARS.contains(&code) && text[end..].starts_with(b",") {
        return false;
    }
    says_of(code, gloss, rankings_left)
}

/// Whether the words before the code at `start..end`, in parentheses,
/// say what the catalog says of it, as `is_glossed` asks of the words
/// after one: `wrong password (7100)`, `PIN too short (2007)`.
pub(super) fn is_glossed_before(
    text: &[u8],
    start: usize,
    end: usize,
    code: u32,
    rankings_left: &mut usize,
) -> bool {
    let Some(before) = text[..start].strip_suffix(b"(") else {
        return false;
    };
    if text.get(end) != Some(&b')') || YEARS.contains(&code) {
        return false;
    }
    let before = before.trim_ascii_end();
    let clause = before
        .iter()
        .rposition(|b| b",;:.()[]{}\"".contains(b))
        .map_or(0, |at| at + 1);
    let clause = &before[clause..];
    // Its last `GLOSS_WORDS` words.
    let word_starts = clause
        .iter()
        .enumerate()
        .filter(|&(at, &b)| b == b' ' && at > 0)
        .map(|(at, _)| at + 1);
    let from = word_starts.rev().nth(GLOSS_WORDS - 1).unwrap_or(0);
    let gloss = clause[from..].trim_ascii();
    !gloss.is_empty() && says_of(code, gloss, rankings_left)
}

/// Whether `gloss`, a writer's words beside a number, says what the
/// catalog says of the code `code` more than, or about as much as, of any
/// other code.
fn says_of(code: u32, gloss: &[u8], rankings_left: &mut usize) -> bool {
    // Most numbers' next words share no word with the code's texts: the
    // ranking is asked only of those that do.
    if !glosses::agrees_in_any_words(code, gloss) || *rankings_left == 0 {
        return false;
    }
    *rankings_left -= 1;
    // The entries the gloss says about as much of as of the best: the code
    // must be the best alone, or among a few near it; among more, the gloss
    // does not tell them apart (`token mock` of the Token family).
    let nearest = nearest_entries(gloss);
    let best = nearest.first().map_or(0.0, |&(_, score)| score);
    let near: Vec<u32> = nearest
        .iter()
        .filter(|&&(_, score)| score >= NEAR_BEST * best)
        .map(|&(code, _)| code)
        .collect();
    near.len() <= NEAREST && near.contains(&code)
}

/// Whether a word after the code `code` that ends at `end` names another
/// thing the number is (`names_a_thing`), where the next words do not say
/// what the catalog says of the code: `Stormpath 2016 roadmap`, but
/// `Stormpath 7103 locked user=ann`.
pub(super) fn names_another_thing(text: &[u8], end: usize, code: u32) -> bool {
    names_a_thing(text, end) && !says_its_meaning(text, end, code)
}

/// Whether the number that ends at `end`, the code `code`, is a measure or
/// a year by what follows it, where the next words do not say what the
/// catalog says of the code: `3000 ms is the timeout`, `9001 here is the
/// agent's port`, `2016 was the year we migrated`; not `7100 wrong pw`.
pub(super) fn is_a_measure(text: &[u8], end: usize, code: u32) -> bool {
    #[rustfmt::skip]
    const UNITS: &[&str] = &[
        "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h",
        "hr", "hrs", "hour", "hours", "day", "days", "px", "kb", "mb", "gb", "tb", "bytes",
        "here", "port", "req", "rps", "rpm",
    ];
    const AFTER_A_YEAR: &[&str] = &["was", "is", "in", "when", "we"];
    let Some(rest) = text[end..].strip_prefix(b" ") else {
        return false;
    };
    let len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &rest[..len];
    let is = |list: &[&str]| is_one_of(word, list);
    let year = (1990..=2030).contains(&code) && is(AFTER_A_YEAR);
    (is(UNITS) || year) && !says_its_meaning(text, end, code)
}

/// Whether the number that ends at `end`, the code `code`, is named with
/// another product's message: quoted (`got the 9002 "transaction log is
/// full" page`) or in parentheses in title case (`Mostly 2001
/// (Insufficient Funds)`), saying nothing the catalog says of it and
/// nearer other entries. A writer's own aside is not a message (`got 7104
/// (user not found)`, `7100 (twice, both on mobile)`).
pub(super) fn glossed_otherwise(text: &[u8], end: usize, code: u32) -> bool {
    let after = text[end..].trim_ascii_start();
    let (inside, quoted) = match after.first() {
        Some(b'(') => (&after[1..], false),
        Some(b'"') => (&after[1..], true),
        _ => match after.strip_prefix("\u{201c}".as_bytes()) {
            Some(inside) => (inside, true),
            None => return false,
        },
    };
    // To the closing mark, or the closing curly quote's first byte.
    let close = inside
        .iter()
        .position(|b| b")\"".contains(b) || *b == 0xe2)
        .unwrap_or(inside.len().min(48));
    let gloss = &inside[..close];
    let mut words = gloss
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let title_case = words.clone().next().is_some() && words.all(|w| w[0].is_ascii_uppercase());
    (quoted || title_case)
        && glosses::says_something(gloss)
        && !glosses::agrees(code, gloss)
        && !nearest_entries(gloss).iter().any(|&(near, _)| near == code)
}

/// Whether the text after a number, past one space, starts with the
/// catalog's message of the code `code`.
fn says_its_message(after: &[u8], code: u32) -> bool {
    let Some(entry) = crate::catalog::lookup(code) else {
        return false;
    };
    let message = entry.message().trim_end_matches('.').as_bytes();
    after
        .strip_prefix(b" ")
        .and_then(|rest| rest.get(..message.len()))
        .is_some_and(|words| words.eq_ignore_ascii_case(message))
}

/// Whether the next three words after the code that ends at `end`, within
/// 48 bytes, say what the catalog says of it.
fn says_its_meaning(text: &[u8], end: usize, code: u32) -> bool {
    let next = &text[end..(end + 48).min(text.len())];
    glosses::agrees(code, first_words(next, 3))
}

/// Codes and their scores, best first.
type Nearest = Vec<(u32, f64)>;

/// The entries a gloss says most of (`search::lexically_nearest`),
/// remembered for the glosses met last on this thread: a log repeats its
/// lines, and a ranking costs a tenth of a millisecond.
fn nearest_entries(gloss: &[u8]) -> Nearest {
    const REMEMBERED: usize = 1024;
    thread_local! {
        static NEAREST_OF: RefCell<HashMap<Vec<u8>, Nearest>> = RefCell::default();
    }
    NEAREST_OF.with_borrow_mut(|known| {
        if let Some(nearest) = known.get(gloss) {
            return nearest.clone();
        }
        let nearest = search::lexically_nearest(&String::from_utf8_lossy(gloss), NEAREST + 1);
        if known.len() >= REMEMBERED {
            known.clear();
        }
        known.insert(gloss.to_vec(), nearest.clone());
        nearest
    })
}

/// The words after a number that say what it is, where a separator sets
/// them off (`separator`), to the end of the clause, at most `GLOSS_WORDS`
/// words; none without one (`2006 ms`, `7100 users`).
fn gloss(after: &[u8]) -> Option<&[u8]> {
    let rest = after[separator(after)?..].trim_ascii_start();
    let rest = rest.strip_prefix(b"\"").unwrap_or(rest);
    Some(first_words(rest, GLOSS_WORDS)).filter(|gloss| !gloss.is_empty())
}

/// How long the separator is that starts `after`, the text after a
/// number: `(`, a tab, an en or em dash, a comma and a space, or past a
/// space `:`, `=`, `-` or
/// `is`, `was` before a space (not `12:30`, `2016-05`); or a tally, with
/// one of these or spaces after it (`x 4   signature check failed`).
fn separator(after: &[u8]) -> Option<usize> {
    // A tally comes between: `10017 x 4   signature check failed`.
    if let Some(count) = count_after(after, 0) {
        let spaces = after[count..].iter().take_while(|&&b| b == b' ').count();
        return match separator(&after[count..]) {
            Some(len) => Some(count + len),
            None => (spaces > 0).then_some(count + spaces),
        };
    }
    let spaces = after.iter().take_while(|&&b| b == b' ').count();
    let spaced = |len: usize| {
        after
            .get(spaces + len)
            .is_none_or(u8::is_ascii_whitespace)
            .then_some(spaces + len)
    };
    match &after[spaces..] {
        [b'(', ..] => Some(spaces + 1),
        [b'\t', ..] if spaces == 0 => Some(1),
        [0xe2, 0x80, 0x93 | 0x94, ..] => Some(spaces + 3),
        [b':' | b'=' | b'-', ..] => spaced(1),
        // `now 13003, one already exists`; not `7100,7101`, `2,000` nor a
        // JSON body's next key (`"code": 7104, "message": …`).
        [b',', b' ', word, ..] if spaces == 0 && word.is_ascii_alphabetic() => Some(2),
        [b'i' | b'I', b's' | b'S', ..] if spaces > 0 => spaced(2),
        [b'w' | b'W', b'a' | b'A', b's' | b'S', ..] if spaces > 0 => spaced(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::code_places::codes_where;

    fn codes(text: &str) -> Vec<u32> {
        codes_where(text, |text, _, end, code| {
            is_glossed(text, end, code, &mut 9)
        })
    }

    #[test]
    fn a_gloss_is_the_clause_after_a_separator() {
        let gloss =
            |after: &str| gloss(after.as_bytes()).map(|g| String::from_utf8_lossy(g).into_owned());
        assert_eq!(
            gloss(" (token does not exist) after").unwrap(),
            "token does not exist"
        );
        assert_eq!(
            gloss(": phone number invalid, ask again").unwrap(),
            "phone number invalid"
        );
        assert_eq!(
            gloss(" \u{2013} email already exists").unwrap(),
            "email already exists"
        );
        assert_eq!(
            gloss(" is just wrong passwords.").unwrap(),
            "just wrong passwords"
        );
        assert_eq!(gloss("\talready linked").unwrap(), "already linked");
        assert_eq!(gloss(" ms on port 9000"), None);
        assert_eq!(gloss(" users migrated"), None);
        assert_eq!(gloss(":30 UTC"), None);
        assert_eq!(gloss("-05-01"), None);
        assert_eq!(
            gloss(", one already exists for the tenant").unwrap(),
            "one already exists for the tenant"
        );
        assert_eq!(gloss(",000 users"), None);
        assert_eq!(gloss(" , x"), None);
    }

    #[test]
    fn a_number_glossed_with_its_codes_meaning_is_that_code() {
        assert_eq!(codes("also saw 10019 (API key or secret invalid)"), [10019]);
        assert_eq!(codes("\u{2022} 13101: phone number invalid"), [13101]);
        assert_eq!(codes("7100 is just wrong passwords, the usual"), [7100]);
        assert_eq!(codes("if it flips to 7103 (he's locked out)"), [7103]);
        assert_eq!(codes("now it's 13003, one already exists"), [13003]);
        // In other words of the search vocabulary: 13108 says "no longer
        // valid".
        assert_eq!(codes("13108: code expired, ask for a new one"), [13108]);
        assert_eq!(
            codes("First it said \"1926 The card has expired.\" Fine"),
            [1926]
        );
    }

    #[test]
    fn a_number_glossed_with_something_else_is_not() {
        assert!(codes("7104 accounts migrated last night").is_empty());
        assert!(codes("the agent listens on 9000, the default port").is_empty());
        assert!(codes("back to 2012, the maximum date we could export").is_empty());
        assert!(codes("request served in 2006 ms on port 9000").is_empty());
        assert!(codes("7103 citations issued in March").is_empty());
        assert!(codes("Braintree 2001 (Insufficient Funds)").is_empty());
        assert!(codes("ticket #7103 (account locked)").is_empty());
        assert!(codes("| 11003 | token mock |").is_empty());
    }

    #[test]
    fn a_gloss_in_parentheses_or_quotes_that_says_otherwise_is_anothers() {
        let said = |text: &str, code| glossed_otherwise(text.as_bytes(), 4, code);
        assert!(said("2001 (Insufficient Funds) and 2004", 2001));
        assert!(said("9002 \"transaction log is full\" page", 9002));
        assert!(!said("7103 (account locked)", 7103));
        assert!(!said("7100 (412), 7103 (38)", 7100));
        assert!(!said("7100 is wrong", 7100));
        assert!(!said("7104 (user not found) for the new hires", 7104));
        assert!(!said("7100 (twice, both on mobile)", 7100));
        use crate::scan::recognise::tests::codes as scanned;
        let notes = "Our Stormpath tenant had a quiet week.\n\
                     Billing: mostly 2001 (Insufficient Funds), not ours.\n\
                     Login: mostly 7103 (account locked).";
        assert_eq!(scanned(notes), [7103]);
        let it = "Stormpath error codes go to #login.\n\
                  kate: printer on 3 showing 5200 again\n\
                  kate: the copier's fault code 5100 again\n";
        assert!(scanned(it).is_empty());
    }
}
