//! The codes of an entry's family that say the nearest thing: what
//! "Related codes" shows under an entry, a few rather than the whole family.

use crate::catalog::{self, Entry};
use crate::standalone::markup;
use crate::standalone::words;
use std::collections::BTreeSet;

/// How many related codes are shown under an entry.
pub(crate) const SHOWN: usize = 5;

/// The family's other codes, nearest first, cut to `limit`; and how many
/// were left out.
///
/// ```
/// let (near, more) = sperr::related::nearest(sperr::catalog::lookup(7103).unwrap(), 5);
/// assert_eq!(near.len() + more, 7);
/// ```
pub fn nearest(entry: &Entry, limit: usize) -> (Vec<&'static Entry>, usize) {
    let stemmer = words::stemmer();
    let words = |e: &Entry| -> BTreeSet<String> {
        words::tokenize(&markup::plain(e.message()), &stemmer)
            .into_iter()
            .filter(|t| !words::is_stopword(&t.word))
            .map(|t| t.stem)
            .collect()
    };
    let own = words(entry);
    let mut scored: Vec<(f64, &'static Entry)> = catalog::family(entry.code)
        .iter()
        .filter(|e| e.code != entry.code)
        .map(|e| (similarity(&own, &words(e)), e))
        .collect();
    // Nearest text first; between equals, the nearest code.
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(
                a.1.code
                    .abs_diff(entry.code)
                    .cmp(&b.1.code.abs_diff(entry.code)),
            )
            .then(a.1.code.cmp(&b.1.code))
    });
    let more = scored.len().saturating_sub(limit);
    let mut near: Vec<&'static Entry> = scored.into_iter().take(limit).map(|(_, e)| e).collect();
    near.sort_by_key(|e| e.code);
    (near, more)
}

/// The share of words two texts have in common (Jaccard).
fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(code: u32) -> (Vec<u32>, usize) {
        let (near, more) = nearest(catalog::lookup(code).unwrap(), SHOWN);
        (near.iter().map(|e| e.code).collect(), more)
    }

    #[test]
    fn a_large_family_is_cut_to_the_nearest_texts() {
        let (near, more) = codes(2001);
        assert_eq!(near.len(), SHOWN);
        assert_eq!(near.len() + more, catalog::family(2001).len() - 1);
        assert!(!near.contains(&2001));
        assert!(near.windows(2).all(|w| w[0] < w[1]), "code order");
    }

    #[test]
    fn the_nearest_login_failures_share_the_most_words() {
        // 7105-7107 all say "the Account is in a … that is disabled".
        let (near, more) = codes(7106);
        assert_eq!(more, 2);
        assert!(near.contains(&7105) && near.contains(&7107), "{near:?}");
    }

    #[test]
    fn a_small_family_is_shown_whole() {
        let (near, more) = codes(7301);
        assert!(near.is_empty());
        assert_eq!(more, 0);
    }
}
