"""The declarative base every table shares, and `schema_info`: the bottom of the database schema.

Tables are defined by the package that owns them (`store.schema` the contract's
tables, `dedup.tables` the near-duplicate index) on this one `Base`, so one
MetaData holds the whole schema, foreign keys between them resolve, and
`Base.metadata.create_all` builds it; neither package imports the other's tables.
"""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SchemaInfo(Base):
    """Key/value facts about the database itself: schema version, MinHash parameters."""

    __tablename__ = "schema_info"
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)
