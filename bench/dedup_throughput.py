"""Dedup throughput and memory on synthetic news-length documents (no shared data needed).

Generates --n documents (400-1200 words drawn from a Zipf-distributed
pseudo-word vocabulary, so common "phrases" recur as in real text); a share
of them are near copies of a recent document (truncated, word-edited, with
boilerplate added).  Worker processes generate each document from its number
and compute its signature; the main process runs NearDuplicateIndex
match_batch + article insert + add_batch on a real SQLite file (WAL, the
pipeline's engine), one transaction per batch.  Article rows carry an empty
body: what is measured is the dedup stage, not storing text.

Prints signature throughput (one process), end-to-end throughput, LSH
query+insert throughput of the main process (wall clock and per CPU second,
since other processes may share the cores: the load average is printed too),
bytes the main process wrote to disk (WAL and checkpoints, Linux only),
planted-copy recall and false matches, and peak RSS of the main process and
of the workers.  Run it at --n 10000 and --n 100000 to compare peak RSS.

    python bench/dedup_throughput.py [--n 100000] [--workers 2] [--batch 500] [--hot-rows N]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from pathlib import Path

import numpy as np
from sqlalchemy import Engine, event, insert, select

from axis_ingest.dedup import index as dedup_index
from axis_ingest.dedup.index import NearDuplicateIndex
from axis_ingest.dedup.minhash import MinHashParams, Signature, signature_for
from axis_ingest.store.db import make_engine, migrate
from axis_ingest.store.schema import Article

VOCABULARY = 40_000
ZIPF_EXPONENT = 1.05
COPY_SHARE = 0.2  # share of documents that are near copies of a recent one
COPY_WINDOW = 2_000  # a copy's source is one of this many preceding documents
SEED = 7
BOILERPLATE = "copyright reserved all rights this material may not be published broadcast or redistributed"

_SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def _vocabulary() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(SEED)
    words = {"".join(rng.choice(_SYLLABLES, size=int(rng.integers(1, 5)))) for _ in range(VOCABULARY * 2)}
    vocab = np.array(sorted(words)[:VOCABULARY])
    rng.shuffle(vocab)
    weights = 1.0 / np.arange(1, len(vocab) + 1) ** ZIPF_EXPONENT
    return vocab, np.cumsum(weights / weights.sum())


_VOCAB, _CDF = _vocabulary()


def _original_words(number: int) -> np.ndarray:
    rng = np.random.default_rng((SEED, number))
    length = int(rng.integers(400, 1201))
    return np.searchsorted(_CDF, rng.random(length))


def source_of(number: int) -> int | None:
    """The document this one copies, or None for an original story."""
    rng = np.random.default_rng((SEED, number, 1))
    if number < 10 or rng.random() >= COPY_SHARE:
        return None
    return int(number - rng.integers(1, min(COPY_WINDOW, number) + 1))


def document(number: int) -> str:
    """Document `number`, generated from its number alone (so workers need no shared state)."""
    source = source_of(number)
    while source is not None and source_of(source) is not None:
        source = source_of(source)  # a copy of a copy is generated from the original story
    if source is None:
        return " ".join(_VOCAB[_original_words(number)])
    rng = np.random.default_rng((SEED, number, 2))
    words = _original_words(source)
    kind = rng.integers(0, 3)
    if kind == 0:  # cut to 40-90%
        words = words[: int(len(words) * rng.uniform(0.4, 0.9))]
    elif kind == 1:  # 2-5% of words replaced
        words = words.copy()
        edits = rng.random(len(words)) < rng.uniform(0.02, 0.05)
        words[edits] = rng.integers(0, len(_VOCAB), int(edits.sum()))
    text = " ".join(_VOCAB[words])
    return f"{text}\n\n{BOILERPLATE}" if kind == 2 else text


def task(number: int) -> tuple[int, Signature]:
    return number, signature_for(document(number), PARAMS)


def batch_task(numbers: range) -> list[tuple[int, Signature]]:
    """One batch of signatures, computed in a worker (as run.py hands a batch to prepare_batch)."""
    return [task(number) for number in numbers]


PARAMS = MinHashParams()


def store(engine: Engine, batch: list[tuple[int, Signature]]) -> None:
    """One pipeline-like transaction: match, insert articles (id = number + 1), index them."""
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn, PARAMS)
        texts = [document(number) for number, _ in batch]
        matches = index.match_batch([sig for _, sig in batch], texts)  # as the pipeline: uncertain ones exact
        rows = []
        for (number, _), text, match in zip(batch, texts, matches, strict=True):
            canonical = None
            if match is not None:
                canonical = match.article_id if match.article_id is not None else batch[match.batch_index][0] + 1
            rows.append(
                {
                    "id": number + 1,
                    "body": text,
                    "word_count": len(text.split()),
                    "source_format": "plain_text",
                    "content_hash": str(number),
                    "duplicate_of": canonical,
                    "similarity": match.similarity if match else None,
                    "ingested_utc": "2026-01-01T00:00:00Z",
                }
            )
        conn.execute(insert(Article), rows)
        index.add_batch([(number + 1, sig) for number, sig in batch], matches)


def score(engine: Engine, n: int) -> tuple[int, int, int]:
    """(planted copies, copies linked to their original, documents linked wrongly), read back from the DB."""
    planted = found = wrong = 0
    with engine.connect() as conn:
        for start in range(0, n, 5_000):
            stored = dict(
                conn.execute(
                    select(Article.id, Article.duplicate_of).where(Article.id.between(start + 1, start + 5_000))
                ).all()
            )
            for number in range(start, min(n, start + 5_000)):
                root = source_of(number)
                while root is not None and source_of(root) is not None:
                    root = source_of(root)
                linked = stored.get(number + 1)
                planted += root is not None
                found += root is not None and linked == root + 1
                wrong += linked is not None and linked != (None if root is None else root + 1)
    return planted, found, wrong


def written_mb() -> float | None:
    """Bytes this process has caused to be written to storage (Linux /proc), in MB."""
    try:
        with open("/proc/self/io", encoding="ascii") as io:
            return next(int(line.split()[1]) for line in io if line.startswith("write_bytes")) / 1e6
    except (OSError, StopIteration, ValueError):
        return None


def peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--cache-mb", type=int, default=0, help="SQLite page cache per connection (0: default)")
    parser.add_argument("--hot-rows", type=int, default=dedup_index.HOT_MAX_ROWS, help="hot bucket table size")
    args = parser.parse_args()
    dedup_index.HOT_MAX_ROWS = args.hot_rows
    load_before = os.getloadavg()[0]

    sample = min(args.n, 2_000)
    texts = [document(i) for i in range(sample)]
    words = [len(t.split()) for t in texts]
    started = time.perf_counter()
    for text in texts:
        signature_for(text, PARAMS)
    one_process = sample / (time.perf_counter() - started)
    del texts

    lsh_seconds = lsh_cpu = 0.0
    written_before = written_mb()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(Path(tmp) / "throughput.sqlite")
        if args.cache_mb:
            event.listen(
                engine, "connect", lambda dbapi, _: dbapi.execute(f"PRAGMA cache_size = -{args.cache_mb * 1024}")
            )
        migrate(engine)
        started = time.perf_counter()
        with ProcessPoolExecutor(args.workers) as pool:
            # Batches in flight, as run.py keeps them: both workers stay busy while the main
            # process stores, and memory stays flat however large the corpus is.
            ahead = args.workers * 2
            starts = iter(range(0, args.n, args.batch))
            pending = deque(
                pool.submit(batch_task, range(start, min(start + args.batch, args.n)))
                for start in islice(starts, ahead)
            )
            while pending:
                batch = pending.popleft().result()
                for start in islice(starts, 1):
                    pending.append(pool.submit(batch_task, range(start, min(start + args.batch, args.n))))
                t0, c0 = time.perf_counter(), time.process_time()
                store(engine, batch)
                lsh_seconds += time.perf_counter() - t0
                lsh_cpu += time.process_time() - c0
        elapsed = time.perf_counter() - started
        written_after = written_mb()
        planted, found, false_matches = score(engine, args.n)
        db_mb = (Path(tmp) / "throughput.sqlite").stat().st_size / 1e6
        engine.dispose()

    print(f"documents: {args.n}  words per document: {min(words)}-{max(words)} (mean {np.mean(words):.0f})")
    print(f"params: {PARAMS.to_json()}  workers: {args.workers}  batch: {args.batch}  hot rows: {args.hot_rows}")
    print(f"load average: {load_before:.1f} at start, {os.getloadavg()[0]:.1f} at end ({os.cpu_count()} cores)")
    print(f"signatures, one process: {one_process:,.0f} docs/s")
    print(f"end to end (signatures in {args.workers} workers + LSH query + insert): {args.n / elapsed:,.0f} docs/s")
    print(
        f"LSH query + insert alone (main process): {args.n / lsh_seconds:,.0f} docs/s "
        f"({args.n / lsh_cpu:,.0f} per CPU second)"
    )
    recall = found / max(planted, 1)
    print(f"planted near copies: {planted}  found: {found} ({recall:.4f})  false matches: {false_matches}")
    written = "n/a" if written_before is None or written_after is None else f"{written_after - written_before:,.0f}"
    print(f"database size: {db_mb:,.0f} MB  written by the main process: {written} MB")
    print(
        f"peak RSS: main process {peak_rss_mb(resource.RUSAGE_SELF):.0f} MB, "
        f"largest worker {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
    )


if __name__ == "__main__":
    sys.exit(main())
