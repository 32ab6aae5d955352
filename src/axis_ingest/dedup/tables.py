"""The near-duplicate index's tables: dedup owns them (see `dedup.index` for how they are used).

Defined on the shared `Base`, so `store` creates them with the rest of the
schema; their foreign keys name `articles.id` by table name only.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from axis_ingest.schema_base import Base, Int64


class MinHashSignature(Base):
    """One MinHash signature per article and its shingle-set size.

    `signature` holds num_perm little-endian unsigned values of 4 bytes each
    (8 when a value needs them): the width is len(signature) / num_perm, with
    num_perm from the "minhash_params" row of schema_info.
    """

    __tablename__ = "minhash_signatures"

    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id"), primary_key=True)
    shingle_count: Mapped[int] = mapped_column(Integer)
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class MinHashBucket(Base):
    """LSH buckets: articles whose band `band` hashes to `bucket` are near-duplicate candidates.

    `bucket` is a signed 64-bit hash of the band number and the band's values,
    so one lookup `bucket IN (...)` serves all bands of a batch of documents.
    The table is clustered on (bucket, article_id) (WITHOUT ROWID on SQLite),
    so a lookup is one B-tree descent and no second index has to be kept.

    This is the main (cold) generation: new rows go to `minhash_buckets_hot`
    and reach this table in key order when the hot table is merged, so a
    batch commit does not rewrite pages all over this table.  The buckets of
    the index are the union of the two tables.
    """

    __tablename__ = "minhash_buckets"
    __table_args__ = ({"sqlite_with_rowid": False},)

    bucket: Mapped[int] = mapped_column(Int64, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id"), primary_key=True, autoincrement=False)
    band: Mapped[int] = mapped_column(Integer)


class MinHashBucketHot(Base):
    """LSH bucket rows of recently added articles, same columns as `minhash_buckets`.

    Kept small (dedup.index.HOT_MAX_ROWS) so that the random-place inserts of
    each batch touch few pages; moved into `minhash_buckets` in one ordered
    pass, inside a write transaction, when it grows past that size.
    """

    __tablename__ = "minhash_buckets_hot"
    __table_args__ = ({"sqlite_with_rowid": False},)

    bucket: Mapped[int] = mapped_column(Int64, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id"), primary_key=True, autoincrement=False)
    band: Mapped[int] = mapped_column(Integer)


class MinHashStopBucket(Base):
    """LSH buckets too full to tell anything: lookups skip them, and they get no new rows.

    A bucket fills when one band's values are the minima of shingles that most
    articles share (a phrase every story on the subject uses), not of any one
    story; see dedup.index.STOP_BUCKET_SIZE.
    """

    __tablename__ = "minhash_stop_buckets"

    bucket: Mapped[int] = mapped_column(Int64, primary_key=True, autoincrement=False)
