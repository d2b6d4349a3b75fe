//! Token ids must equal those of the Hugging Face `tokenizers` package
//! (fixtures from tests/gen_fixtures.py).
use minilm::Embedder;

fn embedder() -> Embedder<'static> {
    Embedder::embedded().expect("embedded model")
}

/// The hand-picked and random cases with HF's ids (gen_fixtures.py).
fn cases() -> Vec<serde_json::Value> {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/tokenizer_cases.json"
    ))
    .unwrap();
    serde_json::from_str(&raw).unwrap()
}

#[test]
fn tokenizer_matches_hf_on_case_list() {
    let e = embedder();
    let cases = cases();
    let mut bad = Vec::new();
    for c in &cases {
        let text = c["text"].as_str().unwrap();
        let want: Vec<u32> = c["ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as u32)
            .collect();
        let got = e.token_ids(text);
        if got != want {
            bad.push(format!("{text:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    report("tokenizer: cases", cases.len(), &bad);
}

/// Prints how many of `total` were identical and fails with the first
/// mismatches, if any.
fn report(what: &str, total: usize, mismatches: &[String]) {
    println!("{what}: {}/{total} identical", total - mismatches.len());
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Every Unicode scalar value c, as `x{c}y {c}`.  Needs
/// `python3 tests/gen_fixtures.py --exhaustive` first (writes target/exhaustive_ids.bin).
#[test]
#[ignore]
fn tokenizer_exhaustive_code_points() {
    let path = std::env::var("MINILM_EXHAUSTIVE").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/exhaustive_ids.bin").to_string()
    });
    let b = std::fs::read(&path).expect("run tests/gen_fixtures.py --exhaustive first");
    let e = embedder();
    let (mut i, mut n, mut bad) = (0usize, 0usize, Vec::new());
    while i < b.len() {
        let cp = u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
        let cnt = b[i + 4] as usize;
        let want: Vec<u32> = (0..cnt)
            .map(|k| u16::from_le_bytes([b[i + 5 + 2 * k], b[i + 6 + 2 * k]]) as u32)
            .collect();
        i += 5 + 2 * cnt;
        let c = char::from_u32(cp).unwrap();
        let got = e.token_ids(&format!("x{c}y {c}"));
        if got != want {
            bad.push(format!("U+{cp:04X}: want {want:?} got {got:?}"));
        }
        n += 1;
    }
    report("exhaustive: code points", n, &bad);
}

#[test]
fn truncates_to_256_and_never_panics() {
    let e = embedder();
    let long = "word ".repeat(10_000);
    let ids = e.token_ids(&long);
    assert_eq!(ids.len(), 256);
    assert_eq!((ids[0], ids[255]), (101, 102));
    for t in [
        "",
        " ",
        "\u{0}",
        "\u{fffd}",
        "[CLS]",
        "[SEP][SEP]",
        "!!!!",
        &"x".repeat(100_000),
        &"é".repeat(5000),
        &"[MASK]".repeat(1000),
    ] {
        let ids = e.token_ids(t);
        assert!(ids.len() >= 2 && ids.len() <= 256);
        let v = e.embed(t);
        assert_eq!(v.len(), 384);
        assert!(v.iter().all(|x| x.is_finite()));
    }
}

#[test]
fn embed_is_finite_and_normalised_on_odd_inputs() {
    let e = embedder();
    let cases = cases();
    let mut scratch = minilm::Scratch::default();
    for c in cases.iter().step_by(10) {
        let v = e.embed_timed(c["text"].as_str().unwrap(), &mut scratch, None);
        let n: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!(
            v.iter().all(|x| x.is_finite()) && (n - 1.0).abs() < 1e-4,
            "{:?}",
            c["text"]
        );
    }
}
