"""Publisher (who published this copy) and origin (whose story it credits)."""

from __future__ import annotations

import pytest

from axis_ingest.config import load_settings
from axis_ingest.document import Document
from axis_ingest.normalise import normalise_document
from axis_ingest.normalise.publisher import choose_publisher, clean_site_name, find_origin
from axis_ingest.readers import read_text


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
    doc = _doc(
        "wire_text",
        paragraphs=["Lagos, Jan 9 (Reuters) Nigeria's central bank held rates on Friday."],
        dateline="Lagos",
    )
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


def test_wire_copy_origin_is_the_dateline_agency_not_a_source_cited_later() -> None:
    doc = _doc(
        "wire_text",
        paragraphs=["WASHINGTON (AP) — Senators met on Tuesday, according to Reuters."],
        dateline="Washington",
        metadata={"agency": "AP"},
    )
    assert find_origin(doc) == "AP"
    doc = _doc("wire_text", paragraphs=["Berlin (dpa) - Die Bahn streicht Verbindungen."], metadata={"agency": "dpa"})
    assert find_origin(doc) == "dpa"


def test_wire_agency_in_metadata_does_not_set_origin_of_other_formats() -> None:
    doc = _doc(paragraphs=["The council met on Tuesday."], metadata={"agency": "AP"})
    assert find_origin(doc) is None


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("© Baltic Courier 2026", "Baltic Courier"),
        ("Copyright Baltic Courier 2019-2026, all rights reserved", "Baltic Courier"),
        ("© 2026 Radio 2", "Radio 2"),  # a number in the name stays
        ("Channel 4", "Channel 4"),
        ("Studio 54", "Studio 54"),
        ("Copyright", None),
    ],
)
def test_site_name_loses_copyright_years_but_keeps_numbers_in_names(printed: str, expected: str | None) -> None:
    assert clean_site_name(printed) == expected


SCRAPED = """{site}
Home | World | Business

Port of Klaipeda expands container terminal

The port authority said on Monday that the new terminal would double capacity by 2028, with construction
starting in spring and the first berth opening next year.

Officials expect the expansion to bring hundreds of jobs to the region and to attract new shipping lines.

{line}
"""


@pytest.mark.parametrize(
    ("site", "line", "expected"),
    [
        ("Baltic Courier", "© 2026 Baltic Courier. All rights reserved.", "Baltic Courier"),
        ("Baltic Courier", "© Baltic Courier 2026. All rights reserved.", "Baltic Courier"),
        ("Radio 2", "© 2026 Radio 2. All rights reserved.", "Radio 2"),
        ("Channel 4", "Copyright © Channel 4 2026", "Channel 4"),
    ],
)
def test_scraped_copyright_line_gives_publisher_without_year(site: str, line: str, expected: str) -> None:
    doc = read_text(SCRAPED.format(site=site, line=line), source_format="scraped_text")[0]
    normalise_document(doc, load_settings())
    assert doc.publisher == expected
