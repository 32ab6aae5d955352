"""Exact comparison of two bodies, for LSH candidates whose MinHash estimate is uncertain.

MinHash finds candidates and settles the clear cases; when the texts are at hand (the batch's
bodies, `articles.body` for stored candidates) the uncertain ones are compared here on their
exact word-shingle sets, paragraph by paragraph where it matters:

* containment and Jaccard of the whole shingle sets (the estimates' exact counterparts);
* the *own tail* of the shorter text: the words of its paragraphs after the last paragraph the
  other text holds.  A reprint cut to its first paragraphs has none (the cut is at its end); a
  different story that shares only the lead paragraphs has the rest of itself there.  A copy
  with a paragraph dropped or an editor's note has its own paragraphs before shared ones, not
  after them.
"""

from __future__ import annotations

from axis_ingest.dedup.hashing import words_for_shingling
from axis_ingest.dedup.minhash import DEFAULT_K, shingles

# A paragraph of the shorter text is held by the other text when this share of its shingles is
# found there (5%-word edits keep about three quarters of a paragraph's 4-word shingles).
HELD_PARAGRAPH_SHARE = 0.5


class ComparedText:
    """A body as the exact comparison sees it: its shingles, and per paragraph when first asked."""

    __slots__ = ("_body", "_k", "_paragraphs", "shingles")

    def __init__(self, body: str, k: int = DEFAULT_K) -> None:
        self._body, self._k = body, k
        self.shingles = frozenset(shingles(body, k))
        self._paragraphs: tuple[tuple[int, frozenset[str]], ...] | None = None

    @property
    def paragraphs(self) -> tuple[tuple[int, frozenset[str]], ...]:
        """(words, shingles) of each paragraph (separated by blank lines), in order."""
        if self._paragraphs is None:
            found = []
            for paragraph in self._body.split("\n\n"):
                words = len(words_for_shingling(paragraph))
                if words:
                    found.append((words, frozenset(shingles(paragraph, self._k))))
            self._paragraphs = tuple(found)
        return self._paragraphs

    @property
    def words(self) -> int:
        return sum(words for words, _ in self.paragraphs)


def compared_text(body: str, k: int = DEFAULT_K) -> ComparedText:
    """The shingles of a body, whole (now) and per paragraph (when the shared-lede guard asks)."""
    return ComparedText(body, k)


def containment_and_jaccard(a: ComparedText, b: ComparedText) -> tuple[float, float]:
    """(|A∩B| / min(|A|, |B|), |A∩B| / |A∪B|) of the two shingle sets."""
    if not a.shingles or not b.shingles:
        return 0.0, 0.0
    shared = len(a.shingles & b.shingles)
    return shared / min(len(a.shingles), len(b.shingles)), shared / (len(a.shingles) + len(b.shingles) - shared)


def own_tail_words(short: ComparedText, other: ComparedText) -> int:
    """Words of `short`'s paragraphs after the last of its paragraphs that `other` holds (all of it if none)."""
    tail = 0
    for words, grams in reversed(short.paragraphs):
        if grams and len(grams & other.shingles) >= HELD_PARAGRAPH_SHARE * len(grams):
            break
        tail += words
    return tail
