"""A pool's worker hands back a batch's results as a file's path, never as the results themselves.

A worker killed while writing megabytes of results down the pool's result pipe left half a message that the pool's
manager thread waited on for ever: the run hung instead of retrying the batch (seen once in CI, under load, by
tests/test_robustness.py's killed worker).  A path is written to the pipe in one piece.
"""

from __future__ import annotations

import pickle
import select
import sqlite3
import tempfile
from concurrent.futures.process import _ResultItem  # the message a pool's worker writes to the result pipe
from pathlib import Path

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.discover import discover
from axis_ingest.document import ReadContext
from axis_ingest.options import RunOptions
from axis_ingest.prepare import load_prepared, prepare_batch, prepare_batch_to_file
from axis_ingest.run import MIN_FILES_FOR_POOL, IngestRun, run_ingest
from badinputs import write_corpus


def _records(folder: Path, count: int, name: str = "read"):
    options = RunOptions(
        paths=[str(folder)], db=str(folder.parent / f"{name}.sqlite"), clean_dir=folder.parent / name, workers=1
    )
    run = IngestRun(options)
    with run:
        todo, _ready = run.read_batch(list(discover([str(folder)]))[:count])
        return todo, ReadContext(settings=Settings(), minhash=MinHashParams())


def test_a_batch_written_to_a_file_reads_back_as_the_same_results_and_the_file_goes(tmp_path: Path) -> None:
    write_corpus(tmp_path / "in", 12, seed=3)
    todo, context = _records(tmp_path / "in", 12)
    folder = tmp_path / "batches"
    folder.mkdir()
    path = prepare_batch_to_file(todo, context, 3, None, str(folder))
    assert Path(path).parent == folder and Path(path).stat().st_size > 10_000  # the results, not a stub

    def outputs(results):  # what a file gave (stage timings differ from run to run)
        return [(r.path, r.reason, [(d.doc.title, d.doc.body, d.doc.published) for d in r.documents]) for r in results]

    again, _ = _records(tmp_path / "in", 12, "again")  # preparing a record lets go of its bytes: read them again
    loaded = load_prepared(path)
    assert outputs(loaded) == outputs(prepare_batch(again, context, 3, None))
    assert sum(len(r.documents) for r in loaded) >= 8
    assert list(folder.iterdir()) == []


def test_the_message_a_worker_writes_fits_in_one_atomic_pipe_write() -> None:
    """What the worker sends (the pool's _ResultItem around the path) is under PIPE_BUF bytes with the connection's
    4-byte length header, however long the temporary folder's name."""
    folder = tempfile.gettempdir() + "/axis-ingest-batches-" + "x" * 40
    message = pickle.dumps(_ResultItem(10**6, result=f"{folder}/batch-abcdefgh.pickle"))
    assert len(message) + 4 < select.PIPE_BUF


def test_a_run_with_a_pool_leaves_no_batch_file_behind(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    tempfile.tempdir = None  # read TMPDIR again
    try:
        write_corpus(tmp_path / "in", MIN_FILES_FOR_POOL + 6, seed=4)
        summary = run_ingest(
            paths=[str(tmp_path / "in")],
            db=str(tmp_path / "db.sqlite"),
            clean_dir=tmp_path / "clean",
            workers=2,
            batch_size=10,
        )
    finally:
        tempfile.tempdir = None
    assert summary.files_seen == MIN_FILES_FOR_POOL + 6
    with sqlite3.connect(tmp_path / "db.sqlite") as conn:
        assert conn.execute("SELECT count(*) FROM raw_paths").fetchone()[0] == MIN_FILES_FOR_POOL + 6
    assert [p.name for p in (tmp_path / "tmp").iterdir() if p.name.startswith("axis-ingest-")] == []
