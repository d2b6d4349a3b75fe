//! The search index, `search_index.rs`: for each stem, where it stands in
//! which field of which entry; field lengths and idf for BM25F; the
//! catalog's surface words; the vocabulary's relations; the English tiers;
//! the short messages a query may say whole; and the words that tell near
//! twins apart.

use crate::catalog_source::{ErrorSource, Source};
use crate::fields::{
    CATEGORY, CROSS_REFERENCE, FIELDS, FILLED, FURTHER, HISTORY, MESSAGE, PHRASING, SERVER,
    USER_MESSAGE,
};
use crate::tables::{array, string_table};
use crate::{fold, markup, sentences, words};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The inverted index: for each stem, where it stands in which field of
/// which entry; with field lengths for BM25, the surface words for typo
/// matching, and the synonym groups as stem sequences.
pub fn search_index(
    source: &Source,
    phrasings: &[Vec<String>],
    synonyms: &str,
    english: &str,
) -> String {
    let stemmer = words::stemmer();
    // stem -> entry -> field -> positions
    let mut postings: BTreeMap<String, BTreeMap<(usize, usize), Vec<u16>>> = BTreeMap::new();
    let mut words: BTreeMap<String, String> = BTreeMap::new();
    let mut lengths = vec![[0u16; FIELDS]; source.error.len()];

    for (index, entry) in source.error.iter().enumerate() {
        let mut fields = fields(entry, source);
        fields.push((PHRASING, phrasings[index].join(" \n ")));
        for (field, field_text) in fields {
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
            lengths[index][field] = lengths[index][field].saturating_add(length);
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
    written_out_table(&mut out, synonyms);

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
    postings: &BTreeMap<String, BTreeMap<(usize, usize), Vec<u16>>>,
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

/// The texts of an entry's searchable fields. Templates lose their `{0}`
/// placeholders; a further text that names another code (2002's "should
/// return error code 2006") is also indexed under that code.
fn fields(entry: &ErrorSource, source: &Source) -> Vec<(usize, String)> {
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
    for (line, kind, from, to) in relation_lines(file) {
        let (from, to) = (phrases(from, stemmer), phrases(to, stemmer));
        if from.is_empty() || to.is_empty() || (kind == '=' && from.len() < 2) {
            eprintln!("src/search/synonyms.txt: nothing to relate in {line:?}");
            std::process::exit(1);
        }
        relations.push((kind, from, to));
    }
    relations
}

/// The relations of synonyms.txt as written: (line, kind, from, to), where
/// a synonym line's `from` and `to` are the whole line.
fn relation_lines(file: &str) -> impl Iterator<Item = (&str, char, &str, &str)> {
    let lines = file.lines().map(str::trim);
    lines
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            if let Some((from, to)) = line.split_once("=>") {
                (line, 'a', from, to)
            } else if let Some((from, to)) = line.split_once("->") {
                (line, '>', from, to)
            } else {
                (line, '=', line, line)
            }
        })
}

/// Each one-word abbreviation of synonyms.txt and what it stands for, as
/// written (`usr` and `user`): what the sentence model reads instead.
fn written_out_table(out: &mut String, file: &str) {
    let mut pairs: Vec<(String, String)> = relation_lines(file)
        .filter(|&(_, kind, _, _)| kind == 'a')
        .flat_map(|(_, _, from, to)| {
            let to = to.trim().to_string();
            from.split('|')
                .map(str::trim)
                .filter(|short| !short.contains(' '))
                .map(move |short| (short.to_lowercase(), to.clone()))
        })
        .collect();
    pairs.sort();
    // Only the model reads them.
    let mut tables = String::new();
    let abbreviations = pairs.iter().map(|(s, _)| s.as_str());
    string_table(
        &mut tables,
        "ABBREVIATIONS",
        "ABBREVIATION_ENDS",
        abbreviations,
    );
    let written_out = pairs.iter().map(|(_, f)| f.as_str());
    string_table(&mut tables, "WRITTEN_OUT", "WRITTEN_OUT_ENDS", written_out);
    for line in tables.lines() {
        out.push_str("#[cfg(feature = \"semantic\")]\n");
        out.push_str(line);
        out.push('\n');
    }
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
