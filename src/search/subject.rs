//! Whether a query names a subject the reference could decide on.
//!
//! "it doesnt work", "getting an error", "keeps failing": such a query
//! says that something went wrong, and nothing of what. Every entry
//! matches it a little and none well, so its best hits are guesses, and
//! search says that the reference cannot answer it, not which entries
//! happen to share its words.

use super::index;
use super::lookup::Lookup;
use super::query::typo_budget;
use crate::standalone::words::{self, Token};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Words that say something went wrong, or name what any program has or
/// does, and never what failed: with only these a query has no subject.
/// Words a subject may hide in (`application`, `site`, `key`, `expired`,
/// `denied`, `timeout`) are not here, nor those the reference uses for one
/// of its own (`code` of MFA, `request` and `response`, `server` of SMTP);
/// a query with one is searched.
#[rustfmt::skip]
const NO_SUBJECT_WORDS: &[&str] = &[
    // that it went wrong
    "error", "err", "errors", "fail", "failed", "failure", "failing", "broke", "broken", "break",
    "problem", "issue", "wrong", "bug", "crash", "glitch", "down", "outage", "stuck", "hang",
    "freeze", "weird", "strange", "odd", "bad", "trouble", "occur", "occurred", "happen",
    "happened", "went", "gone", "unexpected", "unable", "invalid", "incorrect", "not", "no",
    "never", "nothing", "wtf", "ugh", "urgent", "asap", "fix", "fixed", "why", "how", "what",
    "where", "who", "once", "twice",
    // what any program has or does
    "work", "working", "works", "function", "run", "load", "go", "going", "try", "tried", "use",
    "get", "got", "getting", "say", "says", "said", "show", "shows", "see", "keep", "keeps",
    "stop", "stopped", "process", "complete", "return",
    "update", "updated", "refresh", "reload", "found", "message", "service",
    "system", "app", "page", "screen", "thing", "something", "anything", "everything", "stuff",
    "all", "any", "every", "same", "one", "this", "that", "here", "there", "he", "she", "they",
    "them", "us", "him", "her", "anyone", "someone", "everyone", "i'm", "im", "ive", "dont",
    "doesnt", "isnt", "cant", "wont", "didnt", "more", "much", "very", "really", "again",
    "still", "anymore", "up", "off", "over", "last", "first",
];

/// Words that only frame a number the query names as a code or a status
/// (`code 7199`, `HTTP 409`, `what does 7100 mean`): beside one, they name
/// nothing of their own.
const FRAMING_WORDS: &[&str] = &[
    "code", "codes", "error", "status", "id", "number", "no", "http", "https", "response",
    "returned", "returns", "mean", "means", "meaning", "meant",
];

/// Whether the query names anything the reference could decide on: a word
/// that is neither in `NO_SUBJECT_WORDS` (nor a typo of one) nor says
/// nothing alone (`2fa` names one). What the query names by code (`7199`,
/// a moreInfo URL) is looked up, not searched, and a number of three digits
/// is an HTTP status (`status`): neither names a subject, nor do the words
/// that frame them. A query of no words names nothing.
/// `lookups` are the query's code lookups (`code_lookups`).
pub(super) fn has_subject(tokens: &[Token], lookups: &[Lookup]) -> bool {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| !lookups.iter().any(|l| l.span.contains(&t.start)))
        .collect();
    let framed = !lookups.is_empty() || words.iter().any(|t| status(t).is_some());
    // `409 Conflict`, `HTTP 401 Unauthorized`: the words of a named
    // status's reason phrase say only what the status says.
    let reasons: Vec<&str> = words
        .iter()
        .filter_map(|t| status(t))
        .filter_map(reason_phrase)
        .flat_map(|phrase| phrase.split(' '))
        .collect();
    words.iter().any(|token| {
        if reasons.contains(&token.word.as_str()) {
            return false;
        }
        // A status frames; another number of three digits names its own
        // subject, as it did (`error 999`).
        if token.word.bytes().all(|b| b.is_ascii_digit()) {
            return token.word.len() == 3 && status(token).is_none();
        }
        let framing = framed && FRAMING_WORDS.contains(&token.word.as_str());
        !(framing || words::says_nothing_alone(&token.word) || says_no_subject(token))
    })
}

/// The standard reason phrase of an HTTP status an API answers with, in
/// lower case, as a tokenised query has it. (`400 Bad Request` alone says
/// no more than 400, though 7502's and 1101's messages begin "Bad
/// request": they name what was bad.)
fn reason_phrase(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "bad request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not found",
        405 => "method not allowed",
        409 => "conflict",
        410 => "gone",
        415 => "unsupported media type",
        422 => "unprocessable entity",
        429 => "too many requests",
        500 => "internal server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        _ => return None,
    })
}

/// The HTTP status a token of three digits names (`409`).
pub(super) fn status(token: &Token) -> Option<u16> {
    let number = token.word.parse().ok()?;
    (token.word.len() == 3 && (100..600).contains(&number)).then_some(number)
}

fn says_no_subject(token: &Token) -> bool {
    static STEMS: OnceLock<HashSet<String>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let stemmer = words::stemmer();
        NO_SUBJECT_WORDS
            .iter()
            .map(|w| words::stem_word(w, &stemmer))
            .collect()
    });
    if stems.contains(&token.stem) {
        return true;
    }
    // A word the catalog and the vocabulary do not know may be a typo of
    // one of these (`eror`, `brokn`), unless it is as near a word of the
    // catalog that names something (`stmp` is `smtp`, not `stop`).
    if index::term(&token.stem).is_some() || index::in_vocabulary(&token.stem) {
        return false;
    }
    let distance = |w: &str| strsim::osa_distance(&token.word, w);
    let nearest = NO_SUBJECT_WORDS.iter().map(|w| distance(w)).min();
    let Some(nearest) = nearest.filter(|&d| d <= typo_budget(&token.word)) else {
        return false;
    };
    let stemmer = words::stemmer();
    !index::words()
        .filter(|(known, _)| distance(known) <= nearest)
        .any(|(known, _)| !stems.contains(&words::stem_word(known, &stemmer)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::lookup::code_lookups;

    fn names_a_subject(query: &str) -> bool {
        has_subject(
            &words::tokenize(query, &words::stemmer()),
            &code_lookups(query),
        )
    }

    #[test]
    fn a_complaint_with_no_subject_names_nothing() {
        for query in [
            "it doesnt work",
            "getting an error",
            "keeps failing",
            "Something went wrong?!",
            "eror",
            "it failed again today",
            "code 7199",
            "error code 7199",
            "http://docs.stormpath.com/errors/7199",
            "status 7199",
            "what does 7100 mean",
            "HTTP 409",
            "error 500",
            "404 not found",
            "409 Conflict",
            "HTTP/1.1 401 Unauthorized",
            "500 internal server error",
            "400 Bad Request",
            "it failed twice",
            "",
            "??",
        ] {
            assert!(!names_a_subject(query), "{query}");
        }
    }

    #[test]
    fn a_word_of_what_failed_or_a_number_names_a_subject() {
        for query in [
            "login doesnt work",
            "wrong pasword",
            "token expired",
            "application disabled",
            "error 500 on login",
            "invalid href",
            "account not found",
            "smtp server error",
            "2fa code is wrong",
            "invalid code",
            "bad request",
            "400 bad request: password too short",
            "409 conflict on email",
            "stmp failed",
            "usre not found",
            "templete error",
        ] {
            assert!(names_a_subject(query), "{query}");
        }
    }
}
