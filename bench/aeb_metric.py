"""The article-extraction-benchmark's own body metric, implemented exactly as its README states.

Tokens are ``re.findall(r"\\w+", text)`` (case-sensitive); each text becomes a
multiset of token 4-grams (a text under 4 tokens is one shingle); per document
tp/fp/fn are scaled so tp+fp+fn = 1; precision is the mean over documents with
a non-empty prediction, recall the mean over documents with non-empty truth,
F1 = 2PR/(P+R) of those means.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class DocScore:
    doc_id: str
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_document(doc_id: str, predicted: str, truth: str) -> DocScore:
    pred, true = shingles(predicted), shingles(truth)
    overlap = sum((pred & true).values())
    tp, fp, fn = overlap, sum(pred.values()) - overlap, sum(true.values()) - overlap
    total = tp + fp + fn
    if total == 0:
        return DocScore(doc_id, 0.0, 0.0, 0.0)
    return DocScore(doc_id, tp / total, fp / total, fn / total)


def aggregate(scores: list[DocScore]) -> tuple[float, float, float]:
    """(precision, recall, F1) exactly as the benchmark aggregates them."""
    precisions = [s.precision for s in scores if s.precision is not None]
    recalls = [s.recall for s in scores if s.recall is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def print_report(name: str, scores: list[DocScore], worst: int = 10) -> tuple[float, float, float]:
    p, r, f1 = aggregate(scores)
    print(f"{name}: documents={len(scores)} precision={p:.4f} recall={r:.4f} F1={f1:.4f}")
    print(f"  {worst} worst documents (by F1):")
    for s in sorted(scores, key=lambda s: s.f1)[:worst]:
        print(f"    {s.doc_id[:16]}  F1={s.f1:.3f}  P={s.precision or 0:.3f}  R={s.recall or 0:.3f}")
    return p, r, f1
