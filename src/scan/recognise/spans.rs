//! Spans of codes: `codes 7100-7104`, `9003 through 9005`, `13100–13104`,
//! `errors 10010 to 10013`. A span whose first number a rule has found as
//! a code names every code of the catalog inside it, as `show 7100-7104`
//! does; both its ends are codes of one family (all digits but the last
//! two the same).

use super::Scanner;
use super::words::YEARS;
use crate::catalog;
use crate::scan::Via;

impl Scanner {
    /// Adds the catalog codes inside the spans that the line's codes found
    /// so far open: `7100` of `codes 7100-7104` adds 7101 to 7104.
    pub(super) fn spans(&mut self, line: &[u8]) {
        let mut inside = Vec::new();
        for hit in self.current.iter().filter(|h| h.via == Via::Number) {
            let start = hit.column - 1;
            // The hit's text may hold a word before its code (`codes: 7100`)
            // and is escaped: its code's digits are found in the line.
            let Some((code_start, end)) = digits_of(line, start, hit.code) else {
                continue;
            };
            let Some((high, high_end)) = span_of_codes(line, code_start, end, hit.code) else {
                continue;
            };
            let codes = catalog::in_range(hit.code + 1, high).iter();
            inside.extend(codes.map(|e| (e.code, start, high_end)));
        }
        for (code, start, end) in inside {
            self.push(code, Via::Number, start, &line[start..end]);
        }
    }
}

/// Whether the number `code` at `start..end` of a line opens a span of
/// codes (`I'll take the 7100-7103 range`, `13100 through 13104`): its
/// other end, a code of its family, says what it is, in a text about
/// Stormpath's errors as in a ticket's prose.
pub(super) fn opens_a_span(line: &[u8], start: usize, end: usize, code: u32) -> bool {
    span_of_codes(line, start, end, code).is_some() && heads_a_span(&line[..start])
}

/// Whether the text before a span leads in to codes: the line's start, a
/// comma, colon or parenthesis (`MFA pilot, 13100 through 13104`), or a
/// small word (`take the 7100-7103 range`, `anything in 4600-4603`); not
/// what numbers its own things (`Tickets 7100-7103`, `Rooms 5100-5105`,
/// `Call 020 7100-7103`).
fn heads_a_span(before: &[u8]) -> bool {
    #[rustfmt::skip]
    const LEADS: &[&str] = &[
        "the", "in", "from", "between", "all", "any", "of", "see", "saw", "seeing", "got", "get",
        "getting", "and", "or", "codes", "errors", "error",
    ];
    let before = before.trim_ascii_end();
    let Some(&last) = before.last() else {
        return true;
    };
    let word = before
        .rsplit(|b| !b.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    b",:(".contains(&last)
        || LEADS
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

/// The other end of the span that the code `low` at `start..end` of `line`
/// opens, and where it ends; `Stormpath 2014-2016` is a span of years,
/// unless the words before it are about codes.
fn span_of_codes(line: &[u8], start: usize, end: usize, low: u32) -> Option<(u32, usize)> {
    let (high, high_end) = span_end(line, end, low)?;
    let years = YEARS.contains(&low) && YEARS.contains(&high);
    (!years || about_codes(&line[..start])).then_some((high, high_end))
}

/// Where the first number from `from` of `line` that spells `code`
/// stands, read as the rules read codes (`code_numbers`).
fn digits_of(line: &[u8], from: usize, code: u32) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some((start, end, number)) = super::numbers::next_code_number(line, at) {
        if number == code {
            return Some((start, end));
        }
        at = end;
    }
    None
}

/// Whether the words before a span say it is one of codes: `codes`,
/// `errors`, `error`.
fn about_codes(before: &[u8]) -> bool {
    let before = before.trim_ascii_end();
    let before = before.strip_suffix(b":").unwrap_or(before);
    ["codes", "errors", "error"].iter().any(|w| {
        before.len() >= w.len()
            && before[before.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    })
}

/// The other end of a span that the code `low`, ending at `end` of `line`,
/// opens, and where it ends: `-7104`, ` – 7104`, `—7104`, `..7104`, ` to
/// 7104`, ` through 7104`. It is a code of the catalog in `low`'s family
/// and greater: a block of numbering (`CRM errors 2000-2099`) is no list
/// of codes.
fn span_end(line: &[u8], end: usize, low: u32) -> Option<(u32, usize)> {
    let (high, high_end) = joined_number(line, end)?;
    let span = high > low && high / 100 == low / 100 && catalog::lookup(high).is_some();
    span.then_some((high, high_end))
}

/// Whether the year `low`, ending at `end` of `line`, opens a span of
/// years (`Stormpath 2015-2017`, whose first year another rule might take
/// for a code).
pub(super) fn opens_years(line: &[u8], end: usize, low: u32) -> bool {
    YEARS.contains(&low) && joined_number(line, end).is_some_and(|(high, _)| YEARS.contains(&high))
}

/// The number that a dash or a word joins to the number ending at `end`
/// of `line`, and where it ends: `-7104`, ` – 7104`, `—7104`, `..7104`,
/// ` to 7104`, ` through 7104`.
fn joined_number(line: &[u8], end: usize) -> Option<(u32, usize)> {
    let after = &line[end..];
    let spaced = after.starts_with(b" ");
    let rest = after.trim_ascii_start();
    let dashes = [
        &b"-"[..],
        "\u{2013}".as_bytes(),
        "\u{2014}".as_bytes(),
        b"..",
    ];
    let rest = dashes
        .iter()
        .find_map(|dash| rest.strip_prefix(*dash))
        .or_else(|| {
            // A word between: `7100 to 7104`, never `7100to7104`.
            let word = ["to ", "through ", "thru "]
                .iter()
                .find_map(|w| rest.strip_prefix(w.as_bytes()));
            word.filter(|_| spaced)
        })?;
    let high_start = line.len() - rest.trim_ascii_start().len();
    let len = line[high_start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let high_end = high_start + len;
    if !(4..=5).contains(&len) || !ends_a_number(&line[high_end..]) {
        return None;
    }
    let high = super::numbers::parse_digits(&line[high_start..high_end]);
    Some((high, high_end))
}

/// Whether the digits before `after` end there: not a word's, a decimal's
/// or a date's (`7104a`, `7104.5`, `7104-12`).
fn ends_a_number(after: &[u8]) -> bool {
    match after {
        [b, ..] if b.is_ascii_alphanumeric() || *b == b'%' => false,
        [b'.' | b'-' | b'/' | b':', d, ..] if d.is_ascii_digit() => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(line: &str, end: usize, low: u32) -> Option<u32> {
        span_end(line.as_bytes(), end, low).map(|(high, _)| high)
    }

    #[test]
    fn a_span_is_two_codes_of_one_family_joined() {
        assert_eq!(span("codes 7100-7104 seen", 10, 7100), Some(7104));
        assert_eq!(span("errors 13100\u{2013}13104.", 12, 13100), Some(13104));
        assert_eq!(span("anything in 5100 \u{2013} 5104", 16, 5100), Some(5104));
        assert_eq!(span("from 9000 to 9002 overnight", 9, 9000), Some(9002));
        assert_eq!(span("9003 through 9005", 4, 9003), Some(9005));
        assert_eq!(span("2100..2103", 4, 2100), Some(2103));
    }

    #[test]
    fn other_numbers_joined_are_no_span() {
        // A date, a smaller number, another family, a decimal, a word.
        assert_eq!(span("2016-10-18", 4, 2016), None);
        assert_eq!(span("7104-7100", 4, 7104), None);
        assert_eq!(span("7100-7300", 4, 7100), None);
        assert_eq!(span("errors 2000-2099", 11, 2000), None);
        assert_eq!(span("7100-7104.5", 4, 7100), None);
        assert_eq!(span("7100-7104a", 4, 7100), None);
        assert_eq!(span("7100-71045", 4, 7100), None);
        assert_eq!(span("7100to7104", 4, 7100), None);
        assert_eq!(span("7100 - wrong password", 4, 7100), None);
        // Another family, though within a hundred.
        assert_eq!(span("1990-2010", 4, 1990), None);
    }

    #[test]
    fn a_found_code_that_opens_a_span_names_the_codes_inside() {
        use crate::scan::recognise::tests::codes;
        assert_eq!(
            codes("Stormpath codes 7100-7103 all mean a failed login"),
            [7100, 7101, 7102, 7103]
        );
        // 6200 is no code of the catalog: the span names those it has.
        assert_eq!(
            codes("Stormpath error codes 6200-6203"),
            [6200, 6201, 6202, 6203]
        );
        assert_eq!(codes("error 9000 to 9002 overnight"), [9000, 9001, 9002]);
        // A number no rule found opens no span, and years join years.
        assert!(codes("Years 2014-2016 were busy").is_empty());
        let years = codes("We used Stormpath 2014-2016 and loved it.");
        assert!(
            !years.contains(&2015) && !years.contains(&2016),
            "{years:?}"
        );
        assert_eq!(codes("Stormpath error codes 2000-2002"), [2000, 2001, 2002]);
        assert!(codes("We were on Stormpath 2015-2017 for the portal.").is_empty());
    }

    #[test]
    fn in_a_text_about_stormpaths_errors_a_span_of_codes_says_what_it_is() {
        use crate::scan::recognise::tests::codes;
        let triage = "We pulled the Stormpath error code of every ticket.\n\
                      Anna: I'll take the 7100-7103 range\n\
                      Ravi: MFA pilot, 13100 through 13104.\n\
                      Room 2014-2016, ext. 7100-7199, in 2015-2017.";
        assert_eq!(
            codes(triage),
            [7100, 7101, 7102, 7103, 13100, 13101, 13102, 13103, 13104]
        );
        let ids = "Our login runs on Stormpath and we keep seeing its errors.\n\
                   Tickets 7100-7103 are duplicates. Rooms 5100-5105 are booked.\n\
                   Call 020 7100-7103 for the desk.";
        assert!(codes(ids).is_empty());
        // Not in a text that has not spoken of Stormpath.
        assert!(codes("I'll take the 7100-7103 range").is_empty());
    }
}
