"""The contract (../shared/CONTRACT.md): every table, column and the view exist with the documented types."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from axis_ingest.store.db import open_database
from axis_ingest.store.schema import SCHEMA_VERSION

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


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    db = tmp_path / "contract.sqlite"
    open_database(db).dispose()
    connection = sqlite3.connect(db)
    yield connection
    connection.close()


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, tuple[str, int, int]]:
    return {row[1]: (row[2].upper(), row[3], row[5]) for row in conn.execute(f"PRAGMA table_info({table})")}


@pytest.mark.parametrize("table", sorted(CONTRACT_COLUMNS))
def test_table_has_contract_columns_and_types(conn: sqlite3.Connection, table: str) -> None:
    columns = _columns(conn, table)
    for column, declared in CONTRACT_COLUMNS[table].items():
        assert column in columns, f"{table}.{column} missing"
        assert columns[column][0] == declared, f"{table}.{column} is {columns[column][0]}, contract says {declared}"


def test_primary_keys(conn: sqlite3.Connection) -> None:
    def pk(table: str) -> list[str]:
        cols = _columns(conn, table)
        return [name for name, (_, _, order) in sorted(cols.items(), key=lambda kv: kv[1][2]) if order]

    assert pk("raw_documents") == ["id"]
    assert pk("articles") == ["id"]
    assert pk("authors") == ["id"]
    assert pk("article_sources") == ["raw_document_id", "item"]
    assert pk("article_authors") == ["article_id", "author_id"]


def test_body_not_null_and_unique_keys(conn: sqlite3.Connection) -> None:
    assert _columns(conn, "articles")["body"][1] == 1  # NOT NULL
    unique_columns = set()
    for table in ("raw_documents", "authors"):
        for index in conn.execute(f"PRAGMA index_list({table})"):
            if index[2]:
                unique_columns |= {(table, r[2]) for r in conn.execute(f"PRAGMA index_info({index[1]})")}
    assert ("raw_documents", "sha256") in unique_columns
    assert ("authors", "name") in unique_columns


def test_foreign_keys(conn: sqlite3.Connection) -> None:
    def fks(table: str) -> set[tuple[str, str]]:
        return {(row[3], row[2]) for row in conn.execute(f"PRAGMA foreign_key_list({table})")}

    assert ("article_id", "articles") in fks("article_sources")
    assert ("raw_document_id", "raw_documents") in fks("article_sources")
    assert ("duplicate_of", "articles") in fks("articles")
    assert {("article_id", "articles"), ("author_id", "authors")} <= fks("article_authors")


def test_unique_articles_view_selects_canonical_articles(conn: sqlite3.Connection) -> None:
    assert conn.execute("SELECT type FROM sqlite_master WHERE name = 'unique_articles'").fetchone() == ("view",)
    view_columns = [row[1] for row in conn.execute("PRAGMA table_info(unique_articles)")]
    assert view_columns == [row[1] for row in conn.execute("PRAGMA table_info(articles)")]
    conn.execute(
        "INSERT INTO articles"
        " (id, body, word_count, source_format, content_hash, metadata, ingested_utc, title_derived)"
        " VALUES (1, 'a', 1, 'plain_text', 'h1', '{}', '2026-01-01T00:00:00Z', 0),"
        " (2, 'a b', 2, 'plain_text', 'h2', '{}', '2026-01-01T00:00:00Z', 0)"
    )
    conn.execute("UPDATE articles SET duplicate_of = 1, similarity = 0.9 WHERE id = 2")
    assert [r[0] for r in conn.execute("SELECT id FROM unique_articles")] == [1]


def test_sqlite_settings(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "wal.sqlite")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        version = connection.exec_driver_sql("SELECT value FROM schema_info WHERE key = 'schema_version'").scalar()
        assert version == str(SCHEMA_VERSION)
    engine.dispose()


def test_older_database_is_migrated_and_newer_refused(tmp_path: Path) -> None:
    from axis_ingest.store.db import SchemaError

    db = tmp_path / "old.sqlite"
    open_database(db).dispose()
    connection = sqlite3.connect(db)
    connection.execute("UPDATE schema_info SET value = '1' WHERE key = 'schema_version'")
    connection.commit()
    open_database(db).dispose()  # migrates 1 -> current
    assert connection.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()[0] == str(
        SCHEMA_VERSION
    )
    connection.execute("UPDATE schema_info SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    connection.commit()
    connection.close()
    with pytest.raises(SchemaError, match="newer than this axis-ingest"):
        open_database(db)
