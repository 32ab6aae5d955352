"""Text hygiene shared by every reader: Unicode repair and paragraph shape.

Format-specific cleaning (chrome removal, wire sign-offs, hard wraps) lives in
the readers; this module only makes any paragraph list conform to the
contract's body shape, so it must be idempotent and must never drop words.
"""

from __future__ import annotations

import html
import re
import unicodedata

import ftfy

# Repairs run until the text stops changing; three passes undo the deepest
# nesting seen in practice (triple-escaped WordPress entities).
MAX_REPAIR_PASSES = 3

# Zero-width and bidi controls that survive copy-paste and break tokenisation.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣∙·–—]|\d{1,2}[.)])\s+(?=\S)")
_BULLET_MARKS = re.compile(r"^\s*[•●▪◦‣∙·*–—]\s+(?=\S)")


def repair_text(text: str) -> str:
    """Fix mojibake and HTML entities, normalise to NFC, drop invisible characters.

    ftfy undoes double-encoding ("â€™" -> "’") without touching correct text.
    Curly quotes and full-width characters are the author's, so ftfy is told
    to keep them (its defaults would straighten "’" to "'").  Both repairs run
    to a fixed point (double-escaped `&amp;#8217;`, mojibake revealed by a first
    fix), so cleaning clean text changes nothing.  ASCII text cannot hold
    mojibake and skips ftfy, which is the costly part.
    """
    for _ in range(MAX_REPAIR_PASSES):
        before = text
        if not text.isascii():
            text = ftfy.fix_text(
                text, unescape_html=False, uncurl_quotes=False, fix_character_width=False, normalization="NFC"
            )
        if "&" in text:
            text = html.unescape(text)
        if text == before:
            break
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def normalise_paragraph(paragraph: str) -> str:
    """One paragraph on one line, single spaces, list bullets written as '- '."""
    text = _SPACES.sub(" ", paragraph.replace("\r", " ").replace("\n", " ")).strip()
    if _BULLET_MARKS.match(text):
        text = "- " + _BULLET_MARKS.sub("", text, count=1)
    return text


def normalise_paragraphs(paragraphs: list[str]) -> list[str]:
    """Apply `repair_text` and `normalise_paragraph`, dropping paragraphs left empty."""
    out: list[str] = []
    for paragraph in paragraphs:
        # Whitespace first: ftfy judges mojibake by context, and the spaces it saw must be the ones kept.
        text = normalise_paragraph(repair_text(normalise_paragraph(paragraph)))
        if text and text != "-":
            out.append(text)
    return out


def split_paragraphs(text: str) -> list[str]:
    """Split text on blank lines (the contract's paragraph separator)."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_list_item(paragraph: str) -> bool:
    return bool(_BULLET.match(paragraph))
