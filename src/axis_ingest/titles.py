"""Derived titles for articles whose source states none (wire copy, PDF text).

Stored with `title_derived = 1` so downstream users can tell a headline the
outlet wrote from one made here.  The derived title is the lead sentence,
shortened at a word boundary: it says what the story is about without
pretending to be a headline.
"""

from __future__ import annotations

import re

from axis_ingest.punctuation import SPACED_TERMINALS, UNSPACED_TERMINALS

# Longest derived title in words.  Headlines run 8-14 words; a lead sentence
# cut at 14 words keeps its subject and verb in nearly every case.
MAX_TITLE_WORDS = 14

# The first sentence: up to a mark followed by a space (or the end), or up to a CJK full stop.
_SENTENCE = re.compile(f"(.+?(?:[{SPACED_TERMINALS}](?=\\s|$)|[{UNSPACED_TERMINALS}]))")


def derive_title(paragraphs: list[str]) -> str | None:
    """A title from the first prose paragraph (list items and headings are skipped)."""
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text or text.startswith("- ") or len(text.split()) < 6:
            continue
        match = _SENTENCE.match(text)
        sentence = match.group(1) if match else text
        words = sentence.split()
        if len(words) > MAX_TITLE_WORDS:
            return " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:–—-") + "…"
        return sentence.rstrip(".")
    return None
