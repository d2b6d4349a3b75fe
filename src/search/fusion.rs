//! One score from the lexical and the semantic ranking, in [0, 1], and the
//! least score an answer needs.
//!
//! The lexical score grows without bound; it is squashed to [0, 1) as
//! `s / (s + LEXICAL_HALF)` and mixed with the semantic similarity; the
//! fused score is the mix, or the squashed lexical score where that is
//! higher. An entry the query names by code or quotes the message of
//! scores 1 and ranks above all others: exact lookups win as they always
//! did.

use super::tuning::{CODE_PREFIX_SCORE, LEXICAL_HALF};
#[cfg(feature = "semantic")]
use super::tuning::{SEMANTIC_ANSWER_SCORE, SEMANTIC_WEIGHT};

/// The least fused score of an answer; a weaker hit is at most a guess.
#[cfg(feature = "semantic")]
pub(super) const ANSWER_SCORE: f64 = SEMANTIC_ANSWER_SCORE;
/// Without the model, the lexical score's own threshold, squashed.
#[cfg(not(feature = "semantic"))]
pub(super) const ANSWER_SCORE: f64 = ANSWER_SCORE_OF_LEXICAL;
/// The lexical answer threshold, squashed.
const ANSWER_SCORE_OF_LEXICAL: f64 = squash(super::tuning::LEXICAL_ANSWER_SCORE);

/// The fused score of an entry with this lexical score and, where the
/// model ran, this semantic similarity.
pub(super) fn fuse(lexical: f64, semantic: Option<f64>, browses: bool) -> f64 {
    if lexical >= CODE_PREFIX_SCORE {
        return 1.0;
    }
    let lexical = squash(lexical);
    let fused = match semantic {
        #[cfg(feature = "semantic")]
        Some(similarity) => {
            let mix =
                SEMANTIC_WEIGHT * similarity.clamp(0.0, 1.0) + (1.0 - SEMANTIC_WEIGHT) * lexical;
            // The model cannot read a misspelling (`pasword`): a strong
            // lexical match stands on its own.
            mix.max(lexical)
        }
        _ => lexical,
    };
    // A query that browses a subject (`account`) is answered by every
    // entry its words answer, though the model finds one or two words too
    // little to go on.
    if browses && lexical >= ANSWER_SCORE_OF_LEXICAL {
        fused.max(ANSWER_SCORE)
    } else {
        fused
    }
}

/// A score made a guess, below every answer, the order of scores kept.
pub(super) fn as_guess(score: f64) -> f64 {
    score.clamp(0.0, 1.0) * ANSWER_SCORE * 0.99
}

/// Orders the entries a query looks up (by code, code prefix or quoted
/// message) among themselves and above everything else; 0 for the rest.
pub(super) fn lookup_rank(lexical: f64) -> f64 {
    if lexical >= CODE_PREFIX_SCORE {
        lexical
    } else {
        0.0
    }
}

const fn squash(lexical: f64) -> f64 {
    lexical / (lexical + LEXICAL_HALF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_lie_in_the_unit_interval_and_lookups_score_one() {
        for lexical in [0.0, 0.5, 1.0, 10.0, 499.0, 500.0, 1000.0, 1e9] {
            for semantic in [None, Some(-0.3), Some(0.0), Some(0.5), Some(1.2)] {
                let score = fuse(lexical, semantic, lexical < 3.0);
                assert!(
                    (0.0..=1.0).contains(&score),
                    "{lexical} {semantic:?}: {score}"
                );
            }
        }
        assert_eq!(fuse(1000.0, Some(0.1), false), 1.0);
        assert!(lookup_rank(1000.0) > lookup_rank(500.0));
        assert_eq!(lookup_rank(499.0), 0.0);
    }

    #[test]
    fn a_better_lexical_match_never_scores_less() {
        let mut last = 0.0;
        for lexical in [0.0, 0.3, 1.0, 4.0, 20.0, 100.0, 499.0] {
            let score = fuse(lexical, Some(0.4), false);
            assert!(score >= last);
            last = score;
        }
    }
}
