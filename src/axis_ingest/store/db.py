"""Open the database: engine settings, SQLite pragmas, schema creation and migration.

SQLite runs in WAL mode (readers never block the writer, downstream tools can
read during a run), with foreign keys on and a busy timeout so a second
writer waits instead of failing.  Write transactions start with
`BEGIN IMMEDIATE`: the writer lock is taken before the first read, so two runs
can never both decide an article is new and insert it twice.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url

from axis_ingest.store.fulltext import ensure_fulltext
from axis_ingest.store.schema import SCHEMA_VERSION, UNIQUE_ARTICLES_VIEW, Base, SchemaInfo

# How long a writer waits for another run's transaction before giving up (ms).
# A batch transaction takes well under a second; 60 s covers a slow disk.
BUSY_TIMEOUT_MS = 60_000

DEFAULT_DB = "db/axis.sqlite"


class SchemaError(RuntimeError):
    """The database was written by an incompatible version of axis-ingest."""


def database_url(db: str | os.PathLike[str]) -> str:
    """A file path or an SQLAlchemy URL -> an SQLAlchemy URL (creating the file's folder)."""
    value = str(db)
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _sqlite_events(engine: Engine, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE instead of pysqlite's deferred BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if read_only:  # WAL is a property of the file, set by the first writer
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # A reader takes no write lock: it reads a snapshot while a run writes (WAL).
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


def make_engine(db: str | os.PathLike[str] = DEFAULT_DB, read_only: bool = False) -> Engine:
    """An engine for `db`; `read_only` ones never take the write lock and refuse writes (SQLite)."""
    url = database_url(db)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_events(engine, read_only)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


# Ordered migration steps: MIGRATIONS[n] upgrades a version-n database to n+1.
# Each step is SQL (or a function of the connection, for what differs by database) run in the
# migration transaction; create_all() adds new tables, a step adds columns to existing ones.
MigrationStep = str | Callable[[Connection], None]


def _add_column(table: str, column: str, sql_type: str) -> Callable[[Connection], None]:
    """A step adding a column unless the table has it (create_all made the table after the model gained it)."""

    def step(conn: Connection) -> None:
        if column not in {c["name"] for c in inspect(conn).get_columns(table)}:
            conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {sql_type}"))

    return step


MIGRATIONS: dict[int, tuple[MigrationStep, ...]] = {
    # 1 -> 2: the hot LSH bucket table (minhash_buckets_hot), created by create_all. No data
    # changes; the bump makes an older axis-ingest refuse a database whose index it would half-read.
    1: (),
    # 2 -> 3: minhash_stop_buckets, created by create_all and filled as buckets pass their size limit.
    2: (),
    # 3 -> 4: article_versions (edited posts), harvest_sources, harvest_fetches, feed_items (the
    # harvester's state), all created by create_all; articles stored before keep no version rows.
    3: (),
    # 4 -> 5: articles.published_date (filled from published), the runs table (create_all), and the
    # full-text index (ensure_fulltext, run on every open, builds it from the stored articles).
    4: (
        _add_column("articles", "published_date", "TEXT"),
        "UPDATE articles SET published_date = substr(published, 1, 10) WHERE published IS NOT NULL",
    ),
}


def migrate(engine: Engine) -> int:
    """Create missing tables, the view and the search index, upgrade an older schema, refuse a newer one."""
    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        conn.execute(text(UNIQUE_ARTICLES_VIEW))
        stored = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == "schema_version")).scalar()
        version = int(stored) if stored is not None else SCHEMA_VERSION
        if version > SCHEMA_VERSION:
            raise SchemaError(
                f"the database has schema version {version}, newer than this axis-ingest ({SCHEMA_VERSION}); "
                "upgrade axis-ingest"
            )
        while version < SCHEMA_VERSION:
            for step in MIGRATIONS[version]:
                if isinstance(step, str):
                    conn.execute(text(step))
                else:
                    step(conn)
            version += 1
        ensure_fulltext(conn)
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


class NoDatabaseError(FileNotFoundError):
    """A read-only command was pointed at a database that does not exist."""


def open_existing(db: str | os.PathLike[str] = DEFAULT_DB) -> Engine:
    """Open a database for reading without creating one: a mistyped path is an error, not a new file.

    A database of the current schema is opened as it is (nothing written, so a
    read-only file works); an older one is upgraded first, as every open does.
    """
    value = str(db)
    if "://" not in value and not Path(value).expanduser().is_file():
        raise NoDatabaseError(f"no database at {value}; run `axis-ingest ingest` first, or pass the database with --db")
    engine = make_engine(db, read_only=True)
    try:
        with engine.connect() as conn:
            stored = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == "schema_version")).scalar()
            conn.rollback()
    except Exception:
        engine.dispose()
        raise
    if stored is None or stored != str(SCHEMA_VERSION):
        open_database(db).dispose()  # upgrades an older schema, refuses a newer one
    return engine
