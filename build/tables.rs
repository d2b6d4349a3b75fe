//! Writing Rust tables: flat arrays of numbers, and strings end to end with
//! the end of each, which the generated files are made of.

use std::fmt::Write as _;

/// Writes strings as one text and the end offset of each.
pub fn string_table<'a>(
    out: &mut String,
    text: &str,
    ends: &str,
    strings: impl Iterator<Item = &'a str>,
) {
    let mut joined = String::new();
    let mut offsets = Vec::new();
    for s in strings {
        joined.push_str(s);
        offsets.push(joined.len());
    }
    writeln!(out, "pub static {text}: &str = {joined:?};").unwrap();
    array(out, ends, "u32", &offsets);
}

pub fn array<T: std::fmt::Display>(out: &mut String, name: &str, kind: &str, values: &[T]) {
    write!(out, "pub static {name}: [{kind}; {}] = [", values.len()).unwrap();
    for v in values {
        write!(out, "{v},").unwrap();
    }
    out.push_str("];\n");
}
