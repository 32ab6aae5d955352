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


STORY = (
    "Harbour board approves dredging plan\n\n"
    + "The harbour board approved a dredging plan for the east basin on Monday. " * 12
)


def _ingest(folder: Path, db: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    args = [str(EXE), "ingest", str(folder), "--db", str(db), "--clean-dir", str(db.parent / "clean"), *extra]
    # Wide enough that rich does not fold a temporary path inside its table cell.
    environment = {**os.environ, "PREFECT_API_URL": "", "AXIS_INGEST_CONFIG": "", "COLUMNS": "400", **(env or {})}
    return subprocess.run(args, capture_output=True, text=True, timeout=300, env=environment)


def test_retry_rejected_reads_unchanged_rejected_files_again(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "other.txt").write_text(STORY.replace("dredging", "lighthouse"), encoding="utf-8")
    small = tmp_path / "small.toml"
    small.write_text("[limits]\nmax_file_bytes = 200\n", encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    first = json.loads(_ingest(folder, db, "--config", str(small), "--json").stdout)
    assert first["rejected"] == 2 and "limits.max_file_bytes" in first["rejections"][0]["reason"]
    # The limit is raised; a plain re-run does not read the files again: their bytes are unchanged.
    again = json.loads(_ingest(folder, db, "--json").stdout)
    assert again["loaded"] == 0 and again["unchanged"] == 2 and again["rejected_before"] == 2
    retried = json.loads(_ingest(folder, db, "--json", "--retry-rejected").stdout)
    assert retried["loaded"] == 2 and retried["rejected"] == 0 and retried["new_articles"] == 2
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT status, reason FROM raw_documents").fetchall()
        assert rows == [("loaded", None), ("loaded", None)]  # the rejected rows became loaded, none added
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    status = subprocess.run([str(EXE), "status", "--db", str(db), "--json"], capture_output=True, text=True)
    report = json.loads(status.stdout)
    assert report["raw"] == {"loaded": 2, "duplicate": 0, "rejected": 0} and report["rejected"] == []
    # Retrying what is still rejected records the new reason and counts it as rejected in this run.
    (folder / "empty.txt").write_text("\n\n", encoding="utf-8")
    assert _ingest(folder, db).returncode == 0
    still = json.loads(_ingest(folder, db, "--json", "--retry-rejected").stdout)
    assert still["rejected"] == 1 and still["unchanged"] == 2 and still["loaded"] == 0


def test_strict_lists_what_fails_including_earlier_rejections(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    first = _ingest(folder, db, "--strict")
    assert first.returncode == 1 and "1 input is rejected (1 rejected in this run" in first.stderr
    rerun = _ingest(folder, db, "--strict")
    assert rerun.returncode == 1
    assert "rejected by an earlier run and unchanged since" in rerun.stderr
    assert "rejected by an earlier run" in rerun.stdout and "empty.txt" in rerun.stdout  # the table names it
    assert "of which rejected before" in rerun.stdout
    as_json = _ingest(folder, db, "--strict", "--json")
    data = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and data["strict"]["exit"] == 1 and data["rejected"] == 0
    assert [Path(r["path"]).name for r in data["earlier_rejections"]] == ["empty.txt"]
    assert "empty" in data["earlier_rejections"][0]["reason"]
    (folder / "empty.txt").unlink()
    fine = _ingest(folder, db, "--strict", "--json")
    assert fine.returncode == 0 and json.loads(fine.stdout)["strict"] == {"exit": 0, "failure": None}


def test_a_stopped_prefect_server_is_named_and_direct_runs_anyway(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    env = {"PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}
    down = _ingest(folder, db, env=env)
    assert down.returncode == 1
    assert f"PREFECT_API_URL is set to http://127.0.0.1:{port}/api" in down.stderr
    assert "no Prefect server answers there" in down.stderr and "--direct" in down.stderr
    assert "Traceback" not in down.stderr and not db.exists()
    direct = _ingest(folder, db, "--direct", "--json", env=env)
    assert direct.returncode == 0, direct.stderr
    assert json.loads(direct.stdout)["loaded"] == 1
    both = _ingest(folder, db, "--direct", "--prefect")
    assert both.returncode == 2 and "not allowed with" in both.stderr


def test_one_word_per_status_copies_are_not_unchanged(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b-copy.txt").write_text(STORY, encoding="utf-8")  # byte-identical, in the same run
    db = tmp_path / "axis.sqlite"
    first = _ingest(folder, db, "--json")
    data = json.loads(first.stdout)
    assert data["loaded"] == 1 and data["copies"] == 1 and data["unchanged"] == 0
    table = _ingest(folder, db).stdout
    assert "unchanged" in table and "already ingested" not in table
    again = json.loads(_ingest(folder, db, "--json").stdout)
    assert again["unchanged"] == 2 and again["copies"] == 0  # both stored by the earlier run
