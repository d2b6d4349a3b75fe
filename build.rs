//! Compiles `errors.toml` into the binary: checks it, then writes the static
//! catalog table and the search index to OUT_DIR. A malformed catalog fails
//! the build with the entry and the reason; nothing is parsed at run time.

#[path = "src/standalone/catalog_source.rs"]
mod catalog_source;
#[path = "src/standalone/fold.rs"]
#[allow(dead_code)]
mod fold;
#[path = "src/standalone/markup.rs"]
#[allow(dead_code)]
mod markup;
#[path = "src/standalone/words.rs"]
#[allow(dead_code)]
mod words;

use catalog_source::{ErrorSource, OBSERVED, SERVER_FILE, Source, VariantSource, label_bounds};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// The searchable fields of an entry, in the order of `search::Field`.
const FIELDS: usize = 8;
const MESSAGE: u8 = 0;
const USER_MESSAGE: u8 = 1;
const FURTHER: u8 = 2;
const CATEGORY: u8 = 3;
const SERVER: u8 = 4;
const CROSS_REFERENCE: u8 = 5;
const HISTORY: u8 = 6;
const FILLED: u8 = 7;

fn main() {
    println!("cargo::rerun-if-changed=errors.toml");
    println!("cargo::rerun-if-changed=src/standalone/catalog_source.rs");
    println!("cargo::rerun-if-changed=src/standalone/words.rs");
    println!("cargo::rerun-if-changed=src/search/synonyms.txt");
    println!("cargo::rerun-if-changed=src/search/english.txt");
    println!("cargo::rerun-if-changed=src/standalone/fold.rs");
    println!("cargo::rerun-if-changed=src/standalone/markup.rs");

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
    write(&out.join("catalog_data.rs"), &catalog_table(&source));
    let synonyms = read("src/search/synonyms.txt");
    let english = read("src/search/english.txt");
    write(
        &out.join("search_index.rs"),
        &search_index(&source, &synonyms, &english),
    );
    write(&out.join("quotes.rs"), &quotes(&source));
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

/// All the catalog's texts end to end, and the span of each in it: the
/// tables hold numbers, not pointers, so nothing is relocated at start-up.
#[derive(Default)]
struct TextTable {
    text: String,
}

impl TextTable {
    fn span(&mut self, text: &str) -> String {
        let start = self.text.len();
        self.text.push_str(text);
        format!("Span {{ start: {start}, end: {} }}", self.text.len())
    }

    fn optional(&mut self, text: &Option<String>) -> String {
        match text {
            Some(t) => self.span(t),
            None => "Span::EMPTY".to_string(),
        }
    }
}

fn catalog_table(source: &Source) -> String {
    let mut out = String::new();
    let mut texts = TextTable::default();
    let categories = &source.category;
    writeln!(
        out,
        "pub static CATEGORIES: [Category; {}] = [",
        categories.len()
    )
    .unwrap();
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
    let mut server = String::new();
    let mut server_count = 0;
    let (mut sources, mut source_count) = (String::new(), 0);
    let (mut variants, mut variant_count) = (String::new(), 0);
    writeln!(out, "static ENTRIES: [Entry; {}] = [", source.error.len()).unwrap();
    for e in &source.error {
        let category = categories
            .iter()
            .position(|c| c.name == e.category)
            .unwrap_or(0);
        let first_server = server_count;
        for s in &e.server {
            let (key, text) = (texts.span(&s.key), texts.span(&s.text));
            writeln!(server, "    ServerMessage {{ key: {key}, text: {text} }},").unwrap();
            server_count += 1;
        }
        let first_source = source_count;
        for url in &e.sources {
            writeln!(sources, "    {},", texts.span(url)).unwrap();
            source_count += 1;
        }
        let first_variant = variant_count;
        for v in source.variant.iter().filter(|v| v.code == e.code) {
            writeln!(variants, "    {},", variant(v, &mut texts)).unwrap();
            variant_count += 1;
        }
        let status = catalog_source::status_of(source, e)
            .ok()
            .flatten()
            .unwrap_or(0);
        let description = e.message_kind.is_some();
        let (message, user_message, further, origin) = (
            texts.span(&e.message),
            texts.optional(&e.user_message),
            texts.optional(&e.further),
            texts.optional(&e.source),
        );
        writeln!(
            out,
            "    Entry {{ code: {}, category: {category}, message: {message}, \
             user_message: {user_message}, further: {further}, origin: {origin}, \
             server: {first_server}..{server_count}, description: {description}, \
             status: {status}, sources: {first_source}..{source_count}, \
             variants: {first_variant}..{variant_count} }},",
            e.code,
        )
        .unwrap();
    }
    out.push_str("];\n\n");
    writeln!(
        out,
        "static SERVER_MESSAGES: [ServerMessage; {server_count}] = [\n{server}];\n"
    )
    .unwrap();
    writeln!(
        out,
        "static SOURCES: [Span; {source_count}] = [\n{sources}];\n"
    )
    .unwrap();
    writeln!(
        out,
        "static VARIANTS: [Variant; {variant_count}] = [\n{variants}];\n"
    )
    .unwrap();
    writeln!(out, "static TEXT: &str = {:?};", texts.text).unwrap();
    out
}

/// One `Variant` of the static table.
fn variant(v: &VariantSource, texts: &mut TextTable) -> String {
    let kind = match v.kind.as_str() {
        "older-server" => "OlderServer",
        "request-fill" => "RequestFill",
        "documentation" => "Documentation",
        _ => "Mock",
    };
    format!(
        "Variant {{ kind: VariantKind::{kind}, text: {}, status: {}, date: {}, until: {}, \
         source: {}, old_meaning: {}, meaning_now: {} }}",
        texts.span(&v.text),
        v.status.unwrap_or(0),
        texts.optional(&v.date),
        texts.optional(&v.until),
        texts.span(&v.source),
        v.old_meaning,
        v.meaning_now.unwrap_or(0),
    )
}

/// The inverted index: for each stem, where it stands in which field of
/// which entry; with field lengths for BM25, the surface words for typo
/// matching, and the synonym groups as stem sequences.
fn search_index(source: &Source, synonyms: &str, english: &str) -> String {
    let stemmer = words::stemmer();
    // stem -> entry -> field -> positions
    let mut postings: BTreeMap<String, BTreeMap<(usize, u8), Vec<u16>>> = BTreeMap::new();
    let mut words: BTreeMap<String, String> = BTreeMap::new();
    let mut lengths = vec![[0u16; FIELDS]; source.error.len()];

    for (index, entry) in source.error.iter().enumerate() {
        for (field, field_text) in fields(entry, source) {
            let tokens = words::tokenize(&field_text, &stemmer);
            let mut length = 0u16;
            for token in tokens {
                if words::is_stopword(&token.word) {
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

    // Flat tables of numbers and one string each, not slices of slices:
    // every pointer in static data is a relocation at start-up.
    let mut out = String::new();
    writeln!(
        out,
        "pub static FIELD_LENGTHS: [[u16; {FIELDS}]; {}] = [",
        lengths.len()
    )
    .unwrap();
    for l in &lengths {
        writeln!(out, "    {l:?},").unwrap();
    }
    out.push_str("];\n\n");
    let mut averages = [0.0f64; FIELDS];
    for (field, average) in averages.iter_mut().enumerate() {
        let present: Vec<f64> = lengths
            .iter()
            .map(|l| f64::from(l[field]))
            .filter(|&l| l > 0.0)
            .collect();
        *average = if present.is_empty() {
            1.0
        } else {
            present.iter().sum::<f64>() / present.len() as f64
        };
    }
    writeln!(
        out,
        "pub static AVERAGE_LENGTHS: [f64; {FIELDS}] = {averages:?};\n"
    )
    .unwrap();
    // BM25's idf for a word in df of n entries, for every df: a table, so
    // that the binary does not load a maths library to take logarithms.
    let n = source.error.len() as f64;
    let idf: Vec<f64> = (0..=source.error.len())
        .map(|df| (1.0 + (n - df as f64 + 0.5) / (df as f64 + 0.5)).ln())
        .collect();
    writeln!(
        out,
        "pub static INVERSE_FREQUENCY: [f64; {}] = {idf:?};\n",
        idf.len()
    )
    .unwrap();

    let stems: Vec<&String> = postings.keys().collect();
    let mut term_postings_end = Vec::new();
    let (mut posting_entry, mut posting_field, mut posting_positions_end, mut positions) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::<u16>::new());
    for places in postings.values() {
        for ((entry, field), at) in places {
            posting_entry.push(*entry);
            posting_field.push(*field);
            positions.extend(at);
            posting_positions_end.push(positions.len());
        }
        term_postings_end.push(posting_entry.len());
    }
    string_table(
        &mut out,
        "STEMS",
        "STEM_ENDS",
        stems.iter().map(|s| s.as_str()),
    );
    array(&mut out, "TERM_POSTINGS_END", "u32", &term_postings_end);
    array(&mut out, "POSTING_ENTRY", "u16", &posting_entry);
    array(&mut out, "POSTING_FIELD", "u8", &posting_field);
    array(
        &mut out,
        "POSTING_POSITIONS_END",
        "u32",
        &posting_positions_end,
    );
    array(&mut out, "POSITIONS", "u16", &positions);

    string_table(
        &mut out,
        "WORDS",
        "WORD_ENDS",
        words.keys().map(|w| w.as_str()),
    );
    let word_terms: Vec<usize> = words
        .values()
        .map(|stem| stems.binary_search(&stem).unwrap_or(0))
        .collect();
    array(&mut out, "WORD_TERM", "u32", &word_terms);

    vocabulary_tables(&mut out, &synonym_relations(synonyms, &stemmer));

    let english = english_words(english);
    string_table(
        &mut out,
        "ENGLISH",
        "ENGLISH_ENDS",
        english.keys().map(|w| w.as_str()),
    );
    let tiers: Vec<u8> = english.values().copied().collect();
    array(&mut out, "ENGLISH_TIER", "u8", &tiers);
    // How common a catalog stem is in English: the commonest tier of the
    // English words that fold to it, 0 for none.
    let mut stem_tiers = vec![0u8; stems.len()];
    for (word, tier) in &english {
        let stem = words::stem_word(word, &stemmer);
        if let Ok(i) = stems.binary_search(&&stem) {
            let t = &mut stem_tiers[i];
            *t = if *t == 0 { *tier } else { (*t).min(*tier) };
        }
    }
    array(&mut out, "STEM_TIER", "u8", &stem_tiers);

    short_messages(&mut out, source, &stemmer);

    let keys: Vec<u32> = distinguishing_words(&postings)
        .into_iter()
        .filter_map(|(entry, stem)| {
            let term = stems.binary_search(&&stem).ok()?;
            Some((term as u32) << 16 | entry as u32)
        })
        .collect::<BTreeSet<u32>>()
        .into_iter()
        .collect();
    array(&mut out, "DISTINGUISHING", "u32", &keys);
    out
}

/// The vocabulary's relations as flat tables of numbers: every phrase
/// once, sorted (so that a one-word phrase is found by binary search), as
/// runs of stems; and each relation's kind and the phrases it reads and
/// reaches, as runs of phrase numbers. Synonyms reach each other, so their
/// targets are not stored twice.
fn vocabulary_tables(out: &mut String, relations: &[(char, Phrases, Phrases)]) {
    let phrases: Vec<&Vec<String>> = relations
        .iter()
        .flat_map(|(_, from, to)| from.iter().chain(to))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let number = |phrase: &Vec<String>| phrases.binary_search(&phrase).expect("listed above");
    let mut phrase_ends = Vec::new();
    let mut stems: Vec<&str> = Vec::new();
    for phrase in &phrases {
        stems.extend(phrase.iter().map(String::as_str));
        phrase_ends.push(stems.len());
    }
    // Which of the phrases' words are stop words: the query must hold them
    // where the phrase does, but the catalog's index does not.
    let stop: Vec<u8> = stems
        .iter()
        .map(|s| u8::from(words::is_stopword(s)))
        .collect();
    string_table(out, "PHRASE_STEMS", "PHRASE_STEM_ENDS", stems.into_iter());
    array(out, "PHRASE_STOP", "u8", &stop);
    array(out, "PHRASE_ENDS", "u32", &phrase_ends);

    let (mut kinds, mut from_ends, mut from_phrases, mut to_ends, mut to_phrases) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (kind, from, to) in relations {
        kinds.push(*kind as u8);
        from_phrases.extend(from.iter().map(number));
        from_ends.push(from_phrases.len());
        if *kind != '=' {
            to_phrases.extend(to.iter().map(number));
        }
        to_ends.push(to_phrases.len());
    }
    array(out, "RELATION_KIND", "u8", &kinds);
    array(out, "RELATION_FROM_ENDS", "u32", &from_ends);
    array(out, "RELATION_FROM", "u16", &from_phrases);
    array(out, "RELATION_TO_ENDS", "u32", &to_ends);
    array(out, "RELATION_TO", "u16", &to_phrases);
}

/// A message of at most this many words besides stop words is short
/// enough for a query to say it whole (2015's "Unknown property."); a
/// longer one is found when quoted (see `quotes`).
const SHORT_MESSAGE_WORDS: usize = 6;

/// The stems of each entry's message, stop words left out, if it has two
/// to `SHORT_MESSAGE_WORDS` of them (else none): a run of stems, and
/// where each entry's ends.
fn short_messages(out: &mut String, source: &Source, stemmer: &rust_stemmers::Stemmer) {
    let mut stems: Vec<String> = Vec::new();
    let mut ends = Vec::new();
    for entry in &source.error {
        let message: Vec<String> = words::tokenize(&markup::plain(&entry.message), stemmer)
            .into_iter()
            .filter(|t| !words::is_stopword(&t.word))
            .map(|t| t.stem)
            .collect();
        if (2..=SHORT_MESSAGE_WORDS).contains(&message.len()) {
            stems.extend(message);
        }
        ends.push(stems.len());
    }
    string_table(
        out,
        "SHORT_MESSAGE_STEMS",
        "SHORT_MESSAGE_STEM_ENDS",
        stems.iter().map(String::as_str),
    );
    array(out, "SHORT_MESSAGE_ENDS", "u32", &ends);
}

/// Two entries whose messages share at least this share of their words
/// nearly coincide (an Application's and an Organization's version of one
/// rule).
const NEAR_TWINS: f64 = 0.6;

/// The words that tell nearly coinciding entries apart: for each entry, the
/// stems of its message and user message that a near twin's lack.
fn distinguishing_words(
    postings: &BTreeMap<String, BTreeMap<(usize, u8), Vec<u16>>>,
) -> BTreeSet<(usize, String)> {
    let mut texts: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (stem, places) in postings {
        for (entry, field) in places.keys() {
            if *field == MESSAGE || *field == USER_MESSAGE {
                texts.entry(*entry).or_default().insert(stem.as_str());
            }
        }
    }
    let mut found = BTreeSet::new();
    for (a, words_a) in &texts {
        for (b, words_b) in texts.range(a + 1..) {
            let shared = words_a.intersection(words_b).count() as f64;
            let all = words_a.union(words_b).count() as f64;
            if shared / all < NEAR_TWINS {
                continue;
            }
            for stem in words_a.difference(words_b) {
                found.insert((*a, stem.to_string()));
            }
            for stem in words_b.difference(words_a) {
                found.insert((*b, stem.to_string()));
            }
        }
    }
    found
}

/// The English word list: word -> the commonest SCOWL tier it is in.
fn english_words(file: &str) -> BTreeMap<String, u8> {
    let mut words = BTreeMap::new();
    for line in file.lines().filter(|l| !l.starts_with('#')) {
        let Some((word, tier)) = line.split_once('\t') else {
            continue;
        };
        let tier: u8 = tier.parse().unwrap_or_else(|_| {
            eprintln!("src/search/english.txt: bad tier in {line:?}");
            std::process::exit(1);
        });
        let known = words.entry(word.to_string()).or_insert(tier);
        *known = (*known).min(tier);
    }
    words
}

/// Writes strings as one text and the end offset of each.
fn string_table<'a>(
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

fn array<T: std::fmt::Display>(out: &mut String, name: &str, kind: &str, values: &[T]) {
    write!(out, "pub static {name}: [{kind}; {}] = [", values.len()).unwrap();
    for v in values {
        write!(out, "{v},").unwrap();
    }
    out.push_str("];\n");
}

/// A quoted message shorter than this says too little to name a code.
const MIN_QUOTE: usize = 24;
/// A sentence of a message, quoted alone, must be at least this long.
const MIN_SENTENCE: usize = 40;
/// A template with less literal text than this says too little to match.
const MIN_TEMPLATE_LITERAL: usize = 16;

/// The texts a ticket may quote, folded for matching: catalog messages and
/// the server's templates without placeholders as plain quotes, templates
/// with placeholders apart. A text that two codes share (the 5xxx
/// "Oops!" message, 7205's and 7206's template) names neither and is left out.
fn quotes(source: &Source) -> String {
    let mut messages: Vec<(Vec<u8>, u32)> = Vec::new();
    let mut templates: Vec<(Vec<u8>, u32)> = Vec::new();
    for e in &source.error {
        // A description says what a source shows: no ticket quotes it.
        let message = Some(&e.message).filter(|_| e.message_kind.is_none());
        for text in [message, e.user_message.as_ref()].into_iter().flatten() {
            push_quote(&mut messages, text, e.code);
        }
        // A ticket may quote an older wording, or a fill of a template the
        // server's file does not hold.
        for v in source.variant.iter().filter(|v| v.code == e.code) {
            push_quote(&mut messages, &v.text, e.code);
        }
        for s in &e.server {
            let folded = fold::fold_template(&s.text);
            let literal = folded.iter().filter(|&&b| b != fold::HOLE).count();
            if !folded.contains(&fold::HOLE) {
                messages.push((folded, e.code));
            } else if literal >= MIN_TEMPLATE_LITERAL {
                templates.push((folded, e.code));
            }
        }
    }
    messages.retain(|(text, _)| text.len() >= MIN_QUOTE);
    let mut out = String::new();
    let all: Vec<(Vec<u8>, u32)> = messages.iter().chain(&templates).cloned().collect();
    for (name, mut list) in [("MESSAGES", messages), ("TEMPLATES", templates)] {
        list.sort();
        list.dedup();
        let shared: BTreeSet<Vec<u8>> = list
            .windows(2)
            .filter(|w| w[0].0 == w[1].0)
            .map(|w| w[0].0.clone())
            .collect();
        list.retain(|(text, _)| !shared.contains(text));
        let texts: Vec<String> = list
            .iter()
            .map(|(t, _)| String::from_utf8_lossy(t).into_owned())
            .collect();
        string_table(
            &mut out,
            name,
            &format!("{name}_ENDS"),
            texts.iter().map(|t| t.as_str()),
        );
        let codes: Vec<u32> = list.iter().map(|(_, c)| *c).collect();
        array(&mut out, &format!("{name}_CODES"), "u32", &codes);
        if name == "MESSAGES" {
            let prefixes: Vec<usize> = list.iter().map(|(t, c)| own_prefix(t, *c, &all)).collect();
            array(&mut out, "MESSAGES_PREFIX", "usize", &prefixes);
        }
    }
    out
}

/// The fewest words a quoted prefix of a message must have to name it.
const MIN_PREFIX_WORDS: usize = 6;

/// The length of the shortest prefix of a folded message, of whole words
/// and at least `MIN_PREFIX_WORDS` of them, that no text of another code
/// holds: a quote of that much names the message's code. 0 when there is
/// none shorter than the message.
fn own_prefix(text: &[u8], code: u32, all: &[(Vec<u8>, u32)]) -> usize {
    let word_ends = text
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b' ')
        .map(|(i, _)| {
            // A quote may leave out the punctuation after a word.
            i - text[..i]
                .iter()
                .rev()
                .take_while(|b| !b.is_ascii_alphanumeric())
                .count()
        });
    for end in word_ends.skip(MIN_PREFIX_WORDS - 1) {
        let prefix = &text[..end];
        let shared = all
            .iter()
            .any(|(other, c)| *c != code && other.windows(prefix.len()).any(|w| w == prefix));
        if !shared {
            return end;
        }
    }
    0
}

/// A message as a ticket may quote it: whole, or one long sentence of it.
fn push_quote(messages: &mut Vec<(Vec<u8>, u32)>, text: &str, code: u32) {
    let plain = markup::plain(text);
    messages.push((fold::fold_quote(&plain), code));
    // A ticket often quotes one sentence of a longer message.
    for sentence in sentences(&plain) {
        if sentence.len() >= MIN_SENTENCE {
            messages.push((fold::fold_quote(sentence), code));
        }
    }
}

/// The texts of an entry's searchable fields. Templates lose their `{0}`
/// placeholders; a further text that names another code (2002's "should
/// return error code 2006") is also indexed under that code.
fn fields(entry: &ErrorSource, source: &Source) -> Vec<(u8, String)> {
    // Sentences about when the error occurs, said once however many of
    // the entry's texts repeat them.
    let mut circumstances: Vec<String> = Vec::new();
    let mut statement = |text: &str| {
        let (statement, when) = statement_and_circumstances(text);
        if !when.is_empty() && !circumstances.contains(&when) {
            circumstances.push(when);
        }
        statement
    };
    let mut fields = vec![(MESSAGE, statement(&entry.message))];
    if let Some(u) = &entry.user_message {
        fields.push((USER_MESSAGE, statement(u)));
    }
    fields.push((CATEGORY, entry.category.clone()));
    let mut server_text = String::new();
    let mut filled_text = String::new();
    for s in &entry.server {
        server_text.push_str(&statement(&fold::literal_parts(&s.text).join(" ")));
        server_text.push_str(" \n ");
    }
    // What a server message was seen to hold in its placeholders, a field
    // of its own: "Account password minimum length not satisfied." fills
    // 2007's "{0} {1} minimum length not satisfied." with `Account
    // password`. Only the filled-in words count, so the template's own
    // words are not said twice.
    let stemmer = words::stemmer();
    let said: BTreeSet<String> = words::tokenize(&server_text, &stemmer)
        .into_iter()
        .map(|t| t.stem)
        .collect();
    for v in source
        .variant
        .iter()
        .filter(|v| v.code == entry.code && v.kind == "request-fill")
    {
        let filled: Vec<String> = words::tokenize(&v.text, &stemmer)
            .into_iter()
            .filter(|t| !said.contains(&t.stem))
            .map(|t| t.word)
            .collect();
        filled_text.push_str(&filled.join(" "));
        filled_text.push_str(" \n ");
    }
    if !server_text.is_empty() {
        fields.push((SERVER, server_text));
    }
    if !filled_text.is_empty() {
        fields.push((FILLED, filled_text));
    }
    if let Some(f) = &entry.further {
        fields.push((FURTHER, f.clone()));
    }
    for when in circumstances {
        fields.push((FURTHER, when));
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
    // What the code meant in the old documentation; and a meaning that
    // another code had then, under the code that has it now.
    for v in source.variant.iter().filter(|v| v.old_meaning) {
        if v.code == entry.code || v.meaning_now == Some(entry.code) {
            fields.push((HISTORY, v.text.clone()));
        }
    }
    fields
}

/// How a message's sentence begins when it says when the error occurs
/// rather than what it is: 12001's "This can occur if the user stays on ID
/// Site without logging in, registering, or resetting a password" names
/// what the user was not doing, not the error.
const CIRCUMSTANCE_OPENINGS: &[&str] = &["This can occur", "This is caused"];

/// A message's statement of the error, and its sentences about when the
/// error occurs, which are indexed as further information. A message that
/// is all circumstance (10013's "This can occur if the token has been
/// manually deleted") is its own statement.
fn statement_and_circumstances(message: &str) -> (String, String) {
    let (mut statement, mut circumstances) = (Vec::new(), Vec::new());
    for sentence in sentences(message) {
        if CIRCUMSTANCE_OPENINGS
            .iter()
            .any(|o| sentence.starts_with(o))
        {
            circumstances.push(sentence);
        } else {
            statement.push(sentence);
        }
    }
    if statement.is_empty() {
        return (message.to_string(), String::new());
    }
    (statement.join(" "), circumstances.join(" "))
}

fn mentions_code(text: &str, code: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(|n| n == code)
}

/// The sentences of a text: split after a period, question or exclamation
/// mark that a space follows.
fn sentences(text: &str) -> Vec<&str> {
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

/// The vocabulary's relations, as stems: (kind, from, to). `a | b` makes
/// every phrase reach every other (kind `=`); `a => b` reads `a` as `b`
/// itself, an abbreviation (kind `a`); `a -> b` lets a narrower `a` reach a
/// broader `b` at a discount, never the reverse (kind `>`).
type Phrases = Vec<Vec<String>>;

fn synonym_relations(
    file: &str,
    stemmer: &rust_stemmers::Stemmer,
) -> Vec<(char, Phrases, Phrases)> {
    let mut relations = Vec::new();
    for line in file.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (kind, from, to) = if let Some((from, to)) = line.split_once("=>") {
            ('a', phrases(from, stemmer), phrases(to, stemmer))
        } else if let Some((from, to)) = line.split_once("->") {
            ('>', phrases(from, stemmer), phrases(to, stemmer))
        } else {
            let all = phrases(line, stemmer);
            ('=', all.clone(), all)
        };
        if from.is_empty() || to.is_empty() || (kind == '=' && from.len() < 2) {
            eprintln!("src/search/synonyms.txt: nothing to relate in {line:?}");
            std::process::exit(1);
        }
        relations.push((kind, from, to));
    }
    relations
}

/// The phrases of one side of a relation, as stems. A stop word stays, as
/// itself: `sign in` is not `sign`, and `there is no` is not `no`. A
/// phrase of stop words alone (`can t`) says nothing and is left out.
fn phrases(side: &str, stemmer: &rust_stemmers::Stemmer) -> Phrases {
    let mut phrases: Phrases = Vec::new();
    for phrase in side.split('|') {
        let tokens = words::tokenize(phrase, stemmer);
        if tokens.iter().all(|t| words::is_stopword(&t.word)) {
            continue;
        }
        let stems: Vec<String> = tokens
            .into_iter()
            .map(|t| {
                if words::is_stopword(&t.word) {
                    t.word
                } else {
                    t.stem
                }
            })
            .collect();
        if !phrases.contains(&stems) {
            phrases.push(stems);
        }
    }
    phrases
}
