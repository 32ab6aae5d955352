"""Full-text search: the FTS5 index sqlite-utils finds, kept current by ingests, built for older databases,
and `axis-ingest search` ranking unique articles."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
import sqlite_utils

from axis_ingest.cli import main
from axis_ingest.store.db import open_database
from axis_ingest.store.fulltext import fts5_query
from axis_ingest.store.schema import SCHEMA_VERSION

STRIKE_TITLE = "Gdańsk dockworkers walk out as talks over automated cranes collapse"


def test_sqlite_utils_detects_the_index_and_searches(sample_db: Path) -> None:
    db = sqlite_utils.Database(sample_db)
    try:
        assert db["articles"].detect_fts() == "articles_fts"
        titles = [row["title"] for row in db["articles"].search("strike")]
    finally:
        db.close()
    assert STRIKE_TITLE in titles
    assert all("Vojvodina" not in (t or "") for t in titles)


def test_sqlite_utils_command_line_search(sample_db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "search", str(sample_db), "articles", "strike", "-c", "title"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert STRIKE_TITLE in done.stdout


def test_search_command_json_ranks_unique_articles(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "dockworkers cranes", "--db", str(sample_db), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and hits[0]["title"] == STRIKE_TITLE
    assert {"id", "title", "published", "publisher"} <= set(hits[0])
    with closing(sqlite3.connect(sample_db)) as conn:
        copies = {i for (i,) in conn.execute("SELECT id FROM articles WHERE duplicate_of IS NOT NULL")}
    assert copies, "raw/ holds a re-scraped copy of the strike page"
    assert not copies & {h["id"] for h in hits}  # the near-duplicate copy is not listed again


def test_search_ranks_title_matches_first(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "strike", "--db", str(sample_db), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["title"] == STRIKE_TITLE  # "strike" in the body many times, stemmed from "striking" elsewhere
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert main(["search", "strike", "--db", str(sample_db), "--json", "--limit", "1"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1


def test_search_table_and_no_match(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "dockworkers", "--db", str(sample_db)]) == 0
    assert "Baltic Courier" in capsys.readouterr().out
    assert main(["search", "xylophone", "--db", str(sample_db)]) == 0
    assert "No articles match" in capsys.readouterr().out


def test_search_accepts_punctuation_and_accents(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # FTS5 syntax characters in what a person types are words, not operators; accents are folded.
    for query in ('Gdansk "dock', "U.S. (strike", "dockworkers'", "AND", "gdańsk"):
        assert main(["search", query, "--db", str(sample_db), "--json"]) == 0, query
        json.loads(capsys.readouterr().out)
    assert main(["search", "Gdansk", "--db", str(sample_db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["title"] == STRIKE_TITLE


def test_fts5_query_quotes_words() -> None:
    assert fts5_query('U.S. "strike" strik*') == '"U" "S" "strike" "strik"*'
    assert fts5_query("don't") == '"don\'t"'
    assert fts5_query("  ... ") == ""


def test_search_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "axis.sqlite"
    assert main(["search", "strike", "--db", str(missing)]) == 2
    assert not missing.exists()


def test_index_follows_inserts_updates_and_deletes(sample_db_copy: Path) -> None:
    db = sqlite_utils.Database(sample_db_copy)
    try:
        strike_id = next(iter(db["articles"].search("dockworkers")))["id"]
        db.execute("UPDATE articles SET title = 'Zanzibar ferry timetable' WHERE id = ?", [strike_id])
        assert [r["id"] for r in db["articles"].search("zanzibar")] == [strike_id]
        db.execute("DELETE FROM article_sources WHERE article_id = ?", [strike_id])
        db.execute("DELETE FROM article_authors WHERE article_id = ?", [strike_id])
        db.execute("DELETE FROM minhash_signatures WHERE article_id = ?", [strike_id])
        db.execute("DELETE FROM minhash_buckets WHERE article_id = ?", [strike_id])
        db.execute("DELETE FROM minhash_buckets_hot WHERE article_id = ?", [strike_id])
        db.execute("UPDATE articles SET duplicate_of = NULL WHERE duplicate_of = ?", [strike_id])
        db.execute("DELETE FROM articles WHERE id = ?", [strike_id])
        assert list(db["articles"].search("zanzibar")) == []
        integrity = db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        assert integrity is not None  # raises if the index disagrees with the articles
    finally:
        db.close()


def test_each_ingest_adds_to_the_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "axis.sqlite"
    body = "The harbour authority in Kelmouth approved a new tidal barrier on Tuesday. " * 6
    (folder / "first.txt").write_text("Kelmouth approves tidal barrier\n\n" + body)
    assert main(["ingest", str(folder), "--db", str(db), "--clean-dir", str(tmp_path / "clean")]) == 0
    capsys.readouterr()
    second = "Orchard growers in Belvale report the earliest apricot bloom in forty years. " * 6
    (folder / "second.txt").write_text("Belvale apricots bloom early\n\n" + second)
    assert main(["ingest", str(folder), "--db", str(db), "--clean-dir", str(tmp_path / "clean")]) == 0
    capsys.readouterr()
    for word, title in (("barrier", "Kelmouth approves tidal barrier"), ("apricot", "Belvale apricots bloom early")):
        assert main(["search", word, "--db", str(db), "--json"]) == 0
        assert [h["title"] for h in json.loads(capsys.readouterr().out)] == [title]


def test_older_database_gets_the_index_on_open(sample_db_copy: Path) -> None:
    """A schema-4 database (no index, no published_date, no runs) is upgraded and its articles indexed."""
    with closing(sqlite3.connect(sample_db_copy)) as conn:
        conn.execute("DROP TABLE articles_fts")  # drops its triggers' target; the triggers go too
        for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.execute("DROP VIEW unique_articles")
        conn.execute("ALTER TABLE articles DROP COLUMN published_date")
        conn.execute("CREATE VIEW unique_articles AS SELECT * FROM articles WHERE duplicate_of IS NULL")
        conn.execute("DROP TABLE runs")
        conn.execute("UPDATE schema_info SET value = '4' WHERE key = 'schema_version'")
        conn.commit()
    open_database(sample_db_copy).dispose()
    db = sqlite_utils.Database(sample_db_copy)
    try:
        assert db["articles"].detect_fts() == "articles_fts"
        assert STRIKE_TITLE in [r["title"] for r in db["articles"].search("strike")]
        dates = dict(
            db.execute("SELECT published, published_date FROM articles WHERE published IS NOT NULL").fetchall()
        )
        assert dates and all(date == published[:10] for published, date in dates.items())
        version = db.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()[0]
        assert version == str(SCHEMA_VERSION)
    finally:
        db.close()
