//! What a code in text is.
//!
//! A number is a code only in an error context: after a keyword (`error`,
//! `code`, `errorCode`, `Stormpath`) or a sentence that says what the code
//! is (`sentences`), in a moreInfo URL, in a message key
//! (`stormpath.web.errors.7104`), in a list that continues one of those, in
//! a list under a heading about codes (`lists`), or in a text table's Code
//! column. A line that quotes a catalog message names that code without a
//! number. Everything else (dates, ports, amounts, counts, line numbers,
//! HTTP statuses, one-time codes, other programs' numbers: `foreign`) is not
//! a code.
//!
//! The scanner is fed whole lines, a block at a time, and keeps the hits of
//! each block for its caller to take.

use super::decode;
use super::foreign::{is_count, is_foreign};
use super::lists::Lists;
use super::sentences::{Read, Sentence};
use super::{Hit, Via, escape};
use crate::catalog;
use crate::templates;

use std::sync::OnceLock;

/// A line longer than this is scanned in windows of this size, overlapping
/// by `OVERLAP` so that no mention is cut in two.
pub(super) const WINDOW: usize = 1 << 20;
pub(super) const OVERLAP: usize = 1024;
/// A code has four or five digits; shorter numbers are HTTP statuses,
/// longer ones one-time codes and ids.
const CODE_DIGITS: std::ops::RangeInclusive<usize> = 4..=5;
/// How far after a keyword its number may stand.
const MAX_GAP: usize = 24;
/// How many encodings deep a line is decoded (base64 holding JSON that
/// holds escaped JSON holding HTML).
const MAX_DECODE_DEPTH: u8 = 4;
/// How many decoded bytes the views of a line may take, all told, for
/// each byte of the line: each encoding is undone once or twice, but views
/// of views could otherwise branch without end.
const DECODE_BUDGET_PER_BYTE: usize = 8;
/// How many lines apart the rows of a decoded table may stand (HTML puts
/// `<tbody>` between its header row and the rest).
const MAX_TABLE_GAP: usize = 2;

/// A scanner's storage, kept from one scanner to the next on a thread.
#[derive(Default)]
struct Storage {
    current: Vec<Hit>,
    hits: Vec<Hit>,
    scratch: Scratch,
}

/// What a scanner works in from line to line, holding nothing that lasts.
#[derive(Default)]
struct Scratch {
    /// Buffers to fold lines into for message matching.
    folded: templates::FoldBuffers,
    /// The block in lower case, for the prefilter.
    lower: Vec<u8>,
    /// What the prefilter found in the block: (offset, pattern).
    marks: Vec<(usize, usize)>,
    /// The quote words of the line being looked at: (offset, word).
    quote_words: Vec<(usize, usize)>,
    /// The context words of the line being looked at: (start, end).
    keywords: Vec<(usize, usize)>,
    /// Where the block may show the sign of an encoding.
    signs: Vec<usize>,
}

thread_local! {
    static SPARE_STORAGE: std::cell::Cell<Option<Storage>> = const { std::cell::Cell::new(None) };
}

impl Drop for Scanner {
    fn drop(&mut self) {
        // The decoded views' scanner first: this one's storage is kept.
        drop(self.decoded.take());
        let mut hits = std::mem::take(&mut self.hits);
        let mut current = std::mem::take(&mut self.current);
        hits.clear();
        current.clear();
        SPARE_STORAGE.set(Some(Storage {
            current,
            hits,
            scratch: std::mem::take(&mut self.scratch),
        }));
    }
}

/// The scanning state that lasts across lines.
pub(super) struct Scanner {
    /// The number of the line being scanned, from 1.
    pub(super) line: usize,
    /// Hits of the current line, before they are kept.
    current: Vec<Hit>,
    /// Hits of the lines scanned so far, for the caller to take.
    pub(super) hits: Vec<Hit>,
    /// Keep every hit of a code on a line, not only the leftmost: in a
    /// JSON array on one line, each record is a ticket of its own.
    pub(super) keep_repeats: bool,
    /// The index of the Code column while inside a text table.
    table_column: Option<usize>,
    /// Whether the line (its first window) has been seen by the table rule.
    table_seen: bool,
    /// Lists of bare numbers under a heading about codes.
    lists: Lists,
    /// A sentence about a code that the line's end cut before its number.
    sentence: Option<Sentence>,
    scratch: Scratch,
    /// How many encodings deep the text this scanner reads is.
    depth: u8,
    /// The scanner of decoded views, kept from line to line so that a
    /// table in HTML rows goes on.
    decoded: Option<Box<Scanner>>,
    /// The line last handed to the decoders.
    decoded_line: usize,
    /// How many more decoded bytes the views of the current line may take.
    decode_budget: usize,
}

impl Scanner {
    /// A new scanner, with the storage that the last one this thread
    /// dropped had grown: a tree of small files does not grow it anew for
    /// each.
    pub(super) fn new() -> Self {
        let storage = SPARE_STORAGE.take().unwrap_or_default();
        Scanner {
            line: 1,
            current: storage.current,
            hits: storage.hits,
            keep_repeats: false,
            table_column: None,
            table_seen: false,
            lists: Lists::new(),
            sentence: None,
            scratch: storage.scratch,
            depth: 0,
            decoded: None,
            decoded_line: 0,
            decode_budget: 0,
        }
    }

    /// Scans a block of whole lines (without the last line's newline).
    pub(super) fn block(&mut self, text: &[u8]) {
        let mut marks = std::mem::take(&mut self.scratch.marks);
        find_marks(text, &mut self.scratch.lower, &mut marks);
        let mut next = marks.iter().copied().peekable();
        let mut signs = std::mem::take(&mut self.scratch.signs);
        decode::sign_bytes(text, &mut signs);
        let mut next_sign = signs.iter().copied().peekable();
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len()));
        for end in ends {
            self.scratch.quote_words.clear();
            self.scratch.keywords.clear();
            let mut sign = false;
            while let Some((at, pattern)) = next.next_if(|&(at, _)| at < end) {
                match Mark::of(pattern) {
                    Mark::Context(trigger) => {
                        let line = &self.scratch.lower[start..end];
                        keyword_at(line, at - start, trigger, &mut self.scratch.keywords);
                    }
                    Mark::Sign => sign = true,
                    Mark::Quote(word) => self.scratch.quote_words.push((at - start, word)),
                }
            }
            while next_sign.next_if(|&at| at < end).is_some() {
                sign = true;
            }
            let context = !self.scratch.keywords.is_empty();
            let line = &text[start..end];
            if context || sign || self.carries_over() {
                self.look(line, 0, context, sign);
            } else if !self.scratch.quote_words.is_empty() {
                // Most quote words in a log are ordinary words that quote
                // nothing: only a line that quotes a text gets a close look.
                let found = templates::find_quotes_at(
                    line,
                    &self.scratch.quote_words,
                    &mut self.scratch.folded,
                );
                if !found.is_empty() {
                    self.look(line, 0, context, sign);
                }
            }
            self.end_line();
            start = end + 1;
        }
        self.scratch.marks = marks;
        self.scratch.signs = signs;
    }

    /// Whether nothing read so far bears on the lines to come, as when
    /// nothing has been read: no hits wait, and no table, list or sentence
    /// goes on, here or in the decoded views.
    pub(super) fn at_rest(&self) -> bool {
        self.current.is_empty()
            && self.hits.is_empty()
            && self.table_column.is_none()
            && self.sentence.is_none()
            && self.lists.at_rest()
            && self.decoded.as_ref().is_none_or(|inner| inner.at_rest())
    }

    /// Whether the next line must be read whatever it holds: it may go on
    /// with a table, a list of codes or a sentence.
    fn carries_over(&self) -> bool {
        self.table_column.is_some() || self.lists.is_open() || self.sentence.is_some()
    }

    /// Scans a window of a long line that starts `offset` bytes into it.
    pub(super) fn window(&mut self, text: &[u8], offset: usize) {
        let mut marks = std::mem::take(&mut self.scratch.marks);
        find_marks(text, &mut self.scratch.lower, &mut marks);
        self.scratch.keywords.clear();
        self.scratch.quote_words.clear();
        for &(at, pattern) in &marks {
            match Mark::of(pattern) {
                Mark::Context(trigger) => {
                    keyword_at(&self.scratch.lower, at, trigger, &mut self.scratch.keywords)
                }
                Mark::Sign => {}
                Mark::Quote(word) => self.scratch.quote_words.push((at, word)),
            }
        }
        let context = !self.scratch.keywords.is_empty();
        let mut signs = std::mem::take(&mut self.scratch.signs);
        decode::sign_bytes(text, &mut signs);
        let sign = !signs.is_empty()
            || marks
                .iter()
                .any(|&(_, p)| matches!(Mark::of(p), Mark::Sign));
        self.scratch.signs = signs;
        self.scratch.marks = marks;
        self.look(text, offset, context, sign);
    }

    /// Looks closely at a line, or a window of one, where the prefilter
    /// found a context word (`context`) or quote words (`quote_words`), or
    /// that may go on with what the lines before it started.
    fn look(&mut self, text: &[u8], offset: usize, context: bool, sign: bool) {
        let first_window = !self.table_seen;
        // The last window of a line says whether its sentence runs on.
        if let Some(sentence) = self.sentence.take().filter(|_| first_window) {
            self.sentence_goes_on(text, sentence);
        }
        let words = match context {
            true => self.numbers(text, offset),
            false => Words::default(),
        };
        // Only a line with the word "code" starts a table.
        if !self.table_seen && (words.code || self.table_column.is_some()) {
            self.table(text);
        }
        self.table_seen = true;
        self.messages(text, offset);
        if first_window {
            self.list_item(text, words.codes);
        }
        if sign {
            self.decoded_views(text, offset);
        }
        if first_window && !self.current.is_empty() {
            let field = body_field(text);
            for hit in &mut self.current {
                hit.body_field = field;
            }
        }
    }

    /// Where the line shows the sign of an encoding, scans its decoded
    /// views with the same rules; a hit there is reported on this line, at
    /// the column where its encoded run starts, with the encodings undone
    /// to reach it.
    fn decoded_views(&mut self, text: &[u8], offset: usize) {
        // Binary data (a NUL byte) is not an encoded text.
        if self.depth >= MAX_DECODE_DEPTH
            || !decode::has_sign(text)
            || memchr::memchr(0, text).is_some()
        {
            return;
        }
        let mut inner = self.decoded.take().unwrap_or_else(|| {
            let mut inner = Scanner::new();
            inner.depth = self.depth + 1;
            Box::new(inner)
        });
        inner.keep_repeats = self.keep_repeats;
        if self.decoded_line + MAX_TABLE_GAP < self.line {
            inner.table_column = None; // a table goes on only from row to row
        }
        self.decoded_line = self.line;
        if self.depth == 0 {
            self.decode_budget = DECODE_BUDGET_PER_BYTE * text.len() + 4096;
        }
        for view in decode::views(text) {
            if view.text.trim_ascii().is_empty() {
                continue; // it would end a table
            }
            // Views of views branch: their bytes, all told, are bounded.
            let Some(left) = self.decode_budget.checked_sub(view.text.len()) else {
                break;
            };
            let first_line = inner.line;
            inner.decode_budget = left;
            inner.block(&view.text);
            self.decode_budget = inner.decode_budget;
            let line_starts: Vec<usize> = std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', &view.text).map(|i| i + 1))
                .collect();
            for mut hit in inner.hits.drain(..) {
                let at = line_starts[hit.line - first_line] + hit.column - 1;
                let column = offset + view.origin.get(at).copied().unwrap_or(0);
                hit.decoded.insert(0, view.encoding);
                self.keep(Hit {
                    line: self.line,
                    column: column + 1,
                    ..hit
                });
            }
        }
        self.decoded = Some(inner);
    }

    pub(super) fn end_line(&mut self) {
        if !self.current.is_empty() {
            self.current.sort_by_key(|h| h.column);
            self.hits.append(&mut self.current);
        }
        self.line += 1;
        self.table_seen = false;
    }

    /// Keeps a hit for the current line: one per code, the leftmost (a
    /// number before a message at the same place), so that a line that
    /// names one code a million times costs one hit.
    fn push(&mut self, code: u32, via: Via, column: usize, text: &[u8]) {
        self.keep(Hit {
            line: self.line,
            column: column + 1,
            code,
            entry: catalog::lookup(code),
            via,
            text: escape(text),
            record: 0,
            body_field: 0,
            decoded: Vec::new(),
        });
    }

    fn keep(&mut self, hit: Hit) {
        let kept = match self.keep_repeats {
            true => None,
            false => self.current.iter().position(|h| h.code == hit.code),
        };
        if let Some(kept) = kept {
            let old = &self.current[kept];
            let rank = |h: &Hit| (h.column, h.via == Via::Message, h.decoded.len());
            if rank(old) <= rank(&hit) {
                return;
            }
            self.current.swap_remove(kept);
        }
        self.current.push(hit);
    }

    /// Codes after keywords, in URLs and in message keys, and the lists
    /// that continue them. Returns the words the line holds.
    fn numbers(&mut self, text: &[u8], offset: usize) -> Words {
        let mut words = Words::default();
        let keywords = std::mem::take(&mut self.scratch.keywords);
        for &(keyword_start, keyword_end) in &keywords {
            let keyword = &text[keyword_start..keyword_end];
            // `code`, `errorCode`, `error_code` ending a cell: a table's
            // header may stand here (`"code": 7100` is no header).
            words.code |= keyword.len() >= 4
                && keyword[keyword.len() - 4..].eq_ignore_ascii_case(b"code")
                && text
                    .get(keyword_end)
                    .is_none_or(|&b| b.is_ascii_whitespace() || b == b'|');
            if !left_boundary(text, keyword_start) || !right_boundary(text, keyword_end, keyword) {
                continue;
            }
            if let Some((start, end, code)) = message_key(text, keyword_start, keyword_end, keyword)
            {
                self.push(code, Via::Number, offset + start, &text[start..end]);
                continue;
            }
            if keyword.eq_ignore_ascii_case(b"errors.html#id1") {
                // 4614's heading lacks "Error", so its anchor was #id1.
                self.push(4614, Via::Number, offset + keyword_start, keyword);
                continue;
            }
            if keyword.ends_with(b".") || is_other_code(text, keyword_start, keyword) {
                continue; // `status.` starts nothing but a key
            }
            let url = keyword.contains(&b'/') || keyword.contains(&b'#');
            let stormpath = keyword.eq_ignore_ascii_case(b"stormpath");
            words.codes |= names_codes(text, keyword_start, keyword);
            let number = if url {
                number_at(text, keyword_end)
            } else {
                number_after_gap(text, keyword_end).or_else(|| {
                    match Sentence::default().read(text, keyword_end) {
                        Read::Number(at) => number_at(text, at),
                        Read::RunsOn(sentence) => {
                            self.sentence = Some(sentence);
                            None
                        }
                        Read::Nothing => None,
                    }
                })
            };
            let Some((start, end)) = number else {
                continue;
            };
            let Some(code) = code_number(text, start, end) else {
                continue;
            };
            if stormpath && start == keyword_end + 1 && names_a_thing(text, end) {
                continue; // `Stormpath 2016 roadmap` is a year, not `Stormpath 7104 (…)`
            }
            if !url && is_foreign(text, keyword_start, end) {
                continue; // `[error] 2014#2014:`, `ERROR 2000 retries`
            }
            // A quoted key keeps its opening quote: `"code": 7101`.
            let from = match keyword_start.checked_sub(1) {
                Some(q) if b"\"'".contains(&text[q]) => q,
                _ => keyword_start,
            };
            self.push_with_list(code, offset, text, from, end);
        }
        self.scratch.keywords = keywords;
        words
    }

    /// The number of a sentence that the previous line's end cut: `the code
    /// should` / `be 2001`.
    fn sentence_goes_on(&mut self, text: &[u8], sentence: Sentence) {
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
        if let Some(code) = code_number(text, start, end).filter(|_| !is_foreign(text, 0, end)) {
            self.push_with_list(code, 0, text, start, end);
        }
    }

    /// Keeps the code at `from..end` and the codes of a list that continues
    /// it: `7100, 7101 and 7103`.
    fn push_with_list(&mut self, code: u32, offset: usize, text: &[u8], from: usize, end: usize) {
        self.push(code, Via::Number, offset + from, &text[from..end]);
        let mut after = end;
        while let Some((start, end)) = list_continuation(text, after) {
            let Some(code) = code_number(text, start, end) else {
                break;
            };
            self.push(code, Via::Number, offset + start, &text[start..end]);
            after = end;
        }
    }

    /// A bare number that starts an item of a list of codes: `- [x] 13000`
    /// under `## Errors`.
    fn list_item(&mut self, text: &[u8], speaks: bool) {
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
        if !is_count(text, end) {
            self.push_with_list(code, 0, text, start, end);
        }
    }

    /// A text table: a header line with a cell `Code` (or `Error code`)
    /// starts it; the cell
    /// in that column of the lines below holds a code; a blank line ends it.
    fn table(&mut self, text: &[u8]) {
        let cells = cells(text);
        if cells.is_empty() {
            self.table_column = None;
            return;
        }
        // A cell that says just `Code` wins over `Error code`.
        let exact = cells
            .iter()
            .position(|&(s, e)| text[s..e].eq_ignore_ascii_case(b"code"));
        let named = || cells.iter().position(|&(s, e)| is_code_header(&text[s..e]));
        if let Some(column) = exact.or_else(named) {
            self.table_column = Some(column);
            return;
        }
        let Some(column) = self.table_column else {
            return;
        };
        if cells
            .iter()
            .all(|&(s, e)| text[s..e].iter().all(|b| b"-:=+".contains(b)))
        {
            return; // a rule under the header
        }
        match cells.get(column) {
            Some(&(s, e)) if is_code_cell(&text[s..e]) => {
                let code = parse_digits(&text[s..e]);
                self.push(code, Via::Number, s, &text[s..e]);
            }
            _ => self.table_column = None,
        }
    }

    /// Catalog messages and the server's filled-in templates, quoted
    /// without a number.
    fn messages(&mut self, text: &[u8], offset: usize) {
        let found =
            templates::find_quotes_at(text, &self.scratch.quote_words, &mut self.scratch.folded);
        for (code, start, end) in found {
            self.push(code, Via::Message, offset + start, &text[start..end]);
        }
    }
}

/// What a pattern of the prefilter found.
enum Mark {
    /// A trigger of context words (an index in `CONTEXT_TRIGGERS`).
    Context(usize),
    /// A word of the sign of an encoding.
    Sign,
    /// A quote word (an index in `templates::quote_words().words`).
    Quote(usize),
}

impl Mark {
    /// The prefilter's patterns are the context triggers, the sign words
    /// and the quote words, in that order.
    fn of(pattern: usize) -> Mark {
        let signs = CONTEXT_TRIGGERS.len();
        let quotes = signs + decode::SIGN_WORDS.len();
        match pattern {
            p if p < signs => Mark::Context(p),
            p if p < quotes => Mark::Sign,
            p => Mark::Quote(p - quotes),
        }
    }
}

/// The prefilter: where in a block the words stand that make a line worth
/// a close look, the context words and the quote words, as (offset,
/// pattern); a pattern past `CONTEXT_TRIGGERS` is a quote word, found at
/// the start of a word.
/// A few vectorised (Teddy) searches over the block in lower case, each
/// for few enough patterns to skip most bytes.
fn find_marks(text: &[u8], lower: &mut Vec<u8>, marks: &mut Vec<(usize, usize)>) {
    /// A search for some of the patterns, and for each of them the others
    /// of its group that may start where it does (`error` and `errors`): a
    /// search reports one pattern at a place.
    struct Group {
        /// The index of its first pattern among all.
        first: usize,
        patterns: aho_corasick::packed::Searcher,
        overlaps: Vec<Vec<usize>>,
    }
    static PREFILTER: OnceLock<(Vec<&'static [u8]>, Vec<Group>)> = OnceLock::new();
    let (words, groups) = PREFILTER.get_or_init(|| {
        let mut words: Vec<&[u8]> = CONTEXT_TRIGGERS.iter().map(|w| w.as_bytes()).collect();
        words.extend(decode::SIGN_WORDS.iter().map(|w| w.as_bytes()));
        words.extend(&templates::quote_words().words);
        let searches = words.len().div_ceil(MOST_PATTERNS_PER_SEARCH);
        let per_search = words.len().div_ceil(searches.max(1));
        let groups = words
            .chunks(per_search)
            .enumerate()
            .map(|(g, group)| {
                let overlaps = (0..group.len())
                    .map(|i| {
                        (0..group.len())
                            .filter(|&j| {
                                j != i
                                    && (group[i].starts_with(group[j])
                                        || group[j].starts_with(group[i]))
                            })
                            .collect()
                    })
                    .collect();
                // Where there is no Teddy, the searcher falls back to
                // Rabin-Karp.
                let patterns = aho_corasick::packed::Config::new()
                    .match_kind(aho_corasick::packed::MatchKind::LeftmostLongest)
                    .only_teddy_fat(Some(true))
                    .builder()
                    .extend(group)
                    .build()
                    .or_else(|| {
                        aho_corasick::packed::Config::new()
                            .match_kind(aho_corasick::packed::MatchKind::LeftmostLongest)
                            .builder()
                            .extend(group)
                            .build()
                    })
                    .expect("the prefilter builds");
                Group {
                    first: g * per_search,
                    patterns,
                    overlaps,
                }
            })
            .collect();
        (words, groups)
    });
    lower.clear();
    lower.extend(text.iter().map(u8::to_ascii_lowercase));
    marks.clear();
    let quote_words = templates::quote_words();
    let keeps = |pattern: usize, at: usize| match Mark::of(pattern) {
        Mark::Quote(word) => {
            templates::starts_word(lower, at)
                && quote_words.may_go_on(word, lower, at + words[pattern].len())
        }
        Mark::Context(_) | Mark::Sign => true,
    };
    for group in groups {
        let mut at = 0;
        while let Some(m) = group
            .patterns
            .find_in(&lower[..], aho_corasick::Span::from(at..lower.len()))
        {
            let (start, local) = (m.start(), m.pattern().as_usize());
            if !keeps(group.first + local, start) {
                at = start + 1; // "count" inside "account" quotes nothing
                continue;
            }
            marks.push((start, group.first + local));
            for &other in &group.overlaps[local] {
                let pattern = group.first + other;
                if lower[start..].starts_with(words[pattern]) && keeps(pattern, start) {
                    marks.push((start, pattern));
                }
            }
            at = m.end();
        }
    }
    if groups.len() > 1 {
        marks.sort(); // merges the groups' sorted runs
    }
}

/// The most patterns one packed search looks for. Fat Teddy has sixteen
/// buckets: patterns that share one let through the places of ordinary
/// text that start like any of them, and past about one and a half a
/// bucket those cost more than a second search over the block (on the
/// bench corpus: one search for 48 patterns 551M instructions all told,
/// two of 24 482M, three of 16 514M).
const MOST_PATTERNS_PER_SEARCH: usize = 24;

/// What every context word holds: the prefilter looks for these, fewer
/// patterns than the words themselves.
const CONTEXT_TRIGGERS: &[&str] = &["err", "code", "stormpath", "status."];

/// The words a line holds, as the rules for tables and lists need them.
#[derive(Default)]
struct Words {
    /// The word "code" at the end of a cell: the line may be a table's
    /// header.
    code: bool,
    /// Words for error codes, not another kind of code (`zip code`): the
    /// line speaks of error codes, as a list's heading must.
    codes: bool,
}

/// Whether a keyword names error codes: `errors`, `codes`, `error code`,
/// `errorCode`; not one error (`error handling`, `ERROR:`), nor source code
/// (`## Code`).
fn names_codes(text: &[u8], at: usize, keyword: &[u8]) -> bool {
    let ends_with = |word: &[u8], end: &[u8]| {
        word.len() >= end.len() && word[word.len() - end.len()..].eq_ignore_ascii_case(end)
    };
    if keyword.eq_ignore_ascii_case(b"code") {
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
const CONTEXT_WORDS: &[&str] = &[
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
fn keyword_at(lower: &[u8], at: usize, trigger: usize, keywords: &mut Vec<(usize, usize)>) {
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
const FILLERS: &[&[u8]] = &[
    b"code", b"codes", b"number", b"no", b"num", b"int", b"is", b"was", b"id",
];

fn left_boundary(text: &[u8], at: usize) -> bool {
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
fn after_escape_sequence(text: &[u8]) -> bool {
    let parameters = text
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit() || **b == b';')
        .count();
    text[..text.len() - parameters].ends_with(b"\x1b[")
}

fn right_boundary(text: &[u8], at: usize, keyword: &[u8]) -> bool {
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
const OTHER_CODES: &[&[u8]] = &[
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
];

/// Whether a `code` keyword is qualified as some other kind of code by the
/// word before it.
fn is_other_code(text: &[u8], at: usize, keyword: &[u8]) -> bool {
    if !keyword.eq_ignore_ascii_case(b"code") && !keyword.eq_ignore_ascii_case(b"codes") {
        return false;
    }
    let before = &text[..at];
    let end = before.len()
        - before
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'-' | b'_'))
            .count();
    let start = before[..end]
        .iter()
        .rposition(|b| !b.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    let word = &before[start..end];
    !word.is_empty() && OTHER_CODES.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether a word follows the number at `end` (`2016 roadmap`), as it
/// does not in the SDKs' `Stormpath 7104 (…)` or `Stormpath 7104: …`, nor
/// in `Stormpath 7104 error`.
fn names_a_thing(text: &[u8], end: usize) -> bool {
    let rest = &text[end..];
    let Some(word) = rest.strip_prefix(b" ") else {
        return false;
    };
    let word_len = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &word[..word_len];
    word_len > 0
        && ![&b"error"[..], b"errors", b"err"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// The number right at `at`.
fn number_at(text: &[u8], at: usize) -> Option<(usize, usize)> {
    let end = at + text[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    (end > at).then_some((at, end))
}

/// The bytes passed over between a keyword and its number, as a table: a
/// gap is read byte by byte. `+` is a space in a URL's query
/// (`?q=error+2001`).
const GAP_BYTES: [bool; 256] = byte_set(b" \t:=\"'`#[](){}>-_+");

const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

/// The number after a keyword, past separators and filler words.
fn number_after_gap(text: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let limit = (at + MAX_GAP).min(text.len());
    while at < limit {
        let b = text[at];
        if b.is_ascii_digit() {
            return number_at(text, at);
        }
        if GAP_BYTES[usize::from(b)] {
            at += 1;
            continue;
        }
        if let Some(width) = wide_space_or_quote(&text[at..]) {
            at += width;
            continue;
        }
        let word = word_at(text, at);
        let word_end = at + word.len();
        if word_end > at && FILLERS.iter().any(|f| f.eq_ignore_ascii_case(word)) {
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

/// A message key that ends in a code, `stormpath.web.errors.7104` or
/// `errors.7104`, or the server's `status.7104` with its suffix
/// (`status.7104.dev`): the key's span and its code.
fn message_key(
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
fn wide_space_or_quote(text: &[u8]) -> Option<usize> {
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

/// The run of ASCII letters at `at`.
pub(super) fn word_at(text: &[u8], at: usize) -> &[u8] {
    let len = text[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    &text[at..at + len]
}

/// Words that join the items of a list of codes.
const LIST_WORDS: &[&[u8]] = &[b"and", b"or", b"plus", b"then", b"also"];

/// The next number of a list: `7100, 7101 and 7103`.
fn list_continuation(text: &[u8], mut at: usize) -> Option<(usize, usize)> {
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

/// The code that the digits at `start..end` spell, if they can be one: four
/// or five digits, in the range of some category, and not part of a larger
/// token, a date, a time, a decimal, a version or an amount. `2000/2006`
/// and `7100,7101` are lists, but `2016-10-18`, `7100.5` and `12:30` are not.
fn code_number(text: &[u8], start: usize, end: usize) -> Option<u32> {
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

fn parse_digits(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |n, d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

fn is_code_cell(cell: &[u8]) -> bool {
    CODE_DIGITS.contains(&cell.len()) && cell[0] != b'0' && cell.iter().all(u8::is_ascii_digit)
}

/// The cells of a table line, trimmed: split at `|` where the line has
/// one (Markdown and box tables), else at runs of two or more spaces or a
/// tab where it has them (so `Error Code` stays one cell), else at spaces.
fn cells(text: &[u8]) -> Vec<(usize, usize)> {
    let piped = text.contains(&b'|');
    let wide = !piped && (text.contains(&b'\t') || text.windows(2).any(|w| w == b"  "));
    let is_separator = |i: usize| -> bool {
        let b = text[i];
        if piped {
            b == b'|'
        } else if wide {
            b == b'\t'
                || b == b'\r'
                || (b == b' ' && (text.get(i + 1) == Some(&b' ') || i > 0 && text[i - 1] == b' '))
        } else {
            b.is_ascii_whitespace()
        }
    };
    let mut cells = Vec::new();
    let mut start = 0;
    for i in 0..=text.len() {
        if i == text.len() || is_separator(i) {
            cells.push(trim(text, start, i));
            start = i + 1;
        }
    }
    let empty = |&(s, e): &(usize, usize)| s == e;
    if piped {
        // An empty cell between pipes keeps its column; the borders go.
        if cells.first().is_some_and(empty) {
            cells.remove(0);
        }
        if cells.last().is_some_and(empty) {
            cells.pop();
        }
    } else {
        cells.retain(|c| !empty(c));
    }
    cells
}

/// A range of `text` without the white space at its ends.
fn trim(text: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && text[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && text[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    (start, end)
}

/// Whether a header cell names the code column: `Code`, `Error code`,
/// `errorCode`, `error_code`, `stormpath_error_code`, but not another kind
/// of code (`Zip code`, `status_code`).
fn is_code_header(cell: &[u8]) -> bool {
    if cell.len() < 4 || !cell[cell.len() - 4..].eq_ignore_ascii_case(b"code") {
        return false;
    }
    let words: Vec<u8> = cell
        .iter()
        .map(|b| match b {
            b'_' | b'-' => b' ',
            b => b.to_ascii_lowercase(),
        })
        .collect();
    let Some(qualifier) = words.strip_suffix(b"code") else {
        return false;
    };
    let other = || is_other_code(&words, qualifier.len(), b"code");
    match qualifier {
        b"" | b"error" => true,
        _ => qualifier.ends_with(b" ") && !other(),
    }
}

/// The field of a JSON error body that a line holds (`"message": …`,
/// `code: 7200,`), as one bit of a set; 0 when the line is no such field.
/// The lines of one pretty-printed body are one sighting of its code.
fn body_field(line: &[u8]) -> u32 {
    let line = line.trim_ascii_start();
    let quote = line.first().filter(|b| b"\"'".contains(b)).copied();
    let key = &line[usize::from(quote.is_some())..];
    let length = key
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    let mut rest = &key[length..];
    if let Some(q) = quote {
        match rest.strip_prefix(&[q]) {
            Some(after) => rest = after,
            None => return 0,
        }
    }
    if length == 0 || !rest.trim_ascii_start().starts_with(b":") {
        return 0;
    }
    // FNV-1a over the key folded to lower case, into one of 32 bits.
    let hash = key[..length].iter().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193)
    });
    1 << (hash % 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::scan_text;

    fn codes(text: &str) -> Vec<u32> {
        scan_text(text.as_bytes()).iter().map(|h| h.code).collect()
    }

    #[test]
    fn every_context_word_holds_a_trigger_of_the_prefilter() {
        for word in CONTEXT_WORDS {
            assert!(CONTEXT_TRIGGERS.iter().any(|t| word.contains(t)), "{word}");
        }
    }

    #[test]
    fn keywords_put_codes_after_them() {
        assert_eq!(codes("we hit error 2001 today"), [2001]);
        assert_eq!(codes("Stormpath 7104 (http://x)"), [7104]);
        assert_eq!(
            codes("Stormpath 7104: Login failed; Stormpath 7100 error"),
            [7104, 7100]
        );
        assert_eq!(codes("err: 7100"), [7100]);
        assert_eq!(codes("error code no. 7103"), [7103]);
        assert_eq!(codes("loginError 7100"), [7100]);
        assert_eq!(codes("#error-7102"), [7102]);
    }

    #[test]
    fn unicode_spaces_and_quotes_stand_between_a_word_and_its_number() {
        assert_eq!(codes("Error\u{a0}7104"), [7104]);
        assert_eq!(codes("error\u{2009}code\u{3000}7100"), [7100]);
        assert_eq!(codes("the error was `7101` again"), [7101]);
        assert_eq!(codes("Stormpath error “2001”"), [2001]);
        assert_eq!(codes("error\u{a0}\u{a0}x 7100"), Vec::<u32>::new());
    }

    #[test]
    fn code_fields_in_every_notation() {
        assert_eq!(codes(r#""code": 7100,"#), [7100]);
        assert_eq!(codes(r#"{"code":"11001"}"#), [11001]);
        assert_eq!(codes("Code: 7106"), [7106]);
        assert_eq!(codes("CODE=2101"), [2101]);
        assert_eq!(codes(r#"["errorCode"]=> int(2006)"#), [2006]);
        assert_eq!(codes("Code:2014"), [2014]);
        assert_eq!(codes("error_code=2101 errorCode: 2002"), [2101, 2002]);
        assert_eq!(codes("    code: 13101"), [13101]);
    }

    #[test]
    fn more_info_urls_in_all_three_forms() {
        assert_eq!(codes("https://www.stormpath.com/docs/errors/2007"), [2007]);
        assert_eq!(
            codes("see http://docs.stormpath.com/errors/5114 - what"),
            [5114]
        );
        assert_eq!(
            codes("https://docs.stormpath.com/rest/product-guide/latest/errors.html#error-7101"),
            [7101]
        );
        assert_eq!(
            codes("https://docs.stormpath.com/rest/product-guide/latest/errors.html#id1"),
            [4614]
        );
    }

    #[test]
    fn lists_continue_a_context() {
        assert_eq!(codes("errors 7100, 7101 and 7103"), [7100, 7101, 7103]);
        assert_eq!(codes("errors 7100,7101"), [7100, 7101]);
        assert_eq!(codes("error codes 2000/2006 or 2008."), [2000, 2006, 2008]);
        assert_eq!(
            codes("errors 2000 on rows (rows 2001-2010 were fine)"),
            [2000]
        );
    }

    #[test]
    fn message_keys_that_end_in_a_code() {
        let hits =
            scan_text(b"No message found under code 'stormpath.web.errors.7104' for locale 'en'.");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].code, hits[0].column, hits[0].text.as_str()),
            (7104, 30, "stormpath.web.errors.7104")
        );
        assert_eq!(codes("status.7104.dev = Login attempt failed"), [7104]);
        assert_eq!(codes("errors.7100=Bad password"), [7100]);
        assert_eq!(codes("see ERRORS.2001."), [2001]);
        for text in [
            "rotated errors.2016-10-18.log and errors.2016.log",
            "status.200 and status.20010 and errors.7100x",
            "the build status. 2001 users",
            "errors.0700",
        ] {
            assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
        }
    }

    #[test]
    fn sentences_that_say_a_code_is_a_number() {
        assert_eq!(codes("the code should be 2001, not 409"), [2001]);
        assert_eq!(codes("Stormpath returns 7104 for this"), [7104]);
        assert_eq!(codes("The error we got back was 7100."), [7100]);
        assert_eq!(codes("I expected the error code to be 2001"), [2001]);
        assert_eq!(codes("the error it returns is 7104"), [7104]);
        assert_eq!(codes("but the code\nshould be 2001 as documented"), [2001]);
        let hits = scan_text(b"the error we got\r\nwas 7100");
        assert_eq!((hits[0].line, hits[0].column), (2, 5));
        for text in [
            "the error rate was 2000 per hour",
            "the error happened in 2016",
            "the code should, in 2016, be fixed",
            "the error we got. 2001 was the year",
            "the error should be 2000 users",
            "the code we get when we call it from the old app is 2001",
            "the code 404",
            "the code should\n\nbe 2001",
            "the error\nrate was 2000",
        ] {
            assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
        }
    }

    #[test]
    fn lists_of_bare_numbers_under_a_heading_about_codes() {
        let issue = "## Errors\n\n- [x] 13000\n- [ ] 12001\n- `7100`\n\n## Benchmarks\n\n- 13100\n- 2000 users\n";
        assert_eq!(codes(issue), [13000, 12001, 7100]);
        let lead_in = "Stormpath error codes we map:\n1. 7100, 7101\n2. 7102 (locked)\n3. 2000 requests\nThanks\n- 7103";
        assert_eq!(codes(lead_in), [7100, 7101, 7102]);
        let log = "ERROR something failed with code 2001\n- 2014\n";
        assert_eq!(codes(log), [2001], "a log line is no lead-in");
        let table = "### Stormpath errors this week\n\n| Error | Count |\n|---|---|\n| 7100 | 40 |\n| 2016-11-04 | 7104 |\n\n| 7101 | 2 |\n";
        assert_eq!(
            codes(table),
            [7100],
            "a table's first cell, up to a blank line"
        );
        let counts = "## Errors\n\n| Count | Users |\n|---|---|\n| 2000 | 7100 |\n";
        assert_eq!(codes(counts), Vec::<u32>::new(), "a first column of counts");
        let error_code = "Error code:\n- 7100\n";
        assert_eq!(codes(error_code), [7100]);
        let handling = "## Error handling\n\n- 2000\nERROR: retry delays:\n- 4000\n";
        assert_eq!(codes(handling), Vec::<u32>::new(), "one error is no list");
        let ports = "## Ports\n- 9000\n- 13000\n";
        assert_eq!(codes(ports), Vec::<u32>::new());
    }

    #[test]
    fn other_programs_numbers_after_error_are_theirs() {
        for text in [
            "2016/10/18 09:12:44 [error] 7102#0: *5104 connect() failed",
            "2016-10-18 09:12:44.301 ERROR 7104 --- [main] c.a.App : failed",
            "ERROR 2003 (HY000): Can't connect to MySQL server",
            "ConnectionResetError: [WinError 10054] An existing connection was closed",
            "Winsock error 10060 and socket error 10054 (WSAECONNRESET)",
            "OSError: [Errno 2001] No such file",
            "ERROR 4000 sessions dropped; [ERROR] 2000 retries; error: 7104 requests failed",
        ] {
            assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
        }
        let both = "[error] 7102#0: *5104 upstream said: HTTP 400, Stormpath 7100 (x)";
        assert_eq!(
            codes(both),
            [7100],
            "a Stormpath code on the line still counts"
        );
    }

    #[test]
    fn a_table_code_column() {
        let table = "Top errors:\n\nCode    Count  Share\n7102    310    41%\n7101    120    16%\n\n2001 after";
        assert_eq!(codes(table), [7102, 7101]);
        let markdown = "| Count | Code |\n|---|---|\n| 3 | 2001 |\n| 4 | 7100 |";
        assert_eq!(codes(markdown), [2001, 7100]);
        let mysql = "+----------------------+----------+\n| stormpath_error_code | COUNT(*) |\n+----------------------+----------+\n|                 7100 |     2013 |\n+----------------------+----------+";
        assert_eq!(codes(mysql), [7100]);
        let other = "| status_code | Zip Code | n |\n|---|---|---|\n| 2001 | 10017 | 3 |";
        assert_eq!(codes(other), Vec::<u32>::new());
        let two_words = "| Error Code | Count |\n|---|---|\n| 7102 | 12 |";
        assert_eq!(codes(two_words), [7102]);
        let spaced = "Error Code    Count\n7103          5\n2001          310";
        assert_eq!(codes(spaced), [7103, 2001]);
        let tabbed = "When\tcode\tuser\n2016-10-01\t7104\t1200";
        assert_eq!(codes(tabbed), [7104]);
        let empty_cell = "| Code | Note |\n|---|---|\n|  | 7100 |";
        assert_eq!(
            codes(empty_cell),
            Vec::<u32>::new(),
            "the Note column holds no codes"
        );
    }

    #[test]
    fn quoted_messages_name_their_code() {
        let hits = scan_text(b"console says: Login attempt failed because the Account is in a Group that is disabled.");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].code, hits[0].via), (7105, Via::Message));
        // Curly quotes, literals and spacing fold away.
        assert_eq!(
            codes(
                "Login attempt failed because there is no Account in the Application's associated Account Stores with the specified username   or email"
            ),
            [7104]
        );
    }

    #[test]
    fn a_message_that_codes_share_names_none() {
        assert_eq!(
            codes(
                "Oops! We encountered an unexpected error. Please contact support and explain what you were doing at the time this error occurred."
            ),
            Vec::<u32>::new()
        );
    }

    #[test]
    fn distractors_are_not_codes() {
        for text in [
            "ERROR 2016-10-18 09:12:44.301 started",
            "Error at DefaultDataStore.java:2014",
            "the exception on line 2012",
            "INFO started in 2014 ms",
            "closed tickets 7102 and 7105, port 9000, pid 3117",
            "Budget: $1902 for hosting, 2100 GB egress, call 020 7946 2000",
            r#"{"status": 404, "code": 404, "moreInfo": "mailto:support@stormpath.com"}"#,
            r#"{"code":"633559"}"#,
            "error 7100.5 and code 2001-10-01 and error 2001ms and code 20010",
            "error 10/18/2016 and code 12:2014 and error 2,000 and error 1,2001",
            "errorless 7100 codex 7101",
            "ship to zip code 10017, promo code 2016, verification code: 7102, exit code 1101",
            "the SMS code 4001 and the postal-code 13000",
            "see the Stormpath 2016 roadmap and Stormpath 2015 pricing",
        ] {
            assert_eq!(codes(text), Vec::<u32>::new(), "{text}");
        }
    }

    #[test]
    fn unknown_codes_in_context_are_reported_as_unknown() {
        let hits = scan_text(b"HTTP 400, Stormpath 7299 (x)");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].code, 7299);
        assert!(hits[0].entry.is_none());
    }

    #[test]
    fn one_hit_per_code_and_line() {
        let text = "HTTP 400, Stormpath 7104 (http://docs.stormpath.com/errors/7104): x";
        let hits = scan_text(text.as_bytes());
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].column, hits[0].text.as_str()),
            (11, "Stormpath 7104")
        );
    }

    #[test]
    fn a_code_named_again_and_again_on_a_line_is_one_hit() {
        let line = " error 7100 code 7100".repeat(10_000);
        let hits = scan_text(line.as_bytes());
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].column, hits[0].text.as_str()), (2, "error 7100"));
    }

    #[test]
    fn positions_and_escaping() {
        let hits = scan_text(b"line one\n\x1b[31merror 7100\x1b[0m\r\n");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].line, hits[0].column), (2, 6));
        assert_eq!(hits[0].text, "error 7100");
    }
}
