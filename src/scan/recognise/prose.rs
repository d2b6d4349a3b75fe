//! Codes in people's sentences: one whose sentence the line before began
//! (`the code should` / `be 2001`), and, with no context word beside them
//! in a text people wrote about Stormpath's errors, a number glossed with
//! its code's meaning (`glossed`), named as what came back (`received`),
//! opening a line or a sentence (`opening`), opening a span of codes
//! (`spans`) or named in passing (`casual`); not one glossed as another's
//! message (`2001 (Insufficient Funds)`), nor on a line about a printer.

use super::code_places::{self, CodePlaces};
use super::numbers::{code_number, number_at};
use super::other_numbers::{is_not_stormpaths, is_other_programs_number};
use super::sentences::{Read, Sentence};
use super::words::trim_punctuation;
use super::{Scanner, bare, casual, glossed, opening, received, referred, source, spans};
use crate::scan::Via;

impl Scanner {
    /// Codes that people's sentences name without a context word on the
    /// line at `line` of `block`: glossed with their meaning (`glossed`) or
    /// named as what came back (`received`), in a text people wrote about
    /// Stormpath's errors that has not disowned its numbers. `by_people`:
    /// the line names Stormpath as people do (`the 7100 is real from
    /// Stormpath's side`), which a code named bare needs where the text
    /// has named none before.
    #[inline(always)]
    pub(super) fn prose_numbers(
        &mut self,
        block: &[u8],
        line: std::ops::Range<usize>,
        by_people: bool,
    ) {
        // Asked of every line: most texts are not opened, and cost one test.
        if self.written_by_people && !self.source_text && !self.disowned {
            self.prose_numbers_on(block, line, by_people);
        }
    }

    fn prose_numbers_on(&mut self, block: &[u8], line: std::ops::Range<usize>, by_people: bool) {
        let places: &mut CodePlaces = &mut self.scratch.code_places;
        if !places.any_in(block, line.start, line.end) {
            return;
        }
        // The line before, in this block: a verb may end it.
        let previous = match line.start.checked_sub(1) {
            Some(newline) => {
                let from = memchr::memrchr(b'\n', &block[..newline]).map_or(0, |n| n + 1);
                &block[from..newline]
            }
            None => &[][..],
        };
        let range = line.clone();
        let line = &block[line];
        // A code the line has named already is not looked for again, nor
        // a number a word makes an id (`PR 7103 (handle locked accounts)`).
        let mut found = Vec::new();
        let rankings = &mut self.gloss_rankings_left;
        let named_codes = &self.named_codes;
        let stormpath_by_people = self.stormpath_by_people;
        code_places::standalone_codes(line, |start, end, code| {
            let named = self.current.iter().any(|hit| hit.code == code);
            // Named before, or before it on this line (`mostly 13108, and
            // 13104 sometimes`).
            let said_before = |code| {
                named_codes.iter().any(|&(c, _)| c == code)
                    || found.iter().any(|&(_, _, c)| c == code)
            };
            let any_said =
                by_people || stormpath_by_people && (!named_codes.is_empty() || !found.is_empty());
            let mut said = || {
                received::is_received(line, start, end, code, previous)
                    || opening::opens_a_line(line, start, end, code)
                    || spans::opens_a_span(line, start, end, code)
                    || casual::in_passing(line, start, end, code)
                    || glossed::is_glossed(line, end, code, rankings)
                    || glossed::is_glossed_before(line, start, end, code, rankings)
                    || referred::is_taken_up(line, start, end, code)
                    || referred::ends_a_quoted_message(line, start, end, code)
                    || any_said && bare::stands_as_a_code(line, start, end, code, said_before)
            };
            let theirs = || glossed::glossed_otherwise(line, end, code);
            if !named && !names_its_own_number(&line[..start]) && said() && !theirs() {
                found.push((start, end, code));
            }
        });
        let theirs = || source::says_not_stormpath(line) || source::names_a_vendor(line);
        if found.is_empty() || theirs() || names_a_machine(line) {
            return;
        }
        for (start, end, code) in found {
            // What the old rules say of a number after "error" holds here
            // too (`failed with 10013 (WSAEACCES)`).
            let lower = &self.scratch.lower[range.clone()];
            let theirs = is_not_stormpaths(line, start, false, false)
                || is_other_programs_number(line, start, end)
                || self.installing.may_have_written(code, self.line, lower);
            if !theirs {
                self.push(code, Via::Number, start, &line[start..end]);
            }
        }
    }

    /// The number of a sentence that the previous line's end cut: `the code
    /// should` / `be 2001`.
    pub(super) fn sentence_goes_on(&mut self, text: &[u8], sentence: Sentence) {
        let number = match sentence.read(text, 0) {
            Read::Number(at) => number_at(text, at),
            Read::RunsOn(sentence) if !text.trim_ascii().is_empty() => {
                self.sentence = Some(sentence);
                None
            }
            _ => None,
        };
        let Some((start, end)) = number else {
            return;
        };
        if let Some(code) = code_number(text, start, end).filter(|_| {
            !is_other_programs_number(text, 0, end)
                && !is_not_stormpaths(text, start, self.source_text, false)
        }) {
            self.push_with_list(code, 0, text, start, end);
        }
    }
}

/// Whether a line speaks of a printer or a copier, whose screens show
/// numbered errors in Stormpath's ranges (`printer on 3 showing 5200`).
fn names_a_machine(line: &[u8]) -> bool {
    line.split(|b| !b.is_ascii_alphabetic()).any(|word| {
        ["printer", "printers", "copier", "copiers", "plotter"]
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
    })
}

/// Whether the `stormpath` at `at` of a line in lower case is a sentence's
/// (`Stormpath kept throwing 11001 at us`, `getting 3003 from stormpath on
/// save`, `pulled the Stormpath error code`, `login service (Stormpath)`,
/// `she got Stormpath error 7100`): two words follow it, or a small word
/// of a sentence or a verb of getting stands before it,
/// or it is a mail's address; not a log record's `Stormpath error 7100`
/// or `Stormpath 13101 (…)`.
fn in_a_sentence(lower: &[u8], at: usize) -> bool {
    // Not a syslog's record, which has no level word (`auth[233]: login
    // for alice got Stormpath error 7100`).
    let got = || {
        let word = lower[..at].strip_suffix(b" ").map(last_word);
        let name = lower[at + b"stormpath".len()..].starts_with(b" ");
        let process = || lower[..at].windows(3).any(|w| w == b"]: ");
        word.is_some_and(received::is_a_verb) && name && !process()
    };
    // `Customer reports Stormpath error 7100 after password reset.`
    let code_then_words = || {
        let next = after_its_label(lower, at);
        let digits = next.iter().take_while(|b| b.is_ascii_digit()).count();
        // A word of a sentence before it, at a line that starts with one:
        // not a record's `web1 auth: stormpath error 7100 for alice`, nor
        // one after a time (`10:00:01 …`).
        let before = &lower[..at];
        let subject = before.strip_suffix(b" ").map(last_word);
        // Cheapest first: a record's code has a mark after it (`7100 (`).
        (4..=5).contains(&digits)
            && next.get(digits + 1).is_some_and(u8::is_ascii_lowercase)
            && subject.is_some_and(|w| !w.is_empty() && w.iter().all(u8::is_ascii_alphabetic))
            && lower.first().is_some_and(u8::is_ascii_alphabetic)
            && !opening::is_a_chat_line(before)
            && words_follow(&next[digits..])
    };
    // `from stormpath.com`: a host's name, not the company's.
    let host = matches!(lower.get(at + b"stormpath".len()..), Some([b'.', b, ..]) if b.is_ascii_alphanumeric());
    (after_a_small_word(&lower[..at]) || got() || code_then_words())
        && !host
        && !is_a_log_record(lower)
        || words_follow(&lower[at + b"stormpath".len()..])
        || addresses(lower)
}

/// Whether the `stormpath` at `at` of a line in lower case is named by
/// people: in a sentence, or on a line of a ticket's or a chat's header
/// (`Tags: login, stormpath_account`, `Channel topic: Stormpath login
/// errors`); not in a log's record, a JSON body or a link
/// (`docs.stormpath.com`).
pub(super) fn named_by_people(lower: &[u8], at: usize) -> bool {
    // A record's label (`Stormpath 7104 (…)`, `Stormpath error 7100`),
    // JSON, a link, a class's name, an exception's line.
    let machines = || {
        let first = lower.trim_ascii_start().first();
        let next = &lower[at + b"stormpath".len()..];
        let labelled = after_its_label(lower, at);
        // A setting or a package (`provider = stormpath`,
        // `stormpath==2.5.0`, `'stormpath-rails'`), not a ticket's tags.
        let setting = memchr::memchr(b'=', lower).is_some()
            || next.first().is_some_and(|b| b"-_.:/'\"".contains(b))
                && !lower.starts_with(b"tags:");
        labelled.first().is_some_and(u8::is_ascii_digit)
            || setting
            || first.is_some_and(|b| b"{[\"<".contains(b))
            || at > 0 && b"./:@'\"".contains(&lower[at - 1])
            || memchr::memmem::find(&lower[..at], b"://").is_some()
            || memchr::memmem::find(lower, b"exception").is_some()
    };
    in_a_sentence(lower, at) || !machines() && !is_a_log_record(lower)
}

/// What follows the `stormpath` at `at` of a line in lower case, past a
/// record's label after it (` error `, ` code `, a space): `7100 (…)` of
/// `stormpath error 7100 (…)`.
fn after_its_label(lower: &[u8], at: usize) -> &[u8] {
    let next = &lower[at + b"stormpath".len()..];
    [&b" error "[..], b" code ", b" "]
        .iter()
        .find_map(|label| next.strip_prefix(*label))
        .unwrap_or(next)
}

/// Whether a line in lower case is a log's record: a level word stands
/// among its first words (`10:00:01 INFO connecting to Stormpath`).
fn is_a_log_record(lower: &[u8]) -> bool {
    const LEVELS: &[&[u8]] = &[
        b"info", b"warn", b"warning", b"error", b"debug", b"trace", b"fatal",
    ];
    // Not the error a sentence names: `we get stormpath error 7100`.
    let mut words = lower
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(4);
    let mut previous: &[u8] = b"";
    words.any(|w| {
        let level = LEVELS.contains(&w) && previous != b"stormpath";
        previous = w;
        level
    })
}

/// Whether a line in lower case is a mail's header that names its writer
/// or its readers (`To: Stormpath Support <support@stormpath.com>`): people
/// wrote the mail to or from Stormpath.
fn addresses(lower: &[u8]) -> bool {
    ["from: ", "to: ", "cc: ", "reply-to: "]
        .iter()
        .any(|header| lower.starts_with(header.as_bytes()))
}

/// Whether two words follow `stormpath`, the first not an error word.
fn words_follow(rest: &[u8]) -> bool {
    let rest = rest.strip_prefix(b"'s").unwrap_or(rest);
    let Some(rest) = rest.strip_prefix(b" ") else {
        return false;
    };
    let mut words = rest.split(|&b| b == b' ');
    let is_word =
        |w: &[u8]| !w.is_empty() && w.iter().all(|b| b.is_ascii_lowercase() || *b == b'\'');
    match (words.next(), words.next()) {
        (Some(first), Some(second)) => {
            is_word(first)
                && is_word(trim_punctuation(second))
                && !matches!(first, b"error" | b"errors" | b"err" | b"code" | b"codes")
        }
        _ => false,
    }
}

/// Whether the text before `stormpath` ends with a small word of a
/// sentence and a space (`the Stormpath`, `on Stormpath,`), or that and a
/// parenthesis (`login service (Stormpath)`): a log's record puts a colon,
/// a comma or a dot there (`failed: Stormpath error`, `com.stormpath`).
fn after_a_small_word(before: &[u8]) -> bool {
    #[rustfmt::skip]
    const SMALL_WORDS: &[&str] = &[
        "the", "our", "your", "their", "a", "an", "on", "in", "into", "from", "with", "via", "by",
        "to", "of", "at", "and", "or", "for", "using", "through", "about", "is", "was", "are",
        "were", "like", "than",
    ];
    let parenthesis = before.strip_suffix(b"(");
    let Some(before) = parenthesis.unwrap_or(before).strip_suffix(b" ") else {
        return false;
    };
    let word = before.rsplit(|&b| b == b' ').next().unwrap_or_default();
    match parenthesis {
        Some(_) => !word.is_empty() && word.iter().all(u8::is_ascii_alphabetic),
        None => SMALL_WORDS.iter().any(|w| w.as_bytes() == word),
    }
}

/// Whether the word before a number makes it an id of its own: `PR
/// 7103`, `TC 7100:`, `Line 2001`, `Room 7102`, `ticket #7100`.
fn names_its_own_number(before: &[u8]) -> bool {
    #[rustfmt::skip]
    const ID_WORDS: &[&str] = &[
        "pr", "mr", "tc", "ticket", "case", "line", "lines", "room", "issue", "bug", "story",
        "task", "order", "invoice", "incident", "inc", "build", "job", "run", "step", "test",
        "page", "section", "item", "row", "port", "ext", "extension", "pid", "version",
        "release", "sprint", "week", "chg", "change", "ref", "reference", "id", "no", "number",
        "commit", "batch", "account", "user", "customer", "tenant", "record",
    ];
    let before = before.trim_ascii_end();
    let word = trim_punctuation(last_word(before.strip_suffix(b"#").unwrap_or(before)));
    ID_WORDS
        .iter()
        .any(|id| id.as_bytes().eq_ignore_ascii_case(word))
}

/// Whether the error words at `start..end` count errors, not speak of
/// them: `0 errors`, `no errors so far`, `errors=0`.
pub(super) fn counts_errors(text: &[u8], start: usize, end: usize) -> bool {
    let word_before = last_word(&text[..start]);
    let counted = word_before.first().is_some_and(u8::is_ascii_digit)
        || [&b"no"[..], b"zero", b"any", b"without"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word_before));
    counted
        || matches!(text.get(end), Some(b'=' | b':'))
            && text.get(end + 1).is_some_and(u8::is_ascii_digit)
}

/// The last word of a text, past the spaces after it.
fn last_word(text: &[u8]) -> &[u8] {
    let text = text.trim_ascii_end();
    text.rsplit(|b| b.is_ascii_whitespace())
        .next()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stormpath_in_a_sentence_is_not_a_log_records() {
        let said = |line: &str| in_a_sentence(line.as_bytes(), line.find("stormpath").unwrap());
        assert!(said("stormpath kept throwing 11001 at us"));
        assert!(said("our login via stormpath keeps failing."));
        assert!(said("getting 3003 from stormpath on save, is that"));
        assert!(said("and stormpath refused to exchange it."));
        assert!(!said("smtp test failed: stormpath error 11001"));
        assert!(!said(
            "http 400, stormpath 13101 (http://docs.stormpath.com/errors/7100)"
        ));
        assert!(!said("see stormpath.com for more"));
        assert!(said(
            "at 06:31 she got stormpath error 7100 (wrong password)"
        ));
        assert!(!said("10:00:01 error got stormpath error 7100"));
        assert!(!said(
            "jan 12 10:00:01 web1 auth[233]: alice got stormpath error 7100"
        ));
        assert!(said(
            "support pulled the stormpath error code out of the log"
        ));
        assert!(said("1. login service (stormpath)"));
        assert!(said("customer login on stormpath, sso, hr feed"));
        assert!(!said(
            "error 2016-11-03 c.a.mail - smtp test failed: stormpath error 11001"
        ));
        assert!(!said("[main] (stormpath) error 7100"));
        assert!(said("to: stormpath support <support@stormpath.com>"));
        assert!(said("vendor portal auth is stormpath."));
        assert!(!said("10:00:01 info connecting to stormpath"));
        assert!(said("we get stormpath error 7104 a lot."));
        assert!(!said("we got a 10102 back from stormpath.com today"));
        assert!(!said("web1 auth: stormpath error 7100 for alice"));
        assert!(!said(
            "jan 12 10:00:01 web1 auth stormpath error 7100 for alice"
        ));
        assert!(said(
            "customer reports stormpath error 7100 after password reset."
        ));
        assert!(!said(
            "jan 12 web1 auth[233]: stormpath error 7100 for alice"
        ));
        assert!(!said("error stormpath error 7104"));
        assert!(!said("2016-10-01 warn (stormpath) slow response"));
        assert!(said("from: sam ortega <sam@stormpath.com>"));
    }

    #[test]
    fn a_count_of_errors_is_not_speaking_of_them() {
        let counts = |line: &str| {
            let start = line.to_ascii_lowercase().find("errors").unwrap();
            counts_errors(line.as_bytes(), start, start + 6)
        };
        assert!(counts("Nightly run: 3 errors"));
        assert!(counts("No errors so far"));
        assert!(counts("batch done errors=0 warnings=2"));
        assert!(!counts("Stormpath errors seen: 7100"));
        assert!(!counts("the errors we got"));
    }

    #[test]
    fn a_word_before_a_number_may_make_it_an_id() {
        assert!(names_its_own_number(b"See PR "));
        assert!(names_its_own_number(b"Room "));
        assert!(names_its_own_number(b"the old ticket #"));
        assert!(!names_its_own_number(b"now one customer gets "));
        assert!(!names_its_own_number(b"- "));
    }
}
