//! The prefilter: one pass over a block finds where a line may name a code
//! (context triggers, quote words, signs of an encoding), so that only those
//! lines are looked at closely.

use crate::quotes;
use crate::scan::decode;
use std::sync::OnceLock;

/// What a pattern of the prefilter found.
pub(super) enum Mark {
    /// A trigger of context words (an index in `CONTEXT_TRIGGERS`).
    Context(usize),
    /// A word of the sign of an encoding.
    Sign,
    /// A quote word (an index in `quotes::quote_words().words`).
    Quote(usize),
}

impl Mark {
    /// The prefilter's patterns are the context triggers, the sign words
    /// and the quote words, in that order.
    pub(super) fn of(pattern: usize) -> Mark {
        let signs = CONTEXT_TRIGGERS.len();
        let quotes = signs + decode::SIGN_WORDS.len();
        match pattern {
            p if p < signs => Mark::Context(p),
            p if p < quotes => Mark::Sign,
            p => Mark::Quote(p - quotes),
        }
    }
}

/// The prefilter: where in a block the words stand that make a line worth
/// a close look, the context words and the quote words, as (offset,
/// pattern); a pattern past `CONTEXT_TRIGGERS` is a quote word, found at
/// the start of a word.
/// A few vectorised (Teddy) searches over the block in lower case, each
/// for few enough patterns to skip most bytes.
pub(super) fn find_marks(text: &[u8], lower: &mut Vec<u8>, marks: &mut Vec<(usize, usize)>) {
    /// A search for some of the patterns, and for each of them the others
    /// of its group that may start where it does (`error` and `errors`): a
    /// search reports one pattern at a place.
    struct Group {
        /// The index of its first pattern among all.
        first: usize,
        patterns: aho_corasick::packed::Searcher,
        overlaps: Vec<Vec<usize>>,
        /// For each pattern, how far past the start of a match of it that
        /// is not kept the search goes on: a restart inside a word costs
        /// Teddy a look at every pattern its few bytes may start.
        resume: Vec<usize>,
    }
    static PREFILTER: OnceLock<(Vec<&'static [u8]>, Vec<Group>)> = OnceLock::new();
    let (words, groups) = PREFILTER.get_or_init(|| {
        let mut words: Vec<&[u8]> = CONTEXT_TRIGGERS.iter().map(|w| w.as_bytes()).collect();
        words.extend(decode::SIGN_WORDS.iter().map(|w| w.as_bytes()));
        words.extend(&quotes::quote_words().words);
        let searches = words.len().div_ceil(MOST_PATTERNS_PER_SEARCH);
        let per_search = words.len().div_ceil(searches.max(1));
        let groups = words
            .chunks(per_search)
            .enumerate()
            .map(|(g, group)| {
                let overlaps = (0..group.len())
                    .map(|i| {
                        (0..group.len())
                            .filter(|&j| {
                                j != i
                                    && (group[i].starts_with(group[j])
                                        || group[j].starts_with(group[i]))
                            })
                            .collect()
                    })
                    .collect();
                // Where there is no Teddy, the searcher falls back to
                // Rabin-Karp.
                let patterns = aho_corasick::packed::Config::new()
                    .match_kind(aho_corasick::packed::MatchKind::LeftmostLongest)
                    .only_teddy_fat(Some(true))
                    .builder()
                    .extend(group)
                    .build()
                    .or_else(|| {
                        aho_corasick::packed::Config::new()
                            .match_kind(aho_corasick::packed::MatchKind::LeftmostLongest)
                            .builder()
                            .extend(group)
                            .build()
                    })
                    .expect("the prefilter builds");
                let first = g * per_search;
                let resume = (0..group.len())
                    .map(|i| resume_after(group, first, i))
                    .collect();
                Group {
                    first,
                    patterns,
                    overlaps,
                    resume,
                }
            })
            .collect();
        (words, groups)
    });
    lower.clear();
    lower.extend(text.iter().map(u8::to_ascii_lowercase));
    marks.clear();
    let quote_words = quotes::quote_words();
    let keeps = |pattern: usize, at: usize| match Mark::of(pattern) {
        Mark::Quote(word) => {
            quotes::starts_word(lower, at)
                && quote_words.may_go_on(word, lower, at + words[pattern].len())
        }
        Mark::Context(_) | Mark::Sign => true,
    };
    for group in groups {
        let mut at = 0;
        while let Some(m) = group
            .patterns
            .find_in(&lower[..], aho_corasick::Span::from(at..lower.len()))
        {
            let (start, local) = (m.start(), m.pattern().as_usize());
            if !keeps(group.first + local, start) {
                // "count" inside "account" quotes nothing, and no pattern
                // that starts inside a quote word passed by can be kept
                // but where `resume` says.
                at = start + group.resume[local];
                continue;
            }
            marks.push((start, group.first + local));
            for &other in &group.overlaps[local] {
                let pattern = group.first + other;
                if lower[start..].starts_with(words[pattern]) && keeps(pattern, start) {
                    marks.push((start, pattern));
                }
            }
            at = m.end();
        }
    }
    if groups.len() > 1 {
        marks.sort(); // merges the groups' sorted runs
    }
}

/// Where a search may go on after a match of pattern `i` of `group` (its
/// first an index among all patterns `first`) that is not kept, as an
/// offset from the match's start. A quote word is letters and digits, so
/// no quote word found inside it starts a word, and none is kept; only a
/// context trigger or sign word, which are always kept, may start there.
fn resume_after(group: &[&[u8]], first: usize, i: usize) -> usize {
    let word = group[i];
    if !matches!(Mark::of(first + i), Mark::Quote(_)) {
        return 1;
    }
    let others: Vec<&[u8]> = (0..group.len())
        .filter(|&j| !matches!(Mark::of(first + j), Mark::Quote(_)))
        .map(|j| group[j])
        .collect();
    (1..word.len())
        .find(|&k| {
            !word[k - 1].is_ascii_alphanumeric()
                || others
                    .iter()
                    .any(|t| word[k..].starts_with(t) || t.starts_with(&word[k..]))
        })
        .unwrap_or(word.len())
}

/// The most patterns one packed search looks for. Fat Teddy has sixteen
/// buckets: patterns that share one let through the places of ordinary
/// text that start like any of them, and past about one and a half a
/// bucket those cost more than a second search over the block
/// (`bench/README.md` has the counts that chose 24).
pub(super) const MOST_PATTERNS_PER_SEARCH: usize = 24;

/// What every context word holds: the prefilter looks for these, fewer
/// patterns than the words themselves.
pub(super) const CONTEXT_TRIGGERS: &[&str] = &["err", "code", "stormpath", "status."];
/// The index of "stormpath" in `CONTEXT_TRIGGERS`.
pub(super) const STORMPATH_TRIGGER: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stormpath_trigger_is_where_its_index_says() {
        assert_eq!(CONTEXT_TRIGGERS[STORMPATH_TRIGGER], "stormpath");
    }

    #[test]
    fn a_search_goes_on_past_a_quote_word_but_where_a_trigger_may_start() {
        // A group of the last sign word and a quote word after it.
        let first = CONTEXT_TRIGGERS.len() + decode::SIGN_WORDS.len() - 1;
        let resume = |sign: &[u8], word: &[u8]| resume_after(&[sign, word], first, 1);
        assert_eq!(resume(b"err", b"account"), 7);
        assert_eq!(resume(b"code", b"account"), 7);
        // "err" may start inside "terror", or at the last letter of "value"
        // and run on past it.
        assert_eq!(resume(b"err", b"terror"), 1);
        assert_eq!(resume(b"err", b"value"), 4);
        // A sign word is always kept: a search never goes on past it.
        assert_eq!(resume_after(&[b"err", b"value"], first, 0), 1);
    }
}
