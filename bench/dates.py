"""Publication-date accuracy on htmldate's evaluation set (../shared/bench/dates).

Path 1 (metadata): readers.html_meta.html_metadata -> normalise.choose_time.
Path 2 (pipeline): readers.html.read_html -> normalise_document; a page the reader
rejects counts as a miss.  Accuracy = share of pages whose published date equals
the label (htmldate extensive 0.903 published, 0.914 measured here with original_date).
"""

from __future__ import annotations

import gzip
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared_bench
from axis_ingest.config import load_settings
from axis_ingest.document import RejectedInput
from axis_ingest.normalise import choose_time, normalise_document
from axis_ingest.readers.html_meta import html_metadata

MISSES_SHOWN = 8


def _one(task: tuple[str, str, str]) -> tuple[str | None, str | None]:
    path, url, _ = task
    with gzip.open(path) as handle:
        html = handle.read().decode("utf-8", "replace")
    meta = html_metadata(html, url)
    langs = tuple(h[:2].lower() for h in meta.evidence.language_hints)
    chosen, _ = choose_time(meta.evidence.published, meta.evidence.published_utc, languages=langs)
    meta_date = chosen.iso()[:10] if chosen and chosen.precision != "month" else None
    pipeline_date = None
    try:
        from axis_ingest.readers.html import read_html

        docs = read_html(html)
        if docs:
            doc = docs[0]
            doc.url = doc.url or url
            normalise_document(doc, load_settings())
            pipeline_date = doc.published[:10] if doc.published and len(doc.published) >= 10 else None
    except (RejectedInput, ImportError):
        pipeline_date = None
    return meta_date, pipeline_date


def main() -> None:
    bench = require_shared_bench() / "dates"
    rows = [json.loads(line) for line in (bench / "labels.jsonl").open(encoding="utf-8")]
    tasks = [(str(bench / r["file"]), r["url"], r["expected_date"]) for r in rows]
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(_one, tasks, chunksize=8))
    for label, index in (("metadata path (html_metadata + choose_time)", 0),
                         ("pipeline path (read_html + normalise_document)", 1)):
        hits = sum(1 for r, res in zip(rows, results, strict=True) if res[index] == r["expected_date"])
        print(f"{label}: accuracy {hits / len(rows):.3f} ({hits}/{len(rows)})")
    misses = [(r, res[0]) for r, res in zip(rows, results, strict=True) if res[0] != r["expected_date"]]
    for row, got in misses[:MISSES_SHOWN]:
        print(f"  miss: {row['url'][:80]} expected {row['expected_date']} got {got}")


if __name__ == "__main__":
    main()
