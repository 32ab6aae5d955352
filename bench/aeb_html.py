"""HTML body extraction on the article-extraction benchmark (AEB), scored with bench/aeb_metric.py.

Prints precision/recall/F1 of `read_html` (body paragraphs joined with a blank
line; the headline is not part of the truth), on all pages and on the even- and
odd-indexed ids (sorted) so a rule tuned on one half can be checked on the other,
the ten worst pages, and the same for bare `trafilatura.extract` defaults, with
documents per second of each.  `--variants` also scores the extractor settings
and pruning steps that were compared when choosing the reader's configuration.

    python bench/aeb_html.py [--variants]
"""

from __future__ import annotations

import gzip
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bench._shared import require_shared_bench
from bench.aeb_metric import DocScore, aggregate, print_report, score_document

Extractor = Callable[[str], str]


def load_pages(bench: Path) -> tuple[list[str], dict[str, str], dict[str, str]]:
    truth_all = json.loads((bench / "aeb" / "ground-truth.json").read_text("utf-8"))
    ids = sorted(i for i in truth_all if (bench / "aeb" / "html" / f"{i}.html.gz").exists())
    pages = {i: gzip.decompress((bench / "aeb" / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8") for i in ids}
    truth = {i: truth_all[i]["articleBody"] for i in ids}
    return ids, pages, truth


def evaluate(
    name: str, extract: Extractor, ids: list[str], pages: dict[str, str], truth: dict[str, str], worst: int = 10
) -> tuple[float, float]:
    """Score one extractor; returns (F1, docs/s)."""
    scores: list[DocScore] = []
    elapsed = 0.0
    for doc_id in ids:
        start = time.perf_counter()
        predicted = extract(pages[doc_id])
        elapsed += time.perf_counter() - start
        scores.append(score_document(doc_id, predicted, truth[doc_id]))
    _, _, f1 = print_report(name, scores, worst=worst) if worst else aggregate(scores)
    even = aggregate(scores[0::2])[2]
    odd = aggregate(scores[1::2])[2]
    rate = len(ids) / elapsed if elapsed else 0.0
    if not worst:
        p, r, _ = aggregate(scores)
        print(f"{name:<44} P={p:.4f} R={r:.4f} F1={f1:.4f}", end="")
    print(f"  even F1={even:.4f} odd F1={odd:.4f}  {rate:.1f} docs/s")
    return f1, rate


def reader_extractor() -> Extractor:
    from axis_ingest.document import RejectedInput
    from axis_ingest.readers.html import read_html

    def extract(page: str) -> str:
        try:
            return read_html(page)[0].body
        except RejectedInput:
            return ""

    return extract


def trafilatura_default() -> Extractor:
    import trafilatura

    return lambda page: trafilatura.extract(page) or ""


def variants() -> list[tuple[str, Extractor]]:
    """Extractor settings and pruning steps compared when configuring the reader."""
    import trafilatura
    from trafilatura.utils import load_html

    from axis_ingest.clean.text import normalise_paragraphs
    from axis_ingest.document import Evidence
    from axis_ingest.readers import html as reader
    from axis_ingest.readers.html_output import output_paragraphs
    from axis_ingest.readers.html_prune import prune_paragraphs

    def settings(prune: bool, **options: bool) -> Extractor:
        def extract(page: str) -> str:
            tree = load_html(page)
            found = trafilatura.bare_extraction(tree, include_comments=False, **options)
            paragraphs = output_paragraphs(found.body) if found is not None else []
            if prune:
                title = reader._first_text(tree, "//h1") or reader._first_text(tree, "//title")
                paragraphs = prune_paragraphs(normalise_paragraphs(paragraphs), [t for t in (title,) if t], Evidence())
            return "\n\n".join(paragraphs)

        return extract

    out: list[tuple[str, Extractor]] = []
    for prune in (False, True):
        tag = "+prune" if prune else ""
        out += [
            (f"no comments, fallback{tag}", settings(prune)),
            (f"no comments, fast{tag}", settings(prune, fast=True)),
            (f"favor_precision, fallback{tag}", settings(prune, favor_precision=True)),
            (f"favor_precision, fast{tag}", settings(prune, favor_precision=True, fast=True)),
            (f"favor_recall, fast{tag}", settings(prune, favor_recall=True, fast=True)),
        ]
    return out


def main() -> None:
    bench = require_shared_bench()
    logging.disable(logging.WARNING)  # trafilatura logs every discarded page
    ids, pages, truth = load_pages(bench)
    print(f"AEB HTML: {len(ids)} pages (even/odd = alternate ids in sorted order)")
    baseline = trafilatura_default()
    reader = reader_extractor()
    baseline(pages[ids[0]])  # warm-up: imports and lazy tables, so docs/s compares extraction only
    reader(pages[ids[0]])
    f1_base, rate_base = evaluate("trafilatura.extract defaults", baseline, ids, pages, truth)
    f1_ours, rate_ours = evaluate("axis-ingest read_html", reader, ids, pages, truth)
    print(f"F1 gain over trafilatura defaults: {f1_ours - f1_base:+.4f}; throughput ratio {rate_ours / rate_base:.2f}x")
    if "--variants" in sys.argv:
        print("\nvariants (body only, no metadata; prune = the reader's pruning steps):")
        for name, extract in variants():
            evaluate(name, extract, ids, pages, truth, worst=0)


if __name__ == "__main__":
    main()
