"""HTML metadata evidence: JSON-LD (@graph, offsets), meta tags, <time>, bylines, site name, lang."""

from __future__ import annotations

from axis_ingest.readers.html_meta import html_metadata

PAGE = """<!doctype html><html lang="pt-BR"><head>
<meta property="og:site_name" content="Folha do Vale">
<meta property="article:published_time" content="2025-09-14T07:30:00-03:00">
<meta name="author" content="Redação">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Folha do Vale"},
 {"@type":"NewsArticle","headline":"Chuva volta ao vale","datePublished":"2025-09-14T07:30:00-03:00",
  "dateModified":"2025-09-14T09:02:00-03:00",
  "author":[{"@type":"Person","name":"Mariana Costa"},{"@type":"Organization","name":"Folha do Vale"}]}]}
</script></head><body><article><h1>Chuva volta ao vale</h1>
<p class="byline">Por <a rel="author" href="/autores/mc">Mariana Costa</a></p>
<time class="published" datetime="2025-09-14T07:30:00-03:00">14 set 2025</time>
<p>A chuva voltou ao vale nesta manhã, depois de três meses de seca.</p></article></body></html>"""


def test_structured_evidence_in_trust_order() -> None:
    ev = html_metadata(PAGE, "https://folhadovale.example/chuva").evidence
    assert ev.published[0] == "2025-09-14T07:30:00-03:00"
    assert ev.modified[0] == "2025-09-14T09:02:00-03:00"
    assert ev.author_names == ["Mariana Costa"]  # the Organization author is left out
    assert ev.site_names[0] == "Folha do Vale"
    assert ev.language_hints[0] == "pt-BR"
    assert any("Mariana Costa" in b for b in ev.bylines)


def test_broken_json_ld_is_skipped() -> None:
    page = '<html><head><script type="application/ld+json">{not json</script></head><body><p>x</p></body></html>'
    assert html_metadata(page).evidence.author_names == []
