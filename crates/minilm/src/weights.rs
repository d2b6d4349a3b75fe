//! Zero-copy view of `weights.bin` (written by `rebuild.py`, whose docstring
//! is the reference for the layout).
//!
//! ```text
//! header (64 bytes, little-endian)
//!   0  [u8; 8] magic b"MLMQ8v03"     8 u32 version = 3
//!  12  u32 hidden H    16 u32 layers L    20 u32 heads    24 u32 intermediate I
//!  28  u32 vocab V     32 u32 max_positions P (rows stored)  36 u32 type_vocab T
//!  40  f32 layer_norm_eps   44 u32 reserved
//!  48  u64 total length     56 u64 FNV-1a-64 over the u64 words of [64, total)
//! sections, each starting at a multiple of 64 bytes, in this order:
//!   word_q  i8 [V x H] row-major (row = token), word_s f32 [V] (scale per row)
//!   pos f32 [P x H], type f32 [T x H], emb_ln_w f32 [H], emb_ln_b f32 [H]
//!   per layer (int8 matrices are Wᵀ, [inputs x outputs], cut into panels of
//!   64 outputs stored one after the other: (k, o) at (o/64)·inputs·64 + k·64 + o%64;
//!   each is followed by one f32 scale per output, then the bias):
//!     qkv_q [H x 3H] qkv_s [3H] qkv_b [3H]   (outputs: query | key | value)
//!     ao_q  [H x H]  ao_s [H]   ao_b [H]     ln1_w [H] ln1_b [H]
//!     ffi_q [H x I]  ffi_s [I]  ffi_b [I]
//!     ffo_q [I x H]  ffo_s [H]  ffo_b [H]    ln2_w [H] ln2_b [H]
//! value of an int8 weight = q * scale[output]   (symmetric, scale = max|row|/127)
//! ```
//!
//! Nothing is parsed or copied at load: the loader walks a cursor over the
//! sections and hands out typed sub-slices of the blob.  The casts go through
//! `bytemuck::try_cast_slice`, which checks size and alignment (a misaligned
//! blob is reported as an error, never undefined behaviour), so this module
//! needs no `unsafe`.  Pages of the blob are only touched when used (the
//! embedding table is 11.7 MB, of which a query reads a few rows).

use crate::Error;

#[cfg(target_endian = "big")]
compile_error!("weights.bin/vocab.bin are little-endian and are viewed in place");

pub const MAGIC: &[u8; 8] = b"MLMQ8v03";
const ALIGN: usize = 64;

/// Row-major int8 matrix with one f32 scale per row (the embedding table).
#[derive(Clone, Copy)]
pub struct QRows<'a> {
    pub q: &'a [i8],
    pub scale: &'a [f32],
    pub rows: usize,
    pub cols: usize,
}

impl QRows<'_> {
    /// Writes row `r` dequantised into `out` (`out.len() == cols`).
    #[inline(always)]
    pub fn row_into(&self, r: usize, out: &mut [f32]) {
        let s = self.scale[r];
        let src = &self.q[r * self.cols..(r + 1) * self.cols];
        for (o, &q) in out.iter_mut().zip(src) {
            *o = f32::from(q) * s;
        }
    }
}

/// A linear layer's int8 weights: Wᵀ (`inputs × outputs`) in panels of 64
/// outputs (see `kernel::matmul_q8`), with one f32 scale per output.
#[derive(Clone, Copy)]
pub struct QLinear<'a> {
    pub q: &'a [i8],
    pub scale: &'a [f32],
    pub inputs: usize,
    pub outputs: usize,
}

pub struct LayerWeights<'a> {
    pub qkv: QLinear<'a>,
    pub qkv_b: &'a [f32],
    pub ao: QLinear<'a>,
    pub ao_b: &'a [f32],
    pub ln1_w: &'a [f32],
    pub ln1_b: &'a [f32],
    pub ffi: QLinear<'a>,
    pub ffi_b: &'a [f32],
    pub ffo: QLinear<'a>,
    pub ffo_b: &'a [f32],
    pub ln2_w: &'a [f32],
    pub ln2_b: &'a [f32],
}

pub struct Weights<'a> {
    pub hidden: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub vocab: usize,
    pub max_positions: usize,
    pub type_vocab: usize,
    pub eps: f32,
    pub word: QRows<'a>,
    pub pos: &'a [f32],
    pub token_type: &'a [f32],
    pub emb_ln_w: &'a [f32],
    pub emb_ln_b: &'a [f32],
    pub layers: Vec<LayerWeights<'a>>,
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[off..off + 4]);
    u32::from_le_bytes(a)
}

fn u64_at(b: &[u8], off: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[off..off + 8]);
    u64::from_le_bytes(a)
}

/// Sequential section reader; every section starts 64-aligned.
pub(crate) struct Cursor<'a> {
    pub(crate) blob: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn bytes(&mut self, len: usize) -> Result<&'a [u8], Error> {
        let start = self.pos.div_ceil(ALIGN) * ALIGN;
        let end = start
            .checked_add(len)
            .ok_or(Error::Format("section overflow"))?;
        let s = self
            .blob
            .get(start..end)
            .ok_or(Error::Format("truncated blob"))?;
        self.pos = end;
        Ok(s)
    }
    pub(crate) fn f32s(&mut self, n: usize) -> Result<&'a [f32], Error> {
        bytemuck::try_cast_slice(self.bytes(n * 4)?).map_err(|_| Error::Misaligned)
    }
    pub(crate) fn u32s(&mut self, n: usize) -> Result<&'a [u32], Error> {
        bytemuck::try_cast_slice(self.bytes(n * 4)?).map_err(|_| Error::Misaligned)
    }
    fn qrows(&mut self, rows: usize, cols: usize) -> Result<QRows<'a>, Error> {
        let q: &[i8] = bytemuck::cast_slice(self.bytes(rows * cols)?);
        let scale = self.f32s(rows)?;
        Ok(QRows {
            q,
            scale,
            rows,
            cols,
        })
    }
    fn qlinear(&mut self, inputs: usize, outputs: usize) -> Result<QLinear<'a>, Error> {
        let q: &[i8] = bytemuck::cast_slice(self.bytes(inputs * outputs)?);
        let scale = self.f32s(outputs)?;
        Ok(QLinear {
            q,
            scale,
            inputs,
            outputs,
        })
    }
}

impl<'a> Weights<'a> {
    /// Views `blob` in place. `blob` must be 4-byte aligned (the embedded copy is 64-aligned).
    pub fn from_bytes(blob: &'a [u8]) -> Result<Self, Error> {
        if blob.len() < 64 || &blob[..8] != MAGIC {
            return Err(Error::Format("weights: bad magic"));
        }
        if u32_at(blob, 8) != 3 {
            return Err(Error::Format("weights: unsupported version"));
        }
        let dim = |o| u32_at(blob, o) as usize;
        let (h, layers, heads, inter, vocab, maxp, tv) = (
            dim(12),
            dim(16),
            dim(20),
            dim(24),
            dim(28),
            dim(32),
            dim(36),
        );
        let eps = f32::from_bits(u32_at(blob, 40));
        if u64_at(blob, 48) != blob.len() as u64 {
            return Err(Error::Format("weights: length mismatch"));
        }
        let p = crate::kernel::PANEL;
        let big = 1 << 20; // keeps every size product far from overflow
        if [h, layers, heads, inter, vocab, maxp, tv]
            .iter()
            .any(|&d| d > big)
        {
            return Err(Error::Format("weights: bad dimensions"));
        }
        if h == 0
            || heads == 0
            || h % heads != 0
            || h % p != 0
            || inter % p != 0
            || tv == 0
            || maxp < 3
            || layers > 64
        {
            return Err(Error::Format("weights: bad dimensions"));
        }
        let mut c = Cursor { blob, pos: 64 };
        let word = c.qrows(vocab, h)?;
        let pos = c.f32s(maxp * h)?;
        let token_type = c.f32s(tv * h)?;
        let emb_ln_w = c.f32s(h)?;
        let emb_ln_b = c.f32s(h)?;
        let mut ls = Vec::with_capacity(layers);
        for _ in 0..layers {
            ls.push(LayerWeights {
                qkv: c.qlinear(h, 3 * h)?,
                qkv_b: c.f32s(3 * h)?,
                ao: c.qlinear(h, h)?,
                ao_b: c.f32s(h)?,
                ln1_w: c.f32s(h)?,
                ln1_b: c.f32s(h)?,
                ffi: c.qlinear(h, inter)?,
                ffi_b: c.f32s(inter)?,
                ffo: c.qlinear(inter, h)?,
                ffo_b: c.f32s(h)?,
                ln2_w: c.f32s(h)?,
                ln2_b: c.f32s(h)?,
            });
        }
        if c.pos.div_ceil(ALIGN) * ALIGN != blob.len() {
            return Err(Error::Format("weights: trailing bytes"));
        }
        Ok(Weights {
            hidden: h,
            heads,
            intermediate: inter,
            vocab,
            max_positions: maxp,
            type_vocab: tv,
            eps,
            word,
            pos,
            token_type,
            emb_ln_w,
            emb_ln_b,
            layers: ls,
        })
    }
}

/// FNV-1a-64 over the little-endian u64 words of `blob[64..]`, compared with the header.
/// Costs a full pass over the blob (~5 ms), so it is for tests, not for start-up.
pub fn verify_checksum(blob: &[u8]) -> bool {
    if blob.len() < 64 || !(blob.len() - 64).is_multiple_of(8) {
        return false;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in blob[64..].chunks_exact(8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(a)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h == u64_at(blob, 56)
}
