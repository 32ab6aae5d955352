"""The box about the writer among a web page's last paragraphs (readers.html_prune): cut with what follows it."""

from __future__ import annotations

from axis_ingest.document import Evidence
from axis_ingest.readers.html_prune import prune_paragraphs

STORY = [
    "The city council voted on Tuesday to close the old ferry terminal at the end of the summer, after engineers "
    "found that the pier under its waiting room could no longer carry the weight of a full crowd of passengers.",
    "Ferries will leave from the new terminal on the east quay from September, the council said, and the bus "
    "that runs between the two will keep its timetable until the end of the year.",
    "A final decision on what to build on the old pier is expected in the spring.",
]


def test_the_box_about_the_writer_after_the_story_is_cut() -> None:
    """WCXB 0473 and diepresse.com as web pages: "About the Author" / "Die Autorin" and the note under it stayed
    as the body's last paragraphs."""
    for heading in ("About the Author", "Die Autorin:"):
        note = "Mirel Zaman has written about the city's ferries and harbours for twelve years."
        assert prune_paragraphs([*STORY, heading, note], [], Evidence(), frozenset()) == STORY


def test_a_section_heading_before_the_storys_last_paragraphs_is_left_alone() -> None:
    """Leave alone: a heading among the last paragraphs that heads the story's own section."""
    paragraphs = [*STORY[:2], "What happens next", STORY[2]]
    assert prune_paragraphs(paragraphs, [], Evidence(), frozenset()) == paragraphs
