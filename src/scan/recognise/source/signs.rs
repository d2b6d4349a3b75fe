//! What shows that a text is source code: one look at each line's first
//! word, so that a log's lines never reach the source rules.

/// Whether a line is one only source code has: `package`, `import`,
/// `<?php`, `def`, a comment or a docstring, `CONSTANT = …`. One look at
/// the line's first word, as every line of a text is given it; a log's
/// lines start otherwise (a date, a level, a brace).
pub(in crate::scan::recognise) fn starts_code(line: &[u8]) -> bool {
    if is_config_start(line) {
        return true;
    }
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

/// A line only a configuration file starts with: a JSON document's lone
/// `{`, or a YAML key at the margin with its value below (`server:`,
/// `stormpath:`); a log prints a JSON object on one line, and a ticket's
/// `Steps:` has a capital.
fn is_config_start(line: &[u8]) -> bool {
    let line = line.trim_ascii_end();
    if line == b"{" {
        return true;
    }
    let Some(name) = line.strip_suffix(b":") else {
        return false;
    };
    name.first().is_some_and(u8::is_ascii_lowercase)
        && name
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"_-".contains(b))
}
