//! The weights and thresholds of the search's ranking, each with why it
//! is what it is. How well they rank is the quality tests' to measure, not
//! recorded here.

use crate::standalone::fields::{self, FIELDS};

/// How much a word counts in each field: the message, the user message,
/// further information, the category, the server's templates, another
/// entry's text that points at this code, the old documentation's other
/// meaning of the code (or of another code, whose meaning it is today),
/// the words a server message was seen to fill its placeholders with (an
/// example, which says less than the template), and how people describe
/// the entry's situation (phrasings.toml).
pub(super) const FIELD_WEIGHTS: [f64; FIELDS] = {
    let mut weights = [0.0; FIELDS];
    weights[fields::MESSAGE] = 3.0;
    weights[fields::USER_MESSAGE] = 2.0;
    weights[fields::FURTHER] = 1.0;
    weights[fields::CATEGORY] = 1.5;
    weights[fields::SERVER] = 1.0;
    weights[fields::CROSS_REFERENCE] = 1.2;
    weights[fields::HISTORY] = 2.0;
    weights[fields::FILLED] = 0.5;
    weights[fields::PHRASING] = 1.0;
    weights
};
/// BM25's saturation and length normalisation.
pub(super) const K1: f64 = 1.2;
pub(super) const B: f64 = 0.5;
/// What a synonym counts for, against the word the user typed.
pub(super) const SYNONYM_WEIGHT: f64 = 0.85;
/// What a broader word counts for when the user typed a narrower one
/// (`authenticate` for `login`).
pub(super) const BROADER_WEIGHT: f64 = 0.7;
/// What a near spelling counts for, by its number of edits.
pub(super) const TYPO_WEIGHTS: [f64; 3] = [1.0, 0.7, 0.5];
/// What a word the query's word begins counts for (`auth` for `authenticate`).
pub(super) const PREFIX_WEIGHT: f64 = 0.6;
/// What another form of the same word family counts for (`creation` for
/// `create`), and how long a prefix the family shares at least.
pub(super) const DERIVED_WEIGHT: f64 = 0.7;
pub(super) const MIN_FAMILY_PREFIX: usize = 5;
/// The bonus, as a share of the two slots' scores, when they stand within
/// `NEAR` words of each other in one field.
pub(super) const PROXIMITY_BONUS: f64 = 0.25;
pub(super) const NEAR: u16 = 3;
/// How far apart two words of a phrase may stand and still spell it: next
/// to each other, or with a stop word between.
pub(super) const PHRASE_GAP: u16 = 3;
/// Scores given to entries a query names by number or quotes the message
/// of, above any word score.
pub(super) const EXACT_CODE_SCORE: f64 = 1000.0;
pub(super) const QUOTED_MESSAGE_SCORE: f64 = 800.0;
pub(super) const CODE_PREFIX_SCORE: f64 = 500.0;
/// What a word match counts for in an entry the published reference never
/// listed: the server used those codes rarely, so a tie goes to the
/// documented code.
pub(super) const UNDOCUMENTED_PRIOR: f64 = 0.8;
/// How much more a word counts in an entry where it tells the entry apart
/// from a near twin (`Group` in 7105 against 7106's `Directory`).
pub(super) const DISTINGUISHING_WEIGHT: f64 = 1.5;
/// How much more a word match counts in a category the query names by a
/// cue (`smtp login failed` is about the SMTP server).
pub(super) const CATEGORY_CUE: f64 = 0.5;
/// How many entries a query word that matches none counts as standing in,
/// by its English tier, for the share of the question no entry answers:
/// an everyday word (`yet`, `keeps`) is filler, a word English does not
/// know (`cors`) is a subject the catalog lacks.
pub(super) const UNMATCHED_ENTRIES: [usize; 2] = [40, 3];
/// How many entries a word that matches none counts as standing in when it
/// narrows the next word, which does match (see `score_words`).
pub(super) const NARROWING_UNMATCHED_ENTRIES: usize = 1;
/// The least lexical score a hit needs to be an answer rather than a
/// guess when search runs without the model (and what the lexical rules'
/// tests hold them to): most questions the catalog cannot answer fall
/// below it, almost no answerable one does. Chosen on the development
/// part of the evaluation sets (with the phrasings indexed, 1.5 refuses 34
/// of their 67 unanswerable questions and 10 of 585 answerable ones); the
/// quality tests hold what it refuses there.
pub(super) const LEXICAL_ANSWER_SCORE: f64 = 1.5;
/// A query of at most this many words, all of which the catalog has,
/// browses a subject: the lexical threshold answers it (see `fusion`).
pub(super) const BROWSE_WORDS: usize = 2;
/// The lexical score that counts half as much as a perfect match, when it
/// is squashed into [0, 1) for the fusion: a query's words matching a rare
/// term in the message scores about 10.
pub(super) const LEXICAL_HALF: f64 = 10.0;
/// What the semantic similarity weighs in the fused score; the squashed
/// lexical score weighs the rest. The semantic side alone ranks better
/// than the lexical side alone on every kind of query but the pasted log
/// line; the lexical side still breaks its near ties.
#[cfg(feature = "semantic")]
pub(super) const SEMANTIC_WEIGHT: f64 = 0.7;
/// The least fused score of an answer: chosen on the third blind
/// development set so that 80% of its unanswerable questions fall below
/// (4% of its answerable ones do).
#[cfg(feature = "semantic")]
pub(super) const SEMANTIC_ANSWER_SCORE: f64 = 0.38;
/// An entry's semantic similarity: its closest phrasing counts half, its
/// next closest a quarter (an entry the query is near in more than one
/// wording is a safer answer), and its own text a quarter.
#[cfg(feature = "semantic")]
pub(super) const PHRASING_SHARE: f64 = 0.5;
#[cfg(feature = "semantic")]
pub(super) const NEXT_PHRASING_SHARE: f64 = 0.25;
#[cfg(feature = "semantic")]
pub(super) const OWN_TEXT_SHARE: f64 = 0.25;
/// A word common in everyday English counts as if it stood in at least
/// this many entries, by its SCOWL tier (sizes 35 and 50): in a catalog of
/// under two hundred entries, `after` or `check` is rare by chance, not
/// because it names an error.
pub(super) const ENGLISH_MIN_ENTRIES: [usize; 2] = [8, 3];
/// How much more a word match counts in an entry whose short message the
/// query says whole.
pub(super) const SAID_MESSAGE: f64 = 0.5;
/// Words past this many are ignored: a longer query is a pasted document.
pub(super) const MAX_QUERY_WORDS: usize = 64;
