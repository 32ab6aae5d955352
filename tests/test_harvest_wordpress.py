"""Harvesting a WordPress site through its REST API, against a stand-in server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from axis_ingest.cli import main
from harvest_servers import WordPressStandIn

# Fast but real pacing: tests wait milliseconds where a site gets seconds.
FAST_HARVEST = """
[harvest]
user_agent = "axis-ingest-test/1.0 (tests)"
min_interval_seconds = 0.005
backoff_seconds = 0.01
retries = 3
timeout_seconds = 5.0
max_retry_after_seconds = 5.0
"""


def write_config(root: Path, extra: str = "") -> str:
    path = root / "axis-ingest.toml"
    path.write_text(FAST_HARVEST + extra, encoding="utf-8")
    return str(path)


def checksums(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


def harvest(root: Path, url: str, *extra: str) -> int:
    return main(
        [
            "harvest",
            "wordpress",
            url,
            "--raw",
            str(root / "raw"),
            "--db",
            str(root / "db.sqlite"),
            "--config",
            str(root / "axis-ingest.toml"),
            *extra,
        ]
    )


def ingest(root: Path) -> int:
    return main(
        [
            "ingest",
            str(root / "raw"),
            "--db",
            str(root / "db.sqlite"),
            "--clean-dir",
            str(root / "clean"),
            "--config",
            str(root / "axis-ingest.toml"),
            "--workers",
            "1",
        ]
    )


def query_of(target: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(target).query, keep_blank_values=True).items()}


def test_harvest_edits_and_new_posts_by_cursor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_config(tmp_path)
    site = WordPressStandIn(230)
    with site.running():
        assert harvest(tmp_path, site.base) == 0
        assert ": 230 of 230 fetched, 3 raw files saved" in capsys.readouterr().out  # X-WP-Total read
        pages = [target for _, target, _ in site.requests]
        assert len(pages) == 3  # 230 posts at 100 per page: stops at X-WP-TotalPages
        assert all(
            target.startswith("/wp-json/wp/v2/posts?_embed&per_page=100&orderby=modified&order=asc") for target in pages
        )
        assert all(headers["User-Agent"] == "axis-ingest-test/1.0 (tests)" for _, _, headers in site.requests)
        assert "modified_after" not in pages[0]  # the first harvest asks for everything
        files = sorted((tmp_path / "raw").rglob("*.json"))
        assert len(files) == 3
        assert all(f.parent.name == f"127.0.0.1_{site.server.server_address[1]}" for f in files)
        # The files are the response bodies as served, byte for byte: a list of posts with _embedded.
        posts = [post for f in files for post in json.loads(f.read_bytes())]
        assert len(posts) == 230 and all("_embedded" in p for p in posts)
        assert ingest(tmp_path) == 0
        with sqlite3.connect(tmp_path / "db.sqlite") as db:
            assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 230
            assert db.execute("SELECT count(*) FROM unique_articles").fetchone()[0] == 230
            links = {p["link"] for p in posts}
            assert {row[0] for row in db.execute("SELECT url FROM articles")} == links
        before = checksums(tmp_path / "raw")

        edited = [site.edit_post(post_id) for post_id in (100, 130, 400)]
        added = [site.add_post(), site.add_post()]
        site.requests.clear()
        assert harvest(tmp_path, site.base) == 0
        assert len(site.requests) == 1  # only what changed, in one page
        query = query_of(site.requests[0][1])
        # The cursor goes with an explicit UTC offset, the "+" percent-encoded (a raw "+" would be a space).
        assert "modified_after=2025-" in site.requests[0][1] and "%2B00:00" in site.requests[0][1]
        assert query["modified_after"].endswith("+00:00")
        new_files = sorted(set(checksums(tmp_path / "raw")) - set(before))
        assert len(new_files) == 1
        second = json.loads((tmp_path / "raw" / new_files[0]).read_bytes())
        assert sorted(p["id"] for p in second) == sorted(p.id for p in [*edited, *added])
        assert ingest(tmp_path) == 0

        with sqlite3.connect(tmp_path / "db.sqlite") as db:
            assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 235
            # Edits are near-copies of their first version: one row per story in unique_articles.
            assert db.execute("SELECT count(*) FROM unique_articles").fetchone()[0] == 232
            edits = db.execute(
                "SELECT v.story_key, v.version, new.body, old.body, new.url = old.url "
                "FROM article_versions v JOIN articles new ON new.id = v.article_id "
                "JOIN articles old ON old.id = v.previous_id ORDER BY v.story_key"
            ).fetchall()
            assert [(key.rsplit(":", 1)[1], version) for key, version, *_ in edits] == [
                ("100", 2),
                ("130", 2),
                ("400", 2),
            ]
            for _key, _version, new_body, old_body, same_url in edits:
                assert new_body.startswith(old_body) and "Update:" in new_body and same_url
            new_urls = {p.to_json(site.base)["link"] for p in added}
            rows = db.execute(
                "SELECT url FROM unique_articles a JOIN article_versions v ON v.article_id = a.id "
                "WHERE v.version = 1 AND a.ingested_utc = (SELECT max(ingested_utc) FROM articles)"
            )
            assert new_urls <= {row[0] for row in rows}

        # Nothing changed since: one request, an empty page, no file.
        site.requests.clear()
        assert harvest(tmp_path, site.base) == 0
        assert len(site.requests) == 1
        after = checksums(tmp_path / "raw")
        assert {k: after[k] for k in before} == before  # raw files already written never change
        assert len(after) == len(before) + 1


def test_errors_and_429s_are_retried_politely(tmp_path: Path) -> None:
    write_config(tmp_path)
    site = WordPressStandIn(230, seed=3)
    site.script("/wp-json/wp/v2/posts", 503, times=2, query="page=1")
    site.script("/wp-json/wp/v2/posts", 429, {"Retry-After": "1"}, query="page=2")
    site.script("/wp-json/wp/v2/posts", 500, query="page=3")
    with site.running():
        assert harvest(tmp_path, site.base) == 0
    targets = [query_of(t)["page"] for _, t, _ in site.requests]
    assert targets == ["1", "1", "1", "2", "2", "3", "3"]
    times = [t for t, _, _ in site.requests]
    assert times[4] - times[3] >= 0.95  # Retry-After: 1 was honoured
    posts = [p for f in (tmp_path / "raw").rglob("*.json") for p in json.loads(f.read_bytes())]
    assert len({p["id"] for p in posts}) == 230  # nothing lost
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        assert db.execute("SELECT count(*) FROM harvest_fetches WHERE status = 'failed'").fetchone()[0] == 0
        assert db.execute("SELECT max(attempts) FROM harvest_fetches").fetchone()[0] == 3


def test_a_page_that_keeps_failing_is_recorded_and_the_next_harvest_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(tmp_path)
    site = WordPressStandIn(230, seed=5)
    site.script("/wp-json/wp/v2/posts", 502, times=4, query="page=2")
    with site.running():
        assert harvest(tmp_path, site.base) == 0  # a failed URL does not fail the harvest
        assert "failed:" in capsys.readouterr().out
        with sqlite3.connect(tmp_path / "db.sqlite") as db:
            url, status, reason, attempts = db.execute(
                "SELECT url, http_status, reason, attempts FROM harvest_fetches WHERE status = 'failed'"
            ).fetchone()
            assert "page=2" in url and status == 502 and "HTTP 502" in reason and attempts == 4
        assert len(list((tmp_path / "raw").rglob("*.json"))) == 1
        assert harvest(tmp_path, site.base) == 0
    posts = [p for f in (tmp_path / "raw").rglob("*.json") for p in json.loads(f.read_bytes())]
    assert len({p["id"] for p in posts}) == 230  # the second harvest picked up where the first stopped


def test_old_wordpress_without_modified_after_falls_back_to_after(tmp_path: Path) -> None:
    write_config(tmp_path)
    site = WordPressStandIn(30, seed=9, legacy=True)
    with site.running():
        assert harvest(tmp_path, site.base) == 0
        site.add_post()
        site.requests.clear()
        assert harvest(tmp_path, site.base) == 0
        # The cursor was sent as modified_after, ignored (old posts came back), then as after.
        params = [query_of(t) for _, t, _ in site.requests]
        assert "modified_after" in params[0] and "after" in params[1] and params[1]["orderby"] == "date"
        site.add_post()
        site.requests.clear()
        assert harvest(tmp_path, site.base) == 0
        assert len(site.requests) == 1 and "after" in query_of(site.requests[0][1])
    files = sorted((tmp_path / "raw").rglob("*.json"), key=lambda f: f.stat().st_mtime_ns)
    assert [len(json.loads(f.read_bytes())) for f in files] == [30, 1, 1]


def test_page_cap_stops_and_the_next_harvest_finishes(tmp_path: Path) -> None:
    write_config(tmp_path, "max_pages_per_run = 2\n")
    site = WordPressStandIn(230, seed=13)
    with site.running():
        assert harvest(tmp_path, site.base) == 0
        assert len(site.requests) == 2
        assert harvest(tmp_path, site.base) == 0
    posts = [p for f in (tmp_path / "raw").rglob("*.json") for p in json.loads(f.read_bytes())]
    assert len({p["id"] for p in posts}) == 230
    # Posts share timestamps in pairs: the cursor stepped back a second so none of a pair was lost.
    assert unquote(site.requests[-1][1]).count("modified_after=") == 1


def test_a_source_is_never_asked_outside_its_host(tmp_path: Path) -> None:
    write_config(tmp_path)
    site = WordPressStandIn(3, seed=1)
    with site.running():
        # A redirect to another host is refused, not followed.
        site.script("/wp-json/wp/v2/posts", 302, {"Location": "http://localhost:9/elsewhere"})
        start = time.monotonic()
        assert harvest(tmp_path, site.base) == 0
        assert time.monotonic() - start < 5
        # A malformed Location is a protocol error: retried, then recorded (httpx refuses to read it).
        site.script("/wp-json/wp/v2/posts", 302, {"Location": "http://[::1/elsewhere"}, times=4)
        assert harvest(tmp_path, site.base) == 0
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        reasons = [r for (r,) in db.execute("SELECT reason FROM harvest_fetches WHERE status = 'failed' ORDER BY id")]
    assert "not one of the configured sources" in reasons[0] and "location" in reasons[1].lower()


def test_paging_goes_on_when_a_proxy_strips_the_paging_headers(tmp_path: Path) -> None:
    write_config(tmp_path)
    site = WordPressStandIn(200, seed=17, paging_headers=False)
    with site.running():
        assert harvest(tmp_path, site.base) == 0
    # Two full pages, then past the last one: WordPress's rest_post_invalid_page_number ends it.
    assert [query_of(t)["page"] for _, t, _ in site.requests] == ["1", "2", "3"]
    posts = [p for f in (tmp_path / "raw").rglob("*.json") for p in json.loads(f.read_bytes())]
    assert len({p["id"] for p in posts}) == 200
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        assert db.execute("SELECT count(*) FROM harvest_fetches WHERE status = 'failed'").fetchone()[0] == 0


def test_harvest_state_and_versions_on_both_databases(tmp_path: Path, db_url: str) -> None:
    """The harvest tables and article_versions work the same on SQLite and PostgreSQL."""
    from sqlalchemy import create_engine, text

    write_config(tmp_path)
    site = WordPressStandIn(30, seed=23)
    common = ["--raw", str(tmp_path / "raw"), "--db", db_url, "--config", str(tmp_path / "axis-ingest.toml")]
    with site.running():
        assert main(["harvest", "wordpress", site.base, *common, "--ingest", "--clean-dir", str(tmp_path / "c")]) == 0
        site.edit_post(100)
        site.add_post()
        assert main(["harvest", "wordpress", site.base, *common, "--ingest", "--clean-dir", str(tmp_path / "c")]) == 0
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM unique_articles")).scalar() == 31
            versions = conn.execute(
                text("SELECT story_key, version, previous_id IS NOT NULL FROM article_versions WHERE version > 1")
            ).all()
            assert [(key.rsplit(":", 1)[1], version, linked) for key, version, linked in versions] == [("100", 2, True)]
            cursor = conn.execute(text("SELECT cursor, cursor_param FROM harvest_sources")).one()
            assert cursor == (site.posts[max(site.posts)].modified_gmt.strftime("%Y-%m-%dT%H:%M:%S"), "modified_after")
            saved = conn.execute(text("SELECT count(*) FROM harvest_fetches WHERE status = 'saved'")).scalar()
            assert saved == 2
    finally:
        engine.dispose()


def test_a_retry_after_longer_than_allowed_leaves_the_page_for_the_next_harvest(tmp_path: Path) -> None:
    write_config(tmp_path)
    site = WordPressStandIn(5, seed=29)
    site.script("/wp-json/wp/v2/posts", 503, {"Retry-After": "3600"})
    with site.running():
        started = time.monotonic()
        assert harvest(tmp_path, site.base) == 0
        assert time.monotonic() - started < 5 and len(site.requests) == 1  # no hour-long wait, no hammering
        with sqlite3.connect(tmp_path / "db.sqlite") as db:
            status, reason = db.execute("SELECT http_status, reason FROM harvest_fetches").fetchone()
            assert status == 503 and "Retry-After" in reason and "next run" in reason
            assert db.execute("SELECT cursor FROM harvest_sources").fetchone()[0] is None
        assert harvest(tmp_path, site.base) == 0
    posts = [p for f in (tmp_path / "raw").rglob("*.json") for p in json.loads(f.read_bytes())]
    assert len(posts) == 5
