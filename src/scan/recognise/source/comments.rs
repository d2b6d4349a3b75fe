//! What comments say of the code under them: a run of comment lines (or a
//! Python docstring) read as one statement, announcing Stormpath's errors,
//! another product's, or numbers the text calls its own.

use super::words::*;
use super::{Kind, Scope, Source};

/// What a run of comment lines says: a statement often spans several
/// (`// eStatements API error numbers` then `// These are our own, not
/// Stormpath's.`).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct CommentRun {
    /// The indentation of its first line.
    indent: usize,
    /// A line spoke of errors.
    errors: bool,
    /// A line spoke of codes or numbers.
    numbers: bool,
    /// A line named Stormpath, not to disown it: what the run calls its
    /// own after that (`translate the code into our own reason strings`)
    /// is not its numbers.
    pub(super) stormpath: bool,
    /// A line said the numbers are not Stormpath's, or the text's own.
    disowned: bool,
}

impl Source {
    /// Reads a line as a comment, when it is one (or inside a docstring),
    /// and says so: what it announces is kept for the code below it.
    pub(super) fn comment(&mut self, text: &[u8], trimmed: &[u8], indent: usize) -> bool {
        let continues_comment = std::mem::take(&mut self.in_comment);
        let docstring = self.triple_quoted.unwrap_or(false);
        self.triple_quoted = triple_quoted_after(trimmed, self.triple_quoted);
        if !(docstring || is_comment(trimmed)) {
            return false;
        }
        self.in_comment = true;
        // A comment goes on announcing, or announces: `# Stormpath
        // error codes`, not `# MySQL client errors (not Stormpath)`.
        let words = Words::of(text);
        let mut run = match continues_comment {
            true => self.comment_run,
            false => CommentRun {
                indent,
                ..CommentRun::default()
            },
        };
        // `LoanExpress's own error numbers … Ours.`
        let own = !run.stormpath && says_its_own(text, run.errors || run.numbers);
        let disowns = words.disowns_stormpath || own;
        run.errors |= words.errors;
        run.numbers |= names_numbers(text);
        run.stormpath |= words.stormpath && !words.disowns_stormpath;
        run.disowned |= disowns;
        self.comment_run = run;
        // `// Stormpath's codes` inside a class of constants: the open
        // block is Stormpath's.
        let in_a_block = self
            .scopes
            .iter()
            .any(|s| matches!(s.kind, Kind::Block | Kind::Paragraph));
        self.block_names_stormpath |= in_a_block && words.stormpath && !disowns;
        self.announced |= words.errors && !words.other_product;
        // `// Winsock error numbers seen when api.stormpath.com is
        // unreachable.` then `// Not Stormpath codes.`; `These are OUR
        // numbers` then `Do not confuse them with Stormpath's codes`.
        self.announced &= !run.disowned;
        self.other_announced |= words.other_product || own;
        self.vendor_announced |= words.vendor || disowns;
        let in_others = self.scopes.last().is_some_and(|s| s.kind == Kind::Other);
        if in_others && !continues_comment {
            self.scopes.pop(); // the next comment says what follows
        }
        // `// Stormpath error codes we retry on` inside a block of the
        // text's own: what follows in it is Stormpath's.
        if let Some(scope) = self
            .scopes
            .last_mut()
            .filter(|s| s.kind == Kind::OtherBlock)
            && words.errors
            && words.stormpath
            && !disowns
        {
            scope.kind = Kind::Block;
        }
        // `// MySQL client errors`, `// --- MySQL client errors (not
        // Stormpath!) ---` in a class of Stormpath's, or a vendor of
        // numbered errors' or the text's own (`// Our own error
        // numbers`) at the top of a file; not `// returned with HTTP
        // 409`, nor `// Login errors (returned with HTTP 400)` over a Go
        // `const (`.
        let theirs = words.vendor || disowns || words.other_product && !self.scopes.is_empty();
        let about_numbers = run.errors || run.numbers && disowns;
        let in_others = self.scopes.last().is_some_and(|s| s.kind == Kind::Other);
        if about_numbers && theirs && !in_others {
            self.scopes.push(Scope {
                kind: Kind::Other,
                indent: run.indent,
            });
        }
        true
    }
}

/// A comment line: `//`, `#`, `/*`, `*`, `--`, `'''`, `"""`.
pub(in crate::scan::recognise) fn is_comment(trimmed: &[u8]) -> bool {
    [&b"//"[..], b"#", b"/*", b"*", b"--", b"\"\"\"", b"'''"]
        .iter()
        .any(|p| trimmed.starts_with(p))
        && !trimmed.starts_with(b"#[")
}

/// Whether a string in triple quotes is open after a line, and whether
/// it is a docstring, given what was open before it: a line with an odd
/// number of triple quotes opens one or closes it, and one that opens
/// with them opens a docstring (`"""Our own error numbers.`), where
/// `HELP = """` or Java's `String sql = """` opens a string, and its
/// `""";` closes it.
fn triple_quoted_after(trimmed: &[u8], open: Option<bool>) -> Option<bool> {
    let count = [&b"\"\"\""[..], b"\'\'\'"]
        .iter()
        .map(|q| memchr::memmem::find_iter(trimmed, q).count())
        .sum::<usize>();
    match (open, count % 2 == 1) {
        (open, false) => open,
        (Some(_), true) => None,
        (None, true) => Some(trimmed.starts_with(b"\"\"\"") || trimmed.starts_with(b"\'\'\'")),
    }
}
