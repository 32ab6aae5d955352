"""The one orchestrator: options, IngestRun's run loop and its chunk hook, and the one summary model.

Every run here writes a real SQLite database under tmp_path.  The Prefect
flow is checked for what it shares with the core (its parameters are the run
options; the entry point `prefect.yaml` names is the package's flow) and for
being importable from outside the checkout; `test_prefect_server.py` runs it
for real, the CLI's Prefect path included.
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest
from rich.console import Console

from axis_ingest.cli import _print_summary
from axis_ingest.config import SettingsError
from axis_ingest.discover import Candidate
from axis_ingest.options import DEFAULT_RAW, RunOptions
from axis_ingest.run import Chunk, IngestRun, run_ingest
from axis_ingest.summary import FailedChunk
from badinputs import statuses, write_corpus, write_good_inputs
from prefect_env import isolated_prefect_env

PROJECT = Path(__file__).resolve().parent.parent


def options_for(tmp_path: Path, inputs: Path, **changes: object) -> RunOptions:
    base = RunOptions(paths=[inputs], db=tmp_path / "out" / "axis.sqlite", clean_dir=tmp_path / "out" / "clean")
    return replace(base, **changes)


def test_options_are_frozen_plain_values() -> None:
    options = RunOptions(paths=[Path("a"), "b"], db=Path("x.sqlite"), config=Path("c.toml"))
    assert options.paths == ("a", "b") and options.db == "x.sqlite" and options.config == "c.toml"
    assert RunOptions(paths=Path("one")).paths == ("one",)
    assert RunOptions(paths=[]).paths == (DEFAULT_RAW,)
    with pytest.raises(FrozenInstanceError):
        options.db = "other.sqlite"  # type: ignore[misc]
    with pytest.raises(ValueError, match="batch_size"):
        RunOptions(batch_size=0)
    with pytest.raises(ValueError, match="workers"):
        RunOptions(workers=-1)
    assert options.flow_parameters()["paths"] == ["a", "b"]
    with pytest.raises(ValueError, match="Settings"):
        replace(options, config=None, settings=RunOptions().load_settings()).flow_parameters()


def test_constructing_a_run_does_no_io(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    write_good_inputs(inputs)
    # A settings file that does not exist would fail to load: construction must not try.
    options = options_for(tmp_path, inputs, config=tmp_path / "missing.toml", workers=1)
    run = IngestRun(options)
    assert not (tmp_path / "out").exists()
    with pytest.raises(SettingsError, match=r"missing\.toml"):
        run.start()
    assert not (tmp_path / "out").exists(), "settings are read before the database is created"

    with IngestRun(replace(options, config=None)) as run:
        assert (tmp_path / "out" / "axis.sqlite").exists()
        with pytest.raises(RuntimeError, match="started"):
            IngestRun(options).process([Candidate(str(inputs))])
        outcome = run.process(run.discover())
    assert outcome.loaded, outcome


def test_chunks_go_through_the_runner_and_a_failed_chunk_is_recorded(
    tmp_path: Path, guard_inputs: Callable[[Path], Path]
) -> None:
    inputs = tmp_path / "inputs"
    write_corpus(inputs, 12, seed=5)
    guard_inputs(inputs)
    options = options_for(tmp_path, inputs, batch_size=2, workers=1)
    seen: list[tuple[int, int, int]] = []

    def skip_the_second(run: IngestRun, chunk: Chunk) -> FailedChunk | None:
        seen.append((chunk.number, chunk.of, len(chunk.candidates)))
        if chunk.number == 2:
            return FailedChunk(chunk.number, len(chunk.candidates), "RuntimeError: chunk 2 lost")
        run.process(chunk.candidates)
        return None

    summary = IngestRun(options).run(run_chunk=skip_the_second, max_chunks=3)
    assert seen == [(1, 3, 4), (2, 3, 4), (3, 3, 4)]
    assert summary.chunks == 3 and summary.files_seen == 12
    assert summary.failed_chunks == [FailedChunk(2, 4, "RuntimeError: chunk 2 lost")]
    recorded = statuses(Path(options.db))
    assert len(recorded) == 8, sorted(recorded)
    data = summary.as_dict()
    assert data["not_stored"] == 4
    assert data["loaded"] + data["duplicates"] + data["rejected"] + data["unchanged"] == 8
    assert "| 2 (4 files) | RuntimeError: chunk 2 lost |" in summary.to_markdown()

    # The next run (default runner: one chunk, processed here) stores the rest and re-reads nothing else.
    again = run_ingest(options)
    assert again.chunks == 1 and not again.failed_chunks
    assert len(statuses(Path(options.db))) == 12
    assert len(again.outcome.unchanged) >= 8
    with closing(sqlite3.connect(options.db)) as conn:
        runs = conn.execute("SELECT status, error, options FROM runs ORDER BY id").fetchall()
    assert [status for status, _, _ in runs] == ["failed", "completed"]
    assert runs[0][1].startswith("1 of 3 chunks failed (first: chunk 2, 4 files: RuntimeError: chunk 2 lost)")
    assert json.loads(runs[0][2])["batch_size"] == 2 and json.loads(runs[0][2])["paths"] == [str(inputs)]


def test_a_chunk_is_never_smaller_than_a_batch(tmp_path: Path) -> None:
    run = IngestRun(options_for(tmp_path, tmp_path, batch_size=5))
    run.batch_size = 5  # what start() would set, without opening anything
    candidates = [Candidate(f"f{i}") for i in range(12)]
    assert [len(c.candidates) for c in run.chunks(candidates, max_chunks=40)] == [5, 5, 2]
    assert [len(c.candidates) for c in run.chunks(candidates, max_chunks=1)] == [12]
    assert run.chunks([], max_chunks=40) == []


def test_every_view_of_the_summary_shows_the_same_counts(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    write_good_inputs(inputs)
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    summary = run_ingest(options_for(tmp_path, inputs, workers=1))
    assert summary.rejected and summary.outcome.loaded

    data = json.loads(json.dumps(summary.as_dict()))
    buffer = io.StringIO()
    _print_summary(summary, Console(file=buffer, width=200))
    table = buffer.getvalue()
    markdown = summary.to_markdown()
    for count in summary.file_counts() + summary.article_counts():
        assert data[count.key] == count.value
        if count.shown:
            assert any(count.label.strip() in line and str(count.value) in line for line in table.splitlines()), (
                count,
                table,
            )
            assert f"{count.label.strip()}: **{count.value}**" in markdown, (count, markdown)
    for path, reason in summary.rejected:
        assert {"path": path, "reason": reason} in data["rejections"]
        assert Path(path).name in markdown and Path(path).name in table
    assert "not stored" not in table, "a count that is zero and optional stays out of the table"


def test_the_core_and_the_cli_do_not_import_prefect() -> None:
    code = (
        "import sys\n"
        "import axis_ingest.cli, axis_ingest.run, axis_ingest.options, axis_ingest.summary\n"
        "loaded = sorted(m for m in sys.modules if m == 'prefect' or m.startswith('prefect.'))\n"
        "assert not loaded, loaded[:5]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_the_flow_takes_the_run_options_and_the_entry_point_is_the_packages_flow(tmp_path: Path) -> None:
    # From a folder outside the checkout: the flow must come from the installed package, not from cwd.
    code = (
        "import inspect, json, sys\n"
        "from prefect.flows import load_flow_from_entrypoint\n"
        "from axis_ingest.flows.ingest import ingest\n"
        "entry = load_flow_from_entrypoint(sys.argv[1] + '/flows/ingest.py:ingest')\n"
        "print(json.dumps({'params': list(inspect.signature(ingest.fn).parameters),\n"
        "                  'same': entry.fn is ingest.fn, 'cwd_on_path': '' in sys.path[1:]}))\n"
    )
    env = isolated_prefect_env(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-c", code, str(PROJECT)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["params"] == [*RunOptions.flow_parameter_names(), "db_lock"]
    assert found["same"], "flows/ingest.py must re-export the package's flow, not define another"


# -- what the run and the commands let through (issue 12: never swallow what is not about one file) --------


def _failing_finish_run(error: BaseException) -> Callable[..., None]:
    def finish_run(*_args: object, **_kwargs: object) -> None:
        raise error

    return finish_run


def test_a_run_that_cannot_record_its_end_says_so_even_when_chunks_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that returns (here: with a failed chunk) raises the database error of its `runs` row, not hides it."""
    from sqlalchemy.exc import OperationalError

    inputs = tmp_path / "inputs"
    write_good_inputs(inputs)
    lost = OperationalError("UPDATE runs", {}, sqlite3.OperationalError("disk I/O error"))
    monkeypatch.setattr("axis_ingest.run.finish_run", _failing_finish_run(lost))

    def fail_it(_run: IngestRun, chunk: Chunk) -> FailedChunk:
        return FailedChunk(chunk.number, len(chunk.candidates), "RuntimeError: lost")

    with pytest.raises(OperationalError, match="disk I/O error"):
        IngestRun(options_for(tmp_path, inputs, workers=1)).run(run_chunk=fail_it)


def test_a_failing_run_reports_its_own_error_not_the_runs_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The run's own exception propagates when its `runs` row cannot be written either (the database failed);
    a bug in recording the row is never hidden behind it."""
    from sqlalchemy.exc import OperationalError

    inputs = tmp_path / "inputs"
    write_good_inputs(inputs)
    options = options_for(tmp_path, inputs, workers=1)

    def broken_chunk(_run: IngestRun, _chunk: Chunk) -> None:
        raise OSError(28, "No space left on device")

    lost = OperationalError("UPDATE runs", {}, sqlite3.OperationalError("database or disk is full"))
    monkeypatch.setattr("axis_ingest.run.finish_run", _failing_finish_run(lost))
    with pytest.raises(OSError, match="No space left"):
        IngestRun(options).run(run_chunk=broken_chunk)

    monkeypatch.setattr("axis_ingest.run.finish_run", _failing_finish_run(TypeError("finish_run() got 7 arguments")))
    with pytest.raises(TypeError, match="7 arguments") as raised:
        IngestRun(options).run(run_chunk=broken_chunk)
    assert isinstance(raised.value.__context__, OSError)  # the run's own error is in the traceback too


def test_the_cli_names_a_failed_run_in_one_line_and_lets_a_bug_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from axis_ingest.cli import main

    inputs = tmp_path / "inputs"
    write_good_inputs(inputs)
    args = ["ingest", str(inputs), "--db", str(tmp_path / "axis.sqlite"), "--clean-dir", str(tmp_path / "clean")]

    def full_disk(_run: IngestRun, *_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(IngestRun, "run", full_disk)
    assert main(args) == 1
    assert "axis-ingest: the run failed: OSError: [Errno 28] No space left on device" in capsys.readouterr().err

    def bug(_run: IngestRun, *_args: object, **_kwargs: object) -> None:
        raise KeyError("published_utc")

    monkeypatch.setattr(IngestRun, "run", bug)
    with pytest.raises(KeyError, match="published_utc"):  # with its traceback, not a one-line "the run failed"
        main(args)


def test_the_harvest_command_names_a_failed_harvest_in_one_line_and_lets_a_bug_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from axis_ingest.cli import main

    args = ["harvest", "feed", "https://example-news.com/feed/", "--raw", str(tmp_path / "raw")]
    args += ["--db", str(tmp_path / "axis.sqlite")]

    def read_only(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "raw"))

    monkeypatch.setattr("axis_ingest.harvest.run.harvest_sources", read_only)
    assert main(args) == 1
    assert "axis-ingest: the harvest failed: PermissionError" in capsys.readouterr().err

    def bug(*_args: object, **_kwargs: object) -> None:
        raise AttributeError("'SourceReport' object has no attribute 'saved_paths'")

    monkeypatch.setattr("axis_ingest.harvest.run.harvest_sources", bug)
    with pytest.raises(AttributeError, match="saved_paths"):
        main(args)
