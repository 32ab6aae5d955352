"""Shared test fixtures: raw inputs are never modified by any test run.

`raw/` (the project's sample inputs) and the shared seeds are checksummed once
per session, before and after; tests that build their own input folders
register them with `guard_inputs`, which checks them when the test ends.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

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
