"""Chrome learnt across a batch of pages from many outlets: a short line only that learning condemns is dropped,
but the context pass looks past it (`context._learnt_heading`).

Learnt over pages of many sites, such a line is as often a heading that many articles print ("Key figures",
"Ingredients", "Monday") as a site's menu entry; as a hard edge it cut the table under it out of the article.  A
learnt line with a chrome reason of its own (a "Subscribe" button) still parts the article from what follows it.
"""

from __future__ import annotations

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import InputRecord, RawInput, ReadContext
from axis_ingest.prepare import prepare_batch, sha256_of

# Three outlets' stories on one subject, each with a table of figures under the same two headings.
OUTLETS = [
    (
        "The Northern Echo Online",
        "Energy price cap to rise by 6% in January, regulator says",
        "By Priya Shah",
        "Household energy bills will rise again in January after the regulator raised its price cap, adding about "
        "a hundred pounds a year to the typical bill, just as the coldest months begin.",
        [
            "North West\t£1,690\t£1,795",
            "North East\t£1,701\t£1,807",
            "Yorkshire\t£1,712\t£1,819",
            "East Midlands\t£1,723\t£1,831",
            "West Midlands\t£1,734\t£1,843",
            "London\t£1,745\t£1,855",
            "South East\t£1,756\t£1,867",
            "South West\t£1,767\t£1,879",
        ],
        "Suppliers must publish their new tariffs by the end of the month, and the regulator will review the cap "
        "again in February, when wholesale prices for the spring are known.",
    ),
    (
        "Coastline Daily",
        "Bills up again as winter price cap is confirmed",
        "By Tom Hale",
        "The regulator confirmed on Friday that the cap on standard tariffs will go up from January, the third "
        "rise in a row, and charities warned that more families would fall behind on their payments.",
        [
            "Direct debit, gas and electricity\t£1,690\t£1,795",
            "Direct debit, electricity only\t£1,701\t£1,807",
            "Prepayment, gas and electricity\t£1,712\t£1,819",
            "Prepayment, electricity only\t£1,723\t£1,831",
            "Standard credit, gas and electricity\t£1,734\t£1,843",
            "Standard credit, electricity only\t£1,745\t£1,855",
            "Economy 7, direct debit\t£1,756\t£1,867",
            "Economy 7, prepayment\t£1,767\t£1,879",
        ],
        "Ministers said the warm home discount would be extended to more households, and that the regulator would "
        "look again at how standing charges are set before the next review.",
    ),
    (
        "Valley Gazette",
        "What January's price cap rise means for your home",
        "By Mia Clark",
        "From the first of January the typical household on a variable tariff will pay more for gas and "
        "electricity, after the regulator lifted its cap for the winter months that follow.",
        [
            "One-bedroom flat\t£1,690\t£1,795",
            "Two-bedroom flat\t£1,701\t£1,807",
            "Two-bedroom terraced house\t£1,712\t£1,819",
            "Three-bedroom semi-detached house\t£1,723\t£1,831",
            "Three-bedroom detached house\t£1,734\t£1,843",
            "Four-bedroom house\t£1,745\t£1,855",
            "Home with electric heating\t£1,756\t£1,867",
            "Home with a heat pump\t£1,767\t£1,879",
        ],
        "Advice services say customers who are struggling should contact their supplier early, as firms have to "
        "offer payment plans that people can afford before they consider other steps.",
    ),
]

# Each outlet's second and last paragraphs (pages that share most of their text are copies of one story, and
# copies teach no chrome).
BACKGROUNDS = [
    "The cap limits what suppliers can charge per unit of energy and for the daily standing charge, not the total "
    "bill, so households that use more gas and electricity than the typical home will pay more than the figures "
    "quoted, and those who use less will pay less.",
    "Analysts had expected a smaller increase, but wholesale gas prices climbed through the autumn as storage "
    "sites across Europe filled more slowly than usual and a cold snap arrived earlier than forecasters predicted.",
    "The figures below show what a typical home paying by direct debit can expect in each region, before and "
    "after the change, based on the regulator's own assumptions about how much gas and electricity it uses.",
]
CLOSINGS = [
    "Consumer groups urged people to take meter readings on the last day of December, so that they are not "
    "charged the higher rates for energy they used before the new cap came into force.",
    "Labour and Liberal Democrat members of the energy committee said they would call the regulator's chief "
    "executive to give evidence in the new year about the way the cap is calculated.",
    "Anyone worried about paying should not cancel a direct debit without speaking to their supplier first, the "
    "charity said, because missed payments can lead to a prepayment meter being fitted.",
]


def energy_page(number: int) -> str:
    site, headline, byline, lead, rows, next_steps = OUTLETS[number]
    return "\n\n".join(
        [
            f"{site}\nHome\nWeather",
            headline,
            byline,
            lead,
            BACKGROUNDS[number],
            "Key figures",
            "\n".join(rows),
            "What happens next",
            next_steps,
            CLOSINGS[number],
            f"© {site}",
        ]
    )


# Three stories of one paper, each followed by its "Subscribe" button and other stories' headlines.
ARTICLES = [
    (
        "Harbour wall to be rebuilt after storm damage",
        "Anna Reid",
        [
            "The town council voted on Tuesday to rebuild the harbour wall that was breached in last month's storm, "
            "at a cost of four million pounds, after engineers warned that another winter could bring it down. The "
            "wall protects the fish market, the lifeboat station and about forty homes on the shore road, and "
            "insurers have said they will not renew cover for the buildings behind it until the repairs are done.",
            "Work is due to begin in the spring and will take about eighteen months, the council said in a statement "
            "issued after the meeting, and the harbour will stay open to fishing boats throughout.",
        ],
    ),
    (
        "Rail operator cuts winter timetable on coastal line",
        "Tom Hale",
        [
            "Fewer trains will run on the coastal line this winter after the operator said it could not find enough "
            "drivers to staff the full timetable, the second cut to the service in two years. The company said that "
            "eleven drivers had left since the summer, most of them for better-paid jobs with freight operators, and "
            "that training a replacement takes at least a year.",
            "Passenger groups called the decision a betrayal of the towns that depend on the line for work and "
            "school, and said they would ask the transport minister to intervene before December.",
        ],
    ),
    (
        "Ferry fares to rise by eight per cent from January",
        "Mia Clark",
        [
            "Ferry fares between the mainland and the islands will rise by eight per cent from January, the operator "
            "announced on Monday, blaming higher fuel and insurance costs for the increase. It is the largest rise "
            "since the route was taken over by the current operator, and it will apply to foot passengers, cars and "
            "commercial vehicles alike.",
            "Islanders said the increase would hit families and small businesses hardest during the quiet months, "
            "when there are no visitors to spread the cost of keeping the service running.",
        ],
    ),
]
TEASERS = [
    [
        "Lifeboat crew rescue two kayakers off Seal Point",
        "School roll falls below forty for the first time",
        "Distillery plans visitor centre on old pier",
    ],
    [
        "Community buyout of estate moves a step closer",
        "New doctor to start at island surgery",
        "Gala week raises record sum for hospice",
    ],
    [
        "Coastguard warns walkers after cliff fall",
        "Bus company adds evening service to Portcraig",
        "Library to open on Sundays from March",
    ],
]


def gazette_page(number: int) -> str:
    headline, reporter, paragraphs = ARTICLES[number]
    lines = [
        "Harbourside Gazette",
        "Home  News  Sport  Community",
        "",
        headline,
        f"By {reporter}",
        "",
        *paragraphs,
        "",
        "Subscribe",
        "",
        *TEASERS[number],
        "Readers share their memories of the old steamer pier and the boats that called there.",
        "",
        "Privacy  Terms  Contact us",
    ]
    return "\n".join(lines) + "\n"


def _bodies(pages: list[str]) -> list[str]:
    records = []
    for number, text in enumerate(pages):
        data = text.encode("utf-8")
        records.append(InputRecord(RawInput(f"page-{number}.txt", sha256_of(data), len(data)), data))
    results = prepare_batch(records, ReadContext(Settings(), MinHashParams()))
    assert all(not result.rejected for result in results), [result.reason for result in results]
    return [result.documents[0].doc.body for result in results]


def test_headings_several_outlets_print_do_not_cut_the_table_under_them() -> None:
    bodies = _bodies([energy_page(number) for number in range(len(OUTLETS))])
    for body, (site, _, _, _, rows, next_steps) in zip(bodies, OUTLETS, strict=True):
        for row in rows:
            assert row.replace("\t", " | ") in body
        assert next_steps in body
        assert "Weather" not in body and site not in body  # the menu learnt across the batch is still dropped


def test_a_learnt_button_still_parts_the_article_from_other_headlines() -> None:
    bodies = _bodies([gazette_page(number) for number in range(len(ARTICLES))])
    for body, (_, _, paragraphs), teasers in zip(bodies, ARTICLES, TEASERS, strict=True):
        assert all(paragraph in body for paragraph in paragraphs)
        assert not any(teaser in body for teaser in teasers)
