"""The statements that differ between SQLite and PostgreSQL, in one place for the store and the dedup index.

- `insert`: an INSERT that takes ON CONFLICT clauses (each dialect has its own construct).
- `where_in`: `column IN (...)` in chunks on SQLite (it bounds bound parameters), one
  `column = ANY(:array)` on PostgreSQL (one parameter whatever the count, one plan).
- `copy_rows`: bulk rows through PostgreSQL's COPY (psycopg's `cursor.copy`) on the
  caller's connection and transaction; `None` elsewhere, so the caller uses its own path.

Measured with a probe of 2,000 generated files on PostgreSQL 15: row-by-row
bucket inserts and 5,000-placeholder IN lookups were most of the store time,
and COPY plus `= ANY` cut the store time by about a third (docs/scaling.md).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ARRAY, BigInteger, Column, Connection, Table, Text, any_, bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

# Values per IN list on SQLite: far below its 32,766 bound parameters.
IN_CHUNK = 500


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def insert(conn: Connection, table: Any) -> Any:
    """An INSERT that can take ON CONFLICT clauses on SQLite and PostgreSQL."""
    return (postgresql if is_postgres(conn) else sqlite).insert(table)


def where_in(
    conn: Connection,
    column: InstrumentedAttribute[Any] | Column[Any],
    values: Sequence[Any],
    chunk: int = IN_CHUNK,
) -> Iterator[ColumnElement[bool]]:
    """Conditions that together select the rows whose `column` is in `values` (run one query per condition)."""
    if not values:
        return
    if is_postgres(conn):
        element = Text() if isinstance(values[0], str) else BigInteger()
        yield column == any_(bindparam(None, list(values), type_=ARRAY(element)))
        return
    for start in range(0, len(values), chunk):
        yield column.in_(list(values[start : start + chunk]))


def copy_rows(conn: Connection, table: Table | str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
    """COPY `rows` into `table` on PostgreSQL in `conn`'s transaction; False (nothing done) on other databases."""
    if not is_postgres(conn):
        return False
    if not rows:
        return True
    name = table if isinstance(table, str) else table.name
    driver_connection = conn.connection.driver_connection
    with (
        driver_connection.cursor() as cursor,  # type: ignore[union-attr]
        cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)
    return True
