//! A text that says its numbers are its own, not Stormpath's: a company's
//! reference of its own API's errors ("the codes below are ShopWave's own",
//! "these numbers are unrelated to the codes of our identity provider,
//! Stormpath"), message keys under `# Our own portal errors (not
//! Stormpath)`. From that statement on, the numbers of its data (a table's
//! rows, a JSON body's fields, `key=value` lines) name no Stormpath code,
//! until a heading about errors or Stormpath starts another section, or
//! data names Stormpath again (a table's header, a body with a Stormpath
//! link). Prose keeps its numbers ("these numbers are unrelated to
//! Stormpath's codes; users get error 7100"), and so does a quoted catalog
//! message.
//!
//! A statement may run over two lines, so each line is read with the one
//! before it. It must name Stormpath, point at the text's own numbers
//! ("these", "below", "listed") and say in one clause that they are the
//! text's own, or unrelated to codes named after the phrase: "the checkout
//! failures are unrelated to the Stormpath error codes", "Okta's own
//! codes", "your own codes" and "we don't use our own error numbers"
//! disown nothing.

use super::Scanner;
use super::source::{is_other_product, says_not_stormpath};
use crate::scan::Via;
use memchr::memmem::{Finder, FinderRev};
use std::sync::LazyLock;

/// The most bytes of a line, and of the line before it, read for a
/// statement.
pub(super) const MOST_READ: usize = 1024;
/// How far from its phrase a statement's word for the numbers may stand.
const REACH: usize = 40;

/// How a line names Stormpath: a statement names it as a name, where an
/// address (`support@stormpath.com`, `com.stormpath.sdk`) only ends one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Named {
    Not,
    InAnAddress,
    AsAName,
}

/// How the "stormpath" at `at` of a lower-cased line names it.
pub(super) fn named_at(line: &[u8], at: usize) -> Named {
    let end = at + b"stormpath".len();
    let before = at.checked_sub(1).map(|i| line[i]);
    let address = matches!(before, Some(b'.' | b'@' | b'/'))
        || match line.get(end) {
            Some(b'/' | b'@') => true,
            Some(b'.') => line.get(end + 1).is_some_and(u8::is_ascii_alphanumeric),
            _ => false,
        };
    match address {
        true => Named::InAnAddress,
        false => Named::AsAName,
    }
}

/// Whether a text is disowned after a line (lower-cased, as is the line
/// before it, `previous`), given whether it was before the line and how
/// the line names Stormpath: every statement's last line names it. A
/// heading about errors starts a section of its own, and data that names
/// Stormpath (a table's header, a body with a Stormpath link) is
/// Stormpath's again.
pub(super) fn after_line(disowned: bool, previous: &[u8], line: &[u8], stormpath: Named) -> bool {
    if disowned && (is_heading_about_errors(line) || stormpath != Named::Not && is_data_line(line))
    {
        return false;
    }
    if stormpath != Named::AsAName {
        return disowned;
    }
    let previous = &previous[previous.len().saturating_sub(MOST_READ)..];
    let line = &line[..line.len().min(MOST_READ)];
    if OWN.find(line).is_some() && says_own(line) {
        return true;
    }
    if RELATED.find(line).is_some() || RELATED.find(previous).is_some() {
        let mut both = Vec::with_capacity(previous.len() + 1 + line.len());
        both.extend_from_slice(previous);
        both.push(b' ');
        both.extend_from_slice(line);
        if says_unrelated(&both) {
            return true;
        }
    }
    disowned
}

/// Whether a line of a disowned text is data whose numbers it disowns: a
/// table's row, a JSON body's field, a `key=value` line. Prose keeps its
/// numbers, labelled or not ("Customer: gets error 7100", "Re: error
/// 7104"): a ticket that says "these numbers are unrelated to Stormpath's
/// codes" may go on "users get error 7100".
pub(super) fn is_data_line(line: &[u8]) -> bool {
    let line = line.trim_ascii_start();
    if line.first().is_some_and(|b| b"|{[\"'<".contains(b)) {
        return true;
    }
    let key = line
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || b"_.-".contains(b))
        .count();
    key > 0 && line.get(key) == Some(&b'=')
}

/// A Markdown heading with a word for errors, or that names Stormpath:
/// `## Sign-in errors passed through`, `### Sign-in failures (from
/// Stormpath)`.
fn is_heading_about_errors(line: &[u8]) -> bool {
    line.trim_ascii_start().starts_with(b"#")
        && words(line)
            .any(|w| w.starts_with(b"error") || w.starts_with(b"code") || w == b"stormpath")
}

/// What the disowning phrases hold, to pass most lines by at a glance.
static OWN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"own"));
static RELATED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"relat"));
pub(super) static STORMPATH_BACK: LazyLock<FinderRev<'static>> =
    LazyLock::new(|| FinderRev::new(b"stormpath"));

/// "These numbers are unrelated to the codes of our identity provider …
/// Stormpath": the text's numbers as the subject, the phrase, a word for
/// the numbers in the clause after it, and Stormpath named after it ("The
/// checkout failures are unrelated to the Stormpath error codes", "HTTP
/// status codes are unrelated to …", "our ticket numbers are unrelated to
/// …" disown nothing).
fn says_unrelated(text: &[u8]) -> bool {
    const PHRASES: [&[u8]; 3] = [b"unrelated to ", b"not related to ", b"no relation to "];
    let Some(last_stormpath) = STORMPATH_BACK.rfind(text) else {
        return false;
    };
    PHRASES.iter().any(|phrase| {
        memchr::memmem::find_iter(text, phrase).any(|at| {
            let after = at + phrase.len();
            let near = clause_from(text, after);
            let subject = clause_to(text, at);
            last_stormpath > at && words(near).any(names_numbers) && points_at_its_numbers(subject)
        })
    })
}

/// "the codes below are ShopWave's own", "our own portal errors": the
/// text's own numbers, not Stormpath's, said in one clause. Not "Okta's
/// own codes" (another product's), "the Stormpath SDK's own", "your own
/// codes", nor "we don't use our own error numbers" or "unlike our own".
fn says_own(text: &[u8]) -> bool {
    whole_words(text, b"own").any(|at| {
        let before = text[..at].trim_ascii_end();
        let stars = before.iter().rev().take_while(|&&b| b == b'*').count();
        let before = &before[..before.len() - stars];
        let clause_before = clause_to(text, at);
        let clause_after = clause_from(text, at + 3);
        let plural = |clause: &[u8]| words(clause).any(|w| PLURALS.contains(&w));
        let denied = words(clause_before).any(|w| NOT.contains(&w) || w == b"t");
        if denied {
            return false;
        }
        // `# Our own portal errors (not Stormpath)`, not "our own error
        // codes are on the Portal errors page" nor "we wrap Stormpath
        // failures in our own error codes".
        if words(before).last() == Some(b"our") {
            let numbers = plural(clause_after) || plural(clause_before);
            return numbers && (says_not_stormpath(text) || points_at_its_numbers(text));
        }
        // `codes … are ShopWave's own`: the numbers before it, its subject,
        // and the owner after the verb.
        let Some(owner_end) = before
            .strip_suffix(b"'s")
            .or_else(|| before.strip_suffix("\u{2019}s".as_bytes()))
            .map(<[u8]>::len)
        else {
            return false;
        };
        let Some(verb) = whole_words(clause_before, b"are").last() else {
            return false;
        };
        let subject = &clause_before[..verb];
        let clause_start = at - clause_before.len();
        let owner = text
            .get(clause_start + verb + 3..owner_end)
            .unwrap_or_default();
        plural(subject)
            && points_at_its_numbers(subject)
            && !owner.is_empty()
            && memchr::memmem::find(owner, b"stormpath").is_none()
            && !words(owner).any(is_other_product)
    })
}

/// Whether a text points at the numbers it lists: "these numbers", "the
/// codes below", "the codes here", "listed".
fn points_at_its_numbers(text: &[u8]) -> bool {
    words(text).any(|w| matches!(w, b"these" | b"below" | b"here" | b"listed" | b"following"))
}

/// Words that deny or set aside what follows them.
const NOT: [&[u8]; 7] = [
    b"not", b"never", b"unlike", b"instead", b"rather", b"longer", b"nor",
];

/// The plural words for a text's numbers.
const PLURALS: [&[u8]; 4] = [b"codes", b"numbers", b"errors", b"errorcodes"];

/// Whether a word names error numbers: `code`, `numbers`, `errors`,
/// `reference`.
fn names_numbers(word: &[u8]) -> bool {
    [&b"code"[..], b"number", b"error", b"reference"]
        .iter()
        .any(|stem| word.starts_with(stem))
}

/// The places where `word` stands whole in a lower-cased text.
fn whole_words<'a>(text: &'a [u8], word: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    memchr::memmem::find_iter(text, word).filter(move |&at| {
        let end = at + word.len();
        (at == 0 || !text[at - 1].is_ascii_alphanumeric())
            && text.get(end).is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

/// The runs of letters of a text.
pub(super) fn words(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
}

/// The part of a text's clause that starts at `from`, at most `REACH`
/// bytes: up to a stop, a semicolon, a colon or a bracket.
fn clause_from(text: &[u8], from: usize) -> &[u8] {
    &text[from..from + clause_len(text[from..].iter())]
}

/// The part of a text's clause that ends at `to`, at most `REACH` bytes.
fn clause_to(text: &[u8], to: usize) -> &[u8] {
    &text[to - clause_len(text[..to].iter().rev())..to]
}

/// How many of `bytes` go before a clause ends, at most `REACH`.
fn clause_len<'a>(bytes: impl Iterator<Item = &'a u8>) -> usize {
    bytes
        .take(REACH)
        .take_while(|b| !CLAUSE_ENDS.contains(b))
        .count()
}

const CLAUSE_ENDS: &[u8] = b".;:()!?";

impl Scanner {
    /// Follows whether the text has disowned its numbers (`disowning`),
    /// after a line of the block (its place and the one before it), and
    /// drops the line's numbers where it had and still has: not on the line
    /// that makes the statement, nor on one that names Stormpath.
    pub(super) fn follow_disowning(
        &mut self,
        previous: std::ops::Range<usize>,
        line: std::ops::Range<usize>,
        stormpath: Named,
    ) {
        // A line that names a code is no statement that numbers are not
        // Stormpath's (and not read for one: most such lines are logs').
        let stormpath = match self.current.is_empty() {
            true => stormpath,
            false => stormpath.min(Named::InAnAddress),
        };
        let lower = &self.scratch.lower;
        let disowned = self.disowned;
        self.disowned = after_line(disowned, &lower[previous], &lower[line.clone()], stormpath);
        if disowned && self.disowned && is_data_line(&lower[line]) {
            self.current.retain(|hit| hit.via == Via::Message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::tests::codes;

    /// Whether a text is disowned after its lines, read in turn.
    fn disowned_after(text: &str) -> Vec<bool> {
        let lower = text.to_ascii_lowercase();
        let lines: Vec<&[u8]> = lower.as_bytes().split(|&b| b == b'\n').collect();
        let mut disowned = false;
        let mut states = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let previous = if i == 0 { &b""[..] } else { lines[i - 1] };
            let stormpath = memchr::memmem::find_iter(line, b"stormpath")
                .map(|at| named_at(line, at))
                .max()
                .unwrap_or(Named::Not);
            disowned = after_line(disowned, previous, line, stormpath);
            states.push(disowned);
        }
        states
    }

    #[test]
    fn a_company_that_says_its_codes_are_its_own_disowns_them() {
        let text = "ShopWave uses Stormpath for sign-in, but the codes below are **ShopWave's own**.\n\
                    They appear in the `error.code` field and are unrelated to\n\
                    the numbers in Stormpath's reference.\n\
                    \n\
                    | 2001 | 409 | Cart already checked out |";
        assert_eq!(disowned_after(text), [true; 5]);
        // Over two lines, Stormpath named on the second.
        let text = "`code` is our error number. These numbers are unrelated to the codes of our\n\
                    identity provider: sign-in is handled by Stormpath.\n\
                    ## 2xxx: purchase orders\n\
                    | 2001 | 404 | Purchase order not found. |";
        assert_eq!(disowned_after(text), [false, true, true, true]);
        let text = "# Our own portal errors (not Stormpath): ACME-xxxx\nacme.errors.2001=Taken";
        assert_eq!(disowned_after(text), [true, true]);
    }

    #[test]
    fn a_heading_about_errors_or_data_that_names_stormpath_ends_it() {
        let text = "The error codes below are our own, unrelated to Stormpath's.\n\
                    ## Sign-in errors passed through\n\
                    | 7100 | wrong password |";
        assert_eq!(disowned_after(text), [true, false, false]);
        let text = "The error codes below are Acme's own, not Stormpath's.\n\
                    | Stormpath code | Meaning |";
        assert_eq!(disowned_after(text), [true, false]);
    }

    #[test]
    fn what_is_unrelated_or_own_must_be_numbers_said_to_be_the_texts() {
        for text in [
            "The 7101 errors are unrelated to the Stormpath outage last week.",
            "The checkout failures are unrelated to the Stormpath error codes we discussed.",
            "The HTTP status (400) is unrelated to the Stormpath error code.",
            "We show our own error page; the Stormpath errors are logged.",
            "Stormpath's own error codes are listed below.",
            "The codes below are the Stormpath SDK's own.",
            "The error codes in the right column are Okta's own, the left are Stormpath's.",
            "Stormpath does not let you define your own error codes.",
            "We don't use our own error numbers any more; all below are Stormpath's.",
            "Unlike our own error numbers, Stormpath's codes are four digits:",
            "Unrelated to this: the Stormpath error codes page moved.",
            "Our own codes are listed below.",
            "Decoys: Okta's own codes E0000001; see docs.stormpath.com/errors/2001.",
            "HTTP status codes are unrelated to Stormpath error codes: a 400 may carry any.",
            "Our own error codes (AUTH-1xx) are on the Portal errors page, not in this Stormpath runbook.",
            "Our ticket numbers are unrelated to the Stormpath error codes.",
            "We wrap Stormpath failures in our own error codes; the original is in `cause`.",
        ] {
            assert_eq!(disowned_after(text), [false], "{text}");
        }
    }

    #[test]
    fn a_disowned_texts_data_names_no_code_but_its_prose_does() {
        let reference = "# Orders API errors\n\
                         We sign in with Stormpath, but the error codes below are Acme's own.\n\
                         | Code | Meaning |\n\
                         |---|---|\n\
                         | 2001 | Order already shipped |\n\
                         | 7100 | Basket expired |\n\
                         {\"code\": 7101, \"message\": \"Basket expired\"}\n\
                         Users who cannot sign in see Stormpath error 7104.\n\
                         ## Stormpath errors we pass through\n\
                         | Code | Meaning |\n\
                         |---|---|\n\
                         | 7102 | Account locked |";
        assert_eq!(codes(reference), [7104, 7102]);
        let ticket = "These numbers are our tracker's and have no relation to Stormpath error codes.\n\
                      Today the user got error 7104.\n\
                      Customer: gets error 7100 on every login\n\
                      WARN: login failed, error code 7102";
        assert_eq!(codes(ticket), [7104, 7100, 7102]);
        let wiki = "The codes below are ShopWave's own, not Stormpath's.\n\
                    | Code | Meaning |\n|---|---|\n| 2001 | Cart checked out |\n\
                    ### Sign-in failures (from Stormpath)\n\
                    | Code | Meaning |\n|---|---|\n| 7101 | Disabled |";
        assert_eq!(codes(wiki), [7101]);
        // A quoted catalog message still names its code.
        let quoted = "The error codes below are our own, unrelated to Stormpath's.\n\
                      | Users see | Login attempt failed because the specified password is incorrect. |";
        assert_eq!(codes(quoted), [7100]);
        // A line that names a code makes no statement.
        let text = "Stormpath error 7104 again; our own error codes (1xxx) are fine.\n\
                    | Code | Meaning |\n\
                    | 7101 | Account disabled |";
        assert_eq!(codes(text), [7104, 7101]);
    }
}
