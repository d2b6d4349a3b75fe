//! BERT encoder forward pass (all-MiniLM-L6-v2) over int8 weights with one
//! scale per output unit, mean pooling and L2 normalisation.
//!
//! A linear layer is `y = (x · Q) ⊙ scale + bias` (`Q` = int8 Wᵀ; applying the
//! per-output scale to the output is exact algebra and saves a multiply per
//! weight).  `kernel::matmul_q8` multiplies straight from the int8 blob; no
//! f32 weights exist anywhere.  Widening the matrices to f32 for `sgemm`,
//! per use or once at load, was 2.3x and 5x slower for one query (README).
//!
//! Attention (`Q·Kᵀ`, `P·V`, per head, tiny) always uses `sgemm` through the
//! bounds-checked wrapper [`gemm`].

use crate::kernel::matmul_q8;
use crate::weights::{QLinear, Weights};

/// A row-major matrix view: element (r, c) is `data[r * rs + c * cs]`.
#[derive(Clone, Copy)]
struct View<'a> {
    data: &'a [f32],
    rs: usize,
    cs: usize,
}

/// `c[m×n] = alpha · a[m×k] · b[k×n] + beta · c` over strided views
/// (`c` row-major with row stride `rsc`).
///
/// This is the crate's only `unsafe` block: `matrixmultiply::sgemm` is an
/// `unsafe fn` taking raw pointers and strides (it has no safe entry point).
/// Every index it can touch is `(rows-1)·rs + (cols-1)·cs` at most, which is
/// checked against each slice's length before the call, and
/// `c` is a unique `&mut` so it cannot alias `a` or `b`.  The check fails only
/// on a bug in this module (dimensions come from the validated weight header,
/// never from the input text), so it is an `assert!`.
#[allow(clippy::too_many_arguments)]
fn gemm(
    m: usize,
    k: usize,
    n: usize,
    alpha: f32,
    a: View,
    b: View,
    beta: f32,
    c: &mut [f32],
    rsc: usize,
) {
    if m == 0 || n == 0 {
        return;
    }
    let extent = |rows: usize, cols: usize, rs: usize, cs: usize| {
        if rows == 0 || cols == 0 {
            0
        } else {
            (rows - 1) * rs + (cols - 1) * cs + 1
        }
    };
    assert!(extent(m, k, a.rs, a.cs) <= a.data.len());
    assert!(extent(k, n, b.rs, b.cs) <= b.data.len());
    assert!(extent(m, n, rsc, 1) <= c.len());
    assert!(a.rs.max(a.cs).max(b.rs).max(b.cs).max(rsc) <= isize::MAX as usize);
    // SAFETY: see the doc comment: all accesses are in bounds (asserted just
    // above), the pointers come from live slices, and `c` is exclusive.
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            alpha,
            a.data.as_ptr(),
            a.rs as isize,
            a.cs as isize,
            b.data.as_ptr(),
            b.rs as isize,
            b.cs as isize,
            beta,
            c.as_mut_ptr(),
            rsc as isize,
            1,
        );
    }
}

/// Fast `exp` for f32 (Cephes-style range reduction + degree-6 polynomial,
/// relative error ~2e-7), written so that loops over it auto-vectorise.
#[inline(always)]
fn exp_f32(x: f32) -> f32 {
    #[allow(clippy::manual_clamp)] // max/min vectorise to vmaxps/vminps; clamp adds NaN checks
    let x = x.max(-87.0).min(88.0);
    // Round to nearest with the 1.5·2²³ trick (no libm `roundf` call, vectorises):
    // `t`'s low mantissa bits then hold k as an integer.
    let t = x * std::f32::consts::LOG2_E + 12_582_912.0;
    let k = t - 12_582_912.0;
    let r = x - k * 0.693_145_75 - k * 1.428_606_8e-6;
    let p = 1.0
        + r * (1.0
            + r * (0.5
                + r * (0.166_666_67
                    + r * (0.041_666_668 + r * (0.008_333_334 + r * 0.001_388_889)))));
    // 2^k via the exponent bits; k is in [-126, 127] after the clamp.  The
    // integer k is read from `t`'s bits (a saturating `k as i32` cast would
    // not vectorise).
    let ki = t.to_bits().wrapping_sub(0x4B40_0000);
    p * f32::from_bits(ki.wrapping_add(127) << 23)
}

/// erf via Abramowitz–Stegun 7.1.26 (|error| ≤ 1.5e-7).
#[inline(always)]
fn erf_f32(x: f32) -> f32 {
    let a = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let y = 1.0
        - t * (0.254_829_6
            + t * (-0.284_496_74 + t * (1.421_413_8 + t * (-1.453_152_1 + t * 1.061_405_4))))
            * exp_f32(-a * a);
    y.copysign(x)
}

/// Exact (erf) GELU, as HF's `"gelu"`.
#[inline(always)]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf_f32(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// Sum with 16 independent lanes (vectorises; in-order f32 sums do not).
#[inline(always)]
fn sum_lanes(v: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut acc = [0f32; 16];
    let chunks = v.chunks_exact(16);
    let rest = chunks.remainder();
    for c in chunks {
        for j in 0..16 {
            acc[j] += f(c[j]);
        }
    }
    acc.iter().sum::<f32>() + rest.iter().map(|&x| f(x)).sum::<f32>()
}

/// Maximum with 16 independent lanes (vectorises; a scalar fold does not).
#[inline(always)]
fn max_lanes(v: &[f32]) -> f32 {
    let mut acc = [f32::NEG_INFINITY; 16];
    let chunks = v.chunks_exact(16);
    let rest = chunks.remainder();
    for c in chunks {
        for j in 0..16 {
            acc[j] = acc[j].max(c[j]);
        }
    }
    acc.iter()
        .chain(rest)
        .fold(f32::NEG_INFINITY, |a, &b| a.max(b))
}

#[inline(always)]
fn layer_norm(x: &mut [f32], w: &[f32], b: &[f32], eps: f32) {
    let h = w.len();
    for row in x.chunks_exact_mut(h) {
        let mean = sum_lanes(row, |v| v) / h as f32;
        let var = sum_lanes(row, |v| (v - mean) * (v - mean)) / h as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, &g), &bb) in row.iter_mut().zip(w).zip(b) {
            *v = (*v - mean) * inv * g + bb;
        }
    }
}

/// One linear layer: int8 weights with their scales, and the bias.
struct Linear<'a> {
    q: QLinear<'a>,
    bias: &'a [f32],
}

impl Linear<'_> {
    /// `y[n×outputs] = (x[n×inputs] · Q) ⊙ scale + bias`.
    fn forward(&self, x: &[f32], n: usize, y: &mut [f32]) {
        let ok = matmul_q8(
            x,
            n,
            self.q.inputs,
            self.q.q,
            self.q.outputs,
            self.q.scale,
            self.bias,
            y,
        );
        debug_assert!(ok);
    }
}

struct Layer<'a> {
    qkv: Linear<'a>,
    ao: Linear<'a>,
    ln1: (&'a [f32], &'a [f32]),
    ffi: Linear<'a>,
    ffo: Linear<'a>,
    ln2: (&'a [f32], &'a [f32]),
}

/// Wall-clock time of each stage of one embedding, in microseconds.
#[derive(Clone, Copy, Debug, Default)]
pub struct StageTimes {
    pub embed_lookup_us: f64,
    pub encoder_us: f64,
    pub pool_us: f64,
}

/// Per-call working memory, reusable across calls (`embed_many`).
#[derive(Default)]
pub struct Scratch {
    x: Vec<f32>,
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    tmp: Vec<f32>,
    inter: Vec<f32>,
    scores: Vec<f32>,
}

pub struct Model<'a> {
    w: Weights<'a>,
    layers: Vec<Layer<'a>>,
}

impl<'a> Model<'a> {
    pub fn new(w: Weights<'a>) -> Self {
        let layers = w
            .layers
            .iter()
            .map(|l| Layer {
                qkv: Linear {
                    q: l.qkv,
                    bias: l.qkv_b,
                },
                ao: Linear {
                    q: l.ao,
                    bias: l.ao_b,
                },
                ln1: (l.ln1_w, l.ln1_b),
                ffi: Linear {
                    q: l.ffi,
                    bias: l.ffi_b,
                },
                ffo: Linear {
                    q: l.ffo,
                    bias: l.ffo_b,
                },
                ln2: (l.ln2_w, l.ln2_b),
            })
            .collect();
        Model { w, layers }
    }

    pub fn hidden(&self) -> usize {
        self.w.hidden
    }

    /// Longest sequence (in tokens, [CLS]/[SEP] included) the model accepts.
    pub fn max_positions(&self) -> usize {
        self.w.max_positions
    }

    pub fn vocab_size(&self) -> usize {
        self.w.vocab
    }

    /// Embeds `ids` (already `[CLS] … [SEP]`): mean-pooled, L2-normalised.
    /// Out-of-range ids are treated as id 0 and sequences are cut to
    /// `max_positions`, so no input can make this panic.
    pub fn embed_ids(&self, ids: &[u32], s: &mut Scratch, t: Option<&mut StageTimes>) -> Vec<f32> {
        // Everything here is compiled once per instruction set and picked at
        // run time, so the element-wise loops get AVX2/AVX-512 when present.
        crate::kernel::simd(EmbedOp {
            model: self,
            ids,
            s,
            t,
        })
    }

    #[inline(always)]
    fn embed_ids_inner(
        &self,
        ids: &[u32],
        s: &mut Scratch,
        t: Option<&mut StageTimes>,
    ) -> Vec<f32> {
        let clock = std::time::Instant::now();
        let h = self.w.hidden;
        let n = ids.len().min(self.w.max_positions);
        let mut out = vec![0.0f32; h];
        if n == 0 {
            return out;
        }
        let ids = &ids[..n];
        let (nh, inter) = (self.w.heads, self.w.intermediate);
        let dh = h / nh;
        s.x.clear();
        s.x.resize(n * h, 0.0);
        s.qkv.resize(n * 3 * h, 0.0);
        s.ctx.resize(n * h, 0.0);
        s.tmp.resize(n * h, 0.0);
        s.inter.resize(n * inter, 0.0);
        s.scores.resize(n * n, 0.0);

        // Embeddings: only the rows of the query's tokens are widened.
        let typ0 = &self.w.token_type[..h];
        for (p, (&id, row)) in ids.iter().zip(s.x.chunks_exact_mut(h)).enumerate() {
            let id = if (id as usize) < self.w.vocab {
                id as usize
            } else {
                0
            };
            self.w.word.row_into(id, row);
            let pos = &self.w.pos[p * h..(p + 1) * h];
            for ((v, &pe), &te) in row.iter_mut().zip(pos).zip(typ0) {
                *v += pe + te;
            }
        }
        layer_norm(&mut s.x, self.w.emb_ln_w, self.w.emb_ln_b, self.w.eps);
        let t_embed = clock.elapsed();

        let scale = 1.0 / (dh as f32).sqrt();
        for l in &self.layers {
            l.qkv.forward(&s.x, n, &mut s.qkv);
            for head in 0..nh {
                let q = View {
                    data: &s.qkv[head * dh..],
                    rs: 3 * h,
                    cs: 1,
                };
                // Kᵀ[d][j] = K[j][d]
                let kt = View {
                    data: &s.qkv[h + head * dh..],
                    rs: 1,
                    cs: 3 * h,
                };
                gemm(n, dh, n, scale, q, kt, 0.0, &mut s.scores, n);
                for row in s.scores.chunks_exact_mut(n) {
                    let mx = max_lanes(row);
                    row.iter_mut().for_each(|v| *v = exp_f32(*v - mx));
                    let inv = 1.0 / sum_lanes(row, |v| v);
                    row.iter_mut().for_each(|v| *v *= inv);
                }
                let p = View {
                    data: &s.scores,
                    rs: n,
                    cs: 1,
                };
                let v = View {
                    data: &s.qkv[2 * h + head * dh..],
                    rs: 3 * h,
                    cs: 1,
                };
                gemm(n, n, dh, 1.0, p, v, 0.0, &mut s.ctx[head * dh..], h);
            }
            l.ao.forward(&s.ctx, n, &mut s.tmp);
            s.tmp.iter_mut().zip(&s.x).for_each(|(a, &b)| *a += b);
            layer_norm(&mut s.tmp, l.ln1.0, l.ln1.1, self.w.eps);
            std::mem::swap(&mut s.x, &mut s.tmp);
            l.ffi.forward(&s.x, n, &mut s.inter);
            s.inter.iter_mut().for_each(|v| *v = gelu(*v));
            l.ffo.forward(&s.inter, n, &mut s.tmp);
            s.tmp.iter_mut().zip(&s.x).for_each(|(a, &b)| *a += b);
            layer_norm(&mut s.tmp, l.ln2.0, l.ln2.1, self.w.eps);
            std::mem::swap(&mut s.x, &mut s.tmp);
        }
        let t_enc = clock.elapsed();

        // Mean pooling (every token is attended: batch of one, no padding).
        for row in s.x.chunks_exact(h) {
            out.iter_mut().zip(row).for_each(|(o, &v)| *o += v);
        }
        let inv_n = 1.0 / n as f32;
        out.iter_mut().for_each(|o| *o *= inv_n);
        l2_normalize(&mut out);
        if let Some(t) = t {
            let us = |d: std::time::Duration| d.as_secs_f64() * 1e6;
            t.embed_lookup_us = us(t_embed);
            t.encoder_us = us(t_enc - t_embed);
            t.pool_us = us(clock.elapsed() - t_enc);
        }
        out
    }
}

struct EmbedOp<'m, 'a, 's, 't> {
    model: &'m Model<'a>,
    ids: &'s [u32],
    s: &'s mut Scratch,
    t: Option<&'t mut StageTimes>,
}

impl pulp::WithSimd for EmbedOp<'_, '_, '_, '_> {
    type Output = Vec<f32>;
    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) -> Vec<f32> {
        self.model.embed_ids_inner(self.ids, self.s, self.t)
    }
}

/// `v / max(‖v‖, 1e-12)`, as `torch.nn.functional.normalize`.
#[inline(always)]
pub fn l2_normalize(v: &mut [f32]) {
    let norm = sum_lanes(v, |x| x * x).sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_erf_are_accurate() {
        let mut x = -20.0f32;
        while x < 20.0 {
            let e = exp_f32(x) as f64;
            let r = (x as f64).exp();
            assert!(((e - r) / r).abs() < 5e-7, "exp({x}) = {e} vs {r}");
            x += 0.0137;
        }
        // erf reference values
        for (x, r) in [
            (0.0, 0.0),
            (0.5, 0.520_499_877_8),
            (1.0, 0.842_700_792_9),
            (-2.0, -0.995_322_265),
            (3.5, 0.999_999_256_9),
        ] {
            assert!((erf_f32(x) as f64 - r).abs() < 3e-7, "erf({x})");
        }
        assert!(exp_f32(-1000.0) >= 0.0);
        assert!(exp_f32(1000.0).is_finite());
        assert_eq!(gelu(0.0), 0.0);
    }
}
