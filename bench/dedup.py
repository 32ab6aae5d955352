"""Near-duplicate detection on the syndication dev set (../shared/bench/dedup/syndication-dev.jsonl).

Feeds the documents in file order, in batches, through the exact key
(content_hash) and NearDuplicateIndex on a real temporary SQLite database,
the way an ingest run stores articles: an exact duplicate is the existing
article, a near duplicate is stored with duplicate_of = its canonical.  The
predicted cluster of a document is its canonical article id.

Prints pairwise precision and recall over all document pairs, wrong merges
(predicted pairs from different stories; those touching a hard negative
separately), and per-variant recall (share of a variant's documents placed
in the cluster of their story's original).

    python bench/dedup.py [--batch 64] [--k 4] [--num-perm 128] [--bands 32] [--rows 2] [--hot-rows N] [--stop-size N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

from sqlalchemy import create_engine, insert, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from axis_ingest.dedup import index as dedup_index
from axis_ingest.dedup.hashing import content_hash
from axis_ingest.dedup.index import NearDuplicateIndex
from axis_ingest.dedup.minhash import MinHashParams, signature_for
from axis_ingest.store.schema import Article, Base
from bench._shared import require_shared_bench

HARD_NEGATIVE = "hardneg_shared_lede"


def store_batch(conn, index: NearDuplicateIndex, bodies: list[str], params: MinHashParams) -> list[int]:
    """Store a batch of bodies as articles; return the canonical article id of each body."""
    hashes = [content_hash(b) for b in bodies]
    existing = dict(
        conn.execute(select(Article.content_hash, Article.id).where(Article.content_hash.in_(set(hashes)))).all()
    )
    out: list[int | None] = [None] * len(bodies)
    new_positions: list[int] = []
    first_in_batch: dict[str, int] = {}
    for i, h in enumerate(hashes):
        if h in existing:
            out[i] = existing[h]
        elif h in first_in_batch:
            out[i] = -1 - first_in_batch[h]  # resolved after the first copy is stored
        else:
            first_in_batch[h] = i
            new_positions.append(i)
    sigs = [signature_for(bodies[i], params) for i in new_positions]
    matches = index.match_batch(sigs)
    new_ids: dict[int, int] = {}
    added = []
    for i, sig, match in zip(new_positions, sigs, matches, strict=True):
        duplicate_of = None
        similarity = None
        if match is not None:
            duplicate_of = (
                match.article_id if match.article_id is not None else new_ids[new_positions[match.batch_index]]
            )
            similarity = match.similarity
        aid = conn.execute(
            insert(Article).values(
                body=bodies[i],
                word_count=len(bodies[i].split()),
                source_format="plain_text",
                content_hash=hashes[i],
                duplicate_of=duplicate_of,
                similarity=similarity,
                ingested_utc="2026-01-01T00:00:00Z",
            )
        ).inserted_primary_key[0]
        new_ids[i] = aid
        added.append((aid, sig))
    index.add_batch(added, matches)
    for i in range(len(bodies)):
        if out[i] is None:
            out[i] = new_ids[i]
        elif out[i] < 0:
            out[i] = new_ids[-1 - out[i]]
    # Resolve to canonical ids (exact copies of a near duplicate join its canonical).
    ids = set(out)
    rows = conn.execute(select(Article.id, Article.duplicate_of).where(Article.id.in_(ids))).all()
    canonical_of = {aid: (dup if dup is not None else aid) for aid, dup in rows}
    return [canonical_of[a] for a in out]  # type: ignore[index]


def pair_counts(labels_a: list, labels_b: list) -> tuple[int, int, int]:
    """(pairs together in both, pairs together in a, pairs together in b)."""
    both = Counter(zip(labels_a, labels_b, strict=True))
    return (
        sum(comb(n, 2) for n in both.values()),
        sum(comb(n, 2) for n in Counter(labels_a).values()),
        sum(comb(n, 2) for n in Counter(labels_b).values()),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--k", type=int, default=MinHashParams().k)
    parser.add_argument("--num-perm", type=int, default=MinHashParams().num_perm)
    parser.add_argument("--bands", type=int, default=MinHashParams().bands)
    parser.add_argument("--rows", type=int, default=MinHashParams().rows)
    parser.add_argument("--seed", type=int, default=MinHashParams().seed)
    parser.add_argument("--jaccard-min", type=float, default=dedup_index.JACCARD_MIN)
    parser.add_argument("--containment-min", type=float, default=dedup_index.CONTAINMENT_MIN)
    parser.add_argument("--canonical-min", type=float, default=dedup_index.CANONICAL_CONTAINMENT_MIN)
    parser.add_argument(
        "--stop-size", type=int, default=dedup_index.STOP_BUCKET_SIZE, help="articles a bucket may hold"
    )
    parser.add_argument(
        "--hot-rows", type=int, default=dedup_index.HOT_MAX_ROWS, help="hot bucket table size (small: many merges)"
    )
    args = parser.parse_args()
    bench = require_shared_bench()
    path = bench / "dedup" / "syndication-dev.jsonl"
    if not path.is_file():
        print(f"skipped: {path} not found")
        return
    dedup_index.JACCARD_MIN = args.jaccard_min
    dedup_index.CONTAINMENT_MIN = args.containment_min
    dedup_index.CANONICAL_CONTAINMENT_MIN = args.canonical_min
    dedup_index.HOT_MAX_ROWS = args.hot_rows
    dedup_index.STOP_BUCKET_SIZE = args.stop_size
    params = MinHashParams(num_perm=args.num_perm, bands=args.bands, rows=args.rows, k=args.k, seed=args.seed)
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/dedup.sqlite")
        Base.metadata.create_all(engine)
        started = time.perf_counter()
        predicted: list[int] = []
        with engine.begin() as conn:
            index = NearDuplicateIndex(conn, params)
            for start in range(0, len(docs), args.batch):
                batch = docs[start : start + args.batch]
                predicted.extend(store_batch(conn, index, [d["text"] for d in batch], params))
            exact = conn.execute(select(Article.id)).all()
            near = conn.execute(select(Article.id).where(Article.duplicate_of.is_not(None))).all()
        elapsed = time.perf_counter() - started
        engine.dispose()

    truth = [d["cluster_id"] for d in docs]
    together, pred_pairs, true_pairs = pair_counts(predicted, truth)
    precision = together / pred_pairs if pred_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(predicted):
        members[label].append(i)
    wrong = [(a, b) for group in members.values() for x, a in enumerate(group) for b in group[x + 1 :]]
    wrong = [(a, b) for a, b in wrong if truth[a] != truth[b]]
    hard = [(a, b) for a, b in wrong if HARD_NEGATIVE in (docs[a]["variant"], docs[b]["variant"])]

    original_cluster = {d["cluster_id"]: predicted[i] for i, d in enumerate(docs) if d["variant"] == "original"}
    per_variant: dict[str, list[bool]] = defaultdict(list)
    for i, d in enumerate(docs):
        if d["variant"] not in ("original", HARD_NEGATIVE) and d["cluster_id"] in original_cluster:
            per_variant[d["variant"]].append(predicted[i] == original_cluster[d["cluster_id"]])
    hard_alone = [predicted.count(predicted[i]) == 1 for i, d in enumerate(docs) if d["variant"] == HARD_NEGATIVE]

    print(f"documents: {len(docs)}  stories: {len(set(truth))}  params: {params.to_json()}")
    print(
        f"thresholds: jaccard>={args.jaccard_min} containment>={args.containment_min} "
        f"canonical containment>={args.canonical_min}  batch={args.batch}  hot rows={args.hot_rows}"
    )
    print(f"articles stored: {len(exact)}  near duplicates: {len(near)}  predicted clusters: {len(members)}")
    print(f"pairwise precision: {precision:.4f}  recall: {recall:.4f}")
    print(f"  pairs: {together} correct of {pred_pairs} predicted; {true_pairs} true pairs")
    print(f"wrong merges (pairs): {len(wrong)}  involving hard negatives: {len(hard)}")
    for a, b in wrong[:10]:
        print(f"  wrong: {docs[a]['doc_id']} + {docs[b]['doc_id']}")
    print("per-variant recall (placed with the story's original):")
    for variant, hits in sorted(per_variant.items()):
        print(f"  {variant:28s} {sum(hits) / len(hits):.4f}  ({sum(hits)}/{len(hits)})")
    print(f"  {HARD_NEGATIVE:28s} kept apart: {sum(hard_alone)}/{len(hard_alone)}")
    print(f"time: {elapsed:.2f} s ({len(docs) / elapsed:.0f} docs/s, single process, signatures included)")


if __name__ == "__main__":
    main()
