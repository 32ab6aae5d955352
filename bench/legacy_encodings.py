"""How well `decode_bytes` reads pages saved in a legacy encoding that their <meta> declares.

There are no legacy-encoded pages among the dev sets (all are UTF-8), so each dev HTML page of the dates
and authors sets is re-encoded in the legacy encoding of its language (windows-1252 declared as
iso-8859-1 for Western European, windows-1251, gb2312, shift_jis, euc-kr, iso-8859-9, ...), its
`charset=utf-8` declaration rewritten to that label (or a `<meta charset>` added after `<head>`), and
decoded (with --undeclared, the declaration is removed instead, so the detector decides).  A page counts
as right when the text equals the legacy bytes decoded in the right codec.
Prints right/pages per language.  A measuring tool for decode.py, not a test.

    .venv/bin/python bench/legacy_encodings.py [--half a|b]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from _shared import require_shared_bench
from axis_ingest.decode import decode_bytes
from axis_ingest.detectors import detect_language

# language -> (the label a page of that language typically declared, the codec browsers decode it with)
LEGACY = {
    **dict.fromkeys(("de", "en", "fr", "es", "it", "nl", "pt"), ("iso-8859-1", "cp1252")),
    "ru": ("windows-1251", "cp1251"),
    "uk": ("windows-1251", "cp1251"),
    "zh": ("gb2312", "gb18030"),
    "ja": ("shift_jis", "cp932"),
    "ko": ("euc-kr", "cp949"),
    "tr": ("iso-8859-9", "cp1254"),
    "el": ("windows-1253", "cp1253"),
    "pl": ("iso-8859-2", "iso8859_2"),
    "cs": ("windows-1250", "cp1250"),
    "ar": ("windows-1256", "cp1256"),
    "fa": ("windows-1256", "cp1256"),
}
UTF8_DECLARED = re.compile(rb"charset\s*=\s*[\"']?utf-?8", re.IGNORECASE)
HEAD = re.compile(rb"(<head[^>]*>)", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def legacy_copy(page: str, label: str | None, codec: str) -> bytes | None:
    """The page in `codec`, declaring `label` (None: declaring nothing); None when it is ASCII."""
    data = page.encode(codec, errors="xmlcharrefreplace")
    if data == page.encode("utf-8"):
        return None
    if label is None:
        return UTF8_DECLARED.sub(b"", data)
    if UTF8_DECLARED.search(data):
        return UTF8_DECLARED.sub(b"charset=" + label.encode(), data)
    return HEAD.sub(rb'\1<meta charset="' + label.encode() + b'">', data, count=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("a", "b"), help="only pages whose file name hashes to this half")
    parser.add_argument("--undeclared", action="store_true", help="remove the declaration instead (the detector)")
    args = parser.parse_args()
    bench = require_shared_bench()
    counts: dict[str, list[int]] = {}
    for path in sorted([*(bench / "dates" / "html").glob("*.gz"), *(bench / "authors" / "html").rglob("*.gz")]):
        if args.half and "ab"[hashlib.sha256(path.name.encode()).digest()[0] % 2] != args.half:
            continue
        try:
            page = gzip.decompress(path.read_bytes()).decode("utf-8")
        except UnicodeDecodeError:
            continue
        language = detect_language(TAG.sub(" ", page)[:20_000])[0]
        if language not in LEGACY:
            continue
        label, codec = LEGACY[language]
        data = legacy_copy(page, None if args.undeclared else label, codec)
        if data is None:
            continue
        want = data.decode(codec, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        text, _ = decode_bytes(data)
        right = counts.setdefault(language, [0, 0])
        right[0] += 1
        right[1] += text == want
    total = [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]
    ordered = sorted(counts.items(), key=lambda item: -item[1][0])
    print(" ".join(f"{lang} {c[1]}/{c[0]}" for lang, c in ordered))
    print(f"legacy pages read exactly right: {total[1]}/{total[0]}")


if __name__ == "__main__":
    main()
