//! The semantic side of the ranking: the query, embedded by the sentence
//! model (`crates/minilm`, all-MiniLM-L6-v2), against the catalog's texts
//! and phrasings, whose embeddings are computed ahead of time and checked
//! in as `embeddings.bin`. `SPERR_BLESS=1 cargo test --test generated`
//! rebuilds that file; the same test fails when errors.toml, the phrasings
//! or the model change without it.

use super::phrasings::phrasings;
use super::tuning::{NEXT_PHRASING_SHARE, OWN_TEXT_SHARE, PHRASING_SHARE};
use crate::catalog::{self, Entry};
use crate::standalone::markup::plain;

/// The catalog's stored embeddings, read in place (byte by byte: no
/// alignment is needed).
static STORED: &[u8] = include_bytes!("embeddings.bin");

const MAGIC: &[u8; 8] = b"SPERRVEC";
const HEADER: usize = 64;
/// A record: the code (u32), whether the text is a phrasing (u32), the
/// vector's scale (f32), four bytes of padding, then the vector as int8.
const RECORD_HEAD: usize = 16;

/// What is embedded for the catalog, in order: for each entry its own text
/// (message, user message and further information), then what else says
/// what it means: its phrasings, and the old documentation's meanings of
/// it (or of the code whose meaning it has today). The flag marks those.
pub fn catalog_texts() -> Vec<(u32, bool, String)> {
    let mut phrasings = phrasings().peekable();
    let mut texts = Vec::new();
    for entry in catalog::entries() {
        texts.push((entry.code, false, own_text(entry)));
        while let Some((_, text)) = phrasings.next_if(|(code, _)| *code == entry.code) {
            texts.push((entry.code, true, text.to_string()));
        }
        let history = entry
            .old_meanings()
            .chain(entry.former_meanings().map(|(_, meaning)| meaning));
        for meaning in history {
            texts.push((entry.code, true, plain(meaning.text())));
        }
    }
    texts
}

fn own_text(entry: &Entry) -> String {
    [Some(entry.message()), entry.user_message(), entry.further()]
        .into_iter()
        .flatten()
        .map(plain)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Identifies the texts and the model a store was made from.
pub fn fingerprint(texts: &[(u32, bool, String)]) -> u64 {
    let mut hash = Fnv::default();
    hash.write(&minilm::model_checksum().to_le_bytes());
    for (code, phrasing, text) in texts {
        hash.write(&code.to_le_bytes());
        hash.write(&[u8::from(*phrasing)]);
        hash.write(text.as_bytes());
        hash.write(&[0xff]); // no text holds this byte: the ends stay apart
    }
    hash.0
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// The store for `texts` and their embeddings: a 64-byte header (magic,
/// dimension, count, fingerprint), then one record per text, each vector
/// int8 with one scale (its largest magnitude over 127).
pub fn encode(texts: &[(u32, bool, String)], vectors: &[Vec<f32>]) -> Vec<u8> {
    let dim = vectors.first().map_or(0, Vec::len);
    let mut out = Vec::with_capacity(HEADER + vectors.len() * (RECORD_HEAD + dim));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(dim as u32).to_le_bytes());
    out.extend_from_slice(&(vectors.len() as u32).to_le_bytes());
    out.extend_from_slice(&fingerprint(texts).to_le_bytes());
    out.resize(HEADER, 0);
    for ((code, phrasing, _), vector) in texts.iter().zip(vectors) {
        let largest = vector.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        out.extend_from_slice(&code.to_le_bytes());
        out.extend_from_slice(&u32::from(*phrasing).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&[0; 4]);
        out.extend(vector.iter().map(|v| (v / scale).round() as i8 as u8));
    }
    out
}

/// One stored embedding.
pub struct Stored {
    pub code: u32,
    pub phrasing: bool,
    scale: f32,
    values: &'static [u8],
}

impl Stored {
    pub fn vector(&self) -> Vec<f32> {
        self.values
            .iter()
            .map(|&v| f32::from(v as i8) * self.scale)
            .collect()
    }

    /// The cosine similarity with a normalised vector.
    fn similarity(&self, normalised: &[f32]) -> f32 {
        let sum: f32 = self
            .values
            .iter()
            .zip(normalised)
            .map(|(&v, q)| f32::from(v as i8) * q)
            .sum();
        sum * self.scale
    }
}

/// The checked-in store: its fingerprint and its embeddings, or `None` if
/// it is not a store (a test holds that it is).
pub fn stored() -> Option<(u64, Vec<Stored>)> {
    let bytes = STORED;
    let u32_at = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    if bytes.get(..8)? != MAGIC {
        return None;
    }
    let dim = u32_at(8)? as usize;
    let count = u32_at(12)? as usize;
    let fingerprint = u64::from_le_bytes(bytes.get(16..24)?.try_into().ok()?);
    let mut records = Vec::with_capacity(count);
    for i in 0..count {
        let at = HEADER + i * (RECORD_HEAD + dim);
        records.push(Stored {
            code: u32_at(at)?,
            phrasing: u32_at(at + 4)? != 0,
            scale: f32::from_bits(u32_at(at + 8)?),
            values: bytes.get(at + RECORD_HEAD..at + RECORD_HEAD + dim)?,
        });
    }
    Some((fingerprint, records))
}

/// The model, read in place from the binary.
pub fn embedder() -> Option<minilm::Embedder<'static>> {
    minilm::Embedder::embedded().ok()
}

/// How close each catalog entry's texts come to the query's meaning, in
/// the catalog's order: a mix of its closest phrasing, its next closest
/// and its own text (see `tuning`); `None` if the model cannot be read.
pub(crate) fn similarities(query: &str) -> Option<Vec<f64>> {
    let query = embedder()?.embed(query);
    let (_, stored) = stored()?;
    let entries = catalog::entries();
    let mut own = vec![0.0f64; entries.len()];
    let mut best = vec![(-1.0f64, -1.0f64); entries.len()];
    let mut index = 0;
    for record in &stored {
        while entries.get(index).is_some_and(|e| e.code != record.code) {
            index += 1;
        }
        let Some(slot) = best.get_mut(index) else {
            return None; // a store out of the catalog's order
        };
        let similarity = f64::from(record.similarity(&query));
        if !record.phrasing {
            own[index] = similarity;
        } else if similarity > slot.0 {
            *slot = (similarity, slot.0);
        } else if similarity > slot.1 {
            slot.1 = similarity;
        }
    }
    Some(
        own.iter()
            .zip(&best)
            .map(|(own, (first, second))| {
                PHRASING_SHARE * first + NEXT_PHRASING_SHARE * second + OWN_TEXT_SHARE * own
            })
            .collect(),
    )
}
