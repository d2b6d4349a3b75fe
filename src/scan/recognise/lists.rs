//! Lists and tables of bare numbers under a heading, a title or a sentence
//! that speaks of errors or codes: `## Errors` then `- [x] 13000`,
//! `- 12001`, `1. 7100`, `| 7100 | 40 |`. The list lasts until the next heading or the first blank
//! line after it; the same numbers under other headings are not codes.

use super::Scanner;
use super::glossed::is_a_measure;
use super::numbers::{code_number, count_after, keyed_by_time, list_continuation, number_at};
use super::words::{is_count, is_one_of};

/// Where the lines read so far stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// No list of codes is announced.
    Idle,
    /// A heading (`heading`) or a sentence about codes came, and no item
    /// yet. A heading lasts until the next heading; a sentence until a line
    /// that is neither an item nor blank.
    Announced { heading: bool },
    /// Inside a list of codes.
    Open { heading: bool },
    /// Past a blank line that ended a list under a heading: a lead-in
    /// (`The portal has two more:`) may start another.
    Between,
}

/// The list state that lasts across lines.
#[derive(Debug)]
pub(super) struct Lists {
    state: State,
    /// Whether the previous line was text that speaks of codes: an
    /// underline (`------`) under it makes it a heading.
    after_text: Option<bool>,
    /// Whether the table being read has a header whose first cell names
    /// something else (`| Count | … |`): its first cells are no codes.
    other_table: bool,
}

/// What a line is, to a list.
enum Kind {
    Blank,
    /// A list item, its content starting at the index.
    Item(usize),
    /// A table's row (`| 7100 | 40 |`), its first cell starting at the index.
    Row(usize),
    Heading,
    /// `===` or `---` alone: a heading's underline, or a rule.
    Underline,
    Text {
        indented: bool,
    },
}

impl Lists {
    pub(super) fn new() -> Self {
        Lists {
            state: State::Idle,
            after_text: None,
            other_table: false,
        }
    }

    /// Whether the lines read so far bear on none to come. Text read before
    /// (`after_text`) counts only for an underline, and an underline is
    /// read only while a list is announced.
    pub(super) fn at_rest(&self) -> bool {
        self.state == State::Idle && !self.other_table
    }

    /// Whether a list of codes is announced or open, so that every line
    /// must be read, even one without an error word.
    pub(super) fn is_open(&self) -> bool {
        !matches!(self.state, State::Idle | State::Between)
    }

    /// Reads a line with no error or code word (`line` with `speaks` and
    /// `named` false), which may end a list's heading or lead in to more
    /// of its items; most such lines are not read at all.
    #[inline]
    pub(super) fn quiet_line(&mut self, text: &[u8]) {
        if self.state == State::Between {
            self.line(text, false, false);
        }
    }

    /// Reads a line: `speaks` when it holds an error or code word, `named`
    /// when it names a code itself (a statement, not a lead-in to a list).
    /// Returns where the item's content starts when the line is an item of
    /// a list of codes.
    pub(super) fn line(&mut self, text: &[u8], speaks: bool, named: bool) -> Option<usize> {
        let kind = kind(text);
        let after_text = self.after_text.take();
        let heading = matches!(
            self.state,
            State::Announced { heading: true } | State::Open { heading: true }
        );
        match kind {
            Kind::Blank => {
                self.other_table = false;
                // A list ends at a blank line; under a heading, a lead-in
                // may start another before the next heading.
                if let State::Open { heading } = self.state {
                    self.state = if heading { State::Between } else { State::Idle };
                }
            }
            Kind::Item(content) => {
                if matches!(self.state, State::Idle | State::Between) {
                    return None;
                }
                self.state = State::Open { heading };
                return Some(content);
            }
            Kind::Row(content) => {
                if matches!(self.state, State::Idle | State::Between) {
                    return None;
                }
                self.state = State::Open { heading };
                return self.row(text, content);
            }
            Kind::Heading => self.state = announced(speaks, true),
            Kind::Underline => {
                self.state = announced(after_text == Some(true), true);
            }
            Kind::Text { indented } => {
                self.after_text = Some(speaks);
                let continues = indented && matches!(self.state, State::Open { .. });
                let announces = speaks && !named && leads_in(text) && !keyed_by_time(text);
                // `The portal has two more:` under a heading about codes;
                // not `Ports the agent needs open:`.
                let leads_on = self.state == State::Between
                    && !named
                    && text.trim_ascii_end().ends_with(b":")
                    && adds_more(text);
                if announces || leads_on {
                    self.state = State::Announced {
                        heading: heading || leads_on,
                    };
                } else if self.state == State::Between {
                    // The heading's text goes on.
                } else if !continues && self.state != (State::Announced { heading: true }) {
                    self.state = State::Idle;
                }
            }
        }
        None
    }
}

/// Whether a lead-in says its list adds to the one before (`two more`,
/// `also`, `other`), and names no other thing it lists (`Other ports we
/// opened:`, `Two more tickets were filed:`, `More years:`).
fn adds_more(text: &[u8]) -> bool {
    #[rustfmt::skip]
    const OTHER_THINGS: &[&str] = &[
        "port", "ticket", "year", "number", "count", "user", "account", "customer", "id",
        "build", "version", "release", "room", "extension", "phone", "order", "invoice", "case",
        "incident", "issue", "date", "day", "week", "month", "server", "host", "seat", "step",
    ];
    let mut words = text
        .split(|b| !b.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let names_a_thing = words.clone().any(|word| {
        let one = word.strip_suffix(b"s").unwrap_or(word);
        is_one_of(one, OTHER_THINGS)
    });
    !names_a_thing
        && words.any(|word| {
            is_one_of(
                word,
                &["more", "also", "other", "others", "another", "additional"],
            )
        })
}

/// Whether a line that speaks of codes reads as a lead-in to a list: it
/// ends with a colon, or holds no number (`The Stormpath errors we still
/// see`), as a log line or a JSON body does not.
fn leads_in(text: &[u8]) -> bool {
    text.trim_ascii_end().ends_with(b":") || !text.iter().any(u8::is_ascii_digit)
}

impl Lists {
    /// A table's row: its first cell holds a code, unless the header named
    /// that column otherwise.
    fn row(&mut self, text: &[u8], content: usize) -> Option<usize> {
        let cell = &text[content..];
        let cell = &cell[..memchr::memchr(b'|', cell).unwrap_or(cell.len())];
        if cell.first().is_some_and(u8::is_ascii_digit) {
            return (!self.other_table).then_some(content);
        }
        let rule = cell.iter().all(|b| b" -:=".contains(b));
        if !rule {
            let lower = cell.to_ascii_lowercase();
            let find = |word: &[u8]| memchr::memmem::find(&lower, word).is_some();
            self.other_table = !find(b"error") && !find(b"code");
        }
        None
    }
}

fn announced(speaks: bool, heading: bool) -> State {
    match speaks {
        true => State::Announced { heading },
        false => State::Idle,
    }
}

fn kind(text: &[u8]) -> Kind {
    let trimmed = text.trim_ascii();
    if trimmed.is_empty() {
        return Kind::Blank;
    }
    let start = trimmed.as_ptr() as usize - text.as_ptr() as usize;
    if let Some(cells) = trimmed.strip_prefix(b"|") {
        let spaces = cells.iter().take_while(|&&b| b == b' ').count();
        return Kind::Row(start + 1 + spaces);
    }
    if let Some(content) = item_content(trimmed) {
        return Kind::Item(start + content);
    }
    // A number alone on its line, as a list without markers gives it, or
    // a line of numbers, as a tally under its heading gives them (`7100
    // (412), 7103 (38)`, `7104, 7100, 2001`).
    if starts_a_line_of_numbers(trimmed, start > 0) {
        return Kind::Item(start);
    }
    if is_heading(trimmed) {
        return Kind::Heading;
    }
    if trimmed.len() >= 3
        && (trimmed.iter().all(|&b| b == b'=') || trimmed.iter().all(|&b| b == b'-'))
    {
        return Kind::Underline;
    }
    Kind::Text {
        indented: text[0].is_ascii_whitespace(),
    }
}

/// Whether a line starts with a number of four or five digits that stands
/// alone on it, or that a count follows (`7100 (412)`, and, unless the
/// line is indented as a configuration's map is, `7100: 412`, `7100
/// 412`), or a comma, a space and another number (not a CSV row's
/// `2014,2016-11-01,…`).
fn starts_a_line_of_numbers(line: &[u8], indented: bool) -> bool {
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    (4..=5).contains(&digits)
        && (digits == line.len()
            || count_after(line, digits).is_some()
            || !indented && counted_in_a_column(line, digits)
            || line[digits..].starts_with(b", ") && list_continuation(line, digits).is_some())
}

/// Whether the number that ends at `end` of a line is counted in the next
/// column, all that the line holds: `7100   612`, `7100: 612`, `7100\t41%`.
fn counted_in_a_column(line: &[u8], end: usize) -> bool {
    let rest = &line[end..];
    let gap = rest.iter().take_while(|b| b" \t".contains(b)).count();
    let count = match rest.strip_prefix(b": ") {
        Some(count) => count,
        None if gap >= 2 || rest.first() == Some(&b'\t') => &rest[gap..],
        None => return false,
    };
    let count = count.trim_ascii_end();
    let count = count.strip_suffix(b"%").unwrap_or(count);
    !count.is_empty() && count.iter().all(|b| b.is_ascii_digit() || *b == b',')
}

/// Where an item's content starts after its marker (`-`, `*`, `+`, `•`,
/// `1.`, `1)`) and checkbox (`[ ]`, `[x]`).
fn item_content(line: &[u8]) -> Option<usize> {
    let digits = line.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = if line.starts_with("•".as_bytes()) {
        "•".len()
    } else if matches!(line.first(), Some(b'-' | b'*' | b'+')) {
        1
    } else if (1..=3).contains(&digits) && matches!(line.get(digits), Some(b'.' | b')')) {
        digits + 1
    } else {
        return None;
    };
    if line.get(marker) != Some(&b' ') {
        return None;
    }
    let mut at = marker + 1;
    for checkbox in [&b"[ ] "[..], b"[x] ", b"[X] "] {
        if line[at..].starts_with(checkbox) {
            at += checkbox.len();
        }
    }
    Some(at)
}

/// A Markdown heading (`## Errors`), a line in bold (`**Errors**`), or a
/// title (`Subject: …`, `Title: …`).
fn is_heading(line: &[u8]) -> bool {
    let hashes = line.iter().take_while(|&&b| b == b'#').count();
    let atx = (1..=6).contains(&hashes) && line.get(hashes).is_none_or(|&b| b == b' ');
    let bold = |mark: &[u8]| line.len() > 4 && line.starts_with(mark) && line.ends_with(mark);
    let title =
        |label: &[u8]| line.len() >= label.len() && line[..label.len()].eq_ignore_ascii_case(label);
    atx || bold(b"**") || bold(b"__") || title(b"subject:") || title(b"title:")
}

impl Scanner {
    /// A bare number that starts an item of a list of codes: `- [x] 13000`
    /// under `## Errors`.
    pub(super) fn list_item(&mut self, text: &[u8], speaks: bool) {
        let named = !self.current.is_empty();
        let Some(content) = self.lists.line(text, speaks, named) else {
            return;
        };
        // Marked up: `` `7100` ``, `**7100**`.
        let at = content
            + text[content..]
                .iter()
                .take_while(|b| b"`*\"'".contains(b))
                .count();
        let Some((start, end)) = number_at(text, at) else {
            return;
        };
        let Some(code) = code_number(text, start, end) else {
            return;
        };
        // `* 3000 ms is the timeout`, `* 9001 here is the agent's port`.
        if !is_count(text, end) && !is_a_measure(text, end, code) {
            match counted_in_a_column(text, end) {
                true => self.push(code, super::Via::Number, start, &text[start..end]),
                false => self.push_with_list(code, 0, text, start, end),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines that are items of a list of codes, with their content.
    /// A line speaks when it holds "errors" or "code"; names when it holds
    /// "errors 7".
    fn items(text: &str) -> Vec<&str> {
        let mut lists = Lists::new();
        let mut found = Vec::new();
        for line in text.lines() {
            let lower = line.to_ascii_lowercase();
            let speaks = lower.contains("errors") || lower.contains("code");
            let named = lower.contains("errors 7");
            if let Some(at) = lists.line(line.as_bytes(), speaks, named) {
                found.push(&line[at..]);
            }
        }
        found
    }

    #[test]
    fn a_bullet_whose_number_is_something_else_is_no_code() {
        use crate::scan::recognise::tests::codes;
        let notes = "## Errors\n\n* 7100 \u{2014} 412 times\n* 3000 ms is the timeout\n\
                     * 9001 here is the agent's port\n* 9003 through 9005 \u{2014} timeouts\n\
                     * 2016 was the year we moved\n* 7104 no such user\n* 2001 dupe email\n";
        assert_eq!(codes(notes), [7100, 9003, 9004, 9005, 7104, 2001]);
    }

    #[test]
    fn a_list_under_a_heading_about_errors() {
        let text = "## Errors\n\n- [x] 13000\n- [ ] 12001\n* 7100\n\n- 2016\n";
        assert_eq!(items(text), ["13000", "12001", "7100"]);
        let setext = "Error codes\n-----------\nWe map these:\n1. 7100\n2) 7101\n";
        assert_eq!(items(setext), ["7100", "7101"]);
        let table = "## Errors\n| Error | Count |\n|---|---|\n| 7100 | 4 |\n";
        assert_eq!(items(table), ["7100 | 4 |"]);
        let title = "Subject: Stormpath errors\nFrom: a@b\n\nHi,\n\n• 7104\n";
        assert_eq!(items(title), ["7104"]);
        let bare = "Stormpath errors:\n  2100\n  2101\n\nOther numbers:\n  2103\n";
        assert_eq!(
            items(bare),
            ["2100", "2101"],
            "numbers alone on their lines"
        );
    }

    #[test]
    fn a_line_of_codes_under_a_heading_about_them() {
        use crate::scan::recognise::tests::codes;
        let summary = "Error tallies for October:\n7100 (412), 7103 (38), 7104 (2002)\n\n\
                       Top codes this week\n7101, 7102\n\nPhones:\n7105, 7106\n";
        assert_eq!(codes(summary), [7100, 7103, 7104, 7101, 7102]);
        // A CSV's rows under its header are no lines of codes.
        let columns = "## Top Stormpath error codes (by ticket count)\n\n\
                       7100   612\n7103: 2002\n13101\t12%\n";
        assert_eq!(codes(columns), [7100, 7103, 13101]);
        // Keyed by time, or one count.
        assert!(codes("Errors by year:\n2014 (12), 2015 (30)\n").is_empty());
        assert!(codes("Daily error counts\n2016 (12), 2017 (30)\n").is_empty());
        assert!(codes("Error count for the day\n7104\n").is_empty());
        let csv = "id,created_at,error_code\n2014,2016-11-01T08:00:00Z,7100\n";
        assert!(!codes(csv).contains(&2014));
    }

    #[test]
    fn a_list_after_a_sentence_about_codes() {
        let text = "These are the codes we still get:\n- 7100\n  (mostly at night)\n- 7101\nThanks\n- 7102\n";
        assert_eq!(items(text), ["7100", "7101"]);
        let later = "The Stormpath error codes we see\n\nare these:\n- 7100\n";
        assert_eq!(items(later), Vec::<&str>::new(), "a sentence lasts a line");
        let more = "## Errors\n- 7100\n\nThe portal has two more:\n\n- 12001\nDone.\n- 2016\n";
        assert_eq!(items(more), ["7100", "12001"], "a heading's lead-in");
        let ports = "## Errors\n- 7100\n\nPorts the agent needs open:\n- 9000\n";
        assert_eq!(items(ports), ["7100"], "a lead-in to a list of its own");
        let tickets = "## Errors\n- 7100\n\nTwo more tickets were filed:\n- 2004\n";
        assert_eq!(items(tickets), ["7100"], "more of another thing");
    }

    #[test]
    fn other_headings_and_statements_announce_nothing() {
        assert_eq!(items("## Ports\n- 8080\n- 9000\n"), Vec::<&str>::new());
        assert_eq!(
            items("## Errors\n- 7100\n## Years\n- 2016\n"),
            ["7100"],
            "the next heading ends it"
        );
        assert_eq!(
            items("We got errors 7100 again.\n- 2016\n"),
            Vec::<&str>::new(),
            "a line that names a code is no lead-in"
        );
        assert_eq!(items("Errors:\n\n---\n- 2016\n"), Vec::<&str>::new());
    }

    #[test]
    fn markers() {
        assert_eq!(item_content(b"- 7100"), Some(2));
        assert_eq!(item_content(b"- [x] 7100"), Some(6));
        assert_eq!(item_content(b"12. 7100"), Some(4));
        assert_eq!(item_content(b"-7100"), None);
        assert_eq!(item_content(b"2016. 7100"), None);
        assert_eq!(item_content(b"--- x"), None);
    }
}
