"""Read a run's database the way a downstream tool does, on SQLite or PostgreSQL alike.

`Reader(db)` takes a SQLite file path or an SQLAlchemy URL; queries are plain
SQL with `:name` parameters, rows come back as dicts (`rows`, `one`) or
tuples (`tuples`).  Each query opens and closes its own connection (no pool),
so a test can read while a run writes, and nothing stays open afterwards.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool


def as_url(db: str | os.PathLike[str]) -> str:
    value = str(db)
    return value if "://" in value else f"sqlite:///{value}"


class Reader:
    def __init__(self, db: str | os.PathLike[str]) -> None:
        url = as_url(db)
        args = {"timeout": 30} if url.startswith("sqlite") else {}
        self.engine = create_engine(url, poolclass=NullPool, connect_args=args)
        self.dialect = self.engine.dialect.name

    def tuples(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        with self.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]

    def rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(text(sql), params)]

    def one(self, sql: str, **params: Any) -> dict[str, Any] | None:
        found = self.rows(sql, **params)
        return found[0] if found else None

    def scalar(self, sql: str, **params: Any) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(text(sql), params).scalar()

    def tables(self) -> set[str]:
        from sqlalchemy import inspect

        return set(inspect(self.engine).get_table_names())

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
