"""Body extraction from scraped page text, scored with the AEB metric.

Runs `read_scraped` over ../shared/bench/aeb/scraped/*.txt.gz; the predicted
body is the document's paragraphs joined by a blank line (the headline goes to
`title`, which the benchmark's truth does not contain).  Prints precision,
recall and F1 exactly as the benchmark defines them, the ten worst documents,
two baselines (text unchanged; lines of 20+ words), and the same figures on the
even/odd halves of the ids so a rule that only fits some pages shows up.

    python bench/aeb_scraped.py [--show ID_PREFIX]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _shared import require_shared_bench
from aeb_metric import DocScore, aggregate, print_report, score_document
from axis_ingest.clean.boilerplate import classify_lines
from axis_ingest.clean.recurring import recurring_lines
from axis_ingest.document import RejectedInput
from axis_ingest.readers.scraped import read_scraped


def _long_lines(text: str, min_words: int = 20) -> str:
    return "\n\n".join(line for line in text.splitlines() if len(line.split()) >= min_words)


def _predict(text: str, recurring: frozenset[str]) -> str:
    try:
        docs = read_scraped(text, None, recurring)
    except RejectedInput:
        return ""
    return "\n\n".join("\n\n".join(doc.paragraphs) for doc in docs)


def _halves(name: str, scores: list[DocScore]) -> None:
    for label, parity in (("even", 0), ("odd", 1)):
        part = [s for s in scores if int(s.doc_id[-1], 16) % 2 == parity]
        p, r, f1 = aggregate(part)
        print(f"  {name} {label} ids (n={len(part)}): P={p:.4f} R={r:.4f} F1={f1:.4f}")


def main() -> None:
    bench = require_shared_bench() / "aeb"
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for path in sorted((bench / "scraped").glob("*.txt.gz")):
        doc_id = path.name.removesuffix(".txt.gz")
        if doc_id in truth:
            texts[doc_id] = gzip.decompress(path.read_bytes()).decode("utf-8")

    # Recurring-line learning needs several pages of one site; count how many sites qualify.
    sites = Counter(urlsplit(truth[i]["url"]).hostname for i in texts)
    by_site = {s: [i for i in texts if urlsplit(truth[i]["url"]).hostname == s] for s in sites}
    recurring = {
        i: recurring_lines([texts[j] for j in by_site[s]]) if n >= 3 else frozenset()
        for s, n in sites.items()
        for i in by_site[s]
    }
    print(
        f"pages={len(texts)} sites={len(sites)} sites with 3+ pages={sum(n >= 3 for n in sites.values())}"
        " (recurring-line learning applies only to those)"
    )

    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    if show:
        doc_id = next(i for i in texts if i.startswith(show))
        for line in classify_lines(texts[doc_id], recurring[doc_id]).lines:
            print(f"{line.cls[:4]:4} {line.cf[:4]:4} {line.reason[:18]:18} | {line.text[:110]}")
        print("--- predicted body:\n" + _predict(texts[doc_id], recurring[doc_id]))
        return

    runs = {
        "unchanged text (baseline)": lambda i: texts[i],
        "lines of 20+ words (baseline)": lambda i: _long_lines(texts[i]),
        "read_scraped": lambda i: _predict(texts[i], recurring[i]),
    }
    for name, predict in runs.items():
        scores = [score_document(i, predict(i), truth[i]["articleBody"]) for i in texts]
        print_report(name, scores, worst=10 if name == "read_scraped" else 0)
        _halves(name, scores)


if __name__ == "__main__":
    main()
