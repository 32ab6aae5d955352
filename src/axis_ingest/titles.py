"""Derived titles for articles whose source states none (wire copy, PDF text).

Stored with `title_derived = 1` so downstream users can tell a headline the
outlet wrote from one made here.  The derived title is the lead sentence,
shortened at a word boundary: it says what the story is about without
pretending to be a headline.
"""

from __future__ import annotations

import re

from axis_ingest.clean.lines import UNSPACED
from axis_ingest.punctuation import SPACED_TERMINALS, UNSPACED_TERMINALS

# Longest derived title in words.  Headlines run 8-14 words; a lead sentence
# cut at 14 words keeps its subject and verb in nearly every case.
MAX_TITLE_WORDS = 14
# Shortest paragraph a title is derived from, in words (a heading or a caption is shorter).
MIN_LEAD_WORDS = 6
# In scripts written without spaces two characters count as a word, as the page-text reader counts them
# (`clean.lines`): a Chinese lead sentence is one "word" by its spaces, and no title was derived from it.
CHARS_PER_UNSPACED_WORD = 2
# A text is written without spaces when its space-parted "words" average more characters of those scripts than this:
# Chinese, Japanese, Thai.  Korean parts its words with spaces (three to five syllables each) and is counted by them.
MAX_SPACED_WORD_CHARS = 8

# The first sentence: up to a mark followed by a space (or the end), or up to a CJK full stop.
_SENTENCE = re.compile(f"(.+?(?:[{SPACED_TERMINALS}](?=\\s|$)|[{UNSPACED_TERMINALS}]))")


def derive_title(paragraphs: list[str]) -> str | None:
    """A title from the first prose paragraph (list items and headings are skipped)."""
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text or text.startswith("- ") or _words(text) < MIN_LEAD_WORDS:
            continue
        match = _SENTENCE.match(text)
        sentence = match.group(1) if match else text
        words = sentence.split()
        if len(words) > MAX_TITLE_WORDS:
            return " ".join(words[:MAX_TITLE_WORDS]).rstrip(",;:–—-") + "…"
        limit = MAX_TITLE_WORDS * CHARS_PER_UNSPACED_WORD
        if _words(sentence) > MAX_TITLE_WORDS and len(sentence) > limit:  # a sentence of Chinese, Japanese, Thai
            return sentence[:limit].rstrip("，、；：,;:–—-") + "…"
        return sentence.rstrip(".。．")
    return None


def _words(text: str) -> int:
    """Words as spaces part them; in a text written without spaces, two characters of its script count one."""
    words, unspaced = len(text.split()), len(UNSPACED.findall(text))
    return words if unspaced <= MAX_SPACED_WORD_CHARS * words else words + unspaced // CHARS_PER_UNSPACED_WORD
