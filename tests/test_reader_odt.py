"""OpenDocument texts (readers/odt_file.py): a briefing saved from LibreOffice Writer."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style
from odf.table import Table, TableCell, TableRow
from odf.text import H, List, ListItem, P

from axis_ingest.document import RejectedInput
from axis_ingest.readers.odt_file import read_odt
from axis_ingest.sniff import binary_container

IngestTexts = Callable[[dict[str, str | bytes]], Path]  # the conftest fixture

PASSENGERS = "Passenger numbers rose by 14 per cent in 2023, to 1.2 million, the highest since the route opened."


def _briefing() -> bytes:
    """A briefing as LibreOffice saves it: a Title paragraph (through an automatic style deriving from it), the
    author, organisation and date lines, a heading, paragraphs, a list and a table."""
    document = OpenDocumentText()
    title_style = Style(name="Title", family="paragraph")
    document.styles.addElement(title_style)
    automatic = Style(name="P1", family="paragraph", parentstylename="Title")
    document.automaticstyles.addElement(automatic)
    document.text.addElement(P(stylename=automatic, text="Coastal Ferries: Capacity and Demand to 2030"))
    for line in ("Ana Lima", "Harbour Policy Institute", "12 March 2024"):
        document.text.addElement(P(text=line))
    document.text.addElement(H(outlinelevel=2, text="Passenger numbers"))
    document.text.addElement(P(text=PASSENGERS))
    items = List()
    for text in ("Build the terminal in two phases.", "Order two new vessels for the island route."):
        item = ListItem()
        item.addElement(P(text=text))
        items.addElement(item)
    document.text.addElement(items)
    table = Table(name="Sailings")
    for cells in (("Route", "Sailings"), ("Island route", "6 a day")):
        row = TableRow()
        for cell_text in cells:
            cell = TableCell()
            cell.addElement(P(text=cell_text))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_briefing_saved_from_libreoffice_is_read(ingest_texts: IngestTexts) -> None:
    """An .odt was rejected as "a ZIP archive"; its styled title, front matter, list items and table rows are
    read as a Word document's are."""
    data = _briefing()
    assert binary_container(data) == "odt"
    [doc] = read_odt(data)
    assert doc.title == "Coastal Ferries: Capacity and Demand to 2030"
    assert (doc.evidence.bylines, doc.evidence.published) == (["Ana Lima"], ["12 March 2024"])
    assert doc.paragraphs == [
        "Passenger numbers",  # a heading under the date line: the text's first line, not front matter
        PASSENGERS,
        "Build the terminal in two phases.",
        "Order two new vessels for the island route.",
        "Route | Sailings",
        "Island route | 6 a day",
    ]
    with sqlite3.connect(ingest_texts({"briefing.odt": data})) as conn:
        assert conn.execute("SELECT source_format, title FROM articles").fetchone() == (
            "odt",
            "Coastal Ferries: Capacity and Demand to 2030",
        )


def test_other_zip_archives_are_still_rejected_as_archives(tmp_path: Path) -> None:
    """Left alone: a ZIP archive of text files is no document."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("notes.txt", "Harbour notes")
    assert binary_container(out.getvalue()) is None


def test_an_odt_whose_content_is_broken_is_rejected_with_what_to_do() -> None:
    """odfpy gives no body for a content.xml it cannot parse: that was an internal error (AttributeError)."""
    with zipfile.ZipFile(io.BytesIO(_briefing())) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, b"<office:document-content" if name == "content.xml" else data)
    with pytest.raises(RejectedInput, match="content cannot be read"):
        read_odt(out.getvalue())
