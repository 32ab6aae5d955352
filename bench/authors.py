"""Author match on trafilatura's labelled pages (../shared/bench/authors/labels.jsonl).

Pages with a non-null label only ("" = labelled as having no author).  Exact =
the name list equals the label; normalised = equal after case-folding, removing
"By"/"Von" and splitting on ";", ",", "and"/"und" (the README's rule).  Organisations
and user names we output count as misses.  Figures are also given for the even and odd
labelled pages, so a rule tuned to some pages shows up as a gap between the halves;
`--dump` prints every miss as a JSON line.  trafilatura: 46.7% exact, 54.6% normalised.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared_bench
from axis_ingest.normalise import normalise_authors
from axis_ingest.normalise.publisher import domain_of
from axis_ingest.readers.html_meta import html_metadata

MISSES_SHOWN = 10


def _normalised(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        name = re.sub(r"^\s*(?:by|von)\s+", "", name.strip(), flags=re.IGNORECASE)
        for part in re.split(r"\s*(?:;|,|\band\b|\bund\b)\s*", name, flags=re.IGNORECASE):
            part = " ".join(part.split()).casefold()
            if part:
                out.append(part)
    return out


def _label(value: object) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)] if str(value).strip() else []


def _one(task: tuple[str, str]) -> list[str]:
    path, url = task
    with gzip.open(path) as handle:
        html = handle.read().decode("utf-8", "replace")
    meta = html_metadata(html, url)
    ev = meta.evidence
    domain = domain_of(meta.url or url)
    authors = normalise_authors(ev.author_names, ev.bylines, site_names=ev.site_names, domain=domain)
    return [a.name for a in authors]


def main() -> None:
    bench = require_shared_bench() / "authors"
    rows = [json.loads(line) for line in (bench / "labels.jsonl").open(encoding="utf-8")]
    for line, row in enumerate(rows):
        row["line"] = line
    rows = [r for r in rows if r.get("author") is not None]
    with ProcessPoolExecutor() as pool:
        found = list(pool.map(_one, [(str(bench / r["file"]), r["url"]) for r in rows], chunksize=8))
    exact: list[bool] = []
    normalised: list[bool] = []
    misses = []
    for row, names in zip(rows, found, strict=True):
        label = _label(row["author"])
        exact.append(names == label)
        normalised.append(_normalised(names) == _normalised(label))
        if not normalised[-1]:
            misses.append((row["url"], row["file"], label, names, row["line"]))
    total = len(rows)
    print(f"pages with a label: {total}")
    for title, hits in (("exact match", exact), ("normalised match", normalised)):
        parts = []
        for name, parity in (("even", 0), ("odd", 1)):
            half = [hit for hit, row in zip(hits, rows, strict=True) if row["line"] % 2 == parity]
            parts.append(f"{name} {sum(half) / len(half):.1%} ({sum(half)}/{len(half)})")
        print(f"{title}: {sum(hits) / total:.1%} ({sum(hits)}/{total}); lines {' '.join(parts)}")
    if "--dump" in sys.argv:  # every miss as a JSON line, for looking at them by kind
        for url, file, label, names, line in misses:
            row = {"line": line, "url": url, "file": file, "expected": label, "got": names}
            print(json.dumps(row, ensure_ascii=False))
        return
    for url, _, label, names, _ in misses[:MISSES_SHOWN]:
        print(f"  miss: {url[:70]} expected {label} got {names}")


if __name__ == "__main__":
    main()
