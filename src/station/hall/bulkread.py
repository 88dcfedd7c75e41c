"""Looking up many keys at once at the hall, below SQLAlchemy's per-statement work.

A push looks each of its operations up several times (is it taken, its row, its aliases, its unique keys).
Core's expanding ``IN`` compiled a new statement for every list of keys, and PostgreSQL parsed and planned
each anew: on a first upload that cost more than the writes. Here SQLite gets one plain statement per 500
keys through the driver, and PostgreSQL one ``= ANY(%s)`` with the keys as an array, whatever their number.
Other databases take the Core statement.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

CHUNK = 500  # keys per statement on SQLite: far below its limit of bound values


def lookup(
    session: Session, table: Table, columns: Sequence[str], key: str, keys: Collection[str], **equal: str
) -> Iterator[tuple[Any, ...]]:
    """``columns`` of the rows of ``table`` whose ``key`` is one of ``keys`` and whose other columns equal
    ``equal`` (``table_name="enterprise"``), as tuples in no particular order."""
    if not keys:
        return
    wanted = sorted(keys)  # the same statements for the same keys, and index order on SQLite
    connection = session.connection()
    dialect = connection.dialect.name
    names = ", ".join(f'"{c}"' for c in columns)
    fixed = "".join(f' AND "{c}" = %s' for c in equal)
    if dialect == "postgresql":
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(
                f'SELECT {names} FROM "{table.name}" WHERE "{key}" = ANY(%s){fixed}', [wanted, *equal.values()]
            )
            yield from cursor.fetchall()
        finally:
            cursor.close()
    elif dialect == "sqlite":
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        fixed = fixed.replace("%s", "?")
        try:
            for start in range(0, len(wanted), CHUNK):
                chunk = wanted[start : start + CHUNK]
                marks = ", ".join("?" * len(chunk))
                cursor.execute(
                    f'SELECT {names} FROM "{table.name}" WHERE "{key}" IN ({marks}){fixed}', [*chunk, *equal.values()]
                )
                yield from cursor.fetchall()
        finally:
            cursor.close()
    else:
        where = [table.c[c] == v for c, v in equal.items()]
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            found = session.execute(select(*(table.c[c] for c in columns)).where(table.c[key].in_(chunk), *where))
            yield from (tuple(row) for row in found)
