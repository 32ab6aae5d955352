"""Raw bytes -> text, or a rejection that says what the file is and what to do with it.

UTF-8 (with or without BOM) is tried first because nearly every input is
UTF-8; UTF-16/32 are recognised by their BOM; anything else goes to
charset-normalizer.  Mojibake repair (ftfy) happens later, per paragraph, in
`clean.text.repair_text`, so JSON and HTML are decoded without being altered.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from axis_ingest.document import RejectedInput

# Share of control characters (other than tab/newline/CR/FF) above which a
# decoded text is treated as binary.  Real text has none; 0.5% allows a few
# stray bytes from bad copy-paste without letting binary formats through.
MAX_CONTROL_SHARE = 0.005

# File signatures of formats people drop into raw/ by mistake, with advice.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file; extract its text first (e.g. `pdftotext -layout file.pdf`) and ingest the .txt"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); unpack it or export the document as text or HTML"),
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first (compressed inputs are not read)"),
    (b"BZh", "a bzip2-compressed file; decompress it first (compressed inputs are not read)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first (compressed inputs are not read)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"\x89PNG", "a PNG image; images are not read"),
    (b"\xff\xd8\xff", "a JPEG image; images are not read"),
    (b"GIF8", "a GIF image; images are not read"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document; save it as text or HTML first"),
    (b"SQLite format 3\x00", "an SQLite database, not an article"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls / len(text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes; returns (text, encoding). Raises RejectedInput for empty or binary data."""
    if not data.strip():
        raise RejectedInput("the file is empty or holds only whitespace; nothing to ingest")
    for magic, advice in _MAGIC:
        if data.startswith(magic):
            raise RejectedInput(f"binary file: {advice}")
    text: str | None = None
    encoding = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name.removesuffix("-sig"))
                encoding = name
            except UnicodeDecodeError as exc:
                raise RejectedInput(
                    f"the file starts with a {name} byte-order mark but is not valid {name}: {exc.reason}"
                ) from exc
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(data[:1_000_000]).best()
            if best is None or best.encoding is None:
                raise RejectedInput(
                    "binary or undecodable file: no text encoding fits its bytes; "
                    "if it is a document, export it as UTF-8 text or HTML"
                ) from None
            encoding = best.encoding
            text = data.decode(encoding, errors="replace")
    if "\x00" in text or _control_share(text[:200_000]) > MAX_CONTROL_SHARE:
        raise RejectedInput(
            "binary file: it contains NUL or control bytes that text never has; "
            "if it is a document, export it as UTF-8 text or HTML"
        )
    if not text.strip():
        raise RejectedInput("the file is empty or holds only whitespace; nothing to ingest")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding
