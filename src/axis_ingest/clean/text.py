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
from ftfy.badness import MOJIBAKE_CATEGORIES
from ftfy.chardata import CONTROL_CHARS, LIGATURES

# Repairs run until the text stops changing; three passes undo the deepest
# nesting seen in practice (triple-escaped WordPress entities).
MAX_REPAIR_PASSES = 3

# Zero-width and bidi controls that survive copy-paste and break tokenisation: the marks (LRM, RLM, ALM), the
# embeddings and overrides, and the isolates (U+2066-2069) that Unicode 6.3 added to replace them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# The zero-width non-joiner and joiner are spelling, not debris, between the letters of Persian, Kurdish and the
# Indic scripts ("می‌خواهم", Sinhala "ශ්‍රී") and inside emoji sequences (👨‍👩‍👧); ftfy keeps them, and so do we
# there.  Next to an ASCII character, a space or a line's edge they join nothing: copy-paste debris, dropped.
_JOINERS = ("\u200c", "\u200d")
_STRAY_JOINERS = re.compile(r"(?:^|(?<=[\x00-\x7f\s]))[\u200c\u200d]+|[\u200c\u200d]+(?=[\x00-\x7f\s]|$)", re.MULTILINE)
# C0 controls other than tab, newline, form feed (page breaks) and CR, and DEL, never belong in article text:
# they arrive from JSON escapes (`\u0000`) and broken exports.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# No-break, thin, narrow and ideographic spaces (a character class's body): plain spaces in stored text.
WIDE_SPACE_CHARS = r"\u00a0\u2000-\u200a\u202f\u205f\u3000"
_SPACE_CHARS = rf"[ \t{WIDE_SPACE_CHARS}]"
# A run of spaces that is not already one plain space: what normalise_paragraph rewrites as " ".  Matching
# every run (single spaces too) made re build a new string with a replacement at every word gap:
# 3x slower on news paragraphs, same result.
_SPACES = re.compile(rf"(?: {_SPACE_CHARS}|[\t{WIDE_SPACE_CHARS}]){_SPACE_CHARS}*")
_BULLET_MARKS = re.compile(r"^\s*[•●▪◦‣∙·*–—]\s+(?=\S)")

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_character_width=False, normalization="NFC", explain=False
)


def without_invisible(text: str) -> str:
    """`text` without zero-width and bidi controls (_INVISIBLE): an Arabic page's "04\u200f/07\u200f/2021" is the
    date 04/07/2021 to a pattern."""
    return _INVISIBLE.sub("", text)


def _ftfy_triggers() -> tuple[re.Pattern[str], ...]:
    """Characters without which ftfy (as configured above) returns a text unchanged.

    Built from ftfy's own tables: its mojibake detector (`badness.BADNESS_RE`)
    matches only at a C1 control, at "Œ"/"œ" or "Ã"/"Â", or at two
    non-ASCII characters side by side (all its character classes are
    non-ASCII); its other fixers act only on C1 controls, ligatures, unusual
    line breaks, surrogates, terminal escapes and the control characters it
    deletes; NFC is checked separately.  Calling ftfy costs ~0.2 ms for a
    300-character paragraph, mostly the detector's regex; this search costs
    ~2 µs, and news prose with curly quotes and accented words rarely needs
    more (tests/test_hygiene_fastpath.py checks the claim against ftfy).

    Two patterns, a text needing ftfy when either matches: one alternation of the two made re try
    both branches at every position, 0.196 ms of CPU per generated text/JSON file over its 10,704
    checks; two searches, each a scan for one character class, 0.128 ms (same answers).
    """
    if any(ord(c) < 0x80 for v in MOJIBAKE_CATEGORIES.values() for c in v.replace("-", "")):
        # A future ftfy with ASCII in its classes: the reasoning above no longer holds.
        return (re.compile(r"[^\x00-\x7f]"),)
    singles = "".join(chr(c) for c in sorted({*CONTROL_CHARS, *LIGATURES})) + "ŒœÃÂ\r\u2028\u2029\x1b"
    return re.compile("[\x80-\x9f\ud800-\udfff" + re.escape(singles) + "]"), re.compile("[^\x00-\x7f]{2}")


_FTFY_TRIGGERS = _ftfy_triggers()


def _needs_ftfy(text: str) -> bool:
    return not unicodedata.is_normalized("NFC", text) or any(trigger.search(text) for trigger in _FTFY_TRIGGERS)


def fix_mojibake(text: str) -> str:
    """ftfy on the lines that can need it: ftfy fixes each line (with its newline) on its own, so this is its result.

    Only ftfy's repairs: no HTML unescaping or dropped characters, so markup's text (a JSON-LD script) stays
    what it says."""
    if not _needs_ftfy(text):
        return text
    if "\n" not in text:
        return ftfy.fix_text(text, _FTFY_CONFIG)
    lines = text.split("\n")
    segments = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    return "".join(ftfy.fix_text(s, _FTFY_CONFIG) if _needs_ftfy(s) else s for s in segments)


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
            # Invisible characters go first: a soft hyphen inside "Ã\xad©" hides mojibake from ftfy.
            text = fix_mojibake(_INVISIBLE.sub("", text))
        if "&" in text:
            text = html.unescape(text)
        if text == before:
            break
    text = unicodedata.normalize("NFC", _CONTROLS.sub("", _INVISIBLE.sub("", text)))
    if _JOINERS[0] in text or _JOINERS[1] in text:
        # Twice: NFC can turn a neighbour into ASCII (KELVIN SIGN -> K), and a dropped joiner can leave a letter
        # and a combining mark side by side (so NFC composes them).
        for _ in range(2):
            text = unicodedata.normalize("NFC", _STRAY_JOINERS.sub("", text))
    return text


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
        text = normalise_paragraph(paragraph)
        for _ in range(MAX_REPAIR_PASSES):
            repaired = repair_text(text)
            if repaired == text:  # normalise_paragraph is idempotent: nothing left to do
                break
            # Reshaping a repaired text can change what ftfy sees ("Â\x87ß &nbsp;" repairs to "Â‡ß\xa0", whose
            # trailing space goes, and ftfy then reads "Â‡" as mojibake): repeat until both leave it alone.
            text = normalise_paragraph(repaired)
        if text and text != "-":
            out.append(text)
    return out


def split_paragraphs(text: str) -> list[str]:
    """Split text on blank lines (the contract's paragraph separator)."""
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
