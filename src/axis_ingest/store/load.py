"""Store one batch of prepared files in one transaction: raw documents, articles, authors, dedup index.

The whole batch commits or nothing does, so a crash leaves no half-stored file:
the next run sees the batch's files as new and stores them again.  The
transaction starts with the write lock held (BEGIN IMMEDIATE on SQLite, an
advisory lock elsewhere) and re-checks what is already stored inside it, so two
overlapping runs store every file and article exactly once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.dialects import postgresql, sqlite

from axis_ingest.dedup.index import NearDuplicateIndex
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.prepare import FileResult, PreparedDocument
from axis_ingest.store.schema import (
    Article,
    ArticleAuthor,
    ArticleSource,
    AuthorRow,
    ChromeLine,
    RawDocument,
    RawPath,
)

# Any int64 works as the advisory lock key on PostgreSQL; this one spells "axis".
_PG_LOCK_KEY = 0x61786973


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class BatchOutcome:
    """What storing a batch did, for the run summary and the Prefect artifact."""

    loaded: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # content already stored by an earlier run
    rejected_before: list[tuple[str, str]] = field(default_factory=list)  # unchanged files rejected earlier
    new_article_ids: list[int] = field(default_factory=list)
    exact_duplicates: int = 0
    near_duplicates: list[tuple[int, int, float]] = field(
        default_factory=list
    )  # (article, canonical, similarity)

    def merge(self, other: BatchOutcome) -> None:
        self.loaded += other.loaded
        self.duplicates += other.duplicates
        self.rejected += other.rejected
        self.unchanged += other.unchanged
        self.rejected_before += other.rejected_before
        self.new_article_ids += other.new_article_ids
        self.exact_duplicates += other.exact_duplicates
        self.near_duplicates += other.near_duplicates


def _insert(conn: Connection, table):  # type: ignore[no-untyped-def]
    """An INSERT that can take ON CONFLICT clauses on SQLite and PostgreSQL."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})


def known_hashes(engine: Engine, hashes: Sequence[str]) -> set[str]:
    """Which of these raw-file hashes are already stored (read without the write lock)."""
    found: set[str] = set()
    with engine.connect() as conn:
        for start in range(0, len(hashes), 500):
            chunk = list(hashes[start : start + 500])
            found.update(conn.scalars(select(RawDocument.sha256).where(RawDocument.sha256.in_(chunk))))
        conn.rollback()
    return found


def known_chrome(engine: Engine, min_docs: int) -> frozenset[str]:
    with engine.connect() as conn:
        rows = conn.scalars(select(ChromeLine.fingerprint).where(ChromeLine.documents >= min_docs)).all()
        conn.rollback()
    return frozenset(rows)


def _record_path(conn: Connection, path: str, raw_id: int, now: str) -> None:
    conn.execute(
        _insert(conn, RawPath)
        .values(path=path, raw_document_id=raw_id, first_seen_utc=now)
        .on_conflict_do_nothing()
    )


def _author_id(conn: Connection, name: str) -> int:
    conn.execute(_insert(conn, AuthorRow).values(name=name).on_conflict_do_nothing())
    return conn.scalar(select(AuthorRow.id).where(AuthorRow.name == name))  # type: ignore[return-value]


def _insert_article(
    conn: Connection, prepared: PreparedDocument, now: str, canonical: tuple[int, float] | None
) -> int:
    doc = prepared.doc
    article_id = conn.execute(
        _insert(conn, Article)
        .values(
            title=doc.title,
            title_derived=int(doc.title_derived),
            subtitle=doc.subtitle,
            body=doc.body,
            published=doc.published,
            published_utc=doc.published_utc,
            modified_utc=doc.modified_utc,
            url=doc.url,
            publisher=doc.publisher,
            origin=doc.origin,
            dateline=doc.dateline,
            language=doc.language,
            word_count=doc.word_count,
            source_format=doc.source_format,
            content_hash=prepared.content_hash,
            duplicate_of=canonical[0] if canonical else None,
            similarity=round(canonical[1], 4) if canonical else None,
            metadata_json=json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True, default=str),
            ingested_utc=now,
        )
        .returning(Article.id)
    ).scalar_one()
    seen: set[int] = set()
    for position, author in enumerate(doc.authors):
        author_id = _author_id(conn, author.name)
        if author_id in seen:
            continue
        seen.add(author_id)
        conn.execute(
            _insert(conn, ArticleAuthor).values(
                article_id=article_id, author_id=author_id, position=position, role=author.role
            )
        )
    return article_id


def _store_file(
    conn: Connection, result: FileResult, index: NearDuplicateIndex, now: str, out: BatchOutcome
) -> None:
    existing = conn.execute(
        select(RawDocument.id, RawDocument.status, RawDocument.reason).where(RawDocument.sha256 == result.sha256)
    ).first()
    if existing is not None:  # stored by an earlier run, a concurrent one, or a copy earlier in this batch
        _record_path(conn, result.path, existing.id, now)
        out.unchanged.append(result.path)
        if existing.status == "rejected":
            out.rejected_before.append((result.path, existing.reason or "rejected"))
        return
    raw_id = conn.execute(
        _insert(conn, RawDocument)
        .values(
            sha256=result.sha256,
            path=result.path,
            source_format=result.source_format,
            size_bytes=result.size_bytes,
            first_seen_utc=now,
            status="rejected" if result.rejected else "loaded",
            reason=result.reason,
        )
        .returning(RawDocument.id)
    ).scalar_one()
    _record_path(conn, result.path, raw_id, now)
    if result.rejected:
        out.rejected.append((result.path, result.reason or "rejected"))
        return
    new_articles = 0
    for prepared in result.documents:
        article_id = conn.scalar(select(Article.id).where(Article.content_hash == prepared.content_hash))
        if article_id is not None:
            out.exact_duplicates += 1
        else:
            match = index.match_batch([prepared.signature])[0]
            canonical = (match.article_id, match.similarity) if match else None
            article_id = _insert_article(conn, prepared, now, canonical)
            index.add(article_id, prepared.signature)
            out.new_article_ids.append(article_id)
            if canonical:
                out.near_duplicates.append((article_id, canonical[0], canonical[1]))
            new_articles += 1
        conn.execute(
            _insert(conn, ArticleSource)
            .values(raw_document_id=raw_id, item=prepared.doc.item, article_id=article_id)
            .on_conflict_do_nothing()
        )
    if new_articles:
        out.loaded.append(result.path)
    else:
        conn.execute(
            RawDocument.__table__.update().where(RawDocument.id == raw_id).values(status="duplicate")
        )
        out.duplicates.append(result.path)


def _count_chrome(conn: Connection, results: Sequence[FileResult]) -> None:
    counts: dict[str, int] = {}
    for result in results:
        for fingerprint in result.chrome_fingerprints:
            counts[fingerprint] = counts.get(fingerprint, 0) + 1
    if not counts:
        return
    stmt = _insert(conn, ChromeLine)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[ChromeLine.fingerprint],
            set_={"documents": ChromeLine.documents + stmt.excluded.documents},
        ),
        [{"fingerprint": fp, "documents": n} for fp, n in counts.items()],
    )


def store_batch(engine: Engine, results: Sequence[FileResult], params: MinHashParams) -> BatchOutcome:
    """Store a batch of prepared files atomically."""
    out = BatchOutcome()
    now = utc_now()
    with engine.begin() as conn:
        _lock(conn)
        index = NearDuplicateIndex(conn, params)
        stored = _stored(conn, results)
        fresh = [r for r in results if r.sha256 not in stored]
        for result in results:
            _store_file(conn, result, index, now, out)
        _count_chrome(conn, fresh)
    return out


def _stored(conn: Connection, results: Sequence[FileResult]) -> set[str]:
    hashes = [r.sha256 for r in results]
    return set(conn.scalars(select(RawDocument.sha256).where(RawDocument.sha256.in_(hashes))))


def count_rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        counts = {
            table.__tablename__: conn.scalar(select(func.count()).select_from(table)) or 0
            for table in (RawDocument, Article, ArticleSource, AuthorRow, ArticleAuthor)
        }
        conn.rollback()
    return counts
