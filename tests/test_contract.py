"""The contract (../shared/CONTRACT.md): every table, column and the view exist with the documented types.

Checked on SQLite and on PostgreSQL (db_url), through SQLAlchemy's inspector, which
reads what a downstream tool sees (PRAGMA table_info on SQLite, the catalog on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine.reflection import Inspector

from axis_ingest.store.db import SchemaError, open_database
from axis_ingest.store.schema import SCHEMA_VERSION, Base

# table -> {column: declared type}, exactly as CONTRACT.md v1 lists them.
CONTRACT_COLUMNS: dict[str, dict[str, str]] = {
    "raw_documents": {
        "id": "INTEGER",
        "sha256": "TEXT",
        "path": "TEXT",
        "source_format": "TEXT",
        "size_bytes": "INTEGER",
        "first_seen_utc": "TEXT",
        "status": "TEXT",
        "reason": "TEXT",
    },
    "article_sources": {"article_id": "INTEGER", "raw_document_id": "INTEGER", "item": "INTEGER"},
    "articles": {
        "id": "INTEGER",
        "title": "TEXT",
        "title_derived": "INTEGER",
        "subtitle": "TEXT",
        "body": "TEXT",
        "published": "TEXT",
        "published_utc": "TEXT",
        "modified_utc": "TEXT",
        "url": "TEXT",
        "publisher": "TEXT",
        "origin": "TEXT",
        "dateline": "TEXT",
        "language": "TEXT",
        "word_count": "INTEGER",
        "source_format": "TEXT",
        "content_hash": "TEXT",
        "duplicate_of": "INTEGER",
        "similarity": "REAL",
        "metadata": "TEXT",
        "ingested_utc": "TEXT",
    },
    "authors": {"id": "INTEGER", "name": "TEXT"},
    "article_authors": {"article_id": "INTEGER", "author_id": "INTEGER", "position": "INTEGER", "role": "TEXT"},
}


# The contract's declared types as each database names them: PostgreSQL's INTEGER is 32-bit, so a
# column that can pass 2**31 is BIGINT there; its REAL is 4 bytes, so REAL is DOUBLE PRECISION.
POSTGRES_TYPES = {"INTEGER": ("INTEGER", "BIGINT"), "TEXT": ("TEXT",), "REAL": ("DOUBLE PRECISION",)}


@pytest.fixture()
def engine(db_url: str) -> Iterator[Engine]:
    open_database(db_url).dispose()
    engine = create_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture()
def inspector(engine: Engine) -> Inspector:
    return inspect(engine)


def _declared(engine: Engine, declared: str) -> tuple[str, ...]:
    return POSTGRES_TYPES[declared] if engine.dialect.name == "postgresql" else (declared,)


@pytest.mark.parametrize("table", sorted(CONTRACT_COLUMNS))
def test_table_has_contract_columns_and_types(engine: Engine, inspector: Inspector, table: str) -> None:
    columns = {c["name"]: str(c["type"]).upper() for c in inspector.get_columns(table)}
    for column, declared in CONTRACT_COLUMNS[table].items():
        assert column in columns, f"{table}.{column} missing"
        assert columns[column] in _declared(engine, declared), f"{table}.{column} is {columns[column]}, not {declared}"


def test_primary_keys(inspector: Inspector) -> None:
    def pk(table: str) -> list[str]:
        return inspector.get_pk_constraint(table)["constrained_columns"]

    assert pk("raw_documents") == ["id"]
    assert pk("articles") == ["id"]
    assert pk("authors") == ["id"]
    assert pk("article_sources") == ["raw_document_id", "item"]
    assert pk("article_authors") == ["article_id", "author_id"]


def test_body_not_null_and_unique_keys(inspector: Inspector) -> None:
    body = next(c for c in inspector.get_columns("articles") if c["name"] == "body")
    assert body["nullable"] is False
    unique_columns = set()
    for table in ("raw_documents", "authors"):
        found = inspector.get_unique_constraints(table) + [i for i in inspector.get_indexes(table) if i.get("unique")]
        unique_columns |= {(table, column) for entry in found for column in entry["column_names"]}
    assert ("raw_documents", "sha256") in unique_columns
    assert ("authors", "name") in unique_columns


def test_foreign_keys(inspector: Inspector) -> None:
    def fks(table: str) -> set[tuple[str, str]]:
        return {
            (column, fk["referred_table"])
            for fk in inspector.get_foreign_keys(table)
            for column in fk["constrained_columns"]
        }

    assert ("article_id", "articles") in fks("article_sources")
    assert ("raw_document_id", "raw_documents") in fks("article_sources")
    assert ("duplicate_of", "articles") in fks("articles")
    assert {("article_id", "articles"), ("author_id", "authors")} <= fks("article_authors")


def test_unique_articles_view_selects_canonical_articles(engine: Engine, inspector: Inspector) -> None:
    assert "unique_articles" in inspector.get_view_names()
    view_columns = [c["name"] for c in inspector.get_columns("unique_articles")]
    assert view_columns == [c["name"] for c in inspector.get_columns("articles")]
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles"
                " (id, body, word_count, source_format, content_hash, metadata, ingested_utc, title_derived)"
                " VALUES (1, 'a', 1, 'plain_text', 'h1', '{}', '2026-01-01T00:00:00Z', 0),"
                " (2, 'a b', 2, 'plain_text', 'h2', '{}', '2026-01-01T00:00:00Z', 0)"
            )
        )
        conn.execute(text("UPDATE articles SET duplicate_of = 1, similarity = 0.9 WHERE id = 2"))
        assert [r[0] for r in conn.execute(text("SELECT id FROM unique_articles"))] == [1]
        assert conn.execute(text("SELECT similarity FROM articles WHERE id = 2")).scalar() == 0.9  # 8-byte REAL


def test_64_bit_values_fit(engine: Engine) -> None:
    """LSH bucket keys are signed 64-bit hashes and a refused file's size can pass 2 GiB."""
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO minhash_stop_buckets (bucket) VALUES (:b)"), {"b": -(2**63)})
        conn.execute(
            text(
                "INSERT INTO raw_documents (sha256, path, size_bytes, first_seen_utc, status, reason)"
                " VALUES ('x', 'big.bin', :size, '2026-01-01T00:00:00Z', 'rejected', 'too big')"
            ),
            {"size": 5 * 2**30},
        )
        assert conn.execute(text("SELECT bucket FROM minhash_stop_buckets")).scalar() == -(2**63)
        assert conn.execute(text("SELECT size_bytes FROM raw_documents")).scalar() == 5 * 2**30


def test_sqlite_settings(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "wal.sqlite")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        version = connection.exec_driver_sql("SELECT value FROM schema_info WHERE key = 'schema_version'").scalar()
        assert version == str(SCHEMA_VERSION)
    engine.dispose()


# The tables of schema version 1: no hot bucket table (2), no stop buckets (3).
VERSION_1_TABLES = [
    t for name, t in Base.metadata.tables.items() if name not in ("minhash_buckets_hot", "minhash_stop_buckets")
]


def test_older_database_is_migrated_and_newer_refused(db_url: str, tmp_path: Path) -> None:
    """A version-1 database (its tables, its view, a stored article) is brought up to date on both databases."""
    from axis_ingest.run import run_ingest

    old = create_engine(db_url)
    with old.begin() as conn:
        Base.metadata.create_all(conn, tables=VERSION_1_TABLES)
        conn.execute(text("CREATE VIEW unique_articles AS SELECT * FROM articles WHERE duplicate_of IS NULL"))
        conn.execute(text("INSERT INTO schema_info (key, value) VALUES ('schema_version', '1')"))
        conn.execute(
            text(
                "INSERT INTO articles (body, word_count, source_format, content_hash, metadata, ingested_utc,"
                " title_derived) VALUES ('kept', 1, 'plain_text', 'h1', '{}', '2026-01-01T00:00:00Z', 0)"
            )
        )
    assert "minhash_stop_buckets" not in inspect(old).get_table_names()

    open_database(db_url).dispose()  # migrates 1 -> current
    with old.connect() as conn:
        assert conn.execute(text("SELECT value FROM schema_info WHERE key = 'schema_version'")).scalar() == str(
            SCHEMA_VERSION
        )
        assert conn.execute(text("SELECT body FROM unique_articles")).scalar() == "kept"
    assert {"minhash_buckets_hot", "minhash_stop_buckets"} <= set(inspect(old).get_table_names())
    fixtures = Path(__file__).parent / "fixtures" / "wire"
    summary = run_ingest(paths=[fixtures], db=db_url, clean_dir=tmp_path / "clean", workers=1)
    assert summary.outcome.loaded and not summary.outcome.rejected

    with old.begin() as conn:
        conn.execute(
            text("UPDATE schema_info SET value = :v WHERE key = 'schema_version'"), {"v": str(SCHEMA_VERSION + 1)}
        )
    old.dispose()
    with pytest.raises(SchemaError, match="newer than this axis-ingest"):
        open_database(db_url)
