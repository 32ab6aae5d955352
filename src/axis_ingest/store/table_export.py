"""Export the unique articles as one table file: JSON Lines, CSV or Parquet.

One row per unique article (`unique_articles`: near-duplicate copies left
out), every `articles` column in contract order plus `authors`, the names in
byline order.  The three formats carry the same rows and columns; each keeps
types as far as it can:

- JSON Lines: `metadata` is an object and `authors` a list; times are ISO 8601 text.
- CSV (UTF-8, a header row): `metadata` and `authors` are JSON text in their cells
  (`["Ann Lee", "Bo Chen"]`), so names with commas survive; empty cell for NULL.
- Parquet (pyarrow): typed columns. `published_utc`, `modified_utc` and
  `ingested_utc` are UTC timestamps, `published_date` a date, `title_derived` a
  boolean, `authors` a list of strings; `published` stays text because sources
  state it at mixed precision (a date, a local time, a time with offset).

Rows are read and written in chunks, so exporting a large database needs
little memory; the file is written under a temporary name and renamed when
complete, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, bindparam, select

from axis_ingest.store.schema import Article, ArticleAuthor, AuthorRow

FORMATS = ("jsonl", "csv", "parquet")

# Articles read per query and written per Parquet row group: ~2 MB of text per
# chunk on news articles, large enough that the per-query cost does not show.
CHUNK_ARTICLES = 1000

# Columns of `articles` in contract order, then the additions, then the authors.
COLUMNS = (
    "id",
    "title",
    "title_derived",
    "subtitle",
    "body",
    "published",
    "published_utc",
    "published_date",
    "modified_utc",
    "url",
    "publisher",
    "origin",
    "dateline",
    "language",
    "word_count",
    "source_format",
    "content_hash",
    "duplicate_of",
    "similarity",
    "metadata",
    "ingested_utc",
    "authors",
)
UTC_COLUMNS = ("published_utc", "modified_utc", "ingested_utc")


def _rows(engine: Engine) -> Iterator[list[dict[str, Any]]]:
    """Unique articles in id order, in chunks, as dicts of COLUMNS (metadata parsed, authors listed)."""
    table = Article.__table__
    article_columns = [table.c[name] for name in COLUMNS if name != "authors"]
    page = (
        select(*article_columns)
        .where(table.c.duplicate_of.is_(None), table.c.id > bindparam("after"))
        .order_by(table.c.id)
        .limit(CHUNK_ARTICLES)
    )
    names = (
        select(ArticleAuthor.article_id, AuthorRow.name)
        .join(AuthorRow, AuthorRow.id == ArticleAuthor.author_id)
        .where(ArticleAuthor.article_id.in_(bindparam("ids", expanding=True)))
        .order_by(ArticleAuthor.article_id, ArticleAuthor.position)
    )
    after = 0
    with engine.connect() as conn:
        while True:
            chunk = [dict(row._mapping) for row in conn.execute(page, {"after": after})]
            if not chunk:
                break
            authors: dict[int, list[str]] = {}
            for article_id, name in conn.execute(names, {"ids": [r["id"] for r in chunk]}):
                authors.setdefault(article_id, []).append(name)
            for row in chunk:
                row["metadata"] = json.loads(row["metadata"] or "{}")
                row["authors"] = authors.get(row["id"], [])
            yield chunk
            after = chunk[-1]["id"]
        conn.rollback()


def _write_jsonl(engine: Engine, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for chunk in _rows(engine):
            for row in chunk:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += len(chunk)
    return count


def _write_csv(engine: Engine, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for chunk in _rows(engine):
            for row in chunk:
                row["metadata"] = json.dumps(row["metadata"], ensure_ascii=False)
                row["authors"] = json.dumps(row["authors"], ensure_ascii=False)
                writer.writerow(row)
            count += len(chunk)
    return count


def parquet_schema():  # type: ignore[no-untyped-def]
    """The Parquet file's column types (pyarrow), in COLUMNS order."""
    import pyarrow as pa

    timestamp = pa.timestamp("us", tz="UTC")
    types = {
        "id": pa.int64(),
        "title_derived": pa.bool_(),
        "published_date": pa.date32(),
        "word_count": pa.int64(),
        "duplicate_of": pa.int64(),
        "similarity": pa.float64(),
        "authors": pa.list_(pa.string()),
        **dict.fromkeys(UTC_COLUMNS, timestamp),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in COLUMNS])


def _utc(value: str | None) -> datetime | None:
    """`2025-07-03T05:56:33Z` (the contract's *_utc text) -> an aware datetime."""
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)


def _write_parquet(engine: Engine, out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for chunk in _rows(engine):
            for row in chunk:
                row["metadata"] = json.dumps(row["metadata"], ensure_ascii=False)
                row["title_derived"] = bool(row["title_derived"])
                row["published_date"] = date.fromisoformat(row["published_date"]) if row["published_date"] else None
                for name in UTC_COLUMNS:
                    row[name] = _utc(row[name])
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            count += len(chunk)
    return count


_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}


def export_articles(engine: Engine, fmt: str, out: str | os.PathLike[str]) -> int:
    """Write the unique articles to `out` in `fmt` (one of FORMATS); returns the number of rows."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        count = _WRITERS[fmt](engine, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return count
