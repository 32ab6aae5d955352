"""Reader for PDF files (source_format "pdf"): a report, a brief, a web page a browser printed to PDF.

Analysts keep reports and printed articles as PDFs, and a PDF in `raw/` was rejected with the advice to run
`pdftotext -layout` on it first.  pdfminer.six (pure Python) now groups each page's characters into lines and
the lines into text boxes (a paragraph, a heading, a running header, a column's part of a paragraph).  The
boxes are put in the order the page's content draws them, a blank line between two boxes and a form feed
between pages, and that text is read exactly as pdftotext's is (`plaintext.read_plain_text`): page numbers and
running headers removed, hard wraps re-joined, a paragraph cut by a column's or page's end joined again, title
and front matter (authors, date) from the first page's layout, a web page a browser printed read as its page's
text.

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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTLayoutContainer, LTPage, LTTextBox
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException

from axis_ingest.clean.hardwrap import printed_page_address
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.plaintext import read_plain_text

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
        raise RejectedInput(
            "a PDF without a text layer (scanned pages, or only images): run OCR on it first "
            "(e.g. `ocrmypdf file.pdf file-ocr.pdf`) and ingest the result"
        )
    documents = read_plain_text(text, raw)
    for document in documents:
        document.source_format = "pdf"
    return documents


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str  # every page's text boxes in drawing order, a blank line between them, pages separated by form feeds
    characters: int  # characters drawn
    unmapped: int  # of them, glyphs whose font names no character (left out of `text`)


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
        return PdfText(whole, device.characters, device.unmapped)
    running = _running_boxes(pages)
    text = "\f".join("\n".join(box.text for box in page if id(box) not in running) for page in pages)
    return PdfText(text, device.characters, device.unmapped)


@dataclass(frozen=True, slots=True)
class PlacedBox:
    text: str  # its lines, each ending in a newline
    x0: float  # its left edge and the bottom and top of its last and first lines, in points from the page's foot
    y0: float
    y1: float
    page_height: float

    @property
    def in_margin(self) -> bool:
        return self.y0 >= (1 - MARGIN_BAND) * self.page_height or self.y1 <= MARGIN_BAND * self.page_height

    @property
    def key(self) -> str:
        return _DIGITS.sub("#", " ".join(self.text.split()))


def _placed_boxes(page: LTPage, drawn: dict[int, int]) -> list[PlacedBox]:
    """A page's text boxes (lines grouped by pdfminer's layout analysis, text inside figures too) in the order
    the page draws their first characters."""
    boxes = list(_text_boxes(page))
    boxes.sort(key=lambda box: min((drawn.get(id(char), 0) for char in _chars(box)), default=0))
    return [PlacedBox(box.get_text(), box.x0, box.y0, box.y1, page.height) for box in boxes]


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

    def begin_page(self, page: PDFPage, ctm: Any) -> None:
        self.drawn = {}
        super().begin_page(page, ctm)

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        advance = super().render_char(*args, **kwargs)
        self.drawn[id(self.cur_item._objs[-1])] = len(self.drawn)  # the LTChar just added (pdfminer has no getter)
        self.characters += 1
        return advance

    def handle_undefined_char(self, font: Any, cid: int) -> str:
        self.unmapped += 1
        return ""


def _text_boxes(container: LTLayoutContainer) -> Iterator[LTTextBox]:
    for item in container:
        if isinstance(item, LTTextBox):
            yield item
        elif isinstance(item, LTLayoutContainer):  # a figure (a form drawn inside the page) with its own boxes
            yield from _text_boxes(item)


def _chars(box: LTTextBox) -> Iterator[LTChar]:
    for line in box:
        for item in line:
            if isinstance(item, LTChar):
                yield item
