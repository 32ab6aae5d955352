"""Raw bytes -> text, or a rejection that says what the file is and what to do with it.

UTF-8 (with or without BOM) is tried first because nearly every input is
UTF-8; UTF-16/32 are recognised by their BOM; anything else goes to
charset-normalizer.  Mojibake repair (ftfy) happens later, per paragraph, in
`clean.text.repair_text`, so JSON and HTML are decoded without being altered.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from axis_ingest.document import RejectedInput

# Share of control characters (NUL included; not tab/newline/CR/FF) above which a
# decoded text is treated as binary.  Real text has none; 0.5% allows a few
# stray bytes from bad copy-paste or a broken CMS without letting binary formats
# through (a few NULs per paragraph, or random bytes, are far above it).
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

# UTF-16 without a byte-order mark: share of NUL bytes on one of the two byte
# positions above which the data is read as UTF-16 (Latin-script text in UTF-16
# has a NUL in ~95% of its high bytes; binary formats spread NULs evenly).
MIN_UTF16_NUL_SHARE = 0.3

# Invalid UTF-8 sequences allowed (share of the bytes) for a file that is
# otherwise UTF-8 to be decoded with replacement characters instead of being
# re-guessed: a stray byte from a bad copy-paste must not cost the article.
MAX_BAD_UTF8_SHARE = 0.01

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# C0 control characters other than tab, newline, CR and form feed.  Counted on the text's UTF-8
# bytes, where each is one byte and no other character has a byte below 0x80 but ASCII:
# bytes.translate deletes them at memory speed (a regex scan cost ~2 ms per 100 KB page, a
# Python loop over each character ~1.5 ms per 6 KB file).  The regex removes them, when there are any.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _control_count(text: str) -> int:
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw) - len(raw.translate(None, _CONTROL_BYTES))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark (it holds NULs, so it would pass as UTF-8), or None."""
    sample = data[:20_000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0) / len(sample[0::2]), sample[1::2].count(0) / len(sample[1::2])
    names: list[str] = []
    if max(even, odd) >= MIN_UTF16_NUL_SHARE and min(even, odd) <= 0.05:  # Latin script
        names.append("utf-16-le" if odd > even else "utf-16-be")
    best = from_bytes(sample).best()  # other scripts: the high byte is not NUL, ask the detector
    if best is not None and best.encoding and best.encoding.startswith(("utf_16", "utf_32")):
        names.append(best.encoding)
    for name in names:
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken bytes, decoded with U+FFFD for each; None when it is not UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED_BYTE.findall(text))
    if bad > MAX_BAD_UTF8_SHARE * len(data):
        return None
    valid_non_ascii = len(_NON_ASCII.findall(text)) - bad
    if valid_non_ascii < bad:  # stray bytes in ASCII, or a legacy 8-bit encoding: let the detector decide
        return None
    return data.decode("utf-8", errors="replace")


def _decode_unmarked(data: bytes) -> tuple[str, str]:
    """Text without a byte-order mark: UTF-8, UTF-8 with a few broken bytes, or what the detector finds."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text, "utf-8 (invalid bytes replaced)"
    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.encoding is not None:
        return data.decode(best.encoding, errors="replace"), best.encoding
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= MAX_BAD_UTF8_SHARE * len(data):  # ASCII with a few stray bytes
        return text, "utf-8 (invalid bytes replaced)"
    raise RejectedInput(
        "binary or undecodable file: no text encoding fits its bytes; "
        "if it is a document, export it as UTF-8 text or HTML"
    )


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
    if text is None and b"\x00" in data[:20_000] and (utf16 := _utf16_without_bom(data)):
        text, encoding = data.decode(utf16), utf16
    if text is None:
        text, encoding = _decode_unmarked(data)
    head = text[:200_000]
    controls = _control_count(head)
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        raise RejectedInput(
            "binary file: it contains NUL or control bytes that text never has; "
            "if it is a document, export it as UTF-8 text or HTML"
        )
    # A few stray control bytes in a real page (one NUL in 69 KB of a saved news page, issue 13) do not
    # make it binary; they are dropped from the text (lxml refuses NULs), the raw file keeps them.
    if controls or (len(text) > len(head) and _control_count(text[len(head) :])):
        text = _CONTROL.sub("", text)
    if not text.strip():
        raise RejectedInput("the file is empty or holds only whitespace; nothing to ingest")
    return (text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text), encoding
