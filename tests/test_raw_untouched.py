"""Raw inputs are never modified: contents, modes and mtimes are the same after a run (and after two).

The session fixture in conftest.py guards `raw/` and the shared seeds for the
whole test run; this test ingests the project's own `raw/` samples and a folder
of bad inputs with links and a FIFO, checking every entry before and after.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from axis_ingest.run import run_ingest
from badinputs import write_bad_inputs, write_good_inputs
from conftest import PROJECT, changed, tree_state


def test_ingest_leaves_every_input_as_it_was(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_bad_inputs(inputs / "bad", tmp_path / "outside", huge=False)
    write_good_inputs(inputs)
    if (PROJECT / "raw").is_dir():
        shutil.copytree(PROJECT / "raw", inputs / "samples", symlinks=True)
    before, outside_before = tree_state(inputs), tree_state(tmp_path / "outside")
    for _ in range(2):  # the second run finds everything already stored
        run_ingest(paths=[inputs], db=tmp_path / "db.sqlite", clean_dir=tmp_path / "clean", workers=1)
        assert changed(before, tree_state(inputs)) == []
        assert changed(outside_before, tree_state(tmp_path / "outside")) == []


def test_project_raw_folder_is_read_in_place(tmp_path: Path) -> None:
    raw = PROJECT / "raw"
    if not raw.is_dir():
        pytest.skip("no raw/ folder in this checkout")
    before = tree_state(raw)
    summary = run_ingest(paths=[raw], db=tmp_path / "db.sqlite", clean_dir=tmp_path / "clean", workers=1)
    assert summary.files_seen == len([k for k, v in before.items() if not v.startswith("dir")])
    assert changed(before, tree_state(raw)) == []
