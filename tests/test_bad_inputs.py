"""Nothing lost, nothing let in: every kind of bad input in one `axis-ingest ingest` run.

One run over a folder holding all the bad inputs of `badinputs.py` beside good
ones.  Each bad input is rejected with a reason that names its problem, or
loaded with its words intact; the good files load as if alone; nothing is
written outside the database and `clean/`; no file's status is missing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from axis_ingest.config import Limits, Settings, load_settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.discover import recorded_path
from axis_ingest.prepare import FileResult, prepare_file
from axis_ingest.run import run_ingest
from axis_ingest.store.export import CLEAN_DIR_MARKER
from badinputs import (
    EITHER,
    GOOD_DE,
    GOOD_EN,
    LOADED,
    REJECTED,
    WIRE_TEXT,
    Case,
    bad_cases,
    bodies_by_path,
    html_page,
    input_files,
    integrity_problems,
    scraped_page,
    wordpress_post,
    write_bad_inputs,
    write_good_inputs,
    write_undecodable_name,
)
from badinputs import statuses as read_statuses
from conftest import changed, tree_state

CLEAN_NAME = re.compile(r"^\d{7}-[a-z0-9]+(?:-[a-z0-9]+)*\.json$")


@dataclass
class Run:
    work: Path
    inputs: Path
    outside: Path
    db: Path
    clean: Path
    cases: list[Case]
    good: list[Case]
    proc: subprocess.CompletedProcess[str]
    summary: dict[str, object]
    before: dict[str, str]
    after: dict[str, str]
    inputs_before: dict[str, str]
    inputs_after: dict[str, str]

    def path(self, case: Case) -> str:
        return recorded_path(self.inputs / case.name)


def ingest(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`axis-ingest ingest` as a user runs it, from `work` (so stray relative writes land in the tree)."""
    return subprocess.run(
        [sys.executable, "-m", "axis_ingest.cli", "ingest", *args],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PREFECT_API_URL": "", "AXIS_INGEST_CONFIG": ""},
    )


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    work = tmp_path_factory.mktemp("bad")
    inputs, outside = work / "in", work / "outside"
    cases = write_bad_inputs(inputs, outside)
    good = write_good_inputs(inputs)
    before, inputs_before = tree_state(work), tree_state(inputs)
    proc = ingest(work, "in", "--db", "db/axis.sqlite", "--clean-dir", "clean", "--json")
    after = tree_state(work)
    summary = json.loads(proc.stdout) if proc.returncode == 0 else {}
    return Run(
        work, inputs, outside, work / "db/axis.sqlite", work / "clean", cases, good, proc, summary,
        before, after, inputs_before, tree_state(inputs),
    )  # fmt: skip


def test_run_completes(run: Run) -> None:
    assert run.proc.returncode == 0, run.proc.stderr[-3000:]
    assert run.summary["files_seen"] == len(input_files(run.inputs))


def _params() -> list[object]:
    marks = {c.name: [pytest.mark.xfail(reason=c.known_bug, strict=False)] if c.known_bug else [] for c in bad_cases()}
    return [pytest.param(c, id=c.name, marks=marks[c.name]) for c in bad_cases()]


@pytest.mark.parametrize("case", _params())
def test_bad_input(run: Run, case: Case) -> None:
    assert run.proc.returncode == 0, run.proc.stderr[-3000:]
    recorded = read_statuses(run.db).get(run.path(case))
    assert recorded, f"{case.kind}: no status recorded for {case.name}"
    assert len(recorded) == 1, f"{case.kind}: {len(recorded)} statuses for one path: {recorded}"
    status, reason = recorded[0]
    if case.expect == REJECTED:
        assert status == "rejected", f"{case.kind}: expected a rejection, got {status}"
    elif case.expect == LOADED:
        assert status in ("loaded", "duplicate"), f"{case.kind}: expected it to load, got {status}: {reason}"
    else:
        assert case.expect == EITHER
    if status == "rejected":
        assert reason and "internal error" not in reason, f"{case.kind}: {reason}"
        assert any(hint.lower() in reason.lower() for hint in case.reason_has), (
            f"{case.kind}: reason does not name the problem ({case.reason_has}): {reason}"
        )
        return
    bodies = bodies_by_path(run.db).get(run.path(case), [])
    assert bodies, f"{case.kind}: {status} but no article points at it"
    text = "\n".join(bodies)
    for words in case.body_has:
        assert words in text, f"{case.kind}: {words!r} missing from the stored body: {text[:500]!r}"
    assert max(len(b) for b in bodies) <= case.max_body_chars, f"{case.kind}: body of {max(map(len, bodies))} chars"
    assert "\x00" not in text and "\ufffd\ufffd" not in text


def test_good_inputs_load_beside_bad_ones(run: Run) -> None:
    found = read_statuses(run.db)
    bodies = bodies_by_path(run.db)
    for case in run.good:
        assert found.get(run.path(case)) == [("loaded", None)], f"{case.kind}: {found.get(run.path(case))}"
        for words in case.body_has:
            assert any(words in body for body in bodies[run.path(case)]), f"{case.kind}: {words!r} missing"


def test_every_input_has_exactly_one_status(run: Run) -> None:
    found = read_statuses(run.db)
    missing = [p for p in input_files(run.inputs) if recorded_path(p) not in found]
    assert not missing, f"files with no status: {missing}"
    assert all(len(v) == 1 for v in found.values())
    assert set(found) <= {recorded_path(p) for p in input_files(run.inputs)}


def test_summary_lists_every_rejection(run: Run) -> None:
    rejected = {p for p, v in read_statuses(run.db).items() if v[0][0] == "rejected"}
    reported = {r["path"] for r in run.summary["rejections"]}  # type: ignore[union-attr]
    assert {os.path.normpath(p) for p in reported} == rejected


def test_database_is_consistent(run: Run) -> None:
    assert integrity_problems(run.db) == []


def test_nothing_written_outside_clean_and_db(run: Run) -> None:
    new = changed(run.before, run.after)
    allowed = ("clean" + os.sep, "db" + os.sep)
    stray = [line for line in new if not line.startswith(allowed) and line.split(":")[0] not in ("clean", "db")]
    assert stray == []
    assert changed(run.inputs_before, run.inputs_after) == [], "raw inputs were modified"
    assert sorted(os.listdir(run.outside)) == ["secret.txt"], "something was written next to a symlink target"


def test_clean_file_names_stay_inside_clean(run: Run) -> None:
    names = [n for n in os.listdir(run.clean) if n != CLEAN_DIR_MARKER]
    assert names, "no clean files written"
    assert [n for n in names if not CLEAN_NAME.match(n)] == []
    for name in names:
        assert (run.clean / name).resolve().parent == run.clean.resolve()
    with_traversal_titles = [
        json.loads((run.clean / n).read_text(encoding="utf-8"))
        for n in names
        if "passwd" in n or "evil" in n or "windows" in n
    ]
    assert len(with_traversal_titles) >= 2, "the ../ titles should have loaded (with safe file names)"
    assert all(record["title"] for record in with_traversal_titles)


def test_clean_files_match_the_database(run: Run) -> None:
    from badinputs import connect

    with connect(run.db) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
    assert {int(n[:7]) for n in os.listdir(run.clean) if n != CLEAN_DIR_MARKER} == ids
    assert not [n for n in os.listdir(run.clean) if n.endswith(".tmp")]


def test_second_run_changes_nothing(run: Run) -> None:
    facts_before = read_statuses(run.db)
    clean_before = sorted(os.listdir(run.clean))
    proc = ingest(run.work, "in", "--db", "db/axis.sqlite", "--clean-dir", "clean", "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = json.loads(proc.stdout)
    assert summary["new_articles"] == 0
    assert read_statuses(run.db) == facts_before
    assert sorted(os.listdir(run.clean)) == clean_before


def test_file_name_not_utf8(tmp_path: Path) -> None:
    """A Latin-1 file name must cost at most that file, and should load (its content is fine)."""
    write_good_inputs(tmp_path / "in")
    case = write_undecodable_name(tmp_path / "in")
    proc = ingest(tmp_path, "in", "--db", "db/axis.sqlite", "--clean-dir", "clean", "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = read_statuses(tmp_path / "db/axis.sqlite")
    assert all(v[0][0] == "loaded" for v in found.values()), found
    assert len(found) == 6
    bodies = "\n".join(b for v in bodies_by_path(tmp_path / "db/axis.sqlite").values() for b in v)
    assert case.body_has[0] in bodies


# -- per-document limits -------------------------------------------------------------------------


def _settings(**limits: float) -> Settings:
    return Settings(limits=Limits(**limits))  # type: ignore[arg-type]


def _prepare(data: bytes, settings: Settings, path: str = "doc.txt") -> FileResult:
    return prepare_file(path, data, settings, MinHashParams())


LONG_PAGE = scraped_page("Hospital to open second emergency entrance", GOOD_EN * 4).encode()


def test_default_limits_are_safe_and_match_the_shipped_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("AXIS_INGEST_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)  # no ./axis-ingest.toml
    limits = load_settings().limits
    assert limits == Limits()
    assert 0 < limits.max_file_bytes < 1 << 31
    assert 0 < limits.max_text_chars < 1 << 31
    assert 0 < limits.max_seconds_per_file < 3600
    assert 0 < limits.max_items_per_file < 1_000_000


def test_text_over_the_limit_is_rejected() -> None:
    result = _prepare(LONG_PAGE, _settings(max_text_chars=len(LONG_PAGE) // 2))
    assert result.documents == []
    assert result.reason and "limits.max_text_chars" in result.reason
    assert not _prepare(LONG_PAGE, _settings(max_text_chars=len(LONG_PAGE) * 2)).rejected


def test_too_many_items_is_rejected() -> None:
    posts = [
        wordpress_post(700 + i, {"rendered": f"Post {i}"}, {"rendered": f"<p>{p}</p>"}) for i, p in enumerate(GOOD_EN)
    ]
    data = json.dumps(posts).encode()
    result = _prepare(data, _settings(max_items_per_file=2), "posts.json")
    assert result.reason and "limits.max_items_per_file" in result.reason
    assert len(_prepare(data, _settings(max_items_per_file=3), "posts.json").documents) == 3


def test_file_over_the_byte_limit_is_rejected_unread(tmp_path: Path, guard_inputs: Callable[[Path], Path]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "long.txt").write_bytes(LONG_PAGE)
    (inputs / "short.txt").write_text(WIRE_TEXT, encoding="utf-8")
    guard_inputs(inputs)
    settings = _settings(max_file_bytes=len(LONG_PAGE) - 1)
    summary = run_ingest(
        paths=[inputs], db=tmp_path / "db.sqlite", clean_dir=tmp_path / "clean", settings=settings, workers=1
    )
    assert [Path(p).name for p, _ in summary.rejected] == ["long.txt"]
    assert "limits.max_file_bytes" in summary.rejected[0][1]
    assert [Path(p).name for p in summary.outcome.loaded] == ["short.txt"]


def _spinning_reader(record: object, context: object) -> list[object]:
    while True:
        pass


def _swallowing_reader(record: object, context: object) -> list[object]:
    """A reader that catches everything, as careless library code does: the limit must still stop it."""
    for _ in range(1_000_000):
        try:
            while True:
                pass
        except Exception:
            pass
        except BaseException:  # the first alarm; the repeated one must end it anyway
            try:
                while True:
                    pass
            except Exception:
                pass
    return []


@pytest.mark.parametrize("reader", [_spinning_reader, _swallowing_reader])
def test_reader_over_the_time_limit_is_rejected_not_hung_on(monkeypatch: pytest.MonkeyPatch, reader: object) -> None:
    import axis_ingest.prepare as prepare
    from axis_ingest.readers import LoadedReader

    monkeypatch.setattr(prepare, "reader_for", lambda _format: LoadedReader(reader))  # type: ignore[arg-type]
    html = html_page("Bus nach Altdorf fährt bald alle 30 Minuten", GOOD_DE, lang="de").encode()
    result = _prepare(html, _settings(max_seconds_per_file=0.2), "page.html")
    assert result.documents == []
    assert result.reason and "limits.max_seconds_per_file" in result.reason


def test_limits_from_a_settings_file(tmp_path: Path, guard_inputs: Callable[[Path], Path]) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "long.txt").write_bytes(LONG_PAGE)
    (inputs / "wire.txt").write_text(WIRE_TEXT, encoding="utf-8")
    guard_inputs(inputs)
    (tmp_path / "small.toml").write_text(f"[limits]\nmax_text_chars = {len(WIRE_TEXT) + 100}\n", encoding="utf-8")
    proc = ingest(tmp_path, "in", "--db", "db.sqlite", "--clean-dir", "clean", "--config", "small.toml", "--json")
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = read_statuses(tmp_path / "db.sqlite")
    assert found[recorded_path(inputs / "wire.txt")][0][0] == "loaded"
    status, reason = found[recorded_path(inputs / "long.txt")][0]
    assert status == "rejected" and reason and "limits.max_text_chars" in reason
