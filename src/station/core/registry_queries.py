"""Read queries behind the enterprise list, on any DB-API sqlite3 connection.

The registry page runs them on a plain sqlite3 connection so its first rows show before SQLAlchemy has
loaded; the services run the very same functions on the connection under their SQLAlchemy session.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

LIST_COLUMNS = ("uscc", "name", "legal_rep", "industry_code", "zone", "stage", "registered_capital_fen")
_CHUNK = 500  # stay under SQLite's bound-parameter limit
MANY = 2000  # above this many matches, order by walking the name index instead of sorting
_CODE_PART = re.compile(r"[0-9A-Z]+")  # what a piece of a credit code can look like


def _fts_phrase(fragment: str) -> str:
    return '"' + fragment.replace('"', '""') + '"'


def _like(fragment: str) -> str:
    return "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_ids(conn: sqlite3.Connection, query: str = "", limit: int | None = None) -> list[int]:
    """Ids of enterprises whose name, credit code or legal representative contains ``query``, by name.

    Three characters or more go through the trigram index of names and people; a query that could be part
    of a credit code also scans the narrow unique index of codes (about 20 ms at 100,000). A search that
    matches a large share of the park is then ordered by walking the name index (bounded, about 30 ms at
    100,000) rather than by sorting the matches (which grows with them). One or two characters cannot be
    indexed by trigrams: they scan the covering (name, legal_rep, uscc) index, which is small and already
    in name order.
    """
    query = " ".join(query.split())
    tail = f" LIMIT {int(limit)}" if limit else ""
    params: tuple[str, ...]
    if not query:
        sql, params = "SELECT id FROM enterprise ORDER BY name, id" + tail, ()
    elif len(query) >= 3:
        fts = "SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH ?1"
        matching, walk, params = fts, f"id IN ({fts})", (_fts_phrase(query),)
        if _CODE_PART.fullmatch(query.upper()):
            matching += " UNION ALL SELECT id FROM enterprise WHERE instr(uscc, ?2) > 0"
            walk = f"instr(uscc, ?2) > 0 OR {walk}"  # the walked index holds the code: no second scan
            params = (*params, query.upper())
        found = [row[0] for row in conn.execute(f"{matching} LIMIT {MANY + 1}", params)]
        if len(found) <= MANY:  # few: sorted as they are
            sql = "SELECT id FROM enterprise WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY name, id" + tail
            params = (json.dumps(found),)
        else:
            sql = f"SELECT id FROM enterprise INDEXED BY ix_enterprise_search WHERE {walk} ORDER BY name, id" + tail
    elif query.isascii():  # a code fragment or Latin letters: case-insensitive
        sql = (
            "SELECT id FROM enterprise INDEXED BY ix_enterprise_search WHERE name LIKE ?1 ESCAPE '\\' "
            "OR legal_rep LIKE ?1 ESCAPE '\\' OR uscc LIKE ?2 ESCAPE '\\' ORDER BY name, id" + tail
        )
        params = (_like(query), _like(query.upper())[1:])
    else:
        sql = (
            "SELECT id FROM enterprise INDEXED BY ix_enterprise_search "
            "WHERE instr(name, ?1) > 0 OR instr(legal_rep, ?1) > 0 ORDER BY name, id" + tail
        )
        params = (query,)
    return [row[0] for row in conn.execute(sql, params)]


def rows_for(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The list columns of the given enterprises, keyed by id (the lazy table model's page fetch)."""
    found: dict[int, tuple[Any, ...]] = {}
    columns = ", ".join(LIST_COLUMNS)
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(f"SELECT id, {columns} FROM enterprise WHERE id IN ({marks})", chunk):
            found[row[0]] = tuple(row[1:])
    return found
