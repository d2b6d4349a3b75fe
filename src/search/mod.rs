//! Search: finds the entries a query means, best first.
//!
//! A query is read into slots, one for each thing it asks about: a word, or
//! a phrase from the synonym vocabulary. Each slot has alternatives (the
//! word itself, its synonyms, and for a word the catalog never uses, its
//! near spellings), each with a weight below 1 for anything the user did not
//! type. An entry's score is the sum over slots of its best alternative's
//! BM25F score, with a bonus where two slots stand side by side in one field.
//! The index is built at compile time by the build script.
//!
//! `query` reads a query into slots; `lookup` finds the codes, selectors
//! and quoted messages it names; `bm25f` scores a slot in each entry; this
//! file ranks the entries on all of it and says which hits are answers;
//! `suggest` offers spellings when nothing is; `tuning` holds the weights
//! and thresholds.

mod bm25f;
mod index;
mod lookup;
mod query;
mod suggest;
mod tuning;

pub use suggest::suggestions;

use crate::catalog::{self, Category, Entry};
use crate::standalone::fields;
use crate::standalone::words::{self, Token};
use bm25f::{add_proximity, inverse_frequency, score_slot, slot_importance};
use index::Term;
use lookup::{code_lookups, score_lookup, score_quoted_messages};
use query::{Slot, slots};
use std::collections::BTreeSet;
use tuning::{
    ANSWER_SCORE, CATEGORY_CUE, NARROWING_UNMATCHED_ENTRIES, SAID_MESSAGE, UNDOCUMENTED_PRIOR,
};

/// One entry a search ranks: its score, and what of it matched.
#[derive(Debug, Clone)]
pub struct Ranked {
    pub entry: &'static Entry,
    pub score: f64,
    /// The catalog stems that matched, for highlighting.
    pub stems: BTreeSet<&'static str>,
    /// Words of the query matched the entry's history: what the old
    /// documentation said it (or the code that had its meaning) meant.
    pub via_history: bool,
}

/// The hits for `query` that are answers, best first; at most `limit`, or
/// all of them for 0.
///
/// ```
/// let hits = sperr::search::search("pasword incorect", 3);
/// assert_eq!(hits[0].entry.code, 7100);
/// ```
pub fn search(query: &str, limit: usize) -> Vec<Ranked> {
    let mut hits = ranked(query, None);
    hits.retain(is_answer);
    if limit > 0 {
        hits.truncate(limit);
    }
    hits
}

/// Whether a hit matches well enough to be an answer; a weaker one is at
/// most a guess.
pub(crate) fn is_answer(hit: &Ranked) -> bool {
    hit.score >= ANSWER_SCORE
}

/// Every entry the query matches at all, in `category` if one is given,
/// best first.
pub fn ranked(query: &str, category: Option<&'static Category>) -> Vec<Ranked> {
    let stemmer = words::stemmer();
    let tokens = words::tokenize(query, &stemmer);
    let mut scores = vec![0.0f64; catalog::entries().len()];
    let mut matched: Vec<BTreeSet<&'static str>> = vec![BTreeSet::new(); scores.len()];

    let lookups = code_lookups(query);
    for lookup in &lookups {
        score_lookup(&lookup.selector, &mut scores);
    }
    score_quoted_messages(query, &mut scores);
    let words: Vec<Token> = tokens
        .into_iter()
        .filter(|t| !lookups.iter().any(|l| l.span.contains(&t.start)))
        .collect();
    let cued = cued_categories(&words);
    let said = query_stems(&words);
    let entries = catalog::entries();
    for (i, (total, words)) in scores
        .iter_mut()
        .zip(score_words(&slots(&words), &mut matched))
        .enumerate()
    {
        let mut weight = 1.0;
        if cued.iter().any(|c| std::ptr::eq(entries[i].category(), *c)) {
            weight += CATEGORY_CUE;
        }
        if says_message(&said, i) {
            weight += SAID_MESSAGE;
        }
        *total += words * weight;
    }

    let via_history = matched_history(&matched);
    let mut hits: Vec<Ranked> = scores
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            **s > 0.0 && category.is_none_or(|c| std::ptr::eq(entries[*i].category(), c))
        })
        .map(|(i, &score)| Ranked {
            entry: &entries[i],
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
    hits
}

/// Each entry's score for the query's words: BM25F per slot, a bonus for
/// neighbouring slots, scaled by how much of the query the entry answers
/// and by the prior for codes the reference never listed.
fn score_words(slots: &[Slot], matched: &mut [BTreeSet<&'static str>]) -> Vec<f64> {
    let slot_scores: Vec<Vec<f64>> = slots.iter().map(|slot| score_slot(slot, matched)).collect();
    let importance: Vec<f64> = slots
        .iter()
        .zip(&slot_scores)
        .map(|(slot, s)| slot_importance(s, slot.min_entries))
        .collect();
    // A word that matches nothing is a part of the question no entry
    // answers: it lowers every entry's coverage alike, so it changes no
    // ranking, but it tells an answer from a guess.
    let unanswered: f64 = (0..slots.len())
        .filter(|&i| importance[i] == 0.0)
        .map(|i| {
            // A word that matches nothing right before one that matches
            // narrows it (`rate limit`, `dark mode`): the query asks about
            // a kind of thing the catalog does not have, however everyday
            // the word.
            let narrows = slots
                .get(i + 1)
                .is_some_and(|next| next.first == slots[i].last + 1 && importance[i + 1] > 0.0);
            let entries = if narrows {
                slots[i].unmatched_entries.min(NARROWING_UNMATCHED_ENTRIES)
            } else {
                slots[i].unmatched_entries
            };
            inverse_frequency(entries)
        })
        .sum();
    let total_importance: f64 = importance.iter().sum::<f64>() + unanswered;
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

/// The stems of the query's words, stop words left out, in order.
fn query_stems(words: &[Token]) -> Vec<&str> {
    let mut stems: Vec<&str> = Vec::new();
    let mut last_position = None;
    for token in words {
        // camelCase parts stand at their word's position: the word says it.
        if last_position != Some(token.position) && !words::is_stopword(&token.word) {
            stems.push(&token.stem);
        }
        last_position = Some(token.position);
    }
    stems
}

/// Whether the query says an entry's short message whole, its words in
/// order, side by side (`unknown property name` says 2015's "Unknown
/// property."): the query restates that error, whatever else it says.
fn says_message(said: &[&str], entry: usize) -> bool {
    let message: Vec<&str> = index::short_message(entry).collect();
    !message.is_empty() && said.windows(message.len()).any(|w| w == message.as_slice())
}

/// The categories the query names by a cue (`smtp`, `mail server`, `2fa`,
/// `id site`, `custom data`), from the table of short names `--category`
/// reads: a word, or two words that run together spell it.
fn cued_categories(words: &[Token]) -> Vec<&'static Category> {
    let mut spelled: Vec<String> = words.iter().map(|t| t.word.clone()).collect();
    for pair in words.windows(2) {
        if pair[1].position == pair[0].position + 1 {
            spelled.push(format!("{}{}", pair[0].word, pair[1].word));
        }
    }
    let mut cued: Vec<&'static Category> = Vec::new();
    for (short, name) in catalog::category_cues() {
        let short: String = short.chars().filter(|c| c.is_alphanumeric()).collect();
        if spelled.contains(&short)
            && let Some(category) = catalog::categories().iter().find(|c| c.name == name)
            && !cued.iter().any(|c| std::ptr::eq(*c, category))
        {
            cued.push(category);
        }
    }
    cued
}

/// For each entry, whether a stem it matched stands in its history field.
/// Each matched stem's postings are read once, not once per entry.
fn matched_history(matched: &[BTreeSet<&'static str>]) -> Vec<bool> {
    let stems: BTreeSet<&'static str> = matched.iter().flatten().copied().collect();
    let mut in_history = vec![false; matched.len()];
    for t in stems.iter().filter_map(|s| term(s)) {
        for p in t.postings().filter(|p| p.field == fields::HISTORY) {
            in_history[p.entry] |= matched[p.entry].contains(t.stem());
        }
    }
    in_history
}

fn term(stem: &str) -> Option<Term> {
    index::term(stem)
}

/// Whether a word of a displayed text matched: its stem is one of `stems`.
pub(crate) fn word_matches<'a>(stems: &'a BTreeSet<&'static str>) -> impl Fn(&str) -> bool + 'a {
    let stemmer = words::stemmer();
    move |word: &str| stems.contains(words::stem_word(&word.to_lowercase(), &stemmer).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn top(query: &str) -> Vec<u32> {
        search(query, 5).iter().map(|h| h.entry.code).collect()
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

    #[test]
    fn a_tickets_greetings_and_courtesy_do_not_outweigh_its_problem() {
        let scores = |q: &str| -> Vec<(u32, f64)> {
            search(q, 3)
                .iter()
                .map(|h| (h.entry.code, h.score))
                .collect()
        };
        // `please` and `help` stand in the SAML codes' advice ("Please
        // contact us ... to help troubleshoot"), `now` and `few` before a
        // word that matches would read as narrowing it.
        let plain = scores("locked out of my account");
        assert_eq!(plain[0].0, 7103);
        assert_eq!(
            scores("hi, I'm now locked out of my account, please help, thanks"),
            plain
        );
        assert_eq!(
            top("hello, since this morning my account is locked, any help appreciated")[0],
            7103
        );
        assert!(top("please help").is_empty() && top("thanks").is_empty());
        // Nor are they offered back as the words the user may have meant.
        assert!(suggestions("please help").is_empty());
    }

    #[test]
    fn failing_again_and_again_reaches_the_locked_account() {
        for query in [
            "too many attempts",
            "too many failed logins",
            "tried too many times",
            "after a few wrong tries I'm now locked out of my account, please help",
        ] {
            assert_eq!(top(query)[0], 7103, "{query}");
        }
        // The second factor's own limit stays its own.
        assert_eq!(top("too many failed mfa attempts")[0], 13113);
        // One wrong password is no lock.
        assert_eq!(top("wrong password")[0], 7100);
        // Trying is attempting, but trying to link is still linking.
        assert_eq!(
            top("I tried to link my two profiles but they say these accounts are already linked")
                [0],
            7500
        );
    }

    #[test]
    fn the_words_a_server_message_was_seen_to_fill_in_count() {
        // 2007's template is "{0} {1} minimum length not satisfied."; an
        // issue quotes it as "Account password minimum length not satisfied."
        assert_eq!(top("password too short")[0], 2007);
        assert_eq!(
            top("the password I picked at registration was rejected for being too short")[0],
            2007
        );
        // A filled-in word is an example: it does not outweigh a template's.
        assert_eq!(
            top("POST /accounts returns 400 when email missing")[..2],
            [6101, 2000]
        );
    }

    #[test]
    fn a_category_cue_weighs_toward_its_category() {
        assert_eq!(top("smtp login failed")[0], 13001);
        let cued = cued_categories(&words::tokenize(
            "the mail server, custom data",
            &words::stemmer(),
        ));
        let names: Vec<&str> = cued.iter().map(|c| c.name).collect();
        assert_eq!(names, ["Custom Data", "SMTP Server"]);
    }

    #[test]
    fn the_words_for_not_getting_in_reach_the_login_family() {
        for query in ["cant log in", "sign in", "locked out", "too many attempts"] {
            let first = top(query)[0];
            assert!((7100..=7107).contains(&first), "{query}: {first}");
        }
    }

    #[test]
    fn the_words_for_not_getting_in_reach_the_login_family_before_id_site() {
        // 12001 says "This can occur if the user stays on ID Site without
        // logging in, registering, or resetting a password": when the
        // session times out, not what the error is.
        for query in [
            "user cant log in",
            "cant login",
            "user can't sign in",
            "unable to log in",
            "cant log on",
            "login wont work",
        ] {
            let first = top(query)[0];
            assert!((7100..=7107).contains(&first), "{query}: {first}");
        }
        assert_eq!(top("can't reset my password")[0], 5115);
        assert_eq!(top("the login page said my session timed out")[0], 12001);
    }

    #[test]
    fn a_word_that_narrows_a_match_to_something_the_catalog_lacks_leaves_no_answer() {
        assert!(search("rate limit", 10).is_empty());
        assert_eq!(ranked("rate limit", None)[0].entry.code, 1902, "the guess");
        // The head word alone is a question the catalog answers.
        assert_eq!(top("application limit reached")[0], 1902);
        assert!(!search("limit", 10).is_empty());
    }

    #[test]
    fn a_query_that_says_a_short_message_whole_restates_that_error() {
        // 3001-3003 say "Property name …" more often, but the query says
        // 2015's whole message, "Unknown property."
        assert_eq!(top("unknown property name")[0], 2015);
        let said = |q: &str| {
            let tokens = words::tokenize(q, &words::stemmer());
            says_message(&query_stems(&tokens), catalog::position(2015).unwrap())
        };
        assert!(said("Unknown property name"));
        assert!(!said("property unknown"), "in order");
        assert!(!said("unknown custom property"), "side by side");
        // A long message is said by quoting it, not word by word.
        assert_eq!(
            index::short_message(catalog::position(5100).unwrap()).count(),
            0
        );
    }

    #[test]
    fn a_question_the_catalog_cannot_answer_gets_a_guess_not_an_answer() {
        assert!(search("origin not allowed cors", 10).is_empty());
        let guesses = ranked("origin not allowed cors", None);
        assert!(!guesses.is_empty() && !guesses.iter().any(is_answer));
        assert!(search("invalid", 0).len() > 10, "0 is no limit");
    }

    #[test]
    fn a_category_narrows_the_search() {
        let smtp = catalog::find_category("smtp").unwrap();
        let hits = ranked("password", Some(smtp));
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|h| std::ptr::eq(h.entry.category(), smtp)));
    }
}
