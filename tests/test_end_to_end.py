"""End to end: the sample inputs in raw/ through the CLI into a real database (SQLite, PostgreSQL) and clean/ files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from axis_ingest.cli import main
from dbread import Reader

RAW = Path(__file__).resolve().parents[1] / "raw"
COUNTED_TABLES = ("raw_documents", "raw_paths", "articles", "article_sources", "authors", "article_authors")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory, module_db_url: str) -> Path:
    root = tmp_path_factory.mktemp("e2e")
    shutil.copytree(RAW, root / "raw")
    (root / "db-url").write_text(module_db_url)
    code = main(["ingest", str(root / "raw"), "--db", module_db_url, "--clean-dir", str(root / "clean")])
    assert code == 0
    return root


@pytest.fixture()
def db(run_dir: Path) -> Iterator[Reader]:
    with Reader((run_dir / "db-url").read_text()) as reader:
        yield reader


def _counts(db: Reader) -> dict[str, int]:
    return {table: db.scalar(f"SELECT count(*) FROM {table}") for table in COUNTED_TABLES}


def _article_for(db: Reader, name: str, item: int = 0) -> dict[str, object]:
    row = db.one(
        "SELECT a.* FROM articles a JOIN article_sources s ON s.article_id = a.id "
        "JOIN raw_paths p ON p.raw_document_id = s.raw_document_id WHERE p.path LIKE :path AND s.item = :item",
        path=f"%/{name}",
        item=item,
    )
    assert row is not None, f"no article from {name}"
    return row


def test_every_raw_file_has_exactly_one_status(run_dir: Path, db: Reader) -> None:
    files = sorted(str(p) for p in (run_dir / "raw").rglob("*") if p.is_file() and not p.name.startswith("."))
    statuses = {
        path: [
            r["status"]
            for r in db.rows(
                "SELECT d.status FROM raw_paths p JOIN raw_documents d ON d.id = p.raw_document_id WHERE p.path = :p",
                p=path,
            )
        ]
        for path in files
    }
    assert all(len(found) == 1 for found in statuses.values()), statuses
    assert {s[0] for s in statuses.values()} <= {"loaded", "duplicate", "rejected"}
    rejected = db.rows("SELECT reason FROM raw_documents WHERE status = 'rejected'")
    assert all(r["reason"] for r in rejected)


def test_each_input_kind_is_detected(db: Reader) -> None:
    formats = {r[0] for r in db.tuples("SELECT DISTINCT source_format FROM articles")}
    assert {"scraped_text", "wordpress_json", "wire_text"} <= formats
    assert formats <= {"html", "scraped_text", "wordpress_json", "wire_text", "plain_text"}


def test_rescraped_page_is_a_near_duplicate_of_the_first_copy(db: Reader) -> None:
    first = _article_for(db, "harbour-strike-page.txt")
    again = _article_for(db, "harbour-strike-page-rescraped.txt")
    assert first["id"] != again["id"]
    canonical, copy = sorted((first, again), key=lambda r: r["id"])
    assert canonical["duplicate_of"] is None
    assert copy["duplicate_of"] == canonical["id"]
    assert copy["similarity"] > 0.8
    count = db.scalar("SELECT count(*) FROM unique_articles WHERE id IN (:a, :b)", a=first["id"], b=again["id"])
    assert count == 1


def test_byte_identical_copy_shares_one_raw_document(db: Reader) -> None:
    ids = {
        r[0]
        for r in db.tuples(
            "SELECT raw_document_id FROM raw_paths WHERE path LIKE '%/wp-post.json' OR path LIKE '%/wp-post-copy.txt'"
        )
    }
    assert len(ids) == 1


def test_wordpress_list_gives_one_article_per_post(db: Reader) -> None:
    items = db.rows(
        "SELECT s.item, a.title, a.url, a.published_utc, a.metadata "
        "FROM article_sources s JOIN articles a ON a.id = s.article_id "
        "JOIN raw_documents d ON d.id = s.raw_document_id WHERE d.path LIKE '%/wp-list-embedded.json' ORDER BY s.item"
    )
    assert [r["item"] for r in items] == list(range(len(items))) and len(items) >= 2
    assert all(r["title"] and r["url"].startswith("http") and r["published_utc"].endswith("Z") for r in items)
    for row in items:
        metadata = json.loads(row["metadata"])
        assert isinstance(metadata["wp_id"], int) and metadata["wp_categories"] and metadata["categories"]


def test_scraped_page_is_clean(db: Reader) -> None:
    article = _article_for(db, "harbour-strike-page.txt")
    body = article["body"]
    assert article["title"] and article["title_derived"] == 0
    assert article["published"] and article["published"].startswith("2026-")
    for chrome in ("Share on Facebook", "Copy link", "Views:", "All rights reserved", "Related articles", "By Marta"):
        assert chrome not in body
    authors = [
        r[0]
        for r in db.tuples(
            "SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = :a",
            a=article["id"],
        )
    ]
    assert authors == ["Marta Zielińska"]


def test_wire_copy_fields(db: Reader) -> None:
    article = _article_for(db, "wire-rates.txt")
    assert article["dateline"] and article["publisher"]
    assert article["title"]  # the headline line, or one derived from the lead (title_derived = 1)
    assert "(Reporting by" not in article["body"]
    roles = {r[0] for r in db.tuples("SELECT role FROM article_authors WHERE article_id = :a", a=article["id"])}
    assert "reporting" in roles


def test_body_shape_follows_the_contract(db: Reader) -> None:
    for row in db.rows("SELECT id, body, word_count FROM articles"):
        body = row["body"]
        assert body.strip() == body and "\n\n\n" not in body
        assert "<p>" not in body and "&nbsp;" not in body and "&#" not in body
        assert row["word_count"] == len(body.split())
        for paragraph in body.split("\n\n"):
            assert "\n" not in paragraph


def test_clean_files_hold_every_article(run_dir: Path, db: Reader) -> None:
    files = sorted((run_dir / "clean").glob("*.json"))
    ids = [r[0] for r in db.tuples("SELECT id FROM articles ORDER BY id")]
    assert [int(f.name.split("-")[0]) for f in files] == ids
    for path in files:  # every clean file holds the article's row, field for field
        record = json.loads(path.read_text(encoding="utf-8"))
        row = db.one("SELECT * FROM articles WHERE id = :id", id=record["id"])
        assert row is not None
        columns = [c for c in row if c not in ("metadata", "search_vector")]  # search_vector: PostgreSQL's index
        assert {c: record[c] for c in columns} == {c: row[c] for c in columns}
        assert record["metadata"] == json.loads(row["metadata"])
        assert isinstance(record["authors"], list) and record["sources"]
    text = files[0].read_text(encoding="utf-8")  # one top-level field per line, for people skimming clean/
    assert text.startswith('{\n  "id": ') and text.endswith("\n}\n")


def test_duplicates_command_lists_the_cluster(run_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["duplicates", "--db", (run_dir / "db-url").read_text()]) == 0
    out = capsys.readouterr().out
    assert "Gdańsk dockworkers walk out" in out
    assert "canonical" in out and "similarity" in out
    assert out.count("Baltic Courier") == 2


def test_second_run_adds_nothing(run_dir: Path, db: Reader) -> None:
    before = _counts(db)
    clean_before = sorted(p.name for p in (run_dir / "clean").iterdir())
    url = (run_dir / "db-url").read_text()
    code = main(["ingest", str(run_dir / "raw"), "--db", url, "--clean-dir", str(run_dir / "clean")])
    assert code == 0
    assert _counts(db) == before
    assert sorted(p.name for p in (run_dir / "clean").iterdir()) == clean_before


def test_console_script_exit_codes(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "axis-ingest"
    good = tmp_path / "in"
    good.mkdir()
    (good / "empty.txt").write_text("   \n")
    args = [str(exe), "ingest", str(good), "--db", str(tmp_path / "x.sqlite"), "--clean-dir", str(tmp_path / "c")]
    assert subprocess.run(args, capture_output=True).returncode == 0
    strict = subprocess.run([*args, "--strict"], capture_output=True, text=True)
    assert strict.returncode == 1  # still rejected, though recorded by the first run
    (good / "empty.txt").unlink()
    (good / "story.txt").write_text("A short note.\n\n" + "Council members voted on the new budget today. " * 8)
    assert subprocess.run([*args, "--strict"], capture_output=True).returncode == 0
    (good / "empty2.txt").write_text("\n\n")
    strict = subprocess.run([*args, "--strict"], capture_output=True, text=True)
    assert strict.returncode == 1 and "empty" in strict.stdout
    assert subprocess.run([str(exe), "ingest", "--batch-size", "0"], capture_output=True).returncode == 2
    assert subprocess.run([str(exe), "frobnicate"], capture_output=True).returncode == 2
