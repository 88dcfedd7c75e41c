"""The digest: one SHA-256 over every synced row in a canonical form.

Two databases hold the same synced data if and only if their digests match. The canonical form, hashed
as UTF-8 with a newline after each line:

    line per live row, tables by name, rows by uid:
        ["<table>","<uid>",<version>,{"<field>":<value>,…}]
    JSON with keys sorted, no spaces, non-ASCII kept as is; values as SQLite holds them
    (text, integer, real, null). Deleted rows are absent.

The station computes it from its tables, the hall from its copy; ``station sync status`` and
``station hall digest`` print it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from station.contributions import SyncedTable


def line(table: str, uid: str, version: int, data: dict[str, Any]) -> bytes:
    text = json.dumps([table, uid, version, data], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8") + b"\n"


def of_lines(lines: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for item in lines:
        digest.update(item)
    return digest.hexdigest()


def station_lines(conn: sqlite3.Connection, tables: Sequence[SyncedTable]) -> Iterable[bytes]:
    for table in sorted(tables, key=lambda t: t.name):
        columns = ", ".join(f'"{f}"' for f in table.fields)
        for row in conn.execute(f'SELECT uid, version, {columns} FROM "{table.name}" ORDER BY uid'):
            yield line(table.name, row[0], row[1], dict(zip(table.fields, row[2:], strict=True)))


def of_station(conn: sqlite3.Connection, tables: Sequence[SyncedTable]) -> str:
    return of_lines(station_lines(conn, tables))
