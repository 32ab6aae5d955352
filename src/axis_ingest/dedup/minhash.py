"""MinHash signatures of article bodies: pure, picklable, computed in worker processes.

A body becomes the set of its word k-shingles (k consecutive normalised
words); a MinHash signature of that set lets two bodies be compared by
estimated Jaccard resemblance, and — with the exact set sizes kept beside
the signature — by estimated containment, which is what recognises a reprint
cut to 40% of its source.

Why rensa: its Rust `RMinHash` computes a 128-value signature of a typical
600-word body in about 0.05 ms; datasketch 2.0 (`MinHash.update_batch`, numpy
permutations) needs about 0.6 ms for the same set, and our tokenising costs
about 0.2 ms either way, so a signature takes 0.26 ms instead of 0.85 ms
(measured on the 928 bodies of the syndication dev set on this machine).
That difference is what lets 2 cores keep up with 2,000 documents a second.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

import numpy as np
from rensa import RMinHash

from axis_ingest.dedup.hashing import words_for_shingling

# Word shingle length.  Measured on the syndication dev set with exact sets:
# k=3 keeps 5%-word-edit copies at containment >= 0.82 but lets distinct
# stories share up to 0.24 of their 3-grams (common phrases); k=5 drops the
# edited copies to 0.70.  k=4 sits between (edited copies >= 0.76, distinct
# stories <= 0.18) and gave the best precision/recall in the syndication dev set.
DEFAULT_K = 4
# 256 permutations: Jaccard estimates within about +-0.03 (1 sigma at J=0.5).
# Containment estimated from Jaccard is noisier when the sizes differ: a copy
# cut to 40% compared with its source alone passed the containment test in
# 96.3% of cases with 128 values and 99.3% with 256 (81 stories x 5 seeds).
# Only the first bands x rows values feed LSH: 64 bands of 3 rows find a pair
# at J=0.3 with probability 0.83 and at J=0.4 with 0.985, which the
# truncated-reprint cases need (see index.py), while a pair at J=0.05 (two
# stories sharing stock phrases) is a candidate with probability 0.008, not
# the 0.077 of the former 32 bands of 2 rows: on the generated 30k corpus that
# was 5.5 candidates per article instead of 52 (both with stop buckets), the
# same recall on the syndication dev set (5 MinHash seeds), and twice the
# bucket rows.  4 rows (48 bands) cost trunc40 recall on one seed in three.  Fewer
# 3-row bands write less but find less: on bench/dedup_throughput.py at 100k, 40 / 48 / 64
# bands found 0.9982 / 0.9987 / 0.9998 of the planted copies with 7 / 4 / 0 false
# matches, at 1,841 / 1,522 / 1,372 docs/s (the index alone; the whole pipeline runs at
# ~250 docs/s, so the index is not what limits it).
DEFAULT_NUM_PERM = 256
DEFAULT_BANDS = 64
DEFAULT_ROWS = 3
DEFAULT_SEED = 20240501
# The lead channel: LEAD_BANDS more bands of LEAD_ROWS rows over a small MinHash of the body's
# first LEAD_WORDS words (after a headline line and a dateline).  A reprint cut to 40% of a long
# story has Jaccard 0.2-0.35 with it, where 64 bands of 3 rows make it a candidate with
# probability 0.40-0.94 only; its lead is the story's lead (window Jaccard ~1, 0.65 with 5% of
# words edited: candidate with probability 0.99 at 10 x 2).  Stories that share only a lead
# become candidates too, and exact verification tells them apart.  A database built without the
# channel keeps working without it (its stored parameters have lead_bands 0).
DEFAULT_LEAD_BANDS = 10
DEFAULT_LEAD_ROWS = 2
DEFAULT_LEAD_WORDS = 60
# Recorded with the parameters so that signatures made by a different
# algorithm are never compared with stored ones (rensa bumps this number
# whenever its digests change).
IMPLEMENTATION = f"rensa.RMinHash/v{RMinHash.ALGORITHM_VERSION}"


@dataclass(frozen=True)
class MinHashParams:
    """Everything that decides the values of a stored signature or LSH bucket."""

    num_perm: int = DEFAULT_NUM_PERM
    bands: int = DEFAULT_BANDS
    rows: int = DEFAULT_ROWS
    k: int = DEFAULT_K
    seed: int = DEFAULT_SEED
    implementation: str = IMPLEMENTATION
    lead_bands: int = DEFAULT_LEAD_BANDS
    lead_rows: int = DEFAULT_LEAD_ROWS
    lead_words: int = DEFAULT_LEAD_WORDS

    def __post_init__(self) -> None:
        if self.num_perm < 1 or self.bands < 1 or self.rows < 1 or self.k < 1:
            raise ValueError(f"MinHash parameters must be positive: {self}")
        if self.lead_bands < 0 or (self.lead_bands and (self.lead_rows < 1 or self.lead_words < self.k)):
            raise ValueError(f"lead channel parameters out of range: {self}")
        if self.bands * self.rows > self.num_perm:
            raise ValueError(f"bands x rows ({self.bands} x {self.rows}) exceeds num_perm ({self.num_perm})")

    def to_json(self) -> str:
        """Canonical JSON (sorted keys), the form stored in schema_info."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MinHashParams:
        """Inverse of `to_json`; parameters stored before the lead channel existed have none (lead_bands 0)."""
        values = json.loads(text)
        values.setdefault("lead_bands", 0)
        return cls(**values)

    @property
    def lead_perm(self) -> int:
        """Values in the lead signature."""
        return self.lead_bands * self.lead_rows


@dataclass(frozen=True, eq=False)
class Signature:
    """A MinHash signature and the number of distinct shingles it summarises."""

    values: np.ndarray  # uint64, length num_perm
    shingle_count: int
    # MinHash of the lead (params.lead_perm values) for the lead bands; not stored, None when
    # read back from the database or when the parameters have no lead channel.
    lead: np.ndarray | None = None

    def to_bytes(self) -> bytes:
        """Little-endian values, 4 bytes each when they all fit (rensa's do), else 8."""
        narrow = self.values.size == 0 or int(self.values.max()) <= 0xFFFFFFFF
        return self.values.astype("<u4" if narrow else "<u8").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, shingle_count: int, num_perm: int) -> Signature:
        """Inverse of `to_bytes`; the value width is len(data) / num_perm."""
        width = len(data) // num_perm if num_perm else 8
        if width not in (4, 8) or width * num_perm != len(data):
            raise ValueError(f"a stored signature of {len(data)} bytes does not hold {num_perm} values")
        return cls(np.frombuffer(data, dtype=f"<u{width}").astype(np.uint64), shingle_count)


def shingles(text: str, k: int = DEFAULT_K) -> set[str]:
    """The distinct word k-shingles of a text (normalised words, punctuation ignored).

    A text shorter than k words is one shingle of all its words; an empty text
    has none.
    """
    return _word_shingles(words_for_shingling(text), k)


def _word_shingles(words: list[str], k: int) -> set[str]:
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(*(words[i:] for i in range(k)), strict=False)))


def signature_for(text: str, params: MinHashParams, words: list[str] | None = None) -> Signature:
    """The signature of a body under `params` (pure: same text and params, same values).

    `words`: `words_for_shingling(text)` when the caller has them (`hashing.content_hash_and_words`).
    """
    if words is None:
        words = words_for_shingling(text)
    grams = _word_shingles(words, params.k)
    minhash = RMinHash(num_perm=params.num_perm, seed=params.seed)
    if grams:
        minhash.update(list(grams))
    lead = None
    if params.lead_bands and grams:
        skip = _lead_skip(text)
        lead_grams = _word_shingles(words[skip : skip + params.lead_words], params.k)
        lead_hash = RMinHash(num_perm=params.lead_perm, seed=params.seed + 1)
        lead_hash.update(list(lead_grams))
        lead = np.asarray(lead_hash.digest(), dtype=np.uint64)
    return Signature(np.asarray(minhash.digest(), dtype=np.uint64), len(grams), lead)


# Characters read for a headline line and datelines in front of the lead.
_HEAD_CHARS = 400
# A headline line: a first paragraph this short with no sentence end.
_HEADLINE_MAX_WORDS = 14
# A paragraph that ends with a sentence mark (closing quotes may follow): a headline has none.  Not
# detectors.LINE_ENDS_SENTENCE: this module is a leaf (worker processes, no tables), and a headline ending in
# a closing quote or bracket ('Minister quits over “lies”') is still a headline.
_ENDS_WITH_SENTENCE_MARK = re.compile(r"[.!?…]['\"’”»)]*\s*$")
# A dateline in front of the first sentence: "LONDON (Reuters) — ", "BERLIN, Germany (AP) -- ", "(Reuters) - ".
_DATELINE = re.compile(r"^(?:[A-Z][\w.'’-]*,? ){0,4}(?:[A-Z][\w.'’-]*,? ?)?(?:\([^()\n]{1,30}\) ?)?(?:—|–|--?) ")


def lead_words(text: str, count: int) -> list[str]:
    """The first `count` normalised words of a body after a headline line and datelines.

    A re-headlined copy ("Rail Strike Called ¶ LEEDS (Reuters) — Train drivers ...") and the
    story ("Train drivers ...") then have the same lead.
    """
    skip = _lead_skip(text)
    return words_for_shingling(text)[skip : skip + count]


def _lead_skip(text: str) -> int:
    """How many of the text's normalised words a headline line and datelines in front of its lead hold."""
    paragraphs = text[:_HEAD_CHARS].split("\n\n")  # only the head is read: a headline and datelines fit
    skipped: list[str] = []
    while len(paragraphs) > 1 and (
        not paragraphs[0].strip()
        or (len(paragraphs[0].split()) <= _HEADLINE_MAX_WORDS and not _ENDS_WITH_SENTENCE_MARK.search(paragraphs[0]))
    ):
        skipped.append(paragraphs.pop(0))
    rest = "\n\n".join(paragraphs).lstrip()
    for _ in range(2):  # "LONDON (Reuters) — VIENNA — The house ..."
        dateline = _DATELINE.match(rest)
        if dateline is None:
            break
        skipped.append(dateline.group())
        rest = rest[dateline.end() :]
    return len(words_for_shingling(" ".join(skipped))) if skipped else 0


def estimate_jaccard(a: Signature, b: Signature) -> float:
    """Share of positions where the two signatures agree: an estimate of |A∩B| / |A∪B|."""
    if a.shingle_count == 0 or b.shingle_count == 0:
        return 0.0
    if a.values.shape != b.values.shape:
        raise ValueError("signatures of different lengths cannot be compared")
    return float(np.count_nonzero(a.values == b.values)) / a.values.size


def estimate_containment(a: Signature, b: Signature, jaccard: float | None = None) -> float:
    """Estimated |A∩B| / min(|A|, |B|): how much of the shorter text the other one holds.

    From J = |A∩B| / |A∪B| and |A∪B| = |A| + |B| - |A∩B| follows
    |A∩B| = J(|A| + |B|) / (1 + J).  Clipped to 1 because the Jaccard estimate
    is noisy.
    """
    j = estimate_jaccard(a, b) if jaccard is None else jaccard
    smaller = min(a.shingle_count, b.shingle_count)
    if smaller == 0:
        return 0.0
    intersection = j * (a.shingle_count + b.shingle_count) / (1.0 + j)
    return min(1.0, intersection / smaller)
