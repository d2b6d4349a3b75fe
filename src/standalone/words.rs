//! Words and their forms: the tokeniser and stemmer behind search.
//!
//! Shared by the build script, which indexes the catalog with it, and by the
//! search at run time, which reads queries with it: both sides must cut
//! words the same way, so there is one copy of this code. Compiled twice
//! (see `standalone`): it names nothing of the crate.

use rust_stemmers::{Algorithm, Stemmer};

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word as written, lower-cased.
    pub word: String,
    /// Its stem: the form that plurals and tenses fold to.
    pub stem: String,
    /// Where it stands in the text, in bytes.
    pub start: usize,
    pub end: usize,
    /// Its place in the word sequence (the parts of `orderBy` share one).
    pub position: u16,
}

/// Words too common to say anything about which error is meant.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "being", "but", "by", "do", "does", "for",
    "from", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "s",
    "so", "that", "the", "their", "there", "these", "this", "those", "to", "was", "we", "were",
    "what", "when", "which", "why", "with", "you", "your", "e", "g", "t", "can", "could", "would",
    "should", "will", "did", "am",
];

/// Negated auxiliaries written without their apostrophe, as people type
/// them, and the word each negates: `cant` is `can not`.
const RUN_TOGETHER_NEGATIONS: &[(&str, &str)] = &[
    ("arent", "are"),
    ("cannot", "can"),
    ("cant", "can"),
    ("couldnt", "could"),
    ("didnt", "did"),
    ("doesnt", "does"),
    ("dont", "do"),
    ("hasnt", "has"),
    ("havent", "have"),
    ("isnt", "is"),
    ("shouldnt", "should"),
    ("wasnt", "was"),
    ("werent", "were"),
    ("wont", "will"),
    ("wouldnt", "would"),
];

/// The apostrophe endings that add nothing a search can use: a possessive,
/// or a contracted auxiliary (`it's`, `we've`, `they'll`).
const DROPPED_ENDINGS: &[&str] = &["s", "re", "ve", "ll", "d", "m"];

/// Auxiliaries the index keeps, so that a phrase can hold them (`does not
/// have`, `has no`), but that say nothing alone in a query.
const AUXILIARIES: &[&str] = &["has", "have", "had"];

/// The words a ticket wraps its problem in: greetings and courtesy
/// (`hi`, `please help`, `thanks`), and words that place it in time or
/// soften it (`now`, `just`, `still`, `after a few`, `this morning`). The
/// index keeps them, but in a query they say nothing alone: the reference
/// uses `please` and `help` only in its advice ("Please contact us at
/// support ... to help troubleshoot"), never to tell one error from another.
const TICKET_WORDS: &[&str] = &[
    "please",
    "pls",
    "plz",
    "thanks",
    "thank",
    "thx",
    "hi",
    "hello",
    "hey",
    "dear",
    "regards",
    "sorry",
    "help",
    "now",
    "just",
    "still",
    "again",
    "suddenly",
    "anymore",
    "recently",
    "today",
    "yesterday",
    "morning",
    "tonight",
    "ago",
    "after",
    "few",
    "some",
    "several",
];

/// Whether a query's word says nothing alone: a stop word, an auxiliary or
/// a ticket's wrapping.
pub fn says_nothing_alone(word: &str) -> bool {
    is_stopword(word) || AUXILIARIES.contains(&word) || TICKET_WORDS.contains(&word)
}

/// Every word that says nothing alone, for a table built once.
pub fn saying_nothing() -> impl Iterator<Item = &'static str> {
    STOPWORDS
        .iter()
        .chain(AUXILIARIES)
        .chain(TICKET_WORDS)
        .copied()
}

pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// The stemmer: Snowball's English (Porter2) algorithm.
pub fn stemmer() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

/// Cuts a text into words: runs of letters and digits, lower-cased.
/// A camelCase word (`redirectUri`) yields itself and its parts, all at
/// one position, so that `redirect uri` and `redirectUri` both find it.
/// Contractions are read first: `can't`, `cant` and `cannot` are `can not`,
/// `isn't` is `is not`, and `it's`, `account's` lose their ending.
pub fn tokenize(text: &str, stemmer: &Stemmer) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut position: u16 = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let end = word_end(&mut chars, start + c.len_utf8());
        let raw = &text[start..end];
        // An apostrophe and letters after a word: a contraction's ending.
        let ending = apostrophe_ending(text, end);
        if let Some(ending_end) = ending {
            let ending = text[end..ending_end]
                .trim_start_matches(is_apostrophe)
                .to_lowercase();
            let lower = raw.to_lowercase();
            if ending == "t" && lower.ends_with('n') {
                while chars.peek().is_some_and(|&(i, _)| i < ending_end) {
                    chars.next();
                }
                let negated = match lower.as_str() {
                    "can" | "ca" => "can",
                    "won" | "wo" => "will",
                    "shan" | "sha" => "shall",
                    other => &other[..other.len() - 1],
                };
                push_negation(
                    &mut tokens,
                    negated,
                    (start, end),
                    ending_end,
                    &mut position,
                    stemmer,
                );
                continue;
            }
            if DROPPED_ENDINGS.contains(&ending.as_str()) {
                while chars.peek().is_some_and(|&(i, _)| i < ending_end) {
                    chars.next();
                }
            }
        }
        if let Some(&(_, negated)) = RUN_TOGETHER_NEGATIONS
            .iter()
            .find(|(word, _)| raw.eq_ignore_ascii_case(word))
        {
            push_negation(
                &mut tokens,
                negated,
                (start, end),
                end,
                &mut position,
                stemmer,
            );
            continue;
        }
        push_word(&mut tokens, raw, start, position, stemmer);
        let parts = camel_parts(raw);
        if parts.len() > 1 {
            for (offset, part) in parts {
                push_word(&mut tokens, part, start + offset, position, stemmer);
            }
        }
        position = position.saturating_add(1);
    }
    tokens
}

/// Where the run of letters and digits that began before `end` ends.
fn word_end(chars: &mut std::iter::Peekable<std::str::CharIndices>, mut end: usize) -> usize {
    while let Some(&(i, c)) = chars.peek() {
        if !c.is_alphanumeric() {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    end
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// The end of an apostrophe and the letters after it that stand at `at`,
/// as in `can't` or `account's`; none where no letter follows.
fn apostrophe_ending(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let after = rest.strip_prefix(is_apostrophe)?;
    let letters = after
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(after.len());
    (letters > 0).then(|| at + (rest.len() - after.len()) + letters)
}

/// A negated word (`can` of `can't`) and a `not` after it, which stands
/// where the contraction's ending does.
fn push_negation(
    tokens: &mut Vec<Token>,
    word: &str,
    (start, end): (usize, usize),
    ending_end: usize,
    position: &mut u16,
    stemmer: &Stemmer,
) {
    push_word(tokens, word, start, *position, stemmer);
    tokens.last_mut().expect("just pushed").end = end;
    *position = position.saturating_add(1);
    push_word(tokens, "not", end, *position, stemmer);
    tokens.last_mut().expect("just pushed").end = ending_end;
    *position = position.saturating_add(1);
}

fn push_word(tokens: &mut Vec<Token>, raw: &str, start: usize, position: u16, stemmer: &Stemmer) {
    let word = raw.to_lowercase();
    let stem = stem_word(&word, stemmer);
    tokens.push(Token {
        word,
        stem,
        start,
        end: start + raw.len(),
        position,
    });
}

/// The stem of one lower-case word. Numbers stay as they are.
pub fn stem_word(word: &str, stemmer: &Stemmer) -> String {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        word.to_string()
    } else {
        stemmer.stem(word).into_owned()
    }
}

/// The parts of a camelCase word with their byte offsets: `nameKey` gives
/// `name` and `Key`. A word with no inner capital gives itself alone.
fn camel_parts(word: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut begin = 0;
    let mut previous_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && previous_lower {
            parts.push((begin, &word[begin..i]));
            begin = i;
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    parts.push((begin, &word[begin..]));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        tokenize(text, &stemmer())
            .into_iter()
            .map(|t| t.stem)
            .collect()
    }

    #[test]
    fn folds_case_and_punctuation() {
        assert_eq!(stems("Login-attempt FAILED."), ["login", "attempt", "fail"]);
    }

    #[test]
    fn splits_camel_case_and_keeps_the_whole_word() {
        let tokens = tokenize("the orderBy value", &stemmer());
        let words: Vec<_> = tokens.iter().map(|t| t.word.as_str()).collect();
        assert_eq!(words, ["the", "orderby", "order", "by", "value"]);
        assert_eq!(tokens[1].position, tokens[3].position);
        assert_eq!(&"the orderBy value"[tokens[3].start..tokens[3].end], "By");
        assert_eq!(stems("redirectUri"), ["redirecturi", "redirect", "uri"]);
    }

    #[test]
    fn literals_keep_their_letters() {
        assert_eq!(
            stems("``sptoken`` (``jti``) ``iat``"),
            ["sptoken", "jti", "iat"]
        );
        assert_eq!(stems("customData"), ["customdata", "custom", "data"]);
    }

    #[test]
    fn word_forms_fold_to_one_stem() {
        let s = stemmer();
        for (a, b) in [
            ("accounts", "account"),
            ("expired", "expire"),
            ("locked", "lock"),
            ("disabled", "disable"),
            ("verified", "verify"),
            ("directories", "directory"),
        ] {
            assert_eq!(stem_word(a, &s), stem_word(b, &s), "{a} / {b}");
        }
    }

    #[test]
    fn contractions_and_negations_read_as_their_words() {
        assert_eq!(stems("can't reset"), ["can", "not", "reset"]);
        assert_eq!(stems("cant login"), ["can", "not", "login"]);
        assert_eq!(stems("Cannot create"), ["can", "not", "creat"]);
        assert_eq!(stems("it isn\u{2019}t valid"), ["it", "is", "not", "valid"]);
        assert_eq!(stems("won't work"), ["will", "not", "work"]);
        assert_eq!(
            stems("the account's password"),
            ["the", "account", "password"]
        );
        assert_eq!(stems("we've it's o'clock"), ["we", "it", "o", "clock"]);
        assert_eq!(stems("trailing ' quote"), ["trail", "quot"]);
        let text = "don't stop";
        for token in tokenize(text, &stemmer()) {
            assert!(token.start < token.end && token.end <= text.len());
        }
    }

    #[test]
    fn auxiliaries_are_words_of_the_index_that_say_nothing_alone() {
        assert!(!is_stopword("have") && says_nothing_alone("have"));
        assert!(says_nothing_alone("the") && !says_nothing_alone("password"));
    }

    #[test]
    fn numbers_are_words_and_are_not_stemmed() {
        assert_eq!(
            stems("error 7100, code 2006s"),
            ["error", "7100", "code", "2006s"]
        );
    }

    #[test]
    fn offsets_point_at_the_word_in_non_ascii_text() {
        let text = "Application’s “12/15/2012” é";
        for token in tokenize(text, &stemmer()) {
            assert_eq!(text[token.start..token.end].to_lowercase(), token.word);
        }
    }
}
