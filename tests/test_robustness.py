"""Nothing lost, nothing let in, round two (issue 15): the file system, the --db value, odd configurations.

Every test runs the real `axis-ingest` command in a subprocess on real files and a
real SQLite database.  Permission cases run without root's override of file
permissions (`as_plain_user`): in CI the tests run as root, and root reads a
folder of mode 000 as if it were open.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from badinputs import statuses, write_good_inputs

# A path longer than the system allows (Linux PATH_MAX is 4096 bytes).
LONG_PATH_LEVELS, LONG_NAME = 22, "d" * 200


def as_plain_user() -> list[str]:
    """A command prefix that drops the capabilities letting root ignore file permissions.

    Root stays uid 0 (it owns the test's files, so their owner bits apply) but loses
    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; a non-root user needs no prefix.
    """
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (Debian package util-linux) is needed to test permissions as root"
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all"]


def cli(work: Path, *args: str, plain_user: bool = False, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`axis-ingest ARGS` as a user runs it, from `work`."""
    return subprocess.run(
        [*(as_plain_user() if plain_user else []), sys.executable, "-m", "axis_ingest.cli", *args],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PREFECT_API_URL": "", "AXIS_INGEST_CONFIG": ""},
    )


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """`axis-ingest ARGS` called in this process from a folder: for errors found before any work starts.

    Returns (exit code, stderr); a subprocess per case would cost a second or more of imports.
    """
    from axis_ingest.cli import main

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("AXIS_INGEST_CONFIG", raising=False)

    def run(work: Path, *args: str) -> tuple[int, str]:
        monkeypatch.chdir(work)
        code = main(list(args))
        return code, capsys.readouterr().err

    return run


def summary_of(proc: subprocess.CompletedProcess[str]) -> dict[str, object]:
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(db: Path, sql: str) -> int:
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as conn:
        return int(conn.execute(sql).fetchone()[0])


def make_long_path(base: Path) -> str:
    """Folders nested deeper than PATH_MAX allows as one path, with a file at the bottom (made via dir fds)."""
    fd = os.open(base, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for _ in range(LONG_PATH_LEVELS):
            os.mkdir(LONG_NAME, dir_fd=fd)
            inner = os.open(LONG_NAME, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, b"A file nobody can reach by its path.\n" * 20)
        os.close(out)
    finally:
        os.close(fd)
    return os.path.join(base.name, *[LONG_NAME] * LONG_PATH_LEVELS)


# -- 1. discovery goes on past paths it cannot read ---------------------------------------------------


def test_unreadable_and_too_long_paths_are_rejected_and_the_rest_loads(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    good = write_good_inputs(inputs)
    (inputs / "readonly").mkdir()
    shutil.copy(inputs / "good/wire.txt", inputs / "readonly/wire-copy.txt")
    (inputs / "closed").mkdir()
    (inputs / "closed/inside.txt").write_text("text nobody may read\n", encoding="utf-8")
    (inputs / "deep").mkdir()
    make_long_path(inputs / "deep")
    (inputs / "readonly").chmod(0o444)  # listable, but its files cannot be reached
    (inputs / "closed").chmod(0o000)
    try:
        proc = cli(tmp_path, "ingest", "in", "--db", "db.sqlite", "--clean-dir", "clean", "--json", plain_user=True)
    finally:
        (inputs / "readonly").chmod(0o755)
        (inputs / "closed").chmod(0o755)
    summary = summary_of(proc)
    assert proc.returncode == 0
    assert summary["loaded"] == len(good)
    reasons = {r["path"]: r["reason"] for r in summary["rejections"]}  # type: ignore[union-attr]
    assert "permission denied" in reasons.pop(str(inputs / "readonly/wire-copy.txt"))
    assert "chmod u+rx" in reasons.pop(str(inputs / "closed"))
    long_ones = [path for path in reasons if path.startswith(str(inputs / "deep") + "/")]
    assert len(long_ones) == 1 and "too long" in reasons.pop(long_ones[0])
    assert not reasons
    assert summary["rejected"] == 3 and summary["files_seen"] == len(good) + 3
    recorded = statuses(tmp_path / "db.sqlite")
    assert recorded[str(inputs / "readonly/wire-copy.txt")][0][0] == "rejected"
    assert recorded[str(inputs / "closed")][0][0] == "rejected"
    assert recorded[long_ones[0]][0][0] == "rejected"


# -- 2. the read stage opens what discovery found, or nothing -----------------------------------------


def _swap_then_read(tmp_path: Path, swap) -> tuple[dict[str, tuple[str, str | None]], str]:  # type: ignore[no-untyped-def]
    """Discover the inputs, change one file on disk (`swap`), then run the read/prepare/store stages."""
    from axis_ingest.options import RunOptions
    from axis_ingest.run import IngestRun

    inputs = tmp_path / "in"
    write_good_inputs(inputs)
    target = inputs / "good/wire.txt"
    options = RunOptions(paths=(str(inputs),), db=str(tmp_path / "db.sqlite"), clean_dir=str(tmp_path / "clean"))
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.alarm(60)  # a read that blocks (the old open() of a FIFO) fails the test instead of hanging it
    try:
        with IngestRun(replace(options, workers=1)) as run:
            candidates = run.discover()
            swap(target)
            run.process(candidates)
            run.finish(0.0)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    with closing(sqlite3.connect(tmp_path / "db.sqlite")) as conn:
        bodies = "\n".join(body for (body,) in conn.execute("SELECT body FROM articles"))
    clean = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "clean").glob("*.json"))
    return current(tmp_path / "db.sqlite"), bodies + clean


def _too_slow(_signum: int, _frame: object) -> None:
    raise TimeoutError("the read stage blocked")


SECRET = "The vault combination is 31-41-59 and the spare key is under the third flowerpot. " * 8


def test_a_file_swapped_for_a_symlink_after_discovery_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside/secret.txt"
    outside.parent.mkdir()
    outside.write_text("Private notes\n\n" + SECRET, encoding="utf-8")

    def to_link(target: Path) -> None:
        target.unlink()
        target.symlink_to(outside)

    found, stored_text = _swap_then_read(tmp_path, to_link)
    status, reason = found[str(tmp_path / "in/good/wire.txt")]
    assert status == "rejected" and reason and "replaced by a symlink" in reason
    assert "vault combination" not in stored_text
    assert sum(1 for s, _ in found.values() if s == "loaded") == 4


def test_a_file_swapped_for_a_fifo_after_discovery_is_refused_without_blocking(tmp_path: Path) -> None:
    def to_fifo(target: Path) -> None:
        target.unlink()
        os.mkfifo(target)

    found, _ = _swap_then_read(tmp_path, to_fifo)
    status, reason = found[str(tmp_path / "in/good/wire.txt")]
    assert status == "rejected" and reason and "replaced by a pipe" in reason


def test_a_file_replaced_or_deleted_after_discovery_says_what_happened(tmp_path: Path) -> None:
    def replace_then_delete(target: Path) -> None:
        other = target.with_name("report.txt")
        os.replace(other, target)  # another file (another inode) now at the discovered path

    found, _ = _swap_then_read(tmp_path, replace_then_delete)
    status, reason = found[str(tmp_path / "in/good/wire.txt")]
    assert status == "rejected" and reason and "replaced by another file" in reason
    status, reason = found[str(tmp_path / "in/good/report.txt")]
    assert status == "rejected" and reason and "disappeared after it was found" in reason
    assert "permissions" not in reason


# -- 4 and 6. signals: SIGTERM stops the run cleanly, a killed worker costs nothing ---------------------

CORPUS_FILES = 400


def processes_in_group(pgid: int) -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every live process in process group `pgid` (from /proc)."""
    found: dict[int, tuple[int, str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            state, ppid, group = fields[0], int(fields[1]), int(fields[2])
            with open(f"/proc/{entry}/cmdline", "rb") as handle:
                cmdline = handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except (OSError, IndexError, ValueError):
            continue
        if group == pgid and state != "Z":
            found[int(entry)] = (ppid, cmdline)
    return found


def pool_workers(main_pid: int) -> list[int]:
    """The pool's worker processes: children of the forkserver the run started."""
    group = processes_in_group(main_pid)
    servers = [pid for pid, (ppid, cmd) in group.items() if ppid == main_pid and "forkserver" in cmd]
    return [pid for pid, (ppid, _) in group.items() if ppid in servers]


def start_big_run(tmp_path: Path, *extra: str) -> subprocess.Popen[str]:
    from badinputs import write_corpus

    write_corpus(tmp_path / "in", CORPUS_FILES, seed=5)
    args = ["ingest", "in", "--db", "db.sqlite", "--workers", "2", "--batch-size", "20", "--json", *extra]
    return subprocess.Popen(
        [sys.executable, "-m", "axis_ingest.cli", *args],
        cwd=tmp_path,
        env={**os.environ, "PREFECT_API_URL": "", "AXIS_INGEST_CONFIG": "", "PYTHONFAULTHANDLER": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: everything the run starts is found by pgid
    )


def wait_for_workers(proc: subprocess.Popen[str], db: Path) -> list[int]:
    """Block until the pool's workers run and a first batch is stored; returns the worker pids."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        workers = pool_workers(proc.pid)
        if len(workers) >= 2 and db.exists() and count(db, "SELECT count(*) FROM raw_documents") >= 20:
            return workers
        time.sleep(0.2)
    raise AssertionError("the run never started its worker pool")


@pytest.mark.parametrize(("workers", "files", "batch"), [(1, 30, 10), (2, 100, 20)])
def test_a_stop_requested_by_a_lost_interrupt_stops_the_run_before_its_next_batch(
    tmp_path: Path, workers: int, files: int, batch: int
) -> None:
    """A signal handler's KeyboardInterrupt is dropped when it lands in a garbage-collection callback (CI: a
    SIGTERM hit SQLAlchemy's weakref callback, the run went on to the end and exited 0). The handler also sets
    `run.STOP_REQUESTED`; here the flag is set the way a lost interrupt leaves it, after the first batch."""
    from axis_ingest.run import request_stop, run_ingest
    from badinputs import write_corpus

    write_corpus(tmp_path / "in", files, seed=5)
    db = tmp_path / "db.sqlite"

    def progress(done: int, _total: int) -> None:
        if done:
            request_stop()  # no KeyboardInterrupt raised: as if it was lost

    with pytest.raises(KeyboardInterrupt):
        run_ingest(
            paths=[str(tmp_path / "in")],
            db=db,
            clean_dir=tmp_path / "clean",
            workers=workers,
            batch_size=batch,
            progress=progress,
        )
    assert count(db, "SELECT count(*) FROM raw_paths") == batch  # the first batch, and no other
    assert count(db, "SELECT count(*) FROM runs WHERE status = 'interrupted'") == 1
    rerun = run_ingest(paths=[str(tmp_path / "in")], db=db, clean_dir=tmp_path / "clean", workers=1)
    assert count(db, "SELECT count(*) FROM raw_paths") == files  # the next run starts afresh and finishes
    assert rerun.files_seen == files


@pytest.mark.slow
def test_sigterm_stops_the_run_and_leaves_no_process_behind(tmp_path: Path) -> None:
    from badinputs import integrity_problems

    proc = start_big_run(tmp_path)
    try:
        wait_for_workers(proc, tmp_path / "db.sqlite")
        os.kill(proc.pid, signal.SIGTERM)
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 1 and "interrupted" in err, err[-2000:]
    deadline = time.monotonic() + 20
    while processes_in_group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_in_group(proc.pid) == {}, "processes of the run are still alive after it stopped"
    assert integrity_problems(tmp_path / "db.sqlite") == []
    finished = summary_of(cli(tmp_path, "ingest", "in", "--db", "db.sqlite", "--json"))
    assert finished["files_seen"] == CORPUS_FILES
    assert len(current(tmp_path / "db.sqlite")) == CORPUS_FILES


def _stderr_of_stopped(proc: subprocess.Popen[str]) -> str:
    """The error output of a run just sent SIGABRT.  Its forkserver and a worker outlive it holding the pipe open
    (seen once in CI), so reading to the end would block for ever: the rest of its process group is killed first."""
    try:
        return proc.communicate(timeout=30)[1][-6000:]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        return proc.communicate(timeout=30)[1][-6000:]


@pytest.mark.slow
def test_a_worker_killed_mid_run_is_replaced_and_its_batch_retried(tmp_path: Path) -> None:
    from badinputs import integrity_problems

    proc = start_big_run(tmp_path)
    try:
        workers = wait_for_workers(proc, tmp_path / "db.sqlite")
        os.kill(workers[0], signal.SIGKILL)  # as the OOM killer does
        try:
            out, err = proc.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGABRT)  # PYTHONFAULTHANDLER: the stacks of every thread go to stderr
            raise AssertionError("the run hung after its worker was killed:\n" + _stderr_of_stopped(proc)) from None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, err[-2000:]
    summary = json.loads(out)
    assert summary["files_seen"] == CORPUS_FILES
    found = current(tmp_path / "db.sqlite")
    assert len(found) == CORPUS_FILES
    assert not [path for path, (_, reason) in found.items() if reason and "worker process" in reason]
    assert integrity_problems(tmp_path / "db.sqlite") == []
    # The same files into a second database without a kill: the same statuses.
    alone = summary_of(cli(tmp_path, "ingest", "in", "--db", "alone.sqlite", "--clean-dir", "clean-alone", "--json"))
    assert {k: alone[k] for k in ("loaded", "duplicates", "rejected")} == {
        k: summary[k] for k in ("loaded", "duplicates", "rejected")
    }


# -- 3. the --db value: a path is a path, a URL a URL, no in-memory database ---------------------------


def test_a_plain_path_with_a_question_mark_is_a_file_name(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    other = tmp_path / "x"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE ledger (entry TEXT)")
        conn.execute("INSERT INTO ledger VALUES ('another program')")
        conn.commit()
    before = file_hash(other)
    proc = cli(tmp_path, "ingest", "in", "--db", "x?y.sqlite", "--json")
    assert summary_of(proc)["loaded"] == 5
    assert file_hash(other) == before
    assert count(tmp_path / "x?y.sqlite", "SELECT count(*) FROM articles") == 5
    # Named directly, another program's database is refused, not written into.
    proc = cli(tmp_path, "ingest", "in", "--db", "x")
    assert proc.returncode == 2 and "another program" in proc.stderr and str(other) in proc.stderr
    assert file_hash(other) == before


@pytest.mark.parametrize("value", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_an_in_memory_database_is_refused(tmp_path: Path, value: str, in_process) -> None:  # type: ignore[no-untyped-def]
    write_good_inputs(tmp_path / "in")
    code, err = in_process(tmp_path, "ingest", "in", "--db", value)
    assert code == 2 and "in-memory" in err
    assert not (tmp_path / "clean").exists()


def test_an_unknown_url_scheme_is_refused(tmp_path: Path, in_process) -> None:  # type: ignore[no-untyped-def]
    write_good_inputs(tmp_path / "in")
    code, err = in_process(tmp_path, "ingest", "in", "--db", "sqlit:///db.sqlite")
    assert code == 2 and "sqlit" in err


# -- 5. the run's own database and clean files are never inputs ---------------------------------------


def test_ingesting_the_working_folder_skips_its_own_database_and_clean_files(tmp_path: Path) -> None:
    good = write_good_inputs(tmp_path)
    first = summary_of(cli(tmp_path, "ingest", ".", "--json"))
    assert first["files_seen"] == len(good) and first["loaded"] == len(good)
    assert list((tmp_path / "db").iterdir()) and list((tmp_path / "clean").glob("*.json"))
    second = cli(tmp_path, "ingest", ".", "--strict", "--json")
    assert second.returncode == 0, second.stdout
    assert summary_of(second)["files_seen"] == len(good) and summary_of(second)["rejected"] == 0
    named = summary_of(cli(tmp_path, "ingest", "db", "clean", "good", "--json"))
    assert named["files_seen"] == len(good)
    assert set(statuses(tmp_path / "db/axis.sqlite")) == {str(tmp_path / c.name) for c in good}


# -- 7. clear errors for bad usage and configuration (exit 2) ----------------------------------------

BAD_SETTINGS = {
    "unknown key": ("[run]\nbatchsize = 10\n", "unknown key 'batchsize' in [run]"),
    "unknown section": ("[limit]\nmax_file_bytes = 10\n", "unknown section [limit]"),
    "string for a number": ('[limits]\nmax_file_bytes = "64MB"\n', "max_file_bytes = '64MB'"),
    "batch size 0": ("[run]\nbatch_size = 0\n", "batch_size = 0"),
    "negative workers": ("[run]\nworkers = -1\n", "workers = -1"),
    "not TOML": ("[run\nbatch_size = 1\n", "not valid TOML"),
    "unknown time zone": ('[publishers."example.com"]\ntimezone = "Europe/Berlim"\n', "Europe/Berlim"),
}


@pytest.mark.parametrize("case", sorted(BAD_SETTINGS))
def test_a_bad_settings_file_names_its_key_and_exits_2(tmp_path: Path, case: str, in_process) -> None:  # type: ignore[no-untyped-def]
    content, expected = BAD_SETTINGS[case]
    write_good_inputs(tmp_path / "in")
    (tmp_path / "settings.toml").write_text(content, encoding="utf-8")
    code, err = in_process(tmp_path, "ingest", "in", "--config", "settings.toml")
    assert code == 2, err
    assert expected in err and "settings.toml" in err
    assert not (tmp_path / "db").exists()


def test_a_missing_settings_file_is_named(tmp_path: Path, in_process) -> None:  # type: ignore[no-untyped-def]
    write_good_inputs(tmp_path / "in")
    code, err = in_process(tmp_path, "ingest", "in", "--config", "nowhere.toml")
    assert code == 2 and "nowhere.toml does not exist" in err


@pytest.mark.parametrize(
    ("db", "expected"),
    [("", "--db is empty"), ("in", "is a folder"), ("notes.txt", "not an SQLite database")],
)
def test_a_db_value_that_cannot_be_a_database_is_named(tmp_path: Path, db: str, expected: str, in_process) -> None:  # type: ignore[no-untyped-def]
    write_good_inputs(tmp_path / "in")
    (tmp_path / "notes.txt").write_text("shopping list\n" * 100, encoding="utf-8")
    before = file_hash(tmp_path / "notes.txt")
    code, err = in_process(tmp_path, "ingest", "in", "--db", db)
    assert code == 2 and expected in err
    assert file_hash(tmp_path / "notes.txt") == before


def test_a_database_in_a_folder_that_is_not_writable_is_named(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0o555)
    try:
        proc = cli(tmp_path, "ingest", "in", "--db", "locked/axis.sqlite", plain_user=True)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert proc.returncode == 2, proc.stderr
    assert str(tmp_path / "locked/axis.sqlite") in proc.stderr and "writable" in proc.stderr


def test_a_clean_dir_that_is_a_file_is_refused_before_anything_is_stored(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    (tmp_path / "clean").write_text("not a folder\n", encoding="utf-8")
    proc = cli(tmp_path, "ingest", "in", "--db", "db.sqlite", "--clean-dir", "clean", "--batch-size", "1")
    assert proc.returncode == 2 and "--clean-dir clean is a file" in proc.stderr
    assert (
        not (tmp_path / "db.sqlite").exists()
        or count(tmp_path / "db.sqlite", "SELECT count(*) FROM raw_documents") == 0
    )


@pytest.mark.parametrize("version", ["3.1", "999"])
def test_a_bad_or_newer_schema_version_is_refused_without_touching_the_file(
    tmp_path: Path, version: str, in_process
) -> None:  # type: ignore[no-untyped-def]
    write_good_inputs(tmp_path / "in")
    db = tmp_path / "db.sqlite"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE schema_info (key TEXT PRIMARY KEY, value TEXT)")
        conn.execute("INSERT INTO schema_info VALUES ('schema_version', ?)", (version,))
        conn.commit()
    before = file_hash(db)
    code, err = in_process(tmp_path, "ingest", "in", "--db", "db.sqlite")
    assert code == 2
    assert ("not a whole number" if version == "3.1" else "newer than this axis-ingest") in err
    assert str(db) in err
    assert file_hash(db) == before and not Path(f"{db}-wal").exists()
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_database_locked_by_another_writer_says_so(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    assert cli(tmp_path, "ingest", "in", "--db", "db.sqlite").returncode == 0
    (tmp_path / "in/more.txt").write_text((tmp_path / "in/good/report.txt").read_text() + "\nOne more line.\n")
    (tmp_path / "fast.toml").write_text("[run]\nlock_wait_seconds = 0.5\n", encoding="utf-8")
    holder = sqlite3.connect(tmp_path / "db.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        proc = cli(tmp_path, "ingest", "in", "--db", "db.sqlite", "--config", "fast.toml")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 1
    assert "locked by another writer" in proc.stderr and str(tmp_path / "db.sqlite") in proc.stderr


# -- 8. read-only commands never create or alter a database -------------------------------------------


def test_duplicates_on_a_mistyped_path_creates_nothing(tmp_path: Path, in_process) -> None:  # type: ignore[no-untyped-def]
    code, err = in_process(tmp_path, "duplicates", "--db", "dbb/axis.sqlite")
    assert code == 2 and "no database at" in err
    assert list(tmp_path.iterdir()) == []


def test_duplicates_on_a_non_sqlite_file_says_so(tmp_path: Path, in_process) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("shopping list\n" * 100, encoding="utf-8")
    code, err = in_process(tmp_path, "duplicates", "--db", "notes.txt")
    assert code == 2 and "not an SQLite database" in err


def test_duplicates_reads_a_read_only_database_without_altering_it(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    assert cli(tmp_path, "ingest", "in", "--db", "db.sqlite").returncode == 0
    db = tmp_path / "db.sqlite"
    with closing(sqlite3.connect(db)) as conn:  # a database as another tool may leave it: rollback journal
        conn.execute("PRAGMA journal_mode = DELETE")
    before = file_hash(db)
    db.chmod(0o444)
    try:
        proc = cli(tmp_path, "duplicates", "--db", "db.sqlite", plain_user=True)
    finally:
        db.chmod(0o644)
    assert proc.returncode == 0, proc.stderr
    assert "cluster" in proc.stdout
    assert file_hash(db) == before
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


# -- 9. one status per path: the content it holds now ------------------------------------------------


def current(db: Path) -> dict[str, tuple[str, str | None]]:
    """Each path -> (status, reason) of its present content, as `status` and docs/schema.md read it."""
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)) as conn:
        rows = conn.execute(
            "SELECT c.path, r.status, r.reason FROM current_paths c JOIN raw_documents r ON r.id = c.raw_document_id"
        )
        return {path: (status, reason) for path, status, reason in rows}


def test_a_rejected_file_fixed_later_has_one_status_and_strict_follows_it(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    story = tmp_path / "in/story.txt"
    story.write_text("   \n", encoding="utf-8")  # saved empty by mistake
    args = ("ingest", "in", "--db", "db.sqlite", "--clean-dir", "clean", "--json", "--strict")
    assert cli(tmp_path, *args).returncode == 1
    assert current(tmp_path / "db.sqlite")[str(story)][0] == "rejected"
    story.write_text((tmp_path / "in/good/report.txt").read_text(encoding="utf-8") + "\nA later paragraph.\n")
    fixed = cli(tmp_path, *args)
    assert fixed.returncode == 0, fixed.stdout
    assert current(tmp_path / "db.sqlite")[str(story)] == ("loaded", None)
    again = cli(tmp_path, *args)
    assert again.returncode == 0 and summary_of(again)["rejected"] == 0
    status = json.loads(cli(tmp_path, "status", "--db", "db.sqlite", "--json").stdout)
    assert status["raw"]["rejected"] == 0 and status["rejected"] == []
    assert status["raw"]["loaded"] + status["raw"]["duplicate"] == 6
    # The first content's row stays as history, reachable through raw_paths.
    assert count(tmp_path / "db.sqlite", "SELECT count(*) FROM raw_documents WHERE status = 'rejected'") == 1
    assert count(tmp_path / "db.sqlite", f"SELECT count(*) FROM raw_paths WHERE path = '{story}'") == 2


def test_a_file_edited_between_runs_has_one_status(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    wire = tmp_path / "in/good/wire.txt"
    args = ("ingest", "in", "--db", "db.sqlite", "--clean-dir", "clean", "--json")
    assert summary_of(cli(tmp_path, *args))["loaded"] == 5
    wire.write_text("garbage \x00\x01\x02 bytes", encoding="utf-8")  # overwritten by a broken export
    assert summary_of(cli(tmp_path, *args))["rejected"] == 1
    assert current(tmp_path / "db.sqlite")[str(wire)][0] == "rejected"
    recorded = statuses(tmp_path / "db.sqlite")
    assert all(len(v) == 1 for v in recorded.values()) and len(recorded) == 5


def test_one_file_given_as_relative_and_absolute_path_is_counted_once(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    wire = tmp_path / "in/good/wire.txt"
    both = cli(tmp_path, "ingest", "in/good/wire.txt", str(wire), "./in/../in/good", "--db", "db.sqlite", "--json")
    summary = summary_of(both)
    assert summary["files_seen"] == 5 and summary["loaded"] == 5 and summary["unchanged"] == 0
    # From another working directory, the same file is the same path: nothing new is recorded.
    (tmp_path / "elsewhere").mkdir()
    other = summary_of(cli(tmp_path / "elsewhere", "ingest", "../in", "--db", "../db.sqlite", "--json"))
    assert other["files_seen"] == 5 and other["unchanged"] == 5
    assert count(tmp_path / "db.sqlite", "SELECT count(*) FROM raw_paths") == 5
    assert set(current(tmp_path / "db.sqlite")) == {str(p) for p in (tmp_path / "in/good").iterdir()}


def test_an_older_database_gets_each_paths_latest_content_on_upgrade(tmp_path: Path) -> None:
    from axis_ingest.store.db import open_database

    db = tmp_path / "old.sqlite"
    open_database(db).dispose()
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("DROP TABLE current_paths")
        conn.execute("UPDATE schema_info SET value = '5' WHERE key = 'schema_version'")
        for raw_id, status, seen in ((1, "rejected", "2026-01-01T00:00:00Z"), (2, "loaded", "2026-01-02T00:00:00Z")):
            conn.execute(
                "INSERT INTO raw_documents (id, sha256, path, size_bytes, first_seen_utc, status, reason)"
                " VALUES (?, ?, 'raw/a.txt', 1, ?, ?, ?)",
                (raw_id, f"h{raw_id}", seen, status, "empty" if status == "rejected" else None),
            )
            conn.execute("INSERT INTO raw_paths VALUES ('raw/a.txt', ?, ?)", (raw_id, seen))
        conn.commit()
    open_database(db).dispose()
    assert current(db) == {"raw/a.txt": ("loaded", None)}


# -- 10. one clean folder belongs to one database -------------------------------------------------------


def test_a_second_database_cannot_share_a_clean_folder(tmp_path: Path) -> None:
    write_good_inputs(tmp_path / "in")
    assert cli(tmp_path, "ingest", "in", "--db", "a.sqlite", "--clean-dir", "clean").returncode == 0
    before = {p.name: file_hash(p) for p in (tmp_path / "clean").iterdir()}
    assert ".axis-ingest-db" in before and len(before) == 6
    proc = cli(tmp_path, "ingest", "in", "--db", "b.sqlite", "--clean-dir", "clean")
    assert proc.returncode == 2 and "another database" in proc.stderr and "a.sqlite" in proc.stderr
    assert {p.name: file_hash(p) for p in (tmp_path / "clean").iterdir()} == before
    assert count(tmp_path / "b.sqlite", "SELECT count(*) FROM raw_documents") == 0
    # The owner keeps using it; the other database gets its own folder.
    assert cli(tmp_path, "ingest", "in", "--db", "a.sqlite", "--clean-dir", "clean").returncode == 0
    assert cli(tmp_path, "ingest", "in", "--db", "b.sqlite", "--clean-dir", "clean-b").returncode == 0
