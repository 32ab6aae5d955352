"""Prefiltered patterns (clean.phrases): the same matches as the pattern itself, found faster."""

from __future__ import annotations

import pytest

from axis_ingest.clean.phrases import Prefiltered, Screened, phrases

TEXTS = [
    "The minister told reporters that the talks would resume, the agency reported per Reuters Breakingviews.",
    "Officials says citing The Wall Street Journal that the deal is off.",
    "An alias reported by Foo is no credit.",  # "as reported by" inside a word: no match
    "The story, as reported by The Times of London, spread fast.",
    "Die Meldung kam unter berufung auf den Spiegel Online am Abend.",
    "Агентство сообщило со ссылкой на «Интерфакс» о переговорах.",
    "Xas reported by Bar",
    "Nothing here names another outlet at all.",
    "",
]


@pytest.mark.parametrize("index", range(len(phrases().origins)))
def test_origin_patterns_find_what_the_patterns_themselves_find(index: int) -> None:
    pattern = phrases().origins[index]
    for text in TEXTS:
        got = [(m.span(), m.group("phrase")) for m in pattern.finditer(text)]
        assert got == [(m.span(), m.group("phrase")) for m in pattern.pattern.finditer(text)]


def test_a_leading_boundary_is_what_is_dropped_for_the_quick_test() -> None:
    assert Prefiltered(r"\bas reported by (?P<phrase>\w+)")._quick.pattern == r"as reported by (?P<phrase>\w+)"  # type: ignore[union-attr]
    assert Prefiltered(r"(?P<phrase>\bper (\w+))")._quick.pattern == r"(?P<phrase>per (\w+))"  # type: ignore[union-attr]
    assert Prefiltered(r"per \b(\w+)")._quick is None  # nothing to gain: searched as it is
    found = [m.group() for m in Prefiltered(r"\bas reported by").finditer("alias reported by; as reported by")]
    assert found == ["as reported by"]


SITE_LINES = [
    "© 2026 Baltic Courier. All rights reserved.",
    "Copyright 2019-2026 Caspian News, all rights reserved",
    "COPYRIGHT (c) Nordic Wire",
    "Baltic Courier © 2026",
    "Any use of materials requires a hyperlink to caliber.az",
    "A link to trend.az is required when quoting.",
    "Обязательна гиперссылка на vesti.az",
    "Copyright: Baltic Courier",
    "The minister said the talks would resume on Monday.",
    "Share this article",
    "",
]


def test_site_name_patterns_are_searched_in_every_line_they_match() -> None:
    site_names = phrases().site_names
    for line in SITE_LINES:
        matched = any(pattern.search(line) for pattern in site_names.patterns)
        assert not matched or site_names.may_match(line), line
    assert site_names.may_match("© 2026 Baltic Courier.")
    assert not site_names.may_match("The minister said the talks would resume on Monday.")
    assert not site_names.may_match("Share this article")


def test_site_name_screen_folds_case_as_re_does_beyond_ascii() -> None:
    screen = Screened([r"(?i:link to) (?P<name>\w+)"], ["link to"])
    dotless = "A L\u0131NK TO caliber"  # re's IGNORECASE matches the dotless i to "i"; str.lower keeps it "ı"
    assert screen.patterns[0].search(dotless)
    assert screen.may_match(dotless)
    assert not screen.may_match("A line about the talks")
