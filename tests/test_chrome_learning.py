"""Cross-document chrome learning: lines that recur on one site's scraped pages are dropped.

Eight pages of one (invented) local paper, copied from the browser as text.  Each
carries the same masthead blurb, subscription appeal and footer lines, written as
full sentences, so on a single page they read like article prose and the
line classifier keeps them.  Seen on every page of the batch, they are the
site's chrome; each article's own paragraphs are unique and must stay.

Until the reader table, `prepare` imported `line_fingerprint` from the wrong
module and swallowed the ImportError, so these lines were kept: this test is
the reproduction.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import InputRecord, RawInput, ReadContext
from axis_ingest.prepare import prepare_batch, sha256_of
from axis_ingest.run import run_ingest

MASTHEAD = (
    "The Harbourside Gazette has been the independent voice of the northern coast since 1921, "
    "reporting on the towns, villages and islands of the firth every week."
)
APPEAL = (
    "Our journalism is paid for by readers like you, and every subscription helps us keep a reporter "
    "in the council chamber, at the sheriff court and on the quayside."
)
FOOTER = (
    "The Harbourside Gazette is published by Coastline Media Limited, which is registered in Scotland "
    "and regulated by the Independent Press Standards Organisation."
)
LETTERS = (
    "We welcome letters from readers on any subject covered in the paper, and we publish a selection "
    "of them in the Saturday edition with the writer's name and town."
)
CHROME = (MASTHEAD, APPEAL, FOOTER, LETTERS)

# (headline, reporter, paragraphs): each story's own text, different on every page.
STORIES = [
    (
        "Ferry timetable cut as crew shortage bites",
        "Morag Duncan",
        [
            "The operator of the island ferry will run two sailings a day instead of four from next month "
            "because it cannot find enough qualified deckhands, islanders were told on Tuesday.",
            "Councillor Ewan Baird said the cut would leave pupils who attend the secondary school on the "
            "mainland with a round trip of nearly eleven hours on some days.",
            "The company said it had advertised the posts three times since the spring and would restore "
            "the full timetable as soon as new crew had completed their safety training.",
            "Islanders who commute to jobs at the hospital in Fort Annan said they had been given less than a "
            "week's notice of the change and would have to find somewhere to stay on the mainland during the "
            "week.",
            "The community council has written to the transport minister asking for the service to be treated as "
            "a lifeline route, which would make the operator eligible for an extra subsidy to pay for relief "
            "crew.",
        ],
    ),
    (
        "Lifeboat crew rescue two kayakers off Seal Point",
        "Callum Reid",
        [
            "Two kayakers were pulled from the water off Seal Point on Sunday afternoon after a sudden squall "
            "overturned their boats about half a mile from the shore.",
            "The inshore lifeboat reached them within fourteen minutes of the call, and both were treated for "
            "mild hypothermia at the harbour before being taken home by relatives.",
            "The station's coxswain urged anyone paddling in the firth to carry a waterproof radio and to tell "
            "someone on land when they expected to be back.",
            "It was the station's ninth call-out of the year, and its second in a week, after a fishing boat lost "
            "power near the harbour mouth on the previous Monday evening.",
            "Volunteers are raising money to replace the station's tractor, which launches the boat from the "
            "slipway and is now more than thirty years old, with a sponsored swim across the bay in June.",
        ],
    ),
    (
        "Primary school roll falls below forty for the first time",
        "Morag Duncan",
        [
            "Kilbrannan Primary School now has thirty-eight pupils, the lowest number since records began, "
            "according to figures presented to the education committee this week.",
            "Parents fear the authority will use the figures to argue for merging the school with its "
            "neighbour in Portcraig, which would mean a bus journey of forty minutes each way.",
            "A spokesperson for the council said no proposal to close or merge any rural school was being "
            "prepared and that the committee had only noted the report.",
            "Head teacher Lorna McIntyre said the school had a strong record and that smaller classes meant every "
            "child received more attention, but she accepted that falling rolls were a worry for the whole "
            "community.",
            "Young families have been leaving the area for years because of the shortage of affordable homes, and "
            "the parent council wants the authority to work with housing associations to reverse the trend.",
        ],
    ),
    (
        "Distillery plans visitor centre on old pier site",
        "Fiona Grant",
        [
            "The family-owned distillery at Ardmore has lodged plans for a visitor centre and shop on the "
            "site of the old steamer pier, which has been derelict for more than twenty years.",
            "The application says the centre would create eighteen full-time jobs and attract about forty "
            "thousand visitors a year once the coastal path extension is complete.",
            "Neighbours have raised concerns about coach traffic on the single-track road to the pier, and the "
            "community council will discuss the plans at its meeting next Thursday.",
            "The distillery's managing director said the company had chosen the pier because it was where barley "
            "and casks were landed when the business was founded in 1887, and the building would tell that story.",
            "If planning permission is granted, work on the site could start in the autumn, with the centre "
            "opening to visitors in time for the following summer.",
        ],
    ),
    (
        "Harbour dues to rise by six per cent",
        "Callum Reid",
        [
            "Fishing boats and yachts using the town harbour will pay six per cent more in dues from April "
            "after the harbour trust approved its budget for the coming year.",
            "The trust's chairman said the increase was needed to pay for repairs to the north breakwater, "
            "which was damaged in the January storms and is now closed to the public.",
            "The local fishermen's association said its members accepted the rise reluctantly but wanted a "
            "guarantee that the repairs would be finished before the summer season.",
            "Engineers have estimated the cost of the breakwater repairs at £780,000, and the trust has applied "
            "for a grant from the marine fund to cover about half of that sum.",
            "Until the work is done, the berths on the north side of the harbour cannot be used in strong "
            "easterly winds, and several visiting yachts have had to anchor in the bay instead.",
        ],
    ),
    (
        "Community buyout of estate moves a step closer",
        "Fiona Grant",
        [
            "Residents hoping to buy the Glenarrow estate have been awarded a grant of £1.2 million by the "
            "Scottish Land Fund, covering about two thirds of the asking price.",
            "The steering group now has until the end of the year to raise the rest, and it plans a series "
            "of public meetings in the village hall to explain how the estate would be run.",
            "The current owner, who lives abroad, said through his agent that he supported the community's "
            "bid and would not accept other offers while fundraising continued.",
            "The estate covers eleven thousand acres of hill ground, forestry and farmland, together with eight "
            "houses that the group would like to let at affordable rents to local families.",
            "Supporters of the buyout point to neighbouring communities that bought their land a decade ago and "
            "have since built new homes, a wind turbine and a shop run by volunteers.",
        ],
    ),
    (
        "New doctor to start at island surgery",
        "Morag Duncan",
        [
            "The island will have a resident doctor again from next month, ending eighteen months in which "
            "patients relied on locums flown in for a few days at a time.",
            "Dr Anna Kowalski, who has worked in remote practices in Norway and Shetland, said she was "
            "looking forward to getting to know her patients and the island's way of life.",
            "The health board said the post had been hard to fill because of the lack of housing, and that "
            "the community trust had helped by renovating a cottage beside the surgery.",
            "Patients have complained for months about waiting up to three weeks for an appointment and about "
            "having to travel to the mainland for routine blood tests and check-ups.",
            "Dr Kowalski will hold a drop-in session in the church hall on her first Saturday, so that residents "
            "can meet her and ask questions about the changes to the surgery's opening hours.",
        ],
    ),
    (
        "Gala week raises record sum for hospice",
        "Callum Reid",
        [
            "This year's gala week raised more than £23,000 for the hospice in Fort Annan, the highest total "
            "in the event's sixty-year history, the organisers announced on Monday.",
            "The raft race alone brought in nearly £6,000, with twelve teams paddling the length of the "
            "harbour in costumes ranging from pirates to a giant lobster.",
            "The gala committee thanked the volunteers who ran the stalls and the local businesses that "
            "donated prizes, and said planning for next year would begin in the autumn.",
            "The week ended with a fireworks display over the harbour on Saturday night, watched by what police "
            "estimated was the largest crowd the town had seen in more than a decade.",
            "The hospice's fundraising manager said the money would pay for a specialist nurse for six months, "
            "and thanked everyone who had taken part in the races, the quiz and the dog show.",
        ],
    ),
]


def page(number: int) -> str:
    """One story as it reads when the whole page is selected and copied from the browser."""
    headline, reporter, paragraphs = STORIES[number]
    lines = [
        "Harbourside Gazette",
        "Home  News  Sport  Community  Letters  Subscribe",
        MASTHEAD,
        "",
        headline,
        f"By {reporter}",
        f"{10 + number} March 2026",
        "",
        *[line for paragraph in paragraphs for line in (paragraph, "")],
        APPEAL,
        "",
        LETTERS,
        "",
        FOOTER,
        "Privacy  Terms  Contact us",
    ]
    return "\n".join(lines) + "\n"


def _records() -> list[InputRecord]:
    records = []
    for number in range(len(STORIES)):
        data = page(number).encode("utf-8")
        records.append(InputRecord(RawInput(f"gazette-{number}.txt", sha256_of(data), len(data)), data))
    return records


def test_each_page_alone_keeps_the_prose_like_chrome() -> None:
    """The premise: without other pages of the site, the chrome sentences pass as article text."""
    context = ReadContext(Settings(), MinHashParams())
    kept = 0
    for record in _records():
        (result,) = prepare_batch([record], context)
        assert not result.rejected, result.reason
        body = result.documents[0].doc.body
        kept += sum(line in body for line in CHROME)
    assert kept >= len(STORIES)  # at least one chrome sentence per page survives on its own


def test_lines_recurring_across_the_sites_pages_are_removed_and_articles_kept() -> None:
    results = prepare_batch(_records(), ReadContext(Settings(), MinHashParams()))
    for number, result in enumerate(results):
        assert not result.rejected, result.reason
        doc = result.documents[0].doc
        for line in CHROME:
            assert line not in doc.body, f"page {number} kept site chrome: {line[:50]}"
        headline, reporter, paragraphs = STORIES[number]
        assert doc.paragraphs == paragraphs  # the story's own text, all of it, nothing else
        assert doc.title == headline
        assert [a.name for a in doc.authors] == [reporter]


def test_chrome_learnt_by_one_run_is_removed_in_a_later_run(tmp_path: Path) -> None:
    """The database counts chrome lines, so a page arriving alone later is cleaned too."""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for number in range(len(STORIES) - 1):
        (first / f"gazette-{number}.txt").write_text(page(number), encoding="utf-8")
    (later / "gazette-late.txt").write_text(page(len(STORIES) - 1), encoding="utf-8")
    db = tmp_path / "axis.sqlite"
    summary = run_ingest(paths=[str(first)], db=str(db), clean_dir=str(tmp_path / "clean"), workers=1)
    assert len(summary.outcome.loaded) == len(STORIES) - 1
    run_ingest(paths=[str(later)], db=str(db), clean_dir=str(tmp_path / "clean"), workers=1)
    with sqlite3.connect(db) as conn:
        (body,) = conn.execute("SELECT body FROM articles WHERE title = ?", (STORIES[-1][0],)).fetchone()
    assert body == "\n\n".join(STORIES[-1][2])


SITES = ["Northern Echo Online", "Coast FM News", "The Firth Herald", "Islands Today"]


def syndicated_page(site: str) -> str:
    """The first story as reprinted by another site: its own menu and footer, the same article text."""
    headline, reporter, paragraphs = STORIES[0]
    lines = [
        site,
        "Home  Local  Weather  Jobs  Contact",
        "",
        headline,
        f"By {reporter}",
        "10 March 2026",
        "",
        *[line for paragraph in paragraphs for line in (paragraph, "")],
        f"© 2026 {site}. All rights reserved.",
    ]
    return "\n".join(lines) + "\n"


def test_a_story_syndicated_to_several_sites_keeps_its_text() -> None:
    """Leave alone: the story's paragraphs recur across the batch, but they are each page's article."""
    records = []
    for site in SITES:
        data = syndicated_page(site).encode("utf-8")
        records.append(InputRecord(RawInput(f"{site}.txt", sha256_of(data), len(data)), data))
    for result in prepare_batch(records, ReadContext(Settings(), MinHashParams())):
        assert not result.rejected, result.reason
        assert result.documents[0].doc.paragraphs == STORIES[0][2]
