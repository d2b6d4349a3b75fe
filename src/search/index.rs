//! The search index that the build script writes, behind a small API: terms (stems)
//! and where they stand, the catalog's surface words, field lengths, and
//! the synonym groups.

mod data {
    include!(concat!(env!("OUT_DIR"), "/search_index.rs"));
}

/// A stem of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Term(usize);

/// One place a stem stands: an entry's field, and its word positions there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Posting {
    pub entry: usize,
    pub field: usize,
    pub positions: &'static [u16],
}

/// The `i`th of the strings that a text holds end to end.
fn nth(text: &'static str, ends: &[u32], i: usize) -> &'static str {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

fn range(ends: &[u32], i: usize) -> std::ops::Range<usize> {
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    start..ends[i] as usize
}

impl Term {
    pub(crate) fn stem(self) -> &'static str {
        nth(data::STEMS, &data::STEM_ENDS, self.0)
    }

    pub(crate) fn postings(self) -> impl Iterator<Item = Posting> {
        range(&data::TERM_POSTINGS_END, self.0).map(|p| Posting {
            entry: usize::from(data::POSTING_ENTRY[p]),
            field: usize::from(data::POSTING_FIELD[p]),
            positions: &data::POSITIONS[range(&data::POSTING_POSITIONS_END, p)],
        })
    }

    /// How common the stem is in everyday English: the commonest SCOWL
    /// tier of the words that fold to it (1 most common), if any.
    pub(crate) fn english_tier(self) -> Option<u8> {
        Some(data::STEM_TIER[self.0]).filter(|&t| t > 0)
    }

    /// Whether the stem tells `entry` apart from an entry whose text nearly
    /// coincides with its own (found at build time).
    pub(crate) fn distinguishes(self, entry: usize) -> bool {
        let key = (self.0 as u32) << 16 | entry as u32;
        data::DISTINGUISHING.binary_search(&key).is_ok()
    }

    /// The number of entries it stands in.
    pub(crate) fn entries(self) -> usize {
        let postings = range(&data::TERM_POSTINGS_END, self.0);
        let mut count = 0;
        let mut last = None;
        for p in postings {
            if last != Some(data::POSTING_ENTRY[p]) {
                count += 1;
                last = Some(data::POSTING_ENTRY[p]);
            }
        }
        count
    }
}

fn term_count() -> usize {
    data::STEM_ENDS.len()
}

/// The term for a stem, if the catalog has it.
pub(crate) fn term(stem: &str) -> Option<Term> {
    let (mut low, mut high) = (0, term_count());
    while low < high {
        let middle = (low + high) / 2;
        match Term(middle).stem().cmp(stem) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(Term(middle)),
        }
    }
    None
}

/// The terms whose stems begin with `prefix`, in order.
pub(crate) fn terms_with_prefix(prefix: &str) -> impl Iterator<Item = Term> + '_ {
    let (mut low, mut high) = (0, term_count());
    while low < high {
        let middle = (low + high) / 2;
        if Term(middle).stem() < prefix {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    (low..term_count())
        .map(Term)
        .take_while(move |t| t.stem().starts_with(prefix))
}

/// The catalog's words as written (lower-cased), each with its term.
pub(crate) fn words() -> impl Iterator<Item = (&'static str, Term)> {
    (0..data::WORD_ENDS.len()).map(|i| {
        (
            nth(data::WORDS, &data::WORD_ENDS, i),
            Term(data::WORD_TERM[i] as usize),
        )
    })
}

/// What a one-word abbreviation of the vocabulary (`usr`, in lower case)
/// stands for, as synonyms.txt writes it (`user`).
#[cfg(feature = "semantic")]
pub(crate) fn written_out(abbreviation: &str) -> Option<&'static str> {
    let found = position(data::ABBREVIATIONS, &data::ABBREVIATION_ENDS, abbreviation)?;
    Some(nth(data::WRITTEN_OUT, &data::WRITTEN_OUT_ENDS, found))
}

/// Where `word` stands in a sorted string table.
fn position(text: &'static str, ends: &[u32], word: &str) -> Option<usize> {
    let (mut low, mut high) = (0, ends.len());
    while low < high {
        let middle = (low + high) / 2;
        match nth(text, ends, middle).cmp(word) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(middle),
        }
    }
    None
}

/// How common a lower-case word is in everyday English: its SCOWL tier (1
/// most common), if the list has it.
pub(crate) fn english_tier(word: &str) -> Option<u8> {
    position(data::ENGLISH, &data::ENGLISH_ENDS, word).map(|i| data::ENGLISH_TIER[i])
}

/// BM25's inverse document frequency of a word that stands in `df` entries.
pub(crate) fn inverse_frequency(df: usize) -> f64 {
    data::INVERSE_FREQUENCY[df.min(data::INVERSE_FREQUENCY.len() - 1)]
}

/// The stems of an entry's message, stop words left out, if it is short
/// enough for a query to say it whole; else none.
pub(crate) fn short_message(entry: usize) -> impl Iterator<Item = &'static str> {
    range(&data::SHORT_MESSAGE_ENDS, entry)
        .map(|i| nth(data::SHORT_MESSAGE_STEMS, &data::SHORT_MESSAGE_STEM_ENDS, i))
}

pub(crate) fn field_length(entry: usize, field: usize) -> u16 {
    data::FIELD_LENGTHS[entry][field]
}

pub(crate) fn average_length(field: usize) -> f64 {
    data::AVERAGE_LENGTHS[field]
}

/// A phrase of the vocabulary: a sequence of stems, its stop words kept
/// as they are written (`sign in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase(usize);

impl Phrase {
    /// Its words' stems, stop words included (as themselves).
    pub(crate) fn stems(self) -> impl Iterator<Item = &'static str> + Clone {
        self.words().map(|(stem, _)| stem)
    }

    /// Its stems and, for each, whether it is a stop word.
    pub(crate) fn words(self) -> impl Iterator<Item = (&'static str, bool)> + Clone {
        range(&data::PHRASE_ENDS, self.0).map(|i| {
            (
                nth(data::PHRASE_STEMS, &data::PHRASE_STEM_ENDS, i),
                data::PHRASE_STOP[i] == 1,
            )
        })
    }

    /// The stems the catalog's index can hold: stop words left out.
    pub(crate) fn content_stems(self) -> impl Iterator<Item = &'static str> + Clone {
        self.words().filter(|(_, stop)| !stop).map(|(stem, _)| stem)
    }

    pub(crate) fn len(self) -> usize {
        range(&data::PHRASE_ENDS, self.0).len()
    }
}

/// Whether a one-word phrase of the vocabulary is `stem`: the phrases are
/// sorted by their stems.
pub(crate) fn in_vocabulary(stem: &str) -> bool {
    let phrases = data::PHRASE_ENDS.len();
    let (mut low, mut high) = (0, phrases);
    while low < high {
        let middle = (low + high) / 2;
        let stems = Phrase(middle).stems().map(|s| -> &str { s });
        match stems.cmp([stem]) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// How a relation's phrases reach the phrases it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// Every phrase stands for every other (`a | b`).
    Synonym,
    /// An abbreviation counts as the full word (`pw => password`).
    Abbreviation,
    /// A narrower word reaches a broader one, never the reverse
    /// (`login -> authenticate`).
    Broader,
}

/// One line of the vocabulary: which phrases, read in a query, reach which.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Synonyms(usize);

impl Synonyms {
    pub(crate) fn relation(self) -> Relation {
        match data::RELATION_KIND[self.0] {
            b'a' => Relation::Abbreviation,
            b'>' => Relation::Broader,
            _ => Relation::Synonym,
        }
    }

    /// The phrases that, read in a query, lead somewhere.
    pub(crate) fn from(self) -> impl Iterator<Item = Phrase> {
        phrases(&data::RELATION_FROM_ENDS, &data::RELATION_FROM, self.0)
    }

    /// The phrases the `from` phrases reach: for synonyms, each other.
    pub(crate) fn to(self) -> impl Iterator<Item = Phrase> {
        let table = if self.relation() == Relation::Synonym {
            (&data::RELATION_FROM_ENDS[..], &data::RELATION_FROM[..])
        } else {
            (&data::RELATION_TO_ENDS[..], &data::RELATION_TO[..])
        };
        phrases(table.0, table.1, self.0)
    }
}

fn phrases(
    ends: &'static [u32],
    numbers: &'static [u16],
    i: usize,
) -> impl Iterator<Item = Phrase> {
    numbers[range(ends, i)]
        .iter()
        .map(|&p| Phrase(usize::from(p)))
}

/// The vocabulary's relations, in the order of synonyms.txt.
pub(crate) fn synonyms() -> impl Iterator<Item = Synonyms> {
    (0..data::RELATION_KIND.len()).map(Synonyms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standalone::fields::FIELDS;

    #[test]
    fn every_term_is_found_by_its_stem_and_the_stems_are_sorted() {
        for i in 0..term_count() {
            assert_eq!(term(Term(i).stem()), Some(Term(i)));
            if i > 0 {
                assert!(Term(i - 1).stem() < Term(i).stem());
            }
        }
        assert_eq!(term("zzzz-not-a-stem"), None);
    }

    #[test]
    fn postings_point_into_the_catalog() {
        let login = term("login").expect("the catalog says login");
        assert!(
            login
                .postings()
                .any(|p| crate::catalog::entries()[p.entry].code == 7100)
        );
        assert!(
            login
                .postings()
                .all(|p| p.field < FIELDS && !p.positions.is_empty())
        );
    }

    #[test]
    fn english_words_have_their_tier_and_the_list_is_sorted() {
        assert_eq!(english_tier("says"), Some(1));
        assert_eq!(english_tier("login"), Some(2));
        assert_eq!(english_tier("pasword"), None);
        assert_eq!(english_tier("jwt"), None);
        for i in 1..data::ENGLISH_ENDS.len() {
            assert!(
                nth(data::ENGLISH, &data::ENGLISH_ENDS, i - 1)
                    < nth(data::ENGLISH, &data::ENGLISH_ENDS, i)
            );
        }
        assert_eq!(term("lock").and_then(Term::english_tier), Some(1));
        assert_eq!(term("jwt").and_then(Term::english_tier), None);
    }

    #[test]
    fn the_vocabulary_tables_hold_every_relation_of_synonyms_txt() {
        let lines = include_str!("synonyms.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(synonyms().count(), lines);
        let stems = |p: Phrase| p.stems().collect::<Vec<_>>();
        let pw = synonyms()
            .find(|s| s.from().any(|p| stems(p) == ["pw"]))
            .expect("pw | pwd | passwd => password");
        assert_eq!(pw.relation(), Relation::Abbreviation);
        assert_eq!(pw.to().map(stems).collect::<Vec<_>>(), [["password"]]);
        let sign_in = synonyms()
            .find(|s| {
                s.from()
                    .any(|p| stems(p) == ["sign", "in"] || stems(p) == ["sign"])
            })
            .expect("log in | sign in … => login");
        assert!(sign_in.to().any(|p| stems(p) == ["login"]));
        // Synonyms reach each other.
        let phone = synonyms()
            .find(|s| s.from().any(|p| stems(p) == ["phone"]))
            .unwrap();
        assert_eq!(phone.relation(), Relation::Synonym);
        assert!(phone.to().any(|p| stems(p) == ["mobil"]));
    }

    #[test]
    fn one_word_phrases_are_found_and_the_phrases_are_sorted() {
        assert!(in_vocabulary("pw"));
        assert!(in_vocabulary("password"));
        assert!(!in_vocabulary("zzzz"));
        for i in 1..data::PHRASE_ENDS.len() {
            assert!(Phrase(i - 1).stems().lt(Phrase(i).stems()));
        }
    }

    #[test]
    fn words_map_to_their_stems() {
        let (_, term) = words()
            .find(|(w, _)| *w == "locked")
            .expect("7103 says locked");
        assert_eq!(term.stem(), "lock");
        assert!(terms_with_prefix("passw").any(|t| t.stem() == "password"));
    }
}
