"""Inserting many rows at once at the hall, below SQLAlchemy's per-row work.

A push writes about four rows per operation (the row, its change, the operation, its unique keys). Core
``executemany`` spent more time building each row's parameters than SQLite spent storing them, so on
SQLite the driver's own ``executemany`` takes plain tuples, and on PostgreSQL ``COPY`` streams them (the
server parses one statement instead of one per row). Rows go in in the order given, so a table's
generated keys (``hall_change.seq``) follow that order. Other databases take the Core statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys, column names) into ``table``, in this order."""
    if not rows:
        return
    columns = list(rows[0])
    connection = session.connection()
    dialect = connection.dialect.name
    names = ", ".join(f'"{c}"' for c in columns)
    pick = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    if dialect == "sqlite":
        marks = ", ".join("?" for _ in columns)
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            # a generator, not a list: the rows are not copied (sqlite3 takes any iterable)
            cursor.executemany(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', map(pick, rows))  # type: ignore[arg-type]
        finally:
            cursor.close()
    elif dialect == "postgresql":
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for row in map(pick, rows):
                    copy.write_row(row)
        finally:
            cursor.close()
    else:
        session.execute(insert(table), list(rows))
