"""Readers: decoded text of one raw file -> the documents it holds.

Every reader has the signature ``read(text: str, raw: RawInput | None) -> list[Document]``
and raises `RejectedInput` (with a reason a person can act on) when the text is
of its format but holds no article.  Readers fill what their format states
directly and leave evidence (dates, bylines as printed) for `axis_ingest.normalise`.
A reader's paragraphs are final: each reader ends with `clean.text.normalise_paragraphs`
(tests/test_reader_contract.py checks every reader on every fixture), so the pipeline
does not clean them a second time.
"""

from __future__ import annotations

from collections.abc import Callable

from axis_ingest.document import Document, RawInput

Reader = Callable[[str, "RawInput | None"], list[Document]]


def reader_for(source_format: str) -> Reader:
    """The reader for a sniffed format (imported lazily: trafilatura is slow to import)."""
    if source_format == "html":
        from axis_ingest.readers.html import read_html

        return read_html
    if source_format == "wordpress_json":
        from axis_ingest.readers.wordpress import read_wordpress

        return read_wordpress
    if source_format == "wire_text":
        from axis_ingest.readers.wire import read_wire

        return read_wire
    if source_format == "scraped_text":
        from axis_ingest.readers.scraped import read_scraped

        return read_scraped
    if source_format == "plain_text":
        from axis_ingest.readers.plaintext import read_plain_text

        return read_plain_text
    if source_format == "email":
        from axis_ingest.readers.email_file import read_email

        return read_email
    raise ValueError(f"no reader for format {source_format!r}")
