//! Rust int8 embeddings vs the numpy f32 reference (reference.py).
use minilm::{Embedder, SimdLevel, cosine, set_simd_level};

fn reference() -> Vec<(String, Vec<u32>, Vec<f32>)> {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/reference_embeddings.json"
    ))
    .unwrap();
    let v: Vec<serde_json::Value> = serde_json::from_str(&raw).unwrap();
    v.iter()
        .map(|r| {
            (
                r["text"].as_str().unwrap().to_string(),
                r["ids"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap() as u32)
                    .collect(),
                r["embedding"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap() as f32)
                    .collect(),
            )
        })
        .collect()
}

/// (min, mean, text of the min) over the reference sentences.
fn compare(e: &Embedder, refs: &[(String, Vec<u32>, Vec<f32>)]) -> (f32, f32, String) {
    let mut min = (f32::MAX, String::new());
    let mut sum = 0.0;
    for (text, ids, want) in refs {
        assert_eq!(&e.token_ids(text), ids, "ids differ for {text:?}");
        let got = e.embed(text);
        let n: f32 = got.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((n - 1.0).abs() < 1e-4, "not normalised: {n}");
        let c = cosine(&got, want);
        sum += c;
        if c < min.0 {
            min = (c, text.clone());
        }
    }
    (min.0, sum / refs.len() as f32, min.1)
}

#[test]
fn int8_embeddings_match_f32_reference_at_every_simd_level() {
    let refs = reference();
    assert!(refs.len() >= 100);
    let e = Embedder::embedded().unwrap();
    for level in [SimdLevel::Auto, SimdLevel::V3, SimdLevel::Scalar] {
        set_simd_level(level);
        let (min, mean, worst) = compare(&e, &refs);
        println!(
            "{:?}: cosine vs f32 reference over {} sentences: min {min:.5} mean {mean:.5} (worst: {worst:?})",
            minilm::simd_level(),
            refs.len()
        );
        assert!(min >= 0.99, "min cosine {min} < 0.99 for {worst:?}");
    }
    set_simd_level(SimdLevel::Auto);
}

#[test]
fn embed_many_equals_embed() {
    let e = Embedder::embedded().unwrap();
    let texts = ["disk full", "printer offline", "", "error code 7100"];
    let many = e.embed_many(&texts);
    for (t, v) in texts.iter().zip(&many) {
        assert_eq!(&e.embed(t), v);
    }
}

#[test]
fn blob_checks() {
    let (w, v) = minilm::embedded_blobs();
    assert!(minilm::weights::verify_checksum(w), "weights.bin checksum");
    // A misaligned copy is an error, not UB or a panic.
    let mut buf = vec![0u8; w.len() + 3];
    let off = (0..4)
        .find(|o| !(buf.as_ptr() as usize + o).is_multiple_of(4))
        .unwrap();
    buf[off..off + w.len()].copy_from_slice(w);
    assert_eq!(
        Embedder::from_bytes(&buf[off..off + w.len()], v).err(),
        Some(minilm::Error::Misaligned)
    );
    assert!(Embedder::from_bytes(&w[..1000], v).is_err());
    assert!(Embedder::from_bytes(v, w).is_err());
}
