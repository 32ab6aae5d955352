"""Articles in JSON that is not a WordPress post: schema.org JSON-LD exports and news APIs' responses.

Before, every such file was rejected as "JSON of an unknown shape".
"""

from __future__ import annotations

import json

import pytest

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import prepare_file
from axis_ingest.sniff import sniff
from stories import CYCLE_LANES, PORT_STRIKE

PORT, CYCLING = PORT_STRIKE, CYCLE_LANES
JSON_LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Port strike ends after wage deal",
    "articleBody": "\n\n".join(PORT),
    "datePublished": "2021-03-04T08:15:00+00:00",
    "author": [{"@type": "Person", "name": "Maria Jensen"}],
    "publisher": {"@type": "Organization", "name": "Harbour Times"},
    "url": "https://www.harbourtimes.example/news/port-strike-ends",
}
GUARDIAN = {
    "response": {
        "status": "ok",
        "results": [
            {
                "id": "uk-news/2021/mar/09/cycle-lanes",
                "type": "article",
                "webPublicationDate": "2021-03-09T17:45:00Z",
                "webTitle": "Council approves cycle lane network",
                "webUrl": "https://www.theguardian.example/uk-news/2021/mar/09/cycle-lanes",
                "fields": {"body": "".join(f"<p>{p}</p>" for p in CYCLING), "byline": "Tom Hale and Ines Roth"},
            }
        ],
    }
}


def _documents(value: object, name: str = "export.json") -> list:
    result = prepare_file(name, json.dumps(value).encode(), Settings(), MinHashParams())
    assert result.reason is None, result.reason
    assert result.source_format == "json_articles"
    return [prepared.doc for prepared in result.documents]


def test_a_schema_org_news_article_saved_as_json_is_read() -> None:
    [doc] = _documents(JSON_LD)
    assert doc.title == "Port strike ends after wage deal"
    assert doc.paragraphs == PORT
    assert doc.published == "2021-03-04T08:15:00+00:00"
    assert [author.name for author in doc.authors] == ["Maria Jensen"]
    assert doc.publisher == "Harbour Times"
    assert doc.url == "https://www.harbourtimes.example/news/port-strike-ends"


def test_an_exports_unix_time_is_its_date_as_in_a_pages_json_ld() -> None:
    [doc] = _documents(dict(JSON_LD, datePublished=1614845700))
    assert doc.published == "2021-03-04T08:15:00+00:00"


def test_a_news_apis_results_with_html_bodies_are_each_an_article() -> None:
    second = dict(GUARDIAN["response"]["results"][0], webTitle="Cycle lanes: what changes", id="x2")
    second["fields"] = {"body": "<p>" + "</p><p>".join(reversed(CYCLING)) + "</p>", "byline": "Ines Roth"}
    response = {"response": {"results": [GUARDIAN["response"]["results"][0], second]}}
    docs = _documents(response)
    assert [doc.title for doc in docs] == ["Council approves cycle lane network", "Cycle lanes: what changes"]
    assert docs[0].paragraphs == CYCLING  # the HTML body's paragraphs, without their tags
    assert [author.name for author in docs[0].authors] == ["Tom Hale", "Ines Roth"]
    assert docs[0].published == "2021-03-09T17:45:00+00:00"


def test_search_results_holding_only_snippets_are_rejected_with_what_to_do() -> None:
    """NewsAPI cuts `content` to 200 characters: "… [+1843 chars]" is a snippet, not the article."""
    newsapi = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": None, "name": "Harbour Times"},
                "author": "Maria Jensen",
                "title": "Port strike ends",
                "url": "https://www.harbourtimes.example/news/port-strike-ends",
                "publishedAt": "2021-03-04T08:15:00Z",
                "content": PORT[0][:190] + "… [+1843 chars]",
            }
        ],
    }
    result = prepare_file("newsapi.json", json.dumps(newsapi).encode(), Settings(), MinHashParams())
    assert result.reason is not None and "snippets cut short" in result.reason


@pytest.mark.parametrize(
    "value",
    [
        {"name": "Harbour Times", "url": "https://www.harbourtimes.example"},
        {"headline": "Port strike", "articleBody": 12},
    ],
    ids=["an-organisation", "no-body-text"],
)
def test_json_without_an_article_object_is_still_an_unknown_shape(value: object) -> None:
    result = prepare_file("other.json", json.dumps(value).encode(), Settings(), MinHashParams())
    assert result.reason is not None and "unknown shape" in result.reason


def test_a_wordpress_post_is_still_read_as_one() -> None:
    post = {"id": 7, "title": {"rendered": "Port strike ends"}, "content": {"rendered": "<p>" + PORT[0] + "</p>"}}
    assert sniff(json.dumps(post)).source_format == "wordpress_json"


NEWS_PLEASE = [
    {
        "title": "Port strike ends after wage deal",
        "maintext": "\n\n".join(PORT),
        "date_publish": "2021-03-04 08:15:00",
        "date_modify": None,
        "authors": ["Maria Jensen"],
        "source_domain": "www.harbourtimes.example",
        "url": "https://www.harbourtimes.example/news/port-strike-ends",
        "language": "en",
    },
    {
        "title": "Council approves cycle lane network",
        "maintext": "\n\n".join(CYCLING),
        "date_publish": "2021-03-09 17:45:00",
        "authors": ["Tom Hale", "Ines Roth"],
        "source_domain": "www.theguardian.example",
        "url": "https://www.theguardian.example/uk-news/2021/mar/09/cycle-lanes",
        "language": "en",
    },
]


def test_json_lines_of_article_objects_are_each_an_article() -> None:
    """A crawler's dump as JSON Lines (news-please's, Scrapy's `-o items.jsonl`), one object a line, was rejected
    as "invalid JSON (line 2, column 1: Extra data); the file may be truncated"."""
    data = "".join(json.dumps(item) + "\n" for item in NEWS_PLEASE).encode()
    result = prepare_file("crawl.jsonl", data, Settings(), MinHashParams())
    assert result.reason is None and result.source_format == "json_articles"
    docs = [prepared.doc for prepared in result.documents]
    assert [doc.title for doc in docs] == ["Port strike ends after wage deal", "Council approves cycle lane network"]
    assert docs[0].paragraphs == PORT and docs[1].paragraphs == CYCLING
    assert docs[0].published == "2021-03-04T08:15:00"
    assert [author.name for author in docs[1].authors] == ["Tom Hale", "Ines Roth"]


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(NEWS_PLEASE[0]) + "\n" + json.dumps(NEWS_PLEASE[1])[:80],  # the dump cut short mid-object
        json.dumps(NEWS_PLEASE[0]) + "\n[1, 2]\n",  # a line that is no object
        json.dumps(NEWS_PLEASE[0]) + "\n" + '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n",  # one nested too deeply
    ],
)
def test_json_lines_with_a_line_that_is_no_object_are_still_invalid_json(text: str) -> None:
    """Left alone: a dump cut short, or lines of anything but objects, are rejected with the JSON parser's reason."""
    result = prepare_file("crawl.jsonl", text.encode(), Settings(), MinHashParams())
    assert result.reason is not None and result.reason.startswith("invalid JSON")


def test_trafilatura_json_output_is_read_with_its_address_as_the_url() -> None:
    """trafilatura's `--json` output names the page's address "source": it was stored as the publisher."""
    exported = {
        "title": "Council approves cycle lane network",
        "author": "Tom Hale",
        "hostname": "theguardian.example",
        "date": "2021-03-09",
        "sitename": "The Guardian",
        "source": "https://www.theguardian.example/uk-news/2021/mar/09/cycle-lanes",
        "source-hostname": "The Guardian",
        "text": "\n".join(CYCLING),
    }
    [doc] = _documents(exported)
    assert doc.url == "https://www.theguardian.example/uk-news/2021/mar/09/cycle-lanes"
    assert doc.publisher == "The Guardian" and doc.published == "2021-03-09"
    assert [author.name for author in doc.authors] == ["Tom Hale"]


def test_readabilitys_article_object_is_an_article_not_a_wordpress_post() -> None:
    """Mozilla Readability's object (title, content as HTML, byline, publishedTime, siteName) was taken for a
    flattened WordPress post: its byline, date and site were not read."""
    readability = {
        "title": "Port strike ends after wage deal",
        "byline": "By Maria Jensen",
        "content": "<div id='readability-page-1' class='page'>" + "".join(f"<p>{p}</p>" for p in PORT) + "</div>",
        "textContent": " ".join(PORT),
        "length": 900,
        "excerpt": PORT[0][:80],
        "siteName": "Harbour Times",
        "publishedTime": "2021-03-04T08:15:00+00:00",
        "lang": "en",
    }
    assert sniff(json.dumps(readability)).source_format == "json_articles"
    [doc] = _documents(readability)
    assert doc.paragraphs == PORT and doc.published == "2021-03-04T08:15:00+00:00"
    assert [author.name for author in doc.authors] == ["Maria Jensen"] and doc.publisher == "Harbour Times"


def test_a_flattened_wordpress_export_is_still_a_wordpress_post() -> None:
    """Left alone: an export that flattened a post's rendered fields to strings keeps its slug and link."""
    post = {"id": 7, "slug": "port-strike-ends", "link": "https://harbourtimes.example/port-strike-ends/",
            "title": "Port strike ends after wage deal", "content": "".join(f"<p>{p}</p>" for p in PORT)}  # fmt: skip
    assert sniff(json.dumps(post)).source_format == "wordpress_json"
