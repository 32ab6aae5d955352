"""Open the database: engine settings, SQLite pragmas, schema creation and migration.

Two databases are supported, each through one driver: SQLite (pysqlite, the
default) and PostgreSQL (psycopg 3, the `postgres` extra).  Anything else is
refused with `UnsupportedDatabase` before a connection is made: the store
relies on each one's locking and insert dialect and would not guess another's.

SQLite runs in WAL mode (readers never block the writer, downstream tools can
read during a run), with foreign keys on and a busy timeout so a second
writer waits instead of failing.  Write transactions start with
`BEGIN IMMEDIATE`: the writer lock is taken before the first read, so two runs
can never both decide an article is new and insert it twice.  On PostgreSQL
every write transaction (a batch, a migration) takes one transaction-scoped
advisory lock first (`write_lock`), which serialises writers the same way.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from axis_ingest.store.schema import SCHEMA_VERSION, UNIQUE_ARTICLES_VIEW, Base, SchemaInfo

# How long a writer waits for another run's transaction before giving up (ms).
# A batch transaction takes well under a second; 60 s covers a slow disk.
BUSY_TIMEOUT_MS = 60_000

DEFAULT_DB = "db/axis.sqlite"

# The advisory lock every PostgreSQL write transaction takes (any int64 works; this one spells "axis").
WRITE_LOCK_KEY = 0x61786973

# SQLAlchemy driver names per supported backend: the one used for a bare `postgresql://` URL first.
DRIVERS = {"sqlite": ("pysqlite",), "postgresql": ("psycopg",)}

# Errors another attempt can get past (flows retry a chunk on them; anything else fails it at once).
# SQLite: another writer held the lock past the busy timeout.
SQLITE_BUSY_MESSAGES = ("database is locked", "database is busy", "database table is locked")
# PostgreSQL SQLSTATEs: serialization_failure, deadlock_detected, admin/crash shutdown, cannot connect now;
# class 08 is every connection exception.  A dropped connection is also flagged by SQLAlchemy
# (DBAPIError.connection_invalidated) when psycopg gives no SQLSTATE.
PG_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "57P01", "57P02", "57P03"})


class SchemaError(RuntimeError):
    """The database was written by an incompatible version of axis-ingest."""


class UnsupportedDatabase(ValueError):
    """The URL names a database or driver axis-ingest does not support (or whose driver is not installed)."""


def database_url(db: str | os.PathLike[str]) -> str:
    """A file path or an SQLAlchemy URL -> an SQLAlchemy URL (creating the file's folder)."""
    value = str(db)
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE instead of pysqlite's deferred BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def engine_url(db: str | os.PathLike[str]) -> URL:
    """The SQLAlchemy URL for `db`, with the driver axis-ingest uses; refuses what it does not support."""
    value = database_url(db)
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise UnsupportedDatabase(f"{value!r} is not a database URL ({exc})") from None
    backend, driver = url.get_backend_name(), url.get_driver_name()
    if backend not in DRIVERS:
        raise UnsupportedDatabase(
            f"axis-ingest stores into SQLite or PostgreSQL, not {backend!r}: give a file path, "
            "sqlite:///PATH or postgresql://USER@HOST/DB"
        )
    drivers = DRIVERS[backend]
    if "+" not in url.drivername:
        url = url.set(drivername=f"{backend}+{drivers[0]}")
    elif driver not in drivers:
        raise UnsupportedDatabase(
            f"axis-ingest talks to {backend} through {drivers[0]}, not {driver}: "
            f"write the URL as {backend}://... or {backend}+{drivers[0]}://..."
        )
    if backend == "postgresql" and importlib.util.find_spec("psycopg") is None:
        raise UnsupportedDatabase(
            "PostgreSQL needs the psycopg driver: pip install 'axis-ingest[postgres]' (or psycopg[binary])"
        )
    return url


def make_engine(db: str | os.PathLike[str] = DEFAULT_DB) -> Engine:
    url = engine_url(db)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_events(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def write_lock(conn: Connection) -> None:
    """Hold the database's write lock until `conn`'s transaction ends (first thing in every write transaction).

    SQLite's transactions already begin with BEGIN IMMEDIATE (the write lock);
    PostgreSQL takes a transaction-scoped advisory lock that all axis-ingest
    writers share, so batches and migrations of two runs never interleave.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})


def is_transient_error(exc: BaseException | None) -> bool:
    """True when `exc` (or what caused it) is a database error another attempt can get past.

    A lock held too long (SQLite), a deadlock, a serialization failure or a
    dropped connection (PostgreSQL).  Bad input is a rejection, never an
    exception; a bug, a full disk or a corrupt file is not retried.
    """
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            return True
        sqlstate = getattr(exc, "sqlstate", None)
        if isinstance(sqlstate, str) and (sqlstate in PG_TRANSIENT_SQLSTATES or sqlstate.startswith("08")):
            return True
        if isinstance(exc, sqlite3.OperationalError) and any(
            words in str(exc).lower() for words in SQLITE_BUSY_MESSAGES
        ):
            return True
        exc = getattr(exc, "orig", None) or exc.__cause__ or exc.__context__
    return False


def _create_view(conn: Connection, upgrading: bool) -> None:
    """The unique_articles view; on PostgreSQL re-made by a migration (its `*` is expanded when made)."""
    if conn.dialect.name == "postgresql" and not upgrading and inspect(conn).has_table("unique_articles"):
        return  # CREATE OR REPLACE would take an exclusive lock on the view at every start
    conn.execute(text(UNIQUE_ARTICLES_VIEW[conn.dialect.name]))


def _no_data_change(_conn: Connection) -> None:
    """A step whose new tables create_all() made; the version bump makes older versions refuse the database."""


# Ordered migration steps: MIGRATIONS[n] upgrades a version-n database to n+1, in the migration
# transaction after create_all() has added the new tables.  A step gets the connection, so it can
# differ by database (conn.dialect.name); test_contract migrates an older database on both.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    # 1 -> 2: the hot LSH bucket table (minhash_buckets_hot). No data changes; the bump makes
    # an older axis-ingest refuse a database whose index it would half-read.
    1: _no_data_change,
    # 2 -> 3: minhash_stop_buckets, filled as buckets pass their size limit.
    2: _no_data_change,
    # 3 -> 4: article_versions (edited posts), harvest_sources, harvest_fetches, feed_items (the
    # harvester's state); articles stored before keep no version rows.
    3: _no_data_change,
}


def migrate(engine: Engine) -> int:
    """Create missing tables and the view, upgrade an older schema, refuse a newer one.

    Runs under the write lock: two runs starting together on a new database
    would otherwise both issue CREATE TABLE (on PostgreSQL the second fails
    with a unique violation in pg_type).
    """
    with engine.begin() as conn:
        write_lock(conn)
        Base.metadata.create_all(conn)
        stored = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == "schema_version")).scalar()
        version = int(stored) if stored is not None else SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"the database has schema version {version}, newer than this axis-ingest ({SCHEMA_VERSION}); "
                "upgrade axis-ingest"
            )
        _create_view(conn, upgrading=version < SCHEMA_VERSION)
        while version < SCHEMA_VERSION:
            MIGRATIONS[version](conn)
            version += 1
        conn.execute(
            text(
                "INSERT INTO schema_info (key, value) VALUES ('schema_version', :v) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ),
            {"v": str(version)},
        )
    return version


def open_database(db: str | os.PathLike[str] = DEFAULT_DB) -> Engine:
    engine = make_engine(db)
    migrate(engine)
    return engine
