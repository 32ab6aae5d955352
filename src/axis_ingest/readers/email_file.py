"""Reader for e-mail files (.eml, RFC 5322; source_format "email").

Newsletters and press releases arrive as saved e-mails.  Loaded as text they
would be a page of MIME headers and base64, so the standard library's `email`
package parses them: Subject is the title, the text/plain part the body (or,
with no text part, the text/html part through the HTML reader's block walker and pruning),
Date the publication date and From the byline evidence.  Quoted replies and the
signature below the "-- " delimiter (RFC 3676) are not the message's text.  A press release sent as an
attached PDF, Word or OpenDocument file under a short covering note is that document, read by its reader, with
the message's subject, date and sender as evidence after the document's own.
"""

from __future__ import annotations

import codecs
import email
import re
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header
from email.message import EmailMessage
from email.utils import getaddresses

from axis_ingest.clean.hardwrap import unwrap
from axis_ingest.clean.text import normalise_paragraphs, repair_text, split_paragraphs
from axis_ingest.decode import codec_of_label, decode_bytes
from axis_ingest.document import Document, InputRecord, RawInput, ReadContext, RejectedInput
from axis_ingest.readers.docx_file import read_docx
from axis_ingest.readers.odt_file import read_odt
from axis_ingest.readers.pdf_file import read_pdf
from axis_ingest.sniff import binary_container

# The signature delimiter of RFC 3676 ("-- " on its own line; mail clients that strip trailing
# spaces leave "--").
_SIGNATURE = re.compile(r"^--\s*$", re.M)
# A quoted line of a reply ("> text", ">> text").
_QUOTED = re.compile(r"^\s*>")
# The prefixes mail clients put before a replied or forwarded subject, in their languages: "Re:", "Fwd:", "Fw:",
# German "AW:"/"WG:", French "TR:", Spanish "RV:", Scandinavian "SV:"/"VS:", Dutch "Antw:", "Doorst:"; repeated
# ("Re: Fwd: ..."), with a count some clients add ("Re[2]:").  The story's title is what follows them.
_REPLY_PREFIX = re.compile(
    r"^(?:\s*(?:re|fwd?|aw|wg|tr|rv|sv|vs|antw|doorst|rif|enc|odp|pd)(?:\[\d+\])?\s*:)+\s*", re.IGNORECASE
)
# A message whose own text is this short and that carries another message (message/rfc822, "forward as
# attachment", or forwarded inline under a client's separator line) is an envelope: the forwarded message is the one
# to read.
MAX_ENVELOPE_WORDS = 30
# The documents a press office attaches to a covering note, known by their bytes (`sniff.binary_container`), and
# their readers.
_ATTACHMENT_READERS = {"pdf": read_pdf, "docx": read_docx, "odt": read_odt}
# The line mail clients print above a message forwarded inline: Gmail's "---------- Forwarded message ---------",
# Thunderbird's "-------- Forwarded Message --------", Outlook's "-----Original Message-----", Apple Mail's "Begin
# forwarded message:", and the German, French and Spanish clients' own words for them.
_FORWARD_SEPARATOR = re.compile(
    r"^[ \t]*(?:-{2,}[ \t]*(?:forwarded message|original message|weitergeleitete nachricht|ursprüngliche nachricht"
    r"|message transféré|mensaje reenviado|mensaje original)[ \t]*-{2,}|begin forwarded message:)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A header line of the forwarded block ("From: ...", "Gesendet: ...", "Betreff: ...") and the field it gives.
_FORWARDED_HEADER = re.compile(r"^[ \t]*([A-Za-zÀ-ÿ]+)[ \t]*:[ \t]*(.*)$")
_FORWARDED_FIELDS = {
    "from": "from", "von": "from", "de": "from",
    "date": "date", "sent": "date", "datum": "date", "gesendet": "date", "envoyé": "date", "enviado": "date",
    "fecha": "date",
    "subject": "subject", "betreff": "subject", "objet": "subject", "asunto": "subject",
    "to": None, "an": None, "à": None, "para": None, "cc": None,
}  # fmt: skip


def read(record: InputRecord, context: ReadContext) -> list[Document]:
    """The reader-table entry (see `axis_ingest.readers`): the message's bytes, whose parts each declare their
    charset; the text when the file is in UTF-16 or UTF-32 (no mail client writes that, but a copy may be), or
    when a tool hands over text only (`readers.read_text`)."""
    wide = (record.encoding or "").lower().replace("_", "-").startswith(("utf-16", "utf-32"))
    message_file = record.text if wide or not record.data else record.data.removeprefix(codecs.BOM_UTF8)
    return read_email(message_file, record.raw)


def read_email(message_file: str | bytes, raw: RawInput | None = None) -> list[Document]:
    """One e-mail -> one Document; RejectedInput when it has no readable body.

    Read from bytes, a part's text is decoded in the charset it declares: parsed as a decoded string, a part sent
    as 8-bit UTF-8 ("Content-Transfer-Encoding: 8bit", as Apple Mail and others send it) came out as mojibake
    ("Z\ufffdrich", "\\u2013"), and an ISO-2022-JP part was never decoded."""
    if isinstance(message_file, str):  # text a tool decoded: its 8-bit parts become UTF-8 (`_part_text` reads them)
        message_file = message_file.encode("utf-8", "surrogateescape")
    message = email.message_from_bytes(message_file, policy=policy.default)
    assert isinstance(message, EmailMessage)  # policy.default builds EmailMessage objects
    message = _forwarded_message(message) or message
    doc = Document(source_format="email", raw=raw)
    if subject := normalise_paragraphs([_REPLY_PREFIX.sub("", header_value(message, "subject") or "")]):
        doc.title = subject[0]
    if date := header_value(message, "date"):
        doc.evidence.published.append(date)
    for name, address in getaddresses([header_value(message, "from") or ""]):
        if name.strip():
            doc.evidence.bylines.append(name.strip())
        elif address:
            doc.metadata.setdefault("from_address", address)

    if attached := _attached_document(message):
        return _documents_of_attachment(*attached, doc, raw)
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        doc.paragraphs = _plain_paragraphs(_forwarded_inline(_content(plain), doc))
    else:
        html = message.get_body(preferencelist=("html",))
        if html is None:
            raise RejectedInput(
                "an e-mail without a text or HTML body (only attachments or an empty message): "
                "save the attachment itself, or the message as text"
            )
        doc.paragraphs = _html_paragraphs(_content(html), doc)
    if not doc.paragraphs:
        raise RejectedInput("an e-mail whose body is empty once quoted replies and the signature are removed")
    return [doc]


def _attached_document(message: EmailMessage) -> tuple[str, str, bytes] | None:
    """(format, file name, bytes) of the first attached document of a message whose own text is a covering note
    ("Please find attached our press release."), else None."""
    if not _is_covering_note(message):
        return None
    for attachment in message.iter_attachments():
        # an attachment may itself be a multipart (a forwarded message's parts, mikel/mail's test messages):
        # its leaves are the files; the transfer encoding undone, never a charset (`get_content` of a multipart
        # raised KeyError, of a text part with an unknown charset LookupError)
        for part in attachment.walk():
            data = None if part.is_multipart() else part.get_payload(decode=True)
            if isinstance(data, bytes) and (kind := binary_container(data)) in _ATTACHMENT_READERS:
                return kind, part.get_filename() or "attachment", data
    return None


def _documents_of_attachment(
    kind: str, name: str, data: bytes, envelope: Document, raw: RawInput | None
) -> list[Document]:
    """The attached document's articles, stored as the e-mail's: the subject where the document shows no title,
    the message's date and sender as evidence after the document's own, the file's name in metadata."""
    try:
        documents = _ATTACHMENT_READERS[kind](data, raw)
    except RejectedInput as exc:
        raise RejectedInput(f"an e-mail whose article is its attachment {name!r}, which cannot be read: {exc}") from exc
    for document in documents:
        document.source_format = "email"
        document.title = document.title or envelope.title
        document.evidence.published.extend(envelope.evidence.published)
        document.evidence.bylines.extend(envelope.evidence.bylines)
        document.metadata.setdefault("attachment", name)
    return documents


def _forwarded_inline(body: str, doc: Document) -> str:
    """The message forwarded inline under a short note, with its own subject, date and sender replacing the
    forwarding message's; else `body` unchanged (a forward with a note of its own is that note's message)."""
    separator = _FORWARD_SEPARATOR.search(body)
    if separator is None or len(body[: separator.start()].split()) > MAX_ENVELOPE_WORDS:
        return body
    lines = body[separator.end() :].lstrip("\r\n").split("\n")
    headers = [_FORWARDED_HEADER.match(line) for line in lines]
    end = next((i for i, found in enumerate(headers) if not found or _field(found) is False), len(lines))
    fields: dict[str, str] = {}
    for found in headers[:end]:
        if found and (name := _field(found)):
            fields.setdefault(name, found.group(2).strip())
    if not fields:
        return body
    if subject := normalise_paragraphs([_REPLY_PREFIX.sub("", fields.get("subject", ""))]):
        doc.title = subject[0]
    if fields.get("date"):
        doc.evidence.published = [fields["date"]]
    if sender := fields.get("from"):
        names = [name.strip() for name, _ in getaddresses([sender]) if name.strip()]
        doc.evidence.bylines = names or doc.evidence.bylines
    return "\n".join(lines[end:])


def _field(header: re.Match[str]) -> str | bool | None:
    """The field a forwarded header line gives ("from", "date", "subject"), None for one that is read past ("To:"),
    False for a line that is no header of the block (the message's first line, "Note: ...")."""
    return _FORWARDED_FIELDS.get(header.group(1).casefold(), False)


def _forwarded_message(message: EmailMessage) -> EmailMessage | None:
    """The message attached to a short covering note ("See the attached message."), else None."""
    attached = next((part for part in message.walk() if part.get_content_type() == "message/rfc822"), None)
    if attached is None or not _is_covering_note(message):
        return None
    inner = attached.get_content()
    return inner if isinstance(inner, EmailMessage) else None


def _is_covering_note(message: EmailMessage) -> bool:
    """The message's own text (plain, else HTML) is at most MAX_ENVELOPE_WORDS words, or there is none: an
    envelope for what it carries."""
    own = message.get_body(preferencelist=("plain", "html"))
    return own is None or len(_content(own).split()) <= MAX_ENVELOPE_WORDS


def header_value(message: EmailMessage, name: str) -> str | None:
    """A header's value on one line, or None when it is missing or malformed (the parser cannot decode it)."""
    try:
        value = message.get(name)
    except (ValueError, IndexError):  # a malformed header the parser cannot decode
        return None
    if value is None:
        return None
    text = str(value)
    if "\ufffd" in text:  # bytes of a legacy charset in the header itself, as old clients wrote them
        text = _legacy_header(message, name) or text
    if "=?" in text:  # encoded words the parser left as they are: their charset did not decode them
        text = _decoded_words(text) or text
    return " ".join(text.split()) or None


def _decoded_words(text: str) -> str | None:
    """RFC 2047 encoded words decoded in their charsets as browsers resolve the labels (`codec_of_label`): a
    "gb2312" subject holding a GBK character ("=?gb2312?B?...tIzCo6zV4g==?=", a spam filter's test message) was
    left encoded, as the standard library decodes GB 2312 strictly."""
    try:
        chunks = decode_header(text)
    except (HeaderParseError, ValueError):  # a damaged encoded word (bad base64)
        return None
    parts: list[str] = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            parts.append(chunk)
        else:
            parts.append(chunk.decode((codec_of_label(charset) if charset else None) or "utf-8", errors="replace"))
    return "".join(parts)


def _legacy_header(message: EmailMessage, name: str) -> str | None:
    """A header written in 8-bit bytes that are not UTF-8 ("Formação" in Latin-1, mikel/mail's test message:
    the parser gives "Forma��o"), read in the message's charset as browsers resolve it (`codec_of_label`), else
    in windows-1252 (what an ISO-8859-1 label is read as)."""
    raw = next((value for key, value in message.raw_items() if key.lower() == name), None)
    if not isinstance(raw, str):
        return None
    data = raw.encode("ascii", "surrogateescape")  # the parser keeps the header's bytes as escapes
    charset = message.get_content_charset()
    return data.decode((codec_of_label(charset) if charset else None) or "cp1252", errors="replace")


def _content(part: EmailMessage) -> str:
    """A text part's text (`_part_text`), with its lines ending in "\n" (a message's bytes end them in CRLF)."""
    payload = part.get_payload(decode=True)  # the transfer encoding (base64, quoted-printable) undone
    if not isinstance(payload, bytes):
        return ""
    return _lines_ended_in_newline(_part_text(payload, part.get_content_charset(), _declares_ascii(part)))


def _part_text(payload: bytes, charset: str | None, declares_ascii: bool) -> str:
    """A part's bytes as text.  Bytes that are valid UTF-8 (and not ASCII) are UTF-8 whatever the part declares:
    a "gb2312" label over UTF-8 (a spam filter's test message) gave "浣�濂斤" for "你好", and other encodings'
    text is valid UTF-8 by chance almost never.  Else the declared charset, resolved as browsers resolve labels
    (`decode.codec_of_label`: "gb2312" is gb18030, whose characters beyond GB 2312 came out as "\ufffd");
    a part that declares none, ASCII, or a charset nobody knows is read as a text file is (`decode_bytes`); the
    standard library read such bytes as ASCII, each other byte a "\ufffd"."""
    if not payload.isascii():
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            pass
    codec = codec_of_label(charset) if charset and not declares_ascii else None
    if codec is not None:
        return payload.decode(codec, errors="replace")
    if payload.isascii():
        return payload.decode("ascii")
    try:
        return decode_bytes(payload)[0]
    except RejectedInput:  # bytes no text encoding fits
        return payload.decode("utf-8", errors="replace")


def _declares_ascii(part: EmailMessage) -> bool:
    """No charset declared (read as ASCII), or ASCII itself under one of its names ("us-ascii", "ANSI_X3.4-1968")."""
    charset = part.get_param("charset")
    if charset is None:
        return True
    try:
        return codecs.lookup(str(charset)).name == "ascii"
    except LookupError:
        return False


def _lines_ended_in_newline(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _plain_paragraphs(body: str) -> list[str]:
    """Blank-line paragraphs with hard wraps joined; quoted replies and the signature dropped."""
    body = repair_text(body.replace("\r\n", "\n"))
    signature = _SIGNATURE.search(body)
    if signature:
        body = body[: signature.start()]
    body = "\n".join(line for line in body.split("\n") if not _QUOTED.match(line))
    paragraphs: list[str] = []
    for block in split_paragraphs(body):
        paragraphs.extend(unwrap(block) if "\n" in block else [block])
    return normalise_paragraphs(paragraphs)


def _html_paragraphs(html: str, doc: Document) -> list[str]:
    """The HTML part's blocks in order, pruned like an HTML page's body.

    An HTML e-mail is laid out in table cells around one message: it has no site chrome for
    trafilatura to find, and trafilatura glues the paragraphs of a cell into one, so the
    blocks are walked directly (as for an HTML fragment)."""
    from axis_ingest.readers.html_output import fragment_paragraphs
    from axis_ingest.readers.html_parse import load_page
    from axis_ingest.readers.html_prune import link_texts, prune_paragraphs

    tree = load_page(html)
    if tree is None:
        return []
    body = tree.find(".//body")  # not the <head>'s <title> and <style>
    titles = [doc.title] if doc.title else []
    blocks = fragment_paragraphs(body if body is not None else tree)
    # a short paragraph that is one whole link ("Unsubscribe", "View in browser") is the newsletter's furniture
    return normalise_paragraphs(prune_paragraphs(blocks, titles, doc.evidence, link_texts(tree)))
