//! Codes that chat and notes name in passing, in a text about Stormpath's
//! errors: `mostly 7100 so far today`, `plus a few 7103`, `a handful of
//! 7107`, `spike of 7103 from ~300 accounts`, `the 7107 ones`.
//! People who deal with the codes every day write them as the things they
//! count, with no keyword beside them.

use super::glossed::is_a_measure;
use super::words::{YEARS, is_count, is_one_of};

/// Words before a code that speak of how many of it came: `mostly 7100`.
/// (Not `all`, `just`, `still` or `plus`, which come before counts as
/// often: `Still 7104 to migrate`, `plus 1925 for shipping`.)
const QUANTIFIERS: &[&str] = &["mostly", "few", "expect", "expecting"];
/// Words after a number that make it a count: `a surge of 3004 new users`,
/// `mostly 7104 to migrate`.
#[rustfmt::skip]
const COUNTED: &[&str] = &[
    "to", "left", "remaining", "of", "new", "more", "deep", "per", "each", "total", "in",
];
/// Nouns of how many, before `of`: `a handful of 7107`, `spike of 7103`.
#[rustfmt::skip]
const AMOUNTS: &[&str] = &[
    "handful", "spike", "lots", "bunch", "couple", "wave", "burst", "flood", "rash", "surge",
];

/// Whether the code `code` at `start..end` of a line is named in passing:
/// after a word of how many (`QUANTIFIERS`, `AMOUNTS` and `of`), or as
/// `the 7107 ones`; not a count (`mostly 2000 users`, `a surge of 3004
/// new users`), a measure, a year or a round thousand.
pub(super) fn in_passing(line: &[u8], start: usize, end: usize, code: u32) -> bool {
    if YEARS.contains(&code) || code.is_multiple_of(1000) || is_a_measure(line, end, code) {
        return false;
    }
    let mut words = line[..start]
        .rsplit(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let is = |word: Option<&[u8]>, list: &[&str]| word.is_some_and(|word| is_one_of(word, list));
    let last = words.next();
    let ones = line[end..].strip_prefix(b" ones");
    if ones.is_some_and(|rest| !rest.first().is_some_and(u8::is_ascii_alphabetic)) {
        return is(last, &["the", "those", "these"]);
    }
    let next = line[end..]
        .split(|b| !b.is_ascii_alphabetic())
        .find(|w| !w.is_empty());
    if is_count(line, end) || line[end..].starts_with(b" ") && is(next, COUNTED) {
        return false;
    }
    is(last, QUANTIFIERS) || is(last, &["of"]) && is(words.next(), AMOUNTS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::code_places::codes_where;

    fn codes(text: &str) -> Vec<u32> {
        codes_where(text, in_passing)
    }

    #[test]
    fn a_code_named_in_passing_as_what_came() {
        assert_eq!(
            codes("overnight looked normal, mostly 7100 so far today"),
            [7100]
        );
        assert_eq!(codes("All 7100 plus a few 7103, the usual mix"), [7103]);
        assert_eq!(
            codes("it's still 7100 + a handful of 7107 from Harlow"),
            [7107]
        );
        assert_eq!(codes("Sat 23:40: spike of 7103 from ~300 accounts"), [7103]);
        assert_eq!(codes("the 7107 ones are all from the Harlow org"), [7107]);
        assert_eq!(codes("Expect 10017 for about an hour"), [10017]);
    }

    #[test]
    fn counts_measures_years_and_round_numbers_are_not() {
        assert!(codes("all 7104 accounts were migrated").is_empty());
        assert!(codes("only 3000 ms left").is_empty());
        assert!(codes("mostly 2016 data").is_empty());
        assert!(codes("only 2000 left").is_empty());
        assert!(codes("one of 7104 accounts").is_empty());
        assert!(codes("Still 7104 to migrate, just 7104 left").is_empty());
        assert!(codes("a surge of 3004 new users, mostly 7102 to go").is_empty());
        assert!(codes("7100 ones").is_empty());
    }
}
