"""Lines that recur across one site's pages: its menus, footers and appeals, learnt as chrome.

Each page is reduced to what cross-document learning needs (`page_lines`: a fingerprint and word count per
distinct line, a sample of word 5-grams), so `prepare` can count a batch's pages before any is read; lines on
several different articles of a site are its chrome (`recurring_across_pages`), while copies of one story
(syndicated, edited, scraped twice) count as one page.  Separate from the classifier, which only looks the
learnt fingerprints up (`line_fingerprint`), because the reader table and `prepare` use it on its own.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

# Two pages that share this share of the smaller page's word 5-grams are copies of one story
# (syndicated, edited, cut or scraped twice), not two pages of one site: the lines they share are
# the story.  Pages of one site share only their chrome (~35% of the short pages of
# tests/test_chrome_learning.py); copies with 5% of words edited still share ~75%.  Whole lines
# do not tell: an edited copy shares few (the syndication dev set's edits5pct copies ~10%).
# Without this, 240 of the 423 pages of that set lost every line and were rejected.
COPY_SHARE = 0.5
# A line of prose (this many words or more) is chrome only on at least PROSE_MIN_DOCS different
# articles: a site's appeal or masthead is on every page of the site, while a background
# paragraph shared by three different stories of one subject is their text.  With 3, the
# syndication dev set lost recall on one half (0.983 -> 0.966); with 5, none.
PROSE_WORDS = 12
PROSE_MIN_DOCS = 5
SHINGLE_WORDS = 5
# One shingle in SHINGLE_SAMPLE is kept (by hash): the share is estimated from a sample.
SHINGLE_SAMPLE = 4
# Lines whose normal form is remembered.  A scraped page's lines are normalised for chrome learning
# (`page_lines`, every page of a batch first), then again when the page is read (learnt chrome,
# repeats): 2.6 times per line on the generated text corpus.  A worker's batch of 100 pages holds
# ~6,300 lines; this keeps a batch's worth (~3 MB).
NORMALISED_LINES_CACHED = 8192
# The reason the line classifier gives a line learnt as this site's chrome.
RECURRING = "recurring on this site"
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=NORMALISED_LINES_CACHED)
def normalise_line(line: str) -> str:
    """Case-folded words of a line with digits zeroed ("Views: 65" ~ "Views: 112")."""
    text = unicodedata.normalize("NFKC", line).casefold()
    return " ".join(_WORD.findall(_DIGITS.sub("0", text)))


@lru_cache(maxsize=NORMALISED_LINES_CACHED)
def line_fingerprint(line: str) -> str:
    """A short stable key for a line, equal for lines that differ only in case, digits or punctuation.

    Cached like `normalise_line`: the classifier asks for every line of a page whose lines the chrome
    stage fingerprinted moments before.
    """
    return _fingerprint(normalise_line(line))


def _fingerprint(key: str) -> str:
    """The fingerprint of a line already normalised (`normalise_line`)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class PageLines:
    """What cross-document chrome learning needs of one page."""

    weights: dict[str, int]  # line fingerprint -> words, for each distinct line
    shingles: frozenset[int]  # sampled word 5-grams: tell copies of one story from pages of one site


def page_lines(text: str) -> PageLines:
    weights: dict[str, int] = {}
    words: list[str] = []
    for line in text.split("\n"):
        key = normalise_line(line)
        if key:
            weights.setdefault(_fingerprint(key), key.count(" ") + 1)
            words.extend(key.split(" "))
    # The word 5-grams (a page shorter than that is one shingle of all its words), joined, encoded and hashed
    # by chained maps: C loops, where a generator of slices ran in Python (1.54 -> 1.29 ms per scraped page).
    shifted = (words[i:] for i in range(SHINGLE_WORDS))
    grams = zip(*shifted, strict=False) if len(words) > SHINGLE_WORDS else [words]
    hashes = map(zlib.crc32, map(str.encode, map(" ".join, grams)))
    return PageLines(weights, frozenset(h for h in hashes if h % SHINGLE_SAMPLE == 0))


def recurring_across_pages(pages: Sequence[PageLines], min_docs: int = 3) -> tuple[frozenset[str], list[bool]]:
    """(fingerprints of lines on at least `min_docs` different pages, which pages copy another one).

    Pages that are copies of one another (COPY_SHARE) count as one page, so only lines that
    recur across different articles (menus, footers, a site's appeals) are returned.
    """
    parent = list(range(len(pages)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holders: dict[int, list[int]] = {}
    for i, page in enumerate(pages):
        for shingle in page.shingles:
            holders.setdefault(shingle, []).append(i)
    # Pairs of pages sharing each shingle, counted by Counter's C loop (the same pairs in the same order
    # as nested loops, ~4x faster: a site's chrome puts one shingle on dozens of pages).
    shared: Counter[tuple[int, int]] = Counter(
        pair for found in holders.values() if len(found) > 1 for pair in combinations(found, 2)
    )
    for (a, b), count in shared.items():
        if count >= COPY_SHARE * max(min(len(pages[a].shingles), len(pages[b].shingles)), 1):
            parent[root(b)] = root(a)
    groups: dict[str, set[int]] = {}
    words: dict[str, int] = {}
    for i, page in enumerate(pages):
        for fp, count in page.weights.items():
            groups.setdefault(fp, set()).add(root(i))
            words[fp] = count
    prose_min_docs = max(min_docs, PROSE_MIN_DOCS)
    recurring = frozenset(
        fp for fp, found in groups.items() if len(found) >= (prose_min_docs if words[fp] >= PROSE_WORDS else min_docs)
    )
    return recurring, [root(i) != i for i in range(len(pages))]


def recurring_lines(texts: Iterable[str], min_docs: int = 3) -> frozenset[str]:
    """Fingerprints of lines found in at least `min_docs` of one site's documents (its menus and footers)."""
    return recurring_across_pages([page_lines(text) for text in texts], min_docs)[0]
