//! Numbers that are codes: the number after a keyword, message keys
//! (`stormpath.web.errors.7104`), the lists that continue them, and what
//! makes digits a code (four or five of them, in a known range).

use super::keywords::FILLERS;
use super::{CODE_DIGITS, MAX_GAP, word_at, word_ending};
use crate::catalog;

/// The number right at `at`.
pub(super) fn number_at(text: &[u8], at: usize) -> Option<(usize, usize)> {
    let end = at + text[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    (end > at).then_some((at, end))
}

/// The bytes passed over between a keyword and its number, as a table: a
/// gap is read byte by byte. `+` is a space in a URL's query
/// (`?q=error+2001`); `*` is Markdown's emphasis (`Stormpath **9002**`).
pub(super) const GAP_BYTES: [bool; 256] = byte_set(b" \t:=\"'`#[](){}>-_+*");

pub(super) const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

/// The number after a keyword, past separators and filler words.
pub(super) fn number_after_gap(text: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let limit = (at + MAX_GAP).min(text.len());
    while at < limit {
        let b = text[at];
        if b.is_ascii_digit() {
            return number_at(text, at);
        }
        // `=~` matches a regular expression (`code=~"9004|9005"`); a `~`
        // alone is "about" (`errors: ~2000 per hour`).
        if GAP_BYTES[usize::from(b)] || b == b'~' && text[at - 1] == b'=' {
            at += 1;
            continue;
        }
        if let Some(width) = wide_space_or_quote(&text[at..]) {
            at += width;
            continue;
        }
        let word = word_at(text, at);
        let word_end = at + word.len();
        // `Stormpath's 4001`
        let possessive = word == b"s" && at > 0 && text[at - 1] == b'\'';
        if possessive || word_end > at && FILLERS.iter().any(|f| f.eq_ignore_ascii_case(word)) {
            at = word_end;
            // `no.` as in "error no. 7100"
            if text.get(at) == Some(&b'.') {
                at += 1;
            }
            continue;
        }
        return None;
    }
    None
}

/// Whether words heading numbers key them by time, not by code: `Errors
/// per year: 2014 (12), 2015 (30)`, `by month: 2016=41`, `Daily error
/// counts`.
pub(super) fn keyed_by_time(words: &[u8]) -> bool {
    const TIMES: &[&[u8]] = &[
        b"year", b"month", b"week", b"day", b"hour", b"date", b"minute",
    ];
    const EVERY: &[&[u8]] = &[b"daily", b"weekly", b"monthly", b"hourly", b"yearly"];
    let is = |w: &[u8], list: &[&[u8]]| list.iter().any(|t| t.eq_ignore_ascii_case(w));
    let words: Vec<&[u8]> = words
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().any(|w| is(w, EVERY))
        || words
            .windows(2)
            .any(|pair| is(pair[0], &[b"per", b"by", b"each"]) && is(pair[1], TIMES))
}

/// The first number of a list that words about codes head, past a few
/// more words and a colon or a dash: `error codes seen today: 7100`,
/// `Stormpath errors hit during the migration: 2001, 2002`, `Error codes we
/// still get - 7100`.
pub(super) fn number_after_heading(text: &[u8], at: usize) -> Option<(usize, usize)> {
    const MOST_WORDS: usize = 6;
    let rest = &text[at..];
    let words_end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphabetic() || b" '()-".contains(&b)))
        .unwrap_or(rest.len());
    let words = &rest[..words_end];
    // `Errors per hour: 3000`, `Total errors since deploy: 2003`: a count.
    const COUNTING: &[&[u8]] = &[
        b"per", b"total", b"since", b"last", b"count", b"counts", b"number", b"rate", b"average",
    ];
    let counting = |w: &[u8]| COUNTING.iter().any(|c| c.eq_ignore_ascii_case(w));
    let before = text[..at].rsplit(|&b| b == b' ').nth(1).unwrap_or_default();
    let heading = words.split(|&b| b == b' ').filter(|w| !w.is_empty());
    if heading.clone().count() > MOST_WORDS {
        return None;
    }
    let counts = heading.clone().any(counting) || counting(before);
    let by_time = keyed_by_time(words);
    let after = match &rest[words_end..] {
        [b':', ..] => words_end + 1,
        // An en or em dash.
        [0xe2, 0x80, 0x93 | 0x94, ..] => words_end + 3,
        [digit, ..] if digit.is_ascii_digit() && words.trim_ascii_end().ends_with(b" -") => {
            words_end
        }
        _ => return None,
    };
    let gap = rest[after..].iter().take_while(|&&b| b == b' ').count();
    let (start, end) = number_at(text, at + after + gap)?;
    // Under words for counting, a number is a count, unless a count
    // follows it: `Stormpath error counts: 7100 (412), 7103 (38)`.
    if by_time || counts && count_after(text, end).is_none() {
        return None;
    }
    // After `errors`, one number may be how many (`Errors today: 2004`);
    // a list of them is a list of codes.
    let codes = text[..at].len() >= 5 && text[at - 5..at].eq_ignore_ascii_case(b"codes");
    (codes || list_continuation(text, end).is_some()).then_some((start, end))
}

/// The number after an HTTP status that a keyword's number is, in a list
/// of arguments: `error(400, 10100, "malformed")`.
pub(super) fn past_status(text: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    // A client error's status, as Stormpath's errors have.
    let status = &text[start..end];
    if status.len() != 3 || status[0] != b'4' {
        return None;
    }
    let rest = text[end..].strip_prefix(b",")?;
    let spaces = rest.iter().take_while(|b| **b == b' ').count();
    let (start, end) = number_at(text, end + 1 + spaces)?;
    // An argument of its own, not `2000 ms`.
    let alone = text.get(end).is_none_or(|b| b",;)]}".contains(b));
    alone.then_some((start, end))
}

/// A code that the word "error" follows, after a word that points at it:
/// `a 7100 error`, `the 2021 error`, `that 4001 error` (the caller asks for
/// the singular: `the 2000 errors` are a count).
pub(super) fn number_before(text: &[u8], keyword_start: usize) -> Option<(usize, usize)> {
    const POINTERS: &[&[u8]] = &[b"this", b"that", b"same", b"our", b"any"];
    let end = text[..keyword_start].strip_suffix(b" ")?.len();
    let digits = text[..end]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let start = end - digits;
    let pointer = word_ending(text, text[..start].strip_suffix(b" ")?.len());
    let points = ARTICLES
        .iter()
        .chain(POINTERS)
        .any(|p| p.eq_ignore_ascii_case(pointer));
    (digits > 0 && points).then_some((start, end))
}

/// Words that may stand before a code as before a noun.
const ARTICLES: &[&[u8]] = &[b"a", b"an", b"the"];

/// Verbs of meeting an error: the number right after one, in a line about
/// errors, is one (`users also hit 10015`, `we still get 10024`, `keeps
/// throwing 9005`). Not "returned", which logs say of counts and pools.
const MEETS: &[&[u8]] = &[
    b"get",
    b"gets",
    b"got",
    b"getting",
    b"hit",
    b"hits",
    b"hitting",
    b"see",
    b"sees",
    b"seeing",
    b"saw",
    b"throw",
    b"throws",
    b"throwing",
    b"threw",
    b"gives",
    b"gave",
    b"giving",
    b"receive",
    b"receives",
    b"received",
    b"receiving",
];

/// The numbers of a line that a verb of meeting an error stands right
/// before, perhaps with an article: `hit 10015`, `get a 7100`.
pub(super) fn numbers_after_meeting(text: &[u8], mut each: impl FnMut(usize, usize)) {
    let mut at = 0;
    while let Some(found) = text[at..].iter().position(u8::is_ascii_digit) {
        let start = at + found;
        let (_, end) = number_at(text, start).expect("a digit starts a number");
        at = end;
        // Only a code's length, a word before it.
        if !CODE_DIGITS.contains(&(end - start)) || start == 0 || text[start - 1] != b' ' {
            continue;
        }
        // The words before it, one space apart, back to front.
        let mut before = &text[..start];
        let mut word = || {
            before = before.strip_suffix(b" ")?;
            let word = word_ending(before, before.len());
            before = &before[..before.len() - word.len()];
            Some(word)
        };
        let mut verb = word();
        if verb.is_some_and(|w| ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(w))) {
            verb = word();
        }
        if verb.is_some_and(|v| MEETS.iter().any(|m| m.eq_ignore_ascii_case(v))) {
            each(start, end);
        }
    }
}

/// What is made for an error: `an error file for 7101`, `the error page
/// for 2024`.
const ERROR_THINGS: &[&[u8]] = &[
    b"file",
    b"files",
    b"page",
    b"pages",
    b"message",
    b"messages",
    b"template",
    b"templates",
    b"handler",
    b"handlers",
    b"screen",
    b"screens",
    b"text",
    b"texts",
    b"doc",
    b"docs",
    b"article",
    b"entry",
    b"test",
    b"tests",
];

/// The number that an error word names as an error through a thing made
/// for it: `error file for 7101`, `error pages for 13109 and 13110`.
pub(super) fn number_after_thing(text: &[u8], at: usize) -> Option<(usize, usize)> {
    let skip_spaces = |at: usize| at + text[at..].iter().take_while(|b| **b == b' ').count();
    let at = skip_spaces(at);
    let thing = word_at(text, at);
    if !ERROR_THINGS.iter().any(|t| t.eq_ignore_ascii_case(thing)) {
        return None;
    }
    let at = skip_spaces(at + thing.len());
    let joint = word_at(text, at);
    if !joint.eq_ignore_ascii_case(b"for") {
        return None;
    }
    let at = skip_spaces(at + joint.len());
    number_at(text, at)
}

/// A message key that ends in a code, `stormpath.web.errors.7104` or
/// `errors.7104`, or the server's `status.7104` with its suffix
/// (`status.7104.dev`): the key's span and its code.
pub(super) fn message_key(
    text: &[u8],
    start: usize,
    end: usize,
    keyword: &[u8],
) -> Option<(usize, usize, u32)> {
    let status = keyword.eq_ignore_ascii_case(b"status.");
    let errors = keyword.eq_ignore_ascii_case(b"error") || keyword.eq_ignore_ascii_case(b"errors");
    let digits_at = match (status, text.get(end)) {
        (true, _) => end,
        (false, Some(b'.')) if errors => end + 1,
        _ => return None,
    };
    let (digits_start, digits_end) = number_at(text, digits_at)?;
    let digits = &text[digits_start..digits_end];
    if !CODE_DIGITS.contains(&digits.len()) || digits[0] == b'0' {
        return None;
    }
    let mut key_end = digits_end;
    if status && text.get(key_end) == Some(&b'.') {
        key_end += 1 + word_at(text, key_end + 1).len(); // `.dev`
    }
    // The key ends there: `errors.2016-10-18.log` is a file name.
    let key_byte = |i: usize| {
        text.get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    if key_byte(key_end)
        || text.get(key_end).is_some_and(|b| b".-".contains(b)) && key_byte(key_end + 1)
    {
        return None;
    }
    let key_start = start
        - text[..start]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || b"_.-".contains(b))
            .count();
    let code = parse_digits(digits);
    catalog::category_of(code)?;
    Some((key_start, key_end, code))
}

/// The width of a Unicode space (no-break, thin, ideographic…) or quote
/// mark at the start of `text`: they stand between a word and its number
/// as ASCII spaces and quotes do.
pub(super) fn wide_space_or_quote(text: &[u8]) -> Option<usize> {
    if text.first().is_none_or(u8::is_ascii) {
        return None;
    }
    let head = &text[..text.len().min(4)];
    let c = head.utf8_chunks().next()?.valid().chars().next()?;
    let gap = matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    ) || matches!(c, '\u{2018}'..='\u{201f}' | '«' | '»' | '‹' | '›');
    gap.then(|| c.len_utf8())
}

/// Where the count that follows a list's code ends: `7500 (12)`,
/// `5100=17`, `7100 x 412`, `10011 × 3,904`. People tally codes so.
pub(super) fn count_after(text: &[u8], end: usize) -> Option<usize> {
    let rest = &text[end..];
    let parenthesised = rest.strip_prefix(b" (").or(rest.strip_prefix(b"("));
    let count = parenthesised
        .or(rest.strip_prefix(b"="))
        .or(rest.strip_prefix(b" x "))
        .or(rest.strip_prefix(" \u{d7} ".as_bytes()))?;
    let start = text.len() - count.len();
    // Digits, with commas between thousands: `3,904`.
    let mut digits = 0;
    while let Some(&b) = count.get(digits) {
        let three_digits = |from: usize| {
            count
                .get(from..from + 3)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        };
        let thousands = b == b',' && digits > 0 && three_digits(digits + 1);
        if !(b.is_ascii_digit() || thousands) {
            break;
        }
        digits += 1;
    }
    if digits == 0 {
        return None;
    }
    let count_end = start + digits;
    match parenthesised {
        Some(_) => (text.get(count_end) == Some(&b')')).then_some(count_end + 1),
        None => text
            .get(count_end)
            .is_none_or(|b| !b.is_ascii_alphanumeric())
            .then_some(count_end),
    }
}

/// Words that join the items of a list of codes.
pub(super) const LIST_WORDS: &[&[u8]] = &[b"and", b"or", b"plus", b"then", b"also"];

/// The next number of a list: `7100, 7101 and 7103`, `` `4604`, `5104` ``,
/// `7500 (12), 7504 (3)`.
pub(super) fn list_continuation(text: &[u8], mut at: usize) -> Option<(usize, usize)> {
    at = count_after(text, at).unwrap_or(at);
    let limit = (at + 16).min(text.len());
    let mut separated = false;
    while at < limit {
        let b = text[at];
        if b.is_ascii_digit() {
            return if separated { number_at(text, at) } else { None };
        }
        if b" \t,;/&+".contains(&b) {
            separated = true;
            at += 1;
            continue;
        }
        if b"`*".contains(&b) {
            at += 1; // marked up: `` `4604`, `5104` ``
            continue;
        }
        // A regular expression's alternatives, `9004|9005`; not a table's
        // cells, `| 7100 | 2016 |`.
        let tight = |i: usize| text.get(i).is_some_and(u8::is_ascii_digit);
        if b == b'|' && at > 0 && tight(at - 1) && tight(at + 1) {
            separated = true;
            at += 1;
            continue;
        }
        let word = word_at(text, at);
        let word_end = at + word.len();
        if LIST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            separated = true;
            at = word_end;
            continue;
        }
        return None;
    }
    None
}

/// The catalog-range numbers of a text, each as code digits: not part of a
/// word, a decimal or a date.
pub(super) fn code_numbers(text: &[u8], mut each: impl FnMut(usize, usize, u32)) {
    let mut at = 0;
    while let Some((start, end, code)) = next_code_number(text, at) {
        each(start, end, code);
        at = end;
    }
}

/// The first of `code_numbers` that starts at `from` or later, read in the
/// whole text (what stands before `from` still counts), as (start, end,
/// code).
pub(super) fn next_code_number(text: &[u8], from: usize) -> Option<(usize, usize, u32)> {
    let mut at = from;
    while at < text.len() {
        if !text[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let start = at;
        while at < text.len() && text[at].is_ascii_digit() {
            at += 1;
        }
        let word_before =
            start > 0 && (text[start - 1].is_ascii_alphabetic() || text[start - 1] == b'_');
        if word_before {
            continue;
        }
        if let Some(code) = code_number(text, start, at) {
            return Some((start, at, code));
        }
    }
    None
}

/// The code that the digits at `start..end` spell, if they can be one: four
/// or five digits, in the range of some category, and not part of a larger
/// token, a date, a time, a decimal, a version or an amount. `2000/2006`
/// and `7100,7101` are lists, but `2016-10-18`, `7100.5` and `12:30` are not.
pub(super) fn code_number(text: &[u8], start: usize, end: usize) -> Option<u32> {
    if !CODE_DIGITS.contains(&(end - start)) || text[start] == b'0' {
        return None;
    }
    if start > 0 {
        let before = text[start - 1];
        if before.is_ascii_alphanumeric() || b"$.".contains(&before) {
            return None;
        }
        if b"-/:,".contains(&before) {
            let previous = text[..start - 1]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let list = b"/,".contains(&before) && CODE_DIGITS.contains(&previous);
            if previous > 0 && !list {
                return None;
            }
        }
    }
    match text.get(end) {
        Some(b) if b.is_ascii_alphanumeric() || *b == b'%' => return None,
        Some(b'-' | b'/' | b':' | b'.' | b',') => {
            let next = text[end + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if next > 0 && !CODE_DIGITS.contains(&next) {
                return None;
            }
        }
        _ => {}
    }
    let code = parse_digits(&text[start..end]);
    catalog::category_of(code).map(|_| code)
}

pub(super) fn parse_digits(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn markdown_emphasis_stands_between_a_keyword_and_its_number() {
        use crate::scan::recognise::tests::codes;
        assert_eq!(
            codes("bursts of Stormpath **9002** on staff logins"),
            [9002]
        );
        assert_eq!(codes("we saw error code: **7104**"), [7104]);
        assert_eq!(codes("Stormpath answers with **10012** now"), [10012]);
        assert!(codes("- Stormpath **2016** pricing sheet is in the shared drive.").is_empty());
    }

    #[test]
    fn a_number_after_stormpath_and_a_hash_is_a_tickets() {
        use crate::scan::recognise::tests::codes;
        assert_eq!(
            codes("Subject: Re: [Stormpath #12043] Intermittent error 7101 on login"),
            [7101]
        );
    }

    #[test]
    fn a_list_of_codes_may_tally_each() {
        use super::count_after;
        use crate::scan::recognise::tests::codes;
        assert_eq!(count_after(b"7500 (12), 7504", 4), Some(9));
        assert_eq!(count_after(b"5100=17, 5114=4", 4), Some(7));
        assert_eq!(count_after(b"10011 x 3,904 expired", 5), Some(13));
        assert_eq!(count_after("7100 \u{d7} 412".as_bytes(), 4), Some(11));
        // Not a tally: words, a version, a second code glued on.
        assert_eq!(count_after(b"7100 (wrong password)", 4), None);
        assert_eq!(count_after(b"7100 x 4b", 4), None);
        assert_eq!(count_after(b"7100 (12, 7101)", 4), None);
        assert_eq!(codes("Stormpath errors: 7500 (12), 7504 (3)"), [7500, 7504]);
        assert_eq!(
            codes("Stormpath error codes: 7100 x 412, 7101 x 3"),
            [7100, 7101]
        );
        // Counting words head a tally of codes, but one number is a count.
        assert_eq!(
            codes("Stormpath errors in total: 7100 (41), 7103 (2)"),
            [7100, 7103]
        );
        assert!(codes("Stormpath errors per day: 2004").is_empty());
        assert!(codes("Stormpath errors per year: 2014 (12), 2015 (30)").is_empty());
        assert!(codes("Stormpath errors by month: 2016=41, 2017=12").is_empty());
    }
}
