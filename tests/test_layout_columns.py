"""Side-by-side columns of `pdftotext -layout` text (clean/columns.py), read in order by the plain-text reader."""

from __future__ import annotations

import textwrap

from axis_ingest.clean.columns import reading_order
from axis_ingest.readers import read_text

COLUMN_CHARS = 44
LEFT = [
    "The harbour board on Monday approved plans for a new ferry terminal on the east quay, ending a two-year "
    "dispute over the site with the fishing cooperative.",
    "Construction is due to begin in the autumn and the terminal should open in 2026, the board's chair said "
    "after a vote that ran late into the evening and",
]
RIGHT = [
    "was attended by more than two hundred residents, many of whom had opposed the original plans for the west quay.",
    "Members of the cooperative said they would study the final plans before deciding whether to appeal.",
]
HEADER = "HARBOUR POLICY REVIEW" + " " * 46 + "March 2024"


def _column(paragraphs: list[str]) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, COLUMN_CHARS), ""]
    return lines[:-1]


def _layout_page(left: list[str], right: list[str], number: int, title: str = "") -> str:
    """A page as `pdftotext -layout` prints a two-column report: the columns beside each other, a running
    header, a title set across both columns, a centred page number."""
    lines_left, lines_right = _column(left), _column(right)
    rows = max(len(lines_left), len(lines_right))
    lines_left += [""] * (rows - len(lines_left))
    lines_right += [""] * (rows - len(lines_right))
    body = "\n".join(f"{a:<{COLUMN_CHARS}}     {b}".rstrip() for a, b in zip(lines_left, lines_right, strict=True))
    top = f"{HEADER}\n\n" + (f"        {title}\n\n" if title else "")
    return f"{top}{body}\n\n{' ' * 39}{number}\n"


def test_two_columns_printed_side_by_side_are_read_one_after_the_other() -> None:
    """Read line by line, each sentence of the left column was interleaved with the right column's lines; the
    sentence that runs from the foot of the left column to the head of the right one is one paragraph."""
    second_left = ["The ferry operator welcomed the decision and said it would order two new vessels for the route."]
    second_right = ["The board will publish the final designs in May, with a public exhibition in the harbour office."]
    text = (
        _layout_page(LEFT, RIGHT, 1, title="Ferry terminal approved after two-year dispute")
        + "\f"
        + _layout_page(second_left, second_right, 2)
    )
    [doc] = read_text(text)
    assert doc.source_format == "plain_text" and doc.title == "Ferry terminal approved after two-year dispute"
    assert doc.paragraphs[:3] == [LEFT[0], f"{LEFT[1]} {RIGHT[0]}", RIGHT[1]]
    assert doc.paragraphs[3:] == [*second_left, *second_right]  # the last page's few lines too
    assert not any("HARBOUR POLICY REVIEW" in paragraph for paragraph in doc.paragraphs)


def test_a_table_and_single_column_text_are_no_columns() -> None:
    """Left alone: a table's aligned cells (short) and prose in one column keep their lines as printed."""
    table = "\n".join(
        f"{basin:<30}{sailings:>10}     {share:>6}"
        for basin, sailings, share in [
            ("Northern Basin", "3/12", "14%"),
            ("East Quay", "4/12", "18%"),
            ("West Quay", "2/12", "9%"),
            ("Island Route", "6/12", "27%"),
            ("Lighthouse Pier", "1/12", "5%"),
            ("South Slip", "5/12", "22%"),
            ("Fish Market", "1/12", "5%"),
        ]
    )
    prose = "\n".join(textwrap.wrap(LEFT[0] + " " + RIGHT[0], 70))
    for text in (f"{prose}\n\n{table}\n\n{prose}\n", prose):
        assert reading_order(text) == text
