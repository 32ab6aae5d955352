"""Reader for Word documents (.docx, Office Open XML; source_format "docx").

Press offices and think tanks send releases and briefings as Word files, and analysts save articles into
them.  A .docx is a ZIP archive, which was rejected as one; python-docx reads its paragraphs in order with
their styles, and its tables.  The document's own structure gives what PDF text must guess: a paragraph
styled Title (else a first Heading 1) is the title, list paragraphs are items, a table's rows are rows.
Under the title, the author, organisation and date lines are front matter, as in a report's PDF text
(`readers.plaintext.take_front_matter`).  The file's properties (author, created, modified) describe the
file, not the article (a template's author, the day someone saved it): they are not read as evidence.
"""

from __future__ import annotations

import io
import zipfile

from docx import Document as open_docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from axis_ingest.clean.text import repair_text
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.plaintext import document_of_styled_blocks


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_docx(record.data, record.raw)


def read_docx(data: bytes, raw: RawInput | None = None) -> list[Document]:
    """One Word document -> one Document; RejectedInput when it cannot be opened or holds no text."""
    try:
        word = open_docx(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise RejectedInput(
            f"a Word document that cannot be opened ({exc}): open it in Word or LibreOffice and save it again"
        ) from exc
    blocks = [block for item in word.iter_inner_content() for block in _blocks(item)]
    empty = "a Word document without text (only images, or empty): nothing to ingest"
    return [document_of_styled_blocks(blocks, "docx", raw, empty)]


def _blocks(item: Paragraph | Table) -> list[tuple[str, str]]:
    """(style, text) of a body paragraph, or of each row of a table ("row"); list paragraphs are "item"s."""
    if isinstance(item, Table):
        rows = []
        for row in item.rows:
            cells = list(dict.fromkeys(" ".join(cell.text.split()) for cell in row.cells))  # merged cells repeat
            if line := " | ".join(cell for cell in cells if cell):
                rows.append(("row", line))
        return rows
    text = repair_text(item.text).strip()
    if not text:
        return []
    style = item.style.name if item.style is not None else ""
    if _is_list_item(item, style):
        return [("item", f"- {text}")]
    return [(style, line) for line in text.split("\n") if line.strip()]  # a manual line break ends a paragraph


def _is_list_item(paragraph: Paragraph, style: str) -> bool:
    """A bulleted or numbered paragraph: Word's list styles, or numbering set on the paragraph itself."""
    properties = paragraph._p.pPr  # python-docx exposes numbering only through the XML
    return style.startswith("List") or (properties is not None and properties.numPr is not None)
