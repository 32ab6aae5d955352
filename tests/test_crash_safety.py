"""Crash safety: `axis-ingest ingest` killed with SIGKILL mid-run, then run again, loses and duplicates nothing.

A large generated folder is ingested by a real subprocess (with its worker
pool); once the database holds some rows the whole process group is killed.
The second run must finish the job: every raw file ends with exactly one
status, the database passes `PRAGMA integrity_check` with no orphan rows, the
clean files match the articles, and the result equals an uninterrupted run's.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from axis_ingest.discover import recorded_path
from axis_ingest.run import BATCH_FOLDER_PREFIX, remove_abandoned_batch_folders
from axis_ingest.store.export import CLEAN_DIR_MARKER
from badinputs import db_facts, input_files, integrity_problems, statuses, write_corpus

CORPUS_FILES = 1500
KILL_AFTER_ROWS = 150  # raw documents stored before the kill: a few batches in, far from the end
POLL_SECONDS = 0.1


def _command(db: str, clean: str) -> list[str]:
    return [sys.executable, "-m", "axis_ingest.cli", "ingest", "in", "--db", db, "--clean-dir", clean, "--json"]


def _env() -> dict[str, str]:
    return {**os.environ, "PREFECT_API_URL": "", "AXIS_INGEST_CONFIG": ""}


def _rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM raw_documents").fetchone()[0]
    except sqlite3.Error:  # not created yet, or locked for a moment
        return 0


def _run(work: Path, db: str, clean: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(db, clean), cwd=work, env=_env(), capture_output=True, text=True, timeout=900)


def _killed_run(work: Path, db: str, clean: str) -> tuple[int, int]:
    """Start a run, SIGKILL its whole process group once some rows are stored; returns the rows seen and its pid."""
    proc = subprocess.Popen(
        _command(db, clean), cwd=work, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    seen = 0
    try:
        while proc.poll() is None:
            seen = _rows(work / db)
            if seen >= KILL_AFTER_ROWS:
                os.killpg(proc.pid, signal.SIGKILL)
                break
            time.sleep(POLL_SECONDS)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, f"the run ended before it could be killed: {proc.stderr.read()[-2000:]}"
    return seen, proc.pid


def _batch_folders(pid: int) -> list[str]:
    return [name for name in os.listdir(tempfile.gettempdir()) if name.startswith(f"{BATCH_FOLDER_PREFIX}{pid}-")]


@pytest.mark.slow
def test_sigkill_mid_run_then_rerun(tmp_path: Path, guard_inputs: Callable[[Path], Path]) -> None:
    write_corpus(tmp_path / "in", CORPUS_FILES, seed=11)
    guard_inputs(tmp_path / "in")

    seen, killed_pid = _killed_run(tmp_path, "crash.sqlite", "clean_crash")
    assert _batch_folders(killed_pid), "the killed run's pool wrote no batch folder: the sweep below tests nothing"
    partial = _rows(tmp_path / "crash.sqlite")
    assert KILL_AFTER_ROWS <= seen <= partial < CORPUS_FILES, (seen, partial)
    assert integrity_problems(tmp_path / "crash.sqlite") == [], "the killed run left an inconsistent database"

    resumed = _run(tmp_path, "crash.sqlite", "clean_crash")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert _batch_folders(killed_pid) == [], "the killed run's batch results were left in the temporary folder"
    whole = _run(tmp_path, "whole.sqlite", "clean_whole")
    assert whole.returncode == 0, whole.stderr[-3000:]

    crash_db = tmp_path / "crash.sqlite"
    assert integrity_problems(crash_db) == []
    found = statuses(crash_db)
    files = [recorded_path(p) for p in input_files(tmp_path / "in")]
    assert len(files) == CORPUS_FILES
    assert [f for f in files if len(found.get(f, [])) != 1] == [], "files without exactly one status"

    crashed, uninterrupted = db_facts(crash_db), db_facts(tmp_path / "whole.sqlite")
    for key in ("raw_documents", "articles", "article_sources", "raw_paths"):
        assert crashed[key] == uninterrupted[key], (
            f"{key} differ: only after crash {sorted(crashed[key] - uninterrupted[key])[:5]}, "  # type: ignore[operator]
            f"only uninterrupted {sorted(uninterrupted[key] - crashed[key])[:5]}"  # type: ignore[operator]
        )

    with sqlite3.connect(crash_db) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
    clean = os.listdir(tmp_path / "clean_crash")
    assert {int(name[:7]) for name in clean if name.endswith(".json")} == ids, "clean/ does not match the articles"
    leftovers = [name for name in clean if not name.endswith(".json") and name != CLEAN_DIR_MARKER]
    assert leftovers == [], f"half-written files left in clean/: {leftovers[:5]}"


def _pid_of_an_ended_process() -> int:
    """The process id of a process that has ended (a run killed before it could clean up)."""
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(ended.stdout)


def test_stale_temporary_clean_files_are_removed(tmp_path: Path) -> None:
    """A run killed mid-write leaves `.<name>.<pid>.tmp`; the next export removes it, a live run's is kept."""
    from axis_ingest.store.export import remove_stale_temporaries

    dead = _pid_of_an_ended_process()
    stale = tmp_path / f".0000088-harbour-budget.json.{dead}.tmp"
    live = tmp_path / f".0000089-harbour-budget.json.{os.getpid()}.tmp"
    done = tmp_path / "0000087-harbour-budget.json"
    for path in (stale, live, done):
        path.write_text("{}", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path) == [stale.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, done.name])


def test_abandoned_batch_folders_are_removed(tmp_path: Path) -> None:
    """A killed run's batch-result folder goes; a live run's, and folders of other programs, stay."""
    dead = _pid_of_an_ended_process()
    abandoned = tmp_path / f"{BATCH_FOLDER_PREFIX}{dead}-k3mf3fds"
    live = tmp_path / f"{BATCH_FOLDER_PREFIX}{os.getpid()}-q3ian3ws"
    other = tmp_path / "pymp-0ofwenvk"
    for folder in (abandoned, live, other):
        folder.mkdir()
        (folder / "batch-8uiu2trq.pickle").write_bytes(b"results")
    assert remove_abandoned_batch_folders(str(tmp_path)) == [abandoned.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, other.name])
