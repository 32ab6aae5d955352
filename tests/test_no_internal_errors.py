"""No input we have makes the program fail: every fixture, raw/ sample, seed and dev bench page.

An exception inside a stage costs only its file, but it is recorded as an
internal error (reason "internal error: ...", `internal_errors` in the
summary), never as bad input.  This test ingests everything we have, the way
users run it (one `run_ingest`, worker processes, a real SQLite database),
and fails on any internal error, listing the files and their tracebacks'
last lines.  The bench pages come from ../shared (gunzipped into a temporary
folder, never copied into the project); without ../shared only the project's
own inputs are ingested.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from axis_ingest.document import INTERNAL_ERROR_PREFIX
from axis_ingest.run import run_ingest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "bench"
GZIPPED_SETS = ("aeb/html", "aeb/scraped", "dates/html", "authors/html")


def _gather(target: Path) -> int:
    """Copy or unpack every input we have into `target`; returns how many files."""
    count = 0

    def put(folder: str, name: str, data: bytes) -> None:
        nonlocal count
        path = target / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        count += 1

    for path in sorted((ROOT / "tests" / "fixtures").rglob("*")):
        if path.is_file():
            put("fixtures", str(path.relative_to(ROOT / "tests" / "fixtures")), path.read_bytes())
    for path in sorted((ROOT / "raw").iterdir()):
        if path.is_file():
            put("raw", path.name, path.read_bytes())
    if (SHARED / "seeds").is_dir():
        for path in sorted((SHARED / "seeds").iterdir()):
            if path.is_file():
                put("seeds", path.name, path.read_bytes())
    for name in GZIPPED_SETS:
        for path in sorted((BENCH / name).glob("*.gz")) if (BENCH / name).is_dir() else []:
            put(name.replace("/", "-"), path.name.removesuffix(".gz"), gzip.decompress(path.read_bytes()))
    syndication = BENCH / "dedup" / "syndication-dev.jsonl"
    if syndication.is_file():
        for line in syndication.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            put("dedup", f"{item['doc_id']}.txt", item["text"].encode("utf-8"))
    return count


def test_every_input_we_have_is_read_without_an_internal_error(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    files = _gather(inputs)
    if SHARED.is_dir():
        assert files > 2000, f"only {files} inputs found under ../shared: is the bench complete?"
    summary = run_ingest(paths=[str(inputs)], db=str(tmp_path / "axis.sqlite"), clean_dir=str(tmp_path / "clean"))
    internal = [(path, reason) for path, reason in summary.rejected if reason.startswith(INTERNAL_ERROR_PREFIX)]
    assert summary.outcome.internal_errors == len(internal)
    assert internal == [], "internal errors:\n" + "\n".join(f"{path}: {reason}" for path, reason in internal)
    assert summary.files_seen == files
    shutil.rmtree(inputs)
