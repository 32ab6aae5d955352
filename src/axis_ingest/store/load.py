"""Store one batch of prepared files in one transaction: raw documents, articles, authors, dedup index.

The whole batch commits or nothing does, so a crash leaves no half-stored file:
the next run sees the batch's files as new and stores them again.  The
transaction starts with the write lock held (BEGIN IMMEDIATE on SQLite, an
advisory lock elsewhere) and re-checks what is already stored inside it, so two
overlapping runs store every file and article exactly once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, bindparam, select, text
from sqlalchemy.dialects import postgresql, sqlite

from axis_ingest.dedup.index import Match, NearDuplicateIndex
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.fetched import FetchedEvidence
from axis_ingest.prepare import FileResult, PreparedDocument
from axis_ingest.store.schema import (
    Article,
    ArticleAuthor,
    ArticleSource,
    AuthorRow,
    ChromeLine,
    FeedItem,
    RawDocument,
    RawPath,
)
from axis_ingest.store.versions import link_versions

# Any int64 works as the advisory lock key on PostgreSQL; this one spells "axis".
_PG_LOCK_KEY = 0x61786973


# Values per IN list: far below SQLite's 32,766 bound parameters and PostgreSQL's 65,535.
_IN_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _IN_CHUNK):
        yield list(items[start : start + _IN_CHUNK])


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
    near_duplicates: list[tuple[int, int, float]] = field(default_factory=list)  # (article, canonical, similarity)
    edited_articles: int = 0  # new articles that are a new version of a stored story (article_versions)

    def merge(self, other: BatchOutcome) -> None:
        self.loaded += other.loaded
        self.duplicates += other.duplicates
        self.rejected += other.rejected
        self.unchanged += other.unchanged
        self.rejected_before += other.rejected_before
        self.new_article_ids += other.new_article_ids
        self.exact_duplicates += other.exact_duplicates
        self.near_duplicates += other.near_duplicates
        self.edited_articles += other.edited_articles


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


def _author_ids(conn: Connection, names: set[str]) -> dict[str, int]:
    """Ids of these author names, inserting the new ones: two statements for the whole batch."""
    if not names:
        return {}
    ordered = sorted(names)
    conn.execute(_insert(conn, AuthorRow).on_conflict_do_nothing(), [{"name": n} for n in ordered])
    found: dict[str, int] = {}
    for chunk in _chunks(ordered):
        found.update(conn.execute(select(AuthorRow.name, AuthorRow.id).where(AuthorRow.name.in_(chunk))).all())
    return found


def published_date(published: str | None) -> str | None:
    """The YYYY-MM-DD date at the start of an ISO 8601 `published` value (its local date), else None."""
    if published and len(published) >= 10 and published[4] == "-" and published[7] == "-":
        return published[:10]
    return None


def _article_row(prepared: PreparedDocument, now: str, canonical: tuple[int, float] | None) -> dict[str, object]:
    doc = prepared.doc
    return {
        "title": doc.title,
        "title_derived": int(doc.title_derived),
        "subtitle": doc.subtitle,
        "body": doc.body,
        "published": doc.published,
        "published_utc": doc.published_utc,
        "published_date": published_date(doc.published),
        "modified_utc": doc.modified_utc,
        "url": doc.url,
        "publisher": doc.publisher,
        "origin": doc.origin,
        "dateline": doc.dateline,
        "language": doc.language,
        "word_count": doc.word_count,
        "source_format": doc.source_format,
        "content_hash": prepared.content_hash,
        "duplicate_of": canonical[0] if canonical else None,
        "similarity": round(canonical[1], 4) if canonical else None,
        "metadata": json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True, default=str),
        "ingested_utc": now,
    }


def _insert_articles(
    conn: Connection, fresh: Sequence[PreparedDocument], matches: Sequence[Match | None], now: str
) -> list[int]:
    """Insert the batch's new articles in order (one multi-row INSERT); returns their ids.

    A document whose canonical is an earlier new document of the same batch
    (`Match.batch_index`) gets its duplicate_of once that id is known.
    """
    if not fresh:  # an empty parameter list would execute once and insert a row of defaults
        return []
    rows = []
    for prepared, match in zip(fresh, matches, strict=True):
        canonical = (match.article_id, match.similarity) if match and match.article_id is not None else None
        rows.append(_article_row(prepared, now, canonical))
    ids = list(conn.execute(_insert(conn, Article).returning(Article.id, sort_by_parameter_order=True), rows).scalars())
    in_batch = [
        {"aid": ids[i], "dup": ids[m.batch_index], "sim": round(m.similarity, 4)}
        for i, m in enumerate(matches)
        if m is not None and m.article_id is None and m.batch_index is not None
    ]
    if in_batch:
        table = Article.__table__
        conn.execute(
            table.update()
            .where(table.c.id == bindparam("aid"))
            .values(duplicate_of=bindparam("dup"), similarity=bindparam("sim")),
            in_batch,
        )
    return ids


def _insert_authors(conn: Connection, docs: Sequence[PreparedDocument], ids: Sequence[int]) -> None:
    author_ids = _author_ids(conn, {a.name for p in docs for a in p.doc.authors})
    rows = []
    for prepared, article_id in zip(docs, ids, strict=True):
        seen: set[int] = set()
        for position, author in enumerate(prepared.doc.authors):
            author_id = author_ids[author.name]
            if author_id in seen:
                continue
            seen.add(author_id)
            rows.append({"article_id": article_id, "author_id": author_id, "position": position, "role": author.role})
    if rows:
        conn.execute(_insert(conn, ArticleAuthor), rows)


def _store_files(
    conn: Connection,
    results: Sequence[FileResult],
    existing: dict[str, tuple[int, str, str | None]],
    new_results: Sequence[FileResult],
    index: NearDuplicateIndex,
    now: str,
    out: BatchOutcome,
) -> None:
    """Raw rows and paths in bulk; then the batch's documents in bulk (one dedup query set).

    `new_results` are the first file of each content not stored yet (`_new_files`); a copy
    later in the same batch is then "unchanged".
    """
    new_files: list[tuple[FileResult, int]] = []
    paths: list[dict[str, object]] = []
    first_of_hash = {r.sha256: r for r in new_results}
    if new_results:
        rows = [
            {
                "sha256": r.sha256,
                "path": r.path,
                "source_format": r.source_format,
                "size_bytes": r.size_bytes,
                "first_seen_utc": now,
                "status": "rejected" if r.rejected else "loaded",
                "reason": r.reason,
            }
            for r in new_results
        ]
        statement = _insert(conn, RawDocument).returning(RawDocument.id, sort_by_parameter_order=True)
        raw_ids = list(conn.execute(statement, rows).scalars())
        for result, raw_id, row in zip(new_results, raw_ids, rows, strict=True):
            existing[result.sha256] = (raw_id, str(row["status"]), result.reason)
            if result.rejected:
                out.rejected.append((result.path, result.reason or "rejected"))
            else:
                new_files.append((result, raw_id))
    for result in results:
        row = existing[result.sha256]
        paths.append({"path": result.path, "raw_document_id": row[0], "first_seen_utc": now})
        if first_of_hash.get(result.sha256) is result:
            continue
        out.unchanged.append(result.path)
        if row[1] == "rejected":
            out.rejected_before.append((result.path, row[2] or "rejected"))
    if paths:  # one multi-row statement: a re-run of an unchanged folder is mostly this
        conn.execute(_insert(conn, RawPath).on_conflict_do_nothing(), paths)
    if not new_files:
        return

    # Exact duplicates: one IN query for the batch's content hashes; then the first
    # occurrence of each new hash in the batch is a new article, later ones are copies.
    docs = [(raw_id, prepared) for result, raw_id in new_files for prepared in result.documents]
    hashes = sorted({p.content_hash for _, p in docs})
    by_hash: dict[str, int | None] = {}
    for chunk in _chunks(hashes):
        by_hash.update(
            conn.execute(select(Article.content_hash, Article.id).where(Article.content_hash.in_(chunk))).all()
        )
    fresh: list[PreparedDocument] = []
    fresh_of_hash: dict[str, int] = {}
    for _, prepared in docs:
        if prepared.content_hash not in by_hash and prepared.content_hash not in fresh_of_hash:
            fresh_of_hash[prepared.content_hash] = len(fresh)
            fresh.append(prepared)
    matches = index.match_batch([p.signature for p in fresh])
    ids = _insert_articles(conn, fresh, matches, now)
    index.add_batch([(aid, p.signature) for aid, p in zip(ids, fresh, strict=True)], matches)
    _insert_authors(conn, fresh, ids)
    out.edited_articles += link_versions(conn, [p.doc for p in fresh], ids)
    for prepared, article_id, match in zip(fresh, ids, matches, strict=True):
        by_hash[prepared.content_hash] = article_id
        out.new_article_ids.append(article_id)
        if match is not None:
            canonical = match.article_id if match.article_id is not None else ids[match.batch_index]  # type: ignore[index]
            out.near_duplicates.append((article_id, canonical, match.similarity))

    new_of_file: dict[int, int] = {}
    fresh_ids = set(ids)
    sources = []
    claimed: set[int] = set()
    for raw_id, prepared in docs:
        article_id = by_hash[prepared.content_hash]
        assert article_id is not None
        if article_id in fresh_ids and article_id not in claimed:
            claimed.add(article_id)
            new_of_file[raw_id] = new_of_file.get(raw_id, 0) + 1
        else:
            out.exact_duplicates += 1
        sources.append({"raw_document_id": raw_id, "item": prepared.doc.item, "article_id": article_id})
    conn.execute(_insert(conn, ArticleSource).on_conflict_do_nothing(), sources)
    duplicate_files = [raw_id for result, raw_id in new_files if not new_of_file.get(raw_id)]
    for result, raw_id in new_files:
        (out.loaded if new_of_file.get(raw_id) else out.duplicates).append(result.path)
    if duplicate_files:
        conn.execute(
            RawDocument.__table__.update().where(RawDocument.id.in_(duplicate_files)).values(status="duplicate")
        )


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
        existing = _existing(conn, results)
        fresh = _new_files(results, existing)
        _store_files(conn, results, existing, fresh, index, now, out)
        _count_chrome(conn, fresh)  # once per new content: a copy in the same batch adds nothing
    return out


def _new_files(results: Sequence[FileResult], existing: dict[str, tuple[int, str, str | None]]) -> list[FileResult]:
    """The first file of each content in the batch that is not stored yet."""
    first: dict[str, FileResult] = {}
    for result in results:
        if result.sha256 not in existing:
            first.setdefault(result.sha256, result)
    return list(first.values())


def _existing(conn: Connection, results: Sequence[FileResult]) -> dict[str, tuple[int, str, str | None]]:
    """sha256 -> (raw id, status, reason) of the batch's files already stored."""
    found: dict[str, tuple[int, str, str | None]] = {}
    for chunk in _chunks(sorted({r.sha256 for r in results})):
        stmt = select(RawDocument.sha256, RawDocument.id, RawDocument.status, RawDocument.reason)
        for sha, raw_id, status, reason in conn.execute(stmt.where(RawDocument.sha256.in_(chunk))):
            found[sha] = (raw_id, status, reason)
    return found


def fetched_evidence(engine: Engine, hashes: Sequence[str]) -> dict[str, FetchedEvidence]:
    """sha256 -> what the feed said about the page saved with those bytes (harvested pages only)."""
    found: dict[str, FetchedEvidence] = {}
    with engine.connect() as conn:
        for chunk in _chunks(sorted(set(hashes))):
            stmt = select(FeedItem.sha256, FeedItem.url, FeedItem.title, FeedItem.published, FeedItem.author)
            for sha, url, title, published, author in conn.execute(
                stmt.where(FeedItem.sha256.in_(chunk), FeedItem.status == "saved")
            ):
                found.setdefault(sha, FetchedEvidence(url, title, published, author))
        conn.rollback()
    return found
