"""The database schema of contract v1 (../shared/CONTRACT.md), as SQLAlchemy 2 typed ORM models.

Downstream tools read these tables directly: add tables and columns freely,
never rename or remove one.  `SCHEMA_VERSION` is stored in `schema_info` and
bumped with a migration step in `store.migrate` whenever this file changes.

One model serves SQLite and PostgreSQL.  Where the two differ, the type says
so: `Int64` is BIGINT on PostgreSQL (its INTEGER is 32-bit; LSH bucket keys
and file sizes need 64) and stays INTEGER on SQLite (64-bit already, and a
single-column INTEGER PRIMARY KEY is the rowid there), so the SQLite schema
is byte for byte the one older versions made.  docs/schema.md lists both.
"""

from __future__ import annotations

from sqlalchemy import (
    REAL,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

# The near-duplicate index's tables belong to dedup (imported here so that one
# MetaData, Base.metadata, holds the whole schema); Base and schema_info sit below both.
from axis_ingest.dedup.tables import MinHashBucket, MinHashBucketHot, MinHashSignature, MinHashStopBucket
from axis_ingest.schema_base import Base, Int64, Real8, SchemaInfo

SCHEMA_VERSION = 6

RAW_STATUSES = ("loaded", "duplicate", "rejected")


class RawDocument(Base):
    __tablename__ = "raw_documents"
    __table_args__ = (CheckConstraint("status IN ('loaded', 'duplicate', 'rejected')", name="raw_status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(Text, unique=True)
    path: Mapped[str] = mapped_column(Text)
    source_format: Mapped[str | None] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Int64)
    first_seen_utc: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)


class RawPath(Base):
    """Every path a raw file was seen at (an extension of the contract).

    `raw_documents` has one row per distinct content; a byte-identical copy at a
    second path, or a refused symlink, is traced here, so every file a user put in
    `raw/` can be looked up and has exactly one status (its raw document's).
    """

    __tablename__ = "raw_paths"

    path: Mapped[str] = mapped_column(Text, primary_key=True)
    raw_document_id: Mapped[int] = mapped_column(Integer, ForeignKey("raw_documents.id"), primary_key=True)
    first_seen_utc: Mapped[str] = mapped_column(Text)


class CurrentPath(Base):
    """Each input path with the content it held when it was last seen: the path's one status.

    The rule for a path's history (docs/schema.md, "One status per path"): `raw_documents`
    keeps one row per content ever seen, `raw_paths` every (path, content) pair ever seen,
    and this table the content each path holds now.  A file rejected and then fixed, or
    edited between runs, points here at its newest content; its older rows stay as history.
    Paths are absolute with their folders resolved (discover.recorded_path).
    """

    __tablename__ = "current_paths"

    path: Mapped[str] = mapped_column(Text, primary_key=True)
    raw_document_id: Mapped[int] = mapped_column(Integer, ForeignKey("raw_documents.id"), index=True)
    since_utc: Mapped[str] = mapped_column(Text)  # when the path was first seen with this content


class ChromeLine(Base):
    """Fingerprints of short lines seen in scraped pages, with how many documents had them.

    Lines that recur across documents are a site's chrome (menus, footers); the
    scraped-text reader drops them.  Persisted so learning carries across runs.
    """

    __tablename__ = "chrome_lines"

    fingerprint: Mapped[str] = mapped_column(Text, primary_key=True)
    documents: Mapped[int] = mapped_column(Integer)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_content_hash", "content_hash", unique=True),
        Index("ix_articles_duplicate_of", "duplicate_of"),
        Index("ix_articles_published_utc", "published_utc"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    title_derived: Mapped[int] = mapped_column(Integer, default=0)
    subtitle: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)
    published_utc: Mapped[str | None] = mapped_column(Text)
    # The calendar date of `published` (YYYY-MM-DD, the publisher's local date): one precision for
    # every row, so sorting and pandas' to_datetime work where `published` mixes dates and times.
    published_date: Mapped[str | None] = mapped_column(Text)
    modified_utc: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)
    dateline: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    source_format: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(Text)
    duplicate_of: Mapped[int | None] = mapped_column(Integer, ForeignKey("articles.id"))
    similarity: Mapped[float | None] = mapped_column(Real8)
    metadata_json: Mapped[str] = mapped_column("metadata", Text, default="{}")
    ingested_utc: Mapped[str] = mapped_column(Text)


class Run(Base):
    """One row per ingest run: when, with which options and version, and what it did.

    Written when the run starts (status `running`) and again when it ends
    (`completed`, `failed` or `interrupted`, with the counts); a row left
    `running` whose process is gone is a run that was killed.
    """

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_utc: Mapped[str] = mapped_column(Text)
    finished_utc: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    version: Mapped[str] = mapped_column(Text)
    options: Mapped[str] = mapped_column(Text, default="{}")  # JSON: paths, db, clean_dir, flags
    files_seen: Mapped[int | None] = mapped_column(Integer)
    loaded: Mapped[int | None] = mapped_column(Integer)
    duplicates: Mapped[int | None] = mapped_column(Integer)
    rejected: Mapped[int | None] = mapped_column(Integer)
    unchanged: Mapped[int | None] = mapped_column(Integer)
    new_articles: Mapped[int | None] = mapped_column(Integer)
    seconds: Mapped[float | None] = mapped_column(REAL)
    counts: Mapped[str | None] = mapped_column(Text)  # JSON: every count of the run summary, by its key
    error: Mapped[str | None] = mapped_column(Text)


class ArticleSource(Base):
    __tablename__ = "article_sources"
    __table_args__ = (Index("ix_article_sources_article", "article_id"),)

    raw_document_id: Mapped[int] = mapped_column(Integer, ForeignKey("raw_documents.id"), primary_key=True)
    item: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id"))


class AuthorRow(Base):
    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class ArticleAuthor(Base):
    __tablename__ = "article_authors"

    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id"), primary_key=True)
    author_id: Mapped[int] = mapped_column(Integer, ForeignKey("authors.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(Text)


__all__ = [
    "RAW_STATUSES",
    "SCHEMA_VERSION",
    "UNIQUE_ARTICLES_VIEW",
    "Article",
    "ArticleAuthor",
    "ArticleSource",
    "AuthorRow",
    "Base",
    "ChromeLine",
    "Int64",
    "MinHashBucket",
    "MinHashBucketHot",
    "MinHashSignature",
    "MinHashStopBucket",
    "RawDocument",
    "RawPath",
    "Real8",
    "SchemaInfo",
]


class ArticleVersion(Base):
    """Versions of one story as its source edits it (WordPress posts, by site and post id).

    Articles are never updated: an edited post arrives again with a new
    `modified_gmt` and new text, and becomes a new `articles` row (usually a
    near-duplicate of its previous version, so `unique_articles` keeps one row
    per story).  This table links the versions: `version` counts from 1 in the
    order they were stored, `previous_id` is the version before.
    """

    __tablename__ = "article_versions"
    __table_args__ = (Index("ix_article_versions_story", "story_key", "version", unique=True),)

    article_id: Mapped[int] = mapped_column(Integer, ForeignKey("articles.id"), primary_key=True, autoincrement=False)
    story_key: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    previous_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("articles.id"))
    modified_utc: Mapped[str | None] = mapped_column(Text)


class HarvestSource(Base):
    """One configured harvest source (a WordPress site or a feed) and where its last harvest stopped."""

    __tablename__ = "harvest_sources"
    __table_args__ = (UniqueConstraint("kind", "url", name="uq_harvest_sources_kind_url"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(Text)  # "wordpress" | "feed"
    url: Mapped[str] = mapped_column(Text)  # the site or feed URL as configured
    site: Mapped[str] = mapped_column(Text)  # folder name under raw/ (the host)
    cursor: Mapped[str | None] = mapped_column(Text)  # WordPress: newest modified_gmt (or date_gmt) seen, UTC
    cursor_param: Mapped[str | None] = mapped_column(Text)  # "modified_after", or "after" on old WordPress
    etag: Mapped[str | None] = mapped_column(Text)  # feed: validators for the next conditional GET
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_harvest_utc: Mapped[str | None] = mapped_column(Text)
    last_outcome: Mapped[str | None] = mapped_column(Text)  # a one-line summary of the last harvest


class HarvestFetch(Base):
    """Every URL a harvest asked for and what came of it (after retries): the harvest's log.

    `status`: `saved` (a raw file was written: `raw_path`, `sha256`), `not_modified`
    (a feed answered 304), `failed` (`http_status` and `reason` say why).
    """

    __tablename__ = "harvest_fetches"
    __table_args__ = (Index("ix_harvest_fetches_source", "source_id", "fetched_utc"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(Integer, ForeignKey("harvest_sources.id"))
    url: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text)  # "wordpress_page" | "feed" | "page"
    status: Mapped[str] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    raw_path: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(Text)
    fetched_utc: Mapped[str] = mapped_column(Text)


class FeedItem(Base):
    """One feed item's link: fetched once, with the item's own title, date and author.

    The ingest reads `title`, `published` and `author` as evidence for the page
    saved at `raw_path` (looked up by its `sha256`); a link already `saved` is
    never fetched again, a `failed` one is tried again when the feed lists it.
    """

    __tablename__ = "feed_items"
    __table_args__ = (Index("ix_feed_items_sha256", "sha256"),)

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    source_id: Mapped[int] = mapped_column(Integer, ForeignKey("harvest_sources.id"))
    status: Mapped[str] = mapped_column(Text)  # "saved" | "failed"
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(Text)  # as the feed states it (RFC 822 / RFC 3339)
    author: Mapped[str | None] = mapped_column(Text)
    raw_path: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_utc: Mapped[str] = mapped_column(Text)
    fetched_utc: Mapped[str | None] = mapped_column(Text)


UNIQUE_ARTICLES_QUERY = "SELECT * FROM articles WHERE duplicate_of IS NULL"

# The statement that creates the view (or brings it up to date with the articles columns) per database.
# PostgreSQL expands `*` when the view is made, so CREATE OR REPLACE adds columns added to articles since.
UNIQUE_ARTICLES_VIEW = {
    "sqlite": f"CREATE VIEW IF NOT EXISTS unique_articles AS {UNIQUE_ARTICLES_QUERY}",
    "postgresql": f"CREATE OR REPLACE VIEW unique_articles AS {UNIQUE_ARTICLES_QUERY}",
}
