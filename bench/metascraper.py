"""A probe on ~90 sites' pages of 2016-2025: metascraper's integration fixtures, through the CLI.

metascraper (https://github.com/microlinkhq/metascraper, MIT) keeps one saved page per site in its integration
tests (`packages/metascraper/test/integration/<site>/input.html`: US, British, Indian, Spanish and Japanese news,
tech blogs, company blogs, a podcast and a few product pages) and a snapshot of what its rules return for it
(`snapshots/index.js.md`): the title, the author as one string, the date as a UTC instant, the publisher.  The
labels are a rule-based extractor's output, accepted by its maintainers but not hand-made: some authors are a
site's or an account's name ("Segment", "microlinkhq"), some dates a modified time, and a date at midnight UTC is
a day without a time.  So misses are read by hand: a probe of general mechanisms, never a source of rules fitted
to its pages.  None of the pages is in the dev sets.

Each page's bytes are copied into a folder as they are, ingested with `axis-ingest ingest`, and scored per half
(sha256 of the page's name, as `wcxb.py`) beside bare trafilatura (title, author) and htmldate (date), with
Postlight's probe's scoring (`postlight.score`: normalised exact titles, the shared scorer's name sets, the
labelled instant's UTC day).  Nothing is downloaded: pass a checkout.  Figures only.

    git clone --depth 1 https://github.com/microlinkhq/metascraper /tmp/metascraper
    .venv/bin/python bench/metascraper.py /tmp/metascraper [--show 20] [--keep DIR]
"""

from __future__ import annotations

import ast
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from postlight import FIELDS, Label, probe_arguments, run_probe

FIXTURES = Path("packages/metascraper/test/integration")
_INPUT = re.compile(r"readFile\(\s*resolve\(\s*__dirname,\s*'([^']+)'\s*\)")
# One snapshot's object in the AVA report: "> Snapshot 1" then an indented `{ ... }`.
_SNAPSHOT = re.compile(r"> Snapshot \d+\n\n(    \{\n.*?\n    \})", re.S)
_FIELD = re.compile(r"^      (\w+): ('(?:[^'\\]|\\.)*'|null),?$", re.M)


def _snapshot_fields(block: str) -> dict[str, str | None]:
    """{field: value} of one snapshot object (its one-line string fields; the report's strings are JS literals in
    single quotes with Python-compatible escapes)."""
    return {key: None if value == "null" else ast.literal_eval(value) for key, value in _FIELD.findall(block)}


def load_pages(root: Path) -> dict[str, tuple[Label, bytes]]:
    """{page name: (its labels, the page's bytes)}: each test's input file paired with its snapshot, in order."""
    pages = {}
    for test in sorted((root / FIXTURES).glob("*/index.js")):
        report = test.parent / "snapshots" / "index.js.md"
        if not report.is_file():
            continue
        inputs = _INPUT.findall(test.read_text(encoding="utf-8"))
        snapshots = _SNAPSHOT.findall(report.read_text(encoding="utf-8"))
        for input_path, block in zip(inputs, snapshots, strict=False):
            page = test.parent / input_path
            if not page.is_file():
                continue
            fields = _snapshot_fields(block)
            day = None
            if fields.get("date"):
                instant = datetime.fromisoformat(fields["date"].replace("Z", "+00:00"))
                day = instant.astimezone(UTC).date().isoformat()
            name = test.parent.name if len(inputs) == 1 else f"{test.parent.name}-{Path(input_path).stem}"
            label = Label(fields.get("url") or "", fields.get("title"), fields.get("author"), day, None)
            pages[name] = (label, page.read_bytes())
    return pages


def main() -> int:
    args = probe_arguments(__doc__, "a metascraper checkout (packages/metascraper/test/integration)")
    if not (args.root / FIXTURES).is_dir():
        print(f"skipped: no {FIXTURES} in {args.root}")
        return 0
    fields = [field for field in FIELDS if field[0] != "lead"]  # the snapshots state no text
    run_probe(load_pages(args.root), "metascraper", "metascraper's integration fixtures", fields, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
