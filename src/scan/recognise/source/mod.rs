//! Source code of integrations, in any of the languages they were written
//! in (Java, JavaScript and TypeScript, Python, Ruby, PHP, C#, Go): a
//! number is a code where the code around it speaks of an error's code.
//!
//! - A label under a switch on an error's code: `switch (e.getCode())`
//!   then `case 7100:`, Ruby's `case e.code` / `when 7100, 7104`, a
//!   `match` arm `7100 =>`.
//! - A comparison or membership test on a code: `exc.code in (7100,
//!   7101)`, `[2001, 2014].includes(err.code)`.
//! - A key, member or value of a map, enum, constants block or class
//!   whose name or the comment above it speaks of errors or their codes:
//!   `STORMPATH_ERRORS = {` then `2002: 'Invalid value'`, `enum MfaError`
//!   then `CodeExpired = 13108`, `# Stormpath error codes` then
//!   `PASSWORD_INCORRECT = 7100`.
//!
//! Ports, timeouts, sizes and limits in the same files are named as such
//! (`CONNECT_TIMEOUT_MS = 3000`) and are not codes; a block that names
//! another product (`# MySQL client errors`), or whose comment calls its
//! numbers the text's own (`comments`), is not Stormpath's. A block lasts
//! while its lines are indented deeper than the line that opened it.

use super::keywords::OTHER_CODES;
use super::numbers::code_numbers;
use crate::catalog;
use comments::CommentRun;
use comparisons::comparison;
use members::{indexed, members, unknown_members};
use words::*;

pub(in crate::scan::recognise) mod comments;
mod comparisons;
pub(in crate::scan::recognise) mod glosses;
mod members;
pub(in crate::scan::recognise) mod numbering;
mod signs;
mod words;

pub(super) use signs::starts_code;
pub(super) use words::{
    context_says_stormpath, is_other_product, names_a_vendor, names_vendor, product_just_before,
    says_not_stormpath, says_phrase, vendor_before,
};
pub(in crate::scan::recognise) use words::{name_parts, places_ignoring_case};

/// Where a code stands on a line, and the code.
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) code: u32,
}

/// What the lines read so far have opened.
#[derive(Debug, Default)]
pub(super) struct Source {
    /// The blocks the current line is inside, innermost last.
    scopes: Vec<Scope>,
    /// The last line read declares another product's numbers (`const
    /// CR_SERVER_GONE_ERROR = 2006;` under `// MySQL client errors`):
    /// what its words say of them (`ERROR = 2006`) is not Stormpath's.
    pub(super) declares_others: bool,
    /// A comment or a declaration spoke of errors: the block or the
    /// constants that come next are about them.
    announced: bool,
    /// A comment spoke of another product: the map declared next is its.
    other_announced: bool,
    /// A comment named a vendor of numbered errors or said "not
    /// Stormpath": what is declared next is not Stormpath's.
    vendor_announced: bool,
    /// The maps declared under another product's name (`// MySQL client
    /// errors` then `AUDIT_DB_ERRORS = new HashMap<>()`): what is put into
    /// them is not Stormpath's.
    other_maps: Vec<Vec<u8>>,
    /// Names given a literal set of codes that do not say what they are
    /// (`MFA_RETRYABLE = Set.of(13104, 13108)`): a comparison with a code
    /// names them (`MFA_RETRYABLE.contains(code)`).
    code_sets: Vec<CodeSet>,
    /// A map literal open over lines whose name does not say what it holds
    /// (`FRIENDLY = {`), the codes its keys are so far, and the indentation
    /// of its opener: once it closes, a set of codes (`FRIENDLY[err.code]`
    /// names them).
    keyed_map: Option<(CodeSet, usize)>,
    /// The open block about errors, or a comment over it, named Stormpath:
    /// its members are Stormpath's whatever their names say, where a block
    /// of a text that names Stormpath elsewhere may be the text's own
    /// (`class PawPassError(IntEnum)` beside `STORMPATH_LOGIN_ERRORS`).
    pub(super) block_names_stormpath: bool,
    /// The line above declared a block about errors whose brace is below
    /// it (`announced`), and named Stormpath.
    announced_by_stormpath: bool,
    /// What the members of the open block said of their meaning.
    tally: Option<numbering::Tally>,
    /// The first line of a block that closed as another numbering: the
    /// codes found since are taken back.
    pub(super) taken_back: Option<usize>,
    /// What the run of comment lines that the last line ended (or is in)
    /// has said, all its lines read as one statement.
    comment_run: CommentRun,
    /// The last line was a comment, or a Python docstring is open.
    in_comment: bool,
    /// A string in triple quotes is open (`"""` or `'''`), and whether
    /// it is a docstring (it opened its line): a docstring's lines are a
    /// comment, a string's (`HELP = """`, Java's text blocks) are not.
    triple_quoted: Option<bool>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Scope {
    kind: Kind,
    /// The indentation of the line that opened it: it lasts while its
    /// lines are deeper.
    indent: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A switch on an error's code: its labels are codes.
    Switch,
    /// A map, enum, class or constants block about errors.
    Block,
    /// Constants after a comment about errors, at its indentation: they
    /// last until a blank line.
    Paragraph,
    /// Constants after a comment about another product's errors (`//
    /// MySQL client errors`): not codes, until a blank line or comment.
    Other,
    /// A block declared under such a comment, or one that says its numbers
    /// are the text's own (`// These are OUR numbers` over `const CVX =
    /// Object.freeze({`): its lines hold no codes.
    OtherBlock,
}

/// A name given a literal set of codes, and the codes.
#[derive(Debug)]
pub(super) struct CodeSet {
    pub(super) name: Vec<u8>,
    pub(super) codes: Vec<u32>,
}

/// The most sets of codes a text's names are kept of.
const MAX_CODE_SETS: usize = 16;

/// The set a line gives a name, `=` at `at`: a literal holding only
/// numbers, each a code the catalog knows (`Set.of(13104, 13108)`,
/// `frozenset({7100, 7101})`, `[2001, 2014]`).
fn code_set(code: &[u8], at: usize) -> Option<CodeSet> {
    let value = &code[at + 1..];
    let mut codes = Vec::new();
    let mut all = true;
    code_numbers(value, |start, end, number| {
        all &= operand(value, start, end) && catalog::lookup(number).is_some();
        codes.push(number);
    });
    // Nothing but the literal's brackets, separators and a constructor.
    let bare = value
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || b" \t,;()[]{}<>.:_".contains(b));
    let name = last_name(&code[..at]);
    (all && bare && !codes.is_empty() && !name.is_empty() && !named_quantity(code, at + 1)).then(
        || CodeSet {
            name: name.to_vec(),
            codes,
        },
    )
}

/// The most maps of other products a text's names are kept of.
const MAX_OTHER_MAPS: usize = 16;

impl Source {
    /// Reads a line of a source text (each of its lines, from the first
    /// that showed it is source code) and adds the codes it holds.
    /// `line` is the line's number in the text.
    pub(super) fn line(&mut self, text: &[u8], line: usize, found: &mut Vec<Found>) {
        self.declares_others = false;
        let trimmed = text.trim_ascii();
        if trimmed.is_empty() {
            self.scopes
                .retain(|s| !matches!(s.kind, Kind::Paragraph | Kind::Other));
            self.judge_closed_block();
            return;
        }
        let indent = text.len() - text.trim_ascii_start().len();
        self.keyed_map_line(trimmed, indent);
        let label = starts_with_word(trimmed, "case")
            || starts_with_word(trimmed, "when")
            || starts_with_word(trimmed, "default")
            || starts_with_word(trimmed, "else");
        // A brace on a line of its own (`switch (rex.Code)`, then `{` below
        // it, as C# writes it) goes on with what the line above opened.
        let lone_brace = trimmed == b"{";
        while let Some(scope) = self.scopes.last().filter(|_| !lone_brace) {
            let ends = match scope.kind {
                Kind::Switch => indent <= scope.indent && !label,
                Kind::Block | Kind::OtherBlock => indent <= scope.indent,
                Kind::Paragraph | Kind::Other => indent < scope.indent,
            };
            if !ends {
                break;
            }
            self.scopes.pop();
        }
        self.judge_closed_block();
        if is_annotation(trimmed) {
            // A test's parameters are an annotation's: `@pytest.mark.parametrize(…)`.
            if memchr::memmem::find(trimmed, b".parametrize(").is_some() {
                comparison(trimmed, &self.code_sets, found);
            }
            return; // `@Deprecated` between a comment and its declaration
        }
        let under_stormpath_comment = self.in_comment && self.comment_run.stormpath;
        if self.comment(text, trimmed, indent) {
            return;
        }
        let code = strip_comment(text);
        let announced = std::mem::take(&mut self.announced);
        let announced_by_stormpath = std::mem::take(&mut self.announced_by_stormpath);
        let other = std::mem::take(&mut self.other_announced);
        let vendor = std::mem::take(&mut self.vendor_announced);
        let assigned = assignment(code);
        let other_map = assigned
            .filter(|_| other && self.other_maps.len() < MAX_OTHER_MAPS)
            .map(|at| last_name(&code[..at]));
        if let Some(name) = other_map {
            self.other_maps.push(name.to_vec());
        }
        let words = Words::of(text);
        let in_others = self
            .scopes
            .last()
            .is_some_and(|s| matches!(s.kind, Kind::Other | Kind::OtherBlock));
        self.declares_others = (in_others || vendor && !announced) && !words.stormpath;
        // A name given a literal of codes alone: `BAD_CREDENTIALS = [7100,
        // 7104].freeze` holds codes wherever a constant would.
        let code_set = assigned.and_then(|at| code_set(code, at));
        match self.scopes.last().map(|s| s.kind) {
            Some(Kind::Switch) if label || starts_with_number(trimmed) => switch_label(code, found),
            // `MYSQL_CANT_CONNECT = 2003` in a class of Stormpath's errors.
            Some(Kind::Block | Kind::Paragraph) if !words.other_product => {
                let before = found.len();
                members(code, code_set.is_some(), found);
                self.count_members(code, line, &found[before..]);
            }
            _ => {}
        }
        if let Some(subject) = switch_subject(code.trim_ascii()) {
            if speaks_of_a_code(subject) {
                self.scopes.push(Scope {
                    kind: Kind::Switch,
                    indent,
                });
            }
            return;
        }
        comparison(code, &self.code_sets, found);
        if words.other_product {
            return;
        }
        indexed(code, &self.other_maps, found);
        if vendor && !announced && !words.stormpath {
            // `# MySQL client errors worth a retry` over `RETRYABLE_DB_ERRORS
            // = frozenset([2006, 2013])`: the line names that vendor's (not
            // under `Stormpath billing errors`, then `Card checks go through
            // Stripe`, nor a `STORMPATH_ERRORS` map under `# Okta migration`).
            // A block it opens holds that vendor's numbers, blank lines and
            // all.
            if ends_with_opener(code) {
                self.scopes.push(Scope {
                    kind: Kind::OtherBlock,
                    indent,
                });
            }
            return;
        }
        // What names the block: the name assigned (`REAUTH_CODES = …`) or
        // keyed (YAML's `errors:`, JSON's `"stormpathErrors": {`), or a
        // declaration (`enum MfaError`, `module StormpathErrors`; a class's
        // body holds code as well as members, so its name must end in a
        // word about errors), or the comment above it.
        let naming = assigned.or_else(|| key_of(code));
        let named = naming.is_some_and(|at| {
            Words::of(&code[..at]).names_stormpaths_errors() && !measures(&code[..at])
        });
        let set = code_set.is_some();
        if !named && self.code_sets.len() < MAX_CODE_SETS {
            self.code_sets.extend(code_set);
        }
        let name = naming.map(|at| last_name(&code[..at]));
        if let Some(name) = name.filter(|n| !named && !n.is_empty() && ends_with_opener(code)) {
            self.keyed_map.get_or_insert((
                CodeSet {
                    name: name.to_vec(),
                    codes: Vec::new(),
                },
                indent,
            ));
        }
        let declared = words.declaration && words.names_stormpaths_errors()
            || words.class && words.names_errors;
        if !(announced || named || declared) {
            return;
        }
        // The block this line opens or names, or the one it is in, names
        // Stormpath, or what announced it did.
        let open = self
            .scopes
            .iter()
            .any(|s| matches!(s.kind, Kind::Block | Kind::Paragraph));
        self.block_names_stormpath = words.stormpath
            || under_stormpath_comment
            || announced_by_stormpath
            || open && self.block_names_stormpath;
        if naming.is_some() && self.scopes.is_empty() {
            // The line that names the block: `REAUTH_CODES = frozenset({10011, 10013})`.
            let before = found.len();
            members(code, named || announced && set, found);
            self.count_members(code, line, &found[before..]);
        }
        let lone = trimmed.len() == 1;
        let announced_block = announced && (lone || naming.is_some() || words.declaration);
        if ends_with_opener(code) && (named || declared || announced_block) {
            self.scopes.push(Scope {
                kind: Kind::Block,
                indent,
            });
        } else if declared && assigned.is_none() || named && words.errors && value_below(code) {
            // `public enum StormpathErrorCode` or `… StormpathErrors = new
            // Dictionary<int, string>()` with its brace below; not a key
            // that holds its codes (`"stormpathCodes": [7104],`).
            self.announced = true;
            self.announced_by_stormpath = self.block_names_stormpath;
        } else if announced && assigned.is_some() && self.scopes.is_empty() {
            self.scopes.push(Scope {
                kind: Kind::Paragraph,
                indent,
            });
        }
    }

    /// Counts the members a line of a block holds, by whether their names
    /// say what the catalog says of them.
    fn count_members(&mut self, code: &[u8], line: usize, members: &[Found]) {
        if self.block_names_stormpath {
            return;
        }
        let unknown = unknown_members(code);
        if members.is_empty() && unknown == 0 {
            return;
        }
        let tally = self
            .tally
            .get_or_insert_with(|| numbering::Tally::new(line));
        tally.unknown += unknown;
        if !members.is_empty() {
            tally.add(code, members.iter().map(|m| m.code));
        }
    }

    /// Once no block about errors is open, judges the members of the last:
    /// another numbering's are taken back (`taken_back`).
    fn judge_closed_block(&mut self) {
        let open = |s: &Scope| matches!(s.kind, Kind::Block | Kind::Paragraph);
        if self.scopes.iter().any(open) {
            return;
        }
        if let Some(tally) = self.tally.take()
            && tally.is_another_numbering()
            && !self.block_names_stormpath
        {
            self.taken_back = Some(tally.first_line);
        }
    }

    /// Reads a line inside a map literal that does not say what it holds:
    /// a key that is a code adds it; the line that closes the map keeps
    /// the map as a set of codes.
    fn keyed_map_line(&mut self, trimmed: &[u8], indent: usize) {
        let Some((map, opened)) = self.keyed_map.as_mut() else {
            return;
        };
        if indent > *opened || trimmed == b"{" {
            map.codes.extend(key_code(trimmed));
            return;
        }
        let (map, _) = self.keyed_map.take().expect("a map is open");
        if !map.codes.is_empty() && self.code_sets.len() < MAX_CODE_SETS {
            self.code_sets.push(map);
        }
    }
}

/// Whether what a line names is still to come, below it: the line ends
/// with a constructor's call or the sign that names (`= new
/// Dictionary<int, string>()`, `ERRORS =`), not with the value.
fn value_below(code: &[u8]) -> bool {
    matches!(code.trim_ascii_end().last(), Some(b')' | b'=' | b':'))
}

/// The code a line of a map starts with as its key: `2000: 'x',`,
/// `"7100": {`, `7101 => 'y'`, `{ 7100, "x" },`.
fn key_code(trimmed: &[u8]) -> Option<u32> {
    let lead = trimmed
        .iter()
        .take_while(|b| b"\"'[{( ".contains(b))
        .count();
    let mut key = None;
    code_numbers(trimmed, |start, end, number| {
        let known = catalog::lookup(number).is_some();
        if start == lead && key.is_none() && known && operand(trimmed, start, end) {
            key = Some(number);
        }
    });
    key
}

/// Where the line assigns a name, its `=`: `NAME = …`, `NAME: Type =
/// …` (not `==`, `=>`, `<=`).
fn assignment(text: &[u8]) -> Option<usize> {
    (1..text.len()).find(|&i| {
        text[i] == b'='
            && !b"=!<>".contains(&text[i - 1])
            && text.get(i + 1).is_none_or(|&n| n != b'=' && n != b'>')
    })
}

/// Where a line that is a key of a map and its value has its `:`: YAML's
/// `errors:`, JSON's `"stormpathErrors": {` or `"stormpathCodes": [7104]`.
fn key_of(code: &[u8]) -> Option<usize> {
    let trimmed = code.trim_ascii();
    let unquoted = trimmed
        .strip_prefix(b"\"")
        .or_else(|| trimmed.strip_prefix(b"'"));
    let name = unquoted.unwrap_or(trimmed);
    let len = name
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || b"_-.$".contains(b))
        .count();
    let mut rest = &name[len..];
    if unquoted.is_some() {
        rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))?;
    }
    let value = rest.trim_ascii_start().strip_prefix(b":")?;
    // The name holds no `:`: the first is the key's (not Ruby's `::`).
    (len > 0 && !value.starts_with(b":"))
        .then(|| memchr::memchr(b':', code))
        .flatten()
}

/// An annotation or attribute: `@Deprecated`, `[Flags]`.
fn is_annotation(trimmed: &[u8]) -> bool {
    trimmed.starts_with(b"@") || trimmed.starts_with(b"[") && trimmed.ends_with(b"]")
}

/// Whether a line opens a block: it ends (before a comment) with `{`,
/// `[` or `(`, or with `:` (Python).
fn ends_with_opener(code: &[u8]) -> bool {
    let code = code.trim_ascii_end();
    code.last().is_some_and(|b| b"{[(".contains(b))
        || code.ends_with(b"do")
        || code.ends_with(b":") && !code.ends_with(b"::")
}

/// The line without a comment at its end (`// …`, `# …`).
fn strip_comment(text: &[u8]) -> &[u8] {
    let mut quote = None;
    for (i, &b) in text.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'#' && i > 0 && text[i - 1] == b' ' => return &text[..i],
            None if text[i..].starts_with(b"//") && (i == 0 || text[i - 1] != b':') => {
                return &text[..i];
            }
            None => {}
        }
    }
    text
}

fn starts_with_word(text: &[u8], word: &str) -> bool {
    text.len() >= word.len()
        && text[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        && text
            .get(word.len())
            .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'_')
}

fn starts_with_number(text: &[u8]) -> bool {
    let text = text.strip_prefix(b"\"").unwrap_or(text);
    text.first().is_some_and(u8::is_ascii_digit)
}

/// What a switch switches on: `switch (e.getCode()) {`, `switch
/// apiErr.Code {`, Ruby's `case error.code`, `match exc.code:`, Kotlin's
/// `when (e.code) {`. A label (`case 7100:`) is none.
fn switch_subject(trimmed: &[u8]) -> Option<&[u8]> {
    let code = trimmed.trim_ascii_end();
    for word in ["switch", "match", "select case", "case", "when"] {
        if let Some(at) = find_word(code, word) {
            let subject = code[at + word.len()..].trim_ascii();
            let label = word == "case" || word == "when";
            if label
                && (at > 0
                    || subject.ends_with(b":")
                    || subject
                        .first()
                        .is_none_or(|b| !b.is_ascii_alphabetic() && !b"$(".contains(b)))
            {
                return None; // `case 7100:`, `when 7100, 7104`
            }
            if !label && word != "switch" && !subject.ends_with(b"{") && !subject.ends_with(b":") {
                continue; // `match` as a word in other code
            }
            if word == "match" && subject == b"{" {
                return Some(&code[..at]); // Scala's `e.getCode match {`
            }
            return Some(subject);
        }
    }
    None
}

/// Where a word stands in a line, as a word.
fn find_word(text: &[u8], word: &str) -> Option<usize> {
    let word = word.as_bytes();
    let boundary = |i: Option<&u8>| i.is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'_');
    // Only where the first letter stands, in either case: a line is read
    // once a word, and a binary's long lines are long.
    let first = word.first()?;
    let mut places =
        memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), text);
    places.find(|&at| {
        text.get(at..at + word.len())
            .is_some_and(|found| found.eq_ignore_ascii_case(word))
            && boundary(at.checked_sub(1).map(|i| &text[i]))
            && boundary(text.get(at + word.len()))
    })
}

/// Whether a switch's subject or a comparison's side is an error's code:
/// `e.getCode()`, `apiErr.Code`, `$e->getErrorCode()`, `error.status`;
/// not `zipCode` nor `exitCode`.
fn speaks_of_a_code(text: &[u8]) -> bool {
    let mut previous: Option<&[u8]> = None;
    for part in name_parts(text) {
        let is = |w: &[u8]| part.eq_ignore_ascii_case(w);
        let other = previous.is_some_and(|p| OTHER_CODES.iter().any(|o| o.eq_ignore_ascii_case(p)));
        if (is(b"code") || is(b"errorcode") || is(b"errcode")) && !other || is(b"status") {
            return true;
        }
        previous = Some(part);
    }
    false
}

/// The codes of a label: `case 2100, 2101, 2102:`, `when 7100, 7104`,
/// `7100 | 7104 =>`: every number before the label's end.
fn switch_label(code: &[u8], found: &mut Vec<Found>) {
    let mut from = 0;
    loop {
        let end = from + label_end(&code[from..]);
        code_numbers(&code[..end], |start, end, code| {
            if start >= from {
                found.push(Found { start, end, code });
            }
        });
        // `case 7101: case 7103:`
        let rest = code.get(end + 1..).unwrap_or_default();
        if !starts_with_word(rest.trim_ascii_start(), "case") {
            break;
        }
        from = end + 1;
    }
}

/// Where a label ends: its `:`, `=>`, `->`, `then` or `{`.
fn label_end(text: &[u8]) -> usize {
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        if rest.starts_with(b"::") {
            at += 2;
            continue;
        }
        if rest.starts_with(b":")
            || rest.starts_with(b"=>")
            || rest.starts_with(b"->")
            || rest.starts_with(b"{")
            || rest.starts_with(b" then")
        {
            return at;
        }
        at += 1;
    }
    text.len()
}

/// Whether a number stands as an operand or an item: after `=`, `(`,
/// `[`, `{`, `,`, `|` or `>` and before `)`, `]`, `}`, `,`, `:`, `;`,
/// `&`, `|`, `?` or the line's end (past a quote around it).
fn operand(text: &[u8], start: usize, end: usize) -> bool {
    let before = text[..start].trim_ascii_end();
    let before = before
        .strip_suffix(b"\"")
        .or_else(|| before.strip_suffix(b"'"))
        .unwrap_or(before)
        .trim_ascii_end();
    let after = text[end..].trim_ascii_start();
    let after = after
        .strip_prefix(b"\"")
        .or_else(|| after.strip_prefix(b"'"))
        .unwrap_or(after)
        .trim_ascii_start();
    let left = before.last().is_none_or(|b| b"=([{,|>:".contains(b));
    let right = after.first().is_none_or(|b| b")]},:;&|?=-".contains(b))
        || after.starts_with(b"then")
        || after.starts_with(b"and ")
        || after.starts_with(b"or ");
    left && right
}

impl super::Scanner {
    /// Codes in source code: switch labels, comparisons, members of blocks
    /// about errors.
    pub(super) fn source_code(&mut self, text: &[u8]) {
        let mut found = std::mem::take(&mut self.scratch.source);
        found.clear();
        self.source.line(text, self.line, &mut found);
        if self.source.declares_others {
            self.current
                .retain(|hit| hit.via == crate::scan::Via::Message);
        }
        if let Some(first) = self.source.taken_back.take() {
            self.take_back_numbers(first..); // a block of another's numbering
        }
        for f in &found {
            self.push(
                f.code,
                crate::scan::Via::Number,
                f.start,
                &text[f.start..f.end],
            );
        }
        self.scratch.source = found;
    }
}

#[cfg(test)]
mod tests;
