"""search, status and export on PostgreSQL (tsvector + GIN index) give what they give on SQLite.

Runs on the private cluster tests/pgserver.py starts (skipped, outside CI, when
PostgreSQL is not installed).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, text

from axis_ingest.cli import main
from downstream import RAW
from pgserver import PostgresServer

STRIKE_TITLE = "Gdańsk dockworkers walk out as talks over automated cranes collapse"


@pytest.fixture(scope="module")
def pg_db(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = postgres.new_database("downstream")
    clean = tmp_path_factory.mktemp("pg-clean")
    assert main(["ingest", str(RAW), "--db", url, "--clean-dir", str(clean), "--workers", "1"]) == 0
    return url


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_the_search_vector_has_its_gin_index(pg_db: str) -> None:
    engine = create_engine(pg_db)
    try:
        with engine.connect() as conn:
            kind = conn.execute(
                text(
                    "SELECT data_type FROM information_schema.columns WHERE table_name = 'articles'"
                    " AND column_name = 'search_vector'"
                )
            ).scalar()
            index = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_articles_search_vector'"))
            assert kind == "tsvector" and "gin" in index.scalar().lower()
    finally:
        engine.dispose()


def test_search_on_postgres_matches_sqlite(pg_db: str, sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    on_pg = _json(capsys, "search", "dockworkers cranes", "--db", pg_db, "--json")
    on_sqlite = _json(capsys, "search", "dockworkers cranes", "--db", str(sample_db), "--json")
    assert on_pg and on_pg[0]["title"] == STRIKE_TITLE  # type: ignore[index]
    assert [h["title"] for h in on_pg] == [h["title"] for h in on_sqlite]  # type: ignore[union-attr]
    stemmed = _json(capsys, "search", "strikes", "--db", pg_db, "--json")
    assert STRIKE_TITLE in [h["title"] for h in stemmed]  # type: ignore[union-attr]


def test_status_and_export_on_postgres(
    pg_db: str, sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    on_pg = _json(capsys, "status", "--db", pg_db, "--json")
    on_sqlite = _json(capsys, "status", "--db", str(sample_db), "--json")
    assert on_pg["raw"] == on_sqlite["raw"] and on_pg["articles"] == on_sqlite["articles"]  # type: ignore[index]
    assert on_pg["runs"][0]["status"] == "completed"  # type: ignore[index]
    out = tmp_path / "pg.parquet"
    assert main(["export", "--format", "parquet", "--out", str(out), "--db", pg_db]) == 0
    table = pq.read_table(out)
    assert table.num_rows == on_pg["articles"]["unique"]  # type: ignore[index]
    assert "search_vector" not in table.column_names
