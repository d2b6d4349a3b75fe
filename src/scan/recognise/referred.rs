//! A code that a reply takes up, in a text about error codes, and says
//! what it is in words of the catalog's: `The 7106 you're seeing means
//! the directory is disabled`, `The 7103 just means the account got
//! locked`, `the 2015 is unknown property`, `As for 7104: no account has
//! that email`; and a code in parentheses that ends an app's failure
//! message, quoted: `it says "Sorry, we couldn't sign you in. (7103)"`.
//! A number taken up that the reply says is something else (`The 3000 is
//! the client timeout`, `About the 7106 you opened - a duplicate`) is not
//! a code, nor one in a quoted label (`"Inbox (2002)"`).

use super::source::glosses;
use super::words::{YEARS, is_one_of, trim_punctuation};

/// Words that point at a number both sides know: `the 7106`.
const POINTERS: &[&str] = &["the", "that", "this", "those", "these", "your"];
/// What follows a pointed-at code to say what it is or who saw it: `the
/// 7106 you're seeing`, `the 7103 just means`, `the 2015 is`.
#[rustfmt::skip]
const SAYS_WHAT: &[&str] = &[
    "you", "you're", "youre", "you've", "we", "we're", "they", "they're", "she", "he", "i",
    "means", "meant", "mean", "is", "was", "are", "were", "=", "just", "only", "basically",
    "here", "there",
];
/// Words that take up a subject: `As for 7104:`, `About the 13108 -`,
/// `Re: 7103 -`, `Regarding 7101,`.
const TAKING_UP: &[&str] = &["about", "re", "regarding"];
/// Verbs before a quoted message: `it says "…"`, `shows "…"`.
#[rustfmt::skip]
const SAY: &[&str] = &[
    "says", "said", "saying", "shows", "showed", "showing", "reads", "displays", "displayed",
    "message", "error", "popup", "up",
];
/// Words of a message that says something failed: `Sorry, we couldn't
/// sign you in.`, `That code has expired`.
#[rustfmt::skip]
const FAILURE_WORDS: &[&str] = &[
    "sorry", "couldn't", "can't", "cannot", "unable", "failed", "fail", "error", "expired",
    "invalid", "incorrect", "wrong", "locked", "denied", "disabled", "not", "oops", "problem",
    "already", "taken", "exists", "required", "too",
];

/// Words of an app's message about signing in, an account or its codes.
#[rustfmt::skip]
const SIGNING_IN: &[&str] = &[
    "sign", "signin", "log", "login", "logins", "password", "account", "email", "e-mail",
    "code", "token", "verify", "verified", "verification", "username", "user", "session",
];

/// Whether the code `code` at `start..end` of `line` is one a reply takes
/// up (after a word that points at it and before what it is or who saw
/// it, or after a word that takes up a subject and before a colon, a
/// dash or a comma), and what the line says after
/// it holds a word of the code's texts.
pub(super) fn is_taken_up(line: &[u8], start: usize, end: usize, code: u32) -> bool {
    let is = is_one_of;
    let mut before = line[..start]
        .rsplit(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let Some(last) = before.next() else {
        return false;
    };
    let rest = &line[end..];
    let mut subject = trim_punctuation(last);
    let pointed = is(subject, POINTERS);
    if subject.eq_ignore_ascii_case(b"the") {
        subject = before.next().map_or(b"", trim_punctuation);
    }
    // `As for 7104:`, not `for 2016, we plan`.
    let subject = match subject.eq_ignore_ascii_case(b"for") {
        true => before.next().is_some_and(|w| w.eq_ignore_ascii_case(b"as")),
        false => is(subject, TAKING_UP),
    };
    let closes = [&b":"[..], b" -", b" \xe2\x80\x93", b","]
        .iter()
        .any(|mark| rest.starts_with(mark));
    let says_what = || {
        let rest = rest.strip_prefix(b" ").unwrap_or_default();
        let word = rest
            .split(u8::is_ascii_whitespace)
            .next()
            .unwrap_or_default();
        is(trim_punctuation(word), SAYS_WHAT)
    };
    let taken_up = pointed && says_what() || subject && closes;
    taken_up && glosses::agrees(code, rest)
}

/// Whether the code at `start..end` of `line` ends a quoted message of
/// failure in parentheses, after a verb of saying: `says "That code has expired
/// (13108)"`.
pub(super) fn ends_a_quoted_message(line: &[u8], start: usize, end: usize, code: u32) -> bool {
    // The quote that the parenthesis closes, and the one that opens it.
    let quotes: [(&[u8], &[u8]); 3] = [
        (b"\"", b"\""),
        ("\u{201d}".as_bytes(), "\u{201c}".as_bytes()),
        (b"'", b"'"),
    ];
    let after = line[end..].strip_prefix(b".").unwrap_or(&line[end..]);
    let Some(after) = after.strip_prefix(b")") else {
        return false;
    };
    let Some(&(_, opening)) = quotes.iter().find(|(close, _)| after.starts_with(close)) else {
        return false;
    };
    if !line[..start].ends_with(b"(") {
        return false;
    }
    let Some(open) = line[..start]
        .windows(opening.len())
        .rposition(|w| w == opening)
    else {
        return false;
    };
    let message = &line[open..start];
    let fails = message
        .split(|b| !(b.is_ascii_alphabetic() || *b == b'\''))
        .any(|word| is_one_of(word, FAILURE_WORDS));
    // An app's message about signing in (`Sorry, the room is already
    // booked (2021)` is another's); a year takes a sentence (`Failed
    // logins (2016)` is a label).
    let words = message
        .split(u8::is_ascii_whitespace)
        .filter(|w| w.len() > 1);
    let about_signing_in = message
        .split(|b| !b.is_ascii_alphabetic())
        .any(|word| is_one_of(word, SIGNING_IN));
    let least_words = if YEARS.contains(&code) { 3 } else { 2 };
    if !fails || !about_signing_in || words.count() < least_words {
        return false;
    }
    let said = line[..open]
        .rsplit(|b| b.is_ascii_whitespace())
        .map(trim_punctuation)
        .find(|w| !w.is_empty());
    said.is_some_and(|word| is_one_of(word, SAY))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::code_places::codes_where as codes;

    #[test]
    fn a_code_a_reply_takes_up_is_named() {
        let taken_up = |text| codes(text, is_taken_up);
        assert_eq!(
            taken_up("The 7106 you're seeing means the directory is disabled"),
            [7106]
        );
        assert_eq!(
            taken_up("Got it. The 7103 just means the account got locked"),
            [7103]
        );
        assert_eq!(taken_up("the 2015 is unknown property"), [2015]);
        assert_eq!(taken_up("As for 7104: no account has that email"), [7104]);
        assert_eq!(
            taken_up("About the 13108 - that code is no longer valid"),
            [13108]
        );
    }

    #[test]
    fn a_number_taken_up_as_something_else_is_not() {
        let taken_up = |text| codes(text, is_taken_up);
        assert!(taken_up("the 2001 logins we saw").is_empty());
        assert!(taken_up("The 3000 is the client timeout in ms").is_empty());
        assert!(taken_up("The 2016 is our budget baseline").is_empty());
        assert!(taken_up("The 7105 you're seeing in the artifact name is the build").is_empty());
        assert!(taken_up("About the 7106 you opened last week - a duplicate").is_empty());
        assert!(taken_up("As for 2017: we must have Okta in prod by June").is_empty());
        assert!(taken_up("For 2016, we plan").is_empty());
        assert!(taken_up("Store 2007 is closed").is_empty());
    }

    #[test]
    fn a_code_that_ends_a_quoted_message_is_named() {
        let quoted = |text| codes(text, ends_a_quoted_message);
        assert_eq!(
            quoted(r#"it says "Sorry, we couldn't sign you in. (7103)""#),
            [7103]
        );
        assert_eq!(
            quoted(r#"and it says "That code has expired (13108)""#),
            [13108]
        );
        assert!(quoted(r#"the report is called "Annual sales (2016)""#).is_empty());
        assert!(quoted(r#"the header says "Inbox (2002)""#).is_empty());
        assert!(quoted(r#"He said "Sorry, the room is already booked (2021)"."#).is_empty());
        assert!(quoted(r#"The report title reads "Failed logins (2016)""#).is_empty());
        assert!(quoted("we opened (7103) rooms").is_empty());
    }
}
