//! Suggestions for a search that found nothing: the catalog's words
//! nearest to the query's.

use super::index;
use super::lookup::{Lookup, code_lookups};
use super::query::typo_budget;
use super::subject::{has_subject, status};
use crate::catalog::{self, Selector};
use crate::standalone::words;

/// What to say of a search that found nothing where its query names a
/// code the reference lacks (`Error 7199`, `7199`): what `show` says of
/// it, the codes nearest, rather than a guess from the query's words. A
/// query that names an HTTP status and nothing else (`HTTP 409`, `error
/// 500`) gets what `show` says of the status.
pub fn missing_code(query: &str) -> Option<String> {
    let lookups = code_lookups(query);
    let missing = lookups
        .iter()
        .map(|lookup| &lookup.selector)
        .find(|selector| selector.entries().is_empty())
        .map(|selector| match selector {
            // A whole query of digits is looked up as a prefix (`71` for
            // `71xx`); one that starts no code is a code, or a status
            // (`404`), as `show` reads it.
            Selector::Pattern {
                prefix,
                width: None,
            } if !prefix.starts_with('0') => Selector::Code(prefix.parse().unwrap_or(0)),
            selector => selector.clone(),
        });
    missing
        .or_else(|| only_a_status(query, &lookups))
        .map(|selector| catalog::not_found(&selector))
}

/// The status a query of no subject and no code names (`HTTP 409`).
fn only_a_status(query: &str, lookups: &[Lookup]) -> Option<Selector> {
    let tokens = words::tokenize(query, &words::stemmer());
    if !lookups.is_empty() || has_subject(&tokens, lookups) {
        return None;
    }
    tokens
        .iter()
        .find_map(status)
        .map(|status| Selector::Code(status.into()))
}

/// Catalog words close to the query's words, for a search that found
/// nothing: the spellings a user may have meant.
pub fn suggestions(query: &str) -> Vec<&'static str> {
    let stemmer = words::stemmer();
    let mut found = Vec::new();
    // A word that says nothing alone was read and left out, not missed.
    for token in words::tokenize(query, &stemmer)
        .into_iter()
        .filter(|t| !words::says_nothing_alone(&t.word) && is_a_word(&t.word))
    {
        let budget = typo_budget(&token.word).max(1) + 1;
        let mut close: Vec<(usize, &'static str)> = index::words()
            .filter(|(word, _)| is_a_word(word))
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

/// A word worth offering or matching: two letters or more, not a number
/// (`search 429` offered "12, 2, 9").
fn is_a_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_the_reference_lacks_gets_its_nearest_codes() {
        let nearest = "no error 7199 in the reference; nearest: 7100-7107 (Account)";
        assert_eq!(missing_code("Error 7199").as_deref(), Some(nearest));
        assert_eq!(missing_code("7199").as_deref(), Some(nearest));
        assert_eq!(
            missing_code("error 7100 and 7199").as_deref(),
            Some(nearest)
        );
        // A code the reference has, a year, a status: nothing to say.
        assert_eq!(missing_code("error 7100"), None);
        assert_eq!(missing_code("since 2015 it fails"), None);
        assert_eq!(missing_code("HTTP 404 on login"), None);
        // A status and nothing else gets what `show` says of it.
        assert_eq!(missing_code("HTTP 409"), missing_code("409"));
        assert_eq!(missing_code("error 500"), missing_code("500"));
        assert!(missing_code("409").is_some_and(|line| line.contains("HTTP status")));
        assert_eq!(missing_code("71"), None);
        let status = missing_code("404").unwrap();
        assert!(status.starts_with("no error 404 in the reference: codes have 4 or 5 digits"));
    }

    #[test]
    fn numbers_and_single_letters_are_never_offered() {
        assert!(suggestions("429").is_empty());
        assert!(suggestions("x 5 q").is_empty());
        assert!(suggestions("pasword").contains(&"password"));
        assert!(
            suggestions("pasword 7 z").iter().all(|w| is_a_word(w)),
            "{:?}",
            suggestions("pasword 7 z")
        );
    }
}
