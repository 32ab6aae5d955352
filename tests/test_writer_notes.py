"""The note about an article's writer is not its text (normalise.writer_notes): a rule with the input it fixes and
the ones it leaves alone, and the whole pipeline on a web page that prints such a note."""

from __future__ import annotations

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import Author
from axis_ingest.normalise.writer_notes import without_writer_notes
from axis_ingest.prepare import prepare_file

STORY = [
    "The city council voted on Tuesday to close the old ferry terminal at the end of the summer, after engineers "
    "found that the pier under its waiting room could no longer carry the weight of a full crowd of passengers.",
    "Ferries will leave from the new terminal on the east quay from September, the council said, and the bus "
    "that runs between the two will keep its timetable until the end of the year.",
]
NOTE = (
    "Mirel Zaman is the transport reporter at the Harbour Gazette. She has covered the city's ferries, buses and "
    "trains for twelve years."
)


def test_a_note_about_the_writer_is_dropped() -> None:
    """Mirel Zaman's note under her story (popsugar.com, latimes.com, fool.com as web pages): kept as the
    story's last paragraph, or its first."""
    writer = [Author("Mirel Zaman")]
    assert without_writer_notes([*STORY, NOTE], writer) == STORY
    assert without_writer_notes([NOTE, *STORY], writer) == STORY


def test_a_person_the_story_names_again_is_not_its_writer() -> None:
    """Leave alone: a paragraph that opens with the name of a person the story is about, taken for its writer
    by mistake (Friedrich Merz, from a Polish page on his party): the story names that person again."""
    about = (
        "Friedrich Merz, the party's leader, said the plan would be put to a vote in parliament this week, whatever "
        "the other parties decide."
    )
    story = [*STORY, about, "Critics of Merz said the vote was a gamble that could split the coalition."]
    assert without_writer_notes(story, [Author("Friedrich Merz")]) == story


def test_a_signature_and_a_one_word_name_are_left_alone() -> None:
    """Leave alone: the writer's name alone or with a short credit (a signature: other stages read it), and a
    writer known by one name only, which a story's sentence may well open with."""
    assert without_writer_notes([*STORY, "Mirel Zaman, Harbour Gazette"], [Author("Mirel Zaman")]) == [
        *STORY,
        "Mirel Zaman, Harbour Gazette",
    ]
    sentence = "Sam is the name the ferry crews gave to the harbour seal that follows their boats across the bay."
    assert without_writer_notes([*STORY, sentence], [Author("Sam")]) == [*STORY, sentence]


def test_the_pipeline_drops_the_writers_note_from_a_web_page() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in [*STORY, NOTE])
    page = (
        '<html lang="en"><head><title>Old ferry terminal to close</title>'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Old ferry terminal to close",'
        '"author":{"@type":"Person","name":"Mirel Zaman"},"datePublished":"2025-06-03T09:00:00Z"}</script></head>'
        f"<body><article><h1>Old ferry terminal to close</h1><p>By Mirel Zaman</p>{paragraphs}</article></body></html>"
    )
    result = prepare_file("ferry.html", page.encode(), Settings(), MinHashParams())
    doc = result.documents[0].doc
    assert [author.name for author in doc.authors] == ["Mirel Zaman"]
    assert doc.paragraphs == STORY
