"""PDFs for the PDF reader's tests, written with fpdf2 the way report and office tools lay them out.

`report_pdf` sets a report in A4 pages: an optional masthead, the title (wrapped when long), author and date
lines under it, paragraphs wrapped to the text width (fpdf2's `multi_cell`, as a word processor wraps them), a
running header from the second page on and a page number in every footer; `columns=2` sets the body in two
columns.  `image_only_pdf` is a scanned page (an image, no text), `printed_page_pdf` a news page a browser printed,
`unmapped_font_pdf` a page whose font does not map its glyphs to characters.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence

from fpdf import FPDF

BODY_FONT_SIZE = 11
LINE_HEIGHT = 5.5


class _Report(FPDF):
    def __init__(self, running_header: str | None) -> None:
        super().__init__(format="A4")
        self.running_header = running_header
        self.set_auto_page_break(auto=True, margin=20)
        self.set_margins(20, 20, 20)

    def header(self) -> None:
        if self.running_header and self.page_no() > 1:
            self.set_font("Helvetica", "I", 8)
            self.cell(0, 6, self.running_header, align="R")
            self.ln(10)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, str(self.page_no()), align="C")


def report_pdf(
    title: str,
    paragraphs: Sequence[str],
    *,
    front_matter: Sequence[str] = (),
    masthead: str | None = None,
    running_header: str | None = None,
    columns: int = 1,
    title_size: float = 20,
    title_leading: float = 9,
    title_gap: float = 3,
    label: str | None = None,
) -> bytes:
    """A report's PDF: title, front matter lines (authors, date) and paragraphs, in one or two columns.

    `title_size` and `title_leading` (points, millimetres between its lines' baselines) set the title's type,
    `title_gap` the space under it (millimetres); `label` is a word set large over the masthead ("CONFIDENTIAL")."""
    pdf = _Report(running_header)
    pdf.add_page()
    if label:
        pdf.set_font("Helvetica", "B", 28)
        pdf.cell(0, 12, label)
        pdf.ln(14)
    if masthead:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, masthead)
        pdf.ln(12)
    pdf.set_font("Helvetica", "B", title_size)
    pdf.multi_cell(0, title_leading, title)
    pdf.ln(title_gap)
    pdf.set_font("Helvetica", "", 11)
    for line in front_matter:
        pdf.cell(0, 6, line)
        pdf.ln(6)
    pdf.ln(6)
    pdf.set_font("Helvetica", "", BODY_FONT_SIZE)
    if columns == 1:
        for paragraph in paragraphs:
            pdf.multi_cell(0, LINE_HEIGHT, paragraph)
            pdf.ln(3)
    else:
        with pdf.text_columns(ncols=columns, gutter=8, text_align="LEFT") as body:
            for paragraph in paragraphs:
                body.write(paragraph)
                body.ln()
                body.ln()
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    """One page holding a grey image and no text: what a scanner writes."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(_grey_png(200, 280), x=10, y=10, w=190)
    return bytes(pdf.output())


def _grey_png(width: int, height: int) -> io.BytesIO:
    """A plain grey PNG image (no imaging library needed)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 0, 0, 0, 0])
    rows = b"".join(b"\x00" + b"\xa0" * width for _ in range(height))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    return io.BytesIO(data)


class _PrintedPage(FPDF):
    """A browser's print of a web page: the date and the page's <title> in the top margin, its address and the
    page count in the bottom one (Chrome's and Edge's "Save as PDF")."""

    def __init__(self, printed: str, page_title: str, address: str) -> None:
        super().__init__(format="A4")
        self.printed, self.page_title, self.address = printed, page_title, address
        self.alias_nb_pages()

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_xy(10, 5)
        self.cell(60, 5, self.printed)
        self.set_xy(80, 5)
        self.cell(120, 5, self.page_title, align="C")
        self.set_y(20)

    def footer(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_xy(10, -10)
        self.cell(150, 5, self.address)
        self.set_xy(180, -10)
        self.cell(20, 5, f"{self.page_no()}/{{nb}}", align="R")


def printed_page_pdf(
    address: str, page_title: str, menu: Sequence[str], headline: str, byline: str, paragraphs: Sequence[str]
) -> bytes:
    """A news page printed to PDF: margins as a browser prints them, the site's menu, the headline, the byline
    line, the paragraphs and a copyright footer."""
    pdf = _PrintedPage("12/3/26, 6:40 PM", page_title, address)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for item in menu:
        pdf.cell(25, 6, item)
    pdf.ln(12)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 8, headline)
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, byline)
    pdf.ln(10)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph)
        pdf.ln(3)
    pdf.cell(0, 6, "Copyright 2026 Kurier Ost. All rights reserved.")
    return bytes(pdf.output())


def unmapped_font_pdf(glyphs: int = 400) -> bytes:
    """One page drawing `glyphs` glyphs of an embedded subset font (Type0, Identity-H) with no ToUnicode map:
    the page shows letters, the file does not say which.  Written by hand, object by object, with its
    cross-reference table."""
    hexes = "".join(f"{(i % 90) + 3:04X}" for i in range(glyphs))
    stream = f"BT /F1 12 Tf 50 700 Td <{hexes}> Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Frutiger /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Frutiger"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def password_protected_pdf(text: str, user_password: str = "quay-2026") -> bytes:
    """One page of `text`, encrypted: with a user password it opens only with that password; with an empty one
    it opens for anyone ("protected" only against printing or copying, with the owner's password)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_encryption(owner_password="harbour-office", user_password=user_password)
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())
