//! What shows that a text is source code, and what a line of it shows of
//! the rules' words: cheap looks that spare the rules most lines.

use super::{CLASSES, DECLARATIONS};
use std::sync::OnceLock;

/// Whether a line is one only source code has: `package`, `import`,
/// `<?php`, `def`, a comment or a docstring, `CONSTANT = …`. One look at
/// the line's first word, as every line of a text is given it; a log's
/// lines start otherwise (a date, a level, a brace).
pub(in crate::scan::recognise) fn starts_code(line: &[u8]) -> bool {
    let line = line.trim_ascii_start();
    let starts = |words: &[&[u8]]| words.iter().any(|w| line.starts_with(w));
    match line.first() {
        Some(b'/') => starts(&[b"//", b"/*"]),
        Some(b'#') => starts(&[b"#!", b"# -*-", b"#include"]),
        Some(b'<') => starts(&[b"<?php"]),
        Some(b'"') => starts(&[b"\"\"\""]),
        Some(b'`') => starts(&[b"```"]),
        Some(b'i') => starts(&[b"import "]),
        Some(b'p') => starts(&[b"package ", b"public ", b"private ", b"protected "]),
        Some(b'u') => starts(&[b"using "]),
        Some(b'n') => starts(&[b"namespace "]),
        Some(b'r') => starts(&[b"require"]),
        Some(b'd') => starts(&[b"def "]),
        Some(b'c') => starts(&[b"class ", b"const ", b"case "]),
        Some(b'm') => starts(&[b"module "]),
        Some(b'f') => starts(&[b"func ", b"function ", b"from "]),
        Some(b'e') => starts(&[b"export ", b"enum "]),
        Some(b'v') => starts(&[b"var "]),
        Some(b'l') => starts(&[b"let "]),
        Some(b's') => starts(&[b"static ", b"switch "]),
        Some(b'A'..=b'Z') => {
            // `STORMPATH_ERRORS = {`
            let name = line
                .iter()
                .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || **b == b'_')
                .count();
            name > 1 && line[name..].starts_with(b" = ")
        }
        _ => false,
    }
}

/// What a line shows of the rules' words, in any case.
#[derive(Default)]
pub(super) struct Signs {
    /// `switch`, `match`, `case`, `when`.
    pub(super) switch: bool,
    /// `code` or `status`, as a comparison's side may be.
    pub(super) code: bool,
    /// A comparison's or membership test's word that has no `=`.
    pub(super) comparison: bool,
    /// A word that declares a class, an enum or constants.
    pub(super) declaration: bool,
    /// A call that puts a key into a map.
    pub(super) put: bool,
}

impl Signs {
    pub(super) fn of(code: &[u8]) -> Signs {
        static SEARCH: OnceLock<(aho_corasick::AhoCorasick, Vec<u8>)> = OnceLock::new();
        let (search, kinds) = SEARCH.get_or_init(|| {
            let switches: &[&[u8]] = &[b"switch", b"match", b"case", b"when"];
            let codes: &[&[u8]] = &[b"code", b"status"];
            let declarations: Vec<&[u8]> = DECLARATIONS
                .iter()
                .chain(CLASSES)
                .map(|w| w.as_bytes())
                .collect();
            let groups: [&[&[u8]]; 5] = [switches, codes, COMPARISON_WORDS, &declarations, PUTS];
            let mut words: Vec<&[u8]> = Vec::new();
            let mut kinds = Vec::new();
            for (kind, group) in groups.iter().enumerate() {
                words.extend(group.iter());
                kinds.extend(std::iter::repeat_n(kind as u8, group.len()));
            }
            // Leftmost-longest, not overlapping: the search skips ahead
            // with a vectorised prefilter.
            let search = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .build(words)
                .expect("the signs build");
            (search, kinds)
        });
        let mut signs = Signs::default();
        for m in search.find_iter(code) {
            match kinds[m.pattern().as_usize()] {
                0 => signs.switch = true,
                1 => signs.code = true,
                2 => signs.comparison = true,
                3 => signs.declaration = true,
                _ => signs.put = true,
            }
        }
        signs
    }
}

/// The words of a membership test or comparison without `=`, in lower
/// case (`comparisons::COMPARISONS` has them all).
const COMPARISON_WORDS: &[&[u8]] = &[
    b" in ",
    b" in(",
    b" is ",
    b" -eq ",
    b" -in ",
    b".includes(",
    b".contains(",
    b".include?(",
    b".has(",
    b".indexof(",
    b".equals(",
    b"in_array(",
];

/// The calls that put a key into a map, in lower case.
pub(super) const PUTS: &[&[u8]] = &[
    b".put(",
    b".set(",
    b".add(",
    b".store(",
    b".register(",
    b".putifabsent(",
];
