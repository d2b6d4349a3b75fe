//! A code that opens a line, followed by what happened with it, in a text
//! about error codes: `7103 again this morning`, `7105 for the other two`,
//! `7100 error on login for one user`. People start a ticket's line with
//! the code they got; a count, a time, a port or a year opens a line with
//! what it is (`3000 on localhost works`, `1100 on the dot`, `9000 to 9002
//! need to be open`), so only a few words may follow.

use super::words::{YEARS, is_count};

/// Words that say what happened with the code that opens a line.
#[rustfmt::skip]
const FOLLOWERS: &[&str] = &[
    "again", "error", "errors", "for", "since", "still", "too", "now", "every", "each",
    "whenever", "when", "if", "after", "keeps", "kept", "also", "once", "twice",
];

/// Whether the code `code` at `start..end` of `line` opens it (past
/// spaces, a bullet or a quote's `>`), or a sentence in it, or what a
/// chat's speaker says (`[09:12] priya: 7100 again`), and a word of
/// `FOLLOWERS` comes next.
pub(super) fn opens_a_line(line: &[u8], start: usize, end: usize, code: u32) -> bool {
    let before = &line[..start];
    let opens = before.iter().all(|b| b" \t>*-".contains(b))
        || before.trim_ascii_end().ends_with("\u{2022}".as_bytes())
        || before.ends_with(b": ") && is_a_chat_line(before);
    // Inside a line, `for` and `since` follow ids and counts as often
    // (`Meeting moved. 7101 for the dial-in`).
    let mid_line = !opens && opens_a_sentence(before);
    let Some(rest) = line[end..].strip_prefix(b" ") else {
        return false;
    };
    let len = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let word = &rest[..len];
    // A year opens a line as a code only before an error word or `again`
    // (`2016 after the merger` is a year).
    let follows = match YEARS.contains(&code) {
        true => [&b"error"[..], b"errors", b"again"].contains(&word),
        false => FOLLOWERS.iter().any(|w| w.as_bytes() == word),
    };
    let follows = follows && !(mid_line && [&b"for"[..], b"since"].contains(&word));
    (opens || mid_line) && follows && !is_count(line, end)
}

/// Whether the text before a chat's message holds its time or a bracket
/// (`[09:12] priya.n: `, `Sun 01/08 03:00: `), not a label's (`Budget: `).
pub(super) fn is_a_chat_line(before: &[u8]) -> bool {
    before.contains(&b']')
        || before
            .windows(3)
            .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit())
}

/// Whether the text before a number ends a sentence: a word of four
/// letters or more and `. `, `! ` or `? `, not an abbreviation (`approx.`).
fn opens_a_sentence(before: &[u8]) -> bool {
    let Some(sentence) = before.strip_suffix(b" ") else {
        return false;
    };
    let Some((_, sentence)) = sentence.split_last().filter(|(b, _)| b".!?".contains(b)) else {
        return false;
    };
    let word = sentence
        .rsplit(|b| !b.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    let abbreviation = ["approx", "appx", "incl", "excl", "mins", "secs", "nums"]
        .iter()
        .any(|a| a.as_bytes().eq_ignore_ascii_case(word));
    word.len() >= 4 && !abbreviation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opens(line: &str) -> bool {
        let start = line.find(|c: char| c.is_ascii_digit()).unwrap();
        let len = line[start..].find(|c: char| !c.is_ascii_digit()).unwrap();
        let code = line[start..start + len].parse().unwrap();
        opens_a_line(line.as_bytes(), start, start + len, code)
    }

    #[test]
    fn a_code_opens_a_line_with_what_happened() {
        assert!(opens("7103 again this morning."));
        assert!(opens("> 7106 for the five contractors"));
        assert!(opens("7100 error on login for one user."));
        assert!(opens("* 7104 since the cleanup"));
        assert!(opens(
            "Reran the feed this morning. 7104 again for the new hires"
        ));
        assert!(opens("[Mon] priya.n: 7100 again, the usual"));
        assert!(opens("[Sun night] agent: 9001 for most of the window"));
    }

    #[test]
    fn a_count_a_time_a_port_or_a_year_opens_no_code() {
        assert!(!opens("* 3000 ms is the timeout"));
        assert!(!opens("3000 on localhost works fine"));
        assert!(!opens("1100 on the dot the first complaints came in"));
        assert!(!opens("9000 to 9002 need to be open"));
        assert!(!opens("2016 was the year we migrated"));
        assert!(!opens("2016 after the merger"));
        assert!(opens("2001 again on the import"));
        assert!(!opens("nice. 4002 is just the count"));
        assert!(!opens("We see approx. 5100 in the logs per day"));
        assert!(!opens("We see approx. 5100 for the month"));
        assert!(!opens("It was fine. 3000 on localhost works"));
        assert!(!opens("Budget: 5100 for the quarter, approved."));
        assert!(!opens("Meeting moved. 7101 for the dial-in"));
        assert!(!opens("We got 7100 again"));
        assert!(!opens("7100, 7101 and 7103"));
    }
}
