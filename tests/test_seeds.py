"""Acceptance: ingest ../shared/seeds/*.txt and check every field of ../shared/seeds/expected.json.

Each (seed, field) pair is its own test, so a regression names exactly what
broke.  Skips with a message when ../shared is not beside the project.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from axis_ingest.run import run_ingest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXPECTED_FILE = SEEDS / "expected.json"

pytestmark = pytest.mark.skipif(
    not EXPECTED_FILE.is_file(), reason=f"{SEEDS} not found: the seeds live in ../shared/seeds beside the project"
)

# The expected "format" is a description; the sniffer's answer is a contract code.
FORMAT_WORDS = (
    ("wordpress", "wordpress_json"),
    ("wire-service", "wire_text"),
    ("pdf", "plain_text"),
    ("scraped page text", "scraped_text"),
    ("html", "html"),
)

# Fields the current stages are known to miss, with the issue that owns them.
# Never delete a case: fix the stage and remove its entry here.
KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _expected() -> dict[str, dict[str, Any]]:
    if not EXPECTED_FILE.is_file():
        return {}
    data = json.loads(EXPECTED_FILE.read_text(encoding="utf-8"))
    return {name: value for name, value in data.items() if not name.startswith("_")}


def _cases() -> list[Any]:
    cases = []
    for seed, fields in _expected().items():
        for field_name in fields:
            if field_name in ("notes",):
                continue
            marks = []
            if (seed, field_name) in KNOWN_MISSES:
                marks.append(pytest.mark.xfail(reason=KNOWN_MISSES[(seed, field_name)], strict=False))
            cases.append(pytest.param(seed, field_name, id=f"{seed[:3]}-{field_name}", marks=marks))
    return cases


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Ingest the seeds once; map each seed file name to its article row plus authors."""
    root = tmp_path_factory.mktemp("seeds")
    db = root / "seeds.sqlite"
    run_ingest(paths=sorted(str(p) for p in SEEDS.glob("*.txt")), db=db, clean_dir=root / "clean", workers=1)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows: dict[str, dict[str, Any]] = {}
    for raw in conn.execute("SELECT * FROM raw_documents"):
        name = Path(raw["path"]).name
        article = conn.execute(
            "SELECT a.* FROM articles a JOIN article_sources s ON s.article_id = a.id "
            "WHERE s.raw_document_id = ? ORDER BY s.item LIMIT 1",
            (raw["id"],),
        ).fetchone()
        record: dict[str, Any] = {"raw": dict(raw), "article": dict(article) if article else None}
        if article:
            record["authors"] = [
                r[0]
                for r in conn.execute(
                    "SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
                    "WHERE aa.article_id = ? ORDER BY aa.position",
                    (article["id"],),
                )
            ]
        rows[name] = record
    conn.close()
    return rows


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(("seed", "field_name"), _cases())
def test_seed_field(ingested: dict[str, dict[str, Any]], seed: str, field_name: str) -> None:
    expected = _expected()[seed][field_name]
    record = ingested[seed]
    article = record["article"]
    assert record["raw"]["status"] == "loaded", record["raw"]["reason"]
    assert article is not None
    body = article["body"]
    paragraphs = body.split("\n\n")
    published = article["published"]

    if field_name == "format":
        wanted = next(code for word, code in FORMAT_WORDS if word in expected.lower())
        assert article["source_format"] == wanted
    elif field_name == "title":
        if expected is None:
            assert article["title"] is None or article["title_derived"] == 1
        else:
            assert article["title"] == expected
            assert article["title_derived"] == 0
    elif field_name == "published":
        assert (published[:10] if published else None) == expected
    elif field_name == "published_time":
        assert (published[11:16] if published and len(published) >= 16 else None) == expected
    elif field_name == "authors":
        assert record["authors"] == expected
    elif field_name == "body_starts":
        assert body.startswith(expected), body[:200]
    elif field_name == "body_ends":
        assert body.endswith(expected), body[-200:]
    elif field_name == "body_contains":
        for passage in expected:
            assert _squash(passage) in _squash(body)
    elif field_name == "body_excludes":
        for passage in expected:
            assert passage not in body
    elif field_name == "paragraphs":
        assert len(paragraphs) == expected
    elif field_name == "paragraphs_min":
        assert len(paragraphs) >= expected
    else:  # a column of the same name: subtitle, published_utc, modified_utc, url, publisher, origin, ...
        assert article[field_name] == expected


def test_every_seed_has_one_status(ingested: dict[str, dict[str, Any]]) -> None:
    assert set(ingested) == {*_expected()}
    assert {record["raw"]["status"] for record in ingested.values()} <= {"loaded", "duplicate", "rejected"}


def test_seeds_stay_five_canonical_articles(ingested: dict[str, dict[str, Any]]) -> None:
    """All five seeds are about one subject; none may merge with another."""
    canonical = [r["article"] for r in ingested.values() if r["article"] and r["article"]["duplicate_of"] is None]
    assert len(canonical) == len(_expected())


def _rescrape(text: str) -> str:
    """The same page copied again later: other menus, an ad line, a different footer; same article."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if len(line.split()) >= 12)  # first paragraph
    end = max(i for i, line in enumerate(lines) if len(line.split()) >= 12)  # last paragraph
    chrome_top = ["Home", "World", "Politics", "Economy", "Opinion", "Subscribe", "Log in", "", "Advertisement", ""]
    chrome_bottom = [
        "",
        "Most read",
        "Markets close higher on Friday",
        "Weather: storms expected",
        "",
        "Terms of use | Privacy policy | Contact",
        "All rights reserved.",
    ]
    head = [line for line in lines[:start] if line.strip() and len(line.split()) >= 3][-3:]
    return "\n".join(chrome_top + head + [""] + lines[start : end + 1] + chrome_bottom)


def test_rescraped_seed_is_a_duplicate_across_separate_runs(tmp_path: Path) -> None:
    """Run 1 ingests the seeds; run 2 (a new process state, same DB) meets a re-scrape of a page seed."""
    seeds = sorted(SEEDS.glob("*.txt"))
    db, clean = tmp_path / "db.sqlite", tmp_path / "clean"
    run_ingest(paths=[str(p) for p in seeds], db=db, clean_dir=clean, workers=1)
    page = next(p for p in seeds if "scraped page text (a news site" in _expected()[p.name]["format"])
    copy = tmp_path / "later" / "rescraped.txt"
    copy.parent.mkdir()
    copy.write_text(_rescrape(page.read_text(encoding="utf-8")), encoding="utf-8")
    run_ingest(paths=[str(copy)], db=db, clean_dir=clean, workers=1)
    conn = sqlite3.connect(db)
    original = conn.execute(
        "SELECT s.article_id FROM article_sources s JOIN raw_documents r ON r.id = s.raw_document_id WHERE r.path = ?",
        (str(page.resolve()),),  # paths are stored resolved (docs/schema.md)
    ).fetchone()[0]
    status, duplicate_of = conn.execute(
        "SELECT r.status, a.duplicate_of FROM raw_documents r JOIN article_sources s ON s.raw_document_id = r.id "
        "JOIN articles a ON a.id = s.article_id WHERE r.path = ?",
        (str(copy.resolve()),),
    ).fetchone()
    canonical = conn.execute("SELECT count(*) FROM unique_articles").fetchone()[0]
    conn.close()
    assert status in ("loaded", "duplicate")
    assert duplicate_of == original or (status == "duplicate" and duplicate_of is None)
    assert canonical == len(seeds)
