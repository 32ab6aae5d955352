"""Title accuracy of an axis-ingest database against the `title` labels of ../shared/bench/authors/labels.jsonl.

There is no title scorer in ../shared/bench/score, so this reads the database `run-dev --only authors --keep`
left (the CLI's own output), finds each labelled page's article with the shared scorers' ContractDB (the
same matching of files to articles), and compares `articles.title` with the label, normalised: NFKC, case
folded, spacing squashed, typographic quotes and dashes as ASCII, surrounding quotes and punctuation trimmed.

  ../shared/bench/run-dev --only authors --half a --keep     # prints "keeping /tmp/tmp.XXXX"
  .venv/bin/python bench/titles.py /tmp/tmp.XXXX [--show N]
Last line: the figure.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared_bench

_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
)


def normalised(title: str | None) -> str:
    text = unicodedata.normalize("NFKC", title or "").translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip(" \"'.:-|")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kept", type=Path, help="the folder run-dev --keep printed")
    ap.add_argument("--show", type=int, default=0, help="print N misses (read them on half a only)")
    args = ap.parse_args()
    sys.path.insert(0, str(require_shared_bench() / "score"))
    from contract_db import ContractDB  # the scorers' own reading of the database

    labels = args.kept / "authors" / "labels.jsonl"
    rows = [json.loads(line) for line in labels.open(encoding="utf-8") if line.strip()]
    db = ContractDB(str(args.kept / "authors.sqlite"))
    right = total = 0
    for row in rows:
        want = row.get("title")
        if not want:
            continue
        total += 1
        article = db.article(db.find(args.kept / "authors" / row["file"]).article_id)
        got = article["title"] if article is not None else None
        if normalised(got) == normalised(want):
            right += 1
        elif args.show > 0:
            args.show -= 1
            print(f"  miss: want {want!r} got {got!r}")
    print(f"title match {right / total if total else 0:.4f} normalised ({right}/{total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
