"""Shared test fixtures: raw inputs are never modified by any test run; databases of both kinds.

`raw/` (the project's sample inputs) and the shared seeds are checksummed once
per session, before and after; tests that build their own input folders
register them with `guard_inputs`, which checks them when the test ends.

`db_url` (and `module_db_url`, one database per test module) runs a test once
on a fresh SQLite file and once on a fresh database of a private PostgreSQL
cluster that the session starts on first use (tests/pgserver.py).  Without
PostgreSQL's binaries or psycopg the PostgreSQL cases skip with a message,
except in CI (CI=true), where they fail: CI installs both.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from pgserver import PostgresServer, find_bin_dir

PROJECT = Path(__file__).resolve().parent.parent
SESSION_INPUTS = [PROJECT / "raw", PROJECT.parent / "shared" / "seeds"]


def tree_state(root: Path) -> dict[str, str]:
    """Every entry under `root` -> sha256 and mode of a file, target of a symlink, kind of anything else.

    Symlinks are not followed (what they point to is not ours), FIFOs are never opened.
    """
    state: dict[str, str] = {}
    if not os.path.lexists(root):
        return state
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = os.path.join(folder, name)
            st = os.lstat(path)
            key = os.path.relpath(path, root)
            if os.path.islink(path):
                state[key] = "link -> " + os.readlink(path)
            elif os.path.isfile(path):
                digest = hashlib.sha256()
                with open(path, "rb") as handle:
                    for chunk in iter(lambda h=handle: h.read(1 << 20), b""):
                        digest.update(chunk)
                state[key] = f"file {digest.hexdigest()} mode {st.st_mode:o} mtime {st.st_mtime_ns}"
            elif os.path.isdir(path):
                state[key] = f"dir mode {st.st_mode:o}"
            else:
                state[key] = f"special mode {st.st_mode:o}"
    return state


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    keys = sorted(set(before) | set(after))
    return [
        f"{k}: {before.get(k, 'absent')} -> {after.get(k, 'absent')}" for k in keys if before.get(k) != after.get(k)
    ]


@pytest.fixture(scope="session", autouse=True)
def _session_inputs_untouched() -> Iterator[None]:
    before = {root: tree_state(root) for root in SESSION_INPUTS}
    yield
    for root, state in before.items():
        diff = changed(state, tree_state(root))
        assert not diff, f"raw inputs under {root} were modified by the test run: {diff[:10]}"


@pytest.fixture
def guard_inputs() -> Iterator[Callable[[Path], Path]]:
    """Register an input folder (after writing it): the test fails if anything in it changes."""
    guarded: dict[Path, dict[str, str]] = {}

    def guard(folder: Path) -> Path:
        guarded[folder] = tree_state(folder)
        return folder

    yield guard
    for folder, state in guarded.items():
        diff = changed(state, tree_state(folder))
        assert not diff, f"input folder {folder} was modified: {diff[:10]}"


DB_KINDS = ["sqlite", "postgresql"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A private PostgreSQL cluster for the whole session, started on first use."""
    if importlib.util.find_spec("psycopg") is None:
        _unavailable("psycopg is not installed (pip install -e '.[test]')")
    bin_dir = find_bin_dir()
    if bin_dir is None:
        _unavailable("initdb not found on PATH or under /usr/lib/postgresql/*/bin (apt-get install postgresql)")
    server = PostgresServer(bin_dir)  # type: ignore[arg-type]
    try:
        server.start()
        yield server
    finally:
        server.stop()


def new_database_url(request: pytest.FixtureRequest, kind: str, folder: Path) -> str:
    """A fresh, empty database of `kind` ("sqlite" in `folder`, or on the session's PostgreSQL cluster)."""
    if kind == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / 'axis.sqlite'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture(params=DB_KINDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return new_database_url(request, request.param, tmp_path / "db")


@pytest.fixture(scope="module", params=DB_KINDS)
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    return new_database_url(request, request.param, tmp_path_factory.mktemp("db"))


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """db/axis.sqlite built from raw/ by `axis-ingest ingest` (read-only use: copy it before changing it)."""
    from downstream import build_sample_db

    return build_sample_db(tmp_path_factory.mktemp("sample"))


@pytest.fixture()
def sample_db_copy(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database, free to change."""
    target = tmp_path / "db" / "axis.sqlite"
    target.parent.mkdir()
    with closing(sqlite3.connect(sample_db)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


@pytest.fixture
def ingest_texts(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write {file name: text (as UTF-8) or bytes} into a fresh `raw/` folder, run `axis-ingest ingest` on it, return
    the database."""
    from axis_ingest.cli import main

    def ingest(files: dict[str, str | bytes]) -> Path:
        raw = tmp_path / "raw"
        raw.mkdir()
        for name, content in files.items():
            if isinstance(content, bytes):
                (raw / name).write_bytes(content)
            else:
                (raw / name).write_text(content, encoding="utf-8")
        db = tmp_path / "axis.sqlite"
        assert main(["ingest", str(raw), "--db", str(db), "--clean-dir", str(tmp_path / "clean")]) == 0
        return db

    return ingest
