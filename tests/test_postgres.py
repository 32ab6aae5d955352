"""PostgreSQL as the store, against a private cluster the tests start (tests/pgserver.py).

- A run into PostgreSQL equals a run into SQLite on raw/, the seeds and a few
  thousand generated files: raw statuses, article hashes, near-duplicate pairs,
  clean files (the end-to-end, dedup, contract and concurrency tests run on both
  databases through `db_url` as well).
- Two runs starting together on a new database migrate it once (a lock around migration).
- Deadlocks, serialization failures and dropped connections are transient (retried by the flow).
- Databases other than SQLite and PostgreSQL, and drivers other than psycopg, are refused (exit 2).
"""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from axis_ingest.cli import main
from axis_ingest.run import run_ingest
from axis_ingest.store.db import DatabaseError, is_transient_error, open_database
from badinputs import contract_snapshot
from pgserver import PostgresServer

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT.parent / "shared" / "seeds"
# Generated files for the SQLite/PostgreSQL comparison: enough for several hot-table
# batches, near-duplicate clusters across batches and every input kind (bench/corpus.py).
GENERATED_FILES = 2000


def clean_records(folder: Path) -> dict[str, dict[str, object]]:
    """Clean files by name, without the time of ingestion.

    One writer stores batches in input order, so article ids (and with them file
    names and duplicate_of) are the same on both databases.
    """
    records = {}
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        record.pop("ingested_utc")
        records[path.name] = record
    return records


def _run_both(postgres: PostgresServer, inputs: list[str], tmp_path: Path, name: str) -> None:
    sqlite_url = f"sqlite:///{tmp_path / f'{name}.sqlite'}"
    postgres_url = postgres.new_database(name)
    for url, clean in ((sqlite_url, f"{name}-sqlite-clean"), (postgres_url, f"{name}-pg-clean")):
        summary = run_ingest(paths=inputs, db=url, clean_dir=tmp_path / clean, workers=2)
        assert summary.files_seen and summary.outcome.loaded
    on_sqlite, on_postgres = contract_snapshot(sqlite_url), contract_snapshot(postgres_url)
    for table in on_sqlite:
        assert on_postgres[table] == on_sqlite[table], f"{name}: {table} differs between SQLite and PostgreSQL"
    on_postgres_files = clean_records(tmp_path / f"{name}-pg-clean")
    assert on_postgres_files and on_postgres_files == clean_records(tmp_path / f"{name}-sqlite-clean")


def test_a_postgres_run_equals_a_sqlite_run_on_the_samples_and_seeds(postgres: PostgresServer, tmp_path: Path) -> None:
    _run_both(postgres, [str(PROJECT / "raw")], tmp_path, "samples")
    if SEEDS.is_dir():
        _run_both(postgres, sorted(str(p) for p in SEEDS.glob("*.txt")), tmp_path, "seeds")


@pytest.mark.slow
def test_a_postgres_run_equals_a_sqlite_run_on_generated_files(
    postgres: PostgresServer, tmp_path: Path, guard_inputs: Callable[[Path], Path]
) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run(
        [sys.executable, str(PROJECT / "bench" / "corpus.py"), str(corpus), "--docs", str(GENERATED_FILES)],
        check=True,
        capture_output=True,
    )
    guard_inputs(corpus)
    _run_both(postgres, [str(corpus)], tmp_path, "generated")
    near = contract_snapshot(f"sqlite:///{tmp_path / 'generated.sqlite'}")["articles"]
    assert sum(1 for row in near if row[-2] is not None) > 50  # the comparison covered real near-duplicate links


def _migrate_at(url: str, start: float, errors: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    time.sleep(max(0.0, start - time.time()))
    try:
        open_database(url).dispose()
    except Exception as exc:  # reported to the test, which fails on it
        errors.put(f"{type(exc).__name__}: {exc}")


def test_two_runs_starting_together_migrate_a_new_database_once(postgres: PostgresServer) -> None:
    """Without a lock around migration both issue CREATE TABLE and one fails (UniqueViolation in pg_type)."""
    context = multiprocessing.get_context("fork")
    for attempt in range(5):
        url = postgres.new_database(f"race{attempt}")
        errors = context.Queue()
        start = time.time() + 0.5
        workers = [context.Process(target=_migrate_at, args=(url, start, errors)) for _ in range(2)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
        assert [w.exitcode for w in workers] == [0, 0]
        assert errors.empty(), errors.get()
        engine = create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM schema_info WHERE key = 'schema_version'")).scalar() == 1
        engine.dispose()


def _error_of(action: Callable[[], object]) -> BaseException:
    try:
        action()
    except DBAPIError as exc:
        return exc
    raise AssertionError("expected a database error")


def test_deadlocks_serialization_failures_and_dropped_connections_are_transient(postgres: PostgresServer) -> None:
    url = postgres.new_database("transient")
    engine = create_engine(url, pool_size=4)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (id int PRIMARY KEY, v int)"))
        conn.execute(text("INSERT INTO t VALUES (1, 0), (2, 0)"))

    # Deadlock: each transaction holds one row and waits for the other's.
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def lock_rows(first: int, second: int) -> None:
        try:
            with engine.begin() as conn:
                conn.execute(text("UPDATE t SET v = v + 1 WHERE id = :i"), {"i": first})
                barrier.wait()
                conn.execute(text("UPDATE t SET v = v + 1 WHERE id = :i"), {"i": second})
        except DBAPIError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=lock_rows, args=pair) for pair in ((1, 2), (2, 1))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(errors) == 1 and getattr(errors[0].orig, "sqlstate", None) == "40P01"  # type: ignore[attr-defined]
    assert is_transient_error(errors[0])

    # Serialization failure: a repeatable-read transaction updates a row changed since it began.
    with engine.connect().execution_options(isolation_level="REPEATABLE READ") as reader:
        reader.execute(text("SELECT v FROM t WHERE id = 1")).scalar()
        with engine.begin() as writer:
            writer.execute(text("UPDATE t SET v = 10 WHERE id = 1"))
        failure = _error_of(lambda: reader.execute(text("UPDATE t SET v = 11 WHERE id = 1")))
        reader.rollback()
    assert getattr(failure.orig, "sqlstate", None) == "40001"  # type: ignore[attr-defined]
    assert is_transient_error(failure)

    # Dropped connection: the server ends the backend (as a restart or failover would).
    with engine.connect() as victim:
        pid = victim.execute(text("SELECT pg_backend_pid()")).scalar()
        with engine.begin() as admin:
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        dropped = _error_of(lambda: victim.execute(text("SELECT 1")))
    assert is_transient_error(dropped)

    # A constraint violation is a bug or bad data, never retried.
    with engine.begin() as conn:
        violation = _error_of(lambda: conn.execute(text("INSERT INTO t VALUES (1, 0)")))
    assert isinstance(violation, IntegrityError) and not is_transient_error(violation)
    engine.dispose()


def _statements_while(action: Callable[[], object]) -> list[str]:
    """The SQL every engine sends while `action` runs."""
    sent: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        sent.append(" ".join(statement.split()))

    event.listen(Engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    return sent


def test_opening_a_current_database_takes_no_table_lock(postgres: PostgresServer) -> None:
    """ALTER TABLE (an ACCESS EXCLUSIVE lock: readers wait) and CREATE INDEX run when the schema is made or
    upgraded, not on every open; a database from before the full-text index (schema 4) gets it on upgrade."""
    url = postgres.new_database("open_twice")
    created = _statements_while(lambda: open_database(url).dispose())
    assert any(s.startswith("ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_vector") for s in created)
    reopened = _statements_while(lambda: open_database(url).dispose())
    assert not [s for s in reopened if s.startswith(("ALTER TABLE", "CREATE INDEX", "CREATE TABLE", "CREATE OR"))]

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP VIEW unique_articles"))
        conn.execute(text("ALTER TABLE articles DROP COLUMN search_vector"))
        conn.execute(text("UPDATE schema_info SET value = '4' WHERE key = 'schema_version'"))
    open_database(url).dispose()
    with engine.connect() as conn:
        columns = {
            row[0]
            for row in conn.execute(
                text("SELECT column_name FROM information_schema.columns WHERE table_name = 'unique_articles'")
            )
        }
        index = conn.execute(text("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_articles_search_vector'")).scalar()
    engine.dispose()
    assert "search_vector" in columns and index == 1


class _ServerStartingUp(Exception):
    sqlstate = "57P03"  # cannot_connect_now: the server is starting up


def test_a_transient_error_while_opening_is_a_failed_run_not_bad_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a database, an error another attempt can get past is raised as it is (the run failed: exit 1),
    not turned into DatabaseError (bad usage: exit 2).  Needs no server: the error is made up."""

    def starting_up(_engine: object) -> int:
        raise OperationalError("SELECT pg_advisory_xact_lock(1)", {}, _ServerStartingUp("starting up"))

    monkeypatch.setattr("axis_ingest.store.db.migrate", starting_up)
    with pytest.raises(OperationalError) as raised:
        open_database(tmp_path / "axis.sqlite")
    assert not isinstance(raised.value, DatabaseError) and is_transient_error(raised.value)

    def broken_file(_engine: object) -> int:
        raise OperationalError("CREATE TABLE x", {}, sqlite3.OperationalError("unable to open database file"))

    monkeypatch.setattr("axis_ingest.store.db.migrate", broken_file)
    with pytest.raises(DatabaseError, match="cannot open or create the database"):
        open_database(tmp_path / "axis.sqlite")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://u@127.0.0.1/db", "not 'mysql'"),
        ("oracle://u@127.0.0.1/db", "not 'oracle'"),
        ("postgresql+psycopg2://u@127.0.0.1/db", "through psycopg, not psycopg2"),
        ("sqlite+aiosqlite:///x.sqlite", "through pysqlite, not aiosqlite"),
    ],
)
def test_unsupported_databases_are_refused(
    url: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(PROJECT / "raw"), "--db", url, "--clean-dir", str(tmp_path / "clean")]) == 2
    assert main(["duplicates", "--db", url]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (tmp_path / "clean").exists()
