"""Headings and short lists trafilatura's own pass drops between two paragraphs it keeps, put back where an
independent extractor (Resiliparse) prints them between the same two paragraphs (issue 13, session 20)."""

from __future__ import annotations

import lxml.html

from axis_ingest.detectors import words_key
from axis_ingest.readers.html_extract import _dropped_between_kept, fill_gaps, second_opinion

BEFORE = (
    "Jede schwere Krankheit ist für den Betroffenen gefährlich. Um die Gefährlichkeit für die Gesamtbevölkerung "
    "zu beurteilen, müssen zuvor zwei Fragenkomplexe geklärt werden:"
)
MIDDLE = (
    "Der erste Fragenkomplex wird am besten von den passenden Fachtherapeuten und Pathologen beantwortet, die "
    "damit Erfahrung sammeln konnten."
)
AFTER = "Fangen wir mit dem zweiten Fragekomplex an, der Domäne der Epidemiologie, also der Statistik."
HEADING = "Wahlumfrage, Wahlprognose und erste Hochrechnungen"
ITEMS = [
    "Wie schwer ist die Krankheit, wer ist davon betroffen, und kann man daran sterben?",
    "Wie bekommt man diese Krankheit und wie viele Menschen können daran erkranken?",
]


def test_a_list_and_a_heading_the_second_extractor_prints_between_kept_paragraphs_are_put_back() -> None:
    """achgut.com (trafilatura's evaluation pages): an <ol> of two questions and an <h3> were missing."""
    second = [BEFORE, *(f"• {item}" for item in ITEMS), MIDDLE, HEADING, AFTER]
    filled = fill_gaps([BEFORE, MIDDLE, AFTER], second, [], frozenset(), frozenset({words_key(HEADING)}))
    assert filled == [BEFORE, *(f"- {item}" for item in ITEMS), MIDDLE, HEADING, AFTER]


def test_a_box_of_teasers_a_marker_or_a_text_line_between_kept_paragraphs_stays_out() -> None:
    """Left alone: an inline box of related stories (a marker, several headlines), an advertisement label, a
    caption that is no heading, and a gap longer than a section's heading and list."""
    teasers = ["Drei Duelle am Freitag und Sonntag", "Weingartner gegen Weingartner im Cup"]  # headlines
    headings = frozenset(words_key(line) for line in ["Related stories", *teasers, "Advertisement"])
    kept = [BEFORE, MIDDLE, AFTER]
    for gap in (
        ["Related stories"],
        teasers,
        ["Advertisement"],
        ["Foto: Der Saal am Abend der Wahl, aufgenommen vom Balkon"],
        [f"• {item}" for item in ITEMS * 2],
    ):
        assert fill_gaps(kept, [BEFORE, *gap, MIDDLE, AFTER], [], frozenset(), headings) == kept


def test_the_second_extractor_runs_only_when_the_page_shows_a_dropped_heading_or_list_between_kept_text() -> None:
    page = lxml.html.fromstring(
        f"<html><body><article><p>{BEFORE}</p><ol>{''.join(f'<li>{item}</li>' for item in ITEMS)}</ol>"
        f"<p>{MIDDLE}</p><h3>{HEADING}</h3><p>{AFTER}</p></article>"
        "<aside><h3>Meistgelesen</h3><ul><li>Erste Meldung</li></ul></aside></body></html>"
    )
    assert words_key(HEADING) in _dropped_between_kept(page, [BEFORE, MIDDLE, AFTER])
    # everything kept: nothing dropped between kept paragraphs (the sidebar's heading and list are not between)
    kept_all = [BEFORE, *ITEMS, MIDDLE, HEADING, AFTER]
    assert _dropped_between_kept(page, kept_all) == frozenset()


def _page(between: str) -> str:
    return (
        f"<html><body><article><h1>Bericht zur Coronalage</h1><p>{BEFORE}</p>{between}<p>{MIDDLE}</p>"
        f"<h3>{HEADING}</h3><p>{AFTER}</p></article></body></html>"
    )


def test_an_ordered_list_as_the_second_extractor_prints_it_is_put_back() -> None:
    """Resiliparse prints an <ol>'s items "1. ", "2. ", not with a bullet: only bullets counted as a gap's list
    items, so achgut.com's two questions stayed out (trafilatura's pages, half a)."""
    second = second_opinion(_page(f"<ol>{''.join(f'<li>{item}</li>' for item in ITEMS)}</ol>"))
    assert f"1. {ITEMS[0]}" in second  # the extractor's own rendering, not a hand-written one
    filled = fill_gaps([BEFORE, MIDDLE, AFTER], second, [], frozenset(), frozenset({words_key(HEADING)}))
    assert filled[:4] == [BEFORE, f"1. {ITEMS[0]}", f"2. {ITEMS[1]}", MIDDLE]


def test_a_numbered_list_of_headline_links_between_kept_paragraphs_stays_out() -> None:
    """Left alone: an inline "most read" box printed as an ordered list of links to other stories."""
    headlines = ["Neue Regeln für Reisende ab Montag", "So hoch ist die Inzidenz in Ihrem Kreis"]
    items = "".join(f"<li><a href=/x{i}>{headline}</a></li>" for i, headline in enumerate(headlines))
    second = second_opinion(_page(f"<ol>{items}</ol>"))
    links = frozenset(words_key(h) for h in headlines)
    filled = fill_gaps([BEFORE, MIDDLE, AFTER], second, [], links, frozenset({words_key(HEADING)}))
    assert filled == [BEFORE, MIDDLE, HEADING, AFTER]  # the section's heading still is


def test_a_numbered_heading_that_links_to_its_subject_is_still_a_heading() -> None:
    """Left alone: a ranked list's heading ("3. Umbrella", linking to the agency it names) dropped between two
    kept paragraphs is a heading of the page and comes back (WCXB 0165), whole link or not."""
    heading = "3. Umbrella"
    second = [BEFORE, heading, MIDDLE, AFTER]
    filled = fill_gaps([BEFORE, MIDDLE, AFTER], second, [], frozenset({"umbrella"}), frozenset({words_key(heading)}))
    assert filled == [BEFORE, heading, MIDDLE, AFTER]
