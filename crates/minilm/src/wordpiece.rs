//! BERT tokenizer, hand-written to give the same ids as Hugging Face
//! `tokenizers` for all-MiniLM-L6-v2's `tokenizer.json`:
//!
//! 1. added (special) tokens: `[PAD] [UNK] [CLS] [SEP] [MASK]` are
//!    `normalized: false`, so a literal occurrence in the raw input is
//!    matched first and becomes that id, the text around it is tokenized
//!    normally;
//! 2. `BertNormalizer { clean_text, handle_chinese_chars, strip_accents: None
//!    (follows lowercase → true), lowercase }`, in HF's order: drop U+0000,
//!    U+FFFD and "other" chars (Cc/Cf/Co of the `unicode_categories` tables HF
//!    uses, except `\t \n \r`), map whitespace to ' ', put spaces around CJK
//!    ideographs, NFD, drop non-spacing marks (Mn), `char::to_lowercase`;
//! 3. `BertPreTokenizer`: split on whitespace (dropped), then isolate every
//!    char that is ASCII punctuation or Unicode punctuation (Pc Pd Ps Pe Pi Pf Po);
//! 4. WordPiece: greedy longest-match-first, `##` continuation prefix, a word of
//!    more than 100 chars or with an unmatchable piece becomes `[UNK]`;
//! 5. `[CLS] … [SEP]`, truncated to `max_len` ids (sentence-transformers: 256).
//!
//! The character classes come from the very crate HF uses (`unicode_categories`
//! 0.1, whose tables predate Unicode 14: e.g. U+0890, Cf since Unicode 14, is
//! not "other" there, so HF keeps it and so do we); the exhaustive
//! per-code-point test (`tests/tokenizer.rs`) pins the behaviour against the
//! Python package.
//!
//! The vocabulary is `vocab.bin` (see `rebuild.py`): tokens sorted by bytes,
//! looked up by binary search straight in the blob, so nothing is built at start.

use crate::Error;
use crate::weights::Cursor;
use unicode_categories::UnicodeCategories;
use unicode_normalization::UnicodeNormalization;

pub const VOCAB_MAGIC: &[u8; 8] = b"MLMVOCv1";

/// The sorted-token vocabulary, viewed in place.
#[derive(Clone, Copy)]
pub struct Vocab<'a> {
    offsets: &'a [u32],
    ids: &'a [u32],
    blob: &'a [u8],
    pub unk: u32,
    pub cls: u32,
    pub sep: u32,
    pub pad: u32,
    pub mask: u32,
    max_chars_per_word: usize,
    max_token_bytes: usize,
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[off..off + 4]);
    u32::from_le_bytes(a)
}

impl<'a> Vocab<'a> {
    pub fn from_bytes(b: &'a [u8]) -> Result<Self, Error> {
        if b.len() < 64 || &b[..8] != VOCAB_MAGIC {
            return Err(Error::Format("vocab: bad magic"));
        }
        let n = u32_at(b, 8) as usize;
        let blob_len = u32_at(b, 12) as usize;
        if n > b.len() || blob_len > b.len() {
            return Err(Error::Format("vocab: bad sizes"));
        }
        let mut c = Cursor { blob: b, pos: 64 };
        let offsets = c.u32s(n + 1)?;
        let ids = c.u32s(n)?;
        let blob = c.bytes(blob_len)?;
        if n == 0 || offsets[n] as usize != blob_len || offsets.windows(2).any(|w| w[0] > w[1]) {
            return Err(Error::Format("vocab: bad offsets"));
        }
        let v = Vocab {
            offsets,
            ids,
            blob,
            unk: u32_at(b, 16),
            cls: u32_at(b, 20),
            sep: u32_at(b, 24),
            pad: u32_at(b, 28),
            mask: u32_at(b, 32),
            max_chars_per_word: u32_at(b, 36) as usize,
            max_token_bytes: u32_at(b, 40) as usize,
        };
        Ok(v)
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Sorted token `k` (bytes).
    #[inline]
    fn key(&self, k: usize) -> &'a [u8] {
        let (s, e) = (self.offsets[k] as usize, self.offsets[k + 1] as usize);
        self.blob.get(s..e).unwrap_or(&[])
    }

    /// Id of `token`, by binary search over the sorted tokens.
    pub fn get(&self, token: &[u8]) -> Option<u32> {
        let (mut lo, mut hi) = (0usize, self.ids.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.key(mid).cmp(token) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(self.ids[mid]),
            }
        }
        None
    }

    /// All (token, id) pairs in sorted-token order (for tests / tooling).
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, u32)> + '_ {
        (0..self.ids.len()).map(|k| (std::str::from_utf8(self.key(k)).unwrap_or(""), self.ids[k]))
    }
}

/// HF `is_whitespace` (normalizer): `\t \n \r` or `char::is_whitespace`.
#[inline]
fn is_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || c.is_whitespace()
}

/// HF `is_control`: "other" per `unicode_categories` (Cc, Cf, Co), except `\t \n \r`.
#[inline]
fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_other()
}

/// BERT's "Chinese character" blocks (CJK ideographs), as in HF.
#[inline]
fn is_chinese_char(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B920..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

/// BERT `_is_punctuation` as HF implements it: ASCII punctuation (all of
/// `!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~`, symbols included) or Unicode P*.
#[inline]
pub fn is_bert_punc(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    c.is_punctuation()
}

/// Does `c` survive `clean_text` as a space?  (Those are the only places where
/// the raw text can be cut into independent chunks: U+000B, U+000C and U+0085
/// are whitespace *and* control, and are deleted, gluing their neighbours.)
#[inline]
fn is_split_space(c: char) -> bool {
    is_whitespace(c) && !is_control(c)
}

/// Appends the BertNormalizer output for `text` to `out`.
/// `text` must not straddle a split point in a way that matters (any string is
/// fine: the normalizer is applied to a whole string by HF, and NFD never
/// reorders across a starter, which a space is).
pub fn normalize_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        // ASCII fast path: NFD is the identity and there are no Mn marks.
        for b in text.bytes() {
            match b {
                b'\t' | b'\n' | b'\r' | b' ' => out.push(' '),
                0..=0x1f | 0x7f => {}
                _ => out.push(char::from(b.to_ascii_lowercase())),
            }
        }
        return;
    }
    let cleaned = text.chars().filter_map(|c| {
        if c == '\0' || c == '\u{fffd}' || is_control(c) {
            None
        } else if is_whitespace(c) {
            Some(' ')
        } else {
            Some(c)
        }
    });
    let spaced = cleaned.flat_map(|c| {
        let chinese = is_chinese_char(c);
        [(chinese).then_some(' '), Some(c), (chinese).then_some(' ')]
            .into_iter()
            .flatten()
    });
    for c in spaced.nfd().filter(|c| !c.is_mark_nonspacing()) {
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
}

/// The full normalizer output for `text` (no special-token handling).
pub fn normalize(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    normalize_into(text, &mut s);
    s
}

/// BertPreTokenizer over already-normalised text: calls `f` for each word.
/// Stops early when `f` returns `false`.
pub fn pre_tokenize<'t>(normalized: &'t str, mut f: impl FnMut(&'t str) -> bool) -> bool {
    for chunk in normalized.split(char::is_whitespace) {
        let mut start = 0;
        for (i, c) in chunk.char_indices() {
            if is_bert_punc(c) {
                if start < i && !f(&chunk[start..i]) {
                    return false;
                }
                let e = i + c.len_utf8();
                if !f(&chunk[i..e]) {
                    return false;
                }
                start = e;
            }
        }
        if start < chunk.len() && !f(&chunk[start..]) {
            return false;
        }
    }
    true
}

pub const SPECIAL_TOKENS: [&str; 5] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

/// Leftmost literal special token in `s`: (byte position, index in
/// `SPECIAL_TOKENS`).  They cannot overlap (all are `[` + capitals + `]`), so
/// leftmost-longest matching as HF's AddedVocabulary does reduces to this.
/// Linear in the distance to the match.
fn find_special(s: &str) -> Option<(usize, usize)> {
    s.match_indices('[').find_map(|(p, _)| {
        let tail = &s[p..];
        SPECIAL_TOKENS
            .iter()
            .position(|t| tail.starts_with(t))
            .map(|k| (p, k))
    })
}

/// The tokenizer: a vocabulary plus scratch buffers reused between calls.
pub struct Tokenizer<'a> {
    pub vocab: Vocab<'a>,
    special_ids: [u32; 5],
}

impl<'a> Tokenizer<'a> {
    pub fn new(vocab: Vocab<'a>) -> Self {
        let special_ids = [vocab.pad, vocab.unk, vocab.cls, vocab.sep, vocab.mask];
        Tokenizer { vocab, special_ids }
    }

    /// WordPiece for one pre-token; pushes ids into `out`.  `buf` is scratch.
    pub fn wordpiece(&self, word: &str, buf: &mut Vec<u8>, out: &mut Vec<u32>) {
        let v = &self.vocab;
        // `chars().count() > 100` without counting past 101.
        if word.len() > v.max_chars_per_word && word.chars().nth(v.max_chars_per_word).is_some() {
            out.push(v.unk);
            return;
        }
        let mark = out.len();
        let mut start = 0;
        while start < word.len() {
            // No vocab entry is longer than max_token_bytes, so longer
            // candidates can be skipped without changing the result.
            let mut end = word.len().min(start + v.max_token_bytes);
            while !word.is_char_boundary(end) {
                end -= 1;
            }
            let mut found = None;
            while start < end {
                buf.clear();
                if start > 0 {
                    buf.extend_from_slice(b"##");
                }
                buf.extend_from_slice(&word.as_bytes()[start..end]);
                if let Some(id) = v.get(buf) {
                    found = Some(id);
                    break;
                }
                // step back one char
                end -= word[..end].chars().next_back().map_or(1, char::len_utf8);
            }
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(mark);
                    out.push(v.unk);
                    return;
                }
            }
        }
    }

    /// Tokenizes a run of text containing no special token; stops once `out`
    /// holds `limit` ids.  Returns false when the limit was reached.
    fn encode_plain(
        &self,
        text: &str,
        limit: usize,
        norm: &mut String,
        buf: &mut Vec<u8>,
        out: &mut Vec<u32>,
    ) -> bool {
        // Cut the raw text at characters that normalise to a plain space; each
        // piece normalises independently (NFD never reorders across a space),
        // and this bounds the work on huge inputs to what is kept.
        for piece in text.split(is_split_space) {
            if piece.is_empty() {
                continue;
            }
            norm.clear();
            normalize_into(piece, norm);
            let mut full = false;
            pre_tokenize(norm, |w| {
                self.wordpiece(w, buf, out);
                if out.len() >= limit {
                    out.truncate(limit);
                    full = true;
                    return false;
                }
                true
            });
            if full {
                return false;
            }
        }
        true
    }

    /// Ids for `text`: `[CLS] … [SEP]`, at most `max_len` ids (`max_len` >= 2).
    pub fn encode(&self, text: &str, max_len: usize) -> Vec<u32> {
        let max_len = max_len.max(2);
        let limit = max_len - 2;
        let mut out = Vec::with_capacity(limit.min(text.len() + 2) + 2);
        out.push(self.vocab.cls);
        let limit = limit + 1; // counts the [CLS] already in `out`
        let mut norm = String::new();
        let mut buf = Vec::with_capacity(64);
        let mut rest = text;
        while out.len() < limit {
            let next = find_special(rest);
            let (plain, special) = match next {
                Some((p, k)) => (&rest[..p], Some(k)),
                None => (rest, None),
            };
            if !self.encode_plain(plain, limit, &mut norm, &mut buf, &mut out) {
                break;
            }
            match special {
                Some(k) => {
                    if out.len() < limit {
                        out.push(self.special_ids[k]);
                    }
                    rest = &rest[plain.len() + SPECIAL_TOKENS[k].len()..];
                }
                None => break,
            }
        }
        out.push(self.vocab.sep);
        out
    }
}
