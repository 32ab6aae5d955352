"""Publication-date accuracy on htmldate's evaluation set (../shared/bench/dates).

Path 1 (metadata): readers.html_meta.html_metadata -> normalise.choose_time.
Path 2 (pipeline): readers.html.read_html -> normalise_document; a page the reader
rejects counts as a miss.  Figures are also given for the even and odd lines of
labels.jsonl, so a rule tuned to some pages shows up as a gap between the halves.
`--dump` prints every page's result as a JSON line.  Accuracy = share of pages whose published date equals
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
from axis_ingest.decode import decode_bytes
from axis_ingest.document import RejectedInput
from axis_ingest.normalise import choose_time, normalise_document
from axis_ingest.readers.html_meta import html_metadata

MISSES_SHOWN = 8


def _one(task: tuple[str, str, str]) -> tuple[str | None, str | None, str | None]:
    path, url, _ = task
    with gzip.open(path) as handle:
        html, _ = decode_bytes(handle.read())  # as the pipeline decodes a file (some pages are GBK, cp1251)
    meta = html_metadata(html, url)
    langs = tuple(h[:2].lower() for h in meta.evidence.language_hints)
    ev = meta.evidence
    chosen, _ = choose_time(ev.published, ev.published_utc, languages=langs, guesses=ev.published_guess)
    meta_date = chosen.iso()[:10] if chosen and chosen.precision != "month" else None
    pipeline_date = rejected = None
    try:
        from axis_ingest.readers.html import read_html

        docs = read_html(html)
        if docs:
            doc = docs[0]
            doc.url = doc.url or url
            normalise_document(doc, load_settings())
            pipeline_date = doc.published[:10] if doc.published and len(doc.published) >= 10 else None
    except RejectedInput as error:
        rejected = str(error)[:60]
    except ImportError:
        pipeline_date = None
    return meta_date, pipeline_date, rejected


def main() -> None:
    bench = require_shared_bench() / "dates"
    rows = [json.loads(line) for line in (bench / "labels.jsonl").open(encoding="utf-8")]
    tasks = [(str(bench / r["file"]), r["url"], r["expected_date"]) for r in rows]
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(_one, tasks, chunksize=8))
    for label, index in (
        ("metadata path (html_metadata + choose_time)", 0),
        ("pipeline path (read_html + normalise_document)", 1),
    ):
        hits = [res[index] == r["expected_date"] for r, res in zip(rows, results, strict=True)]
        halves = " ".join(
            f"{name} {sum(hits[start::2]) / len(hits[start::2]):.3f} ({sum(hits[start::2])}/{len(hits[start::2])})"
            for name, start in (("even", 0), ("odd", 1))
        )
        print(f"{label}: accuracy {sum(hits) / len(rows):.3f} ({sum(hits)}/{len(rows)}); lines {halves}")
    rejected = sum(1 for res in results if res[2])
    print(f"pages the HTML reader rejects: {rejected}")
    if "--dump" in sys.argv:  # every page's result as JSON lines, for looking at misses by kind
        for row, res in zip(rows, results, strict=True):
            print(
                json.dumps(
                    {
                        "url": row["url"],
                        "file": row["file"],
                        "expected": row["expected_date"],
                        "meta": res[0],
                        "pipeline": res[1],
                        "rejected": res[2],
                    }
                )
            )
        return
    misses = [(r, res[1]) for r, res in zip(rows, results, strict=True) if res[1] != r["expected_date"]]
    for row, got in misses[:MISSES_SHOWN]:
        print(f"  miss: {row['url'][:80]} expected {row['expected_date']} got {got}")


if __name__ == "__main__":
    main()
