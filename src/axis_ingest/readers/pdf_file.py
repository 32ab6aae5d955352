"""Reader for PDF files (source_format "pdf"): a report, a brief, a web page a browser printed to PDF.

Analysts keep reports and printed articles as PDFs, and a PDF in `raw/` was rejected with the advice to run
`pdftotext -layout` on it first.  pdfminer.six (pure Python) now groups each page's characters into lines and
the lines into text boxes (a paragraph, a heading, a running header, a column's part of a paragraph).  The
boxes are put in the order the page's content draws them, a blank line between two boxes and a form feed
between pages, and that text is read exactly as pdftotext's is (`plaintext.read_plain_text`): page numbers and
running headers removed, hard wraps re-joined, a paragraph cut by a column's or page's end joined again, front
matter (authors, date) from the first page's layout, a web page a browser printed read as its page's text.

The title is what the first page sets in the largest type, when that is clearly larger than the text
(`_typeset_title`): plain text knows a title only as the first lines, and a report's masthead, a journal's
header or a form's number printed above the title became the title, a title wrapped over two text boxes lost
its second line (to the authors), and a paper's title ran on into its author line (pdfminer put both in one
box).  A box's lines of another size are a box of their own for the same reason.

Why the drawing order: office tools, LaTeX and browsers draw a page's text in reading order (a two-column
report's left column before its right one, a running header first or last).  pdfminer's own ordering of boxes
(`boxes_flow`) mixes their horizontal and vertical positions, and on the second page of a two-column brief of
the tests it read the right column first, because the running header sits above it; with `boxes_flow` 0 it
put that header between the columns, where it is no page's edge and was kept as text.  pypdf's layout mode
(`pdftotext -layout` style) ran long lines of a left column into the right one ("two years.Most of the"), and
its plain mode has no paragraph breaks.

The file's document information (/Title, /Author, /CreationDate) describes the file ("Microsoft Word -
Bericht_final.docx", the template's owner, the day of the export), as a Word document's properties do, and is
not read.  A PDF of scanned pages has no text to extract: it is rejected with the advice to run OCR.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTLayoutContainer, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException

from axis_ingest.clean.hardwrap import document_words, join_lines, printed_page_address
from axis_ingest.clean.lines import UNSPACED
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.plaintext import FRONT_MAX_WORDS, SECTION_NAMES, TITLE_MAX_CHARS, read_plain_text

# pdfminer.six logs what it works around in a file's structure ("Could not get FontBBox from font descriptor")
# as warnings, one or more for each such PDF: nothing a user can act on (this reader's rejections say what to do).
logging.getLogger("pdfminer").setLevel(logging.ERROR)
# Below this many letters in the whole file a PDF is taken for scanned pages (an image per page, maybe a
# producer's stamp or a page number in text): no article is that short.
MIN_TEXT_LETTERS = 200
# A glyph whose font names no character for it (no ToUnicode map, a symbol font) is dropped (pdfminer printed
# "(cid:13)" for the "©" of the GNU manual in /usr/share/doc); above this share of the characters drawn the text
# is unreadable: a subset font without its map, as some typesetting tools embed.
MAX_UNMAPPED_SHARE = 0.05
# A running header or footer: a text box (digits aside: page numbers) printed at the same place, within this
# many points, on at least two pages, in the band of this share of the page's height at its top or bottom.
# The text-based furniture remover (`hardwrap.remove_page_furniture`) also removed a report's title from its
# first page when the running header repeats it ("Shared MIME-info Database", freedesktop's specification):
# the title is printed elsewhere and larger, and the geometry tells them apart.
SAME_PLACE_POINTS = 4.0
MARGIN_BAND = 0.12
# The title's type is at least this many times the size most of the file's characters are set in.  The real PDFs
# of py-pdf's sample-files and pdfminer.six's samples set their titles 1.3 (a LaTeX paper's 14.3 pt over 11 pt,
# a German lecture script's) to 4.4 times (a Google Docs title, 26 pt over 11) the text; a summary's subtitle at
# 1.08 times (the DMCA summary's, 13 pt over 12), a paper's 12 pt title at 1.2 times its 10 pt text and a
# journal's headline at 1.18 times its 8.5 pt text ("Accidents and Incidents Involving Cabin Depressurization")
# are left to the plain-text reader, which reads the first lines.
MIN_TITLE_SIZE_RATIO = 1.25
# A title has two words of two letters or more (four characters of a script written without spaces count as
# two): a drop cap, a form's number ("1040NR"), a magazine's section label ("flightoPS"), a figure's symbols ("V
# C", a paper of pdfplumber's samples), a table's digits ("1 1 9 1") or a heading set letter by letter ("N C S F")
# is no title.
MIN_TITLE_WORDS = 2
# ... and stands in the upper two thirds of the first page (a big label in a page's foot is not a title).
TITLE_ZONE = 2 / 3
# Lines whose sizes differ by at most this many points are set in one size (pdfminer gives a 14.3 pt title's
# characters sizes a few hundredths apart): a title wrapped over two boxes is one title.
SAME_SIZE_POINTS = 0.6
# Two lines of one text box whose sizes differ by more than this ratio start two boxes: a title over its author
# line, a heading over its paragraph (pdfminer groups lines by their spacing alone).
NEW_BOX_SIZE_RATIO = 1.15
# A box over the title of at most this many words is a masthead (see `_over_the_title`); the plain-text reader's
# front matter lines have as many.
MASTHEAD_MAX_WORDS = FRONT_MAX_WORDS
_DIGITS = re.compile(r"\d+")
# What pdfminer.six raises on a damaged file besides its own errors (PSException and its subclasses): a stream
# that does not inflate, an object of the wrong type where another is expected.  The file's fault, not ours.
_DAMAGED_FILE_ERRORS = (PSException, ValueError, KeyError, TypeError, IndexError, struct.error, zlib.error)


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_pdf(record.data, record.raw, max_chars=context.settings.limits.max_text_chars)


def read_pdf(data: bytes, raw: RawInput | None = None, *, max_chars: int | None = None) -> list[Document]:
    """One PDF file -> its article(s), read from the text of its pages; RejectedInput when it has none, or more
    than `max_chars` characters of text (the limit a text file's decoding applies: `limits.max_text_chars`)."""
    extracted = pdf_text(data)
    if max_chars is not None and len(extracted.text) > max_chars:
        raise RejectedInput(
            f"the PDF's text of {len(extracted.text):,} characters is over the limit of {max_chars:,} "
            "(limits.max_text_chars); split the file or raise the limit"
        )
    if extracted.unmapped > MAX_UNMAPPED_SHARE * extracted.characters:
        raise RejectedInput(
            f"a PDF whose fonts do not say which letters they draw ({extracted.unmapped:,} of "
            f"{extracted.characters:,} characters): its text cannot be extracted; run OCR on it "
            "(e.g. `ocrmypdf --force-ocr file.pdf file-ocr.pdf`) and ingest the result"
        )
    text = extracted.text
    if sum(character.isalpha() for character in text) < MIN_TEXT_LETTERS:
        raise RejectedInput(_too_little_text(extracted))
    documents = read_plain_text(text, raw, title=extracted.title, masthead=extracted.masthead)
    for document in documents:
        document.source_format = "pdf"
    return documents


def _too_little_text(extracted: PdfText) -> str:
    """Why a PDF with (almost) no text is rejected: scanned pages when it holds images, else a file whose text is
    too short to be an article (a form, a figure, a cover), which may still draw more as shapes."""
    if extracted.images:
        return (
            "a PDF without a text layer (scanned pages, or only images): run OCR on it first "
            "(e.g. `ocrmypdf file.pdf file-ocr.pdf`) and ingest the result"
        )
    words = len(extracted.text.split())
    held = f"only {words} word{'s' if words != 1 else ''} of text" if words else "no text"
    return (
        f"a PDF with {held} and no images: too short to be an article; if its pages show more text, it is drawn "
        "as shapes: run OCR on it (e.g. `ocrmypdf --force-ocr file.pdf file-ocr.pdf`) and ingest the result"
    )


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str  # every page's text boxes in drawing order, a blank line between them, pages separated by form feeds
    characters: int  # characters drawn
    unmapped: int  # of them, glyphs whose font names no character (left out of `text`)
    images: int = 0  # images drawn (a scanned page is one)
    title: str | None = None  # the first page's largest type (`_typeset_title`), left out of `text`
    masthead: tuple[str, ...] = ()  # the short lines over that title (`_over_the_title`), left out of `text`


def pdf_text(data: bytes) -> PdfText:
    """The text of a PDF's pages; RejectedInput when the file is damaged or locked with a password."""
    resources = PDFResourceManager(caching=True)
    device = _DrawingOrder(resources, LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(resources, device)
    pages: list[list[PlacedBox]] = []
    with _file_errors():  # an empty user password opens most "protected" PDFs: they only restrict printing
        unread = PDFPage.get_pages(io.BytesIO(data), password="")
    while True:
        with _file_errors():
            page = next(unread, None)
            if page is None:
                break
            interpreter.process_page(page)  # draws the page, groups its characters into lines and boxes
        pages.append(_placed_boxes(device.get_result(), device.drawn))
    whole = "\f".join("\n".join(box.text for box in page) for page in pages)
    if printed_page_address(whole):  # a browser's margins: the plain-text reader reads them (the page's address)
        return PdfText(whole, device.characters, device.unmapped, device.images)
    running = _running_boxes(pages)
    title_boxes = _typeset_title(pages, running)
    title = _joined_lines([" ".join(line.split()) for box in title_boxes for line in box.text.splitlines()], whole)
    if len(title) > TITLE_MAX_CHARS or title.casefold() in SECTION_NAMES:  # a block of large text, "Contents"
        title, title_boxes = "", []
    masthead = _over_the_title(pages[0], title_boxes, running) if title_boxes else []
    left_out = running | {id(box) for box in title_boxes + masthead}
    text = "\f".join("\n".join(box.text for box in page if id(box) not in left_out) for page in pages)
    return PdfText(
        text,
        device.characters,
        device.unmapped,
        device.images,
        title or None,
        tuple(" ".join(box.text.split()) for box in masthead),
    )


@dataclass(frozen=True, slots=True)
class PlacedBox:
    text: str  # its lines, each ending in a newline
    x0: float  # its left edge and the bottom and top of its last and first lines, in points from the page's foot
    y0: float
    y1: float
    page_height: float
    size: float = 0.0  # the type size its lines are set in (the median of their characters'), in points
    characters: int = 0  # characters drawn in it (spaces aside)

    @property
    def in_margin(self) -> bool:
        return self.y0 >= (1 - MARGIN_BAND) * self.page_height or self.y1 <= MARGIN_BAND * self.page_height

    @property
    def key(self) -> str:
        return _DIGITS.sub("#", " ".join(self.text.split()))


def _placed_boxes(page: LTPage, drawn: dict[int, int]) -> list[PlacedBox]:
    """A page's text boxes (lines grouped by pdfminer's layout analysis, text inside figures too; a box's lines of
    another size a box of their own) in the order the page draws their first characters."""
    runs = [run for box in _text_boxes(page) for run in _runs_of_one_size(box)]
    runs.sort(key=lambda run: min((drawn.get(id(char), 0) for line in run for char in _line_chars(line)), default=0))
    return [_placed(run, page.height) for run in runs]


def _runs_of_one_size(box: LTTextBox) -> Iterator[list[LTTextLine]]:
    """A text box's lines, cut where the type size changes by more than NEW_BOX_SIZE_RATIO."""
    run: list[LTTextLine] = []
    for line in box:
        if not isinstance(line, LTTextLine):
            continue
        if run and _size_changes(_line_size(run[-1]), _line_size(line)):
            yield run
            run = []
        run.append(line)
    if run:
        yield run


def _size_changes(before: float, after: float) -> bool:
    return min(before, after) > 0 and max(before, after) > NEW_BOX_SIZE_RATIO * min(before, after)


def _placed(lines: list[LTTextLine], page_height: float) -> PlacedBox:
    chars = [char for line in lines for char in _line_chars(line)]
    return PlacedBox(
        "".join(line.get_text() for line in lines),
        min(line.x0 for line in lines),
        lines[-1].y0,
        lines[0].y1,
        page_height,
        _median_size(chars),
        len(chars),
    )


def _line_size(line: LTTextLine) -> float:
    return _median_size(list(_line_chars(line)))


def _median_size(chars: list[LTChar]) -> float:
    """The size most of the characters are set in (a superscript or a drop cap aside); 0 for none."""
    sizes = sorted(char.size for char in chars)
    return sizes[len(sizes) // 2] if sizes else 0.0


def _typeset_title(pages: list[list[PlacedBox]], running: set[int]) -> list[PlacedBox]:
    """The first page's boxes set in its largest type, when that type is MIN_TITLE_SIZE_RATIO times the text's
    size or more and holds a title's words in the page's upper part: the box of that size drawn first and the
    boxes of its size drawn right before and after it (a title wrapped over boxes).  [] when there is none."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for box in page:
            sizes[round(box.size * 2) / 2] += box.characters
    if not pages or not sizes:
        return []
    text_size = sizes.most_common(1)[0][0]
    first = [box for box in pages[0] if id(box) not in running]
    candidates = [
        box
        for box in first
        if box.size >= MIN_TITLE_SIZE_RATIO * text_size
        and box.y1 >= (1 - TITLE_ZONE) * box.page_height
        and _title_words(box.text) >= MIN_TITLE_WORDS
    ]
    if not candidates:
        return []
    largest = max(candidates, key=lambda box: box.size)  # the first drawn of the largest
    start = end = first.index(largest)
    while start > 0 and abs(first[start - 1].size - largest.size) <= SAME_SIZE_POINTS:
        start -= 1
    while end + 1 < len(first) and abs(first[end + 1].size - largest.size) <= SAME_SIZE_POINTS:
        end += 1
    return first[start : end + 1]


def _over_the_title(first_page: list[PlacedBox], title: list[PlacedBox], running: set[int]) -> list[PlacedBox]:
    """The boxes the first page draws before its title and above it, each a line or a few of at most
    MASTHEAD_MAX_WORDS words: an organisation's name, a series label ("POLICY BRIEF 4/2026", "CONFIDENTIAL"), a
    journal's header, a date.  Neither the article's text nor its front matter (which sits under the title)."""
    start = first_page.index(title[0])
    top = max(box.y1 for box in title)
    above = [box for box in first_page[:start] if id(box) not in running and box.y0 >= top - SAME_PLACE_POINTS]
    return [box for box in above if _words(box.text) <= MASTHEAD_MAX_WORDS]


def _words(text: str) -> int:
    return len(text.split()) + len(UNSPACED.findall(text)) // 2


def _title_words(text: str) -> int:
    """Words of two letters or more (two characters of a script without spaces count as one)."""
    spaced = sum(sum(map(str.isalpha, word)) >= 2 for word in text.split() if not UNSPACED.search(word))
    return spaced + len(UNSPACED.findall(text)) // 2


def _joined_lines(lines: list[str], text: str) -> str:
    """A title's lines as one line, a word split at a line's end joined as the text spells it."""
    joined = ""
    for line in (line.strip() for line in lines):
        if line:
            joined = join_lines(joined, line, lambda: document_words(text)) if joined else line
    return joined


def _running_boxes(pages: list[list[PlacedBox]]) -> set[int]:
    """The ids of the boxes that are running headers or footers: in a margin band, and printed with the same text
    (digits aside) at the same place on at least two pages."""
    by_key: dict[str, list[PlacedBox]] = {}
    for page in pages:
        for box in page:
            if box.in_margin and box.key:
                by_key.setdefault(box.key, []).append(box)
    running: set[int] = set()
    for boxes in by_key.values():
        for box in boxes:
            same_place = [other for other in boxes if _same_place(box, other)]
            if len(same_place) >= 2:
                running.update(id(other) for other in same_place)
    return running


def _same_place(one: PlacedBox, other: PlacedBox) -> bool:
    return abs(one.x0 - other.x0) <= SAME_PLACE_POINTS and abs(one.y0 - other.y0) <= SAME_PLACE_POINTS


@contextmanager
def _file_errors() -> Iterator[None]:
    """pdfminer's errors on this file as the file's rejection; only pdfminer's own work runs inside (an error of
    this module is a bug, not a damaged file)."""
    try:
        yield
    except PDFPasswordIncorrect as exc:
        raise RejectedInput(
            "a password-protected PDF: open it with its password and save or print it as a PDF without one"
        ) from exc
    except _DAMAGED_FILE_ERRORS as exc:
        raise RejectedInput(
            f"a damaged PDF ({type(exc).__name__}: {exc}): open it in a PDF viewer and save or print it again"
        ) from exc


class _DrawingOrder(PDFPageAggregator):
    """pdfminer's page aggregator, numbering each character in the order the page's content draws it."""

    def __init__(self, resources: PDFResourceManager, laparams: LAParams) -> None:
        super().__init__(resources, laparams=laparams)
        self.drawn: dict[int, int] = {}  # id(LTChar) -> its number on the page
        self.characters = 0  # drawn in the whole file
        self.unmapped = 0  # glyphs whose font names no character
        self.images = 0  # drawn in the whole file

    def begin_page(self, page: PDFPage, ctm: Any) -> None:
        self.drawn = {}
        super().begin_page(page, ctm)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance = super().render_char(*args, **kwargs)
        self.drawn[id(self.cur_item._objs[-1])] = len(self.drawn)  # the LTChar just added (pdfminer has no getter)
        self.characters += 1
        return advance

    def render_image(self, name: str, stream: Any) -> None:
        self.images += 1
        super().render_image(name, stream)

    def handle_undefined_char(self, font: Any, cid: int) -> str:
        self.unmapped += 1
        return ""


def _text_boxes(container: LTLayoutContainer) -> Iterator[LTTextBox]:
    for item in container:
        if isinstance(item, LTTextBox):
            yield item
        elif isinstance(item, LTLayoutContainer):  # a figure (a form drawn inside the page) with its own boxes
            yield from _text_boxes(item)


def _line_chars(line: LTTextLine) -> Iterator[LTChar]:
    """A line's drawn characters, spaces aside (pdfminer sizes the spaces it inserts after the line's last font)."""
    for item in line:
        if isinstance(item, LTChar) and not item.get_text().isspace():
            yield item
