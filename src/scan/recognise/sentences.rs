//! Sentences that say what an error code is, should be or was: `the code
//! should be 2001`, `Stormpath returns 7104`, `the error we got back was
//! 7100`. After an error word, a verb of that kind and the words that go
//! with it lead to the number, within one sentence, which may go on over a
//! line's end.

use super::word_at;

/// Verbs that say what a code is, was, should be or came back as.
const SAYS: &[&[u8]] = &[
    b"is",
    b"was",
    b"be",
    b"are",
    b"were",
    b"been",
    b"becomes",
    b"became",
    b"returns",
    b"returned",
    b"return",
    b"returning",
    b"gives",
    b"gave",
    b"give",
    b"shows",
    b"showed",
    b"show",
    b"says",
    b"said",
    b"reads",
    b"equals",
    b"got",
    b"get",
    b"gets",
    b"comes",
    b"came",
    b"throws",
    b"threw",
    b"raises",
    b"raised",
    b"answers",
    b"answered",
    b"responds",
    b"responded",
    b"replies",
    b"replied",
    b"fails",
    b"failed",
];

/// Words that may stand around such a verb: `the code we get back should
/// now be 2001`.
const FILLERS: &[&[u8]] = &[
    b"should",
    b"would",
    b"must",
    b"will",
    b"can",
    b"could",
    b"might",
    b"may",
    b"did",
    b"does",
    b"do",
    b"has",
    b"have",
    b"had",
    b"always",
    b"still",
    b"now",
    b"actually",
    b"just",
    b"also",
    b"again",
    b"then",
    b"instead",
    b"really",
    b"only",
    b"usually",
    b"sometimes",
    b"back",
    b"as",
    b"to",
    b"it",
    b"we",
    b"i",
    b"you",
    b"they",
    b"that",
    b"this",
    b"the",
    b"a",
    b"an",
    b"here",
    b"not",
    b"code",
    b"number",
    b"value",
    b"with",
];

/// How many words may stand between the error word and its number.
const MAX_WORDS: usize = 6;
/// How many bytes may.
const MAX_BYTES: usize = 48;

/// How far a sentence has been read from its error word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Sentence {
    /// Whether a verb that says what the code is has been read.
    says: bool,
    words: usize,
    bytes: usize,
}

/// What reading on found.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Read {
    /// The number starts at this index.
    Number(usize),
    /// The text ended inside the sentence, before its number.
    RunsOn(Sentence),
    /// The sentence says no number.
    Nothing,
}

impl Sentence {
    /// Reads on from `at` (after the error word, or at the start of the
    /// next line) to the number.
    pub(super) fn read(mut self, text: &[u8], mut at: usize) -> Read {
        while at < text.len() {
            let b = text[at];
            if b.is_ascii_digit() {
                return if self.says {
                    Read::Number(at)
                } else {
                    Read::Nothing
                };
            }
            let len = match b {
                // Markdown's emphasis too: `answers with **10012**`.
                b' ' | b'\t' | b'\r' | b':' | b'"' | b'\'' | b'`' | b'*' => 1,
                _ => {
                    let word = word_at(text, at);
                    let is = |list: &[&[u8]]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
                    self.words += 1;
                    let says = is(SAYS);
                    if word.is_empty() || self.words > MAX_WORDS || !(says || is(FILLERS)) {
                        return Read::Nothing;
                    }
                    self.says |= says;
                    word.len()
                }
            };
            at += len;
            self.bytes += len;
            if self.bytes > MAX_BYTES {
                return Read::Nothing;
            }
        }
        Read::RunsOn(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Read {
        Sentence::default().read(text.as_bytes(), 0)
    }

    #[test]
    fn a_verb_leads_to_the_number() {
        assert_eq!(read(" should be 2001"), Read::Number(11));
        assert_eq!(read(" we got back was `7100`"), Read::Number(18));
        assert_eq!(read(" answers with 13101 on phone"), Read::Number(14));
        assert_eq!(read(" is returning 7103 for jdoe"), Read::Number(14));
        assert_eq!(read(" answers with **10012**"), Read::Number(16));
        assert_eq!(read(" 2001"), Read::Nothing, "no verb");
        assert_eq!(read(" rate was 2000"), Read::Nothing);
        assert_eq!(read(" was, in 2016,"), Read::Nothing);
        assert_eq!(
            read(" we get when we call it from the app is 2001"),
            Read::Nothing,
            "too far"
        );
    }

    #[test]
    fn a_sentence_runs_on_over_the_line_end() {
        let Read::RunsOn(sentence) = read(" should") else {
            panic!("the sentence runs on");
        };
        assert_eq!(sentence.read(b"be 2001", 0), Read::Number(3));
        assert_eq!(sentence.read(b"happen in 2016", 0), Read::Nothing);
    }
}
