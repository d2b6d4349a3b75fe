//! Suggestions for a search that found nothing: the catalog's words
//! nearest to the query's.

use super::index;
use super::query::typo_budget;
use crate::standalone::words;

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
