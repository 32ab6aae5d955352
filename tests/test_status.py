"""`axis-ingest status`: raw files by status, the rejected files with their reasons, the last runs."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from axis_ingest.cli import main


def _status(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:
    assert main(["status", "--db", str(db), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_status_json_counts_and_rejections(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = _status(sample_db, capsys)
    with closing(sqlite3.connect(sample_db)) as conn:
        # One status per path: each path with the content it holds now (current_paths).
        current = "FROM current_paths c JOIN raw_documents r ON r.id = c.raw_document_id"
        by_status = dict(conn.execute(f"SELECT r.status, count(*) {current} GROUP BY r.status"))
        rejected = set(conn.execute(f"SELECT c.path, r.reason {current} WHERE r.status = 'rejected'"))
        articles = conn.execute("SELECT count(*), sum(duplicate_of IS NULL) FROM articles").fetchone()
    assert report["raw"] == {status: by_status.get(status, 0) for status in ("loaded", "duplicate", "rejected")}
    assert {(r["path"], r["reason"]) for r in report["rejected"]} == rejected
    assert {Path(r["path"]).name for r in report["rejected"]} == {"broken-feed.json", "notes-empty.txt"}
    assert report["articles"] == {
        "total": articles[0],
        "unique": articles[1],
        "near_duplicates": articles[0] - articles[1],
    }


def test_status_table(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--db", str(sample_db)]) == 0
    out = capsys.readouterr().out
    assert "rejected files" in out and "notes-empty.txt" in out and "--retry-rejected" in out


def test_status_of_a_missing_database_creates_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "db" / "axis.sqlite"
    assert main(["status", "--db", str(missing)]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.parent.exists()


def test_read_commands_write_nothing(sample_db_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with closing(sqlite3.connect(sample_db_copy)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = sample_db_copy.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert _status(sample_db_copy, capsys)["raw"]["rejected"] == 2
    for command in (
        ["search", "strike"],
        ["duplicates"],
        ["export", "--format", "csv", "--out", str(tmp_path / "a.csv")],
    ):
        assert main([*command, "--db", str(sample_db_copy)]) == 0
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name in before}
    assert after == before


def test_each_run_is_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text("Council backs new ferry\n\n" + "The council voted to fund a new ferry. " * 10)
    (folder / "empty.txt").write_text("\n")
    db = tmp_path / "axis.sqlite"
    args = ["ingest", str(folder), "--db", str(db), "--clean-dir", str(tmp_path / "clean")]
    assert main(args) == 0
    assert main(args) == 0
    capsys.readouterr()
    runs = _status(db, capsys)["runs"]
    assert [r["status"] for r in runs] == ["completed", "completed"]
    latest, first = runs
    assert first["counts"]["loaded"] == 1 and first["counts"]["rejected"] == 1 and first["counts"]["files_seen"] == 2
    assert latest["counts"]["loaded"] == 0 and latest["counts"]["unchanged"] == 2
    assert first["options"]["paths"] == [str(folder)] and first["version"]
    assert first["finished_utc"] >= first["started_utc"] and first["seconds"] >= 0
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT loaded, rejected, status FROM runs ORDER BY id").fetchall() == [
            (1, 1, "completed"),
            (0, 0, "completed"),
        ]
