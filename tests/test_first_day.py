"""What a new user meets on the first day: paths, retrying rejected files, --strict, a stopped Prefect server."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from axis_ingest.cli import main

RAW = Path(__file__).resolve().parents[1] / "raw"
EXE = Path(sys.executable).parent / "axis-ingest"


def _paths(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {p for (p,) in conn.execute("SELECT path FROM raw_paths")} | {
            p for (p,) in conn.execute("SELECT path FROM raw_documents")
        }


def test_paths_are_recorded_absolute_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "mixed"
    shutil.copytree(RAW, data)
    elsewhere = tmp_path / "work" / "deeper"
    elsewhere.mkdir(parents=True)
    db = tmp_path / "axis.sqlite"
    common = ["--db", str(db), "--clean-dir", str(tmp_path / "clean")]
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", "mixed", *common]) == 0
    recorded = _paths(db)
    assert recorded and all(os.path.isabs(p) and p.startswith(str(data) + os.sep) for p in recorded)
    monkeypatch.chdir(elsewhere)
    capsys.readouterr()
    assert main(["ingest", "../../mixed", *common, "--json"]) == 0
    assert _paths(db) == recorded  # the same files, the same rows: nothing recorded twice
    summary = json.loads(capsys.readouterr().out)
    assert summary["loaded"] == 0 and summary["unchanged"] == summary["files_seen"]


STORY = (
    "Harbour board approves dredging plan\n\n"
    + "The harbour board approved a dredging plan for the east basin on Monday. " * 12
)


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


Ingest = Callable[..., Done]


@pytest.fixture()
def ingest(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Ingest:
    """`axis-ingest ingest FOLDER --db DB ...` in this process (a CLI process each would cost seconds)."""
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that rich does not fold a temporary path in a cell
    monkeypatch.setenv("PREFECT_API_URL", "")
    monkeypatch.setenv("AXIS_INGEST_CONFIG", "")

    def run(folder: Path, db: Path, *extra: str, env: dict[str, str] | None = None) -> Done:
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        capsys.readouterr()
        try:
            code = main(["ingest", str(folder), "--db", str(db), "--clean-dir", str(db.parent / "clean"), *extra])
        except SystemExit as exc:  # argparse: bad usage
            code = int(exc.code or 0)
        finally:
            for key in env or {}:
                monkeypatch.setenv(key, "")
        out = capsys.readouterr()
        return Done(code, out.out, out.err)

    return run


def test_retry_rejected_reads_unchanged_rejected_files_again(
    tmp_path: Path, ingest: Ingest, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "other.txt").write_text(STORY.replace("dredging", "lighthouse"), encoding="utf-8")
    small = tmp_path / "small.toml"
    small.write_text("[limits]\nmax_file_bytes = 200\n", encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    first = json.loads(ingest(folder, db, "--config", str(small), "--json").stdout)
    assert first["rejected"] == 2 and "limits.max_file_bytes" in first["rejections"][0]["reason"]
    # The limit is raised; a plain re-run does not read the files again: their bytes are unchanged.
    again = json.loads(ingest(folder, db, "--json").stdout)
    assert again["loaded"] == 0 and again["unchanged"] == 2 and again["rejected_before"] == 2
    retried = json.loads(ingest(folder, db, "--json", "--retry-rejected").stdout)
    assert retried["loaded"] == 2 and retried["rejected"] == 0 and retried["new_articles"] == 2
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT status, reason FROM raw_documents").fetchall()
        assert rows == [("loaded", None), ("loaded", None)]  # the rejected rows became loaded, none added
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    capsys.readouterr()
    assert main(["status", "--db", str(db), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["raw"] == {"loaded": 2, "duplicate": 0, "rejected": 0} and report["rejected"] == []
    # Retrying what is still rejected records the new reason and counts it as rejected in this run.
    (folder / "empty.txt").write_text("\n\n", encoding="utf-8")
    assert ingest(folder, db).returncode == 0
    still = json.loads(ingest(folder, db, "--json", "--retry-rejected").stdout)
    assert still["rejected"] == 1 and still["unchanged"] == 2 and still["loaded"] == 0


def test_strict_lists_what_fails_including_earlier_rejections(tmp_path: Path, ingest: Ingest) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    first = ingest(folder, db, "--strict")
    assert first.returncode == 1 and "1 input is rejected (1 rejected in this run" in first.stderr
    rerun = ingest(folder, db, "--strict")
    assert rerun.returncode == 1
    assert "rejected by an earlier run and unchanged since" in rerun.stderr
    assert "rejected by an earlier run" in rerun.stdout and "empty.txt" in rerun.stdout  # the table names it
    assert "of which rejected before" in rerun.stdout
    as_json = ingest(folder, db, "--strict", "--json")
    data = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and data["strict"]["exit"] == 1 and data["rejected"] == 0
    assert [Path(r["path"]).name for r in data["earlier_rejections"]] == ["empty.txt"]
    assert "empty" in data["earlier_rejections"][0]["reason"]
    (folder / "empty.txt").unlink()
    fine = ingest(folder, db, "--strict", "--json")
    assert fine.returncode == 0 and json.loads(fine.stdout)["strict"] == {"exit": 0, "failure": None}


def test_a_stopped_prefect_server_is_named_and_direct_runs_anyway(tmp_path: Path, ingest: Ingest) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    env = {"PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}
    down = ingest(folder, db, env=env)
    assert down.returncode == 1
    assert f"PREFECT_API_URL is set to http://127.0.0.1:{port}/api" in down.stderr
    assert "no Prefect server answers there" in down.stderr and "--direct" in down.stderr
    assert "Traceback" not in down.stderr and not db.exists()
    direct = ingest(folder, db, "--direct", "--json", env=env)
    assert direct.returncode == 0, direct.stderr
    assert json.loads(direct.stdout)["loaded"] == 1
    both = ingest(folder, db, "--direct", "--prefect")
    assert both.returncode == 2 and "not allowed with" in both.stderr


def test_one_word_per_status_copies_are_not_unchanged(tmp_path: Path, ingest: Ingest) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b-copy.txt").write_text(STORY, encoding="utf-8")  # byte-identical, in the same run
    db = tmp_path / "axis.sqlite"
    first = ingest(folder, db, "--json")
    data = json.loads(first.stdout)
    assert data["loaded"] == 1 and data["copies"] == 1 and data["unchanged"] == 0
    table = ingest(folder, db).stdout
    assert "unchanged" in table and "already ingested" not in table
    again = json.loads(ingest(folder, db, "--json").stdout)
    assert again["unchanged"] == 2 and again["copies"] == 0  # both stored by the earlier run
