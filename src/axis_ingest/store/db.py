"""Open the database: engine settings, SQLite pragmas, schema creation and migration.

Two databases are supported, each through one driver: SQLite (pysqlite, the
default) and PostgreSQL (psycopg 3, the `postgres` extra).  Anything else is
refused with `UnsupportedDatabase` (exit 2) before a connection is made: the
store relies on each one's locking and insert dialect and would not guess another's.

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
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from axis_ingest.store.fulltext import ensure_fulltext
from axis_ingest.store.schema import SCHEMA_VERSION, UNIQUE_ARTICLES_VIEW, Base, SchemaInfo

# How long a writer waits for another run's transaction before giving up (s); settings
# key `run.lock_wait_seconds`.  A batch transaction takes well under a second; 60 s covers a slow disk.
LOCK_WAIT_SECONDS = 60.0

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

# Example URLs named in messages about a --db value that is not usable.
_DB_EXAMPLES = "a file path such as db/axis.sqlite, or a URL such as sqlite:///db/axis.sqlite or postgresql+psycopg://USER@HOST/NAME"


class DatabaseError(RuntimeError):
    """The --db value or the database file cannot be used as given (bad usage or configuration: exit 2)."""


class SchemaError(DatabaseError):
    """The database was written by an incompatible version of axis-ingest."""


class UnsupportedDatabase(DatabaseError):
    """The URL names a database or driver axis-ingest does not support (or whose driver is not installed)."""


def _shown(url: URL) -> str:
    """The URL as it can be printed (password hidden)."""
    return url.render_as_string(hide_password=True)


def database_url(db: str | os.PathLike[str] | URL) -> URL:
    """A --db value -> an SQLAlchemy URL; raises DatabaseError for a value that cannot be a database.

    A plain path is always a path (`x?y.sqlite` is a file of that name, never a URL query); a
    value with `://` is a URL and must name a known SQLAlchemy dialect.  An in-memory database
    (`sqlite://`, `sqlite:///:memory:`, `:memory:`) is refused: everything would be thrown away.
    """
    if isinstance(db, URL):
        return db
    value = os.fspath(db)
    if not value.strip():
        raise DatabaseError(f"--db is empty; give {_DB_EXAMPLES}")
    if value == ":memory:":
        raise DatabaseError(_in_memory(value))
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))
    try:
        url = make_url(value)
        url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise DatabaseError(
            f"--db {value!r} is not a database URL SQLAlchemy knows ({exc}); give {_DB_EXAMPLES}"
        ) from None
    if url.get_backend_name() == "sqlite" and (
        url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    ):
        raise DatabaseError(_in_memory(_shown(url)))
    return _supported(url)


def _supported(url: URL) -> URL:
    """`url` with the driver axis-ingest uses (`postgresql://` -> psycopg); refuses any other database or driver."""
    backend, driver = url.get_backend_name(), url.get_driver_name()
    if backend not in DRIVERS:
        raise UnsupportedDatabase(
            f"--db {_shown(url)}: axis-ingest stores into SQLite or PostgreSQL, not {backend!r}; give {_DB_EXAMPLES}"
        )
    drivers = DRIVERS[backend]
    if "+" not in url.drivername:
        url = url.set(drivername=f"{backend}+{drivers[0]}")
    elif driver not in drivers:
        raise UnsupportedDatabase(
            f"--db {_shown(url)}: axis-ingest talks to {backend} through {drivers[0]}, not {driver}; "
            f"write the URL as {backend}://... or {backend}+{drivers[0]}://..."
        )
    if backend == "postgresql" and importlib.util.find_spec("psycopg") is None:
        raise UnsupportedDatabase(
            "PostgreSQL needs the psycopg driver: pip install 'axis-ingest[postgres]' (or 'psycopg[binary]')"
        )
    return url


def _in_memory(value: str) -> str:
    return (
        f"--db {value} is an in-memory database: everything ingested would be lost when the run ends; "
        f"give {_DB_EXAMPLES}"
    )


def sqlite_path(url: URL) -> Path | None:
    """The database file of an SQLite URL (None for other databases)."""
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(url.database).expanduser().resolve()


def database_files(url: URL) -> list[Path]:
    """The files an SQLite database consists of (the file, -wal, -shm, -journal): never inputs."""
    path = sqlite_path(url)
    if path is None:
        return []
    return [path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


def _sqlite_events(engine: Engine, lock_wait_seconds: float, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE instead of pysqlite's deferred BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(lock_wait_seconds * 1000)}")
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


def make_engine(
    db: str | os.PathLike[str] | URL = DEFAULT_DB,
    lock_wait_seconds: float = LOCK_WAIT_SECONDS,
    read_only: bool = False,
) -> Engine:
    """An engine for `db`; `read_only` ones never take the write lock and refuse writes (SQLite)."""
    url = db if isinstance(db, URL) else database_url(db)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": lock_wait_seconds})
        _sqlite_events(engine, lock_wait_seconds, read_only)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that creates nothing and changes no setting of the file."""
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def _stored_version(value: str | None, where: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise SchemaError(
            f"{where}: schema_info.schema_version is {value!r}, not a whole number; the file was not written "
            "by axis-ingest or was edited by hand: choose another --db, or restore the file from a backup"
        ) from None


def _refuse_newer(version: int | None, where: str) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise SchemaError(
            f"{where}: the database has schema version {version}, newer than this axis-ingest "
            f"({SCHEMA_VERSION}); upgrade axis-ingest (pip install -U axis-ingest) or use another --db"
        )


def check_sqlite_file(path: Path, must_exist: bool = False) -> None:
    """Refuse, before anything is written, a --db path that is a folder, not SQLite, another program's
    database, or of a newer or unreadable schema version (so the file is not even switched to WAL)."""
    if path.is_dir():
        raise DatabaseError(f"--db {path} is a folder; give a file path inside it, e.g. {path / 'axis.sqlite'}")
    if not path.exists():
        if must_exist:
            raise DatabaseError(
                f"no database at {path}: check the --db path (a typo?), or create it with "
                f"`axis-ingest ingest --db {path}`"
            )
        return
    try:
        conn = _connect_readonly(path)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            stored = None
            if "schema_info" in tables:
                row = conn.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
                stored = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "file is encrypted" in str(exc):
            raise DatabaseError(
                f"{path} is not an SQLite database (another kind of file); choose another --db path"
            ) from None
        if "unable to open" in str(exc):
            raise DatabaseError(
                f"cannot open the database {path} ({exc}): check that the user running axis-ingest "
                "may read it and its folder"
            ) from None
        raise
    if tables and "schema_info" not in tables:
        raise DatabaseError(
            f"{path} is an SQLite database of another program (tables: {', '.join(sorted(tables)[:5])}); "
            "axis-ingest will not write into it: choose another --db path"
        )
    _refuse_newer(_stored_version(stored, str(path)), str(path))


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
    # full-text index, built from the stored articles (a new database gets it when it is created).
    4: (
        _add_column("articles", "published_date", "TEXT"),
        "UPDATE articles SET published_date = substr(published, 1, 10) WHERE published IS NOT NULL",
        ensure_fulltext,
    ),
    # 5 -> 6: current_paths (one status per path), created by create_all and filled with each
    # path's most recent content from raw_paths (paths recorded before stay as they were given).
    5: (
        "INSERT INTO current_paths (path, raw_document_id, since_utc)"
        " SELECT p.path, p.raw_document_id, p.first_seen_utc FROM raw_paths p"
        " WHERE NOT EXISTS (SELECT 1 FROM raw_paths q WHERE q.path = p.path"
        " AND (q.first_seen_utc > p.first_seen_utc"
        " OR (q.first_seen_utc = p.first_seen_utc AND q.raw_document_id > p.raw_document_id)))"
        " ON CONFLICT (path) DO NOTHING",
    ),
}


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

    SQLite: another writer held the lock past the wait (the only such error
    SQLite has).  PostgreSQL: a deadlock, a serialization failure, a dropped
    connection, a server shutting down or starting up.  Bad input is a
    rejection, never an exception; a bug, a full disk or a corrupt file is not
    retried.  The flow retries a chunk on these; opening a database, they are a
    failed run rather than bad usage.
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
    """The unique_articles view.

    On PostgreSQL `*` is expanded when the view is made, so it is made after
    the migration steps and the search column, and re-made by a migration;
    otherwise left alone (CREATE OR REPLACE takes an exclusive lock on it).
    """
    if conn.dialect.name == "postgresql" and not upgrading and inspect(conn).has_table("unique_articles"):
        return
    conn.execute(text(UNIQUE_ARTICLES_VIEW[conn.dialect.name]))


def migrate(engine: Engine) -> int:
    """Create missing tables, the view and the search index, upgrade an older schema, refuse a newer one.

    Runs under the write lock: two runs starting together on a new database
    would otherwise both issue CREATE TABLE (on PostgreSQL the second fails
    with a unique violation in pg_type).
    """
    with engine.begin() as conn:
        write_lock(conn)
        Base.metadata.create_all(conn)
        if conn.dialect.name == "sqlite":  # the steps below may read the view
            _create_view(conn, upgrading=False)
        stored = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == "schema_version")).scalar()
        where = _shown(engine.url)
        version = _stored_version(stored, where)
        creating = version is None
        version = SCHEMA_VERSION if version is None else version
        _refuse_newer(version, where)
        upgrading = version < SCHEMA_VERSION
        while version < SCHEMA_VERSION:
            for step in MIGRATIONS[version]:
                if isinstance(step, str):
                    conn.execute(text(step))
                else:
                    step(conn)
            version += 1
        if creating or conn.dialect.name == "sqlite":
            # An older database got the index from its 4 -> 5 step.  SQLite checks it on every open (IF NOT
            # EXISTS, under the write lock this transaction holds anyway), so an index dropped by hand comes
            # back; on PostgreSQL ALTER TABLE takes an exclusive lock on articles even when the column is
            # there (readers wait), so it runs only when the schema is made or upgraded.
            ensure_fulltext(conn)
        if conn.dialect.name == "postgresql":
            _create_view(conn, upgrading)
        conn.execute(
            text(
                "INSERT INTO schema_info (key, value) VALUES ('schema_version', :v) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
            ),
            {"v": str(version)},
        )
        # The database's identity, named by the marker file of its clean folder (store.export).
        conn.execute(
            text("INSERT INTO schema_info (key, value) VALUES ('database_id', :v) ON CONFLICT (key) DO NOTHING"),
            {"v": uuid.uuid4().hex},
        )
    return version


def database_id(engine: Engine) -> str:
    """The random id `migrate` gives every database: tells two databases apart whatever their URL."""
    with engine.connect() as conn:
        value = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == "database_id")).scalar()
        conn.rollback()
    if value is None:
        raise DatabaseError(f"{_shown(engine.url)} has no database id; open it with open_database() first")
    return str(value)


def open_database(
    db: str | os.PathLike[str] | URL = DEFAULT_DB, lock_wait_seconds: float = LOCK_WAIT_SECONDS
) -> Engine:
    """Open (creating if needed) and migrate the database named by a --db value.

    Raises DatabaseError, naming the file and what to do, when it cannot be used.
    """
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None:
        check_sqlite_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"cannot create the folder {path.parent} for the database ({exc.strerror or exc}); "
                "create it, or choose another --db"
            ) from None
    engine = make_engine(url, lock_wait_seconds)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        if is_transient_error(exc):  # another writer, a dropped connection: not bad usage but a failed run
            raise  # (the caller explains it)
        raise DatabaseError(explain_database_error(exc, url) or str(exc)) from exc
    except BaseException:  # not a catch: the engine is disposed of on every way out, then the error re-raised
        engine.dispose()
        raise
    return engine


class NoDatabaseError(DatabaseError):
    """A read-only command was pointed at a database that does not exist."""


def open_existing(db: str | os.PathLike[str] = DEFAULT_DB) -> Engine:
    """Open a database for reading without creating one: a mistyped path is an error, not a new file.

    For the read-only commands (`duplicates`, `search`, `export`, `status`).  A database of the
    current schema is opened as it is (nothing written, journal mode untouched, so a read-only
    file works); an older one is upgraded first, as every open does.  A folder, a file that is
    not SQLite or not axis-ingest's, or a newer schema raise DatabaseError naming the file.
    """
    url = database_url(db)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists() and not path.is_symlink():
            raise NoDatabaseError(
                f"no database at {path}: check the --db path (a typo?); `axis-ingest ingest --db {path}` creates it"
            )
        check_sqlite_file(path)
    engine = make_engine(url, read_only=True)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            stored = None
            if "schema_info" in tables:
                stored = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == "schema_version")).scalar()
            conn.rollback()
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(explain_database_error(exc, url) or str(exc)) from exc
    except BaseException:  # not a catch: the engine is disposed of on every way out, then the error re-raised
        engine.dispose()
        raise
    if "articles" not in tables:
        engine.dispose()
        raise DatabaseError(f"{_shown(url)} is not an axis-ingest database (no articles table); check the --db path")
    if stored is None or stored != str(SCHEMA_VERSION):
        open_database(url).dispose()  # upgrades an older schema, refuses a newer one
    return engine


def explain_database_error(exc: BaseException, url: URL | str) -> str | None:
    """A message naming the database and what to do for a database error a person can fix, else None."""
    if not isinstance(url, URL):
        try:
            url = database_url(url)
        except DatabaseError:
            return None
    path = sqlite_path(url)
    where = str(path) if path is not None else _shown(url)
    message = str(getattr(exc, "orig", None) or exc).lower()
    if path is not None and is_transient_error(exc):  # on SQLite, that is another writer's lock
        return (
            f"the database {where} stayed locked by another writer longer than the lock wait "
            "(settings run.lock_wait_seconds): another axis-ingest run, or a program holding a write "
            "transaction on it (an open sqlite3 shell, a tool writing to it); let it finish or stop it, "
            "then run again"
        )
    if "unable to open database file" in message:
        return (
            f"cannot open or create the database {where}: check that its folder exists and is writable "
            "by the user running axis-ingest, on a file system that is not read-only"
        )
    if "readonly database" in message or "read-only" in message:
        return (
            f"the database {where} is read-only (file permissions or a read-only file system); "
            "make it writable for the user running axis-ingest, or choose another --db"
        )
    if "disk is full" in message or "database or disk is full" in message:
        return f"the disk holding the database {where} is full; free space, then run again (stored batches are kept)"
    return None
