"""PDF files (readers/pdf_file.py): a policy brief in one and in two columns, a scanned page, a locked file."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF

from axis_ingest.config import Limits, Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import RejectedInput
from axis_ingest.prepare import prepare_file
from axis_ingest.readers.pdf_file import read_pdf
from axis_ingest.sniff import binary_container
from pdfs import image_only_pdf, password_protected_pdf, printed_page_pdf, report_pdf, unmapped_font_pdf

IngestTexts = Callable[[dict[str, str | bytes]], Path]  # the conftest fixture

TITLE = "Harbour budget: what the 48 million euros will buy for the eastern quay and the ferry terminal"
FRONT_MATTER = ["Anna Lindqvist and Pekka Virtanen", "Baltic Ports Institute", "March 2026"]
PARAGRAPHS = [
    "The harbour board approved a budget of 48 million euros for the next three years on Tuesday, after a debate "
    "that lasted most of the afternoon and ended with a narrow vote of seven to five.",
    "Most of the money will go to the eastern quay, whose walls have been sinking since the storm surge of 2023. "
    "Engineers told the board that without repairs the quay would have to close to heavy traffic within two years.",
    'The opposition criticised the plan as too timid. "We are patching a wall that needs to be rebuilt," said '
    "councillor Miriam Okafor, who had proposed a larger programme financed by a bond.",
    "Port director Henrik Aalto defended the budget. He said the board had chosen the repairs that would keep the "
    "port open while a study of a new quay is completed next spring.",
    "Shipping companies welcomed the decision. The port handled 2.3 million tonnes of cargo last year, a record, "
    "and several lines had warned that they would move to other ports if the quay closed.",
]
# Each paragraph made distinct, so that order and completeness can be checked: twelve rounds fill four pages
# (three in two columns), the running header on all but the first.
BODY = [f"Round {round_ + 1}. {paragraph}" for round_ in range(12) for paragraph in PARAGRAPHS]
RUNNING_HEADER = "Harbour budget 2026-2028"


def _brief(columns: int = 1) -> bytes:
    return report_pdf(TITLE, BODY, front_matter=FRONT_MATTER, running_header=RUNNING_HEADER, columns=columns)


def test_a_policy_brief_pdf_is_read_like_its_pdftotext_text(ingest_texts: IngestTexts) -> None:
    """A PDF was rejected with the advice to run pdftotext; its text is now extracted and read as such text is: the
    wrapped title joined, the authors and the month under it used, running headers and page numbers gone."""
    data = _brief()
    assert binary_container(data) == "pdf"
    db = ingest_texts({"harbour-brief.pdf": data})
    with sqlite3.connect(db) as conn:
        source_format, title, published, body = conn.execute(
            "SELECT source_format, title, published, body FROM articles"
        ).fetchone()
        authors = [row[0] for row in conn.execute("SELECT name FROM authors ORDER BY id")]
    assert (source_format, title, published) == ("pdf", TITLE, "2026-03")
    assert authors == ["Anna Lindqvist", "Pekka Virtanen"]
    assert body.split("\n\n") == BODY
    assert RUNNING_HEADER not in body


def test_a_two_column_brief_is_read_column_after_column() -> None:
    """The left column before the right one, and a paragraph that runs from the foot of one column to the top of
    the next is one paragraph (pdftotext -layout printed the columns side by side, line by line)."""
    [doc] = read_pdf(_brief(columns=2))
    assert doc.title == TITLE
    assert doc.paragraphs == BODY


def test_a_news_page_printed_to_pdf_is_read_as_the_page() -> None:
    """Chrome's "Save as PDF" of an article: the margins (print date, <title>, address, page count) go, the
    address is the article's URL, and the page's text is read as a copied page's is (menu and footer out, the
    headline, the byline and its date)."""
    address = "https://www.kurier-ost.example/region/harbour-board-approves-budget-a-5f1c"
    data = printed_page_pdf(
        address,
        "Harbour board approves budget | Kurier Ost",
        ["Home", "Region", "Politics", "Sport", "Subscribe"],
        "Harbour board approves budget",
        "By Anna Lindqvist | March 3, 2026",
        PARAGRAPHS,
    )
    [doc] = read_pdf(data)
    assert (doc.source_format, doc.url, doc.title) == ("pdf", address, "Harbour board approves budget")
    assert (doc.evidence.bylines[0], doc.evidence.published[0]) == ("By Anna Lindqvist", "March 3, 2026")
    assert doc.paragraphs == PARAGRAPHS


def test_a_scanned_pdf_is_rejected_with_the_advice_to_run_ocr(ingest_texts: IngestTexts) -> None:
    db = ingest_texts({"scan.pdf": image_only_pdf()})
    with sqlite3.connect(db) as conn:
        status, reason = conn.execute("SELECT status, reason FROM raw_documents").fetchone()
    assert status == "rejected"
    assert "without a text layer" in reason and "OCR" in reason


def test_a_pdf_whose_font_does_not_map_its_glyphs_is_rejected_with_the_advice_to_run_ocr() -> None:
    """pdfminer prints "(cid:13)" for a glyph its font names no character for; a page of nothing else was 400
    such marks of "text" (a subset font embedded without its map)."""
    with pytest.raises(RejectedInput, match=r"fonts do not say which letters they draw.*OCR"):
        read_pdf(unmapped_font_pdf())


def test_a_pdf_that_needs_a_password_to_open_is_rejected_with_what_to_do() -> None:
    with pytest.raises(RejectedInput, match="password-protected PDF"):
        read_pdf(password_protected_pdf(" ".join(PARAGRAPHS)))
    # left alone: a PDF "protected" only against printing or copying opens without a password, and is read
    [doc] = read_pdf(password_protected_pdf(" ".join(PARAGRAPHS), user_password=""))
    assert doc.paragraphs == [" ".join(PARAGRAPHS)]


@pytest.mark.parametrize("data", [b"%PDF-1.7\n" + bytes(range(256)) * 20, b"%PDF-1.4\n"])
def test_a_damaged_pdf_is_rejected_as_damaged(data: bytes) -> None:
    """Bytes that open like a PDF and hold no document: a reason, not an internal error."""
    with pytest.raises(RejectedInput, match="damaged PDF"):
        read_pdf(data)


def test_a_pdf_saved_under_another_name_is_still_read(ingest_texts: IngestTexts) -> None:
    """Known by its bytes: a download saved as .txt (or without a suffix) is read as the PDF it is."""
    db = ingest_texts({"brief.txt": _brief(), "download": b"\r\n" + _brief()})  # bytes before the header
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT path, status, reason FROM raw_documents ORDER BY path").fetchall()
        formats = conn.execute("SELECT DISTINCT source_format FROM articles").fetchall()
    assert [status for _, status, _ in rows] == ["loaded", "duplicate"], rows
    assert formats == [("pdf",)]


def test_a_text_that_quotes_a_pdf_header_is_no_pdf() -> None:
    """Left alone: an explainer on file formats opens by quoting the header; it is text."""
    text = b"How to spot a PDF: every file opens with %PDF-1.7, the version of the format it follows.\n"
    assert binary_container(text) is None


def test_a_running_header_that_repeats_the_title_leaves_the_title() -> None:
    """A report repeats its title in the running header of every page but the first: as text alone the title
    line was furniture and went with the headers (freedesktop's "Shared MIME-info Database" specification lost
    its title).  The header is printed small at the same place on each page, the title large on the first."""
    title = "Harbour budget 2026-2028"
    [doc] = read_pdf(report_pdf(title, BODY, front_matter=FRONT_MATTER, running_header=title))
    assert doc.title == title
    assert doc.paragraphs == BODY
    # left alone: a page's own lines printed in its margin once, or at different places, stay
    [doc] = read_pdf(report_pdf(TITLE, BODY[:3], front_matter=FRONT_MATTER, running_header=RUNNING_HEADER))
    assert doc.paragraphs == BODY[:3]


def test_pdfminers_warnings_about_a_files_structure_are_not_printed(caplog: pytest.LogCaptureFixture) -> None:
    """pdfminer warned "Could not get FontBBox from font descriptor" for this file, on the CLI's output."""
    with caplog.at_level(logging.WARNING), pytest.raises(RejectedInput):
        read_pdf(unmapped_font_pdf())
    assert [record.getMessage() for record in caplog.records if record.name.startswith("pdfminer")] == []


def test_a_pdfs_text_over_the_limit_on_text_is_rejected_with_the_limit() -> None:
    """A PDF's text never went through the decoder's limit on text (`limits.max_text_chars`): a book-length file
    was read whole.  Left alone: the same file under a limit its text fits in."""
    data = _brief()
    result = prepare_file("brief.pdf", data, Settings(limits=Limits(max_text_chars=5_000)), MinHashParams())
    assert result.reason is not None and "over the limit of 5,000 (limits.max_text_chars)" in result.reason
    assert prepare_file("brief.pdf", data, Settings(), MinHashParams()).reason is None


def test_the_title_is_the_first_pages_largest_type_not_the_masthead_over_it() -> None:
    """As text, a report's first line is its title: the masthead over it ("BALTIC PORTS INSTITUTE | POLICY BRIEF
    4/2026") was the title and the real title opened the body.  The PDF sets the title in its largest type; the
    short lines over it are out of the body, an organisation among them names the publisher."""
    masthead = "BALTIC PORTS INSTITUTE | POLICY BRIEF 4/2026"
    [doc] = read_pdf(report_pdf(TITLE, BODY[:10], front_matter=FRONT_MATTER, masthead=masthead))
    assert doc.title == TITLE
    assert (doc.evidence.bylines, doc.evidence.published) == (["Anna Lindqvist and Pekka Virtanen"], ["March 2026"])
    assert masthead in doc.evidence.site_names
    assert doc.paragraphs == BODY[:10]
    # left alone: a label set larger than the title is one word, no title ("CONFIDENTIAL"), and is no author
    [doc] = read_pdf(report_pdf(TITLE, BODY[:10], front_matter=FRONT_MATTER, label="CONFIDENTIAL"))
    assert (doc.title, doc.evidence.bylines) == (TITLE, ["Anna Lindqvist and Pekka Virtanen"])
    assert doc.paragraphs == BODY[:10]


def test_a_title_set_close_over_its_author_line_ends_where_the_type_gets_smaller() -> None:
    """With no space under the title, pdfminer puts the title's lines and the author line in one text box, and
    the title ran on into the authors' names ("... the ferry terminal Anna Lindqvist and Pekka Virtanen")."""
    [doc] = read_pdf(report_pdf(TITLE, BODY[:10], front_matter=FRONT_MATTER, title_gap=0, title_leading=8))
    assert doc.title == TITLE
    assert (doc.evidence.bylines, doc.evidence.published) == (["Anna Lindqvist and Pekka Virtanen"], ["March 2026"])
    assert doc.paragraphs == BODY[:10]


def test_a_title_whose_widely_spaced_lines_are_two_boxes_is_one_title() -> None:
    """A cover's title in large type with wide leading is two text boxes: its first line was the title and the
    rest went to the authors ("Einführung in die" / "Geometrie und Topologie": two authors)."""
    title = "Einführung in die Geometrie und Topologie der Häfen an der Ostsee und Nordsee"
    [doc] = read_pdf(report_pdf(title, PARAGRAPHS, front_matter=FRONT_MATTER, title_size=24, title_leading=16))
    assert doc.title == title
    assert doc.evidence.bylines == ["Anna Lindqvist and Pekka Virtanen"]
    assert doc.paragraphs == PARAGRAPHS


def test_a_report_set_in_one_size_keeps_the_title_its_first_lines_give() -> None:
    """Left alone: a memo whose title is no larger than its text is read as its text is (the first lines)."""
    [doc] = read_pdf(report_pdf(TITLE, BODY[:10], front_matter=FRONT_MATTER, title_size=11, title_leading=5.5))
    assert doc.title == TITLE
    assert doc.evidence.bylines == ["Anna Lindqvist and Pekka Virtanen"]
    assert doc.paragraphs == BODY[:10]


def test_a_pdf_with_a_few_words_and_no_images_is_not_called_scanned() -> None:
    """A form, a figure or a cover holds a few words of text and no image: it was rejected as "without a text
    layer (scanned pages)", which it is not.  Left alone: a scanned page (an image) keeps the OCR advice."""
    with pytest.raises(RejectedInput, match=r"only 8 words of text and no images") as rejected:
        read_pdf(password_protected_pdf("Application form for a berth, harbour office use", user_password=""))
    assert "scanned" not in str(rejected.value)
    with pytest.raises(RejectedInput, match=r"without a text layer \(scanned"):
        read_pdf(image_only_pdf())


def test_large_letters_of_a_figure_are_no_title() -> None:
    """A paper's figure labels its axes in large single letters ("V C"), larger than its 12 pt title, which is
    too small to count as set apart (1.2 times the text): the figure's letters were the title.  Left alone: the
    title, read from the first lines."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, "Creativity in Machine Learning", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Martin Thoma", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for paragraph in PARAGRAPHS[:2]:
        pdf.multi_cell(0, 5.5, paragraph)
        pdf.ln(3)
    pdf.set_font("Helvetica", "", 30)
    pdf.cell(20, 14, "V")
    pdf.cell(20, 14, "C")
    pdf.ln(16)
    pdf.set_font("Helvetica", "", 11)
    for paragraph in PARAGRAPHS[2:]:
        pdf.multi_cell(0, 5.5, paragraph)
        pdf.ln(3)
    [doc] = read_pdf(bytes(pdf.output()))
    assert doc.title == "Creativity in Machine Learning"
    assert doc.evidence.bylines == ["Martin Thoma"]
