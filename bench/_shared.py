"""Where the labelled benchmark data lives (../shared/bench, beside the project)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = Path(os.environ.get("AXIS_SHARED_BENCH", PROJECT_ROOT.parent / "shared" / "bench"))


def require_shared_bench() -> Path:
    """The bench folder, or exit cleanly with a message when ../shared is absent."""
    if not SHARED_BENCH.is_dir():
        print(f"skipped: {SHARED_BENCH} not found (the labelled data lives in ../shared/bench)")
        sys.exit(0)
    return SHARED_BENCH


def ingest_published(folder: Path, work: Path, name: str) -> dict[str, str | None]:
    """Ingest `folder` with this interpreter's `axis-ingest` into work/<name>.sqlite (clean files in
    work/<name>-clean), as a user runs it; {file name: the stored article's `published`}."""
    cli = Path(sys.executable).with_name("axis-ingest")
    db = work / f"{name}.sqlite"
    subprocess.run([str(cli), "ingest", str(folder), "--db", str(db), "--clean-dir", str(work / f"{name}-clean")],
                   check=True, capture_output=True)  # fmt: skip
    rows = sqlite3.connect(db).execute(
        "SELECT p.path, a.published FROM raw_paths p"
        " JOIN article_sources s ON s.raw_document_id = p.raw_document_id JOIN articles a ON a.id = s.article_id"
    )
    return {Path(path).name: published for path, published in rows}
