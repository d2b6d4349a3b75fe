#!/usr/bin/env python3
"""Generate the ground-truth fixtures the Rust tests compare against.

  tests/gen_fixtures.py [--wheel WHL] [--exhaustive PATH]

Writes
  tests/data/tokenizer_cases.json   hand-picked + 5,000 seeded random strings
                                    with the `tokenizers` package's ids
  tests/data/reference_embeddings.json  reference.py (numpy f32 model) on
                                    tests/data/sentences.txt
  PATH (default target/exhaustive_ids.bin, with --exhaustive): for every code
      point c (surrogates excluded) the ids of f"x{c}y {c}": u32 code point,
      u8 count, count x u16 ids (little-endian).  Read by the ignored test
      `tokenizer_exhaustive_code_points`.
"""
import argparse
import json
import random
import struct
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
import reference  # noqa: E402


def hand_cases():
    long_words = " ".join(f"word{i} lorem ipsum dolor" for i in range(2500))  # 10,000 words
    return [
        "", " ", "   \t\n  ", "a", "A", "hello world", "Hello, World!",
        "The quick brown fox jumps over the lazy dog.",
        "teh quikc borwn fox jmups ovre teh lazzy dgo", "recieve seperate occured definately",
        "err.code === 7100", "if (err.code === 'ENOENT') { return null; }", "x->y::z<T>(&mut a[0]);",
        "https://example.com/path/to/page?query=1&b=%20x#frag", "user@example.com", "C:\\Windows\\System32\\drivers",
        '{"error": {"code": 401, "message": "Unauthorized", "details": [1, 2.5, null, true]}}',
        "0x80070005 0xC000021A E_FAIL HRESULT", "ORA-00942 SQLSTATE[23000] errno=-13",
        "2024-03-01T12:00:03.123Z ERROR [worker-3] job=8812 took 12.5ms",
        "Café crème brûlée résumé naïve façade coöperate", "ÀÁÂÃÄÅÆÇÈÉÊË àáâãäåæçèéêë", "Ångström Øresund Łódź Đà Nẵng",
        "straße STRASSE ǅ ǈ ǋ ﬁ ﬂ ﬀ", "İstanbul ıi İI", "Ωμέγα ΣΊΣΥΦΟΣ ς", "Ⅻ ⅻ ① ² ½",
        "e\u0301 e\u0301\u0327 e\u0327\u0301 a\u0300\u0316 \u0301alone", "ñ vs n\u0303", "Việt Nam Tiếng Việt",
        "I ❤️ Rust 🦀🔥🙏 👍🏽 👨‍👩‍👧‍👦 🇫🇷 🥰 ☕", "emoji🙂inside", "smile :) :-( ;P <3",
        "数据库连接失败，错误代码 1045", "データベースに接続できません。", "서버에 연결할 수 없습니다", "中文English混合",
        "𠀀𠀁 𪜀 𫝀 𫠠 𬺰 丽", "ｆｕｌｌｗｉｄｔｈ　ＡＢＣ１２３！", "Ошибка подключения к базе данных", "مرحبا بالعالم", "שלום עולם",
        "नमस्ते दुनिया", "สวัสดีชาวโลก", "ሰላም ዓለም",
        "ctrl\x00chars\x01here\x07\x1b[31mred\x1b[0m", "tab\tnew\nline\rcr", "vt\x0bff\x0cnel\x85end", "bom\ufeffzw\u200bsp\u200dj",
        "nb\u00a0sp en\u2002sp ideo\u3000sp line\u2028para\u2029", "repl\ufffdchar", "pua\ue000\ue001\uf8ff\U000f0000",
        "soft\u00adhyphen", "rtl\u200e\u200fmarks\u202e", "var\ufe0fsel", "tag\U000e0041chars",
        "!!!", "?!", "...", "---", "«»“”‘’„‚", "¿¡", "()[]{}<>", "@#$%^&*_+=|\\/~`", "§¶†‡•…‰′″",
        "[CLS]", "[SEP]", "[MASK]", "[PAD]", "[UNK]", "hello [MASK] world", "[CLS] already [SEP] here",
        "[cls] lowercase is not special", "[MASK][MASK]x[MASK]", "a[SEP]b", "[ [CLS [CLS]] ]", "[MASK",
        "a" * 100, "a" * 101, "b" * 99 + "!" + "c" * 101, "é" * 100, "é" * 101, "ab" * 60,
        "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
        "unaffable unbelievably tokenization wordpiece ##prefix ##", "12345678901234567890 3.14159 1e-9 -42 +7",
        long_words, "x " * 300, "é " * 300, "😀" * 300, "[CLS] " * 300, "!" * 1000,
    ]


RANGES = [
    (0x20, 0x7E, 40), (0x00, 0x1F, 2), (0x7F, 0x9F, 1), (0xA0, 0x24F, 8), (0x300, 0x36F, 6),
    (0x370, 0x3FF, 3), (0x400, 0x4FF, 3), (0x590, 0x6FF, 2), (0x900, 0x97F, 2), (0xE00, 0xE7F, 1),
    (0x1100, 0x11FF, 1), (0x1E00, 0x1EFF, 3), (0x2000, 0x206F, 4), (0x20A0, 0x20CF, 1), (0x2100, 0x22FF, 2),
    (0x3000, 0x303F, 2), (0x3040, 0x30FF, 3), (0x4E00, 0x9FFF, 4), (0xAC00, 0xD7A3, 2), (0xE000, 0xF8FF, 1),
    (0xF900, 0xFAFF, 1), (0xFE00, 0xFE0F, 1), (0xFF00, 0xFFEF, 2), (0xFFF0, 0xFFFF, 1), (0x1F300, 0x1FAFF, 4),
    (0x20000, 0x2FA1F, 1), (0xE0000, 0xE007F, 1), (0x10000, 0x10FFFF, 1),
]


def random_char(rng):
    total = sum(w for _, _, w in RANGES)
    x = rng.uniform(0, total)
    for lo, hi, w in RANGES:
        if x < w:
            while True:
                c = rng.randint(lo, hi)
                if not 0xD800 <= c <= 0xDFFF:
                    return chr(c)
        x -= w
    return "a"


def random_cases(n, seed=7100):
    rng = random.Random(seed)
    words = ["error", "code", "failed", "connection", "the", "printer", "denied", "[MASK]", "[CLS]", "timeout",
             "ünïcödé", "naïve", "東京", "🙂", "0x1F", "err.code", "===", "http://a.b/c", "\u00a0", "\t"]
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(0, 12)):
            r = rng.random()
            if r < 0.35:
                parts.append(rng.choice(words))
            else:
                parts.append("".join(random_char(rng) for _ in range(rng.randint(1, 8))))
            parts.append(rng.choice([" ", " ", " ", "", "\n", "  ", "-", "."]))
        out.append("".join(parts))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheel", default=reference.DEFAULT_WHEEL)
    ap.add_argument("--exhaustive", nargs="?", const=str(ROOT / "target" / "exhaustive_ids.bin"))
    a = ap.parse_args()
    tok_json, _, _ = reference.read_model_files(a.wheel)
    tok = reference.make_tokenizer(tok_json)

    cases = hand_cases() + random_cases(5000)
    encs = tok.encode_batch(cases)
    data = HERE / "data"
    data.mkdir(exist_ok=True)
    (data / "tokenizer_cases.json").write_text(
        json.dumps([{"text": t, "ids": e.ids} for t, e in zip(cases, encs)], ensure_ascii=True) + "\n")
    print(f"tokenizer_cases.json: {len(cases)} cases")

    out = subprocess.run([sys.executable, str(ROOT / "reference.py"), "--wheel", a.wheel,
                          "--file", str(data / "sentences.txt")], check=True, capture_output=True).stdout
    recs = json.loads(out)
    (data / "reference_embeddings.json").write_text(
        json.dumps([{"text": r["text"], "ids": r["ids"], "embedding": [round(v, 7) for v in r["embedding"]]}
                    for r in recs], ensure_ascii=True) + "\n")
    print(f"reference_embeddings.json: {len(recs)} sentences")

    if a.exhaustive:
        cps = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
        buf = bytearray()
        step = 65536
        for i in range(0, len(cps), step):
            chunk = cps[i:i + step]
            for c, e in zip(chunk, tok.encode_batch([f"x{chr(c)}y {chr(c)}" for c in chunk])):
                ids = e.ids
                buf += struct.pack("<IB", c, len(ids)) + struct.pack(f"<{len(ids)}H", *ids)
        p = Path(a.exhaustive)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(bytes(buf))
        print(f"{p}: {len(cps)} code points")


if __name__ == "__main__":
    main()
