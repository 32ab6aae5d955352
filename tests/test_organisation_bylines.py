"""Bylines that credit an organisation: kept out of `authors`, kept as printed in `metadata["byline"]`.

Also the two ways such a byline used to leak into `authors`: an escaped entity in JSON-LD that trafilatura
splits at its `&` and `;` ("Redacci; Oacute; N Diario"), and a desk word printed without its accent
("Redaccion").  And the other way round: an author's bio with a year in it no longer hides the author's name.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from axis_ingest.document import Evidence
from axis_ingest.names.bylines import names_an_organisation, not_a_name, parse_byline
from axis_ingest.normalise import normalise_authors, organisation_byline
from axis_ingest.readers.html_meta import html_metadata

IngestTexts = Callable[[dict[str, str]], Path]

_STORY = "".join(
    f"<p>Paragraph {n} of the story: the police said on Tuesday that the stolen cars had crossed the border "
    "at night, and that officers of both countries would now share their records.</p>"
    for n in range(1, 6)
)


def _page(json_ld: dict[str, object], byline_html: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html lang='es'><head>{head}<title>Policía anuncia coordinación con Carabineros</title>"
        f'<script type="application/ld+json">{json.dumps(json_ld, ensure_ascii=False)}</script></head>'
        f"<body><article><h1>Policía anuncia coordinación con Carabineros</h1>{byline_html}{_STORY}</article>"
        "</body></html>"
    )


def _stored(db: Path) -> tuple[list[str], dict[str, object]]:
    conn = sqlite3.connect(db)
    (article_id, metadata), *_ = conn.execute("SELECT id, metadata FROM articles").fetchall()
    names = [
        name
        for (name,) in conn.execute(
            "SELECT a.name FROM article_authors aa JOIN authors a ON a.id = aa.author_id "
            "WHERE aa.article_id = ? ORDER BY aa.position",
            (article_id,),
        )
    ]
    return names, json.loads(metadata)


def test_escaped_desk_name_in_json_ld_is_no_author_and_stays_as_printed(ingest_texts: IngestTexts) -> None:
    """paginasiete.bo prints its JSON-LD strings HTML-escaped; trafilatura split the name into three "people"."""
    node = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Policía anuncia coordinación con Carabineros",
        "datePublished": "2022-05-03T09:00:00-04:00",
        "author": {"@type": "Person", "name": "Redacci&oacute;n Diario Pagina Siete"},
    }
    byline = '<p class="byline">Por <span itemprop="name">Redacci&oacute;n Diario Pagina Siete</span></p>'
    names, metadata = _stored(ingest_texts({"policia.html": _page(node, byline)}))
    assert names == []
    assert metadata["byline"] == "Redacción Diario Pagina Siete"


def test_person_in_escaped_json_ld_is_unescaped_and_kept(ingest_texts: IngestTexts) -> None:
    """Left alone: a person's name escaped the same way is the author, whole, and no byline is kept aside."""
    node = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Mar&iacute;a Fern&aacute;ndez"}}
    byline = '<p class="byline">Por María Fernández</p>'
    names, metadata = _stored(ingest_texts({"policia.html": _page(node, byline)}))
    assert names == ["María Fernández"]
    assert "byline" not in metadata


def test_trafilatura_author_cut_at_an_entity_is_not_claimed() -> None:
    page = _page({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Redacci&oacute;n Central"}}, "")
    claims = html_metadata(page).evidence.author_claims
    assert ("jsonld", "Redacción Central") in claims
    assert not [text for source, text in claims if source == "trafilatura"]
    # left alone: an escaped ampersand between two names cuts no name, and trafilatura's author stands
    page = _page({"@type": "NewsArticle"}, "", head='<meta name="author" content="Ana Lima &amp; Tom Reyes">')
    claims = html_metadata(page).evidence.author_claims
    assert [text for source, text in claims if source == "trafilatura"] == ["Ana Lima", "Tom Reyes"]


def test_desk_word_without_its_accent_is_no_name() -> None:
    assert parse_byline("Redaccion") == []
    assert parse_byline("Por Redaccion Diario") == []
    # left alone: accented names
    assert [a.name for a in parse_byline("Por José Pérez")] == ["José Pérez"]
    assert [a.name for a in parse_byline("Von Jürgen Müller und Zoë Çelik")] == ["Jürgen Müller", "Zoë Çelik"]


def test_a_bio_with_a_year_does_not_hide_the_authors_name() -> None:
    """toptal.com: the author box runs the name into a bio ("... developer since 2007")."""
    bylines = [
        "Martin ChikilianMartin is a full-stack engineer and has worked as a professional Python developer since 2007.",
        "Martin Chikilian",
    ]
    assert [a.name for a in normalise_authors([], bylines)] == ["Martin Chikilian"]
    # left alone: a piece of an organisation's name printed elsewhere still names nobody
    assert normalise_authors([], ["Bündnis 90/Die Grünen Landesverband Bayern", "Bündnis"]) == []


def test_organisation_tests() -> None:
    assert names_an_organisation("Agencia EFE")
    assert names_an_organisation("Bundesministerium für Wirtschaft und Klimaschutz")
    assert not names_an_organisation("Martin Chikilian, developer since 2007")
    assert not_a_name("Super User") and not_a_name("wordpressadmin") and not_a_name("Follow")
    assert not not_a_name("Die Tagespresse")


def _evidence(*claims: tuple[str, str]) -> Evidence:
    ev = Evidence()
    for source, text in claims:
        ev.claim_byline(text, source)
    return ev


def test_organisation_byline_is_what_the_page_printed() -> None:
    assert organisation_byline(_evidence(("element", "TVT-Redaktion")), set()) == "TVT-Redaktion"
    assert organisation_byline(_evidence(("header", "Por Agencia EFE")), set()) == "Por Agencia EFE"
    site = {"dietagespresse", "dietagespressecom"}
    assert organisation_byline(_evidence(("jsonld", "Die Tagespresse")), site) == "Die Tagespresse"
    # the page's markup before trafilatura; a date run into the byline is not kept, digits in a name are
    ev = _evidence(("trafilatura", "Redaktion datev de"), ("element", "Redaktion 1. November 2023 10:29"))
    assert organisation_byline(ev, set()) == "Redaktion datev de"
    assert organisation_byline(_evidence(("meta", "mix1.de Redaktion")), set()) == "mix1.de Redaktion"


def test_interface_strings_and_persons_are_no_organisation_byline() -> None:
    for text in ["Follow", "Super User", "wordpressadmin", "Catch more fish", "8. November 2021", "Ana Lima"]:
        assert organisation_byline(_evidence(("element", text)), {"anglerboard"}) is None, text
