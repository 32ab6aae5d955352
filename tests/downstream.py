"""A database built from the project's sample inputs in raw/, shared by the downstream-tool tests.

Built once per test session through the CLI (the way a user builds it) into a
temporary folder; tests that change the database copy it first (`db_copy`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from axis_ingest.cli import main

RAW = Path(__file__).resolve().parents[1] / "raw"


def build_sample_db(root: Path) -> Path:
    """Ingest a copy of raw/ into `root`/db/axis.sqlite (the default name, which docs/metadata.yml keys on)."""
    shutil.copytree(RAW, root / "raw")
    db = root / "db" / "axis.sqlite"
    code = main(["ingest", str(root / "raw"), "--db", str(db), "--clean-dir", str(root / "clean")])
    assert code == 0
    return db
