//! Scoring a slot of the query in each entry: BM25F over the entry's
//! weighted fields, idf held down for everyday English words, phrases
//! that count only where their words stand together, and the bonus where
//! two slots stand near each other.

use super::index::{self, Term};
use super::query::{Alternative, Slot, english_min_entries};
use super::term;
use super::tuning::{
    B, DISTINGUISHING_WEIGHT, FIELD_WEIGHTS, K1, NEAR, PHRASE_GAP, PROXIMITY_BONUS,
};
use crate::catalog;
use std::collections::BTreeSet;

/// Each entry's score for one slot: its best alternative's, or for a
/// phrase, the share of its words the entry has, if that is more.
pub(super) fn score_slot(slot: &Slot, matched: &mut [BTreeSet<&'static str>]) -> Vec<f64> {
    let (mut best, mut best_stems) = best_alternative(&slot.alternatives, slot.min_entries);
    if !slot.words.is_empty() {
        let mut sum = vec![0.0f64; best.len()];
        let mut present = vec![0usize; best.len()];
        let mut stems: Vec<Vec<&'static str>> = vec![Vec::new(); best.len()];
        let words = slot.words.len() as f64;
        for readings in &slot.words {
            let (word_best, word_stems) = best_alternative(readings, 0);
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
/// No alternative counts as rarer than the word typed (`min_entries`): a
/// common word's synonym says no more than the word.
fn best_alternative(
    alternatives: &[Alternative],
    min_entries: usize,
) -> (Vec<f64>, Vec<Vec<&'static str>>) {
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
            for (entry, score) in bm25f(*t, min_entries) {
                sum[entry] += score;
                hits[entry] += 1;
            }
        }
        let length = alternative.stems.len() as f64;
        let side_by_side = (terms.len() > 1).then(|| entries_with_phrase(&terms));
        for entry in 0..entries {
            if hits[entry] < terms.len() || sum[entry] == 0.0 {
                continue;
            }
            if side_by_side.as_ref().is_some_and(|e| !e.contains(&entry)) {
                continue; // the words are there, but not as the phrase
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

/// The entries where the terms stand side by side, in order, in one field;
/// a stop word may stand between two of them (`not able to reach`).
fn entries_with_phrase(terms: &[Term]) -> BTreeSet<usize> {
    let mut found = BTreeSet::new();
    let Some((first, rest)) = terms.split_first() else {
        return found;
    };
    for start in first.postings() {
        if found.contains(&start.entry) {
            continue;
        }
        let in_place = |t: &Term| {
            t.postings()
                .find(|p| p.entry == start.entry && p.field == start.field)
                .map(|p| p.positions)
        };
        let followers: Option<Vec<&[u16]>> = rest.iter().map(in_place).collect();
        let Some(followers) = followers else {
            continue;
        };
        let spelled = start.positions.iter().any(|&at| {
            let mut at = at;
            followers.iter().all(|positions| {
                match positions.iter().find(|&&p| p > at && p - at <= PHRASE_GAP) {
                    Some(&next) => {
                        at = next;
                        true
                    }
                    None => false,
                }
            })
        });
        if spelled {
            found.insert(start.entry);
        }
    }
    found
}

/// How much a slot says: the rarer the entries it matches, the more, but
/// no more than its word's commonness in English allows. A slot that
/// matches nothing says nothing about any entry.
pub(super) fn slot_importance(per_entry: &[f64], min_entries: usize) -> f64 {
    let matching = per_entry.iter().filter(|s| **s > 0.0).count();
    if matching == 0 {
        return 0.0;
    }
    inverse_frequency(matching.max(min_entries))
}

/// BM25's inverse document frequency of a word in `df` of the entries;
/// computed at build time, so the binary needs no maths library.
pub(super) fn inverse_frequency(df: usize) -> f64 {
    index::inverse_frequency(df)
}

/// A stem's rarity in the catalog, as far as its commonness in English
/// (and that of the word it was reached from, `min_entries`) lets it count.
fn idf(term: Term, min_entries: usize) -> f64 {
    let common = english_min_entries(term.english_tier()).max(min_entries);
    inverse_frequency(term.entries().max(common))
}

/// BM25F: each entry's score for one stem, over its weighted fields.
fn bm25f(term: Term, min_entries: usize) -> Vec<(usize, f64)> {
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
    let idf = idf(term, min_entries);
    for (entry, tf) in per_entry.iter_mut() {
        let distinguishing = if term.distinguishes(*entry) {
            DISTINGUISHING_WEIGHT
        } else {
            1.0
        };
        *tf = distinguishing * idf * *tf / (K1 + *tf);
    }
    per_entry
}

/// Adds a bonus where two neighbouring slots match near each other in one
/// field of an entry: "account locked" is worth more together.
pub(super) fn add_proximity(slots: &[Slot], slot_scores: &[Vec<f64>], scores: &mut [f64]) {
    for pair in 0..slots.len().saturating_sub(1) {
        let (a, b) = (&slots[pair], &slots[pair + 1]);
        let places_a = places(a);
        let places_b = places(b);
        for (entry, total) in scores.iter_mut().enumerate() {
            let (sa, sb) = (slot_scores[pair][entry], slot_scores[pair + 1][entry]);
            if sa == 0.0 || sb == 0.0 {
                continue;
            }
            // As much as the weaker of the two readings that stand near.
            let near = places_a
                .iter()
                .filter(|p| p.entry == entry)
                .flat_map(|pa| {
                    places_b
                        .iter()
                        .filter(move |pb| {
                            pb.entry == entry
                                && pb.field == pa.field
                                && pa.position.abs_diff(pb.position) <= NEAR
                        })
                        .map(move |pb| pa.weight.min(pb.weight))
                })
                .fold(0.0f64, f64::max);
            *total += near * PROXIMITY_BONUS * (sa + sb);
        }
    }
}

/// One place a reading of a slot stands in an entry, and its weight.
struct Occurrence {
    entry: usize,
    field: usize,
    position: u16,
    weight: f64,
}

/// Where a slot's readings stand. A phrase stands where its rarest word
/// does: `not set` is not wherever `not` is.
fn places(slot: &Slot) -> Vec<Occurrence> {
    let mut places = Vec::new();
    for alternative in &slot.alternatives {
        let rarest = alternative
            .stems
            .iter()
            .filter_map(|s| term(s))
            .min_by_key(|t| t.entries());
        for p in rarest.iter().flat_map(|t| t.postings()) {
            for &position in p.positions {
                places.push(Occurrence {
                    entry: p.entry,
                    field: p.field,
                    position,
                    weight: alternative.weight,
                });
            }
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::top;

    #[test]
    fn everyday_words_weigh_less_than_the_catalogs_rare_ones() {
        // `after` stands in one entry, but it is everyday English.
        let after = term("after").unwrap();
        let session = term("session").unwrap();
        assert!(idf(after, 0) <= idf(session, 0) + 1e-9);
        assert_ne!(top("session expired after one day").first(), Some(&10012));
    }

    #[test]
    fn a_phrase_counts_only_where_its_words_stand_together() {
        let read_only = [term("read").unwrap(), term("onli").unwrap()];
        let together = entries_with_phrase(&read_only);
        let entries = catalog::entries();
        assert!(together.iter().any(|&e| entries[e].code == 4606));
        let apart = [term("onli").unwrap(), term("read").unwrap()];
        assert!(entries_with_phrase(&apart).is_empty(), "order counts");
    }

    #[test]
    fn the_words_that_tell_near_twins_apart_are_known() {
        let group = term("group").unwrap();
        let position = |code| catalog::position(code).unwrap();
        assert!(group.distinguishes(position(7105)));
        assert!(!group.distinguishes(position(7100)));
    }
}
