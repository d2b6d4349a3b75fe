//! What a code in text is.
//!
//! A number is a code only in an error context: after a keyword (`error`,
//! `code`, `errorCode`, `Stormpath`) or a sentence that says what the code
//! is (`sentences`), in a moreInfo URL, in a message key
//! (`stormpath.web.errors.7104`), in a list that continues one of those, in
//! a list under a heading about codes (`lists`), or in a text table's Code
//! column. A line that quotes a catalog message names that code without a
//! number. Everything else (dates, ports, amounts, counts, line numbers,
//! HTTP statuses, one-time codes, other programs' numbers) is not a code.
//!
//! This file is the scanner's state: it is fed whole lines, a block at a
//! time, runs the recognisers over the lines the prefilter picks, and keeps
//! the hits of each block for its caller to take. One file a recogniser:
//!
//! - `prefilter`: where a block may name a code, in one pass;
//! - `windows`: a long line read in windows;
//! - `decoded`: the decoded views of a line, read with the same rules;
//! - `keywords`: context words and the other kinds of code;
//! - `numbers`: the number after a keyword, message keys, continued lists;
//! - `code_places`: where a block's numbers stand that may be codes;
//! - `prose`: codes in people's sentences with no context word, in a text
//!   about error codes: `glossed` with their meaning, or `received` as
//!   what came back;
//! - `sentences`: sentences that say a code is a number;
//! - `lists`: lists of bare numbers under a heading about codes;
//! - `tables`: a text table's Code column, a JSON body's fields;
//! - `csv`: the code column of a CSV export;
//! - `json_rows`: a JSON array of another's errors, one object a line;
//! - `other_numbers`: what other programs print after "error", and counts;
//! - `own_message`: another program's message after its number;
//! - `disowning`: a text that says its numbers are its own, not
//!   Stormpath's, or a sentence that says so of one number;
//! - `messages`: messages quoted without a number, or in other words;
//! - `installer`: a Windows Installer log, whose numbers are its errors,
//!   and an installer's errors in a text about installing;
//! - `source`: integrations' source code (switch labels, comparisons, the
//!   members of maps, enums and constants about errors).
//!
//! `messages` finds the catalog's texts with `crate::quotes`.

mod bare;
mod casual;
mod code_places;
pub(super) mod csv;
mod decoded;
mod disowning;
mod glossed;
mod installer;
mod json_rows;
mod keywords;
mod lists;
mod messages;
mod numbers;
mod opening;
mod other_numbers;
mod own_message;
mod own_numbers;
mod prefilter;
mod prose;
mod received;
mod referred;
mod sentences;
mod source;
mod spans;
mod tables;
mod verdicts;
mod windows;
mod words;

use crate::catalog;
use crate::quotes;
use crate::scan::decode;
use crate::scan::{Hit, Via, escape};
use glossed::names_another_thing;
use keywords::{
    Words, is_other_code, keyword_at, left_boundary, names_codes, names_other_systems,
    right_boundary,
};
use lists::Lists;
use numbers::*;
use other_numbers::{is_not_stormpaths, is_other_programs_number};
use prefilter::*;
use sentences::{Read, Sentence};
use source::Source;
use tables::*;
use words::is_count;
use words::{word_at, word_ending};

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
    folded: quotes::FoldBuffers,
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
    /// The codes source code holds on the line being looked at.
    source: Vec<source::Found>,
    /// Where the block's numbers stand that may be codes.
    code_places: code_places::CodePlaces,
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
    /// Where in the last block the lines with hits start: (line, offset).
    pub(super) hit_lines: Vec<(usize, usize)>,
    /// The lines whose numbers were taken back since the block began:
    /// hits of theirs that a block before passed on wait outside
    /// (`lines`), to be dropped too.
    taken_back: Vec<std::ops::RangeInclusive<usize>>,
    /// Keep every hit of a code on a line, not only the leftmost: in a
    /// JSON array on one line, each record is a ticket of its own.
    pub(super) keep_repeats: bool,
    /// A long line's hits in the overlap of the window before, which the
    /// next window may find again (`windows.rs`).
    overlap_hits: Vec<Hit>,
    /// The index of the Code column while inside a text table.
    table_column: Option<usize>,
    /// The open table's header named Stormpath only loosely (`Today
    /// (Stormpath)`): a row's cell counts where it glosses its code.
    table_glossed: bool,
    /// Whose numbering the open table is, where its header has a gloss.
    table_judge: Option<tables::TableJudge>,
    /// What the lines read say of a JSON array's rows, one object a line.
    json_rows: json_rows::JsonRows,
    /// The heading last read names Stormpath (`note_heading`).
    title_names_stormpath: bool,
    /// Whether the line (its first window) has been seen by the table rule.
    table_seen: bool,
    /// Lists of bare numbers under a heading about codes.
    lists: Lists,
    /// A sentence about a code that the line's end cut before its number.
    sentence: Option<Sentence>,
    /// Quotes of messages that the last line's end cut before they said
    /// enough: the line being read may go on with them.
    quotes_running: Vec<quotes::RunsOn>,
    /// The quotes that this line's end cuts, for the next line.
    quotes_cut: Vec<quotes::RunsOn>,
    /// The text has shown a line of source code (`import`, `package`,
    /// `<?php`…): the source rules read it from there on.
    source_text: bool,
    /// The switches and blocks about errors that source code has opened.
    source: Source,
    /// The text has said that its numbers are its own (`disowning`), and
    /// no heading about errors, nor data that names Stormpath, came since.
    disowned: bool,
    /// What the text has said of installing (`installer`).
    installing: installer::Installing,
    /// Codes a line said are the text's own, and its line
    /// (`own_numbers`), or another product's: their numbers near it are
    /// not hits.
    own_numbers: Vec<(u32, usize)>,
    /// The line being read names Stormpath: its numbers are no text's own.
    line_names_stormpath: bool,
    /// The text speaks of Stormpath's errors as people write: it has used
    /// words for error codes (`errors`) or named Stormpath as people do
    /// (`prose::named_by_people`), not only in a log's records.
    written_by_people: bool,
    /// How many more glosses this text may have ranked (`glossed`).
    gloss_rankings_left: usize,
    /// The codes the text has named, and their lines, as the lines ended:
    /// its people may name more bare (`bare`). A hit taken back takes its
    /// code's line back too.
    named_codes: Vec<(u32, usize)>,
    /// The text has named Stormpath as people do (`prose::named_by_people`),
    /// not only spoken of errors: a code named bare needs it (`bare`).
    stormpath_by_people: bool,
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
            hit_lines: Vec::new(),
            taken_back: Vec::new(),
            keep_repeats: false,
            overlap_hits: Vec::new(),
            table_column: None,
            table_glossed: false,
            table_judge: None,
            json_rows: json_rows::JsonRows::default(),
            title_names_stormpath: false,
            table_seen: false,
            lists: Lists::new(),
            sentence: None,
            quotes_running: Vec::new(),
            quotes_cut: Vec::new(),
            source_text: false,
            source: Source::default(),
            disowned: false,
            installing: installer::Installing::default(),
            own_numbers: Vec::new(),
            line_names_stormpath: false,
            written_by_people: false,
            gloss_rankings_left: glossed::RANKINGS_PER_TEXT,
            named_codes: Vec::new(),
            stormpath_by_people: false,
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
        self.installing.block(&self.scratch.lower);
        self.scratch.code_places.clear();
        self.hit_lines.clear();
        self.taken_back.clear();
        let mut next = marks.iter().copied().peekable();
        let mut signs = std::mem::take(&mut self.scratch.signs);
        decode::sign_bytes(text, &mut signs);
        let mut next_sign = signs.iter().copied().peekable();
        let mut start = 0;
        // The line before, in this block: a quote may begin on it. At a
        // block's (or a slice's) first line there is none, and a quote cut
        // at the last block's end goes on through `quotes_running` instead.
        let mut previous: &[u8] = &[];
        let mut previous_start = 0;
        let ends = memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len()));
        for end in ends {
            // Most lines of a log hold nothing the prefilter found and go
            // on with nothing: they are counted, and looked at only for a
            // start of source code.
            let quiet = next.peek().is_none_or(|&(at, _)| at >= end)
                && next_sign.peek().is_none_or(|&at| at >= end);
            let line = &text[start..end];
            self.installing.line(line, self.line, end);
            self.drop_installer_numbers_before();
            if quiet && !self.source_text && !self.carries_over() && !source::starts_code(line) {
                if self.json_rows.is_open() {
                    self.end_json_rows(true);
                }
                self.lists.quiet_line(line);
                self.prose_numbers(text, start..end, false);
                if self.current.is_empty() {
                    self.line += 1;
                } else {
                    self.spans(line);
                    self.hit_lines.push((self.line, start));
                    self.end_line();
                }
                previous = line;
                previous_start = start;
                start = end + 1;
                continue;
            }
            self.scratch.quote_words.clear();
            self.scratch.keywords.clear();
            let mut sign = false;
            let mut stormpath = disowning::Named::Not;
            let mut by_people = false;
            while let Some((at, pattern)) = next.next_if(|&(at, _)| at < end) {
                match Mark::of(pattern) {
                    Mark::Context(trigger) => {
                        let line = &self.scratch.lower[start..end];
                        if trigger == STORMPATH_TRIGGER {
                            stormpath = stormpath.max(disowning::named_at(line, at - start));
                            by_people = by_people || prose::named_by_people(line, at - start);
                            self.written_by_people |= by_people;
                            self.stormpath_by_people |= by_people;
                        }
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
            self.line_names_stormpath = stormpath == disowning::Named::AsAName
                && !self.own_numbers.is_empty()
                && own_numbers::names_stormpath_plainly(&self.scratch.lower[start..end]);
            self.source_text = self.source_text || source::starts_code(line);
            if context || sign || self.carries_over() || self.source_text {
                self.look(line, previous, 0, context, sign);
            } else if !self.scratch.quote_words.is_empty() {
                // Most quote words in a log are ordinary words that quote
                // nothing: only a line that quotes a text gets a close look.
                let found = self.quotes(line, previous);
                let reworded = || self.may_be_reworded() && quotes::find_reworded(line).is_some();
                if !found.is_empty() || reworded() {
                    self.look(line, previous, 0, context, sign);
                }
            }
            if !self.current.is_empty() && self.installing.bears_on(self.line) {
                self.drop_installer_numbers(line, start..end, stormpath != disowning::Named::Not);
            }
            // Source code has rules of its own for what is not Stormpath's.
            if context && !self.source_text {
                let previous = previous_start..previous_start + previous.len();
                self.follow_own_numbers(previous, start..end, line);
            }
            if self.disowned || stormpath != disowning::Named::Not {
                let previous = previous_start..previous_start + previous.len();
                self.follow_disowning(previous, start..end, stormpath);
            }
            self.json_row(line, stormpath != disowning::Named::Not);
            self.prose_numbers(text, start..end, by_people);
            if !self.current.is_empty() {
                self.spans(line);
                self.hit_lines.push((self.line, start));
            }
            self.end_line();
            previous = line;
            previous_start = start;
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
            && !self.json_rows.is_open()
            && self.sentence.is_none()
            && self.quotes_running.is_empty()
            && self.lists.at_rest()
            && !self.source_text
            && !self.written_by_people
            && !self.disowned
            && self.installing.at_rest(self.line)
            && !self.title_names_stormpath
            && self
                .own_numbers
                .iter()
                .all(|&(_, line)| self.line > line + own_numbers::OWN_NUMBER_LINES)
            && self.decoded.as_ref().is_none_or(|inner| inner.at_rest())
    }

    /// Whether the next line must be read whatever it holds: it may go on
    /// with a table, a list of codes or a sentence.
    fn carries_over(&self) -> bool {
        self.table_column.is_some()
            || self.lists.is_open()
            || self.sentence.is_some()
            || !self.quotes_running.is_empty()
    }

    /// Looks closely at a line, or a window of one, where the prefilter
    /// found a context word (`context`) or quote words (`quote_words`), or
    /// that may go on with what the lines before it started.
    fn look(&mut self, text: &[u8], previous: &[u8], offset: usize, context: bool, sign: bool) {
        let first_window = !self.table_seen;
        // The last window of a line says whether its sentence runs on.
        if let Some(sentence) = self.sentence.take().filter(|_| first_window) {
            self.sentence_goes_on(text, sentence);
        }
        // What the line's end cuts is worked out again here, for this
        // window: a quick look before found the same, and only the last
        // window ends the line.
        self.quotes_cut.clear();
        let running = match first_window {
            true => std::mem::take(&mut self.quotes_running),
            false => Vec::new(),
        };
        for run in running {
            match quotes::goes_on(text, run) {
                Some(Ok((code, start, end))) if !self.named_on_the_line_before(code) => {
                    self.push(code, Via::Message, offset + start, &text[start..end]);
                }
                Some(Ok(_)) => {}
                Some(Err(run)) => self.quotes_cut.push(run),
                None => {}
            }
        }
        let words = match context {
            true => self.numbers(text, offset),
            false => Words::default(),
        };
        self.note_heading(text, previous);
        // Only a line with the word "code" starts a table.
        if !self.table_seen && (words.code || self.table_column.is_some()) {
            self.table(text);
        }
        self.table_seen = true;
        self.messages(text, previous, offset);
        if first_window {
            // `## 2. Not Stormpath: database errors`, `## MySQL errors`: a
            // heading about another's errors heads no list of codes.
            let theirs = || source::says_not_stormpath(text) || source::names_a_vendor(text);
            self.list_item(text, words.codes && !theirs());
            if self.source_text {
                self.source_code(text);
            } else {
                own_message::drop_others(&mut self.current, &self.scratch.keywords, text, offset);
            }
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

    pub(super) fn end_line(&mut self) {
        if !self.current.is_empty() {
            self.current.sort_by_key(|h| h.column);
            for hit in &self.current {
                if !self.named_codes.iter().any(|&(code, _)| code == hit.code) {
                    self.named_codes.push((hit.code, hit.line));
                }
            }
            self.hits.append(&mut self.current);
        }
        self.line += 1;
        self.table_seen = false;
        if !(self.quotes_cut.is_empty() && self.quotes_running.is_empty()) {
            std::mem::swap(&mut self.quotes_running, &mut self.quotes_cut);
            self.quotes_cut.clear();
        }
    }

    /// Keeps a hit for the current line: one per code, the leftmost (a
    /// number before a message at the same place), so that a line that
    /// names one code a million times costs one hit.
    fn push(&mut self, code: u32, via: Via, column: usize, text: &[u8]) {
        if via == Via::Number
            && !self.own_numbers.is_empty()
            && !self.line_names_stormpath
            && self.is_own_number(code)
        {
            return;
        }
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
            time: None,
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
        let source_code = self.source_text;
        let says_stormpath_once = std::cell::OnceCell::new();
        for &(keyword_start, keyword_end) in &keywords {
            let keyword = &text[keyword_start..keyword_end];
            words.code |= may_head_a_table(text, keyword, keyword_end);
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
            // Once a line: a long line holds many keywords.
            let says_stormpath = || {
                *says_stormpath_once.get_or_init(|| source::context_says_stormpath(text, &keywords))
            };
            if keyword.ends_with(b".")
                || is_other_code(text, keyword_start, keyword)
                || names_other_systems(text, keyword_start, keyword) && !says_stormpath()
            {
                continue; // `status.` starts nothing but a key
            }
            let theirs = |at| is_not_stormpaths(text, at, source_code, says_stormpath());
            // `a 7100 error`, not `the 2000 errors`: a plural counts.
            if keyword.eq_ignore_ascii_case(b"error")
                && let Some((start, end)) = number_before(text, keyword_start)
                && let Some(code) = code_number(text, start, end)
                && !theirs(start)
            {
                self.push(code, Via::Number, offset + start, &text[start..end]);
            }
            let url = keyword.contains(&b'/') || keyword.contains(&b'#');
            let stormpath = keyword.eq_ignore_ascii_case(b"stormpath");
            let codes = names_codes(text, keyword_start, keyword);
            words.codes |= codes;
            self.written_by_people |=
                codes && !prose::counts_errors(text, keyword_start, keyword_end);
            let number = if url {
                number_at(text, keyword_end)
            } else {
                number_after_gap(text, keyword_end)
                    .or_else(|| number_after_thing(text, keyword_end))
                    .or_else(|| {
                        codes
                            .then(|| number_after_heading(text, keyword_end))
                            .flatten()
                    })
                    .or_else(|| match Sentence::default().read(text, keyword_end) {
                        Read::Number(at) => number_at(text, at),
                        Read::RunsOn(sentence) => {
                            self.sentence = Some(sentence);
                            None
                        }
                        Read::Nothing => None,
                    })
            };
            let Some((start, end)) = number else {
                continue;
            };
            // `error(400, 10100, …)`, a helper's call; not a logger's
            // `log.error(503, 4000, …)`.
            let called = keyword_start == 0 || text[keyword_start - 1] != b'.';
            let past = past_status(text, start, end).filter(|_| called);
            let (start, end) = past.unwrap_or((start, end));
            let Some(code) = code_number(text, start, end) else {
                continue;
            };
            // A space between, or Markdown's emphasis too (`Stormpath **2016**
            // pricing`).
            let next_word = text[keyword_end..start].iter().all(|b| b" *_".contains(b))
                && text[keyword_end..start].contains(&b' ');
            // `Stormpath 2016 roadmap` and `Stormpath 2015-2017` are years,
            // not `Stormpath 7104 (…)`; but a log's `Stormpath 7103 locked
            // user=ann` glosses its code.
            let years = || spans::opens_years(text, end, code);
            // `[Stormpath #12043]` numbers a ticket.
            let id = || text[keyword_end..start].contains(&b'#');
            if stormpath && (next_word && (names_another_thing(text, end, code) || years()) || id())
            {
                continue;
            }
            if !url && is_other_programs_number(text, keyword_start, end) {
                continue; // `[error] 2014#2014:`, `ERROR 2000 retries`
            }
            if !url && theirs(keyword_start) {
                continue; // `Cisco AnyConnect: "Login failed. Error 7100"`
            }
            // A quoted key keeps its opening quote: `"code": 7101`; a
            // string that starts with the word does not (`"error 7103`).
            let from = match keyword_start.checked_sub(1) {
                Some(q) if b"\"'".contains(&text[q]) && text.get(keyword_end) == Some(&text[q]) => {
                    q
                }
                _ => keyword_start,
            };
            self.push_with_list(code, offset, text, from, end);
        }
        // Prose says "error" or "Stormpath"; a field's `code` or an e-mail
        // address (`support@stormpath.com`) calls for no look. A line that
        // names a code already is seldom prose about another.
        let says_error = |&(start, end): &(usize, usize)| {
            let word = &text[start..end];
            // `stormpath.com`, not a sentence's end: `back from Stormpath.`
            let domain = match text.get(end) {
                Some(b'/' | b'@') => true,
                Some(b'.') => text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric),
                _ => false,
            };
            word.eq_ignore_ascii_case(b"error")
                || word.eq_ignore_ascii_case(b"errors")
                || word.eq_ignore_ascii_case(b"stormpath") && !domain
        };
        if self.current.is_empty() && keywords.iter().any(says_error) {
            numbers_after_meeting(text, |start, end| {
                if let Some(code) = code_number(text, start, end).filter(|_| !is_count(text, end)) {
                    self.push(code, Via::Number, offset + start, &text[start..end]);
                }
            });
        }
        self.scratch.keywords = keywords;
        words
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
}

#[cfg(test)]
mod tests;
