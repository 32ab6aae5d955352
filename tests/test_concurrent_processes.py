"""Two `axis-ingest ingest` processes started together on overlapping folders store everything exactly once.

On SQLite and on PostgreSQL (db_url): two runs into one fresh database equal one run.

Process A ingests parts 1 and 2, process B parts 2 and 3, into one database at
the same time.  The result must equal one run over all three parts: the same
raw documents, articles and sources, no article stored twice, and every file
with exactly one status.  Which copy of a shared story a file is "duplicate"
of depends on who got there first, so for statuses the rule is checked rather
than the exact assignment: a raw document is `duplicate` only when every one of
its articles also came from another file.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from axis_ingest.discover import recorded_path
from badinputs import db_facts, input_files, integrity_problems, statuses, write_corpus
from dbread import Reader

FILES_PER_PART = 200


def _start(work: Path, parts: list[str], db: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        # One clean folder per database: a clean folder belongs to one database.
        [sys.executable, "-m", "axis_ingest.cli", "ingest", *parts, "--db", db, "--clean-dir", f"clean-{db}", "--json"],
        cwd=work,
        env={**os.environ, "PREFECT_API_URL": "", "AXIS_INGEST_CONFIG": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen[str]) -> None:
    _out, err = proc.communicate(timeout=900)
    assert proc.returncode == 0, err[-3000:]


def _duplicates_without_other_source(db: str) -> list[str]:
    """Raw documents marked `duplicate` that hold an article no other raw document holds."""
    with Reader(db) as reader:
        rows = reader.tuples(
            "SELECT r.path FROM raw_documents r JOIN article_sources s ON s.raw_document_id = r.id"
            " WHERE r.status = 'duplicate' AND NOT EXISTS (SELECT 1 FROM article_sources o"
            " WHERE o.article_id = s.article_id AND o.raw_document_id != r.id)"
        )
    return [path for (path,) in rows]


@pytest.mark.slow
def test_two_overlapping_runs_equal_one_run(tmp_path: Path, guard_inputs: Callable[[Path], Path], db_url: str) -> None:
    for number in range(3):
        write_corpus(tmp_path / "in" / f"part{number + 1}", FILES_PER_PART, seed=20 + number, start=number * 10_000)
    guard_inputs(tmp_path / "in")
    parts = ["in/part1", "in/part2", "in/part3"]

    a = _start(tmp_path, parts[:2], db_url)
    b = _start(tmp_path, parts[1:], db_url)
    _finish(a)
    _finish(b)
    single_db = f"sqlite:///{tmp_path / 'single.sqlite'}"
    single = _start(tmp_path, parts, single_db)
    _finish(single)

    shared_db = db_url
    assert integrity_problems(shared_db) == []
    together, alone = db_facts(shared_db), db_facts(single_db)
    assert {sha for sha, _ in together["raw_documents"]} == {sha for sha, _ in alone["raw_documents"]}  # type: ignore[union-attr]
    for key in ("articles", "article_sources", "raw_paths"):
        assert together[key] == alone[key], f"{key} differ"
    rejected = {(sha, s) for sha, s in together["raw_documents"] if s == "rejected"}  # type: ignore[union-attr]
    assert rejected == {(sha, s) for sha, s in alone["raw_documents"] if s == "rejected"}  # type: ignore[union-attr]
    assert _duplicates_without_other_source(shared_db) == []

    with Reader(shared_db) as reader:
        assert reader.scalar("SELECT COUNT(*) FROM articles") == len(alone["articles"])  # type: ignore[arg-type]
    found = statuses(shared_db)
    files = [recorded_path(p) for p in input_files(tmp_path / "in")]
    assert len(files) == 3 * FILES_PER_PART
    assert [f for f in files if len(found.get(f, [])) != 1] == []


def _export_repeatedly(folder: str, rounds: int) -> None:
    from axis_ingest.store import export

    def records(_engine: object, ids: list[int]) -> list[dict[str, object]]:
        return [
            {"id": i, "title": "Council approves the harbour budget", "body": "The council met. " * 300} for i in ids
        ]

    export.article_records = records  # type: ignore[assignment]  # this child process only
    for _ in range(rounds):
        export.write_clean_files(None, list(range(1, 30)), folder)  # type: ignore[arg-type]


def test_two_processes_exporting_the_same_articles(tmp_path: Path) -> None:
    """Two runs may write the same clean file at once (one after its batch, one in export_missing)."""
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_export_repeatedly, args=(str(tmp_path), 40)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert [w.exitcode for w in workers] == [0, 0]
    names = sorted(os.listdir(tmp_path))
    assert len(names) == 29 and all(n.endswith(".json") and not n.startswith(".") for n in names)
    assert all(json.loads((tmp_path / n).read_text(encoding="utf-8"))["id"] == int(n[:7]) for n in names)
