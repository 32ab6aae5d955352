"""Zero-width (non-)joiners: spelling between the letters of some scripts, debris elsewhere (clean.text.repair_text)."""

from __future__ import annotations

import pytest

from axis_ingest.clean.text import normalise_paragraphs, repair_text

ZWNJ, ZWJ = "\u200c", "\u200d"


@pytest.mark.parametrize(
    "text",
    [
        # Persian: the verb prefix and plural suffix are joined by a non-joiner, not a space ("I want", "costs").
        f"وزیر اقتصاد گفت دولت می{ZWNJ}خواهد هزینه{ZWNJ}های عمرانی را افزایش دهد.",
        f"ශ්{ZWJ}රී ලංකාව",  # Sinhala "Sri Lanka": the joiner makes the conjunct
        f"The family emoji 👨{ZWJ}👩{ZWJ}👧 is one picture.",  # an emoji sequence
        f"नेपाल की राजधानी काठमांडू में क्ष{ZWNJ}त्रिय",  # Devanagari: a non-joiner stops a conjunct
    ],
)
def test_a_joiner_between_letters_of_a_script_that_spells_with_it_stays(text: str) -> None:
    """They were dropped with the invisible characters: Persian words ran together, emoji fell apart."""
    assert repair_text(text) == text
    assert normalise_paragraphs([text]) == [text]


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        (f"Open Google{ZWNJ} Maps on your phone.", "Open Google Maps on your phone."),
        (f"The ad{ZWJ}vert ran twice.", "The advert ran twice."),
        (f"{ZWNJ}متن در ابتدای خط", "متن در ابتدای خط"),
        (f"متن در پایان خط{ZWNJ}\nخط دوم", "متن در پایان خط\nخط دوم"),
        (f"e{ZWNJ}\u0301", "é"),  # the letter and its accent meet once the debris goes
    ],
)
def test_a_joiner_next_to_ascii_a_space_or_a_line_edge_is_dropped(text: str, cleaned: str) -> None:
    assert repair_text(text) == cleaned
    assert repair_text(cleaned) == cleaned


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("Posted by \u2067أحمد علي\u2069 on Monday", "Posted by أحمد علي on Monday"),  # isolates (X, Facebook copy)
        ("\u202bمرحبا\u202c بالعالم", "مرحبا بالعالم"),  # an embedding, as before
        ("\u061c١٥ مارس", "١٥ مارس"),  # the Arabic letter mark
    ],
)
def test_bidi_controls_of_every_kind_are_dropped(text: str, cleaned: str) -> None:
    assert repair_text(text) == cleaned


def test_right_to_left_text_without_controls_is_left_alone() -> None:
    text = "قال وزير الاقتصاد إن الحكومة تريد زيادة الإنفاق على المشاريع."
    assert repair_text(text) == text
