"""Harvest settings from the settings file, and the feed item's statements as evidence for its page."""

from __future__ import annotations

from pathlib import Path

import pytest

from axis_ingest.cli import main
from axis_ingest.config import load_settings
from axis_ingest.document import Document
from axis_ingest.fetched import FetchedEvidence, apply_fetched_evidence
from axis_ingest.harvest.sources import SourceError, harvest_settings, parse_duration, site_folder


def test_sources_and_http_settings_are_read_from_the_settings_file(tmp_path: Path) -> None:
    path = tmp_path / "axis-ingest.toml"
    path.write_text(
        """
[harvest]
user_agent = "study-bot/2 (me@example.org)"
min_interval_seconds = 3

[[sources]]
kind = "wordpress"
url = "https://www.lakeside-courier.example"
timezone = "America/Chicago"
every = "6h"

[[sources]]
kind = "feed"
url = "https://news.example.org/feed/"
""",
        encoding="utf-8",
    )
    settings = load_settings(path)
    harvest = harvest_settings(settings)
    assert harvest.http.user_agent == "study-bot/2 (me@example.org)"
    assert harvest.http.min_interval_seconds == 3 and harvest.http.retries == 4  # the rest from defaults
    assert [(s.kind, s.every_seconds) for s in harvest.sources] == [("wordpress", 21600.0), ("feed", None)]
    assert harvest.allowed_hosts() == {"www.lakeside-courier.example", "news.example.org"}
    # A source's time zone is its site's, for times printed without an offset.
    assert settings.timezone_for("lakeside-courier.example") == "America/Chicago"


@pytest.mark.parametrize(
    "entry",
    [
        'kind = "blog"\nurl = "https://a.example"',
        'kind = "feed"\nurl = "ftp://a.example/feed"',
        'kind = "feed"',
        'kind = "wordpress"\nurl = "https://a.example:99999/"',
    ],
)
def test_an_unusable_source_is_bad_usage(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "axis-ingest.toml"
    path.write_text(f"[[sources]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(SourceError):
        harvest_settings(load_settings(path))


def test_durations_and_site_folders() -> None:
    assert parse_duration("90s") == 90 and parse_duration("30m") == 1800 and parse_duration(7200) == 7200
    with pytest.raises(SourceError):
        parse_duration("weekly")
    assert site_folder("https://News.Example.org/feed/") == "news.example.org"
    assert site_folder("http://127.0.0.1:8080/") == "127.0.0.1_8080"


def test_the_feed_item_fills_what_the_page_does_not_state() -> None:
    doc = Document(source_format="html", paragraphs=["The council voted on Tuesday."])
    doc.title, doc.title_derived = "The council voted on Tuesday.", True  # made from the text
    item = FetchedEvidence(
        url="https://coast.example/news/vote/",
        title="Council approves harbour budget",
        published="2025-06-03T09:39:21+03:00",
        author="Inês Carvalho",
    )
    apply_fetched_evidence(doc, item)
    assert (doc.title, doc.title_derived, doc.url) == ("Council approves harbour budget", False, item.url)
    assert doc.evidence.published == ["2025-06-03T09:39:21+03:00"]
    assert doc.evidence.author_names == ["Inês Carvalho"]


def test_the_page_own_statements_stay_first() -> None:
    doc = Document(source_format="html", title="Harbour budget approved", url="https://coast.example/a/")
    doc.evidence.published.append("2025-06-03T08:00:00+03:00")
    doc.evidence.author_names.append("Ines Carvalho")
    apply_fetched_evidence(doc, FetchedEvidence("https://coast.example/b/", "Other title", "2025-06-04", "Someone"))
    assert (doc.title, doc.url) == ("Harbour budget approved", "https://coast.example/a/")
    assert doc.evidence.published == ["2025-06-03T08:00:00+03:00", "2025-06-04"]
    assert doc.evidence.author_names == ["Ines Carvalho"]


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ('retries = "four"', "retries"),
        ("min_interval_seconds = -1", "min_interval_seconds"),
        ('allowed_hosts = "cdn.example.org"', "allowed_hosts"),
        ("user_agent = 7", "user_agent"),
    ],
)
def test_a_harvest_value_of_the_wrong_type_is_bad_usage_naming_its_key(
    tmp_path: Path, line: str, named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "axis-ingest.toml"
    path.write_text(
        f'[harvest]\n{line}\n\n[[sources]]\nkind = "feed"\nurl = "https://a.example/feed"\n', encoding="utf-8"
    )
    assert (
        main(["harvest", "--config", str(path), "--raw", str(tmp_path / "raw"), "--db", str(tmp_path / "h.sqlite")])
        == 2
    )
    assert f"[harvest] {named} = " in capsys.readouterr().err
    assert not (tmp_path / "raw").exists()


def test_harvest_values_of_the_right_type_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "axis-ingest.toml"
    path.write_text(
        '[harvest]\nretries = 2\nmin_interval_seconds = 0.5\nallowed_hosts = ["cdn.example.org"]\n', encoding="utf-8"
    )
    http = harvest_settings(load_settings(path)).http
    assert (http.retries, http.min_interval_seconds, http.allowed_hosts) == (2, 0.5, ("cdn.example.org",))
