"""Prefiltered patterns (clean.boilerplate): the same matches as the pattern itself, found faster."""

from __future__ import annotations

import pytest

from axis_ingest.clean.boilerplate import Prefiltered, phrases

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
