//! Compiles `errors.toml` into the binary: checks it, then writes the static
//! catalog table and the search index to OUT_DIR. A malformed catalog fails
//! the build with the entry and the reason; nothing is parsed at run time.

#[path = "src/catalog_source.rs"]
mod catalog_source;
#[path = "src/search/text.rs"]
#[allow(dead_code)]
mod text;

use catalog_source::{ErrorSource, Source, label_bounds};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The searchable fields of an entry, in the order of `search::Field`.
const FIELDS: usize = 6;
const MESSAGE: u8 = 0;
const USER_MESSAGE: u8 = 1;
const FURTHER: u8 = 2;
const CATEGORY: u8 = 3;
const SERVER: u8 = 4;
const CROSS_REFERENCE: u8 = 5;

fn main() {
    println!("cargo::rerun-if-changed=errors.toml");
    println!("cargo::rerun-if-changed=src/catalog_source.rs");
    println!("cargo::rerun-if-changed=src/search/text.rs");
    println!("cargo::rerun-if-changed=src/search/synonyms.txt");

    let text = read("errors.toml");
    let mut source = match catalog_source::parse(&text) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(1);
        }
    };
    source.error.sort_by_key(|e| e.code);

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    write(&out.join("catalog_data.rs"), &catalog_table(&source));
    let synonyms = read("src/search/synonyms.txt");
    write(&out.join("search_index.rs"), &search_index(&source, &synonyms));
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    })
}

fn write(path: &Path, contents: &str) {
    if let Err(e) = std::fs::write(path, contents) {
        eprintln!("{}: {e}", path.display());
        std::process::exit(1);
    }
}

fn option(text: &Option<String>) -> String {
    match text {
        Some(t) => format!("Some({t:?})"),
        None => "None".to_string(),
    }
}

fn catalog_table(source: &Source) -> String {
    let mut out = String::new();
    let categories = &source.category;
    writeln!(out, "pub static CATEGORIES: [Category; {}] = [", categories.len()).unwrap();
    for c in categories {
        let (low, high) = label_bounds(&c.range).unwrap_or((0, 0));
        writeln!(
            out,
            "    Category {{ name: {:?}, range: {:?}, low: {low}, high: {high} }},",
            c.name, c.range
        )
        .unwrap();
    }
    out.push_str("];\n\n");
    writeln!(out, "pub static ENTRIES: [Entry; {}] = [", source.error.len()).unwrap();
    for e in &source.error {
        let category = categories.iter().position(|c| c.name == e.category).unwrap_or(0);
        let mut server = String::new();
        for s in &e.server {
            write!(server, "ServerMessage {{ key: {:?}, text: {:?} }}, ", s.key, s.text).unwrap();
        }
        writeln!(
            out,
            "    Entry {{ code: {}, category: &CATEGORIES[{category}], message: {:?}, \
             user_message: {}, further: {}, source: {}, server: &[{server}] }},",
            e.code,
            e.message,
            option(&e.user_message),
            option(&e.further),
            option(&e.source),
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

/// The inverted index: for each stem, where it stands in which field of
/// which entry; with field lengths for BM25, the surface words for typo
/// matching, and the synonym groups as stem sequences.
fn search_index(source: &Source, synonyms: &str) -> String {
    let stemmer = text::stemmer();
    // stem -> entry -> field -> positions
    let mut postings: BTreeMap<String, BTreeMap<(usize, u8), Vec<u16>>> = BTreeMap::new();
    let mut words: BTreeMap<String, String> = BTreeMap::new();
    let mut lengths = vec![[0u16; FIELDS]; source.error.len()];

    for (index, entry) in source.error.iter().enumerate() {
        for (field, field_text) in fields(entry, source) {
            let tokens = text::tokenize(&field_text, &stemmer);
            let mut length = 0u16;
            for token in tokens {
                if text::is_stopword(&token.word) {
                    continue;
                }
                length = length.saturating_add(1);
                // Offset by field so that positions never run across fields.
                postings
                    .entry(token.stem.clone())
                    .or_default()
                    .entry((index, field))
                    .or_default()
                    .push(token.position);
                words.insert(token.word, token.stem);
            }
            lengths[index][field as usize] = lengths[index][field as usize].saturating_add(length);
        }
    }

    let mut out = String::new();
    writeln!(out, "pub static FIELD_LENGTHS: [[u16; {FIELDS}]; {}] = [", lengths.len()).unwrap();
    for l in &lengths {
        writeln!(out, "    {l:?},").unwrap();
    }
    out.push_str("];\n\n");
    writeln!(out, "pub static TERMS: [Term; {}] = [", postings.len()).unwrap();
    for (stem, places) in &postings {
        write!(out, "    Term {{ stem: {stem:?}, postings: &[").unwrap();
        for ((entry, field), positions) in places {
            write!(out, "Posting {{ entry: {entry}, field: {field}, positions: &{positions:?} }}, ").unwrap();
        }
        out.push_str("] },\n");
    }
    out.push_str("];\n\n");
    writeln!(out, "pub static WORDS: [(&str, &str); {}] = [", words.len()).unwrap();
    for (word, stem) in &words {
        writeln!(out, "    ({word:?}, {stem:?}),").unwrap();
    }
    out.push_str("];\n\n");

    let groups = synonym_groups(synonyms, &stemmer);
    writeln!(out, "pub static SYNONYMS: [&[&[&str]]; {}] = [", groups.len()).unwrap();
    for group in &groups {
        let phrases: Vec<String> = group.iter().map(|phrase| format!("&{phrase:?}")).collect();
        writeln!(out, "    &[{}],", phrases.join(", ")).unwrap();
    }
    out.push_str("];\n");
    out
}

/// The texts of an entry's searchable fields. Templates lose their `{0}`
/// placeholders; a further text that names another code (2002's "should
/// return error code 2006") is also indexed under that code.
fn fields(entry: &ErrorSource, source: &Source) -> Vec<(u8, String)> {
    let mut fields = vec![(MESSAGE, entry.message.clone())];
    if let Some(u) = &entry.user_message {
        fields.push((USER_MESSAGE, u.clone()));
    }
    if let Some(f) = &entry.further {
        fields.push((FURTHER, f.clone()));
    }
    fields.push((CATEGORY, entry.category.clone()));
    let mut server_text = String::new();
    for s in &entry.server {
        server_text.push_str(&without_placeholders(&s.text));
        server_text.push_str(" \n ");
    }
    if !server_text.is_empty() {
        fields.push((SERVER, server_text));
    }
    let code = entry.code.to_string();
    for other in &source.error {
        if let Some(further) = &other.further
            && other.code != entry.code
            && mentions_code(further, &code)
        {
            fields.push((CROSS_REFERENCE, further.clone()));
        }
    }
    fields
}

fn mentions_code(text: &str, code: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(|n| n == code)
}

fn without_placeholders(template: &str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn synonym_groups(file: &str, stemmer: &rust_stemmers::Stemmer) -> Vec<Vec<Vec<String>>> {
    let mut groups = Vec::new();
    for line in file.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut group: Vec<Vec<String>> = Vec::new();
        let mut seen = BTreeSet::new();
        for phrase in line.split('|') {
            let stems: Vec<String> = text::tokenize(phrase, stemmer)
                .into_iter()
                .filter(|t| !text::is_stopword(&t.word))
                .map(|t| t.stem)
                .collect();
            if !stems.is_empty() && seen.insert(stems.clone()) {
                group.push(stems);
            }
        }
        if group.len() > 1 {
            groups.push(group);
        }
    }
    groups
}
