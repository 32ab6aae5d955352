"""Publisher (who published this copy) and origin (whose story it credits)."""

from __future__ import annotations

from axis_ingest.document import Document
from axis_ingest.normalise.publisher import choose_publisher, find_origin


def _doc(fmt: str = "scraped_text", **kw: object) -> Document:
    return Document(source_format=fmt, **kw)  # type: ignore[arg-type]


def test_headline_abbreviation_and_credit_phrase_give_origin() -> None:
    doc = _doc(title="NYT: Ports reopen after strike", paragraphs=["Dock workers returned on Monday."])
    assert find_origin(doc) == "The New York Times"
    doc = _doc(title="Ports reopen", paragraphs=["Dock workers returned, Trend Daily reports per the Financial Times."])
    assert find_origin(doc) == "Financial Times"


def test_people_cited_are_not_origins() -> None:
    doc = _doc(title="Markets: a calm week", paragraphs=["Stocks rose, according to Janet Mills, an analyst."])
    assert find_origin(doc) is None


def test_wire_dateline_agency_is_publisher_and_origin() -> None:
    doc = _doc("wire_text", paragraphs=["Lagos, Jan 9 (Reuters) Nigeria's central bank held rates on Friday."],
               dateline="Lagos")
    assert choose_publisher(doc) == "Reuters"
    assert find_origin(doc) == "Reuters"


def test_site_name_first_then_domain() -> None:
    doc = _doc(url="https://www.example-news.ge/a/1", paragraphs=["Text."])
    assert choose_publisher(doc) == "example-news.ge"
    doc.evidence.site_names.append("Example News")
    assert choose_publisher(doc) == "Example News"


def test_self_reference_spelling_wins_over_copyright_casing() -> None:
    doc = _doc(paragraphs=["Talks resumed in Geneva, Minval.Az reports citing Reuters."])
    doc.evidence.site_names.append("minval.az")
    assert choose_publisher(doc) == "Minval.Az"
