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
BULK_KEY = "sync.bulk"  # what a bulk load took off, to be put back (JSON)
BULK_MIN_ROWS = 500  # a page that brings at least this many rows into an empty table loads in bulk


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
    bulk: bool = False,
) -> Applied:
    """Apply a page of the hall's changes and move the cursor past it, in one transaction.

    Each change carries the row's full state, so only the last change of a row in the page matters. Rows
    go in with one ``executemany`` per table and kind; a row the station cannot take is retried alone and
    kept for review. With ``bulk``, a page that fills an empty table first takes off its secondary indexes
    and full-text triggers (``finish_bulk`` puts them back and rebuilds once, at the end of the pull).
    """
    result = Applied()
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for change in changes:
        if change["table"] in tables:  # else: a table of a plugin this station does not run
            latest[(change["table"], change["uid"])] = change
    with transaction(conn):
        conn.execute("UPDATE sync_apply_guard SET applying = 1")  # the capture triggers stay quiet
        for table in tables.values():
            mine = [c for (name, _), c in latest.items() if name == table.name]
            if not mine:
                continue
            # A row this station holds under a uid the hall merged into another (the same enterprise
            # entered here and elsewhere) takes the surviving uid, unless it still has changes to push.
            merged = {a: c for c in mine for a in c.get("aliases") or ()}
            unpushed = _existing(
                conn,
                "SELECT DISTINCT row_uid FROM sync_outbox WHERE table_name = ? AND row_uid IN",
                [c["uid"] for c in mine] + list(merged),
                prefix=(table.name,),
            )
            # A change waits while its row, or a row merged into it, has changes of this station to push.
            waiting = {merged[u]["uid"] if u in merged else u for u in unpushed}
            if merged:
                held = _existing(conn, f'SELECT uid FROM "{table.name}" WHERE uid IN', list(merged))
                for alias in sorted(held):
                    if merged[alias]["uid"] not in waiting:
                        _rekey(conn, tables, table, alias, merged[alias]["uid"])
            result.kept_local += sum(1 for c in mine if c["uid"] in waiting)
            mine = [c for c in mine if c["uid"] not in waiting]
            present = _existing(conn, f'SELECT uid FROM "{table.name}" WHERE uid IN', [c["uid"] for c in mine])
            if bulk and len(mine) - len(present) >= BULK_MIN_ROWS:
                _enter_bulk(conn, table.name)
            _apply_many(conn, table, mine, present, result, now)
        conn.execute("UPDATE sync_apply_guard SET applying = 0")
        _put_meta(conn, CURSOR_KEY, str(new_cursor))
    return result


def _enter_bulk(conn: sqlite3.Connection, table: str) -> None:
    """Take off an empty table's secondary indexes and full-text triggers for a bulk load, recording them
    in the same transaction so that ``finish_bulk`` can always put them back, even after a crash.

    Unique indexes stay (they keep the data right); so do the sync capture triggers (quiet while applying).
    Building an index and the trigram index once at the end is 5-7x cheaper than maintaining them per row."""
    saved = json.loads(_meta(conn, BULK_KEY) or "{}")
    if table in saved or conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone():
        return
    objects = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL AND name NOT LIKE 'sync\\_%' ESCAPE '\\'",
        (table,),
    ).fetchall()
    objects = [(kind, name, sql) for kind, name, sql in objects if not sql.upper().startswith("CREATE UNIQUE")]
    fts = [
        name
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'")
        if f"content='{table}'" in sql.replace('"', "'") or f"content={table}," in sql
    ]
    saved[table] = {"create": [sql for _, _, sql in objects], "rebuild": fts}
    for kind, name, _ in objects:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    _put_meta(conn, BULK_KEY, json.dumps(saved))


def finish_bulk(conn: sqlite3.Connection) -> list[str]:
    """Put back what bulk loads took off and rebuild the full-text indexes, in one transaction. Safe to call
    any time (start-up does, in case a sync was killed in the middle); returns the tables it finished."""
    if _meta(conn, BULK_KEY) is None:
        return []
    with transaction(conn):
        saved = json.loads(_meta(conn, BULK_KEY) or "{}")
        for spec in saved.values():
            for sql in spec["create"]:
                conn.execute(sql)
            for fts in spec["rebuild"]:
                conn.execute(f'INSERT INTO "{fts}"("{fts}") VALUES (\'rebuild\')')
        conn.execute("DELETE FROM station_meta WHERE key = ?", (BULK_KEY,))
    return sorted(saved)


def _rekey(conn: sqlite3.Connection, tables: Mapping[str, SyncedTable], table: SyncedTable, old: str, new: str) -> None:
    """Give the local row ``old`` the uid ``new`` (the hall merged them), and every reference to it.

    Local integer ids stay, so local foreign keys are untouched. If the station already holds ``new``
    too, the references move to it and ``old`` goes."""
    for other in tables.values():
        for column, target in other.refs:
            if target == table.name:
                conn.execute(f'UPDATE "{other.name}" SET "{column}" = ? WHERE "{column}" = ?', (new, old))
    if conn.execute(f'SELECT 1 FROM "{table.name}" WHERE uid = ?', (new,)).fetchone():
        conn.execute(f'DELETE FROM "{table.name}" WHERE uid = ?', (old,))
    else:
        conn.execute(f'UPDATE "{table.name}" SET uid = ? WHERE uid = ?', (new, old))


def _existing(conn: sqlite3.Connection, sql: str, uids: Sequence[str], prefix: tuple[Any, ...] = ()) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(uids), 500):
        chunk = list(uids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in conn.execute(f"{sql} ({marks})", (*prefix, *chunk)))
    return found


def _apply_many(
    conn: sqlite3.Connection,
    table: SyncedTable,
    changes: Sequence[dict[str, Any]],
    present: set[str],
    result: Applied,
    now: str,
) -> None:
    name, fields = f'"{table.name}"', table.fields
    columns = ", ".join(f'"{f}"' for f in fields)
    sets = ", ".join(f'"{f}" = ?' for f in fields)
    marks = ", ".join("?" for _ in fields)
    work = (  # (statement, rows, position of the uid in a row)
        (f"DELETE FROM {name} WHERE uid = ?", [(c["uid"],) for c in changes if c["deleted"]], 0),
        (
            f"UPDATE {name} SET {sets}, version = ? WHERE uid = ?",
            [
                (*(c["data"].get(f) for f in fields), c["version"], c["uid"])
                for c in changes
                if not c["deleted"] and c["uid"] in present
            ],
            -1,
        ),
        (
            f"INSERT INTO {name} (uid, version, {columns}) VALUES (?, ?, {marks})",
            [
                (c["uid"], c["version"], *(c["data"].get(f) for f in fields))
                for c in changes
                if not c["deleted"] and c["uid"] not in present
            ],
            0,
        ),
    )
    by_uid = {c["uid"]: c for c in changes}
    for sql, rows, uid_at in work:
        if not rows:
            continue
        conn.execute("SAVEPOINT bulk")
        try:
            conn.executemany(sql, rows)
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO bulk")
            conn.execute("RELEASE bulk")
        else:
            conn.execute("RELEASE bulk")
            result.applied += len(rows)
            continue
        for row in rows:  # one by one: take what fits, keep the rest for review
            try:
                conn.execute(sql, row)
                result.applied += 1
            except sqlite3.IntegrityError as exc:
                result.refused += 1
                change = by_uid[row[uid_at]]
                conn.execute(
                    "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, "
                    "created_at, hall_row, hall_version) VALUES (?, ?, ?, ?, ?, NULL, '', 'open', ?, 'row', ?) "
                    "ON CONFLICT(hall_id) DO NOTHING",
                    (
                        -int(change["seq"]),
                        table.name,
                        row[uid_at],
                        f"本站不能接受服务大厅的这条记录：{exc}",
                        json.dumps(change.get("data"), ensure_ascii=False),
                        now,
                        change["version"],
                    ),
                )


def store_conflicts(conn: sqlite3.Connection, conflicts: Sequence[dict[str, Any]]) -> int:
    with transaction(conn):
        before = conn.total_changes
        for c in conflicts:
            conn.execute(
                "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, "
                "created_at, hall_row, hall_version) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) "
                "ON CONFLICT(hall_id) DO NOTHING",
                (
                    c["id"],
                    c["table"],
                    c["uid"],
                    c["reason"],
                    json.dumps(c["theirs"], ensure_ascii=False),
                    json.dumps(c["ours"], ensure_ascii=False),
                    ",".join(c["fields"]),
                    c["created_at"],
                    c.get("hall_row", "row"),
                    c.get("hall_version"),
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
