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
// redesign: old path
pub use crate::standalone::words as text;

use crate::catalog::{self, Category, Entry, Selector};
use crate::standalone::fields::{self, FIELDS};
use crate::quotes;
use index::{Phrase, Relation, Term};
use std::collections::BTreeSet;

/// How much a word counts in each field (see `fields`): most in the
/// message, less in the user message, the old documentation's other
/// meaning of the code (or of another code, whose meaning it is today) and
/// another entry's text that points at this code; least in the words a
/// server message was seen to fill its placeholders with: an example, which
/// says less than the template.
const FIELD_WEIGHTS: [f64; FIELDS] = {
    let mut weights = [0.0; FIELDS];
    weights[fields::MESSAGE] = 3.0;
    weights[fields::USER_MESSAGE] = 2.0;
    weights[fields::FURTHER] = 1.0;
    weights[fields::CATEGORY] = 1.5;
    weights[fields::SERVER] = 1.0;
    weights[fields::CROSS_REFERENCE] = 1.2;
    weights[fields::HISTORY] = 2.0;
    weights[fields::FILLED] = 0.5;
    weights
};
/// BM25's saturation and length normalisation.
const K1: f64 = 1.2;
const B: f64 = 0.5;
/// What a synonym counts for, against the word the user typed.
const SYNONYM_WEIGHT: f64 = 0.85;
/// What a broader word counts for when the user typed a narrower one
/// (`authenticate` for `login`).
const BROADER_WEIGHT: f64 = 0.7;
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
/// How far apart two words of a phrase may stand and still spell it: next
/// to each other, or with a stop word between.
const PHRASE_GAP: u16 = 3;
/// Scores given to entries a query names by number or quotes the message
/// of, above any word score.
const EXACT_CODE_SCORE: f64 = 1000.0;
const QUOTED_MESSAGE_SCORE: f64 = 800.0;
const CODE_PREFIX_SCORE: f64 = 500.0;
/// What a word match counts for in an entry the published reference never
/// listed: the server used those codes rarely, so a tie goes to the
/// documented code.
const UNDOCUMENTED_PRIOR: f64 = 0.8;
/// How much more a word counts in an entry where it tells the entry apart
/// from a near twin (`Group` in 7105 against 7106's `Directory`).
const DISTINGUISHING_WEIGHT: f64 = 1.5;
/// How much more a word match counts in a category the query names by a
/// cue (`smtp login failed` is about the SMTP server).
const CATEGORY_CUE: f64 = 0.5;
/// How many entries a query word that matches none counts as standing in,
/// by its English tier, for the share of the question no entry answers:
/// an everyday word (`yet`, `keeps`) is filler, a word English does not
/// know (`cors`) is a subject the catalog lacks.
const UNMATCHED_ENTRIES: [usize; 2] = [40, 3];
/// How many entries a word that matches none counts as standing in when it
/// narrows the next word, which does match (see `score_words`).
const NARROWING_UNMATCHED_ENTRIES: usize = 1;
/// The least score a hit needs to be an answer rather than a guess. Chosen
/// on tests/data's sets, where it refused 21 of the 32 unanswerable
/// questions and 1 of the 315 answerable ones (one search ranked wrong
/// anyway); 1.1 refused one more of each, 0.9 one unanswerable fewer. Since
/// a ticket's wrapping says nothing alone, it refuses 22 (`help`).
const ANSWER_SCORE: f64 = 1.0;
/// A word common in everyday English counts as if it stood in at least
/// this many entries, by its SCOWL tier (sizes 35 and 50): in a catalog of
/// 165 entries, `after` or `check` is rare by chance, not because it names
/// an error.
const ENGLISH_MIN_ENTRIES: [usize; 2] = [8, 3];
/// How much more a word match counts in an entry whose short message the
/// query says whole.
const SAID_MESSAGE: f64 = 0.5;
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
    /// How many entries the slot counts as standing in at least, for how
    /// common its word is in English (0 for a phrase of the vocabulary).
    min_entries: usize,
    /// How many entries it counts as standing in if it matches none.
    unmatched_entries: usize,
    /// The places in the query of its first and last words.
    first: u16,
    last: u16,
}

/// The hits for `query` that are answers, best first; at most `limit`, or
/// all of them for 0.
///
/// ```
/// let hits = sperr::search::search("pasword incorect", 3);
/// assert_eq!(hits[0].entry.code, 7100);
/// ```
pub fn search(query: &str, limit: usize) -> Vec<Hit> {
    let mut hits = ranked(query, None);
    hits.retain(is_answer);
    if limit > 0 {
        hits.truncate(limit);
    }
    hits
}

/// Whether a hit matches well enough to be an answer; a weaker one is at
/// most a guess.
pub fn is_answer(hit: &Hit) -> bool {
    hit.score >= ANSWER_SCORE
}

/// Every entry the query matches at all, in `category` if one is given,
/// best first.
pub fn ranked(query: &str, category: Option<&'static Category>) -> Vec<Hit> {
    let stemmer = text::stemmer();
    let tokens = text::tokenize(query, &stemmer);
    let mut scores = vec![0.0f64; catalog::entries().len()];
    let mut matched: Vec<BTreeSet<&'static str>> = vec![BTreeSet::new(); scores.len()];

    let lookups = code_lookups(query);
    for lookup in &lookups {
        score_lookup(&lookup.selector, &mut scores);
    }
    score_quoted_messages(query, &mut scores);
    let words: Vec<text::Token> = tokens
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
    let mut hits: Vec<Hit> = scores
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            **s > 0.0 && category.is_none_or(|c| std::ptr::eq(entries[*i].category(), c))
        })
        .map(|(i, &score)| Hit {
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
fn query_stems(words: &[text::Token]) -> Vec<&str> {
    let mut stems: Vec<&str> = Vec::new();
    let mut last_position = None;
    for token in words {
        // camelCase parts stand at their word's position: the word says it.
        if last_position != Some(token.position) && !text::is_stopword(&token.word) {
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
fn cued_categories(words: &[text::Token]) -> Vec<&'static Category> {
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

/// A part of the query that names codes by number, and where it stands.
#[derive(Debug, PartialEq)]
struct Lookup {
    selector: Selector,
    span: std::ops::Range<usize>,
}

/// The parts of the query that name codes. A number is a code when it has
/// a code's shape (4 or 5 digits) and stands alone, or is written as one
/// (`error-7100`, a moreInfo URL, `"code": 7100`); a prefix only as a
/// pattern (`71xx`, `71*`) or when the whole query is that number. Digits
/// fused to units, dates, times, query parameters or identifiers (`10MB`,
/// `2016-05-01`, `?limit=50`) and a 3-digit HTTP status are text.
fn code_lookups(query: &str) -> Vec<Lookup> {
    let whole = query.trim();
    if !whole.is_empty() && whole.len() <= 5 && whole.bytes().all(|b| b.is_ascii_digit()) {
        let start = query.len() - query.trim_start().len();
        return vec![Lookup {
            selector: Selector::Pattern {
                prefix: whole.to_string(),
                width: None,
            },
            span: start..start + whole.len(),
        }];
    }
    let mut lookups = Vec::new();
    let mut previous = "";
    for (start, chunk) in chunks(query) {
        // `since 2016`, `in 2015`: a year, however much it looks like a code.
        let after_time_word = YEAR_WORDS.iter().any(|w| previous.eq_ignore_ascii_case(w));
        previous = chunk;
        if after_time_word && is_year(chunk) {
            continue;
        }
        let trimmed = chunk.trim_start_matches(['"', '\'', '(', '[', '{', '<']);
        let begin = start + chunk.len() - trimmed.len();
        let trimmed =
            trimmed.trim_end_matches(['"', '\'', ')', ']', '}', '>', '.', ',', ';', ':', '!', '?']);
        if let Some(selector) = code_selector(trimmed) {
            lookups.push(Lookup {
                selector,
                span: begin..begin + trimmed.len(),
            });
        }
    }
    lookups
}

/// Words after which a number of a year's shape is a year.
const YEAR_WORDS: &[&str] = &[
    "in", "since", "until", "till", "before", "after", "during", "from", "by",
];

fn is_year(chunk: &str) -> bool {
    let digits = chunk.trim_end_matches([',', '.', ';', ':', ')']);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.starts_with("19") || digits.starts_with("20"))
}

/// The whitespace-separated chunks of a text, with their byte offsets.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .filter(|c| !c.is_empty())
        .map(move |c| (c.as_ptr() as usize - text.as_ptr() as usize, c))
}

/// What one chunk of a query names by number, if it is written as a code.
fn code_selector(chunk: &str) -> Option<Selector> {
    // `"code":7100` or `code=7100`: a field that holds a code.
    let value = match chunk.rsplit_once([':', '=']) {
        Some((key, value))
            if key
                .trim_matches(['"', '\''])
                .to_ascii_lowercase()
                .ends_with("code") =>
        {
            value.trim_matches(['"', '\''])
        }
        _ => chunk,
    };
    let is_code = |n: &str| (4..=5).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    // `stormpath.web.errors.7200`, `status.7200`, `errors/7200`: a key or a
    // path whose last part is a code under a word that says so.
    let mut parts = value.rsplit(['.', '/']);
    if let (Some(last), Some(parent)) = (parts.next(), parts.next())
        && is_code(last)
        && ["error", "errors", "status", "code"].contains(&parent.to_ascii_lowercase().as_str())
    {
        return last.parse().ok().map(Selector::Code);
    }
    let digits = value.trim_start_matches(|c: char| !c.is_ascii_digit());
    let selector = catalog::parse_selector(value).ok()?;
    let shaped = match &selector {
        Selector::Code(_) => is_code(digits) || catalog::code_in_url(value).is_some(),
        Selector::Range(..) => {
            let (low, high) = digits.split_once('-')?;
            is_code(low) && is_code(high.trim_start_matches(|c: char| !c.is_ascii_digit()))
        }
        // A pattern says so: `71xx`, `71*`.
        Selector::Pattern { prefix, .. } => !prefix.is_empty() && value.len() > prefix.len(),
    };
    shaped.then_some(selector)
}

/// Codes the query names by number score above any word match: an exact
/// code most, the codes of a pattern or range next.
fn score_lookup(selector: &Selector, scores: &mut [f64]) {
    let exact = match selector {
        Selector::Code(code) => Some(*code),
        Selector::Pattern { prefix, .. } => prefix.parse().ok(),
        Selector::Range(..) => None,
    };
    for (i, entry) in catalog::entries().iter().enumerate() {
        if selector.contains(entry.code) {
            scores[i] += if exact == Some(entry.code) {
                EXACT_CODE_SCORE
            } else {
                CODE_PREFIX_SCORE
            };
        }
    }
}

/// A query that quotes a catalog message, or a server message with its
/// placeholders filled in, names that code.
fn score_quoted_messages(query: &str, scores: &mut [f64]) {
    let mut seen = Vec::new();
    for (code, _, _) in quotes::find_quotes(query.as_bytes()) {
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
        for p in t.postings().filter(|p| p.field == fields::HISTORY) {
            in_history[p.entry] |= matched[p.entry].contains(t.stem());
        }
    }
    in_history
}

/// One word of the query, as the ranking reads it.
#[derive(Debug, Clone)]
struct QueryWord {
    readings: Vec<Alternative>,
    /// A stop word may spell a part of a phrase (`sign in`), but says
    /// nothing alone.
    stop: bool,
    /// How common it is in English (see `index::english_tier`).
    tier: Option<u8>,
    position: u16,
}

/// Reads the query into slots: typos corrected against the catalog's
/// words, synonym phrases grouped, stop words dropped once no phrase
/// needs them.
fn slots(tokens: &[text::Token]) -> Vec<Slot> {
    let words = query_words(tokens);
    let mut slots: Vec<Slot> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (spelled, group_alternatives) = longest_synonym_phrase(&words[i..]);
        // A stop word begins a phrase only if the next word does not begin
        // a longer one: `cant login` is `not login`, not `can not` + `login`.
        if words[i].stop {
            let (next, _) = longest_synonym_phrase(&words[i + 1..]);
            if spelled == 0
                || content_words(&words[i + 1..i + 1 + next])
                    > content_words(&words[i..i + spelled])
            {
                i += 1;
                continue;
            }
        }
        if spelled > 0 {
            let phrase = &words[i..i + spelled];
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
                    words: phrase
                        .iter()
                        .filter(|w| !w.stop)
                        .map(|w| w.readings.clone())
                        .collect(),
                    min_entries: 0,
                    unmatched_entries: 1,
                    first: phrase[0].position,
                    last: phrase[spelled - 1].position,
                });
            }
            i += spelled;
        } else {
            let word = &words[i];
            slots.push(Slot {
                alternatives: word.readings.clone(),
                words: Vec::new(),
                min_entries: english_min_entries(word.tier),
                unmatched_entries: by_tier(UNMATCHED_ENTRIES, word.tier).unwrap_or(1),
                first: word.position,
                last: word.position,
            });
            i += 1;
        }
    }
    slots
}

/// The query's words, one per position (camelCase parts share their
/// word's), with their readings; at most `MAX_QUERY_WORDS` that are not
/// stop words.
fn query_words(tokens: &[text::Token]) -> Vec<QueryWord> {
    let mut words: Vec<QueryWord> = Vec::new();
    let mut last_position = None;
    let mut content = 0;
    for token in tokens {
        if last_position == Some(token.position) {
            continue; // a camelCase part: the whole word stands for it
        }
        last_position = Some(token.position);
        let stop = text::says_nothing_alone(&token.word);
        // A word that says nothing alone reads as the vocabulary keeps it:
        // a stop word as written, an auxiliary by its stem.
        let readings = if stop {
            let as_kept = if text::is_stopword(&token.word) {
                &token.word
            } else {
                &token.stem
            };
            vec![Alternative {
                stems: vec![as_kept.clone()],
                weight: 1.0,
            }]
        } else {
            readings(&token.word, &token.stem)
        };
        words.push(QueryWord {
            readings,
            stop,
            tier: index::english_tier(&token.word).or_else(|| term(&token.stem)?.english_tier()),
            position: token.position,
        });
        content += usize::from(!stop);
        if content == MAX_QUERY_WORDS {
            break;
        }
    }
    words
}

fn content_words(words: &[QueryWord]) -> usize {
    words.iter().filter(|w| !w.stop).count()
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
    if term(stem).is_none() && !index::in_vocabulary(stem) && may_be_misspelt(word) {
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

/// Whether a word the catalog does not know may be a typo of one it does:
/// not when it is an English word or holds digits (a date, `10mb`).
fn may_be_misspelt(word: &str) -> bool {
    !word.bytes().any(|b| b.is_ascii_digit()) && index::english_tier(word).is_none()
}

/// How many entries a word of this English tier counts as standing in at
/// least (see `ENGLISH_MIN_ENTRIES`).
fn english_min_entries(tier: Option<u8>) -> usize {
    by_tier(ENGLISH_MIN_ENTRIES, tier).unwrap_or(0)
}

/// The value for an English tier, if the word has one.
fn by_tier(values: [usize; 2], tier: Option<u8>) -> Option<usize> {
    values.get(usize::from(tier?).checked_sub(1)?).copied()
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

/// The longest vocabulary phrase that the words starting here spell, read
/// with each word's best reading; how many of the words it takes, and that
/// phrase with every phrase it reaches ("sms" is both a phone and a second
/// factor), as the stems the catalog's index holds.
fn longest_synonym_phrase(words: &[QueryWord]) -> (usize, Vec<Alternative>) {
    let (mut length, mut taken) = (0, 0);
    let mut alternatives: Vec<Alternative> = Vec::new();
    for synonyms in index::synonyms() {
        let reach = match synonyms.relation() {
            Relation::Synonym => SYNONYM_WEIGHT,
            Relation::Abbreviation => 1.0,
            Relation::Broader => BROADER_WEIGHT,
        };
        for phrase in synonyms.from() {
            if phrase.len() < length {
                continue;
            }
            let Some((weight, spelled)) = spelled_weight(phrase, words) else {
                continue;
            };
            if phrase.len() > length {
                (length, taken) = (phrase.len(), 0);
                alternatives.clear();
            }
            taken = taken.max(spelled);
            let reached = synonyms.to().filter(|p| *p != phrase);
            for (p, weight) in
                std::iter::once((phrase, weight)).chain(reached.map(|p| (p, weight * reach)))
            {
                let stems: Vec<String> = p.content_stems().map(str::to_string).collect();
                match alternatives.iter_mut().find(|a| a.stems == stems) {
                    Some(a) => a.weight = a.weight.max(weight),
                    None => alternatives.push(Alternative { stems, weight }),
                }
            }
        }
    }
    (taken, alternatives)
}

/// Whether the words starting here spell a phrase, with the weight of that
/// reading (the product of the readings it takes: a typo's spelling weighs
/// less) and how many words it takes. Between two of the phrase's words
/// the query may have stop words the phrase lacks (`not been verified`
/// spells `not verified`), but never lack one it has (`sign` is no
/// `sign in`).
fn spelled_weight(phrase: Phrase, words: &[QueryWord]) -> Option<(f64, usize)> {
    let mut weight = 1.0;
    let mut at = 0;
    for (n, stem) in phrase.stems().enumerate() {
        let reading = |w: &QueryWord| {
            w.readings
                .iter()
                .find(|a| a.stems == [stem])
                .map(|a| a.weight)
        };
        if n > 0 {
            while words
                .get(at)
                .is_some_and(|w| w.stop && reading(w).is_none())
            {
                at += 1;
            }
        }
        weight *= reading(words.get(at)?)?;
        at += 1;
    }
    Some((weight, at))
}

fn term(stem: &str) -> Option<Term> {
    index::term(stem)
}

/// Each entry's score for one slot: its best alternative's, or for a
/// phrase, the share of its words the entry has, if that is more.
fn score_slot(slot: &Slot, matched: &mut [BTreeSet<&'static str>]) -> Vec<f64> {
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
fn slot_importance(per_entry: &[f64], min_entries: usize) -> f64 {
    let matching = per_entry.iter().filter(|s| **s > 0.0).count();
    if matching == 0 {
        return 0.0;
    }
    inverse_frequency(matching.max(min_entries))
}

/// BM25's inverse document frequency of a word in `df` of the entries;
/// computed at build time, so the binary needs no maths library.
fn inverse_frequency(df: usize) -> f64 {
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

/// Where a reading of a slot stands, and its weight.
struct Place {
    entry: usize,
    field: usize,
    position: u16,
    weight: f64,
}

/// Where a slot's readings stand. A phrase stands where its rarest word
/// does: `not set` is not wherever `not` is.
fn places(slot: &Slot) -> Vec<Place> {
    let mut places = Vec::new();
    for alternative in &slot.alternatives {
        let rarest = alternative
            .stems
            .iter()
            .filter_map(|s| term(s))
            .min_by_key(|t| t.entries());
        for p in rarest.iter().flat_map(|t| t.postings()) {
            for &position in p.positions {
                places.push(Place {
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

/// Catalog words close to the query's words, for a search that found
/// nothing: the spellings a user may have meant.
pub fn suggestions(query: &str) -> Vec<&'static str> {
    let stemmer = text::stemmer();
    let mut found = Vec::new();
    // A word that says nothing alone was read and left out, not missed.
    for token in text::tokenize(query, &stemmer)
        .into_iter()
        .filter(|t| !text::says_nothing_alone(&t.word))
    {
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

    fn codes_named(query: &str) -> Vec<Selector> {
        code_lookups(query)
            .into_iter()
            .map(|l| l.selector)
            .collect()
    }

    #[test]
    fn a_number_is_a_code_only_in_a_codes_shape() {
        assert_eq!(codes_named("error 7100 again"), [Selector::Code(7100)]);
        assert_eq!(codes_named("(#error-7101)."), [Selector::Code(7101)]);
        assert_eq!(codes_named(r#"{"code":7102,"#), [Selector::Code(7102)]);
        assert_eq!(codes_named("7100-7102"), [Selector::Range(7100, 7102)]);
        assert_eq!(
            codes_named("stormpath.web.errors.7200"),
            [Selector::Code(7200)]
        );
        assert_eq!(codes_named("version.2016 v1.7100"), []);
        assert!(matches!(
            &codes_named("71xx locked")[..],
            [Selector::Pattern { .. }]
        ));
        for text in [
            "POST /accounts returns 400",
            "customData over the 10MB limit",
            "?limit=50&limit=100",
            "2016-05-01 12:30:00 WARN",
            "since 2016 users get locked",
            "user_7100 and id=7100 and 633559",
        ] {
            assert_eq!(codes_named(text), [], "{text}");
        }
        // The whole query a number: the codes it begins.
        assert!(matches!(
            &codes_named(" 71 ")[..],
            [Selector::Pattern { .. }]
        ));
    }

    #[test]
    fn numbers_in_free_text_do_not_outrank_its_words() {
        let status = top("POST /accounts returns 400");
        assert!(
            !status.starts_with(&[4001]) && !status.starts_with(&[4002]),
            "{status:?}"
        );
        assert_eq!(
            top("2016-05-01 WARN Login attempt failed because the Account is disabled.")[0],
            7101
        );
        assert_eq!(top("since 2016 users get account locked")[0], 7103);
        assert!(
            !top("customData over the 10MB limit")[0]
                .to_string()
                .starts_with("100")
        );
        assert_eq!(top("71xx locked")[0], 7103);
    }

    #[test]
    fn contractions_do_not_leave_stray_words() {
        assert_ne!(top("can't reset my password").first(), Some(&13001));
        assert!((7100..=7107).contains(&top("cant login")[0]));
    }

    #[test]
    fn an_english_word_is_no_typo() {
        assert!(!readings("says", "say").iter().any(|a| a.stems == ["stay"]));
        assert_eq!(top("the page says my account is locked")[0], 7103);
        assert!(
            readings("pasword", "pasword")
                .iter()
                .any(|a| a.stems == ["password"])
        );
        assert_eq!(readings("2017", "2017").len(), 1, "no typo of a number");
    }

    #[test]
    fn everyday_words_weigh_less_than_the_catalogs_rare_ones() {
        // `after` stands in one entry, but it is everyday English.
        let after = term("after").unwrap();
        let session = term("session").unwrap();
        assert!(idf(after, 0) <= idf(session, 0) + 1e-9);
        assert_ne!(top("session expired after one day").first(), Some(&10012));
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
    fn relations_are_one_way() {
        let reads = |q: &str| -> Vec<Vec<String>> {
            slots(&text::tokenize(q, &text::stemmer()))
                .into_iter()
                .flat_map(|s| s.alternatives.into_iter().map(|a| a.stems))
                .collect()
        };
        assert!(reads("pw").contains(&vec!["password".to_string()]));
        assert!(!reads("credentials").contains(&vec!["password".to_string()]));
        assert!(reads("login").contains(&vec!["authent".to_string()]));
        assert!(!reads("authenticate").contains(&vec!["login".to_string()]));
        assert_eq!(top("bad pw")[0], 7100);
    }

    #[test]
    fn a_phrase_of_the_vocabulary_needs_its_stop_words_in_the_query() {
        let reads = |q: &str| -> Vec<Vec<String>> {
            slots(&text::tokenize(q, &text::stemmer()))
                .into_iter()
                .flat_map(|s| s.alternatives.into_iter().map(|a| a.stems))
                .collect()
        };
        let login = vec!["login".to_string()];
        assert!(reads("sign in").contains(&login));
        assert!(reads("log in to the console").contains(&login));
        assert!(!reads("sign my jwt").contains(&login), "sign is no sign in");
        assert!(!reads("the audit log").contains(&login), "log is no log in");
        // A stop word the phrase lacks may stand between its words.
        assert!(reads("account not been verified").contains(&vec!["unverifi".to_string()]));
        // `cant login` is `not login`, the login family, not `can not`
        // and `login`.
        let failed: Vec<String> = ["login", "attempt", "fail"].map(String::from).to_vec();
        assert!(reads("cant login").contains(&failed));
    }

    #[test]
    fn an_auxiliary_spells_a_phrase_but_says_nothing_alone() {
        let alone = slots(&text::tokenize(
            "account has been disabled",
            &text::stemmer(),
        ));
        assert!(
            !alone.iter().any(|s| s.alternatives[0].stems == ["has"]),
            "{alone:?}"
        );
        // `missing` reads as 5100's "does not have a default Account Store".
        assert!(top("default account store missing for application")[..3].contains(&5100));
        assert!(top("application has no default account store")[..3].contains(&5100));
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
    fn a_category_cue_weighs_toward_its_category() {
        assert_eq!(top("smtp login failed")[0], 13001);
        let cued = cued_categories(&text::tokenize(
            "the mail server, custom data",
            &text::stemmer(),
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
            let tokens = text::tokenize(q, &text::stemmer());
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
    fn the_words_that_tell_near_twins_apart_are_known() {
        let group = term("group").unwrap();
        let position = |code| catalog::position(code).unwrap();
        assert!(group.distinguishes(position(7105)));
        assert!(!group.distinguishes(position(7100)));
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
