//! A code that opens a sentence, followed by what happened with it, in a
//! text about error codes: `7103 again this morning`, `7105 for the other
//! two`, `10102 on every login`, `7100 error on login for one user`.
//! People start a ticket's line with the code they got; a count, a year or
//! a port opens a sentence with what it counts or is (`3000 ms is the
//! timeout`, `2016 was the year we migrated`).

use super::keywords::names_a_thing;
use super::words::is_count;

/// Whether the code at `start..end` of `line` opens a sentence (the
/// line's, past a bullet or a quote's `>`, or one after `. `) and a word
/// follows that names nothing it would count or be (`again`, `is`, `on`).
pub(super) fn opens_a_sentence(line: &[u8], start: usize, end: usize) -> bool {
    let before = line[..start].trim_ascii_end();
    let opens = before.iter().all(|b| b" \t>*-".contains(b))
        || before.ends_with(b".") && start > before.len()
        || before.ends_with("\u{2022}".as_bytes());
    // After `is`, `was` or `means` the sentence says what the number is:
    // a code only where that is its meaning (`glossed`), not in `4002 is
    // just the count`.
    let word_follows = line[end..].strip_prefix(b" ").is_some_and(|rest| {
        rest.first().is_some_and(u8::is_ascii_lowercase)
            && ![&b"is "[..], b"was ", b"means "]
                .iter()
                .any(|copula| rest.starts_with(copula))
    });
    opens && word_follows && !is_count(line, end) && !names_a_thing(line, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opens(line: &str) -> bool {
        let start = line.find(|c: char| c.is_ascii_digit()).unwrap();
        let len = line[start..].find(|c: char| !c.is_ascii_digit()).unwrap();
        opens_a_sentence(line.as_bytes(), start, start + len)
    }

    #[test]
    fn a_code_opens_a_sentence_with_what_happened() {
        assert!(opens("7103 again this morning."));
        assert!(opens("> 10102 on every login from the Okta tile"));
        assert!(opens("It was fine. 7105 for the other two, though."));
        assert!(opens("7100 error on login for one user."));
    }

    #[test]
    fn a_count_a_year_or_a_thing_opens_no_code() {
        assert!(!opens("* 3000 ms is the timeout"));
        assert!(!opens("2016 was the year we migrated"));
        assert!(!opens("* 9001 here is just the agent's port"));
        assert!(!opens("7104 accounts were migrated"));
        assert!(!opens("We got 7100 again"));
        assert!(!opens("nice. 4002 is just the count"));
        assert!(!opens("7100, 7101 and 7103"));
    }
}
