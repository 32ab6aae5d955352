"""Month names from dateparser's locale data for the languages the date parser reads, and the trie they are
searched with (detectors.month_names, detectors.trie_pattern)."""

from __future__ import annotations

import random
import re

import pytest

from axis_ingest.clean.phrases import phrases
from axis_ingest.detectors import DATE_LANGUAGES, month_names, trie_pattern
from axis_ingest.normalise import dates


def test_the_languages_are_the_date_parsers() -> None:
    parsed = {*dates.DEFAULT_LANGUAGES, *(code for _, codes in dates.SCRIPT_LANGUAGES for code in codes)}
    assert set(DATE_LANGUAGES) == parsed | set(dates.MORE_LATIN_LANGUAGES)


@pytest.mark.parametrize("name", ["मार्च", "במרץ", "μαρτίου", "березня", "března", "maaliskuuta", "március"])
def test_months_of_other_languages_are_known(name: str) -> None:
    assert name in month_names()
    assert phrases().month.search(f"15 {name} 2026")


@pytest.mark.parametrize("word", ["set", "out", "pro", "led", "gen", "des", "i", "ii", "vii", "ar", "ek"])
def test_short_latin_abbreviations_and_roman_numerals_are_left_out(word: str) -> None:
    """Words of other languages ("Set 2026", "Pro Bono 2026"): the hand-made table keeps its own English ones."""
    assert word not in month_names()


def test_the_hand_made_table_still_matches() -> None:
    for line in ("15 March 2026", "3 mar 2024", "Mai 2024", "12 Eylül 2024", "5 de marzo de 2024"):
        assert phrases().month.search(line), line
    for line in ("Pro Bono Award 2026", "Set list 2026", "Summary of the year 2026"):
        assert not phrases().month.search(line), line


def test_a_trie_matches_the_lines_a_plain_alternation_matches() -> None:
    rng = random.Random(7)
    alphabet = "abcdeé .,"
    for _ in range(300):
        words = {"".join(rng.choice("abcde") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))}
        trie = re.compile(rf"(?<!\w)(?:{trie_pattern(words)})\.?(?!\w)", re.I)
        plain = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\.?(?!\w)", re.I)
        for _ in range(30):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
            assert bool(trie.search(text)) == bool(plain.search(text)), (words, text)
