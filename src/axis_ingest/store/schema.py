"""The database schema of contract v1 (../shared/CONTRACT.md), as SQLAlchemy 2 typed ORM models.

Downstream tools read these tables directly: add tables and columns freely,
never rename or remove one.  `SCHEMA_VERSION` is stored in `schema_info` and
bumped with a migration step in `store.migrate` whenever this file changes.
"""

from __future__ import annotations

from sqlalchemy import (
    REAL,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

# The near-duplicate index's tables belong to dedup (imported here so that one
# MetaData, Base.metadata, holds the whole schema); Base and schema_info sit below both.
from axis_ingest.dedup.tables import MinHashBucket, MinHashBucketHot, MinHashSignature, MinHashStopBucket
from axis_ingest.schema_base import Base, SchemaInfo

SCHEMA_VERSION = 3

RAW_STATUSES = ("loaded", "duplicate", "rejected")


class RawDocument(Base):
    __tablename__ = "raw_documents"
    __table_args__ = (CheckConstraint("status IN ('loaded', 'duplicate', 'rejected')", name="raw_status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(Text, unique=True)
    path: Mapped[str] = mapped_column(Text)
    source_format: Mapped[str | None] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Integer)
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
    similarity: Mapped[float | None] = mapped_column(REAL)
    metadata_json: Mapped[str] = mapped_column("metadata", Text, default="{}")
    ingested_utc: Mapped[str] = mapped_column(Text)


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
    "MinHashBucket",
    "MinHashBucketHot",
    "MinHashSignature",
    "MinHashStopBucket",
    "RawDocument",
    "RawPath",
    "SchemaInfo",
]

UNIQUE_ARTICLES_VIEW = "CREATE VIEW IF NOT EXISTS unique_articles AS SELECT * FROM articles WHERE duplicate_of IS NULL"
