"""normalise_paragraph's whitespace rule: any run of spaces becomes one plain space; a single space is left as it is."""

from __future__ import annotations

import random
import re

from axis_ingest.clean.text import normalise_paragraph

# The rule as first written: every run of these characters, single spaces included, becomes " ".
PLAIN_RULE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def test_runs_and_odd_spaces_become_one_space() -> None:
    assert normalise_paragraph("The council\u00a0voted  on\tTuesday \u2003 to close\u202fthe bridge.") == (
        "The council voted on Tuesday to close the bridge."
    )


def test_a_paragraph_with_single_spaces_is_left_alone() -> None:
    text = "Dock workers at the northern harbour voted on Tuesday to strike, their union said."
    assert normalise_paragraph(text) == text


def test_the_same_result_as_the_plain_rule_on_random_text() -> None:
    rng = random.Random(12)
    alphabet = [" ", "\t", "\u00a0", "\u2003", "\u202f", "\u3000", "\u205f", "\u200a", "a", "é", "-", "\n"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        expected = PLAIN_RULE.sub(" ", text.replace("\n", " ")).strip()
        got = normalise_paragraph(text)
        assert got == expected, repr(text)


def test_paragraphs_are_shaped_repaired_and_shaped_again_only_when_repair_changed_them() -> None:
    from axis_ingest.clean.text import normalise_paragraphs, repair_text

    paragraphs = [
        "•  Ferries  will\u00a0run every hour",  # a bullet and odd spaces: shaped once
        "The mayorâ€™s office said &amp;#8217;no&amp;#8217; on\u00a0Tuesday.",  # mojibake and entities: repaired
        "&nbsp;&nbsp;Spaces  that an entity  hid",  # repair makes new spaces: shaped again
        "Plain text stays as it is.",
        "\u00ad\u200b",  # nothing left: dropped
    ]
    expected = [normalise_paragraph(repair_text(normalise_paragraph(p))) for p in paragraphs]
    assert normalise_paragraphs(paragraphs) == [text for text in expected if text and text != "-"]
    assert normalise_paragraphs(paragraphs)[:3] == [
        "- Ferries will run every hour",
        "The mayor’s office said ’no’ on Tuesday.",
        "Spaces that an entity hid",
    ]
