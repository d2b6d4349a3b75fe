//! The search index that build.rs writes, behind a small API: terms (stems)
//! and where they stand, the catalog's surface words, field lengths, and
//! the synonym groups.

use std::sync::OnceLock;

mod data {
    include!(concat!(env!("OUT_DIR"), "/search_index.rs"));
}

/// The number of searchable fields (see build.rs for their order).
pub const FIELDS: usize = 7;
/// The field of the old documentation's other meanings.
pub const HISTORY: usize = 6;

/// A stem of the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term(usize);

/// One place a stem stands: an entry's field, and its word positions there.
#[derive(Debug, Clone, Copy)]
pub struct Posting {
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
    pub fn stem(self) -> &'static str {
        nth(data::STEMS, &data::STEM_ENDS, self.0)
    }

    pub fn postings(self) -> impl Iterator<Item = Posting> {
        range(&data::TERM_POSTINGS_END, self.0).map(|p| Posting {
            entry: usize::from(data::POSTING_ENTRY[p]),
            field: usize::from(data::POSTING_FIELD[p]),
            positions: &data::POSITIONS[range(&data::POSTING_POSITIONS_END, p)],
        })
    }

    /// The number of entries it stands in.
    pub fn entries(self) -> usize {
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
pub fn term(stem: &str) -> Option<Term> {
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
pub fn terms_with_prefix(prefix: &str) -> impl Iterator<Item = Term> + '_ {
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
pub fn words() -> impl Iterator<Item = (&'static str, Term)> {
    (0..data::WORD_ENDS.len()).map(|i| {
        (
            nth(data::WORDS, &data::WORD_ENDS, i),
            Term(data::WORD_TERM[i] as usize),
        )
    })
}

/// BM25's inverse document frequency of a word that stands in `df` entries.
pub fn inverse_frequency(df: usize) -> f64 {
    data::INVERSE_FREQUENCY[df.min(data::INVERSE_FREQUENCY.len() - 1)]
}

pub fn field_length(entry: usize, field: usize) -> u16 {
    data::FIELD_LENGTHS[entry][field]
}

pub fn average_length(field: usize) -> f64 {
    data::AVERAGE_LENGTHS[field]
}

/// A synonym group: its phrases, each a sequence of stems.
pub type Group = Vec<Vec<&'static str>>;

/// The synonym groups, read once from their compact form.
pub fn synonym_groups() -> &'static [Group] {
    static GROUPS: OnceLock<Vec<Group>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        data::SYNONYMS
            .lines()
            .map(|line| {
                line.split('|')
                    .map(|phrase| phrase.split(' ').collect())
                    .collect()
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn words_map_to_their_stems() {
        let (_, term) = words()
            .find(|(w, _)| *w == "locked")
            .expect("7103 says locked");
        assert_eq!(term.stem(), "lock");
        assert!(terms_with_prefix("passw").any(|t| t.stem() == "password"));
    }
}
