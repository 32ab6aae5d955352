"""Reader for Rich Text Format documents (.rtf; source_format "rtf").

macOS's TextEdit saves RTF unless told otherwise, and WordPad and Word's "Save as" write it: an article pasted
into one of them and saved reaches `raw/` as RTF.  Read as text, its control words stood in the title and the
body ("\\f0\\fs24 \\cf0 Harbour board ...", "the board\\'92s chair").  striprtf turns it into text, the
characters of its code page and its Unicode escapes decoded; each paragraph mark ends a paragraph, as a Word
document's do, so the text is read as one (`plaintext.document_of_paragraphs`): title lines, the author and
date lines under them, the paragraphs.  The document's information group (\\info: title, author, creation time)
describes the file, as a Word document's properties do, and is not read.
"""

from __future__ import annotations

import re

from striprtf.striprtf import rtf_to_text

from axis_ingest.clean.text import repair_text
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext
from axis_ingest.readers.plaintext import document_of_paragraphs


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`)."""
    return read_rtf(record.text, record.raw)


# A link's target in its field instruction ({\field{\*\fldinst{HYPERLINK "https://..."}}{\fldrslt{the words}}}):
# striprtf prints it after the linked words ('Search("duckduckgo.com/")', striprtf's own test files from Word,
# LibreOffice and TextEdit); without it the instruction is an ignorable destination and the words stay alone.
_LINK_TARGET = re.compile(r'(\\fldinst\s*\{[^{}]*?)HYPERLINK\s+"[^"]*"')


def read_rtf(text: str, raw: RawInput | None = None) -> list[Document]:
    """One RTF document -> one Document; RejectedInput when it holds no text."""
    plain = rtf_to_text(_LINK_TARGET.sub(r"\1", text), errors="replace")
    paragraphs = [line for line in (repair_text(line).strip() for line in plain.split("\n")) if line]
    empty = "an RTF document without text (only images, or empty): nothing to ingest"
    return [document_of_paragraphs(paragraphs, "rtf", raw, empty)]
