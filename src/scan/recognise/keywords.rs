//! Context words (`error`, `code`, `errorCode`, `Stormpath`): where they
//! stand as words, whether they name error codes, and the other kinds of
//! code (`zip code`, `exit code`) whose numbers are not ours.

use super::prefilter::CONTEXT_TRIGGERS;
use super::word_ending;
use std::sync::OnceLock;

/// Whether a keyword names error codes: `errors`, `codes`, `error code`,
/// `errorCode`, `error counts` (a tally of codes); not one error (`error
/// handling`, `ERROR:`), nor source code (`## Code`).
pub(super) fn names_codes(text: &[u8], at: usize, keyword: &[u8]) -> bool {
    // Plural: one `error count` is a number of errors.
    const TALLIES: &[&str] = &["tallies", "counts", "totals", "breakdown"];
    let ends_with = |word: &[u8], end: &[u8]| {
        word.len() >= end.len() && word[word.len() - end.len()..].eq_ignore_ascii_case(end)
    };
    if keyword.eq_ignore_ascii_case(b"error") {
        let next = text[at + keyword.len()..]
            .strip_prefix(b" ")
            .unwrap_or_default();
        let word = &next[..next.iter().take_while(|b| b.is_ascii_alphabetic()).count()];
        TALLIES
            .iter()
            .any(|t| t.as_bytes().eq_ignore_ascii_case(word))
    } else if keyword.eq_ignore_ascii_case(b"code") {
        // `Error code`, `error  code`
        let before = text[..at].trim_ascii_end();
        before.len() < at && ends_with(before, b"error")
    } else {
        ends_with(keyword, b"errors")
            || ends_with(keyword, b"codes")
            || keyword.len() > 4 && ends_with(keyword, b"code")
    }
}

/// The words that put a number after them in an error context, the
/// moreInfo URL forms (4614's anchor was `#id1`), and `status.` that
/// starts the server's message keys (`status.7104.dev`).
pub(super) const CONTEXT_WORDS: &[&str] = &[
    "error",
    "errors",
    "err",
    "errorcode",
    "errcode",
    "error_code",
    "error-code",
    "code",
    "codes",
    "stormpath",
    "stormpath.com/docs/errors/",
    "docs.stormpath.com/errors/",
    "errors.html#error-",
    "errors.html#id1",
    "status.",
];

/// Adds the context word whose first trigger (`trigger`, an index in
/// `CONTEXT_TRIGGERS`) stands at `at` of a line in lower case: the longest,
/// unless it would overlap the one before. These are the words a search
/// for all of them, leftmost-longest, would find.
pub(super) fn keyword_at(
    lower: &[u8],
    at: usize,
    trigger: usize,
    keywords: &mut Vec<(usize, usize)>,
) {
    static BY_TRIGGER: OnceLock<Vec<Vec<(&'static str, usize)>>> = OnceLock::new();
    let by_trigger = BY_TRIGGER.get_or_init(|| {
        let mut by_trigger = vec![Vec::new(); CONTEXT_TRIGGERS.len()];
        for word in CONTEXT_WORDS {
            let (offset, trigger) = CONTEXT_TRIGGERS
                .iter()
                .enumerate()
                .filter_map(|(i, t)| Some((word.find(t)?, i)))
                .min()
                .expect("every context word holds a trigger");
            by_trigger[trigger].push((*word, offset));
        }
        by_trigger
    });
    let after = keywords.last().map_or(0, |k| k.1);
    let found = by_trigger[trigger]
        .iter()
        .filter_map(|&(word, offset)| {
            let start = at.checked_sub(offset)?;
            let fits = start >= after && lower[start..].starts_with(word.as_bytes());
            fits.then_some((start, start + word.len()))
        })
        .min_by_key(|&(start, end)| (start, std::cmp::Reverse(end)));
    keywords.extend(found);
}

/// Words that may stand between a keyword and its number:
/// `errorCode`, `error code no. 7100`, `["errorCode"]=> int(2006)`.
pub(super) const FILLERS: &[&[u8]] = &[
    b"code", b"codes", b"number", b"no", b"num", b"int", b"is", b"was", b"id",
];

pub(super) fn left_boundary(text: &[u8], at: usize) -> bool {
    match at.checked_sub(1).map(|i| text[i]) {
        None => true,
        Some(b) if !b.is_ascii_alphanumeric() => true,
        // camelCase: `loginError 7100`
        Some(b) if b.is_ascii_lowercase() && text[at].is_ascii_uppercase() => true,
        // the end of a colour escape: `\x1b[31merror 7100`
        Some(_) => after_escape_sequence(&text[..at - 1]),
    }
}

/// Whether `text` ends with the start of a terminal escape sequence, `ESC [`
/// and its parameters, so that the letter after it ends the sequence.
pub(super) fn after_escape_sequence(text: &[u8]) -> bool {
    let parameters = text
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit() || **b == b';')
        .count();
    text[..text.len() - parameters].ends_with(b"\x1b[")
}

pub(super) fn right_boundary(text: &[u8], at: usize, keyword: &[u8]) -> bool {
    if keyword.contains(&b'/') || keyword.ends_with(b"-") || keyword.ends_with(b".") {
        return true;
    }
    match text.get(at) {
        None => true,
        Some(b) if !b.is_ascii_alphanumeric() => true,
        // camelCase: `errorCode`
        Some(b) => b.is_ascii_uppercase() && text[at - 1].is_ascii_lowercase(),
    }
}

/// Kinds of code that are not error codes: `zip code 10017`, `promo code
/// 2016`, `verification code 7102`, `exit code 1`.
pub(super) const OTHER_CODES: &[&[u8]] = &[
    b"zip",
    b"postal",
    b"post",
    b"area",
    b"country",
    b"promo",
    b"coupon",
    b"discount",
    b"source",
    b"verification",
    b"confirmation",
    b"activation",
    b"invite",
    b"invitation",
    b"sms",
    b"otp",
    b"mfa",
    b"security",
    b"access",
    b"auth",
    b"pin",
    b"tracking",
    b"product",
    b"exit",
    b"return",
    b"status",
    b"http",
    b"language",
    b"currency",
    b"region",
    b"colour",
    b"color",
    b"qr",
    b"bar",
    b"company",
    // A printer's or another machine's: `Support Code: 5100`, `fault
    // code`.
    b"support",
    b"fault",
    b"trouble",
    b"terminal",
    b"instrument",
    // An app's release: `versionCode: 3004`, `build code`.
    b"version",
    b"build",
];

/// A short word in lower case, in `buffer`; none for a longer one.
fn lowered<'a>(word: &[u8], buffer: &'a mut [u8]) -> Option<&'a [u8]> {
    let lower = buffer.get_mut(..word.len())?;
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    Some(lower)
}

/// The word before a keyword at `at`, past the spaces, hyphens and
/// underscores between them: `zip` in `zip-code`, `Native` in
/// `NativeErrorCode`, `Response` in `processorResponseCode`.
fn qualifier(text: &[u8], at: usize) -> &[u8] {
    let before = &text[..at];
    let end = before.len()
        - before
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'-' | b'_'))
            .count();
    let word = word_ending(before, end);
    // A payment processor's in camel case: `processorResponseCode` (not an
    // identity provider's `idpResponseCode`).
    let camel = word
        .windows(2)
        .rposition(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    match camel {
        Some(i) if is_payments(&word[..=i]) => &word[i + 1..],
        _ => word,
    }
}

/// Whether the head of a camel-case name is a payment processor's.
fn is_payments(head: &[u8]) -> bool {
    let mut lower = [0u8; 10];
    lowered(head, &mut lower).is_some_and(|w| {
        matches!(
            w,
            b"processor" | b"gateway" | b"issuer" | b"bank" | b"acquirer" | b"merchant"
        )
    })
}

/// Whether a keyword heads no code: a `code` qualified as some other kind
/// of code by the word before it, or a metric that counts errors
/// (`updated=9120 errors=2001`, `login.errors=7101`; not `error=7101`).
pub(super) fn is_other_code(text: &[u8], at: usize, keyword: &[u8]) -> bool {
    if keyword.eq_ignore_ascii_case(b"errors") {
        return text.get(at + keyword.len()) == Some(&b'=');
    }
    if !keyword.eq_ignore_ascii_case(b"code") && !keyword.eq_ignore_ascii_case(b"codes") {
        return false;
    }
    let word = qualifier(text, at);
    !word.is_empty() && OTHER_CODES.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether the word before a keyword names another system's codes or
/// errors, as a line that does not name Stormpath means them: a payment
/// processor's `response code` or `reason code`, .NET's
/// `NativeErrorCode=10013` and `SocketException.ErrorCode=10013`, `socket
/// error`, Rust's `os error 10013`, `SQL error 2006`, a machine's
/// (`instrument errors 9003`, `carriage error 5100`; not a payment's:
/// Stormpath's own billing errors are `payment error 1927`). (Patterns,
/// not lists of strings: no pointers to relocate at start.)
pub(super) fn names_other_systems(text: &[u8], at: usize, keyword: &[u8]) -> bool {
    let is = |w: &[u8]| keyword.eq_ignore_ascii_case(w);
    let code = is(b"code") || is(b"codes");
    if !code && !is(b"error") && !is(b"errors") && !is(b"errorcode") && !is(b"error_code") {
        return false;
    }
    let mut word = qualifier(text, at);
    // `SocketException.ErrorCode`: a property of another system's error.
    if word.is_empty() && at > 0 && text[at - 1] == b'.' {
        // The class's name, digits and all: `Win32Exception`.
        let start = text[..at - 1]
            .iter()
            .rposition(|b| !b.is_ascii_alphanumeric())
            .map_or(0, |i| i + 1);
        let class = &text[start..at - 1];
        let suffix = class.len().saturating_sub(b"exception".len());
        if class[suffix..].eq_ignore_ascii_case(b"exception") {
            word = &class[..suffix];
        }
    }
    let mut lower = [0u8; 10];
    let Some(word) = lowered(word, &mut lower) else {
        return false;
    };
    match code {
        true => matches!(word, b"response" | b"reason" | b"decline"),
        // A machine's: `instrument error 9004`, `carriage error 5100`.
        false => matches!(
            word,
            b"native"
                | b"socket"
                | b"win32"
                | b"winsock"
                | b"os"
                | b"sql"
                | b"printer"
                | b"carriage"
                | b"terminal"
                | b"instrument"
        ),
    }
}

/// Whether a word that names a thing follows the number at `end` (`2016
/// roadmap`, `3000 MAU plan`), as it does not in the SDKs' `Stormpath 7104
/// (…)` or `Stormpath 7104: …`, nor in `Stormpath 7104 error` or
/// `Stormpath 7104 on login`.
pub(super) fn names_a_thing(text: &[u8], end: usize) -> bool {
    // Past Markdown's emphasis: `**2016** pricing`.
    let closers = text[end..].iter().take_while(|b| b"*_".contains(b)).count();
    let rest = &text[end + closers..];
    let Some(word) = rest.strip_prefix(b" ") else {
        return false;
    };
    let word_len = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &word[..word_len];
    // A year names its thing whatever follows (`Stormpath 2016 in
    // review`).
    let digits = text[..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let number = &text[end - digits..end];
    let year = digits == 4 && (&b"1990"[..]..=&b"2030"[..]).contains(&number);
    let mut lower = [0u8; 8];
    let names_nothing = lowered(word, &mut lower).is_some_and(|w| {
        // An error word, or a word that names nothing: after it a number
        // stands alone (`Stormpath 10017 on a few requests`).
        matches!(w, b"error" | b"errors" | b"err")
            || !year
                && matches!(
                    w,
                    b"on"
                        | b"in"
                        | b"at"
                        | b"for"
                        | b"from"
                        | b"when"
                        | b"while"
                        | b"since"
                        | b"after"
                        | b"during"
                        | b"again"
                        | b"is"
                        | b"was"
                        | b"with"
                        | b"to"
                        | b"through"
                        | b"thru"
                        | b"about"
                        | b"every"
                        | b"each"
                        | b"if"
                        | b"because"
                        | b"but"
                        | b"until"
                        | b"before"
                        | b"then"
                        | b"means"
                        | b"once"
                        | b"twice"
                        | b"now"
                        | b"too"
                        | b"today"
                        | b"yesterday"
                        | b"so"
                        | b"which"
                )
    });
    word_len > 0 && !names_nothing
}

/// The words a line holds, as the rules for tables and lists need them.
#[derive(Default)]
pub(super) struct Words {
    /// The word "code" (or a Markdown table's "error") at the end of a
    /// cell: the line may be a table's header.
    pub(super) code: bool,
    /// Words for error codes, not another kind of code (`zip code`): the
    /// line speaks of error codes, as a list's heading must.
    pub(super) codes: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_property_of_another_systems_exception_is_its_error() {
        let line = b"SocketException.ErrorCode=10013 (retrying)";
        assert!(names_other_systems(line, 16, b"ErrorCode"));
        let line = b"Win32Exception.ErrorCode=10013";
        assert!(names_other_systems(line, 15, b"ErrorCode"));
        let line = b"StormpathException.ErrorCode=10013";
        assert!(!names_other_systems(line, 19, b"ErrorCode"));
    }

    #[test]
    fn the_last_word_of_a_camel_case_key_qualifies_its_code() {
        let key = b"\"processorResponseCode\":\"2004\"";
        assert!(names_other_systems(key, 18, b"Code"));
        assert!(is_other_code(b"Company code 1100", 8, b"code"));
        assert!(!is_other_code(b"\"stormpathCode\": 7100", 10, b"Code"));
        let idp = b"login failed: idpResponseCode=7100";
        assert!(!names_other_systems(idp, 25, b"Code"));
    }

    #[test]
    fn a_metric_of_errors_counts_them() {
        let errors =
            |line: &str| is_other_code(line.as_bytes(), line.find("rrors").unwrap() - 1, b"errors");
        assert!(errors("sync done updated=9120 errors=2001"));
        assert!(errors("login.errors=7101"));
        assert!(!errors("Errors: 7103, 7100"));
        assert!(!errors("errors 7100 and 7101"));
        assert!(!is_other_code(b"error=7101 user=bob", 0, b"error"));
    }

    #[test]
    fn a_conjunction_after_a_number_names_no_thing() {
        let thing = |line: &str, number: &str| {
            names_a_thing(line.as_bytes(), line.find(number).unwrap() + number.len())
        };
        assert!(!thing(
            "the shift got Stormpath 7106 because it was off",
            "7106"
        ));
        assert!(thing("Stormpath 7104 roadmap", "7104"));
        // Nor "and" or "or", after which a count goes on.
        assert!(thing("Stormpath 3000 or so accounts", "3000"));
        assert!(thing("Stormpath 9000 and 9001 seats", "9000"));
        // A year names its thing whatever follows.
        assert!(thing("Stormpath 2016 and beyond", "2016"));
    }

    #[test]
    fn a_machines_errors_and_an_apps_version_are_not_codes() {
        let qualified = |line: &str, keyword: &str| {
            let at = line.find(keyword).expect("the keyword is on the line");
            let (line, keyword) = (line.as_bytes(), keyword.as_bytes());
            names_other_systems(line, at, keyword) || is_other_code(line, at, keyword)
        };
        assert!(qualified(
            "ChemVet500 instrument error 9004: rotor",
            "error"
        ));
        assert!(qualified("summary: instrument errors 9003 x1", "errors"));
        assert!(qualified("Canon PIXMA, carriage error 5100 once", "error"));
        assert!(qualified(
            "Verifone terminal code 1921 (comm error)",
            "code"
        ));
        assert!(!qualified("Tenant upgrade: payment error 1927", "error"));
        assert!(qualified("\"versionCode\": 3004,", "Code"));
        assert!(!qualified(
            "Stormpath login error 7100 at the terminal",
            "error"
        ));
        assert!(!qualified("the same error 7100 again", "error"));
    }
}
