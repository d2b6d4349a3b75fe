//! Numbers a line says are the text's own, not Stormpath's: "7100 is our
//! own CVX API code, not a Stormpath code", "4002 is CallDesk's own lock
//! message". Their number hits are dropped for a ticket's length around
//! the line, but on lines that name Stormpath.

use super::Scanner;
use super::disowning::{MOST_READ, STORMPATH_BACK, words};
use super::numbers::code_numbers;
use crate::scan::Via;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// What the phrases hold, to pass most lines by at a glance.
static OUR: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"our"));
static S_OWN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"s own"));

/// The most codes a text's lines are kept of as its own.
const MOST_OWN_NUMBERS: usize = 16;

/// How many lines before and after a statement that a number is the
/// text's own its hits of that code are dropped: a ticket's length, not a
/// whole export's.
pub(super) const OWN_NUMBER_LINES: usize = 60;

/// The codes a line says are the text's own, not Stormpath's: "7100 is
/// our own CVX API code, not a Stormpath code", "That's our own CV Mobile
/// code CVX 2002", "that's OUR bill pay API code (CVX 10011)", "7101 is
/// ours". The numbers of the sentence that says so, where it names
/// Stormpath only to say they are not its ("we map Stormpath's 7100 to our
/// own code 1001" disowns nothing). `lower` is the line in lower case.
pub(super) fn own_numbers(line: &[u8], lower: &[u8]) -> Vec<u32> {
    let mut codes = Vec::new();
    let line = &line[..line.len().min(MOST_READ)];
    let lower = &lower[..line.len()];
    for at in own_phrases(line, lower).take(MOST_OWN_PHRASES) {
        let sentence = sentence_around(lower, at);
        // Each "stormpath" of the sentence says "not (a) Stormpath".
        if names_stormpath_plainly(&lower[sentence.clone()]) {
            continue;
        }
        code_numbers(&lower[sentence], |_, _, code| {
            if crate::catalog::lookup(code).is_some() && !codes.contains(&code) {
                codes.push(code);
            }
        });
    }
    codes
}

/// Whether a lower-cased line names Stormpath other than to say a number
/// is not its ("not a Stormpath code").
pub(super) fn names_stormpath_plainly(lower: &[u8]) -> bool {
    STORMPATH_BACK.rfind_iter(lower).any(|i| {
        let before = &lower[..i];
        !(before.ends_with(b"not ") || before.ends_with(b"not a "))
    })
}

/// The most phrases of a line read for `own_numbers`: each reads its
/// sentence.
const MOST_OWN_PHRASES: usize = 4;

/// Where a line says that something is its own numbering, as whole words
/// after a verb of being: "is our own CVX API code", "that's OUR bill pay
/// code", "is ours", "is CallDesk's own lock message". Not "through our
/// own portal", "Our own admin accounts", "isn't ours", "not one of our
/// own codes": a search for "our", and one for "s own", in the line's
/// lower-cased bytes.
fn own_phrases<'a>(line: &'a [u8], lower: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let found = |finder: &'static Finder<'static>| {
        let mut from = 0;
        std::iter::from_fn(move || {
            let at = from + finder.find(lower.get(from..)?)?;
            from = at + 1;
            Some(at)
        })
    };
    let ends = |i: usize| lower.get(i).is_none_or(|b| !b.is_ascii_alphanumeric());
    let ours = found(&OUR).filter(move |&at| {
        let end = at + 3;
        let starts = at == 0 || !lower[at - 1].is_ascii_alphanumeric();
        let ours = lower.get(end) == Some(&b's') && ends(end + 1);
        // "our own" or "OUR", then a word for the numbering within a few
        // words: "our own CV Mobile code".
        let owned = lower[end..].starts_with(b" own") && ends(end + 4)
            || ends(end) && &line[at..end] == b"OUR";
        starts && after_a_verb(lower, at) && (ours || owned && names_a_numbering(lower, end))
    });
    // "CallDesk's own", the apostrophe straight or typographic: the
    // phrase starts at the owner's name.
    let owners = found(&S_OWN).filter_map(move |at| {
        let apostrophe = at.checked_sub(1).map(|i| lower[i]);
        let typographic = at >= 3 && lower[at - 3..at] == *"\u{2019}".as_bytes();
        let name_end = match apostrophe {
            Some(b'\'') => at - 1,
            _ if typographic => at - 3,
            _ => return None,
        };
        let name = lower[..name_end]
            .iter()
            .rposition(|b| !b.is_ascii_alphanumeric())
            .map_or(0, |i| i + 1);
        let end = at + b"s own".len();
        // "it's own", for "its own", is no owner's.
        let owner = &lower[name..name_end];
        let owned = !owner.is_empty() && owner != b"it" && ends(end);
        (owned && after_a_verb(lower, name) && names_a_numbering(lower, end)).then_some(name)
    });
    ours.chain(owners)
}

/// Whether the last word before `at` of a lower-cased line is a verb of
/// being: "is", "are", "was", "were", or the "'s" of "that's".
fn after_a_verb(lower: &[u8], at: usize) -> bool {
    words(&lower[at.saturating_sub(12)..at])
        .last()
        .is_some_and(|w| matches!(w, b"is" | b"are" | b"s" | b"was" | b"were"))
}

/// Whether a word for a numbering comes within a few words after `end` of
/// a lower-cased line: "CV Mobile code", "lock message".
fn names_a_numbering(lower: &[u8], end: usize) -> bool {
    words(&lower[end..(end + 40).min(lower.len())])
        .take(5)
        .any(|w| {
            matches!(
                w,
                b"code"
                    | b"codes"
                    | b"number"
                    | b"numbers"
                    | b"error"
                    | b"errors"
                    | b"message"
                    | b"messages"
            )
        })
}

/// The sentence of a lower-cased line that holds the byte at `at`: from
/// the stop before it to the stop after it (`.`, `!`, `?` or `;` that ends
/// a word: `4.2.0` and `stormpath.com` go on; a comma before "and" or
/// "but").
fn sentence_around(lower: &[u8], at: usize) -> std::ops::Range<usize> {
    let stop = |i: usize| {
        let ends_word = lower.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        let joins = |word: &[u8]| lower[i + 1..].starts_with(word);
        ends_word
            && (b".!?;".contains(&lower[i])
                || lower[i] == b',' && (joins(b" and ") || joins(b" but ")))
    };
    let start = (0..at).rev().find(|&i| stop(i)).map_or(0, |i| i + 1);
    let end = (at..lower.len()).find(|&i| stop(i)).unwrap_or(lower.len());
    start..end
}

impl Scanner {
    /// Drops the hits of the codes a line says are the text's own
    /// (`own_numbers`), on the lines near it, and keeps them to drop on
    /// the lines to come.
    /// `previous` is where the line before it is in the block: "That's
    /// our" may end it.
    pub(super) fn follow_own_numbers(
        &mut self,
        previous: std::ops::Range<usize>,
        line: std::ops::Range<usize>,
        text: &[u8],
    ) {
        let lower = &self.scratch.lower[line.clone()];
        let wrapped = lower.starts_with(b"own ")
            && self.scratch.lower[previous.clone()]
                .trim_ascii_end()
                .ends_with(b" our");
        if !wrapped && own_phrases(text, lower).next().is_none() {
            return;
        }
        // Over two lines, the line before read whole with it: its "not"
        // and its "Stormpath" count.
        let codes = match wrapped {
            true => {
                let joined = |before: &[u8], t: &[u8]| [before, b" ", t].concat();
                let block = &self.scratch.lower;
                let original = joined(&block[previous.clone()], text);
                own_numbers(&original, &joined(&block[previous], lower))
            }
            false => own_numbers(text, lower),
        };
        if codes.is_empty() {
            return;
        }
        let near = self.line.saturating_sub(OWN_NUMBER_LINES);
        // A line that names Stormpath keeps its numbers (`Customer reports
        // Stormpath error 7100` in the ticket before).
        let lines = &self.hit_lines;
        let block = &self.scratch.lower;
        let names_stormpath = |number: usize| {
            let Ok(i) = lines.binary_search_by_key(&number, |&(n, _)| n) else {
                return false;
            };
            let start = lines[i].1;
            let end = memchr::memchr(b'\n', &block[start..]).map_or(block.len(), |e| start + e);
            names_stormpath_plainly(&block[start..end])
        };
        let line_now = self.line;
        let this_line_names = names_stormpath_plainly(&block[line]);
        let theirs = |hit: &super::Hit| {
            let named = || match hit.line == line_now {
                true => this_line_names,
                false => names_stormpath(hit.line),
            };
            codes.contains(&hit.code) && hit.via == Via::Number && hit.line >= near && !named()
        };
        // The hits are in the order of their lines: only the last few
        // lines' are looked at.
        let from = self.hits.partition_point(|hit| hit.line < near);
        let mut recent = self.hits.split_off(from);
        recent.retain(|hit| !theirs(hit));
        self.hits.append(&mut recent);
        self.current.retain(|hit| !theirs(hit));
        self.own_numbers
            .retain(|&(_, said)| line_now <= said + OWN_NUMBER_LINES);
        for code in codes {
            if self.own_numbers.len() < MOST_OWN_NUMBERS {
                self.own_numbers.push((code, line_now));
            }
        }
    }

    /// Whether a number hit of `code` on the current line is one a line
    /// near it said is the text's own.
    pub(super) fn is_own_number(&self, code: u32) -> bool {
        self.own_numbers
            .iter()
            .any(|&(own, line)| own == code && self.line <= line + OWN_NUMBER_LINES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::recognise::tests::codes;
    use crate::scan::scan_text;

    #[test]
    fn a_number_a_line_calls_the_texts_own_is_no_code_near_it() {
        let ticket = "Member says the app shows \"Error 7100\" on a transfer.\n\
                      Also \"error 7104\" at sign-in.\n\
                      7100 is our own API code (over the transfer limit), not a Stormpath code.\n\
                      Desk script: \"Error 7100\" = transfer limit.";
        assert_eq!(codes(ticket), [7104]);
        // The phrase over two lines; in capitals; the number after it.
        let mail = "He also mentions \"error 2002\" on 04/12. That's our\n\
                    own mobile code MB 2002 (sign-in locked).\n";
        assert!(codes(mail).is_empty());
        let chat =
            "a bunch of \"error 10011\" in the log: that's OUR bill pay code, not a Stormpath code";
        assert!(codes(chat).is_empty());
    }

    #[test]
    fn a_sentence_that_names_stormpaths_code_beside_its_own_disowns_nothing() {
        for text in [
            "We map Stormpath error 7100 to our own code 1001.",
            "Stormpath error 7100: our own retry logic gave up.",
            "Stormpath says error 7100, and OUR app shows it as is.",
            "Stormpath error 7104 again; ours are fine.",
            // What "our own" says is not the number's: no verb of being
            // before it, a denial, no word for a numbering after it.
            "Hi Stormpath support,\nEvery login through our own portal fails with error 7100.",
            "Our own admin accounts fail with error 7104 on login.",
            "OUR USERS CANNOT LOG IN - ERROR 7100 FROM THE API",
            "Is error 7100 on your side or ours?",
            "Error 7100 isn't ours.",
            "Error 7104 is definitely not one of our own codes.",
            "Stormpath keeps rejecting the logins of our\nown staff with error 7100 since Monday.",
        ] {
            assert!(
                codes(text).contains(&7100) || codes(text).contains(&7104),
                "{text}"
            );
        }
        // Far from the statement, in a long export, the code is a code.
        let far = format!(
            "Ticket 1: 7101 is our own code.\n{}Ticket 9: Stormpath error 7101 at login.",
            "filler line\n".repeat(OWN_NUMBER_LINES + 1)
        );
        assert_eq!(codes(&far), [7101]);
        // A line that names Stormpath keeps its code, before the statement
        // or after it: another ticket of an export.
        let export = "id,subject,body\n\
                      1,Login,\"Customer reports Stormpath error 7100 on every login.\"\n\
                      2,Transfer,\"Member sees error 7100. 7100 is our own API code, not a Stormpath code.\"\n\
                      3,Login,\"Stormpath login returns error 7100 again.\"\n";
        let lines: Vec<usize> = scan_text(export.as_bytes())
            .iter()
            .map(|h| h.line)
            .collect();
        assert_eq!(lines, [2, 4]);
        // Source code has rules of its own.
        let go = "package auth\n\
                  // 7100 is our own portal error code, not a Stormpath code.\n\
                  \n\
                  // Stormpath login error codes\n\
                  const (\n\
                  \tspInvalidPassword = 7100\n\
                  )\n";
        assert_eq!(codes(go), [7100]);
    }

    #[test]
    fn a_number_another_products_own_is_no_code_near_it() {
        assert!(codes("The error 4002 is CallDesk's own lock message.").is_empty());
        assert!(codes("The error 4002 is CallDesk\u{2019}s own lock code.").is_empty());
        // Not a number's: an account's own problem, "it's" for "its".
        assert_eq!(codes("Error 7100 is the account's own problem."), [7100]);
        let ticket = "we get error 7104 for some users and error 7100 for others.\n\
                      Agent: 7104 is it's own error code, separate from 7100.\n";
        assert_eq!(codes(ticket), [7104, 7100]);
        // Only the sentence that says so: not past a semicolon, nor a comma
        // before "and".
        assert_eq!(
            codes("Error 4002 is CallDesk's own lock message, and error 7100 is the login."),
            [7100]
        );
        assert_eq!(
            codes("error 7100 on login; 4002 is CallDesk's own lock message"),
            [7100]
        );
    }
}
