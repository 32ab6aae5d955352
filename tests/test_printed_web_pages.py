"""A web page a browser printed to PDF, as `pdftotext` gives it (analysts archive articles with "Save as PDF").

The browser prints the date, the page's <title>, its address and a page count in the margins of every page; the
page itself brings its site's menu, related links and footer.  Before, the menu line was the title, the headline
the publisher, the related links and the footer stayed in the body, the address was lost, and with
`pdftotext -layout` (each margin on one line, its parts padded apart) the header stood in the title and the body.
"""

from __future__ import annotations

import textwrap

import pytest

from axis_ingest.clean.hardwrap import printed_page_address, remove_page_furniture
from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import prepare_file

URL = "https://www.harbourtimes.example/news/2021/03/04/port-strike-ends"
TITLE = "Port strike ends after wage deal | Harbour Times"
PARAGRAPHS = [
    "Dock workers at the city's container terminal returned to work on Thursday after union leaders accepted a "
    "three-year wage agreement that ends a strike which had idled cranes for nine days and left dozens of ships "
    "waiting at anchor outside the harbour.",
    "The deal raises hourly pay by 4.5 per cent this year and by 3 per cent in each of the next two, according to "
    "a statement from the port authority, which said ships waiting at anchor would be cleared by the weekend.",
    "Shipping lines had diverted at least a dozen vessels to other ports during the dispute, and exporters of "
    "timber and machinery said the delays had cost them contracts with buyers in Germany and the Netherlands.",
    "Union officials said members had voted by a large majority to accept the offer at a meeting on Wednesday "
    'evening. "It is not everything we asked for, but it is a fair deal," said the union\'s regional secretary, '
    "Lars Holm.",
    "The port authority said it would hire forty more crane operators over the next year to reduce overtime, one "
    "of the workers' main complaints. It also promised to review shift patterns with the union before the summer.",
    "Business groups welcomed the end of the strike but warned that the backlog would take weeks to clear. The "
    "chamber of commerce said some of its members had already moved cargo to rail routes through neighbouring "
    "countries.",
    "The strike was the longest at the port since 1998, when a dispute over pensions closed the terminal for "
    "three weeks. Traffic at the port grew by 6 per cent last year, making it the country's second busiest.",
]


def _page_lines() -> list[str]:
    lines = ["Home  News  Business  Sport  Opinion  Subscribe", "", "Port strike ends after wage deal", ""]
    lines += ["By Maria Jensen", "March 4, 2021", ""]
    for paragraph in PARAGRAPHS:
        lines += [*textwrap.wrap(paragraph, 92), ""]
    lines += ["Related stories", "Ferry fares to rise by a fifth", "New bridge opens to traffic", ""]
    return [*lines, "© 2021 Harbour Times. All rights reserved.", "Privacy policy  Terms of use  Contact"]


MARGINS = {
    "chrome": lambda n, of: (["12/3/26, 6:40 PM", TITLE], [URL, f"{n}/{of}"]),
    "firefox": lambda n, of: ([TITLE, URL], [f"{n} of {of}", "12/3/26, 6:40 PM"]),
    "chrome-layout": lambda n, of: ([f"12/3/26, 6:40 PM{' ' * 30}{TITLE}"], [f"{URL}{' ' * 24}{n}/{of}"]),
    "safari": lambda n, of: ([TITLE, "03.12.26, 18:40"], [URL, f"Page {n} of {of}"]),
    "firefox-german": lambda n, of: ([TITLE, URL], [f"{n} von {of}", "03.12.26, 18:40"]),
}


def printed(browser: str) -> str:
    lines = _page_lines()
    pages = [lines[:24], lines[24:48], lines[48:]]
    out = []
    for n, page in enumerate(pages, start=1):
        top, bottom = MARGINS[browser](n, len(pages))
        out.append("\n".join([*top, *page, *bottom]) + "\n")
    return "\f".join(out)


@pytest.mark.parametrize("form_feeds", [True, False], ids=["pdftotext", "copied-from-a-viewer"])
@pytest.mark.parametrize("browser", list(MARGINS))
def test_a_printed_web_page_is_read_as_the_page_with_its_address(browser: str, form_feeds: bool) -> None:
    """pdftotext ends each page with a form feed; text copied out of a PDF viewer has none, and its margins were
    found only within two lines (blank ones counted) of a bare page count: the title and address stayed."""
    text = printed(browser) if form_feeds else printed(browser).replace("\f", "\n")
    result = prepare_file("port-strike.txt", text.encode(), Settings(), MinHashParams())
    assert result.source_format == "plain_text"
    [prepared] = result.documents
    doc = prepared.doc
    assert doc.title == "Port strike ends after wage deal"
    assert doc.paragraphs == PARAGRAPHS
    assert doc.url == URL
    assert doc.published == "2021-03-04"  # the page's date, not the day it was printed
    assert [author.name for author in doc.authors] == ["Maria Jensen"]
    assert doc.publisher == "Harbour Times"


def test_a_layout_margin_line_is_running_furniture_however_it_is_padded() -> None:
    text = remove_page_furniture(printed("chrome-layout"), printed_page=True)
    assert "6:40 PM" not in text and URL not in text


@pytest.mark.parametrize(
    "footer",
    ["https://www.harbour-authority.example/  {n}/3", "https://www.harbour-authority.example  {n}/3", "Page {n} of 3"],
    ids=["home-page-with-slash", "home-page", "page-numbers-only"],
)
def test_a_reports_footer_with_its_organisations_home_page_is_no_printed_web_page(footer: str) -> None:
    pages = [
        f"Annual report\n\nThe harbour authority handled more cargo than ever.\n{footer.format(n=n)}\n"
        for n in (1, 2, 3)
    ]
    assert printed_page_address("\f".join(pages)) is None


def test_a_fraction_at_a_line_end_in_a_report_removes_nothing_that_does_not_repeat_at_page_edges() -> None:
    report = "\n".join(
        [
            "Results by district",
            "",
            "Northern Basin  3/12",  # a score in a table, shaped like a browser's page count
            "Southern Basin  5/12",
            "",
            "The northern districts met three of twelve targets, the southern ones five.",
            "",
            "Results by district",  # repeated, but not at a page's edge on both printings
            "",
            "The review follows in May.",
        ]
    )
    assert remove_page_furniture(report) == report
    assert remove_page_furniture(report, printed_page=True) == report
