"""The declarative base every table shares, and `schema_info`: the bottom of the database schema.

Tables are defined by the package that owns them (`store.schema` the contract's
tables, `dedup.tables` the near-duplicate index) on this one `Base`, so one
MetaData holds the whole schema, foreign keys between them resolve, and
`Base.metadata.create_all` builds it; neither package imports the other's tables.
"""

from __future__ import annotations

from sqlalchemy import DOUBLE_PRECISION, REAL, BigInteger, Integer, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# A 64-bit integer on every database: BIGINT on PostgreSQL, INTEGER (already 64-bit) on SQLite.
Int64 = BigInteger().with_variant(Integer(), "sqlite")
# An 8-byte float on every database: SQLite's REAL is one, PostgreSQL's REAL is 4 bytes.
Real8 = REAL().with_variant(DOUBLE_PRECISION(), "postgresql")


class Base(DeclarativeBase):
    pass


class SchemaInfo(Base):
    """Key/value facts about the database itself: schema version, MinHash parameters."""

    __tablename__ = "schema_info"
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
