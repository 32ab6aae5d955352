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

# Zero-width and bidi controls that survive copy-paste and break tokenisation.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^\s*(?:[-*•●▪◦‣∙·–—]|\d{1,2}[.)])\s+(?=\S)")
_BULLET_MARKS = re.compile(r"^\s*[•●▪◦‣∙·*–—]\s+(?=\S)")


def repair_text(text: str) -> str:
    """Fix mojibake and HTML entities, normalise to NFC, drop invisible characters.

    ftfy undoes double-encoding ("â€™" -> "’") without touching correct text.
    Entities are unescaped only when they look like entities (`&amp;`, `&#8217;`).
    Curly quotes and full-width characters are the author's, so ftfy is told
    to keep them (its defaults would straighten "’" to "'").
    """
    text = ftfy.fix_text(
        text, unescape_html=False, uncurl_quotes=False, fix_character_width=False, normalization="NFC"
    )
    if "&" in text:
        text = html.unescape(text)
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
        text = normalise_paragraph(repair_text(paragraph))
        if text and text != "-":
            out.append(text)
    return out


def split_paragraphs(text: str) -> list[str]:
    """Split text on blank lines (the contract's paragraph separator)."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_list_item(paragraph: str) -> bool:
    return bool(_BULLET.match(paragraph))
