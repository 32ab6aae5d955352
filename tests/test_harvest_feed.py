"""Harvesting RSS 2.0 and Atom feeds and the pages they link to, against a stand-in site on 127.0.0.1."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from axis_ingest.cli import main
from axis_ingest.harvest.feed import stated_time
from axis_ingest.harvest.http import retry_after_seconds
from harvest_servers import FeedStandIn
from test_harvest_wordpress import FAST_HARVEST, checksums


def configure(root: Path, site: FeedStandIn) -> None:
    (root / "axis-ingest.toml").write_text(
        FAST_HARVEST
        + f"""
[[sources]]
kind = "feed"
url = "{site.base}/rss.xml"
timezone = "Europe/Lisbon"

[[sources]]
kind = "feed"
url = "{site.base}/atom.xml"
every = "1h"
""",
        encoding="utf-8",
    )


def run(root: Path, *args: str) -> int:
    common = ["--raw", str(root / "raw"), "--db", str(root / "db.sqlite"), "--config", str(root / "axis-ingest.toml")]
    return main([*args, *common])


def page_requests(site: FeedStandIn) -> list[str]:
    return [target for _, target, _ in site.requests if target.startswith("/news/")]


def test_rss_and_atom_feeds_land_their_pages_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = FeedStandIn()
    published = datetime(2025, 6, 2, 18, 30, tzinfo=UTC)
    rss_items = [site.article("rss", published + timedelta(hours=n), "Inês Carvalho") for n in range(3)]
    atom_items = [site.article("atom", published + timedelta(hours=n), "Tomás Ribeiro") for n in range(2)]
    with site.running():
        configure(tmp_path, site)
        gone = site.article("rss", published + timedelta(hours=9), "Inês Carvalho")
        gone.slug = "rss-gone-404"
        site.gone.add(gone.slug)  # the feed lists it, the site answers 404
        assert run(tmp_path, "harvest", "--ingest", "--clean-dir", str(tmp_path / "clean")) == 0
        out = capsys.readouterr().out
        assert "rss-gone-404" in out and "HTTP 404" in out
        assert sorted(page_requests(site)) == sorted(f"/news/{i.slug}/" for i in [*rss_items, *atom_items, gone])
        pages = sorted((tmp_path / "raw").rglob("*.html"))
        assert len(pages) == 5
        served = {site.page(i) for i in [*rss_items, *atom_items]}
        assert {p.read_bytes() for p in pages} == served  # the bytes as served
        with sqlite3.connect(tmp_path / "db.sqlite") as db:
            rows = db.execute("SELECT url, status, http_status, title, published, author FROM feed_items").fetchall()
            by_url = {row[0]: row[1:] for row in rows}
            first = by_url[f"{site.base}/news/{rss_items[0].slug}/"]
            assert first == ("saved", 200, rss_items[0].title, "2025-06-02T18:30:00+00:00", "Inês Carvalho")
            assert by_url[f"{site.base}/news/{atom_items[1].slug}/"][3] == "2025-06-02T19:30:00+00:00"
            assert by_url[f"{site.base}/news/rss-gone-404/"][:2] == ("failed", 404)
            assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
            titles = {row[0] for row in db.execute("SELECT title FROM articles")}
            assert titles == {i.title for i in [*rss_items, *atom_items]}
            # The pages state no date and no byline: the feed item's are the evidence.
            stated = db.execute(
                "SELECT a.url, a.published, a.published_utc, group_concat(au.name) FROM articles a "
                "JOIN article_authors aa ON aa.article_id = a.id JOIN authors au ON au.id = aa.author_id "
                "GROUP BY a.id ORDER BY a.url"
            ).fetchall()
            assert (
                f"{site.base}/news/{rss_items[0].slug}/",
                "2025-06-02T18:30:00+00:00",
                "2025-06-02T18:30:00Z",
                "Inês Carvalho",
            ) in stated
            assert len(stated) == 5 and {row[3] for row in stated} == {"Inês Carvalho", "Tomás Ribeiro"}
        before = checksums(tmp_path / "raw")

        # Unchanged feeds: conditional GETs answered 304, no page fetched again.
        site.requests.clear()
        assert run(tmp_path, "harvest", "--force") == 0
        assert "not modified (304)" in capsys.readouterr().out
        feeds = [(target, headers) for _, target, headers in site.requests]
        assert [target for target, _ in feeds] == ["/rss.xml", "/atom.xml"]
        assert all(headers.get("If-None-Match") and headers.get("If-Modified-Since") for _, headers in feeds)

        # A new RSS item: the feed changed, only the new link is fetched.
        newer = site.article("rss", published + timedelta(days=1), "Inês Carvalho")
        site.requests.clear()
        assert run(tmp_path, "harvest", "--force") == 0
        assert sorted(page_requests(site)) == sorted([f"/news/{newer.slug}/", "/news/rss-gone-404/"])  # 404: again
        # Without --force the Atom feed (every = "1h") is not due yet; the RSS feed has no `every`.
        site.requests.clear()
        assert run(tmp_path, "harvest") == 0
        assert [target for _, target, _ in site.requests] == ["/rss.xml"]
    after = checksums(tmp_path / "raw")
    assert {k: after[k] for k in before} == before
    assert len(after) == len(before) + 1


def test_a_link_outside_the_sources_is_not_fetched(tmp_path: Path) -> None:
    site = FeedStandIn(seed=2)
    item = site.article("rss", datetime(2025, 6, 1, tzinfo=UTC), "A. Writer")
    with site.running():
        port = site.server.server_address[1]
        item.slug = "elsewhere"
        (tmp_path / "axis-ingest.toml").write_text(FAST_HARVEST, encoding="utf-8")
        original = site.rss_xml
        site.rss_xml = lambda: original().replace(  # type: ignore[method-assign]
            f"http://127.0.0.1:{port}/news/elsewhere/".encode(), f"http://localhost:{port}/news/elsewhere/".encode()
        )
        assert run(tmp_path, "harvest", "feed", f"{site.base}/rss.xml") == 0
        assert page_requests(site) == []
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        status, reason = db.execute("SELECT status, reason FROM feed_items").fetchone()
    assert status == "failed" and "localhost is not one of the configured sources" in reason


def test_not_a_feed_is_recorded_as_failed(tmp_path: Path) -> None:
    site = FeedStandIn(seed=4)
    with site.running():
        (tmp_path / "axis-ingest.toml").write_text(FAST_HARVEST, encoding="utf-8")
        assert run(tmp_path, "harvest", "feed", f"{site.base}/news/nothing-here/") == 0
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        assert db.execute("SELECT status, http_status FROM harvest_fetches").fetchall() == [("failed", 404)]


@pytest.mark.parametrize(
    ("stated", "iso"),
    [
        ("Tue, 03 Jun 2025 09:39:21 +0300", "2025-06-03T09:39:21+03:00"),
        ("2025-06-03T09:39:21Z", "2025-06-03T09:39:21+00:00"),
        ("2025-06-03T09:39:21-04:00", "2025-06-03T09:39:21-04:00"),
        ("3 June 2025", "3 June 2025"),  # kept as written for the date parser
        ("", None),
    ],
)
def test_feed_dates_keep_their_offset(stated: str, iso: str | None) -> None:
    assert stated_time(stated) == iso


def test_retry_after_reads_seconds_and_dates() -> None:
    now = datetime(2025, 6, 3, 9, 0, tzinfo=UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Tue, 03 Jun 2025 09:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None


def test_raw_files_are_never_overwritten(tmp_path: Path) -> None:
    from axis_ingest.harvest.rawfiles import save_raw

    first = save_raw(tmp_path, "page-x", "html", b"<html>one</html>")
    again = save_raw(tmp_path, "page-x", "html", b"<html>one</html>")
    other = save_raw(tmp_path, "page-x", "html", b"<html>two</html>")
    assert first.created and other.path != first.path
    assert again.path == first.path or again.created
    assert Path(first.path).read_bytes() == b"<html>one</html>"
    assert hashlib.sha256(Path(other.path).read_bytes()).hexdigest() == other.sha256
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_an_item_without_a_usable_link_is_recorded_and_the_others_are_fetched(tmp_path: Path) -> None:
    site = FeedStandIn(seed=6)
    good = site.article("rss", datetime(2025, 6, 1, tzinfo=UTC), "A. Writer")
    bad = site.article("rss", datetime(2025, 6, 2, tzinfo=UTC), "A. Writer")
    with site.running():
        (tmp_path / "axis-ingest.toml").write_text(FAST_HARVEST, encoding="utf-8")
        original = site.rss_xml
        broken = f"{site.base}/news/{bad.slug}/".encode()
        site.rss_xml = lambda: original().replace(broken, b"http://[::1/news/broken/")  # type: ignore[method-assign]
        assert run(tmp_path, "harvest", "feed", f"{site.base}/rss.xml") == 0
        assert page_requests(site) == [f"/news/{good.slug}/"]
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        assert db.execute("SELECT status FROM feed_items").fetchall() == [("saved",)]
        reason = db.execute("SELECT reason FROM harvest_fetches WHERE status = 'failed'").fetchone()[0]
    assert f"feed item 2 ({bad.title!r}) has no usable link" == reason


def test_a_feed_item_linking_to_a_pdf_is_saved_and_read_as_one(tmp_path: Path) -> None:
    """An agency's feed links a press release's PDF: it was saved as "page-...html"; it is saved as .pdf and
    read as the PDF it is, with the feed item's date and author as evidence."""
    from pdfs import report_pdf

    site = FeedStandIn()
    release = site.article("rss", datetime(2025, 6, 2, 18, 30, tzinfo=UTC), "Inês Carvalho")
    site.documents[release.slug] = report_pdf(release.title, release.paragraphs)
    page = site.article("rss", datetime(2025, 6, 3, 9, 0, tzinfo=UTC), "Tomás Ribeiro")
    with site.running():
        configure(tmp_path, site)
        assert run(tmp_path, "harvest", "--ingest", "--clean-dir", str(tmp_path / "clean")) == 0
    saved = sorted(path.suffix for path in (tmp_path / "raw").rglob("*-page-*"))
    assert saved == [".html", ".pdf"]
    with sqlite3.connect(tmp_path / "db.sqlite") as db:
        rows = db.execute(
            "SELECT a.source_format, a.title, a.published, au.name FROM articles a "
            "JOIN article_authors aa ON aa.article_id = a.id JOIN authors au ON au.id = aa.author_id ORDER BY a.title"
        ).fetchall()
    assert sorted(rows) == sorted(
        [
            ("pdf", release.title, "2025-06-02T18:30:00+00:00", "Inês Carvalho"),
            ("html", page.title, "2025-06-03T09:00:00+00:00", "Tomás Ribeiro"),
        ]
    )
