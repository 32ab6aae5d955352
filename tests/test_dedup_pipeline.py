"""Near-duplicates through the CLI: files -> `axis-ingest ingest` -> SQLite, read back as a user would.

The story and its reprints are written for these tests: a cut reprint, a re-headlined wire copy with
a dateline, and a different story that shares only the lead paragraphs (a council round-up that
opens with the same two paragraphs).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

STORY = [
    "Train drivers on the Northern Dales line will strike for 48 hours from Friday after talks over new "
    "weekend rotas broke down late on Tuesday, the drivers' union said, leaving about 60,000 daily "
    "passengers without a service between Harrowgate and Kettleby.",
    "The operator, Dales Rail, said it had offered a 4.5% pay rise alongside the rota changes, which would "
    "require drivers to work two extra Sundays a quarter, but union representatives rejected the package "
    "after a ballot in which 81% of members voted to take action.",
    "“Our members are not against Sundays. They are against being told about them a week in advance,” said "
    "branch secretary Colm Reddy, who has driven on the line for 23 years. “Give people a rota they can plan "
    "a family around and this goes away.”",
    "Dales Rail's operations director, Helen Marsh, said the company needed the new rotas to run the "
    "extra Sunday trains promised in its franchise agreement, and that the offer was the most generous "
    "made to any group of staff since the line was privatised.",
    "The company said it would run a replacement bus every hour between the two main stations, but warned "
    "that journeys would take about twice as long and that smaller stops such as Upper Wensley and Carr "
    "Bridge would not be served at all.",
    "Schools along the route said pupils who rely on the early train would be marked as authorised absent "
    "if they could not get in, and the county council asked employers to be flexible about working from "
    "home on both days.",
    "Business groups in Kettleby estimated that a two-day stoppage would cost town-centre shops and cafes "
    "about 300,000 pounds, coming only a month after flooding closed the line for a week in January.",
    "Both sides said they were willing to return to talks at the conciliation service, but no date had been "
    "set by Wednesday evening. A second 48-hour strike has been called for the following weekend if no "
    "agreement is reached.",
    "Passengers with season tickets will be able to claim compensation for the strike days through the "
    "operator's website, Dales Rail said, and tickets bought for Friday or Saturday will be accepted on "
    "Sunday or Monday instead.",
]

# A different story that opens with the strike story's two lead paragraphs, then reports other business.
ROUNDUP = [
    *STORY[:2],
    "In other news from the county, the library in Upper Wensley will reopen on Monday after a six-month "
    "refurbishment that added a children's reading room, a community kitchen and a lift to the first floor.",
    "Volunteers at the Carr Bridge food bank say demand has doubled since the autumn, and they are asking "
    "for tinned fish, rice and toiletries rather than pasta, of which they now have more than they can store.",
]


# A short piece that opens with the same two paragraphs and adds one of its own: most of its text is the
# story's lead, but it goes on after it, so it is not a copy.
NOTICE = [
    *STORY[:2],
    "Readers in the Dales can send their questions about the strike to our transport desk, and we will put "
    "the most common ones to both the union and the operator in next week's edition of the paper.",
]


IngestTexts = Callable[[dict[str, str]], Path]


def _canonical(conn: sqlite3.Connection, name: str) -> int:
    """The canonical article of the article read from the file `name` (following duplicate_of)."""
    (article_id,) = conn.execute(
        "SELECT s.article_id FROM article_sources s JOIN raw_documents d ON d.id = s.raw_document_id "
        "WHERE d.path LIKE ?",
        (f"%/{name}",),
    ).fetchone()
    while True:
        (parent,) = conn.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        if parent is None:
            return article_id
        article_id = parent


def test_cut_and_reheadlined_reprints_join_the_story_and_a_shared_lede_story_does_not(
    ingest_texts: IngestTexts,
) -> None:
    files = {
        "a-dales-courier.txt": "\n\n".join(STORY) + "\n",
        # Cut to its first paragraphs: 40% of the story, held whole by the full text.
        "b-valley-post.txt": "\n\n".join(STORY[:4]) + "\n",
        "c-evening-star.txt": "\n\n".join(STORY[:3]) + "\n",
        # A wire copy: a new headline and a dateline in front of the same text, the end cut.
        "d-wire.txt": "\n\n".join(
            ["Dales line drivers to strike over weekend rotas", "LEEDS, England (Reuters) — " + STORY[0], *STORY[1:7]]
        )
        + "\n",
        # A copy cut to its lead, with a credit line the full story does not print.
        "e-dales-weekly.txt": "\n\n".join(
            [*STORY[:2], "Additional reporting by Sam Ellis and Priya Nair in Kettleby and Harrowgate."]
        )
        + "\n",
        "f-county-roundup.txt": "\n\n".join(ROUNDUP) + "\n",
        "g-dales-notice.txt": "\n\n".join(NOTICE) + "\n",
    }
    conn = sqlite3.connect(ingest_texts(files))
    story = _canonical(conn, "a-dales-courier.txt")
    for name in ("b-valley-post.txt", "c-evening-star.txt", "d-wire.txt", "e-dales-weekly.txt"):
        assert _canonical(conn, name) == story, name
    for name in ("f-county-roundup.txt", "g-dales-notice.txt"):
        other = _canonical(conn, name)
        assert other != story, name
        assert conn.execute("SELECT count(*) FROM articles WHERE duplicate_of = ?", (other,)).fetchone()[0] == 0


def test_a_shared_lede_story_read_first_takes_no_copies_of_the_story(ingest_texts: IngestTexts) -> None:
    """The round-up arrives before the story: the story and its cut copies are not its duplicates."""
    files = {
        "a-county-roundup.txt": "\n\n".join(ROUNDUP) + "\n",
        "b-dales-courier.txt": "\n\n".join(STORY) + "\n",
        "c-valley-post.txt": "\n\n".join(STORY[:4]) + "\n",
    }
    conn = sqlite3.connect(ingest_texts(files))
    roundup = _canonical(conn, "a-county-roundup.txt")
    story = _canonical(conn, "b-dales-courier.txt")
    assert story != roundup
    assert _canonical(conn, "c-valley-post.txt") == story


def test_a_reheadlined_copy_cut_to_the_lead_finds_the_full_story(ingest_texts: IngestTexts) -> None:
    """A brief of the first paragraph (Jaccard about 0.1 with the story): found through the lead bands."""
    files = {
        "a-dales-courier.txt": "\n\n".join(STORY) + "\n",
        "b-wire-short.txt": "\n\n".join(["Rail strike called on Dales line", "HARROWGATE, England (AP) — " + STORY[0]])
        + "\n",
    }
    conn = sqlite3.connect(ingest_texts(files))
    assert _canonical(conn, "b-wire-short.txt") == _canonical(conn, "a-dales-courier.txt")
