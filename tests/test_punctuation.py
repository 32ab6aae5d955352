"""The sentence-mark table is Unicode's Sentence_Terminal property, not a list of our own."""

from __future__ import annotations

import regex

from axis_ingest.punctuation import FULL_STOPS, SENTENCE_TERMINALS, SPACED_TERMINALS, UNSPACED_TERMINALS


def test_every_mark_is_a_sentence_terminal_of_unicode() -> None:
    # The `regex` package (dateparser's dependency) carries the Unicode property; `re` does not.
    assert [mark for mark in SENTENCE_TERMINALS if not regex.match(r"\p{Sentence_Terminal}", mark)] == []
    assert len(set(SENTENCE_TERMINALS)) == len(SENTENCE_TERMINALS) == 93


def test_the_marks_of_living_scripts_are_in_the_table() -> None:
    marks = {
        "Latin": ".!?",
        "Armenian": "։",
        "Arabic question mark": "؟",
        "Urdu full stop": "۔",
        "Devanagari danda": "।॥",
        "Myanmar": "။",
        "Ethiopic": "።፧",
        "Khmer": "។",
        "CJK": "。！？．｡",
    }
    assert {script: [m for m in found if m not in SENTENCE_TERMINALS] for script, found in marks.items()} == {
        script: [] for script in marks
    }


def test_unspaced_marks_are_the_cjk_ones() -> None:
    assert set(UNSPACED_TERMINALS) <= set(SENTENCE_TERMINALS)
    assert set(SPACED_TERMINALS) | set(UNSPACED_TERMINALS) == set(SENTENCE_TERMINALS)
    assert "." in SPACED_TERMINALS and "۔" in SPACED_TERMINALS and "。" not in SPACED_TERMINALS


def test_full_stops_are_the_terminals_that_are_no_question_or_exclamation_mark() -> None:
    assert {".", "۔", "։", "।", "။", "።", "។", "。", "．"} <= set(FULL_STOPS)
    assert not {"?", "!", "؟", "፧", "？", "！", "‽"} & set(FULL_STOPS)
