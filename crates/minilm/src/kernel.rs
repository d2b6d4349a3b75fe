//! `y = (x · Q) ⊙ scale + bias` straight from int8 weights, in safe Rust.
//!
//! `x` is `n × C` f32 (row-major), `Q` is an int8 matrix stored input-major
//! (`C × R`, row `k` holds input `k`'s weight for every output), `scale` and
//! `bias` are per output.  The weights are read once, widened to f32 in
//! registers, and used for a tile of `T` tokens × `B` outputs held in
//! accumulators (an outer-product micro-kernel, like an sgemm's), so no f32
//! copy of the weights is ever written — which is what makes a single short
//! query cheap: the work is the 10.6 M multiply-adds per token, not widening
//! and packing 42 MB of f32.
//!
//! The loops are plain fixed-size array code that LLVM vectorises; `pulp`
//! picks at run time a copy compiled for AVX-512 (x86-64-v4), AVX2+FMA
//! (x86-64-v3) or the baseline, so the binary stays portable and this crate
//! has no `unsafe` for it (pulp's dispatch is where the target-feature
//! `unsafe` lives).

use std::sync::atomic::{AtomicU8, Ordering};

/// Which copy of the kernel runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SimdLevel {
    /// Whatever the CPU supports best (default).
    Auto = 0,
    /// x86-64 baseline (SSE2), no FMA.
    Scalar = 1,
    /// AVX2 + FMA.
    V3 = 2,
    /// AVX-512F.
    V4 = 3,
}

static FORCED: AtomicU8 = AtomicU8::new(0);

/// Caps the kernel's instruction set (for tests and benchmarks).  Asking for
/// more than the CPU has falls back to the best it has.
pub fn set_simd_level(l: SimdLevel) {
    FORCED.store(l as u8, Ordering::Relaxed);
}

/// The level the kernel will use now.
pub fn simd_level() -> SimdLevel {
    match pick() {
        Pick::V4(_) => SimdLevel::V4,
        Pick::V3(_) => SimdLevel::V3,
        Pick::Scalar => SimdLevel::Scalar,
    }
}

enum Pick {
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    V4(pulp::x86::V4),
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    V3(pulp::x86::V3),
    Scalar,
}

fn pick() -> Pick {
    let forced = FORCED.load(Ordering::Relaxed);
    #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
    {
        if (forced == 0 || forced >= SimdLevel::V4 as u8)
            && let Some(s) = pulp::x86::V4::try_new()
        {
            return Pick::V4(s);
        }
        if (forced == 0 || forced >= SimdLevel::V3 as u8)
            && let Some(s) = pulp::x86::V3::try_new()
        {
            return Pick::V3(s);
        }
    }
    let _ = forced;
    Pick::Scalar
}

/// Runs `op` inside a function compiled for the best instruction set the
/// CPU has (AVX-512 / AVX2+FMA / baseline), so that the `#[inline(always)]`
/// element-wise code it contains (GELU, softmax, LayerNorm) is vectorised
/// with that set.  (`op.with_simd` must be `#[inline(always)]`; a closure
/// would not be inlined into the target-feature function.)  Calls to
/// non-inlined functions inside keep their own dispatch.
#[inline(always)]
pub fn simd<Op: pulp::WithSimd>(f: Op) -> Op::Output {
    match pick() {
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        Pick::V4(s) => pulp::Simd::vectorize(s, f),
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        Pick::V3(s) => pulp::Simd::vectorize(s, f),
        Pick::Scalar => pulp::Simd::vectorize(pulp::Scalar, f),
    }
}

/// Outputs per weight panel (the `q8p64` layout of `rebuild.py`).
pub const PANEL: usize = 64;

/// One `T × B` output tile: tokens `t0..t0+T`, outputs `r0..r0+B`.
/// `panel` is the `c × PANEL` block holding those outputs, at column `off`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn tile<const T: usize, const B: usize, const FMA: bool>(
    x: &[f32],
    c: usize,
    panel: &[i8],
    off: usize,
    r: usize,
    r0: usize,
    t0: usize,
    scale: &[f32; B],
    bias: &[f32; B],
    y: &mut [f32],
) {
    let mut acc = [[0f32; B]; T];
    let xr: [&[f32]; T] = std::array::from_fn(|t| &x[(t0 + t) * c..(t0 + t + 1) * c]);
    for (k, wrow) in panel.chunks_exact(PANEL).enumerate().take(c) {
        let Ok(wrow) = <&[i8; B]>::try_from(&wrow[off..off + B]) else {
            return; // unreachable: the slice is exactly B long
        };
        let w: [f32; B] = std::array::from_fn(|j| f32::from(wrow[j]));
        for t in 0..T {
            let xv = xr[t][k];
            for j in 0..B {
                acc[t][j] = if FMA {
                    xv.mul_add(w[j], acc[t][j])
                } else {
                    acc[t][j] + xv * w[j]
                };
            }
        }
    }
    for (t, a) in acc.iter().enumerate() {
        let out = &mut y[(t0 + t) * r + r0..(t0 + t) * r + r0 + B];
        for j in 0..B {
            out[j] = a[j] * scale[j] + bias[j];
        }
    }
}

struct Op<'a, const T: usize, const B: usize, const FMA: bool> {
    x: &'a [f32],
    n: usize,
    c: usize,
    q: &'a [i8],
    r: usize,
    scale: &'a [f32],
    bias: &'a [f32],
    y: &'a mut [f32],
}

impl<const T: usize, const B: usize, const FMA: bool> pulp::WithSimd for Op<'_, T, B, FMA> {
    type Output = ();
    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _simd: S) {
        // Output block outer, tokens inner: the c × B slice of a panel
        // (≤ 96 KB) stays in cache while every token tile uses it, and the
        // panels are read front to back, once.
        let Op {
            x,
            n,
            c,
            q,
            r,
            scale,
            bias,
            y,
        } = self;
        for (p, panel) in q.chunks_exact(c * PANEL).enumerate().take(r / PANEL) {
            for off in (0..PANEL).step_by(B) {
                let r0 = p * PANEL + off;
                let (Ok(s), Ok(b)) = (
                    <&[f32; B]>::try_from(&scale[r0..r0 + B]),
                    <&[f32; B]>::try_from(&bias[r0..r0 + B]),
                ) else {
                    return;
                };
                let mut t0 = 0;
                while t0 + T <= n {
                    tile::<T, B, FMA>(x, c, panel, off, r, r0, t0, s, b, y);
                    t0 += T;
                }
                // Leftover tokens (T is 4): a tile of 2, then of 1.
                if t0 + 2 <= n {
                    tile::<2, B, FMA>(x, c, panel, off, r, r0, t0, s, b, y);
                    t0 += 2;
                }
                if t0 < n {
                    tile::<1, B, FMA>(x, c, panel, off, r, r0, t0, s, b, y);
                }
            }
        }
    }
}

/// `y[n×r] = (x[n×c] · q[c×r]) ⊙ scale[r] + bias[r]`, `q` in panels of 64
/// outputs (`r % 64 == 0`): element (k, o) at `(o/64)·c·64 + k·64 + o%64`.
///
/// Returns `false` (and leaves `y` alone) if a shape is wrong, so a bug in a
/// caller shows up as a failed check rather than a panic.
#[allow(clippy::too_many_arguments)]
pub fn matmul_q8(
    x: &[f32],
    n: usize,
    c: usize,
    q: &[i8],
    r: usize,
    scale: &[f32],
    bias: &[f32],
    y: &mut [f32],
) -> bool {
    if !r.is_multiple_of(PANEL)
        || x.len() < n * c
        || q.len() < c * r
        || scale.len() < r
        || bias.len() < r
        || y.len() < n * r
    {
        return false;
    }
    if n == 0 || r == 0 || c == 0 {
        y[..n * r]
            .iter_mut()
            .zip(bias.iter().cycle())
            .for_each(|(v, &b)| *v = b);
        return true;
    }
    match pick() {
        // AVX-512: 4 tokens × 64 outputs = 16 zmm accumulators.
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        Pick::V4(s) => pulp::Simd::vectorize(
            s,
            Op::<4, 64, true> {
                x,
                n,
                c,
                q,
                r,
                scale,
                bias,
                y,
            },
        ),
        // AVX2: 4 tokens × 16 outputs = 8 ymm accumulators (16 registers in all).
        #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
        Pick::V3(s) => pulp::Simd::vectorize(
            s,
            Op::<4, 16, true> {
                x,
                n,
                c,
                q,
                r,
                scale,
                bias,
                y,
            },
        ),
        Pick::Scalar => pulp::Simd::vectorize(
            pulp::Scalar,
            Op::<4, 16, false> {
                x,
                n,
                c,
                q,
                r,
                scale,
                bias,
                y,
            },
        ),
    }
    true
}

#[cfg(test)]
/// Un-panels and widens `q` (`c × r`, panel layout) into plain row-major `c × r` f32.
pub fn widen_unpanel(q: &[i8], c: usize, r: usize, out: &mut Vec<f32>) {
    out.clear();
    out.resize(c * r, 0.0);
    if !r.is_multiple_of(PANEL) || c == 0 {
        return;
    }
    for (p, panel) in q.chunks_exact(c * PANEL).enumerate().take(r / PANEL) {
        for (k, src) in panel.chunks_exact(PANEL).enumerate() {
            let dst = &mut out[k * r + p * PANEL..k * r + (p + 1) * PANEL];
            for (d, &v) in dst.iter_mut().zip(src) {
                *d = f32::from(v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(x: &[f32], n: usize, c: usize, q: &[i8], r: usize, s: &[f32], b: &[f32]) -> Vec<f32> {
        let mut y = vec![0f32; n * r];
        for t in 0..n {
            for o in 0..r {
                let acc: f64 = (0..c)
                    .map(|k| x[t * c + k] as f64 * q[(o / 64) * c * 64 + k * 64 + o % 64] as f64)
                    .sum();
                y[t * r + o] = (acc * s[o] as f64 + b[o] as f64) as f32;
            }
        }
        y
    }

    #[test]
    fn matches_naive_at_every_level_and_shape() {
        let levels = [SimdLevel::Scalar, SimdLevel::V3, SimdLevel::V4];
        for &(n, c, r) in &[
            (1, 3, 64),
            (5, 17, 192),
            (7, 384, 128),
            (9, 64, 256),
            (4, 8, 64),
            (13, 40, 64),
            (0, 5, 64),
        ] {
            let x: Vec<f32> = (0..n * c)
                .map(|i| ((i * 37 % 101) as f32 - 50.0) / 50.0)
                .collect();
            let q: Vec<i8> = (0..c * r)
                .map(|i| ((i * 53 % 255) as i32 - 127) as i8)
                .collect();
            let s: Vec<f32> = (0..r).map(|i| 0.001 + i as f32 * 1e-4).collect();
            let b: Vec<f32> = (0..r).map(|i| i as f32 * 0.01 - 0.3).collect();
            let want = naive(&x, n, c, &q, r, &s, &b);
            for &l in &levels {
                set_simd_level(l);
                let mut y = vec![f32::NAN; n * r];
                assert!(matmul_q8(&x, n, c, &q, r, &s, &b, &mut y));
                for (a, w) in y.iter().zip(&want) {
                    assert!(
                        (a - w).abs() <= 1e-4 * (1.0 + w.abs()),
                        "{l:?} n={n} c={c} r={r}: {a} vs {w}"
                    );
                }
            }
            set_simd_level(SimdLevel::Auto);
        }
        let mut y = vec![0f32; 4];
        assert!(!matmul_q8(&[1.0], 1, 2, &[1, 2], 1, &[1.0], &[0.0], &mut y));
        assert!(!matmul_q8(
            &[1.0; 2], 1, 2, &[1; 128], 64, &[1.0; 64], &[0.0; 64], &mut y
        ));
    }

    #[test]
    fn widen_unpanel_inverts_the_layout() {
        let (c, r) = (3, 128);
        let q: Vec<i8> = (0..c * r).map(|i| (i % 200) as i8).collect();
        let mut out = Vec::new();
        widen_unpanel(&q, c, r, &mut out);
        for k in 0..c {
            for o in 0..r {
                assert_eq!(
                    out[k * r + o],
                    q[(o / 64) * c * 64 + k * 64 + o % 64] as f32
                );
            }
        }
    }
}
