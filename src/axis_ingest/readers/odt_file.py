"""Reader for OpenDocument text (.odt, LibreOffice's and OpenOffice's own format; source_format "odt").

An article pasted into LibreOffice Writer and saved, or a briefing an office sends as .odt, is a ZIP archive
and was rejected as one.  odfpy reads the document's body in order: paragraphs, headings, list items, tables'
rows.  As in a Word document (`readers.docx_file`), a paragraph styled Title (directly, or through the automatic
style LibreOffice writes for it) is the title, else a first level-1 heading; the author, organisation and date
lines under it are evidence (`plaintext.document_of_paragraphs`).  The file's own metadata (meta.xml: the
initial creator, the creation date) describes the file, not the article, and is not read.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.parsers.expat import ExpatError

from odf import teletype
from odf.namespaces import STYLENS, TABLENS, TEXTNS
from odf.opendocument import load

from axis_ingest.clean.text import repair_text
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.plaintext import HEADING_STYLE_PREFIX, document_of_styled_blocks

_STYLE_NAME = (TEXTNS, "style-name")


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_odt(record.data, record.raw)


def read_odt(data: bytes, raw: RawInput | None = None) -> list[Document]:
    """One OpenDocument text -> one Document; RejectedInput when it cannot be opened or holds no text."""
    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, ExpatError) as exc:
        raise RejectedInput(
            f"an OpenDocument text that cannot be opened ({exc}): open it in LibreOffice and save it again"
        ) from exc
    if document.text is None:  # odfpy could not parse content.xml (it says so on stdout) or found no body
        raise RejectedInput(
            "an OpenDocument text whose content cannot be read: open it in LibreOffice and save it again"
        )
    parents = _parent_styles(document)
    blocks = list(_blocks(document.text, parents))
    empty = "an OpenDocument text without text (only images, or empty): nothing to ingest"
    return [document_of_styled_blocks(blocks, "odt", raw, empty)]


def _parent_styles(document: Any) -> dict[str, str]:
    """{automatic style name: the named style it derives from} ("P1" -> "Title")."""
    parents = {}
    for style in document.automaticstyles.childNodes:
        name, parent = style.getAttrNS(STYLENS, "name"), style.getAttrNS(STYLENS, "parent-style-name")
        if name and parent:
            parents[name] = parent
    return parents


def _blocks(element: Any, parents: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(kind, text) of each block in order: a paragraph's style ("Title", "Standard"), "Heading N", "item" for a
    list item's paragraphs, "row" for a table's row (its cells' texts joined by " | ")."""
    for node in element.childNodes:
        qname = getattr(node, "qname", None)
        if qname == (TEXTNS, "p") or qname == (TEXTNS, "h"):
            text = " ".join(repair_text(teletype.extractText(node)).split())
            if text:
                style = node.attributes.get(_STYLE_NAME, "")
                level = node.getAttrNS(TEXTNS, "outline-level") or 1
                kind = f"{HEADING_STYLE_PREFIX}{level}" if qname[1] == "h" else style
                yield parents.get(kind, kind), text
        elif qname == (TEXTNS, "list"):
            yield from (("item", text) for item in node.childNodes for _, text in _blocks(item, parents))
        elif qname == (TABLENS, "table"):
            for row in _rows(node):
                yield "row", row
        elif qname is not None and node.childNodes:
            yield from _blocks(node, parents)  # sections and other containers


def _rows(table: Any) -> Iterator[str]:
    for node in table.childNodes:
        if getattr(node, "qname", None) == (TABLENS, "table-row"):
            cells = [" ".join(teletype.extractText(cell).split()) for cell in node.childNodes]
            if line := " | ".join(cell for cell in dict.fromkeys(cells) if cell):
                yield line
        elif getattr(node, "qname", None) is not None:
            yield from _rows(node)  # header rows, row groups
