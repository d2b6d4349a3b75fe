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
    // A word that also starts prose (`from 04/07 to 04/11`, `let me
    // know`, `import of 2,000 users`) counts only in the shape code gives
    // it.
    let then = |word: &[u8], shape: fn(&[u8]) -> bool| line.strip_prefix(word).is_some_and(shape);
    match line.first() {
        Some(b'/') => starts(&[b"//", b"/*"]),
        Some(b'#') => starts(&[b"#!", b"# -*-", b"#include"]),
        Some(b'<') => starts(&[b"<?php"]),
        Some(b'"') => starts(&[b"\"\"\""]),
        Some(b'`') => starts(&[b"```"]),
        Some(b'i') => then(b"import ", imports),
        Some(b'p') => {
            then(b"package ", names_alone)
                || starts(&[b"public ", b"private ", b"protected "]) && declares_a_thing(line)
        }
        Some(b'u') => then(b"using ", |rest| is_code_like(rest) || names_alone(rest)),
        Some(b'n') => starts(&[b"namespace "]),
        Some(b'r') => then(b"require", |rest| {
            rest.starts_with(b"(")
                || rest.starts_with(b"_")
                || rest.starts_with(b" '")
                || rest.starts_with(b" \"")
        }),
        Some(b'd') => then(b"def ", |rest| rest.contains(&b'(')),
        Some(b'c') => {
            then(b"class ", |rest| rest.first().is_some_and(u8::is_ascii_uppercase))
                || then(b"const ", |rest| rest.starts_with(b"(") || declares(rest))
                // `case 7100:`, Ruby's `case error.code`; not `case 7100 was
                // closed`.
                || then(b"case ", |rest| rest.contains(&b':') || !rest.trim_ascii_end().contains(&b' '))
        }
        Some(b'm') => then(b"module ", |rest| {
            rest.first().is_some_and(u8::is_ascii_uppercase)
        }),
        Some(b'f') => {
            starts(&[b"func "])
                || then(b"function ", |rest| rest.contains(&b'('))
                || then(b"from ", |rest| {
                    memchr::memmem::find(rest, b" import ").is_some()
                })
        }
        Some(b'e') => starts(&[b"enum "]) || then(b"export ", exports),
        Some(b'v') => then(b"var ", declares),
        Some(b'l') => then(b"let ", declares),
        Some(b's') => {
            starts(&[b"static "]) && declares_a_thing(line)
                || then(b"switch ", |rest| {
                    rest.starts_with(b"(") || rest.trim_ascii_end().ends_with(b"{")
                })
        }
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

/// The name a declaration gives, then what declares it: `x = 1`, `{ a } =
/// …`, `err error`, `code: number`; not `me know`.
fn declares(rest: &[u8]) -> bool {
    if rest.starts_with(b"{") || rest.starts_with(b"[") {
        return true;
    }
    let (name, after) = name_then(rest, b"_$");
    let after = after.trim_ascii_start();
    name > 0 && (after.is_empty() || b"=:;,".contains(&after[0]))
}

/// What `import ` is followed by in code: a module's name alone, or before
/// `from`, `as` or a `;` (`import com.stormpath.sdk.Client;`, `import {
/// Client } from 'stormpath'`); not `import of 2,000 users`.
fn imports(rest: &[u8]) -> bool {
    if rest.starts_with(b"{") || rest.starts_with(b"*") {
        return true;
    }
    let (name, after) = name_then(rest, b"_$.@/'\"-");
    let after = after.trim_ascii_end();
    name > 0
        && (after.is_empty()
            || after.starts_with(b";")
            || after.starts_with(b",")
            || after.starts_with(b" from ")
            || after.starts_with(b" as "))
}

/// A name alone on its line, or before a `;`: `package main`, `using
/// System;`.
fn names_alone(rest: &[u8]) -> bool {
    let (name, after) = name_then(rest, b"_.");
    let after = after.trim_ascii_end();
    name > 0 && (after.is_empty() || after == b";")
}

/// How long the name at the start of `rest` is (letters, digits and the
/// bytes of `extra`), and what follows it.
fn name_then<'a>(rest: &'a [u8], extra: &[u8]) -> (usize, &'a [u8]) {
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || extra.contains(b))
        .count();
    (name, &rest[name..])
}

/// What `export ` is followed by in code: `default`, `const`, `function`,
/// `class`, a brace…; not `export of tickets`.
fn exports(rest: &[u8]) -> bool {
    [
        &b"default"[..],
        b"const ",
        b"function",
        b"class ",
        b"enum ",
        b"interface ",
        b"type ",
        b"let ",
        b"var ",
        b"async ",
        b"abstract ",
        b"{",
        b"*",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// Whether a line has a mark only code has (a bracket, a brace, `;` or
/// `=`), or declares a thing by its name: `public enum StormpathErrorCode`
/// (a word in lower case, then a name in capitals), not `public key
/// infrastructure`.
fn declares_a_thing(line: &[u8]) -> bool {
    let mut words = line.split(|&b| b == b' ').filter(|w| !w.is_empty()).skip(1);
    let named = match (words.next(), words.next()) {
        (Some(kind), Some(name)) => {
            kind.iter().all(u8::is_ascii_lowercase)
                && name.first().is_some_and(u8::is_ascii_uppercase)
        }
        _ => false,
    };
    named || is_code_like(line)
}

/// Whether a line has a mark only code has: a bracket, a brace, `;` or
/// `=`.
fn is_code_like(line: &[u8]) -> bool {
    line.iter().any(|b| b"(){};=".contains(b))
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
