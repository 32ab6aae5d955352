"""Raw bytes -> text, or a rejection that says what the file is and what to do with it.

UTF-8 (with or without BOM) is tried first because nearly every input is
UTF-8; UTF-16/32 are recognised by their BOM; a page that is not UTF-8 is read
in the encoding its HTML <meta> or XML declaration names, the way a browser
reads it; anything else goes to charset-normalizer.  Mojibake repair (ftfy)
happens later, per paragraph, in `clean.text.repair_text`, so JSON and HTML
are decoded without being altered.
"""

from __future__ import annotations

import codecs
import re

import webencodings
from charset_normalizer import from_bytes

from axis_ingest.document import RejectedInput

# Share of control characters (NUL included; not tab/newline/CR/FF) above which a
# decoded text is treated as binary.  Real text has none; 0.5% allows a few
# stray bytes from bad copy-paste or a broken CMS without letting binary formats
# through (a few NULs per paragraph, or random bytes, are far above it).
MAX_CONTROL_SHARE = 0.005

# File signatures of formats people drop into raw/ by mistake, with advice.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (or .xlsx/.pptx/.ods; .docx and .odt are read); unpack it or export it as text"),
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first (compressed inputs are not read)"),
    (b"BZh", "a bzip2-compressed file; decompress it first (compressed inputs are not read)"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first (compressed inputs are not read)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"\x89PNG", "a PNG image; images are not read"),
    (b"\xff\xd8\xff", "a JPEG image; images are not read"),
    (b"GIF8", "a GIF image; images are not read"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document; save it as text or HTML first"),
    (b"SQLite format 3\x00", "an SQLite database, not an article"),
    (b"bplist00", "a property list (macOS data), not a page: of property lists only Safari's web archives are read"),
)

# UTF-16 without a byte-order mark: share of NUL bytes on one of the two byte
# positions above which the data is read as UTF-16 (Latin-script text in UTF-16
# has a NUL in ~95% of its high bytes; binary formats spread NULs evenly).
MIN_UTF16_NUL_SHARE = 0.3

# Bytes searched for a <meta charset> when the page's head does not end sooner.  The HTML standard asks for
# the declaration in the first 1,024 bytes, but pages put it after kilobytes of scripts and styles (a dev
# page: at byte 4,689 of a 34 KB head) and browsers still find it.
MAX_DECLARATION_BYTES = 65_536
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)

# The legacy encodings web sites use (Python codec names), in the order of their share of sites in W3Techs'
# usage statistics of character encodings (ISO-8859-1, read as windows-1252, far ahead; then windows-1251,
# Shift_JIS, the GB encodings, EUC-KR, EUC-JP, ISO-8859-2 ...).  The detector guesses among these only, and
# equally good guesses are taken in this order.
WEB_USAGE = (
    "cp1252", "cp1251", "cp932", "gb18030", "gbk", "cp949", "euc_jp", "iso8859_2", "cp1250", "cp1254",
    "cp1256", "iso8859_15", "big5hkscs", "cp874", "iso8859_7", "cp1253", "cp1255", "cp1257", "koi8_r",
)  # fmt: skip

# The legacy encoding a page in each language used when it declared none: the fallback encodings browsers
# choose by a page's top-level domain (Firefox's table of domains to encodings, WHATWG encoding names; .tr
# windows-1254, .jp Shift_JIS, .cn GBK ...), keyed here by the language the page declares (<html lang>,
# Content-Language, og:locale).  Asked only when the detector scores several encodings as well as each other:
# undeclared Turkish pages (fundus's four Turkish sites re-encoded in windows-1254) score the same as
# windows-1252 and windows-1250, whose "yangýnlarý" and "yangınları" differ in nothing the detector measures.
_ENCODING_LANGUAGES = {
    "cp1252": "af ca da de en es eu fi fr ga gl id is it ms nb nl nn no pt sv sw",
    "cp1250": "bs cs hr hu pl ro sk sl sq",
    "cp1251": "be bg kk ky mk mn ru sr tg tt uk",
    "cp1253": "el",
    "cp1254": "az ku tr",
    "cp1255": "he yi",
    "cp1256": "ar fa ur",
    "cp1257": "et lt lv",
    "cp874": "th",
    "cp932": "ja",
    "cp949": "ko",
    "gb18030": "zh",
    "big5hkscs": "zh-tw zh-hk zh-mo zh-hant",
}
LANGUAGE_ENCODINGS = {
    language: codec for codec, languages in _ENCODING_LANGUAGES.items() for language in languages.split()
}
# Where a page declares its language, read as bytes (every legacy encoding writes ASCII as ASCII).
_DECLARED_LANGUAGE = re.compile(
    rb"""<html\b[^>]*?\b(?:xml:)?lang\s*=\s*["']?([a-z]{2,3}(?:[-_][a-z0-9]{2,4})?)"""
    rb"""|<meta\b[^>]*?(?:http-equiv\s*=\s*["']?content-language|property\s*=\s*["']?og:locale)["']?[^>]*?"""
    rb"""content\s*=\s*["']?([a-z]{2,3}(?:[-_][a-z0-9]{2,4})?)""",
    re.IGNORECASE,
)

# Invalid UTF-8 sequences allowed (share of the bytes) for a file that is
# otherwise UTF-8 to be decoded with replacement characters instead of being
# re-guessed: a stray byte from a bad copy-paste must not cost the article.  The same share of bytes the
# declared encoding cannot decode is allowed before the declaration is taken for a wrong one.
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


def _detected_codec(data: bytes) -> str | None:
    """charset-normalizer's guess among the encodings web pages use; of equally good guesses, the most used.

    Asked among all it knows, it read legacy pages as DOS, HP and Mac code pages no site uses (cp775,
    hp_roman8, mac_roman), and windows-1250 and windows-1252 often scored exactly the same on a Spanish or
    French page, where the order it tried them decided ("Espańa").  Of the 831 dev pages re-encoded in their
    language's legacy encoding without a declaration (`bench/legacy_encodings.py --undeclared`) it read 556
    exactly right unrestricted, 795 this way.  Where it scores several encodings alike, the page's declared
    language picks its own (`_declared_language_codec`): of the 691 dev pages the bench re-encodes today, 660
    -> 674 read exactly right (halves a / b: 325 -> 331 of 338, 335 -> 343 of 353; Spanish and German pages
    taken for windows-1250), with a declaration 687 either way.
    """
    sample = data[:1_000_000]
    # When no web encoding fits (it happened on one re-encoded dev page), the unrestricted guess, as before.
    results = from_bytes(sample, cp_isolation=list(WEB_USAGE)) or from_bytes(sample)
    best = results.best()
    if best is None or best.encoding is None:
        return None
    # Each guess also names the encodings that read the detector's samples the same (`could_be_from_charset`).
    # Its coherence is a guess at the language from letter frequencies, which a few letters apart do not move.
    unmessy = {c for m in results if m.chaos == best.chaos for c in m.could_be_from_charset}
    if (language_codec := _declared_language_codec(sample)) in unmessy:
        return language_codec
    tied = [
        c for m in results if m.chaos == best.chaos and m.coherence == best.coherence for c in m.could_be_from_charset
    ]
    return min(tied, key=lambda codec: WEB_USAGE.index(codec) if codec in WEB_USAGE else len(WEB_USAGE))


def _declared_language_codec(data: bytes) -> str | None:
    """The legacy encoding of the language the page declares in its head (LANGUAGE_ENCODINGS), or None."""
    head = data[:MAX_DECLARATION_BYTES]
    end = _HEAD_END.search(head)
    found = _DECLARED_LANGUAGE.search(head[: end.start()] if end else head)
    if found is None:
        return None
    tag = (found.group(1) or found.group(2)).decode("ascii").casefold().replace("_", "-")
    return LANGUAGE_ENCODINGS.get(tag) or LANGUAGE_ENCODINGS.get(tag.split("-")[0])


def _declared_codec(data: bytes) -> str | None:
    """The Python codec of the encoding an HTML <meta charset> or XML declaration names, or None.

    Labels are resolved as browsers resolve them (the WHATWG Encoding Standard, `webencodings`): a page
    declaring iso-8859-1 or us-ascii is windows-1252, euc-kr is windows-949, gb2312 is gbk, whose decoder
    the standard defines as gb18030's.  Asked only for bytes that are not UTF-8: a declared UTF-8 (or
    UTF-16, which a <meta> cannot truly declare) gives nothing here.
    """
    # bs4 finds the declaration (its prescan of the head, as UnicodeDammit does); imported here because only
    # files that are not UTF-8 get this far, and importing it cost every process ~50 ms at start.
    from bs4.dammit import EncodingDetector

    head = data[:MAX_DECLARATION_BYTES]
    end = _HEAD_END.search(head)
    label = EncodingDetector.find_declared_encoding(
        head[: end.start()] if end else head, is_html=True, search_entire_document=True
    )
    codec = codec_of_label(label) if label else None
    return None if codec in ("utf-8", "utf-16-le", "utf-16-be") else codec


def codec_of_label(label: str) -> str | None:
    """The Python codec a charset label names, resolved as browsers resolve it (the WHATWG Encoding Standard):
    "iso-8859-1" and "us-ascii" are windows-1252, "gb2312" and "gbk" gb18030 (the standard's decoder for both),
    "ks_c_5601-1987" and "euc-kr" windows-949.  None for a label it does not know, and for those it decodes
    as nothing (x-user-defined, and "replacement": iso-2022-kr, hz-gb-2312, which Python has no codec for)."""
    encoding = webencodings.lookup(label)
    if encoding is None or encoding.name in ("x-user-defined", "replacement"):
        return None
    return "gb18030" if encoding.name == "gbk" else encoding.codec_info.name


def _decode_declared(data: bytes) -> tuple[str, str] | None:
    """The bytes read in their declared encoding, or None when there is none or it does not fit them."""
    codec = _declared_codec(data)
    if codec is None:
        return None
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") > MAX_BAD_UTF8_SHARE * len(data):  # a declaration the bytes do not follow
        return None
    return text, f"{codec} (declared)"


# ISO-2022-JP and ISO-2022-KR write text in seven bits, switching character sets with escape sequences ("ESC $ B"
# to JIS X 0208, "ESC ( B" back to ASCII; "ESC $ ) C" announcing KS C 5601): Japanese e-mail's traditional encoding
# (RFC 1468) and old Japanese and Korean pages.  As bytes they pass for ASCII, so for UTF-8, and their escape bytes
# for a binary file's control bytes: mikel/mail's ISO-2022-JP message was rejected as binary.  iso2022_jp_2 reads
# ISO-2022-JP and its extensions.
_ISO_2022 = (
    (re.compile(rb"\x1b\$\)C"), "iso2022_kr"),
    (re.compile(rb"\x1b(?:\$[@B]|\$\(D|\([BJI])"), "iso2022_jp_2"),
)


def _decode_iso_2022(data: bytes) -> tuple[str, str] | None:
    """Seven-bit text with ISO-2022 escape sequences, decoded; None for anything else."""
    if b"\x1b" not in data or not data.isascii():
        return None
    for escape, codec in _ISO_2022:
        if escape.search(data):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _decode_unmarked(data: bytes) -> tuple[str, str]:
    """Text without a byte-order mark: UTF-8, UTF-8 with a few broken bytes, the encoding the page declares,
    or what the detector finds.

    The declaration comes before the detector: of the 831 dev pages (dates and authors sets) re-encoded in
    their language's legacy encoding and declaring it (`bench/legacy_encodings.py`), charset-normalizer read
    161 exactly right (it took Spanish and French pages for windows-1250, a Chinese one for Baltic cp775),
    the declaration 825.
    """
    if iso_2022 := _decode_iso_2022(data):
        return iso_2022
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text, "utf-8 (invalid bytes replaced)"
    declared = _decode_declared(data)
    if declared is not None:
        return declared
    detected = _detected_codec(data)
    if detected is not None:
        return data.decode(detected, errors="replace"), detected
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
