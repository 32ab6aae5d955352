"""`CaselessPattern`: the same answer as a pattern ignoring case, on ASCII text and beyond."""

import re

import pytest

from axis_ingest.caseless import CaselessPattern

DEK = r"(?:^|[\s_-])(dek|standfirst|sub-?title)(?:$|[\s_-])"


@pytest.mark.parametrize(
    "text",
    [
        "article__StandFirst",  # ASCII, mixed case: lowered, then searched
        "c-Article-SUBTITLE big",
        "ſtandfirst",  # "ſ" is "s" to a pattern ignoring case, and str.lower leaves it
        "hero  Sub-Title\nx",
        "dekorativ",  # not a whole class word: found by neither
        "Überschrift sub_title",
        "",
    ],
)
def test_answers_as_a_pattern_ignoring_case(text: str) -> None:
    assert CaselessPattern(DEK).found_in(text) == bool(re.search(DEK, text, re.IGNORECASE))


def test_a_pattern_in_upper_case_is_refused() -> None:
    """ "\\S" or "[A-Z]" would mean something else in lowered text."""
    with pytest.raises(ValueError, match="lower case"):
        CaselessPattern(r"\S+byline")
