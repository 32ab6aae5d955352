"""Store one batch of prepared files in one transaction: raw documents, articles, authors, dedup index.

The whole batch commits or nothing does, so a crash leaves no half-stored file:
the next run sees the batch's files as new and stores them again.  The
transaction starts with the write lock held (BEGIN IMMEDIATE on SQLite, an
advisory lock on PostgreSQL: store.db.write_lock) and re-checks what is already stored inside it, so two
overlapping runs store every file and article exactly once.

`store_batch` runs small steps with one job each, in this order: raw rows
(`insert_raw_documents`), paths (`record_paths`), exact duplicates
(`stored_articles`, `first_of_each_content`), new articles with near-duplicate
matching, authors and versions (`insert_new_articles`), source links
(`link_sources`) and file statuses (`set_file_statuses`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence, Set
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import NamedTuple

from sqlalchemy import Connection, Engine, bindparam, select
from sqlalchemy.orm import InstrumentedAttribute

from axis_ingest.dedup.index import Match, NearDuplicateIndex
from axis_ingest.dedup.minhash import MinHashParams
from axis_ingest.document import FetchedEvidence, FileResult, PreparedDocument
from axis_ingest.store.db import write_lock
from axis_ingest.store.dialect import insert, where_in
from axis_ingest.store.schema import (
    Article,
    ArticleAuthor,
    ArticleSource,
    AuthorRow,
    ChromeLine,
    CurrentPath,
    FeedItem,
    RawDocument,
    RawPath,
)
from axis_ingest.store.versions import link_versions


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class BatchOutcome:
    """What storing a batch did, for the run summary and the Prefect artifact."""

    loaded: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # content already stored by an earlier run
    copies: list[str] = field(default_factory=list)  # byte-identical to another file read in this run
    rejected_before: list[tuple[str, str]] = field(default_factory=list)  # unchanged files rejected earlier
    new_article_ids: list[int] = field(default_factory=list)
    exact_duplicates: int = 0
    near_duplicates: list[tuple[int, int, float]] = field(default_factory=list)  # (article, canonical, similarity)
    # Files rejected because the program failed on them (reason starts "internal error: "): bugs, not bad input.
    internal_errors: int = 0
    edited_articles: int = 0  # new articles that are a new version of a stored story (article_versions)

    def merge(self, other: BatchOutcome) -> None:
        self.loaded += other.loaded
        self.duplicates += other.duplicates
        self.rejected += other.rejected
        self.unchanged += other.unchanged
        self.copies += other.copies
        self.rejected_before += other.rejected_before
        self.new_article_ids += other.new_article_ids
        self.exact_duplicates += other.exact_duplicates
        self.near_duplicates += other.near_duplicates
        self.internal_errors += other.internal_errors
        self.edited_articles += other.edited_articles


def known_hashes(engine: Engine, hashes: Sequence[str], except_rejected: bool = False) -> set[str]:
    """Which of these raw-file hashes are already stored (read without the write lock).

    `except_rejected` leaves out the ones recorded as rejected, so they are read again.
    """
    found: set[str] = set()
    with engine.connect() as conn:
        for condition in where_in(conn, RawDocument.sha256, hashes):
            stmt = select(RawDocument.sha256).where(condition)
            if except_rejected:
                stmt = stmt.where(RawDocument.status != "rejected")
            found.update(conn.scalars(stmt))
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
    conn.execute(insert(conn, AuthorRow).on_conflict_do_nothing(), [{"name": n} for n in ordered])
    found: dict[str, int] = {}
    for condition in where_in(conn, AuthorRow.name, ordered):
        found.update(conn.execute(select(AuthorRow.name, AuthorRow.id).where(condition)).all())
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
    ids = _inserted_ids(conn, Article, Article.content_hash, rows)
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
        conn.execute(insert(conn, ArticleAuthor), rows)


class StoredRaw(NamedTuple):
    """A raw_documents row as a batch needs it."""

    id: int
    status: str
    reason: str | None


class NewFile(NamedTuple):
    """A file of the batch whose content was not stored before, and not rejected."""

    result: FileResult
    raw_id: int


class BatchDocument(NamedTuple):
    """One document read from a new file."""

    raw_id: int
    prepared: PreparedDocument


# -- the steps of store_batch, in order; each does one job inside the batch's transaction -------------


def insert_raw_documents(
    conn: Connection,
    new_results: Sequence[FileResult],
    existing: dict[str, StoredRaw],
    now: str,
    out: BatchOutcome,
    retried: dict[str, int] | None = None,
) -> list[NewFile]:
    """Raw rows: one raw_documents row per new content (`loaded`, or `rejected` with its reason).

    Adds the rows to `existing`; returns the files that were not rejected (their
    documents go on to the next steps).  `loaded` may become `duplicate` in
    `set_file_statuses`.  `retried` (sha256 -> raw id): rejected files read again
    (--retry-rejected), whose row is updated instead of inserted.
    """
    if not new_results:  # an empty parameter list would execute once and insert a row of defaults
        return []
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
    raw_ids = _write_raw_rows(conn, rows, retried or {})
    new_files: list[NewFile] = []
    for result, raw_id, row in zip(new_results, raw_ids, rows, strict=True):
        existing[result.sha256] = StoredRaw(raw_id, str(row["status"]), result.reason)
        if result.rejected:
            out.rejected.append((result.path, result.reason or "rejected"))
        else:
            new_files.append(NewFile(result, raw_id))
    return new_files


def record_paths(
    conn: Connection,
    results: Sequence[FileResult],
    existing: dict[str, StoredRaw],
    new_results: Sequence[FileResult],
    now: str,
    out: BatchOutcome,
    read_this_run: Set[str] = frozenset(),
) -> None:
    """Raw paths: every path of the batch -> its raw document (one multi-row statement).

    A file that is not the first of its content (`new_results`) is a `copy` when
    that content was read in this run (earlier in this batch, or in an earlier
    batch: `read_this_run`), else `unchanged` (stored by an earlier run); if an
    unchanged content was rejected, the file is also listed in `rejected_before`.
    """
    first_of_hash = {r.sha256: r for r in new_results}
    paths: list[dict[str, object]] = []
    for result in results:
        row = existing[result.sha256]
        paths.append({"path": result.path, "raw_document_id": row.id, "first_seen_utc": now})
        if first_of_hash.get(result.sha256) is result:
            continue
        if result.sha256 in first_of_hash or result.sha256 in read_this_run:
            out.copies.append(result.path)
            continue
        out.unchanged.append(result.path)
        if row.status == "rejected":
            out.rejected_before.append((result.path, row.reason or "rejected"))
    if paths:  # a re-run of an unchanged folder is mostly this statement
        conn.execute(insert(conn, RawPath).on_conflict_do_nothing(), paths)
        _set_current_paths(conn, paths)


def stored_articles(conn: Connection, content_hashes: Sequence[str]) -> dict[str, int]:
    """Exact duplicates: content hash -> id of the article already stored with it."""
    found: dict[str, int] = {}
    for condition in where_in(conn, Article.content_hash, sorted(set(content_hashes))):
        found.update(conn.execute(select(Article.content_hash, Article.id).where(condition)).tuples().all())
    return found


def first_of_each_content(docs: Sequence[BatchDocument], stored: dict[str, int]) -> list[PreparedDocument]:
    """Exact duplicates: the documents that become new articles, the first of each content not stored yet."""
    fresh: dict[str, PreparedDocument] = {}
    for doc in docs:
        content_hash = doc.prepared.content_hash
        if content_hash not in stored and content_hash not in fresh:
            fresh[content_hash] = doc.prepared
    return list(fresh.values())


def insert_new_articles(
    conn: Connection,
    index: NearDuplicateIndex,
    fresh: Sequence[PreparedDocument],
    now: str,
    out: BatchOutcome,
) -> list[int]:
    """New articles: near-duplicate matched (against the index and each other), inserted, indexed, with authors.

    Returns their ids, in the order of `fresh`.
    """
    matches = index.match_batch([p.signature for p in fresh], [p.doc.body for p in fresh])
    ids = _insert_articles(conn, fresh, matches, now)
    index.add_batch([(aid, p.signature) for aid, p in zip(ids, fresh, strict=True)], matches)
    _insert_authors(conn, fresh, ids)
    out.edited_articles += link_versions(conn, [p.doc for p in fresh], ids)
    for article_id, match in zip(ids, matches, strict=True):
        out.new_article_ids.append(article_id)
        if match is not None:
            canonical = match.article_id if match.article_id is not None else ids[match.batch_index]  # type: ignore[index]
            out.near_duplicates.append((article_id, canonical, match.similarity))
    return ids


def link_sources(
    conn: Connection,
    docs: Sequence[BatchDocument],
    article_of: dict[str, int],
    new_ids: set[int],
    out: BatchOutcome,
) -> dict[int, int]:
    """Source links: an article_sources row for each document of each new file -> its article.

    The first document to reach a new article made it; every other one is an
    exact duplicate copy.  Returns raw document id -> new articles it made.
    """
    new_of_file: dict[int, int] = {}
    claimed: set[int] = set()
    sources = []
    for doc in docs:
        article_id = article_of[doc.prepared.content_hash]
        if article_id in new_ids and article_id not in claimed:
            claimed.add(article_id)
            new_of_file[doc.raw_id] = new_of_file.get(doc.raw_id, 0) + 1
        else:
            out.exact_duplicates += 1
        sources.append({"raw_document_id": doc.raw_id, "item": doc.prepared.doc.item, "article_id": article_id})
    if sources:
        conn.execute(insert(conn, ArticleSource).on_conflict_do_nothing(), sources)
    return new_of_file


def set_file_statuses(
    conn: Connection, new_files: Sequence[NewFile], new_of_file: dict[int, int], out: BatchOutcome
) -> None:
    """Statuses: a new file that made a new article is `loaded`; one that made none is a `duplicate`."""
    duplicate_files = []
    for new_file in new_files:
        if new_of_file.get(new_file.raw_id):
            out.loaded.append(new_file.result.path)
        else:
            out.duplicates.append(new_file.result.path)
            duplicate_files.append(new_file.raw_id)
    for condition in where_in(conn, RawDocument.id, duplicate_files):
        conn.execute(RawDocument.__table__.update().where(condition).values(status="duplicate"))


def _set_current_paths(conn: Connection, paths: Sequence[dict[str, object]]) -> None:
    """Point each path at the content it holds now; an unchanged path's row is left as it is (no write)."""
    stmt = insert(conn, CurrentPath)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[CurrentPath.path],
            set_={"raw_document_id": stmt.excluded.raw_document_id, "since_utc": stmt.excluded.since_utc},
            where=CurrentPath.raw_document_id != stmt.excluded.raw_document_id,
        ),
        [{"path": p["path"], "raw_document_id": p["raw_document_id"], "since_utc": p["first_seen_utc"]} for p in paths],
    )


def _count_chrome(conn: Connection, results: Sequence[FileResult]) -> None:
    counts: dict[str, int] = {}
    for result in results:
        for fingerprint in result.chrome_fingerprints:
            counts[fingerprint] = counts.get(fingerprint, 0) + 1
    if not counts:
        return
    stmt = insert(conn, ChromeLine)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[ChromeLine.fingerprint],
            set_={"documents": ChromeLine.documents + stmt.excluded.documents},
        ),
        [{"fingerprint": fp, "documents": n} for fp, n in counts.items()],
    )


def store_batch(
    engine: Engine,
    results: Sequence[FileResult],
    params: MinHashParams,
    retry_rejected: bool = False,
    read_this_run: Set[str] = frozenset(),
) -> BatchOutcome:
    """Store a batch of prepared files atomically, one step after another (see the module docstring).

    With `retry_rejected`, a file recorded as rejected whose result was read again
    (documents or a reason, not just "already stored") replaces its rejection.
    `read_this_run`: hashes of the files earlier batches of the run read, so a
    byte-identical copy of one is counted as a copy, not as unchanged.
    """
    out = BatchOutcome()
    now = utc_now()
    with engine.begin() as conn:
        write_lock(conn)
        index = NearDuplicateIndex(conn, params)
        existing = _existing(conn, results)
        retried = _take_retried(results, existing) if retry_rejected else {}
        new_results = _new_files(results, existing)
        new_files = insert_raw_documents(conn, new_results, existing, now, out, retried)
        record_paths(conn, results, existing, new_results, now, out, read_this_run)
        if new_files:
            docs = [BatchDocument(f.raw_id, prepared) for f in new_files for prepared in f.result.documents]
            article_of = stored_articles(conn, [d.prepared.content_hash for d in docs])
            fresh = first_of_each_content(docs, article_of)
            new_ids = insert_new_articles(conn, index, fresh, now, out)
            article_of.update((p.content_hash, aid) for p, aid in zip(fresh, new_ids, strict=True))
            new_of_file = link_sources(conn, docs, article_of, set(new_ids), out)
            set_file_statuses(conn, new_files, new_of_file, out)
        _count_chrome(conn, new_results)  # once per new content: a copy in the same batch adds nothing
    return out


# Columns of a rejected raw row that reading it again (--retry-rejected) replaces.
RETRY_UPDATES = ("status", "reason", "source_format", "size_bytes")


def _write_raw_rows(conn: Connection, rows: list[dict[str, object]], retried: dict[str, int]) -> list[int]:
    """Insert the raw rows of new contents; a retried one updates its rejected row. Ids in `rows` order."""
    inserted = [row for row in rows if row["sha256"] not in retried]
    ids: Iterator[int] = iter(())
    if inserted:
        ids = iter(_inserted_ids(conn, RawDocument, RawDocument.sha256, inserted))
    updates = [
        {"rid": retried[str(row["sha256"])], **{k: row[k] for k in RETRY_UPDATES}}
        for row in rows
        if row["sha256"] in retried
    ]
    if updates:  # first_seen_utc and path stay as first recorded
        table = RawDocument.__table__
        conn.execute(
            table.update().where(table.c.id == bindparam("rid")).values({k: bindparam(k) for k in RETRY_UPDATES}),
            updates,
        )
    return [retried[str(row["sha256"])] if row["sha256"] in retried else next(ids) for row in rows]


def _inserted_ids(
    conn: Connection, table: type, key: InstrumentedAttribute[str], rows: list[dict[str, object]]
) -> list[int]:
    """Insert `rows` in one multi-row INSERT ... RETURNING; their ids in `rows` order, matched by `key`.

    `key` is unique among the rows (and in the table).  SQLite does not promise RETURNING's row
    order, and asking SQLAlchemy for parameter order (`sort_by_parameter_order`) made it send one
    INSERT per row on SQLite: ~100 statements per batch for the articles and as many for the raw
    rows (0.x ms each).  The rows are inserted in the same order either way, so they get the same ids.
    """
    name = key.key
    found = dict(conn.execute(insert(conn, table).returning(key, table.id), rows).tuples().all())  # type: ignore[attr-defined]
    return [found[row[name]] for row in rows]


def _take_retried(results: Sequence[FileResult], existing: dict[str, StoredRaw]) -> dict[str, int]:
    """Files recorded as rejected and read again in this batch: sha256 -> raw id, taken out of `existing`."""
    retried: dict[str, int] = {}
    for result in results:
        row = existing.get(result.sha256)
        read_again = result.reason is not None or bool(result.documents)
        if row is not None and row.status == "rejected" and read_again:
            retried[result.sha256] = row.id
            del existing[result.sha256]
    return retried


def _new_files(results: Sequence[FileResult], existing: dict[str, StoredRaw]) -> list[FileResult]:
    """The first file of each content in the batch that is not stored yet."""
    first: dict[str, FileResult] = {}
    for result in results:
        if result.sha256 not in existing:
            first.setdefault(result.sha256, result)
    return list(first.values())


def _existing(conn: Connection, results: Sequence[FileResult]) -> dict[str, StoredRaw]:
    """sha256 -> (raw id, status, reason) of the batch's files already stored."""
    found: dict[str, StoredRaw] = {}
    stmt = select(RawDocument.sha256, RawDocument.id, RawDocument.status, RawDocument.reason)
    for condition in where_in(conn, RawDocument.sha256, sorted({r.sha256 for r in results})):
        for sha, raw_id, status, reason in conn.execute(stmt.where(condition)):
            found[sha] = StoredRaw(raw_id, status, reason)
    return found


def fetched_evidence(engine: Engine, hashes: Sequence[str]) -> dict[str, FetchedEvidence]:
    """sha256 -> what the feed said about the page saved with those bytes (harvested pages only)."""
    found: dict[str, FetchedEvidence] = {}
    with engine.connect() as conn:
        stmt = select(FeedItem.sha256, FeedItem.url, FeedItem.title, FeedItem.published, FeedItem.author)
        for condition in where_in(conn, FeedItem.sha256, sorted(set(hashes))):
            for sha, url, title, published, author in conn.execute(stmt.where(condition, FeedItem.status == "saved")):
                found.setdefault(sha, FetchedEvidence(url, title, published, author))
        conn.rollback()
    return found
