"""Ablation table: coverage and precision of each date and byline evidence source, on the dev halves.

Reads every labelled page of ../shared/bench/dates and ../shared/bench/authors the way the CLI does
(bytes -> prepare_file: decode, sniff, read, normalise; no URL is passed, as `axis-ingest ingest`
has none), then scores, per source of evidence (JSON-LD, meta tags, <time>, a labelled date, the page's
printed header date line, htmldate's original date, the URL's date; JSON-LD/meta/byline elements/
trafilatura/header bylines), the first value that source gave on its own:

- coverage: share of labelled pages where the source gave a value;
- precision: share of those where that value alone is right (dates: same day as the label;
  authors: the scorer's normalised name match, from ../shared/bench/score/score_authors.py).

The pipeline's own choice (`chosen`) is scored the same way, so the table shows what the choice gains
over its best single source.  `htmldate_bare` is htmldate alone on the page bytes
(`find_date(extensive_search=True, original_date=True)`, the issue's baseline), and a second table counts,
for each source, the pages where its day differs from that baseline and which side is right there.
Halves are run-dev's (sha256 of the file name, first byte even = a).

  .venv/bin/python bench/evidence.py [--half a|b] [--dump FILE.jsonl] [--from FILE.jsonl]

`--dump` writes each page's evidence (source, text, parsed day, and what `choose_time` chose from) so choice
rules can be replayed offline with `--from` without reading the pages again.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import require_shared_bench
from axis_ingest.config import load_settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.normalise import normalise_authors
from axis_ingest.normalise.dates import parse_date
from axis_ingest.normalise.publisher import domain_of
from axis_ingest.prepare import prepare_file

# A date in a URL path: /2019/11/18/, /2019-11-18-, /20191118/ (htmldate's URL patterns, simplified).
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?([01]\d)[/_-]?([0-3]\d)(?:[/_.-]|$)")
WORKERS = 2  # the machine is shared; two processes keep a run to a few minutes


def half_of(file: str) -> str:
    name = Path(file).name.split(".")[0]
    return "a" if int(hashlib.sha256(name.encode()).hexdigest()[:2], 16) % 2 == 0 else "b"


def _url_date(url: str | None) -> str | None:
    match = _URL_DATE.search(url or "")
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


def read_page(path: str) -> dict[str, object]:
    """The CLI's reading of one page, with its date and byline evidence grouped by source."""
    with gzip.open(path) as handle:
        data = handle.read()
    result = prepare_file(Path(path).name.removesuffix(".gz"), data, load_settings(), MinHashParams())
    bare = _bare_htmldate(data) if Path(path).parent.parent.name == "dates" else None
    if result.rejected or not result.documents:
        return {"rejected": (result.reason or "")[:80], "dates": {"htmldate_bare": [bare]} if bare else {}}
    prepared = result.documents
    doc = prepared[0].doc
    ev = doc.evidence
    languages = tuple(dict.fromkeys(filter(None, [doc.language, *(h[:2].lower() for h in ev.language_hints)])))
    dates: dict[str, list[str]] = defaultdict(list)
    for source, value in ev.date_claims:
        parsed = parse_date(value, languages=languages)
        if parsed is not None and parsed.precision != "month":
            dates[source].append(parsed.value.date().isoformat())
    if url_day := _url_date(doc.url):
        dates["url"].append(url_day)
    if bare:
        dates["htmldate_bare"].append(bare)
    domain = domain_of(doc.url)
    authors: dict[str, list[str]] = {}
    for source, value in ev.author_claims:
        if source in authors:
            continue
        person = value in ev.author_names
        found = normalise_authors(
            [value] if person else [], [] if person else [value], site_names=ev.site_names, domain=domain
        )
        if found:
            authors[source] = [a.name for a in found]
    return {
        "published": doc.published,
        "authors": [a.name for a in doc.authors],
        "dates": dict(dates),
        "bylines": authors,
        "title": doc.title,
        "url": doc.url,
        # what normalise chose from, for replaying choice rules offline (--from)
        "evidence": {
            "published": ev.published,
            "published_utc": ev.published_utc,
            "published_guess": ev.published_guess,
            "date_claims": ev.date_claims,
            "languages": list(languages),
        },
    }


def _bare_htmldate(data: bytes) -> str | None:
    """htmldate alone on the page, as its own evaluation runs it (the baseline the issue compares with)."""
    from htmldate import find_date

    # No try/except: htmldate returns None for a page it cannot read (it read all 873 dev pages without
    # raising), so an exception here is a bug worth seeing, not a page without a date.
    return find_date(data, extensive_search=True, original_date=True)


def _table(title: str, rows: list[tuple[str, int, int]], pages: int) -> list[str]:
    lines = [f"{title} ({pages} labelled pages)", f"  {'source':<12} {'coverage':>9} {'precision':>10}  right/given"]
    for source, given, right in sorted(rows, key=lambda r: (-(r[2] / r[1] if r[1] else 0), -r[1])):
        cov = given / pages if pages else 0.0
        prec = right / given if given else math.nan
        lines.append(f"  {source:<12} {cov:9.3f} {prec:10.3f}  {right}/{given}")
    return lines


def _tally(
    records: list[dict[str, object]], judge: Callable[[dict[str, object], object], Iterable[tuple[str, bool, bool]]]
) -> tuple[list[tuple[str, int, int]], int]:
    """(source, values given, values right) rows and the number of labelled pages.

    `judge(record, label)` yields (source, gave a value, the value is right) for each source it scores.
    """
    given: dict[str, int] = defaultdict(int)
    right: dict[str, int] = defaultdict(int)
    pages = 0
    for rec in records:
        want = rec["label"]
        if not want:
            continue
        pages += 1
        for source, gave, correct in judge(rec, want):
            given[source] += gave
            right[source] += correct
    return [(s, given[s], right[s]) for s in given], pages


def date_table(records: list[dict[str, object]]) -> list[str]:
    def judge(rec: dict[str, object], want: object) -> Iterator[tuple[str, bool, bool]]:
        for source, days in (rec.get("dates") or {}).items():
            yield source, True, days[0] == want
        chosen = str(rec.get("published") or "")
        yield "chosen", bool(chosen), bool(chosen) and chosen.startswith(str(want))

    return _table("dates: first value of each source alone", *_tally(records, judge)) + _against_htmldate(records)


def _against_htmldate(records: list[dict[str, object]]) -> list[str]:
    """Pages where a source's day differs from bare htmldate's: how often each side is right.

    This is the question behind every override of htmldate's original date (issue 14): a source that
    disagrees with it should win only if it is right more often than htmldate on those pages."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # source -> [pages, source right, htmldate right]
    for rec in records:
        want = rec["label"]
        dates = {**(rec.get("dates") or {}), "chosen": [str(rec.get("published") or "")[:10]]}
        bare = (dates.get("htmldate_bare") or [None])[0]
        if not want or not bare:
            continue
        for source, days in dates.items():
            if source in ("htmldate", "htmldate_bare") or not days or not days[0] or days[0] == bare:
                continue
            counts[source][0] += 1
            counts[source][1] += days[0] == want
            counts[source][2] += bare == want
    lines = [
        "dates: pages where a source differs from bare htmldate (who is right)",
        f"  {'source':<12} {'pages':>6} {'source':>7} {'htmldate':>9}",
    ]
    for source, (n, mine, theirs) in sorted(counts.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"  {source:<12} {n:6d} {mine:7d} {theirs:9d}")
    return lines


def author_table(records: list[dict[str, object]], name_set) -> list[str]:  # type: ignore[no-untyped-def]
    def judge(rec: dict[str, object], want: object) -> Iterator[tuple[str, bool, bool]]:
        for source, names in {**(rec.get("bylines") or {}), "chosen": rec.get("authors") or []}.items():
            if names:
                yield source, True, name_set(names) == name_set(want)

    return _table("authors: first byline of each source alone", *_tally(records, judge))


def _labelled(bench: Path, half: str | None) -> list[tuple[str, str, object]]:
    tasks = []
    for line in (bench / "dates" / "labels.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        want = row["expected_date"] if isinstance(row["expected_date"], str) else None
        tasks.append(("dates", str(bench / "dates" / row["file"]), want))
    for line in (bench / "authors" / "labels.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        tasks.append(("authors", str(bench / "authors" / row["file"]), row.get("author") or None))
    return [t for t in tasks if half is None or half_of(t[1]) == half]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--half", choices=("a", "b"))
    ap.add_argument("--set", choices=("dates", "authors"), help="read only this set's pages")
    ap.add_argument("--dump", type=Path, help="write each page's evidence as JSON lines")
    ap.add_argument("--from", dest="source", type=Path, help="replay a --dump instead of reading the pages")
    args = ap.parse_args()
    bench = require_shared_bench()
    sys.path.insert(0, str(bench / "score"))
    from score_authors import name_set  # the scorer's own normalisation, not a copy

    if args.source:
        records = [json.loads(line) for line in args.source.open(encoding="utf-8")]
        records = [r for r in records if args.half is None or half_of(r["file"]) == args.half]
    else:
        tasks = [t for t in _labelled(bench, args.half) if args.set is None or t[0] == args.set]
        with ProcessPoolExecutor(WORKERS) as pool:
            pages = list(pool.map(read_page, [t[1] for t in tasks], chunksize=4))
        records = [
            {"set": s, "file": f, "label": want, **page} for (s, f, want), page in zip(tasks, pages, strict=True)
        ]
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    half = f", half {args.half}" if args.half else ""
    print(f"== evidence sources{half} ==")
    print("\n".join(date_table([r for r in records if r["set"] == "dates"])))
    print("\n".join(author_table([r for r in records if r["set"] == "authors"], name_set)))


if __name__ == "__main__":
    main()
