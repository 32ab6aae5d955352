"""Side-by-side columns of page-layout text put back in reading order (`reading_order`).

`pdftotext -layout`, pdfplumber's layout text and a PDF viewer's "save as text" print a page's columns beside
each other: each line holds a line of the left column, a run of spaces (the gutter) and the line of the right
column beside it.  Read line by line, every sentence of a two-column report or newsletter was cut in half and
interleaved with the other column's.  A page's gutter is a character position that a run of spaces covers on
most of its lines that have text on both sides; the lines of a run that keep it clear are split there, and the
left column is read before the right one.  A line that crosses the gutter (a title, a running header set across
both columns) is read where it stands.

Tables are not columns: their cells are short, where a column's lines are prose that fills its width, so both
sides of the split lines must be MIN_COLUMN_CHARS long on average.
"""

from __future__ import annotations

import re
from collections import Counter

# Spaces between two columns: pdftotext pads the gutter to at least two or three; a sentence holds at most two
# spaces in a row (after a full stop).
MIN_GUTTER_SPACES = 3
# Lines of a page that must have the gutter, with text on both sides, for it to count: a few aligned gaps are a
# list of names and numbers, not a layout.
MIN_COLUMN_LINES = 6
# A page whose gutter is the other pages' may show it on fewer lines (a report's last page).
MIN_SHORT_PAGE_LINES = 2
# ... and their share of the page's lines long enough to reach the gutter.
MIN_GUTTER_SHARE = 0.6
# Average characters of each side of the split lines: a two-column A4 page prints 35-55 characters a column
# line; a table's cells ("Northern Basin", "3/12") are shorter.
MIN_COLUMN_CHARS = 25
# A paragraph's first line may be indented this many characters in its column.
MAX_PARAGRAPH_INDENT = 6

_GAP = re.compile(rf" {{{MIN_GUTTER_SPACES},}}")


def reading_order(text: str) -> str:
    """The text with each page's (form feed's) side-by-side columns read one after the other.  A page too short
    to show its gutter (a report's last page, a few lines a column) is split where the other pages are."""
    pages = [page.split("\n") for page in text.split("\f")]
    gutters = [_gutter(lines, MIN_COLUMN_LINES) for lines in pages]
    found = Counter(gutter for gutter in gutters if gutter is not None)
    if not found:
        return text
    usual = found.most_common(1)[0][0]
    return "\f".join(
        _page_in_reading_order(lines, gutter if gutter is not None else _gutter(lines, MIN_SHORT_PAGE_LINES, usual))
        for lines, gutter in zip(pages, gutters, strict=True)
    )


def _page_in_reading_order(lines: list[str], gutter: int | None) -> str:
    if gutter is None:
        return "\n".join(lines)
    right_start = Counter(_indent(line, gutter) for line in lines if _two_sided(line, gutter)).most_common(1)[0][0]
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if line.strip() and not _in_a_column(line, gutter, right_start):
            out += _columns(left, right)  # a line set across the page: a title, a centred page number
            left, right = [], []
            out.append(line.strip())
        else:
            left.append(line[:gutter].strip())
            right.append(line[gutter:].strip())
    return "\n".join(out + _columns(left, right))


def _two_sided(line: str, gutter: int) -> bool:
    return not _crosses(line, gutter) and bool(line[:gutter].strip()) and bool(line[gutter:].strip())


def _indent(line: str, start: int = 0) -> int:
    """Where the line's text begins, from `start` on."""
    part = line[start:]
    return start + len(part) - len(part.lstrip())


def _in_a_column(line: str, gutter: int, right_start: int) -> bool:
    """A line whose text begins where the columns' lines begin (give or take a paragraph's indent): the left
    column's line, the right one's after the gutter, or both.  A running header ("HARBOUR REVIEW       March
    2024") or a centred page number begins elsewhere."""
    if _crosses(line, gutter):
        return False
    left, right = line[:gutter].strip(), line[gutter:].strip()
    if left and _indent(line) > MAX_PARAGRAPH_INDENT:
        return False
    return not right or right_start - 1 <= _indent(line, gutter) <= right_start + MAX_PARAGRAPH_INDENT


def _columns(left: list[str], right: list[str]) -> list[str]:
    """A run of split lines: the left column's lines, then the right column's, between blank lines.  A blank line
    where a column has none is its paragraph break; the blank lines around a column's text are dropped, so a
    sentence that runs on from the foot of the left column to the head of the right one is re-joined as any
    wrapped line is."""
    left, right = _trimmed(left), _trimmed(right)
    return ["", *left, *right, ""] if left or right else []


def _trimmed(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def _crosses(line: str, gutter: int) -> bool:
    """The line has text at the gutter's position (or right beside it): it is set across both columns."""
    return len(line) > gutter and not line[gutter - 1 : gutter + 1].isspace()


def _gutter(lines: list[str], min_lines: int, only: int | None = None) -> int | None:
    """The character position of the page's gutter (`only` that one: the other pages'), or None when its lines
    are no side-by-side columns."""
    covered: Counter[int] = Counter()
    for line in lines:
        text_end = len(line.rstrip())
        for gap in _GAP.finditer(line):
            if gap.start() > 0 and gap.end() < text_end:  # text on both sides
                covered.update(range(gap.start() + 1, gap.end()))
    if only is not None:
        covered = Counter({only: covered[only]})
    if not covered:
        return None
    gutter, count = max(covered.items(), key=lambda item: (item[1], -item[0]))
    reaching = [line for line in lines if len(line.rstrip()) > gutter]
    if count < min_lines or count < MIN_GUTTER_SHARE * len(reaching):
        return None
    split = [(line[:gutter].strip(), line[gutter:].strip()) for line in reaching if not _crosses(line, gutter)]
    split = [(a, b) for a, b in split if a and b]
    if not split:
        return None
    left_chars = sum(len(a) for a, _ in split) / len(split)
    right_chars = sum(len(b) for _, b in split) / len(split)
    return gutter if min(left_chars, right_chars) >= MIN_COLUMN_CHARS else None
