//! Reading a query: its words, each with its readings (itself, its typos'
//! corrections, completions, other forms of its family, a negation spelt
//! as one word), grouped into slots where they spell a phrase of the
//! synonym vocabulary.

use super::index::{self, Phrase, Relation, Term};
use super::term;
use super::tuning::{
    BROADER_WEIGHT, DERIVED_WEIGHT, ENGLISH_MIN_ENTRIES, MAX_QUERY_WORDS, MIN_FAMILY_PREFIX,
    PREFIX_WEIGHT, SYNONYM_WEIGHT, TYPO_WEIGHTS, UNMATCHED_ENTRIES,
};
use crate::standalone::words::{self, Token};

/// The query without what a terminal would act on: escape sequences
/// (`\x1b[2J`, a title's `\x1b]0;…\x07`) go, other control characters
/// become spaces. A paste often brings them along, and they are no words.
pub fn without_controls(query: &str) -> String {
    let mut text = String::with_capacity(query.len());
    let mut chars = query.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters, then a final byte from `@` to `~`.
                Some('[') => while chars.next().is_some_and(|c| !('@'..='~').contains(&c)) {},
                // OSC: to BEL or ESC `\`.
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' || c == '\u{1b}' && chars.next_if_eq(&'\\').is_some() {
                            break;
                        }
                    }
                }
                _ => {}
            },
            c if c.is_control() => text.push(' '),
            c => text.push(c),
        }
    }
    text
}

/// A way of reading one slot of the query.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Alternative {
    pub(super) stems: Vec<String>,
    pub(super) weight: f64,
}

/// One thing the query asks about.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Slot {
    pub(super) alternatives: Vec<Alternative>,
    /// For a phrase, each of its words' own readings: an entry that has
    /// some of the words (or their forms) still counts for part of it.
    pub(super) words: Vec<Vec<Alternative>>,
    /// How many entries the slot counts as standing in at least, for how
    /// common its word is in English (0 for a phrase of the vocabulary).
    pub(super) min_entries: usize,
    /// How many entries it counts as standing in if it matches none.
    pub(super) unmatched_entries: usize,
    /// The places in the query of its first and last words.
    pub(super) first: u16,
    pub(super) last: u16,
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
pub(super) fn slots(tokens: &[Token]) -> Vec<Slot> {
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
fn query_words(tokens: &[Token]) -> Vec<QueryWord> {
    let mut words: Vec<QueryWord> = Vec::new();
    let mut last_position = None;
    let mut content = 0;
    for token in tokens {
        if last_position == Some(token.position) {
            continue; // a camelCase part: the whole word stands for it
        }
        last_position = Some(token.position);
        let stop = words::says_nothing_alone(&token.word);
        // A word that says nothing alone reads as the vocabulary keeps it:
        // a stop word as written, an auxiliary by its stem.
        let readings = if stop {
            let as_kept = if words::is_stopword(&token.word) {
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

/// The query with each word the catalog does not know, and may be a
/// typo of one it does, replaced by the nearest catalog word: what the
/// sentence model reads, since it cannot see `pasword` as `password`.
#[cfg(feature = "semantic")]
pub(super) fn corrected(query: &str, tokens: &[Token]) -> String {
    let mut text = String::with_capacity(query.len());
    let mut copied = 0;
    for token in tokens {
        if token.start < copied {
            continue;
        }
        // An abbreviation of the vocabulary, written out: the model reads
        // `usr disabled` as it reads `user disabled`.
        if let Some(full) = index::written_out(&token.word.to_lowercase()) {
            text.push_str(&query[copied..token.start]);
            text.push_str(full);
            copied = token.end;
            continue;
        }
        if term(&token.stem).is_some() {
            continue;
        }
        if index::in_vocabulary(&token.stem) || !may_be_misspelt(&token.word) {
            continue;
        }
        if let Some(nearest) = nearest_word(&token.word) {
            text.push_str(&query[copied..token.start]);
            text.push_str(nearest);
            copied = token.end;
        }
    }
    text.push_str(&query[copied..]);
    text
}

/// The catalog word nearest to `word` within its typo budget; the first in
/// the index's order among equals.
#[cfg(feature = "semantic")]
fn nearest_word(word: &str) -> Option<&'static str> {
    within_typo_budget(word)
        .min_by_key(|(distance, _, _)| *distance)
        .map(|(_, known, _)| known)
}

/// Whether a word the catalog does not know may be a typo of one it does:
/// not when it is an English word or holds digits (a date, `10mb`).
fn may_be_misspelt(word: &str) -> bool {
    !word.bytes().any(|b| b.is_ascii_digit()) && index::english_tier(word).is_none()
}

/// How many entries a word of this English tier counts as standing in at
/// least (see `ENGLISH_MIN_ENTRIES`).
pub(super) fn english_min_entries(tier: Option<u8>) -> usize {
    by_tier(ENGLISH_MIN_ENTRIES, tier).unwrap_or(0)
}

/// The value for an English tier, if the word has one.
fn by_tier(values: [usize; 2], tier: Option<u8>) -> Option<usize> {
    values.get(usize::from(tier?).checked_sub(1)?).copied()
}

/// The catalog words nearest to a word it does not know, within the typo
/// budget; only those at the smallest distance found.
fn near_spellings(word: &str) -> Vec<Alternative> {
    let mut alternatives = Vec::new();
    let mut best = usize::MAX;
    for (distance, _, known_term) in within_typo_budget(word) {
        if distance <= best {
            if distance < best {
                alternatives.clear();
                best = distance;
            }
            push_unique(&mut alternatives, known_term.stem(), TYPO_WEIGHTS[distance]);
        }
    }
    alternatives
}

/// The catalog words within `word`'s typo budget, with their distance.
fn within_typo_budget(word: &str) -> impl Iterator<Item = (usize, &'static str, Term)> + '_ {
    let budget = typo_budget(word);
    index::words()
        .filter(move |(known, _)| known.len().abs_diff(word.len()) <= budget)
        .filter_map(move |(known, term)| {
            let distance = strsim::osa_distance(word, known);
            (distance <= budget).then_some((distance, known, term))
        })
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
    let stem = words::stem_word(rest, &words::stemmer());
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
pub(crate) fn typo_budget(word: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::top;

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
        let slots = slots(&words::tokenize("sign in", &words::stemmer()));
        assert_eq!(slots.len(), 1, "a phrase is one slot");
        assert!(slots[0].alternatives.iter().any(|a| a.stems == ["login"]));
    }

    #[test]
    fn contractions_do_not_leave_stray_words() {
        assert_ne!(top("can't reset my password").first(), Some(&13001));
        #[cfg(feature = "semantic")]
        {
            let first = crate::search::tests::answers_to("cant login")[0];
            assert!((7100..=7107).contains(&first));
        }
    }

    #[cfg(feature = "semantic")]
    #[test]
    fn the_model_reads_the_query_with_its_typos_corrected() {
        let stemmer = words::stemmer();
        let read = |q: &str| corrected(q, &words::tokenize(q, &stemmer));
        assert_eq!(read("pasword incorect!"), "password incorrect!");
        assert_eq!(read("My Pasword says no"), "My password says no");
        assert_eq!(read("got a 409 after 3 tries"), "got a 409 after 3 tries");
        assert_eq!(
            read("usr disabled, Pwd wrong"),
            "user disabled, password wrong"
        );
        assert_eq!(read("2FA failed"), "multi factor failed");
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
    fn relations_are_one_way() {
        let reads = |q: &str| -> Vec<Vec<String>> {
            slots(&words::tokenize(q, &words::stemmer()))
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
            slots(&words::tokenize(q, &words::stemmer()))
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
    fn a_terminals_escapes_and_control_characters_are_no_words() {
        assert_eq!(without_controls("locked\u{1b}[2J\u{7}"), "locked ");
        assert_eq!(without_controls("\u{1b}]0;pwned\u{7}"), "");
        assert_eq!(without_controls("a\u{1b}]2;t\u{1b}\\b\tc"), "ab c");
        assert_eq!(
            without_controls("\u{1b}[31mwrong password\u{1b}[0m"),
            "wrong password"
        );
    }

    #[test]
    fn an_auxiliary_spells_a_phrase_but_says_nothing_alone() {
        let alone = slots(&words::tokenize(
            "account has been disabled",
            &words::stemmer(),
        ));
        assert!(
            !alone.iter().any(|s| s.alternatives[0].stems == ["has"]),
            "{alone:?}"
        );
        // `missing` reads as 5100's "does not have a default Account Store".
        assert!(top("default account store missing for application")[..3].contains(&5100));
        assert!(top("application has no default account store")[..3].contains(&5100));
    }
}
