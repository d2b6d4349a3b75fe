//! Ranking: finds the entries a query means, best first.
//!
//! A query is read into slots, one for each thing it asks about: a word, or
//! a phrase from the synonym vocabulary. Each slot has alternatives (the
//! word itself, its synonyms, and for a word the catalog never uses, its
//! near spellings), each with a weight below 1 for anything the user did not
//! type. An entry's score is the sum over slots of its best alternative's
//! BM25F score, with a bonus where two slots stand side by side in one field.
//! The index is built at compile time by build.rs.

mod index;
pub mod text;

use crate::catalog::{self, Entry};
use crate::templates;
use index::{FIELDS, Term};
use std::collections::BTreeSet;

/// How much a word counts in each field, in build.rs's field order: message,
/// user message, further information, category, server templates, another
/// entry's text that points at this code, and the old documentation's other
/// meaning of the code (or of another code, whose meaning it is today).
const FIELD_WEIGHTS: [f64; FIELDS] = [3.0, 2.0, 1.0, 1.5, 1.0, 1.2, 2.0];
/// BM25's saturation and length normalisation.
const K1: f64 = 1.2;
const B: f64 = 0.5;
/// What a synonym counts for, against the word the user typed.
const SYNONYM_WEIGHT: f64 = 0.85;
/// What a near spelling counts for, by its number of edits.
const TYPO_WEIGHTS: [f64; 3] = [1.0, 0.7, 0.5];
/// What a word the query's word begins counts for (`auth` for `authenticate`).
const PREFIX_WEIGHT: f64 = 0.6;
/// What another form of the same word family counts for (`creation` for
/// `create`), and how long a prefix the family shares at least.
const DERIVED_WEIGHT: f64 = 0.7;
const MIN_FAMILY_PREFIX: usize = 5;
/// The bonus, as a share of the two slots' scores, when they stand within
/// `NEAR` words of each other in one field.
const PROXIMITY_BONUS: f64 = 0.25;
const NEAR: u16 = 3;
/// Scores given to entries a query names by number or quotes the message
/// of, above any word score.
const EXACT_CODE_SCORE: f64 = 1000.0;
const QUOTED_MESSAGE_SCORE: f64 = 800.0;
const CODE_PREFIX_SCORE: f64 = 500.0;
/// What a word match counts for in an entry the published reference never
/// listed: the server used those codes rarely, so a tie goes to the
/// documented code.
const UNDOCUMENTED_PRIOR: f64 = 0.8;
/// Hits scoring under this share of the best one are left out.
const RELATIVE_CUTOFF: f64 = 0.25;
/// Words past this many are ignored: a longer query is a pasted document.
const MAX_QUERY_WORDS: usize = 64;

/// One search result.
#[derive(Debug, Clone)]
pub struct Hit {
    pub entry: &'static Entry,
    pub score: f64,
    /// The catalog stems that matched, for highlighting.
    pub stems: BTreeSet<&'static str>,
    /// Words of the query matched the entry's history: what the old
    /// documentation said it (or the code that had its meaning) meant.
    pub via_history: bool,
}

/// A way of reading one slot of the query.
#[derive(Debug, Clone, PartialEq)]
struct Alternative {
    stems: Vec<String>,
    weight: f64,
}

/// One thing the query asks about.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    alternatives: Vec<Alternative>,
    /// For a phrase, each of its words' own readings: an entry that has
    /// some of the words (or their forms) still counts for part of it.
    words: Vec<Vec<Alternative>>,
}

/// Ranks the catalog against `query`; at most `limit` hits, best first.
///
/// ```
/// let hits = sperr::search::search("pasword incorect", 3);
/// assert_eq!(hits[0].entry.code, 7100);
/// ```
pub fn search(query: &str, limit: usize) -> Vec<Hit> {
    let stemmer = text::stemmer();
    let tokens = text::tokenize(query, &stemmer);
    let mut scores = vec![0.0f64; catalog::entries().len()];
    let mut matched: Vec<BTreeSet<&'static str>> = vec![BTreeSet::new(); scores.len()];

    score_numbers(&tokens, &mut scores);
    score_quoted_messages(query, &mut scores);
    for (total, words) in scores
        .iter_mut()
        .zip(score_words(&slots(&tokens), &mut matched))
    {
        *total += words;
    }

    let via_history = matched_history(&matched);
    let mut hits: Vec<Hit> = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| **s > 0.0)
        .map(|(i, &score)| Hit {
            entry: &catalog::entries()[i],
            score,
            stems: std::mem::take(&mut matched[i]),
            via_history: via_history[i],
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.entry.code.cmp(&b.entry.code))
    });
    // Far weaker matches than the best are noise, not answers.
    let floor = hits
        .first()
        .map_or(0.0, |best| best.score * RELATIVE_CUTOFF);
    hits.retain(|h| h.score >= floor);
    hits.truncate(limit);
    hits
}

/// Each entry's score for the query's words: BM25F per slot, a bonus for
/// neighbouring slots, scaled by how much of the query the entry answers
/// and by the prior for codes the reference never listed.
fn score_words(slots: &[Slot], matched: &mut [BTreeSet<&'static str>]) -> Vec<f64> {
    let slot_scores: Vec<Vec<f64>> = slots.iter().map(|slot| score_slot(slot, matched)).collect();
    let importance: Vec<f64> = slot_scores.iter().map(|s| slot_importance(s)).collect();
    let total_importance: f64 = importance.iter().sum();
    let entries = catalog::entries();
    let mut text_scores = vec![0.0f64; entries.len()];
    let mut covered = vec![0.0f64; entries.len()];
    for (per_entry, weight) in slot_scores.iter().zip(&importance) {
        for (entry, s) in per_entry.iter().enumerate() {
            text_scores[entry] += s;
            if *s > 0.0 {
                covered[entry] += weight;
            }
        }
    }
    add_proximity(slots, &slot_scores, &mut text_scores);
    // An entry that answers every part of the question beats one that
    // answers a part of it very well; rare words are the parts that count.
    text_scores
        .iter()
        .enumerate()
        .map(|(entry, text_score)| {
            let coverage = if total_importance > 0.0 {
                covered[entry] / total_importance
            } else {
                1.0
            };
            let prior = if entries[entry].documented() {
                1.0
            } else {
                UNDOCUMENTED_PRIOR
            };
            text_score * coverage * prior
        })
        .collect()
}

/// A number in the query names codes: itself first, then codes it begins.
fn score_numbers(tokens: &[text::Token], scores: &mut [f64]) {
    for token in tokens.iter().filter(|t| is_code_like(&t.word)) {
        for (i, entry) in catalog::entries().iter().enumerate() {
            let code = entry.code.to_string();
            if code == token.word {
                scores[i] += EXACT_CODE_SCORE;
            } else if code.starts_with(&token.word) {
                scores[i] += CODE_PREFIX_SCORE;
            }
        }
    }
}

/// A query that quotes a catalog message, or a server message with its
/// placeholders filled in, names that code.
fn score_quoted_messages(query: &str, scores: &mut [f64]) {
    let mut seen = Vec::new();
    for (code, _, _) in templates::find_quotes(query.as_bytes()) {
        if !seen.contains(&code) {
            seen.push(code);
            if let Some(i) = catalog::position(code) {
                scores[i] += QUOTED_MESSAGE_SCORE;
            }
        }
    }
}

/// For each entry, whether a stem it matched stands in its history field.
/// Each matched stem's postings are read once, not once per entry.
fn matched_history(matched: &[BTreeSet<&'static str>]) -> Vec<bool> {
    let stems: BTreeSet<&'static str> = matched.iter().flatten().copied().collect();
    let mut in_history = vec![false; matched.len()];
    for t in stems.iter().filter_map(|s| term(s)) {
        for p in t.postings().filter(|p| p.field == index::HISTORY) {
            in_history[p.entry] |= matched[p.entry].contains(t.stem());
        }
    }
    in_history
}

fn is_code_like(word: &str) -> bool {
    (2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Reads the query into slots: stop words and code numbers dropped, typos
/// corrected against the catalog's words, synonym phrases grouped.
fn slots(tokens: &[text::Token]) -> Vec<Slot> {
    // One reading per position; camelCase parts share their word's position.
    let mut words: Vec<Vec<Alternative>> = Vec::new();
    let mut last_position = None;
    for token in tokens {
        if text::is_stopword(&token.word) || is_code_like(&token.word) {
            continue;
        }
        if last_position == Some(token.position) {
            continue; // a camelCase part: the whole word stands for it
        }
        last_position = Some(token.position);
        words.push(readings(&token.word, &token.stem));
        if words.len() == MAX_QUERY_WORDS {
            break;
        }
    }
    let mut slots: Vec<Slot> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (length, group_alternatives) = longest_synonym_phrase(&words[i..]);
        if length > 0 {
            // "read only mirror" says one thing twice: count it once.
            let said_before = slots.iter().any(|s| {
                s.alternatives.len() == group_alternatives.len()
                    && s.alternatives
                        .iter()
                        .zip(&group_alternatives)
                        .all(|(a, b)| a.stems == b.stems)
            });
            if !said_before {
                slots.push(Slot {
                    alternatives: group_alternatives,
                    words: words[i..i + length].to_vec(),
                });
            }
            i += length;
        } else {
            slots.push(Slot {
                alternatives: words[i].clone(),
                words: Vec::new(),
            });
            i += 1;
        }
    }
    slots
}

/// The ways one query word can be read: itself if the catalog or the
/// vocabulary knows it, else its nearest spellings and completions.
fn readings(word: &str, stem: &str) -> Vec<Alternative> {
    // The word as typed is always a reading: it may begin a synonym phrase.
    let mut alternatives = vec![Alternative {
        stems: vec![stem.to_string()],
        weight: 1.0,
    }];
    alternatives.extend(negation(word));
    if term(stem).is_none() && !in_vocabulary(stem) {
        alternatives.extend(near_spellings(word));
        if alternatives.len() == 1 && word.chars().count() >= 4 {
            for (known, known_term) in index::words() {
                if known.starts_with(word) {
                    push_unique(&mut alternatives, known_term.stem(), PREFIX_WEIGHT);
                }
            }
        }
    }
    for derived in derived_forms(stem) {
        push_unique(&mut alternatives, derived, DERIVED_WEIGHT);
    }
    alternatives
}

/// The catalog words nearest to a word it does not know, within the typo
/// budget; only those at the smallest distance found.
fn near_spellings(word: &str) -> Vec<Alternative> {
    let budget = typo_budget(word);
    let mut alternatives = Vec::new();
    let mut best = usize::MAX;
    for (known, known_term) in index::words() {
        if known.len().abs_diff(word.len()) > budget {
            continue;
        }
        let distance = strsim::osa_distance(word, known);
        if distance <= budget && distance <= best {
            if distance < best {
                alternatives.clear();
                best = distance;
            }
            push_unique(&mut alternatives, known_term.stem(), TYPO_WEIGHTS[distance]);
        }
    }
    alternatives
}

/// Stems of the same word family, which the stemmer keeps apart:
/// create / creation, expand / expansion, register / registration. They
/// share all but the last letter of the shorter stem, and at least five.
fn derived_forms(stem: &str) -> Vec<&'static str> {
    if stem.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    // `get`, not an index: a query's stem may have a letter of several
    // bytes where the prefix ends.
    let Some(head) = stem.get(..MIN_FAMILY_PREFIX) else {
        return Vec::new();
    };
    index::terms_with_prefix(head)
        .map(Term::stem)
        .filter(|&other| {
            let shared = other
                .bytes()
                .zip(stem.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            other != stem && shared + 1 >= stem.len().min(other.len())
        })
        .collect()
}

/// "unsupported" reads as "not supported", as the reference often says it
/// ("is not supported", "is not enabled", "not verified").
fn negation(word: &str) -> Option<Alternative> {
    let rest = ["un", "non", "in"]
        .iter()
        .find_map(|p| word.strip_prefix(p))?;
    if rest.len() < 4 {
        return None;
    }
    let stem = text::stem_word(rest, &text::stemmer());
    term(&stem)?;
    Some(Alternative {
        stems: vec!["not".to_string(), stem],
        weight: SYNONYM_WEIGHT,
    })
}

fn push_unique(alternatives: &mut Vec<Alternative>, stem: &str, weight: f64) {
    if !alternatives.iter().any(|a| a.stems == [stem]) {
        alternatives.push(Alternative {
            stems: vec![stem.to_string()],
            weight,
        });
    }
}

/// How many edits a word may be from a catalog word: none for the shortest,
/// one for most, two for long words.
pub fn typo_budget(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn in_vocabulary(stem: &str) -> bool {
    index::synonym_groups()
        .iter()
        .any(|group| group.iter().any(|phrase| phrase == &[stem]))
}

/// The longest synonym phrase that the words starting here spell, read with
/// each word's best reading; its length in words and the phrases of every
/// group it stands in ("sms" is both a phone and a second factor).
fn longest_synonym_phrase(words: &[Vec<Alternative>]) -> (usize, Vec<Alternative>) {
    let mut length = 0;
    let mut alternatives: Vec<Alternative> = Vec::new();
    for group in index::synonym_groups() {
        for phrase in group.iter() {
            if phrase.len() < length || phrase.len() > words.len() {
                continue;
            }
            let Some(weight) = spelled_weight(phrase, words) else {
                continue;
            };
            if phrase.len() > length {
                length = phrase.len();
                alternatives.clear();
            }
            for p in group {
                let stems: Vec<String> = p.iter().map(|s| s.to_string()).collect();
                let weight = if p == phrase {
                    weight
                } else {
                    weight * SYNONYM_WEIGHT
                };
                match alternatives.iter_mut().find(|a| a.stems == stems) {
                    Some(a) => a.weight = a.weight.max(weight),
                    None => alternatives.push(Alternative { stems, weight }),
                }
            }
        }
    }
    (length, alternatives)
}

/// Whether the words spell a phrase, and the weight of that reading: the
/// product of the readings it takes (a typo's spelling weighs less).
fn spelled_weight(phrase: &[&str], words: &[Vec<Alternative>]) -> Option<f64> {
    let mut weight = 1.0;
    for (stem, readings) in phrase.iter().zip(words) {
        weight *= readings.iter().find(|a| a.stems == [*stem])?.weight;
    }
    Some(weight)
}

fn term(stem: &str) -> Option<Term> {
    index::term(stem)
}

/// Each entry's score for one slot: its best alternative's, or for a
/// phrase, the share of its words the entry has, if that is more.
fn score_slot(slot: &Slot, matched: &mut [BTreeSet<&'static str>]) -> Vec<f64> {
    let (mut best, mut best_stems) = best_alternative(&slot.alternatives);
    if !slot.words.is_empty() {
        let mut sum = vec![0.0f64; best.len()];
        let mut present = vec![0usize; best.len()];
        let mut stems: Vec<Vec<&'static str>> = vec![Vec::new(); best.len()];
        let words = slot.words.len() as f64;
        for readings in &slot.words {
            let (word_best, word_stems) = best_alternative(readings);
            for (entry, score) in word_best.iter().enumerate() {
                sum[entry] += score / words;
                present[entry] += usize::from(*score > 0.0);
                stems[entry].extend(&word_stems[entry]);
            }
        }
        for (entry, score) in sum.into_iter().enumerate() {
            // Part of a phrase says less than all of it: "out" alone is not
            // "locked out".
            let score = score * present[entry] as f64 / words;
            if score > best[entry] {
                best[entry] = score;
                best_stems[entry] = std::mem::take(&mut stems[entry]);
            }
        }
    }
    for (entry, stems) in best_stems.into_iter().enumerate() {
        matched[entry].extend(stems);
    }
    best
}

/// Each entry's best score among alternatives, and the stems that gave it.
/// An alternative of several words counts only where all of them stand.
fn best_alternative(alternatives: &[Alternative]) -> (Vec<f64>, Vec<Vec<&'static str>>) {
    let entries = catalog::entries().len();
    let mut best = vec![0.0f64; entries];
    let mut best_stems: Vec<Vec<&'static str>> = vec![Vec::new(); entries];
    for alternative in alternatives {
        let terms: Vec<Term> = alternative.stems.iter().filter_map(|s| term(s)).collect();
        if terms.len() < alternative.stems.len() {
            continue; // a phrase the catalog does not hold every word of
        }
        let mut sum = vec![0.0f64; entries];
        let mut hits = vec![0usize; entries];
        for t in &terms {
            for (entry, score) in bm25f(*t) {
                sum[entry] += score;
                hits[entry] += 1;
            }
        }
        let length = alternative.stems.len() as f64;
        for entry in 0..entries {
            if hits[entry] < terms.len() || sum[entry] == 0.0 {
                continue;
            }
            let score = alternative.weight * sum[entry] / length;
            if score > best[entry] {
                best[entry] = score;
                best_stems[entry] = terms.iter().map(|t| t.stem()).collect();
            }
        }
    }
    (best, best_stems)
}

/// How much a slot says: the rarer the entries it matches, the more. A
/// slot that matches nothing says nothing about any entry.
fn slot_importance(per_entry: &[f64]) -> f64 {
    let matching = per_entry.iter().filter(|s| **s > 0.0).count();
    if matching == 0 {
        return 0.0;
    }
    inverse_frequency(matching)
}

/// BM25's inverse document frequency of a word in `df` of the entries;
/// computed at build time, so the binary needs no maths library.
fn inverse_frequency(df: usize) -> f64 {
    index::inverse_frequency(df)
}

fn idf(term: Term) -> f64 {
    inverse_frequency(term.entries())
}

/// BM25F: each entry's score for one stem, over its weighted fields.
fn bm25f(term: Term) -> Vec<(usize, f64)> {
    let mut per_entry: Vec<(usize, f64)> = Vec::new();
    for posting in term.postings() {
        let (entry, field) = (posting.entry, posting.field);
        let length = f64::from(index::field_length(entry, field));
        let norm = 1.0 - B + B * length / index::average_length(field).max(1.0);
        let tf = FIELD_WEIGHTS[field] * posting.positions.len() as f64 / norm;
        match per_entry.last_mut() {
            Some((e, t)) if *e == entry => *t += tf,
            _ => per_entry.push((entry, tf)),
        }
    }
    let idf = idf(term);
    for (_, tf) in per_entry.iter_mut() {
        *tf = idf * *tf / (K1 + *tf);
    }
    per_entry
}

/// Adds a bonus where two neighbouring slots match near each other in one
/// field of an entry: "account locked" is worth more together.
fn add_proximity(slots: &[Slot], slot_scores: &[Vec<f64>], scores: &mut [f64]) {
    for pair in 0..slots.len().saturating_sub(1) {
        let (a, b) = (&slots[pair], &slots[pair + 1]);
        let places_a = places(a);
        let places_b = places(b);
        for (entry, total) in scores.iter_mut().enumerate() {
            let (sa, sb) = (slot_scores[pair][entry], slot_scores[pair + 1][entry]);
            if sa == 0.0 || sb == 0.0 {
                continue;
            }
            let near = places_a
                .iter()
                .filter(|p| p.0 == entry)
                .any(|&(_, fa, pa)| {
                    places_b
                        .iter()
                        .any(|&(e, fb, pb)| e == entry && fb == fa && pa.abs_diff(pb) <= NEAR)
                });
            if near {
                *total += PROXIMITY_BONUS * (sa + sb);
            }
        }
    }
}

/// Where a slot's single-word alternatives stand: (entry, field, position).
fn places(slot: &Slot) -> Vec<(usize, usize, u16)> {
    let mut places = Vec::new();
    for alternative in &slot.alternatives {
        for stem in &alternative.stems {
            if let Some(t) = term(stem) {
                for p in t.postings() {
                    for &position in p.positions {
                        places.push((p.entry, p.field, position));
                    }
                }
            }
        }
    }
    places
}

/// Catalog words close to the query's words, for a search that found
/// nothing: the spellings a user may have meant.
pub fn suggestions(query: &str) -> Vec<&'static str> {
    let stemmer = text::stemmer();
    let mut found = Vec::new();
    for token in text::tokenize(query, &stemmer) {
        let budget = typo_budget(&token.word).max(1) + 1;
        let mut close: Vec<(usize, &'static str)> = index::words()
            .map(|(word, _)| (strsim::osa_distance(&token.word, word), word))
            .filter(|&(d, _)| d <= budget)
            .collect();
        close.sort();
        for (_, word) in close.into_iter().take(3) {
            if !found.contains(&word) {
                found.push(word);
            }
        }
    }
    found.truncate(5);
    found
}

/// Whether a word of a displayed text matched: its stem is one of `stems`.
pub fn word_matches<'a>(stems: &'a BTreeSet<&'static str>) -> impl Fn(&str) -> bool + 'a {
    let stemmer = text::stemmer();
    move |word: &str| stems.contains(text::stem_word(&word.to_lowercase(), &stemmer).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(query: &str) -> Vec<u32> {
        search(query, 5).iter().map(|h| h.entry.code).collect()
    }

    #[test]
    fn an_exact_code_ranks_first_and_a_prefix_ranks_its_codes() {
        assert_eq!(top("7100")[0], 7100);
        assert_eq!(top("71"), [7100, 7101, 7102, 7103, 7104]);
    }

    #[test]
    fn a_typo_within_the_budget_is_forgiven() {
        assert_eq!(top("pasword incorect")[0], 7100);
        assert_eq!(typo_budget("jwt"), 0);
        assert_eq!(typo_budget("locked"), 1);
        assert_eq!(typo_budget("verification"), 2);
    }

    #[test]
    fn a_fuzzy_reading_weighs_less_than_an_exact_one() {
        let exact = readings("password", "password");
        assert_eq!(
            (exact[0].stems.as_slice(), exact[0].weight),
            (&["password".to_string()][..], 1.0)
        );
        assert!(exact[1..].iter().all(|a| a.weight < 1.0), "{exact:?}");
        let fuzzy = readings("pasword", "pasword");
        assert_eq!(
            fuzzy[0].stems,
            ["pasword"],
            "the word as typed, which matches nothing"
        );
        assert!(fuzzy[1..].iter().all(|a| a.weight < 1.0), "{fuzzy:?}");
        assert!(fuzzy.iter().any(|a| a.stems == ["password"]));
    }

    #[test]
    fn synonyms_read_the_users_words_as_the_references() {
        assert_eq!(top("wrong password")[0], 7100);
        assert_eq!(top("2fa phone number invalid")[0], 13101);
        assert_eq!(top("jwt signature")[0], 10017);
        assert_eq!(top("ldap server unreachable")[0], 9001);
        let slots = slots(&text::tokenize("sign in", &text::stemmer()));
        assert_eq!(slots.len(), 1, "a phrase is one slot");
        assert!(slots[0].alternatives.iter().any(|a| a.stems == ["login"]));
    }

    #[test]
    fn a_cross_reference_finds_the_code_pointed_at() {
        let codes = top("email without @");
        assert!(codes.contains(&2006), "{codes:?}");
    }

    #[test]
    fn nothing_matches_gibberish() {
        assert!(top("qqqqzzzz").is_empty());
    }
}
