//! Messages in other words: an older, shorter form of a catalog message, an
//! SDK's rewording of it, or a long message cut mid-sentence. A line names
//! an entry when it says at least `MIN_WORDS` content words of one of its
//! texts (its message, the server's templates and older wordings, its end
//! users' text) in their order, at least 80% of the words of that stretch
//! of the text, skipping at most `MAX_GAP` words between two on either
//! side, and no other entry's texts match as many, or one fewer.

use crate::catalog;
use crate::standalone::words;
use fnv::FnvHashMap;
use std::sync::OnceLock;

/// The fewest content words a reworded message must share in order.
const MIN_WORDS: usize = 6;
/// The most words skipped between two matched ones, in the text or the line.
const MAX_GAP: usize = 3;
/// The most content words of a line looked at.
const MAX_LINE_WORDS: usize = 120;

/// The catalog's texts as content words.
struct Texts {
    /// A content word and its id, and the words that say nothing
    /// (`SAYS_NOTHING`): one lookup a word of a line.
    ids: FnvHashMap<Vec<u8>, u16>,
    /// Each text: its code and its words' ids in order.
    texts: Vec<(u32, Vec<u16>)>,
    /// For each word id, the texts that hold it.
    holders: Vec<Vec<u16>>,
}

/// A word of a line that no text holds.
const UNKNOWN: u16 = u16::MAX;
/// A word that says nothing (`the`, `please`): skipped, as in the texts.
const SAYS_NOTHING: u16 = u16::MAX - 1;

fn texts() -> &'static Texts {
    static TEXTS: OnceLock<Texts> = OnceLock::new();
    TEXTS.get_or_init(|| {
        // Folded as a line's words are: `this` is `thi`.
        let mut ids: FnvHashMap<Vec<u8>, u16> = FnvHashMap::default();
        for word in words::saying_nothing() {
            folded_words(word.as_bytes(), |_, _, folded| {
                ids.insert(folded.to_vec(), SAYS_NOTHING);
            });
        }
        let mut texts = Vec::new();
        for entry in catalog::entries() {
            let server = entry.server().iter().map(|m| m.text());
            let variants = entry
                .variants()
                .iter()
                .filter(|v| !v.old_meaning)
                .map(|v| v.text());
            // An observed entry's message describes where it was seen.
            let said = entry.message_kind() == catalog::MessageKind::Server;
            let own = said
                .then(|| entry.message())
                .into_iter()
                .chain(entry.user_message());
            for text in own.chain(server).chain(variants) {
                let mut word_ids = Vec::new();
                folded_words(text.as_bytes(), |_, _, word| {
                    let next = ids.len() as u16;
                    let id = *ids.entry(word.to_vec()).or_insert(next);
                    if id != SAYS_NOTHING {
                        word_ids.push(id);
                    }
                });
                if word_ids.len() >= MIN_WORDS {
                    texts.push((entry.code, word_ids));
                }
            }
        }
        let mut holders = vec![Vec::new(); ids.len()];
        for (i, (_, word_ids)) in texts.iter().enumerate() {
            for &id in word_ids {
                if holders[usize::from(id)].last() != Some(&(i as u16)) {
                    holders[usize::from(id)].push(i as u16);
                }
            }
        }
        Texts {
            ids,
            texts,
            holders,
        }
    })
}

/// The longest word looked at.
const MAX_WORD: usize = 24;

/// The words of a text, as (start, end, word folded), placeholders left
/// out: in lower case, a plural's `s` dropped (`groups` is `group`). No
/// stemmer: this runs on every line that holds a word of the catalog's.
fn folded_words(text: &[u8], mut each: impl FnMut(usize, usize, &[u8])) {
    let mut folded = [0u8; MAX_WORD];
    let mut at = 0;
    while at < text.len() {
        if !text[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        while at < text.len() && text[at].is_ascii_alphanumeric() {
            at += 1;
        }
        let len = at - start;
        // `{0}` is a placeholder; `Application's` is `Application`; a JSON
        // key (`"status":`) is no message's word.
        let key = text[at..].starts_with(b"\":") || text[at..].starts_with(b"\": ");
        if start > 0 && text[start - 1] == b'{' || !(2..=MAX_WORD).contains(&len) || key {
            continue;
        }
        for (f, b) in folded.iter_mut().zip(&text[start..at]) {
            *f = b.to_ascii_lowercase();
        }
        let word = &folded[..len];
        let word = match word {
            [.., b's', b's'] => word,
            [rest @ .., b's'] if len > 3 => rest,
            _ => word,
        };
        each(start, at, word);
    }
}

/// The entry a line says in other words, and the stretch of the line that
/// says it.
pub(crate) fn find_reworded(line: &[u8]) -> Option<(u32, usize, usize)> {
    if !has_prose(line) {
        return None; // a log's fields, keys and ids: no words to look up
    }
    let texts = texts();
    let mut ids = Vec::new();
    let mut spans = Vec::new();
    let mut known = 0;
    folded_words(line, |start, end, word| {
        let id = texts.ids.get(word).copied().unwrap_or(UNKNOWN);
        if id != SAYS_NOTHING && ids.len() < MAX_LINE_WORDS {
            known += usize::from(id != UNKNOWN);
            ids.push(id);
            spans.push((start, end));
        }
    });
    if known < MIN_WORDS {
        return None; // most lines: one lookup a word
    }
    // The texts that share enough words with the line to be worth a look.
    // One that shares `MIN_WORDS` of its `d` distinct words holds one of
    // the `d - MIN_WORDS + 1` rarest of them: only their holders are
    // counted, and common words (`account`, `stormpath`) cost nothing.
    let mut distinct: Vec<u16> = ids.iter().copied().filter(|&id| id != UNKNOWN).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < MIN_WORDS {
        return None;
    }
    distinct.sort_by_key(|&id| texts.holders[usize::from(id)].len());
    let mut candidates: Vec<u16> = distinct[..=distinct.len() - MIN_WORDS]
        .iter()
        .flat_map(|&id| texts.holders[usize::from(id)].iter().copied())
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let mut said = vec![false; texts.holders.len()];
    for &id in &distinct {
        said[usize::from(id)] = true;
    }
    // The best match of each code: (words, first and last line word).
    let mut best: FnvHashMap<u32, (usize, usize, usize)> = FnvHashMap::default();
    for text in candidates {
        let (code, words) = &texts.texts[usize::from(text)];
        if words.iter().filter(|&&id| said[usize::from(id)]).count() < MIN_WORDS {
            continue;
        }
        if let Some(found) = in_order(words, &ids) {
            let kept = best.entry(*code).or_insert(found);
            if found.0 > kept.0 {
                *kept = found;
            }
        }
    }
    let most = best.values().map(|b| b.0).max()?;
    let mut winners = best.iter().filter(|(_, b)| b.0 == most);
    let (&code, &(_, first, last)) = winners.next()?;
    // Several entries share the words, or all but one of them: one word
    // more, such as "Stormpath", is chance, and none is named.
    let runner_up = best
        .iter()
        .filter(|(c, _)| **c != code)
        .map(|(_, b)| b.0)
        .max();
    if runner_up.is_some_and(|words| words + 1 >= most) {
        return None;
    }
    Some((code, spans[first].0, spans[last].1))
}

/// Whether a line holds a run of `MIN_WORDS` words, one space or a comma
/// and a space apart, as a message says them: one pass over its bytes.
fn has_prose(line: &[u8]) -> bool {
    let word = |token: &[u8]| {
        let token = token.strip_suffix(b",").unwrap_or(token);
        !token.is_empty()
            && token
                .iter()
                .all(|b| b.is_ascii_alphabetic() || b"'-".contains(b))
    };
    // From space to space: most of a log's lines have few.
    let (mut run, mut from) = (0, 0);
    for space in memchr::memchr_iter(b' ', line) {
        run = if word(&line[from..space]) { run + 1 } else { 0 };
        if run + 1 >= MIN_WORDS && line.get(space + 1).is_some_and(u8::is_ascii_alphabetic) {
            return true;
        }
        from = space + 1;
    }
    false
}

/// The longest run of a text's words that a line says in their order,
/// skipping at most `MAX_GAP` words between two on either side, when it
/// has `MIN_WORDS` words or more and they are 80% of the text's stretch
/// they cover: (words, first and last line word).
fn in_order(text: &[u16], line: &[u16]) -> Option<(usize, usize, usize)> {
    // For each matched pair (i, j): the run's length, where it starts in
    // the text and in the line.
    let (n, m) = (text.len(), line.len());
    let mut runs = vec![(0usize, 0usize, 0usize); n * m];
    let mut best: Option<(usize, usize, usize)> = None;
    for i in 0..n {
        for j in 0..m {
            if text[i] != line[j] {
                continue;
            }
            let mut run = (1, i, j);
            for pi in i.saturating_sub(MAX_GAP + 1)..i {
                for pj in j.saturating_sub(MAX_GAP + 1)..j {
                    let before = runs[pi * m + pj];
                    if before.0 + 1 > run.0 || before.0 + 1 == run.0 && before.1 > run.1 {
                        run = (before.0 + 1, before.1, before.2);
                    }
                }
            }
            runs[i * m + j] = run;
            let (words, text_start, _) = run;
            let stretch = i - text_start + 1;
            if words >= MIN_WORDS && words * 5 >= stretch * 4 && best.is_none_or(|b| words > b.0) {
                best = Some((words, run.2, j));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_shorter_wording_names_its_entry() {
        let line = b"could not configure mail: Unable to authenticate to the SMTP server with the provided username and password";
        assert_eq!(find_reworded(line).map(|f| f.0), Some(13001));
    }

    #[test]
    fn a_cut_message_names_its_entry() {
        let line = b"login error: while acting as a gateway/proxy to your Active Directory server, encountered a referral error while communicating";
        assert_eq!(find_reworded(line).map(|f| f.0), Some(9006));
    }

    #[test]
    fn only_lines_with_a_run_of_words_are_looked_up() {
        assert!(has_prose(b"Unable to authenticate to the SMTP server"));
        assert!(has_prose(b"x: Stormpath, while acting as a gateway"));
        assert!(!has_prose(
            br#"{"status": 404, "message": "Not found", "moreInfo": "mailto:x"}"#
        ));
    }

    #[test]
    fn a_few_shared_words_name_nothing() {
        assert_eq!(
            find_reworded(b"the password for the account was not valid"),
            None
        );
        assert_eq!(
            find_reworded(b"Unable to reach the SMTP server, retrying in 30 seconds"),
            None
        );
    }
}
