"""`html_meta.trafilatura_metadata` is trafilatura's `extract_metadata` without the licence search.

Every field other than the licence must be what trafilatura gives, on real pages and on pages that take
each fallback (author from the page's elements, categories and tags from links, the site name from the
title or the URL): a trafilatura upgrade that changes `extract_metadata` fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura import extract_metadata
from trafilatura.utils import load_html

from axis_ingest.readers.html_meta import trafilatura_metadata

FIXTURES = Path(__file__).parent / "fixtures" / "html"

FALLBACK_PAGES = {
    "author element, category and tag links, site name from the URL": """<html><head>
<title>Harbour wall repairs approved | Harbourside Gazette</title>
<link rel="canonical" href="/news/2026/03/harbour-wall.html">
<meta property="og:url" content="https://gazette.example.org/news/2026/03/harbour-wall.html">
</head><body><div class="post-meta"><a href="/category/council/">Council</a></div>
<h1>Harbour wall repairs approved</h1><span class="author-name">Morag Duncan</span>
<p>Repairs to the harbour wall will cost three hundred thousand pounds, the council said on 3 March 2026.</p>
<div class="tags"><a href="/tag/harbour/">harbour</a> <a href="/tags/repairs/">repairs</a></div>
<footer><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></footer>
</body></html>""",
    "meta author of one word, lower-case site name, licence in the footer": """<html><head>
<meta name="author" content="admin"><meta property="og:site_name" content="@coastfm">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry timetable cut",
"author": {"@type": "Person", "name": "Callum Reid"}, "datePublished": "2026-03-10T08:00:00+00:00"}</script>
</head><body><h1>Ferry timetable cut</h1><p>The operator will run two sailings a day from next month.</p>
<div class="footer"><a href="https://creativecommons.org/licenses/by-sa/4.0/">Some rights reserved</a></div>
</body></html>""",
    "nothing but a body": "<html><body><p>Short note without any metadata at all.</p></body></html>",
}


def _without_licence(document: object) -> dict[str, object]:
    """The metadata fields (not the empty body elements, new objects each time), less the licence."""
    fields = document.as_dict()  # type: ignore[attr-defined]
    return {k: v for k, v in fields.items() if k not in ("license", "body", "commentsbody")}


@pytest.mark.parametrize("name", sorted([*FALLBACK_PAGES, *(p.name for p in FIXTURES.glob("*.html"))]))
def test_every_field_but_the_licence_is_trafilaturas(name: str) -> None:
    text = FALLBACK_PAGES.get(name) or (FIXTURES / name).read_text(encoding="utf-8")
    for url in (None, "https://example.org/a/page.html"):
        tree = load_html(text)
        ours = trafilatura_metadata(tree, default_url=url)
        theirs = extract_metadata(load_html(text), default_url=url)
        assert _without_licence(ours) == _without_licence(theirs)
        assert ours.license is None


def test_the_fallback_pages_take_the_fallbacks() -> None:
    """The premise of the pages above: they reach the steps after the meta tags."""
    found = extract_metadata(
        load_html(FALLBACK_PAGES["author element, category and tag links, site name from the URL"])
    )
    assert found.author == "Morag Duncan"
    assert found.categories == ["Council"] and found.tags == ["harbour", "repairs"]
    assert found.sitename == "gazette.example.org" and found.license  # the licence trafilatura_metadata skips
    found = extract_metadata(
        load_html(FALLBACK_PAGES["meta author of one word, lower-case site name, licence in the footer"])
    )
    assert found.author is None and found.sitename == "Coastfm" and found.license  # "admin": one word, dropped
