"""Reader for pages a browser saved as one file (MHTML, RFC 2557, and Safari's web archive; "web_archive").

Chrome's and Edge's "Save page as > Webpage, Single File" write a .mhtml file, Internet Explorer and Word a
.mht: a MIME message of type multipart/related whose root part is the page's HTML (quoted-printable or
base64) and whose other parts are its images and style sheets.  Safari's "Save As > Web Archive" writes a
binary property list (read with the standard library's `plistlib`) whose WebMainResource holds the page's
bytes, their encoding and the page's address.  Read as an e-mail, its Subject (the page's
<title>, site name and all) became the title and its Date (when the page was saved) the publication date.
Here the standard library's `email` package takes the root HTML part, which is read as any HTML page is,
with the address the page was saved from as its URL where the page declares none.  The save time is kept
in `metadata.saved_utc`: it is when a reader saw the page, never when it was published.
"""

from __future__ import annotations

import email
import io
import plistlib
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from axis_ingest.decode import codec_of_label, decode_bytes
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.email_file import header_value
from axis_ingest.readers.html import read_html
from axis_ingest.readers.pdf_file import read_pdf
from axis_ingest.sniff import SAFARI_WEB_ARCHIVE, is_warc

# The root part of a saved page is its HTML (RFC 2557); XHTML pages are saved as such.
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPE = "application/pdf"


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`); a tool that read the file as text passes no bytes."""
    limit = context.settings.limits.max_text_chars
    return read_web_archive(record.data or record.text.encode("utf-8"), record.raw, max_chars=limit)


def read_web_archive(data: bytes, raw: RawInput | None = None, *, max_chars: int | None = None) -> list[Document]:
    """The page inside one MHTML file or Safari web archive -> one Document; RejectedInput when the file holds
    no HTML page, or a page over `max_chars` characters (limits.max_text_chars: the page's, not the archive's,
    whose images and style sheets do not count)."""
    if data.startswith(SAFARI_WEB_ARCHIVE):
        return _read_safari_archive(data, raw, max_chars)
    if is_warc(data):
        return _read_warc(data, raw, max_chars)
    archive = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(archive, EmailMessage)  # policy.default builds EmailMessage objects
    page = _root_page(archive)
    if page is None:
        raise RejectedInput(
            "a saved web page (MHTML) without an HTML page inside: save the page again "
            "(Save page as > Webpage, Single File or Webpage, HTML only)"
        )
    payload = page.get_payload(decode=True)
    html = _within(_decoded(payload if isinstance(payload, bytes) else b"", page.get_content_charset()), max_chars)
    address = _web_address(header_value(archive, "snapshot-content-location")) or _web_address(
        header_value(page, "content-location")
    )
    documents = read_html(html, raw, saved_from=address)
    if saved := _saved_utc(header_value(archive, "date")):
        for doc in documents:
            doc.metadata["saved_utc"] = saved
    return documents


def _read_warc(data: bytes, raw: RawInput | None, max_chars: int | None) -> list[Document]:
    """Each HTML page a WARC file's responses hold (warcio reads WARC and ARC, whole or gzipped per record): read
    as a saved page is, with the address it was fetched from and when (`metadata.saved_utc`); each PDF response
    read as a PDF file is, its address its URL.  Responses that are no article page (a site's front page, a style
    sheet, a redirect, an error) are skipped; a file with none is rejected with what it holds."""
    documents: list[Document] = []
    responses = 0
    for record in _warc_records(data):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        responses += 1
        content = Message()  # the response's Content-Type read as the MHTML parts' are
        content["Content-Type"] = record.http_headers.get_header("Content-Type") or "application/octet-stream"
        kind = content.get_content_type()
        if record.http_headers.get_statuscode() != "200" or kind not in (*_PAGE_TYPES, PDF_TYPE):
            continue
        payload = _warc_payload(record)
        address = _web_address(record.rec_headers.get_header("WARC-Target-URI"))
        html = None if kind == PDF_TYPE else _within(_decoded(payload, content.get_content_charset()), max_chars)
        try:
            if html is None:  # a report the crawl fetched, read as a PDF file (under the same limit on text)
                pages = read_pdf(payload, raw, max_chars=max_chars)
            else:
                pages = read_html(html, raw, saved_from=address)
        except RejectedInput:
            continue  # a front page, a login page, a scanned PDF: no article in this response
        saved = _saved_utc(record.rec_headers.get_header("WARC-Date"))
        for page in pages:
            page.url = page.url or address
            page.item = len(documents)
            if saved:
                page.metadata["saved_utc"] = saved
            documents.append(page)
    if not documents:
        raise RejectedInput(
            f"a web archive (WARC) whose {responses} responses hold no article page (front pages, style sheets, "
            "redirects or errors only): archive the articles' pages themselves"
        )
    return documents


# What warcio's parser raises on a malformed or truncated record (a header it cannot read: AttributeError or
# ValueError from inside the library; a gzip member cut short: zlib.error or EOFError).
_WARC_PARSE_ERRORS = (ArchiveLoadFailed, AttributeError, ValueError, EOFError, KeyError, IndexError, zlib.error)


def _warc_records(data: bytes) -> Iterator[Any]:
    """warcio's records of the file, one at a time; RejectedInput at the first one it cannot parse."""
    records = iter(ArchiveIterator(io.BytesIO(data)))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except _WARC_PARSE_ERRORS as exc:
            raise _unreadable_warc(exc) from exc
        yield record


def _warc_payload(record: Any) -> bytes:
    try:
        return record.content_stream().read()
    except _WARC_PARSE_ERRORS as exc:
        raise _unreadable_warc(exc) from exc


def _unreadable_warc(exc: Exception) -> RejectedInput:
    return RejectedInput(
        f"a web archive (WARC) with a record that cannot be read ({type(exc).__name__}: {exc}): "
        "the file is damaged or cut short; fetch or export it again"
    )


def _within(html: str, max_chars: int | None) -> str:
    if max_chars is not None and len(html) > max_chars:
        raise RejectedInput(
            f"the saved page's text of {len(html):,} characters is over the limit of {max_chars:,} "
            "(limits.max_text_chars); raise the limit to read it"
        )
    return html


def _read_safari_archive(data: bytes, raw: RawInput | None, max_chars: int | None) -> list[Document]:
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, OverflowError) as exc:
        raise RejectedInput(
            f"a Safari web archive that cannot be read ({exc}): save the page from Safari again"
        ) from exc
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    page = main.get("WebResourceData") if isinstance(main, dict) else None
    if not isinstance(page, bytes) or main.get("WebResourceMIMEType", "text/html") not in _PAGE_TYPES:
        raise RejectedInput(
            "a Safari web archive without an HTML page inside: save the page again (File > Save As > Web Archive)"
        )
    encoding = main.get("WebResourceTextEncodingName")
    html = _within(_decoded(page, encoding if isinstance(encoding, str) else None), max_chars)
    return read_html(html, raw, saved_from=_web_address(main.get("WebResourceURL")))


def _root_page(archive: EmailMessage) -> EmailMessage | None:
    """The part RFC 2557 makes the root (the one the `start` parameter names, else the first), when it is HTML;
    else the first HTML part (a saver that put a style sheet first)."""
    if not archive.is_multipart():
        return archive if archive.get_content_type() in _PAGE_TYPES else None
    parts = [part for part in archive.iter_parts() if isinstance(part, EmailMessage)]
    start = archive.get_param("start")
    root = next((part for part in parts if isinstance(start, str) and header_value(part, "content-id") == start), None)
    root = root or next(iter(parts), None)
    if root is not None and root.get_content_type() in _PAGE_TYPES:
        return root
    return next((part for part in parts if part.get_content_type() in _PAGE_TYPES), None)


def _decoded(payload: bytes, charset: str | None) -> str:
    """The page's text: in the charset its part declares, resolved as browsers resolve labels
    (`codec_of_label`: "iso-8859-1" is windows-1252, "gb2312" gb18030), else as any HTML file's bytes are
    decoded (its <meta charset>, then detection)."""
    codec = codec_of_label(charset) if charset else None
    if codec:
        try:
            return payload.decode(codec).replace("\r\n", "\n")
        except UnicodeDecodeError:
            pass
    return decode_bytes(payload)[0]


def _web_address(value: object) -> str | None:
    """An http(s) address of a header, or None (a "cid:" or file address is not where the page lives)."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def _saved_utc(value: object) -> str | None:
    """When the page was saved (an MHTML file's Date header, RFC 5322; a WARC record's WARC-Date, ISO 8601) as
    ISO 8601 UTC, or None when there is none that parses."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        saved = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        try:
            saved = datetime.fromisoformat(text)
        except ValueError:
            return None
    saved = saved.replace(tzinfo=UTC) if saved.tzinfo is None else saved.astimezone(UTC)
    return saved.strftime("%Y-%m-%dT%H:%M:%SZ")
