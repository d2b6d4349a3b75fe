//! The build script: compiles `errors.toml` into the binary. It checks the
//! catalog, then writes four tables to OUT_DIR: the catalog
//! (`catalog_data.rs`, see `catalog`), the search index (`search_index.rs`,
//! see `search_index`), the texts a ticket may quote (`quotes.rs`, see
//! `quotes`) and how people describe each entry (`phrasings.rs`, checked in
//! `phrasings`). A malformed catalog fails the build with the entry and the
//! reason; nothing is parsed at run time.
//!
//! Its inputs: errors.toml, phrasings.toml, the vocabulary and English word list in
//! src/search/, and the files of src/standalone/, compiled here as in the
//! crate so that both sides read the texts alike.

#[path = "../src/standalone/catalog_source.rs"]
mod catalog_source;
#[path = "../src/standalone/fields.rs"]
mod fields;
#[path = "../src/standalone/fold.rs"]
#[allow(dead_code)]
mod fold;
#[path = "../src/standalone/markup.rs"]
#[allow(dead_code)]
mod markup;
#[path = "../src/standalone/quotable.rs"]
mod quotable;
#[path = "../src/standalone/words.rs"]
#[allow(dead_code)]
mod words;

mod catalog;
mod phrasings;
mod quotes;
mod search_index;
mod tables;

use catalog_source::{OBSERVED, SERVER_FILE, Source};
use std::collections::BTreeSet;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=errors.toml");
    println!("cargo::rerun-if-changed=phrasings.toml");
    println!("cargo::rerun-if-changed=src/standalone/catalog_source.rs");
    println!("cargo::rerun-if-changed=src/standalone/words.rs");
    println!("cargo::rerun-if-changed=src/search/synonyms.txt");
    println!("cargo::rerun-if-changed=src/search/english.txt");
    println!("cargo::rerun-if-changed=src/standalone/fold.rs");
    println!("cargo::rerun-if-changed=src/standalone/markup.rs");
    println!("cargo::rerun-if-changed=src/standalone/fields.rs");
    println!("cargo::rerun-if-changed=src/standalone/quotable.rs");

    let text = read("errors.toml");
    let mut source = match catalog_source::parse(&text) {
        Ok(source) => source,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(1);
        }
    };
    source.error.sort_by_key(|e| e.code);
    // Oldest first, by when the source shows a wording or else when it was
    // replaced; a variant with neither after those with one.
    source.variant.sort_by_key(|v| {
        let when = v.date.clone().or_else(|| v.until.clone());
        (v.code, when.is_none(), when)
    });
    counts(&source);

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out);
    write(
        &out.join("catalog_data.rs"),
        &catalog::catalog_table(&source),
    );
    let phrasings = phrasings::parse(&read("phrasings.toml"), &source).unwrap_or_else(|message| {
        eprintln!("{message}");
        std::process::exit(1);
    });
    write(
        &out.join("phrasings.rs"),
        &phrasings::table(&source, &phrasings),
    );
    let synonyms = read("src/search/synonyms.txt");
    let english = read("src/search/english.txt");
    write(
        &out.join("search_index.rs"),
        &search_index::search_index(&source, &phrasings, &synonyms, &english),
    );
    write(&out.join("quotes.rs"), &quotes::quotes(&source));
}

/// The number of entries of each origin, for `--version`.
fn counts(source: &Source) {
    let count = |origin: Option<&str>| {
        source
            .error
            .iter()
            .filter(|e| e.source.as_deref() == origin)
            .count()
    };
    let with_variants: BTreeSet<u32> = source.variant.iter().map(|v| v.code).collect();
    for (name, value) in [
        ("SPERR_REFERENCE_CODES", count(None)),
        ("SPERR_SERVER_CODES", count(Some(SERVER_FILE))),
        ("SPERR_OBSERVED_CODES", count(Some(OBSERVED))),
        ("SPERR_VARIANTS", source.variant.len()),
        ("SPERR_VARIANT_CODES", with_variants.len()),
    ] {
        println!("cargo::rustc-env={name}={value}");
    }
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

/// The sentences of a text: split after a period, question or exclamation
/// mark that a space follows.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | '?' | '!') && text[i + 1..].starts_with(char::is_whitespace) {
            sentences.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    sentences.push(text[start..].trim());
    sentences
}
