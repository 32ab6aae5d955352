"""Near-duplicate index that lives in the database (tables minhash_signatures, minhash_buckets).

The LSH index is persisted beside the articles so that a later run finds
copies of articles loaded by any earlier run, and so that memory does not
grow with the corpus: a batch of signatures costs one `bucket IN (...)`
lookup and one signature fetch for its candidates, whatever the table sizes.
Everything goes through the caller's connection, so rows added earlier in the
same transaction are seen by later lookups.

Candidates: articles sharing a bucket of the 64 bands x 3 rows over the whole body, or of the
lead bands (`minhash.DEFAULT_LEAD_BANDS`, over the body's first words after a headline line and a
dateline; band numbers follow the main bands'), which find a reprint cut to its first
paragraphs whose Jaccard with the full story is too low for the main bands.

Verification of an LSH candidate.  With the texts at hand (the pipeline passes the batch's
bodies; stored candidates are read from articles.body), a candidate whose estimates are neither
sure (J >= SURE_JACCARD) nor hopeless is verified on exact shingle sets (`compare.py`):

* resemblance: Jaccard >= JACCARD_MIN (5%-word edits, boilerplate plus a cut plus edits);
* containment (short reprints): |A∩B| / min(|A|, |B|) >= EXACT_CONTAINMENT_MIN, so a copy
  cut to 40% of the story matches however long the other copy is;
* shared-lede guard: not a copy when the shorter text goes on, after the last of its
  paragraphs the other holds, for LEDE_TAIL_MIN_WORDS words or more (a story that shares the
  lead paragraphs of another and then tells something else);
* consistency with the canonical: the new text must also hold EXACT_CANONICAL_CONTAINMENT_MIN
  of the cluster's canonical (or be held by it), under the same guard.  This stops a
  different story that shares the lead of an article from joining that article's cluster
  through a copy cut down to the lead (containment 1.0 with the cut copy).

run-dev dedup (stored bodies, exact sets, half a): copies reach J >= 0.5 or containment >=
0.78; different stories <= 0.43.  Before exact verification, run-dev half a lost a 40% cut
held whole by a long copy (51 and 351 shingles) whose containment was estimated at 0.876.

Without texts (`match_batch(sigs)`, e.g. bench/dedup_throughput.py before it passed them),
the estimates decide alone, with the thresholds calibrated on the syndication dev set
(3 MinHash seeds each): Jaccard 0.40 gave 1-2 hard-negative merges, 0.45-0.5 none, 0.6
dropped recall to 0.98; estimated containment CONTAINMENT_MIN 0.80 gave one hard-negative
merge, 0.88-0.95 none; without the canonical check 11 hard-negative pairs merged.

Two generations of bucket rows: bucket keys are hashes, so a batch's rows
land at random places in the bucket B-tree, and a commit rewrites every page
it touched (in WAL mode: into the WAL, then again at checkpoint).  With one
bucket table that is most of the table per batch, so the bytes written per
document grow with the corpus.
New rows therefore go to a small hot table (minhash_buckets_hot); when it
passes HOT_MAX_ROWS, the batch that filled it moves it into minhash_buckets
in key order (one pass over the main table instead of one per batch).
Lookups ask both tables.  Measured at 100k documents (bench/dedup_throughput.py,
batches of 500): 10.9 GB written by the LSH stage before, 2.6 GB after; LSH
query+insert 852 -> 1,870-2,600 docs/s (wall, shared 2-core machine), about
3,000 docs per CPU second.  What is left grows with the corpus: each merge
rewrites pages across the whole main table (about a third of the LSH time at
100k), so a much larger corpus would want a third, middle generation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

import numpy as np
from sqlalchemy import (
    Connection,
    Integer,
    Table,
    Text,
    bindparam,
    column,
    delete,
    func,
    insert,
    select,
    table,
    union_all,
)

from axis_ingest.dedup.compare import ComparedText, compared_text, containment_and_jaccard, own_tail_words
from axis_ingest.dedup.minhash import (
    MinHashParams,
    Signature,
    estimate_containment,
    estimate_jaccard,
    signature_for,
)
from axis_ingest.dedup.tables import MinHashBucket, MinHashBucketHot, MinHashSignature, MinHashStopBucket
from axis_ingest.schema_base import SchemaInfo
from axis_ingest.store.dialect import copy_rows, is_postgres, where_in

PARAMS_KEY = "minhash_params"

# The three columns of the store's `articles` table the index reads (which article a
# duplicate points to, and the body for `rebuild`), named without importing the store's
# model: dedup sits below store in the layers.
_ARTICLES = table("articles", column("id", Integer), column("duplicate_of", Integer), column("body", Text))

JACCARD_MIN = 0.5
CONTAINMENT_MIN = 0.88
CANONICAL_CONTAINMENT_MIN = 0.6

# Exact verification (the texts are at hand: the batch's bodies, and articles.body for stored
# candidates).  MinHash estimates containment through Jaccard, which is noisy when the sizes
# differ: a copy cut to 40% held whole in a long copy (51 and 351 shingles, exact containment 1.0)
# was estimated at 0.876 and missed.  A candidate whose estimate is neither sure nor hopeless is
# therefore compared on its exact shingle sets.  Measured on run-dev dedup half a (stored bodies,
# exact sets): copies of one story reach J >= 0.5 or containment >= 0.78 (5%-word edits), different
# stories <= 0.43 (a hard negative against a story's 40% cut).
EXACT_CONTAINMENT_MIN = 0.8
EXACT_CANONICAL_CONTAINMENT_MIN = 0.6
# Estimates at or above SURE_JACCARD are accepted as they are (near-identical copies); a candidate
# with estimated Jaccard under JACCARD_MIN and estimated containment under HOPELESS_CONTAINMENT is
# rejected unread: for a true containment of 0.8 at a size ratio of 7 the estimate sits 3 sigma above.
SURE_JACCARD = 0.9
HOPELESS_CONTAINMENT = 0.4
# Shared-lede guard: two texts are not copies when the shorter one goes on, after the last
# paragraph the other holds, for at least LEDE_TAIL_MIN_WORDS words and LEDE_TAIL_MIN_SHARE of
# its words (compare.own_tail_words): it shares a lead and then tells something else.  Boilerplate
# lines a reader leaves at the end of a copy stay under 30 words.  Measured on sets built outside the
# repository from run-dev half a stories (each: the story, 40%/60% cuts with and without a new
# headline and dateline, one shared-lede story of k lead paragraphs + m paragraphs of other stories):
# hard negatives merged k=3,m=2: 15/37 -> 5/37, k=2,m=3: 3 -> 2, k=2,m=8: 1 -> 1 (the rest join a cut
# copy that LSH did not link to its story; with the lead bands 0/37 in all three); run-dev dedup
# unchanged on both halves.
LEDE_TAIL_MIN_WORDS = 30
LEDE_TAIL_MIN_SHARE = 0.15
TAIL_FREE_CONTAINMENT = 0.97
# A text held (containment) within this of its best match by another cluster too is held by both: a story's
# lead cut from it, and another story that opens with that lead (a shared-lede hard negative).  It joins the
# cluster with more articles.  Seen on stories the dev set does not hold (bench/dedup_synthetic.py on
# trafilatura's evaluation pages: a 40% cut that is exactly the two lead paragraphs joined the hard negative
# ingested before its story's copies, 1 of 40 English and 8 of 60 German hard negatives merged).
TIED_SIMILARITY = 0.02

# Bucket rows the hot table may hold before it is merged into minhash_buckets
# (6,250 documents at 64 bands; 5,400 with the 10 lead bands).  Two costs balance: every batch rewrites up
# to the whole hot table, every merge the whole main one; the optimum is near
# sqrt(corpus rows x batch rows).  At 100k documents and 32 bands, 100k/200k/400k
# rows all wrote 2.6-3.5 GB and ran within the noise of each other
# (bench/dedup_throughput.py --hot-rows); 64 bands double the rows per document,
# so the limit was doubled from 200k to keep 6,250 documents per merge.
HOT_MAX_ROWS = 400_000

# A bucket holding more articles than this becomes a stop bucket: skipped by lookups and
# given no new rows.  Measured on the generated 30k corpus (bench/corpus.py, whose phrase
# tables repeat 4-word phrases the way one subject's coverage does): on some permutations one
# value (the minimum of a phrase in most articles) was shared by up to 59% of all articles,
# so every new article drew 567 candidates, 96% of them with J < 0.05, and the cost of a
# lookup grew with the corpus.  Skipping buckets over 200 kept every candidate with J >= 0.3.
# A syndicated story does not fill buckets: a copy nearly identical to the copy it matched
# adds no bucket rows (REDUNDANT_JACCARD), so a cluster's rows grow with its distinct versions.
STOP_BUCKET_SIZE = 200
# A new copy at least this similar (estimated Jaccard) to its closest indexed copy gets no
# bucket rows: whatever would find it finds that copy (Jaccard distance is a metric, so a
# text within 0.4 of it is within 0.5 of the indexed copy, which JACCARD_MIN still accepts).
REDUNDANT_JACCARD = 0.9

# Bound on bound parameters per IN list (SQLite allows 32,766; other databases less).
_IN_CHUNK = 5000
# How many hops of duplicate_of to follow when a match is itself a duplicate.
_MAX_HOPS = 8
# Constants of the 64-bit band mixer (splitmix64 / MurmurHash3 finaliser).
_MIX_A = np.uint64(0xBF58476D1CE4E5B9)
_MIX_B = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


class MinHashParamsMismatch(RuntimeError):
    """The database was indexed with other MinHash parameters than the ones asked for."""


class Match(NamedTuple):
    """The canonical article a document duplicates, and how similar it is to its closest copy.

    `similarity` is the estimated containment (share of the shorter text's
    shingles found in the other).  When the closest copy is an earlier
    document of the same batch that is not in the database yet, `article_id`
    is None and `batch_index` is that document's position; it is then itself
    the canonical one (a new story), and the caller substitutes its new id.
    """

    article_id: int | None
    similarity: float
    batch_index: int | None = None
    jaccard: float = 0.0  # estimated Jaccard resemblance with that closest copy


class _Node(NamedTuple):
    """A candidate or canonical: an article row or an earlier entry of the batch."""

    article_id: int | None
    batch_index: int | None
    signature: Signature | None

    @property
    def key(self) -> tuple[str, int]:
        return ("batch", self.batch_index) if self.article_id is None else ("article", self.article_id)  # type: ignore[return-value]


class _Row(NamedTuple):
    signature: Signature
    canonical_id: int


def _mix(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(30))
    x = x * _MIX_A
    x = x ^ (x >> np.uint64(27))
    x = x * _MIX_B
    return x ^ (x >> np.uint64(31))


def band_keys(values: np.ndarray, params: MinHashParams) -> np.ndarray:
    """LSH bucket keys, shape (n, bands), int64: a hash of each band number and its row values.

    `values` is (num_perm,) or (n, num_perm).  Pure numpy so a batch costs
    microseconds; the band number is mixed in so one column holds all bands.
    """
    return _keys(values, params.bands, params.rows, first_band=1)


def lead_band_keys(lead: np.ndarray, params: MinHashParams) -> np.ndarray:
    """Bucket keys of the lead channel, shape (n, lead_bands): band numbers follow the main bands'."""
    return _keys(lead, params.lead_bands, params.lead_rows, first_band=params.bands + 1)


def signature_keys(sigs: Sequence[Signature], params: MinHashParams) -> tuple[np.ndarray, np.ndarray]:
    """(keys, band numbers), shape (n, bands [+ lead_bands]): every bucket each signature goes to."""
    keys = band_keys(np.stack([sig.values for sig in sigs]), params)
    bands = np.arange(params.bands, dtype=np.int64)
    if params.lead_bands:
        missing = [i for i, sig in enumerate(sigs) if sig.lead is None]
        if missing:
            raise ValueError(f"signature {missing[0]} has no lead values; these parameters index the lead")
        lead = lead_band_keys(np.stack([sig.lead for sig in sigs]), params)  # type: ignore[misc]
        keys = np.hstack([keys, lead])
        bands = np.r_[bands, np.arange(params.bands, params.bands + params.lead_bands, dtype=np.int64)]
    return keys, bands


def _keys(values: np.ndarray, bands: int, rows: int, first_band: int) -> np.ndarray:
    matrix = np.atleast_2d(np.asarray(values, dtype=np.uint64))
    used = matrix[:, : bands * rows].reshape(len(matrix), bands, rows)
    with np.errstate(over="ignore"):
        keys = _mix(np.arange(first_band, first_band + bands, dtype=np.uint64) * _GOLDEN)[None, :].repeat(
            len(matrix), 0
        )
        for row in range(rows):
            keys = _mix(keys ^ _mix(used[:, :, row] + _GOLDEN))
    return keys.view(np.int64)


def _chunks(items: Sequence[int], size: int = _IN_CHUNK) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def _uncertain(a: Signature, b: Signature, jaccard: float | None = None) -> bool:
    """Whether the estimates leave a pair to exact verification: neither sure nor hopeless."""
    j = estimate_jaccard(a, b) if jaccard is None else jaccard
    return j < SURE_JACCARD and (j >= JACCARD_MIN or estimate_containment(a, b, j) >= HOPELESS_CONTAINMENT)


def _shared_lede_only(a: ComparedText, b: ComparedText, containment: float) -> bool:
    """Whether the shorter text goes on after what the other holds: a shared lead, not a copy.

    Its own tail is LEDE_TAIL_MIN_SHARE of it or more, at most half held: past
    TAIL_FREE_CONTAINMENT of the shorter text held, there is none (and no paragraphs to shingle).
    """
    if containment >= TAIL_FREE_CONTAINMENT:
        return False
    short, other = (a, b) if len(a.shingles) <= len(b.shingles) else (b, a)
    tail = own_tail_words(short, other)
    return tail >= LEDE_TAIL_MIN_WORDS and tail >= LEDE_TAIL_MIN_SHARE * short.words


def stored_params(conn: Connection) -> MinHashParams | None:
    value = conn.execute(select(SchemaInfo.value).where(SchemaInfo.key == PARAMS_KEY)).scalar_one_or_none()
    return None if value is None else MinHashParams.from_json(value)


def params_for(conn: Connection, wanted: MinHashParams | None = None) -> MinHashParams:
    """The parameters to index this database with.

    A database keeps the LSH banding it was built with when only the banding
    differs from `wanted` (its signatures stay comparable, and its buckets stay
    valid); any other difference is left for NearDuplicateIndex to refuse.
    """
    wanted = wanted or MinHashParams()
    stored = stored_params(conn)
    banding = ("bands", "rows", "lead_bands", "lead_rows", "lead_words")
    if stored is not None and replace(stored, **{name: getattr(wanted, name) for name in banding}) == wanted:
        return stored
    return wanted


def _store_params(conn: Connection, params: MinHashParams) -> None:
    conn.execute(delete(SchemaInfo).where(SchemaInfo.key == PARAMS_KEY))
    conn.execute(insert(SchemaInfo).values(key=PARAMS_KEY, value=params.to_json()))


class _Sql:
    """Bulk statements sent straight to the driver.

    SQLAlchemy's per-row parameter processing cost more than the database work
    for the 16,000 bucket rows of a 500-document batch (profiled: 1,050 docs/s
    through Core, see bench/dedup_throughput.py), so inserts and IN lookups go
    through `exec_driver_sql` with the dialect's placeholder, on the same
    connection and transaction.  On PostgreSQL inserts go through COPY and a
    lookup is one `= ANY(array)` (store.dialect).
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.postgres = is_postgres(conn)
        style = conn.dialect.paramstyle
        self.mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(style)

    def insert_many(self, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if not rows or copy_rows(self.conn, table, columns, rows):
            return
        if self.mark is None:
            self.conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
            return
        marks = ", ".join([self.mark] * len(columns))
        self.conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)

    def select_in(self, table: Table, columns: tuple[str, ...], key: str, values: list) -> list[tuple]:
        if self.postgres:
            if not values:
                return []
            sql = f"SELECT {', '.join(columns)} FROM {table.name} WHERE {key} = ANY(%s::bigint[])"
            return self.conn.exec_driver_sql(sql, (values,)).fetchall()
        out: list[tuple] = []
        for chunk in _chunks(values):
            if self.mark is None:
                stmt = select(*(table.c[c] for c in columns)).where(table.c[key].in_(chunk))
                out.extend(tuple(row) for row in self.conn.execute(stmt))
                continue
            marks = ", ".join([self.mark] * len(chunk))
            sql = f"SELECT {', '.join(columns)} FROM {table.name} WHERE {key} IN ({marks})"
            out.extend(self.conn.exec_driver_sql(sql, tuple(chunk)).fetchall())
        return out

    def full_buckets(self, tables: tuple[Table, ...], keys: list[int], limit: int) -> set[int]:
        """The keys with more than `limit` rows over all `tables`."""
        full: set[int] = set()
        if self.postgres and keys:
            where = "WHERE bucket = ANY(%(keys)s::bigint[])"
            parts = " UNION ALL ".join(f"SELECT bucket FROM {t.name} {where}" for t in tables)
            sql = f"SELECT bucket FROM ({parts}) AS rows GROUP BY bucket HAVING COUNT(*) > {int(limit)}"
            return {key for (key,) in self.conn.exec_driver_sql(sql, {"keys": keys}).fetchall()}
        for chunk in _chunks(keys):
            if self.mark is None:
                union = union_all(*(select(t.c.bucket).where(t.c.bucket.in_(chunk)) for t in tables)).subquery()
                stmt = select(union.c.bucket).group_by(union.c.bucket).having(func.count() > limit)
                full.update(self.conn.scalars(stmt))
                continue
            marks = ", ".join([self.mark] * len(chunk))
            parts = " UNION ALL ".join(f"SELECT bucket FROM {t.name} WHERE bucket IN ({marks})" for t in tables)
            sql = f"SELECT bucket FROM ({parts}) AS rows GROUP BY bucket HAVING COUNT(*) > {int(limit)}"
            full.update(key for (key,) in self.conn.exec_driver_sql(sql, tuple(chunk) * len(tables)).fetchall())
        return full


class NearDuplicateIndex:
    """MinHash LSH over the articles of one database, queried and extended through `conn`."""

    def __init__(self, conn: Connection, params: MinHashParams | None = None) -> None:
        self.conn = conn
        self.params = params or MinHashParams()
        self._sql = _Sql(conn)
        self._stop: set[int] = set(conn.scalars(select(MinHashStopBucket.bucket)))
        # Rows per bucket as the last match_batch found them (its lookup reads every row of
        # the batch's buckets), so add_batch can tell full buckets without counting again.
        self._sizes: dict[int, int] | None = None
        # The texts of the batch being matched, and comparison shingles computed for it.
        self._texts: Sequence[str] | None = None
        self._shingles: dict[tuple[str, int], ComparedText] = {}
        self._bodies: dict[int, str] = {}
        existing = stored_params(conn)
        if existing is None:
            _store_params(conn, self.params)
        elif existing != self.params:
            raise MinHashParamsMismatch(
                "this database's near-duplicate index was built with MinHash parameters "
                f"{existing.to_json()}, not {self.params.to_json()}; signatures made with "
                "different parameters cannot be compared. Use the stored parameters, or "
                "recompute every signature with axis_ingest.dedup.index.rebuild(conn, params)."
            )

    # -- adding ---------------------------------------------------------------------------

    def add(self, article_id: int, sig: Signature) -> None:
        self.add_batch([(article_id, sig)])

    def add_batch(self, items: Sequence[tuple[int, Signature]], matches: Sequence[Match | None] = ()) -> None:
        """Store signatures and bucket rows of new articles (each article once).

        `matches` (from `match_batch`, in the same order) lets a copy nearly identical
        to the copy it matched go without bucket rows (REDUNDANT_JACCARD).
        """
        if not items:
            return
        self._check_lengths(sig for _, sig in items)
        self._sql.insert_many(
            MinHashSignature.__table__,
            ("article_id", "shingle_count", "signature"),
            [(aid, sig.shingle_count, sig.to_bytes()) for aid, sig in items],
        )
        redundant = {
            aid for (aid, _), m in zip(items, matches, strict=False) if m is not None and m.jaccard >= REDUNDANT_JACCARD
        }
        indexed = [(aid, sig) for aid, sig in items if sig.shingle_count > 0 and aid not in redundant]
        if not indexed:
            return
        key_matrix, band_numbers = signature_keys([sig for _, sig in indexed], self.params)
        keys = key_matrix.ravel()
        ids = np.repeat(np.array([aid for aid, _ in indexed], dtype=np.int64), key_matrix.shape[1])
        bands = np.tile(band_numbers, len(indexed))
        if self._stop:
            keep = ~np.isin(keys, np.fromiter(self._stop, dtype=np.int64, count=len(self._stop)))
            keys, ids, bands = keys[keep], ids[keep], bands[keep]
        order = np.lexsort((ids, keys))  # key order: each B-tree page is visited once per batch
        rows = list(zip(keys[order].tolist(), ids[order].tolist(), bands[order].tolist(), strict=True))
        self._sql.insert_many(MinHashBucketHot.__table__, ("bucket", "article_id", "band"), rows)
        self._mark_stop_buckets(keys)
        if self._hot_rows() > HOT_MAX_ROWS:
            self.merge_hot()

    def _mark_stop_buckets(self, keys: np.ndarray) -> None:
        """Record the buckets among the just-added `keys` that now hold more than STOP_BUCKET_SIZE articles."""
        added, counts = np.unique(keys, return_counts=True)
        sizes, self._sizes = self._sizes, None  # sizes are valid for one add after one match
        full: set[int] = set()
        uncounted: list[int] = []
        for key, count in zip(added.tolist(), counts.tolist(), strict=True):
            if sizes is not None and key in sizes:
                if sizes[key] + count > STOP_BUCKET_SIZE:
                    full.add(key)
            else:
                uncounted.append(key)
        if uncounted:
            tables = (MinHashBucket.__table__, MinHashBucketHot.__table__)
            full |= self._sql.full_buckets(tables, uncounted, STOP_BUCKET_SIZE)
        if full:
            self._sql.insert_many(MinHashStopBucket.__table__, ("bucket",), [(key,) for key in sorted(full)])
            self._stop.update(full)

    def merge_hot(self) -> None:
        """Move every hot bucket row into minhash_buckets, in key order, in the caller's transaction.

        Runs inside the write transaction of the batch that filled the hot
        table, so a concurrent process sees the rows in one table or the
        other, never in neither or both.
        """
        hot, main = MinHashBucketHot.__table__, MinHashBucket.__table__
        columns = [hot.c.bucket, hot.c.article_id, hot.c.band]
        stop = select(MinHashStopBucket.bucket)
        self.conn.execute(
            insert(main).from_select(
                ["bucket", "article_id", "band"],
                select(*columns).where(hot.c.bucket.not_in(stop)).order_by(hot.c.bucket, hot.c.article_id),
            )
        )
        self.conn.execute(delete(hot))

    def _hot_rows(self) -> int:
        return self.conn.execute(select(func.count()).select_from(MinHashBucketHot)).scalar_one()

    # -- matching -------------------------------------------------------------------------

    def match_batch(self, sigs: Sequence[Signature], texts: Sequence[str] | None = None) -> list[Match | None]:
        """For each signature, the canonical article it duplicates (or None for a new story).

        Compared against the database and against the earlier signatures of
        the same batch (see `Match.batch_index`).  Does not add anything.
        With `texts` (the bodies the signatures were made from), candidates whose
        estimates are uncertain are verified on exact shingle sets, stored
        candidates through their `articles.body`.
        """
        if not sigs:
            return []
        self._check_lengths(sigs)
        if texts is not None and len(texts) != len(sigs):
            raise ValueError(f"{len(texts)} texts for {len(sigs)} signatures")
        self._texts = texts
        self._shingles = {}
        db_candidates, batch_candidates = self._candidates(sigs)
        known = self._load({aid for cands in db_candidates for aid in cands})
        if texts is not None:  # the stored bodies exact verification will read, in one query per chunk
            self._bodies = self._load_bodies(
                {
                    aid
                    for i, cands in enumerate(db_candidates)
                    for aid in cands
                    if aid in known and _uncertain(sigs[i], known[aid].signature)
                }
            )
        results: list[Match | None] = []
        for i, sig in enumerate(sigs):
            if not db_candidates[i] and not batch_candidates[i]:
                results.append(None)
                continue
            nodes = [_Node(aid, None, known[aid].signature) for aid in sorted(db_candidates[i]) if aid in known]
            nodes += [_Node(None, j, sigs[j]) for j in sorted(batch_candidates[i])]
            results.append(self._best_match(_Node(None, i, sig), nodes, known, sigs, results))
        self._texts, self._shingles, self._bodies = None, {}, {}
        return results

    def _candidates(self, sigs: Sequence[Signature]) -> tuple[list[set[int]], list[set[int]]]:
        """Per signature: article ids and earlier batch positions sharing at least one LSH bucket.

        The batch's bucket keys are sorted once; the database answers one
        `bucket IN (...)` query per chunk of distinct keys, and equal keys
        inside the batch are neighbours in the sorted array.
        """
        db: list[set[int]] = [set() for _ in sigs]
        batch: list[set[int]] = [set() for _ in sigs]
        active = np.flatnonzero([s.shingle_count > 0 for s in sigs])
        if not len(active):
            return db, batch
        key_matrix, _ = signature_keys([sigs[i] for i in active], self.params)
        keys = key_matrix.ravel()
        owners = np.repeat(active, key_matrix.shape[1])
        order = np.argsort(keys, kind="stable")
        keys, owners = keys[order], owners[order]
        distinct = np.unique(keys)
        wanted = [key for key in distinct.tolist() if key not in self._stop]
        rows = [
            row
            for table in (MinHashBucket.__table__, MinHashBucketHot.__table__)
            for row in self._sql.select_in(table, ("bucket", "article_id"), "bucket", wanted)
        ]
        self._sizes = dict.fromkeys(wanted, 0)
        if rows:
            found = np.fromiter((bucket for bucket, _ in rows), dtype=np.int64, count=len(rows))
            present, counts = np.unique(found, return_counts=True)
            self._sizes.update(zip(present.tolist(), counts.tolist(), strict=True))
            lows = np.searchsorted(keys, found, "left").tolist()
            highs = np.searchsorted(keys, found, "right").tolist()
            owner_list = owners.tolist()
            for (_, article_id), low, high in zip(rows, lows, highs, strict=True):
                for position in range(low, high):
                    db[owner_list[position]].add(article_id)
        if len(distinct) < len(keys):
            starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
            sizes = np.diff(np.r_[starts, len(keys)])
            shared = (sizes > 1) & (sizes <= STOP_BUCKET_SIZE) & ~np.isin(keys[starts], list(self._stop))
            for start, size in zip(starts[shared].tolist(), sizes[shared].tolist(), strict=True):
                group = sorted(set(owners[start : start + size].tolist()))
                for x, i in enumerate(group):
                    batch[i].update(group[:x])
        return db, batch

    def _best_match(
        self,
        new: _Node,
        nodes: list[_Node],
        known: dict[int, _Row],
        batch: Sequence[Signature],
        earlier: list[Match | None],
    ) -> Match | None:
        found: dict[tuple[str, int], Match] = {}  # the closest copy in each candidate cluster
        for node in nodes:
            verified = self._verify(new, node)
            if verified is None:
                continue
            similarity, jaccard = verified
            canonical = self._canonical(node, known, batch, earlier)
            if canonical.signature is not None and canonical.key != node.key and not self._consistent(new, canonical):
                continue
            if canonical.key not in found or similarity > found[canonical.key].similarity:
                found[canonical.key] = Match(canonical.article_id, similarity, canonical.batch_index, jaccard)
        if not found:
            return None
        best = max(found.values(), key=lambda match: match.similarity)
        tied = [match for match in found.values() if match.similarity >= best.similarity - TIED_SIMILARITY]
        if len(tied) > 1:
            # held whole by two stories that share only their lead (a story's lead cut from it, and another story
            # opening with that lead): the cut joins the story more copies tell, not the first one ingested
            best = max(tied, key=lambda match: (self._cluster_size(match, earlier), match.similarity))
        return best

    def _cluster_size(self, match: Match, earlier: list[Match | None]) -> int:
        """Articles in the cluster of `match`'s canonical: stored ones, and the batch's earlier entries in it."""
        in_batch = sum(
            1
            for other in earlier
            if other is not None and (other.article_id, other.batch_index) == (match.article_id, match.batch_index)
        )
        if match.article_id is None:
            return 1 + in_batch
        stmt = select(func.count()).select_from(_ARTICLES).where(_ARTICLES.c.duplicate_of == match.article_id)
        return 1 + in_batch + self.conn.execute(stmt).scalar_one()

    def _verify(self, new: _Node, node: _Node) -> tuple[float, float] | None:
        """(containment, Jaccard) when `new` and `node` are copies of one text, else None.

        Exact on the texts when they are at hand and the estimate is uncertain.
        """
        a, b = new.signature, node.signature
        assert a is not None and b is not None
        j = estimate_jaccard(a, b)
        if self._texts is None or not _uncertain(a, b, j):
            c = estimate_containment(a, b, j)
            return (c, j) if j >= JACCARD_MIN or c >= CONTAINMENT_MIN else None
        a_text, b_text = self._compared(new), self._compared(node)
        c, j = containment_and_jaccard(a_text, b_text)
        if (j >= JACCARD_MIN or c >= EXACT_CONTAINMENT_MIN) and not _shared_lede_only(a_text, b_text, c):
            return c, j
        return None

    def _consistent(self, new: _Node, canonical: _Node) -> bool:
        """Whether `new` holds enough of the cluster's canonical (or is held by it) to join its cluster."""
        assert new.signature is not None and canonical.signature is not None
        if self._texts is None:
            return estimate_containment(new.signature, canonical.signature) >= CANONICAL_CONTAINMENT_MIN
        a_text, b_text = self._compared(new), self._compared(canonical)
        containment, _ = containment_and_jaccard(a_text, b_text)
        return containment >= EXACT_CANONICAL_CONTAINMENT_MIN and not _shared_lede_only(a_text, b_text, containment)

    def _compared(self, node: _Node) -> ComparedText:
        """A batch entry's text or a stored article's body as the exact comparison sees it (cached per batch)."""
        key = node.key
        found = self._shingles.get(key)
        if found is None:
            if node.article_id is None:
                text = self._texts[node.batch_index]  # type: ignore[index]
            elif node.article_id in self._bodies:
                text = self._bodies[node.article_id]
            else:
                stmt = select(_ARTICLES.c.body).where(_ARTICLES.c.id == node.article_id)
                text = self.conn.execute(stmt).scalar_one_or_none() or ""
            found = self._shingles[key] = compared_text(text, self.params.k)
        return found

    def _canonical(
        self, node: _Node, known: dict[int, _Row], batch: Sequence[Signature], earlier: list[Match | None]
    ) -> _Node:
        """The cluster's canonical of a verified candidate (its signature None when not stored)."""
        if node.batch_index is not None:
            match = earlier[node.batch_index]
            if match is None:
                return node
            if match.article_id is None:  # an earlier new story of this batch
                return _Node(None, match.batch_index, batch[match.batch_index])
            canonical_id = match.article_id
        else:
            canonical_id = known[node.article_id].canonical_id  # type: ignore[index]
        if canonical_id not in known:
            known.update(self._load({canonical_id}))
        row = known.get(canonical_id)
        return _Node(canonical_id, None, row.signature if row else None)  # type: ignore[arg-type]

    # -- SQL --------------------------------------------------------------------------------

    def _load(self, ids: set[int]) -> dict[int, _Row]:
        """Signature and canonical id (end of the duplicate_of chain) of each article in `ids`."""
        stmt = select(
            MinHashSignature.article_id,
            MinHashSignature.signature,
            MinHashSignature.shingle_count,
            _ARTICLES.c.duplicate_of,
        ).join(_ARTICLES, _ARTICLES.c.id == MinHashSignature.article_id)
        signatures: dict[int, Signature] = {}
        canonical: dict[int, int] = {}
        pending: dict[int, int] = {}
        for condition in where_in(self.conn, MinHashSignature.article_id, sorted(ids), _IN_CHUNK):
            for aid, blob, count, duplicate_of in self.conn.execute(stmt.where(condition)):
                signatures[aid] = Signature.from_bytes(blob, count, self.params.num_perm)
                canonical[aid] = aid
                if duplicate_of is not None:
                    pending[aid] = duplicate_of
        for _ in range(_MAX_HOPS):
            if not pending:
                break
            up = self._parents(set(pending.values()))
            still: dict[int, int] = {}
            for aid, parent in pending.items():
                grand = up.get(parent)
                if grand is None:
                    canonical[aid] = parent
                else:
                    still[aid] = grand
            pending = still
        canonical.update(pending)
        rows = {aid: _Row(sig, canonical[aid]) for aid, sig in signatures.items()}
        missing = set(canonical.values()) - rows.keys() - ids
        if missing:
            rows.update(self._load(missing))
        return rows

    def _load_bodies(self, ids: set[int]) -> dict[int, str]:
        stmt = select(_ARTICLES.c.id, _ARTICLES.c.body)
        bodies: dict[int, str] = {}
        for condition in where_in(self.conn, _ARTICLES.c.id, sorted(ids), _IN_CHUNK):
            bodies.update({aid: body or "" for aid, body in self.conn.execute(stmt.where(condition))})
        return bodies

    def _parents(self, ids: set[int]) -> dict[int, int | None]:
        stmt = select(_ARTICLES.c.id, _ARTICLES.c.duplicate_of)
        out: dict[int, int | None] = {}
        for condition in where_in(self.conn, _ARTICLES.c.id, sorted(ids), _IN_CHUNK):
            out.update({aid: parent for aid, parent in self.conn.execute(stmt.where(condition))})
        return out

    def _check_lengths(self, sigs: Iterable[Signature]) -> None:
        for sig in sigs:
            if sig.values.shape != (self.params.num_perm,):
                raise ValueError(
                    f"signature has {sig.values.shape} values; this index uses num_perm={self.params.num_perm}"
                )


def rebuild(conn: Connection, params: MinHashParams, batch_size: int = 500) -> int:
    """Recompute every signature and bucket from articles.body under `params`; return the count.

    Use after changing MinHash parameters.  duplicate_of links are left as
    they are (they record decisions already taken).  Reads the articles in
    id order one page at a time, so memory stays flat.
    """
    conn.execute(delete(MinHashBucket))
    conn.execute(delete(MinHashBucketHot))
    conn.execute(delete(MinHashStopBucket))
    conn.execute(delete(MinHashSignature))
    _store_params(conn, params)
    index = NearDuplicateIndex(conn, params)
    last_id = 0
    total = 0
    page = select(_ARTICLES.c.id, _ARTICLES.c.body).where(_ARTICLES.c.id > bindparam("after")).order_by(_ARTICLES.c.id)
    while True:
        rows = conn.execute(page.limit(batch_size), {"after": last_id}).all()
        if not rows:
            return total
        index.add_batch([(aid, signature_for(body or "", params)) for aid, body in rows])
        total += len(rows)
        last_id = rows[-1][0]
