"""What a new user meets on the first day: paths, retrying rejected files, --strict, a stopped Prefect server."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

RAW = Path(__file__).resolve().parents[1] / "raw"
EXE = Path(sys.executable).parent / "axis-ingest"


def _paths(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {p for (p,) in conn.execute("SELECT path FROM raw_paths")} | {
            p for (p,) in conn.execute("SELECT path FROM raw_documents")
        }


def test_paths_are_recorded_absolute_whatever_the_working_directory(tmp_path: Path) -> None:
    data = tmp_path / "mixed"
    shutil.copytree(RAW, data)
    elsewhere = tmp_path / "work" / "deeper"
    elsewhere.mkdir(parents=True)
    db = tmp_path / "axis.sqlite"
    common = ["--db", str(db), "--clean-dir", str(tmp_path / "clean")]
    first = subprocess.run([str(EXE), "ingest", "mixed", *common], cwd=tmp_path, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    recorded = _paths(db)
    assert recorded and all(os.path.isabs(p) and p.startswith(str(data) + os.sep) for p in recorded)
    second = subprocess.run(
        [str(EXE), "ingest", "../../mixed", *common, "--json"], cwd=elsewhere, capture_output=True, text=True
    )
    assert second.returncode == 0, second.stderr
    assert _paths(db) == recorded  # the same files, the same rows: nothing recorded twice
    summary = json.loads(second.stdout)
    assert summary["loaded"] == 0 and summary["unchanged"] == summary["files_seen"]
