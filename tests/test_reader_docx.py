"""Word documents (.docx): read with python-docx (a press release as Word sends it); before, rejected as a ZIP."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document as WordDocument

from axis_ingest.config import Settings
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import prepare_file
from axis_ingest.sniff import binary_container

LEAD = (
    "The Harbour Authority of Valletta Bay has awarded the contract for the new northern breakwater to Malta "
    "Marine Works, after a tender that drew five bids from three countries."
)
TIMETABLE = (
    "Work starts in April and is due to finish before the winter storms of next year. The breakwater will protect "
    "the ferry berths, which were closed on eleven days last winter."
)
QUOTE = (
    '"The berths have been the weak point of the harbour for thirty years," said the authority\'s chairman, '
    "Joseph Camilleri."
)


def _saved(document: WordDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def press_release(*, styled: bool = True) -> bytes:
    word = WordDocument()
    word.core_properties.author = "jdoe"  # the file's author: a template's or a secretary's, not the byline
    word.add_paragraph("Contract awarded for the northern breakwater", style="Title" if styled else None)
    word.add_paragraph("Maria Borg, Press Office")
    word.add_paragraph("4 March 2026")
    word.add_paragraph(LEAD)
    word.add_heading("Timetable", level=2) if styled else word.add_paragraph("Timetable")
    word.add_paragraph(TIMETABLE)
    word.add_paragraph("Dredging of the approach channel", style="List Bullet")
    word.add_paragraph("Placing of 40,000 tonnes of armour stone", style="List Number")
    table = word.add_table(rows=2, cols=2)
    for (row, col), text in {
        (0, 0): "Bidder",
        (0, 1): "Price (EUR m)",
        (1, 0): "Malta Marine Works",
        (1, 1): "48.2",
    }.items():
        table.cell(row, col).text = text
    word.add_paragraph(QUOTE)
    return _saved(word)


def _prepared(data: bytes, name: str = "release.docx"):
    result = prepare_file(name, data, Settings(), MinHashParams())
    assert result.reason is None, result.reason
    [prepared] = result.documents
    return result, prepared.doc


def test_a_word_press_release_is_read_with_its_title_byline_date_lists_and_table() -> None:
    result, doc = _prepared(press_release())
    assert result.source_format == "docx" and doc.source_format == "docx"
    assert doc.title == "Contract awarded for the northern breakwater"
    assert doc.paragraphs == [
        LEAD, "Timetable", TIMETABLE, "- Dredging of the approach channel",
        "- Placing of 40,000 tonnes of armour stone", "Bidder | Price (EUR m)", "Malta Marine Works | 48.2", QUOTE,
    ]  # fmt: skip
    assert doc.published == "2026-03-04"
    assert [author.name for author in doc.authors] == ["Maria Borg"]


def test_a_document_without_styles_has_its_title_and_front_matter_read_from_its_lines() -> None:
    _, doc = _prepared(press_release(styled=False))
    assert doc.title == "Contract awarded for the northern breakwater"
    assert doc.published == "2026-03-04"
    assert doc.paragraphs[0] == LEAD


def test_other_zip_archives_and_broken_or_empty_documents_are_rejected_with_a_reason() -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("xl/workbook.xml", "<workbook/>")
    assert binary_container(archive.getvalue()) is None
    result = prepare_file("figures.xlsx", archive.getvalue(), Settings(), MinHashParams())
    assert result.reason is not None and "ZIP archive" in result.reason
    cut = press_release()[:3000]
    result = prepare_file("cut.docx", cut, Settings(), MinHashParams())
    assert result.reason is not None and "Word document that cannot be opened" in result.reason
    result = prepare_file("empty.docx", _saved(WordDocument()), Settings(), MinHashParams())
    assert result.reason is not None and "without text" in result.reason


@pytest.mark.parametrize("title_style", ["Title", "Heading 1"])
def test_the_title_is_the_paragraph_styled_as_one(title_style: str) -> None:
    word = WordDocument()
    word.add_paragraph("Breakwater contract signed", style=title_style)
    word.add_paragraph(LEAD)
    word.add_paragraph(TIMETABLE)
    _, doc = _prepared(_saved(word))
    assert doc.title == "Breakwater contract signed"
    assert doc.paragraphs == [LEAD, TIMETABLE]
