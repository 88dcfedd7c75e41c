"""The station's side of the protocol on a plain sqlite3 connection: the outbox, the cursor, applying pages.

Every function that writes runs one ``BEGIN IMMEDIATE`` transaction: a page of the hall's changes and the
cursor that moves past it land together, so a sync killed at any point resumes where it stood.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.contributions import SyncedTable

CURSOR_KEY = "sync.cursor"
LAST_SYNC_KEY = "sync.last_sync_at"


@contextmanager
def connect(db_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)  # transactions are explicit
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        yield conn
    finally:
        conn.close()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM station_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _put_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO station_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def cursor(conn: sqlite3.Connection) -> int:
    return int(_meta(conn, CURSOR_KEY) or 0)


def pending(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]


def open_conflicts(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sync_conflict WHERE status = 'open'").fetchone()[0]


def batch(conn: sqlite3.Connection, limit: int = 500) -> list[dict[str, Any]]:
    """The oldest outbox entries, in order, as the hall's push takes them."""
    rows = conn.execute(
        "SELECT seq, op_uid, table_name, row_uid, base_version, op, changed, row_json, at "
        "FROM sync_outbox ORDER BY seq LIMIT ?",
        (limit,),
    ).fetchall()
    return [
        {
            "seq": seq,
            "op_uid": op_uid,
            "table": table,
            "uid": uid,
            "base_version": base,
            "op": op,
            "changed": [f for f in changed.split(",") if f],
            "row": json.loads(row) if row else None,
            "at": at,
        }
        for seq, op_uid, table, uid, base, op, changed, row, at in rows
    ]


def acknowledge(conn: sqlite3.Connection, upto_seq: int) -> int:
    """Drop what the hall has committed; returns how many entries went."""
    with transaction(conn):
        return conn.execute("DELETE FROM sync_outbox WHERE seq <= ?", (upto_seq,)).rowcount


@dataclass
class Applied:
    applied: int = 0
    kept_local: int = 0  # rows with unpushed local changes: never overwritten
    refused: int = 0  # rows the station could not take (kept for review)


def apply_page(
    conn: sqlite3.Connection,
    tables: Mapping[str, SyncedTable],
    changes: Sequence[dict[str, Any]],
    new_cursor: int,
    now: str,
) -> Applied:
    result = Applied()
    with transaction(conn):
        conn.execute("UPDATE sync_apply_guard SET applying = 1")  # the capture triggers stay quiet
        for change in changes:
            table = tables.get(change["table"])
            if table is None:
                continue  # a table of a plugin this station does not run
            if conn.execute(
                "SELECT 1 FROM sync_outbox WHERE table_name = ? AND row_uid = ? LIMIT 1", (table.name, change["uid"])
            ).fetchone():
                result.kept_local += 1
                continue
            try:
                _apply_one(conn, table, change)
                result.applied += 1
            except sqlite3.IntegrityError as exc:
                result.refused += 1
                conn.execute(
                    "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, "
                    "created_at) VALUES (?, ?, ?, ?, ?, NULL, '', 'open', ?) ON CONFLICT(hall_id) DO NOTHING",
                    (
                        -int(change["seq"]),
                        table.name,
                        change["uid"],
                        f"本站不能接受这条记录：{exc}",
                        json.dumps(change.get("data"), ensure_ascii=False),
                        now,
                    ),
                )
        conn.execute("UPDATE sync_apply_guard SET applying = 0")
        _put_meta(conn, CURSOR_KEY, str(new_cursor))
    return result


def _apply_one(conn: sqlite3.Connection, table: SyncedTable, change: dict[str, Any]) -> None:
    name = f'"{table.name}"'
    if change["deleted"]:
        conn.execute(f"DELETE FROM {name} WHERE uid = ?", (change["uid"],))
        return
    data = change["data"]
    values = [data.get(f) for f in table.fields]
    sets = ", ".join(f'"{f}" = ?' for f in table.fields)
    updated = conn.execute(
        f"UPDATE {name} SET {sets}, version = ? WHERE uid = ?", (*values, change["version"], change["uid"])
    ).rowcount
    if not updated:
        columns = ", ".join(f'"{f}"' for f in table.fields)
        marks = ", ".join("?" for _ in table.fields)
        conn.execute(
            f"INSERT INTO {name} (uid, version, {columns}) VALUES (?, ?, {marks})",
            (change["uid"], change["version"], *values),
        )


def store_conflicts(conn: sqlite3.Connection, conflicts: Sequence[dict[str, Any]]) -> int:
    with transaction(conn):
        before = conn.total_changes
        for c in conflicts:
            conn.execute(
                "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?) ON CONFLICT(hall_id) DO NOTHING",
                (
                    c["id"],
                    c["table"],
                    c["uid"],
                    c["reason"],
                    json.dumps(c["theirs"], ensure_ascii=False),
                    json.dumps(c["ours"], ensure_ascii=False),
                    ",".join(c["fields"]),
                    c["created_at"],
                ),
            )
        return conn.total_changes - before


def last_conflict_id(conn: sqlite3.Connection) -> int:
    # Conflicts found by the station itself carry negative ids: only the hall's count here.
    return conn.execute("SELECT coalesce(max(hall_id), 0) FROM sync_conflict WHERE hall_id > 0").fetchone()[0]


def mark_synced(conn: sqlite3.Connection, at: str) -> None:
    with transaction(conn):
        _put_meta(conn, LAST_SYNC_KEY, at)


def last_sync(conn: sqlite3.Connection) -> str | None:
    return _meta(conn, LAST_SYNC_KEY)
