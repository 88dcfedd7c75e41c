"""The station's side of the protocol on a plain sqlite3 connection: the outbox, the cursor, conflicts.

Every function that writes runs one ``BEGIN IMMEDIATE`` transaction. Applying the hall's pages is in
``pages``; a first sync's bulk load in ``bulk``.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

log = logging.getLogger(__name__)

CURSOR_KEY = "sync.cursor"
# Conflict kinds the hall's write policy decided (another station's row, an append-only record, a table the
# hall publishes): sending the change again would be refused again.
HALL_DECIDES = frozenset({"owner", "delete", "append", "hall", "table"})
LAST_SYNC_KEY = "sync.last_sync_at"


@contextmanager
def connect(db_path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)  # transactions are explicit
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA cache_size = -32768")  # 32 MiB as the application's, used only as needed
        # As the application's too: in WAL mode a commit is atomic without waiting for the disk; what a power
        # cut loses is the last pages, which the cursor loses with them, so the next sync takes them again.
        conn.execute("PRAGMA synchronous = NORMAL")
        yield conn
    finally:
        conn.close()


@contextmanager
def checkpoints_aside(conn: sqlite3.Connection, db_path: Path, every_s: float = 0.5) -> Iterator[None]:
    """While ``conn`` writes much, checkpoint the WAL on a thread and connection of its own.

    SQLite's automatic checkpoint copies the WAL into the database inside the writer's ``COMMIT``, which on
    a first sync took about a tenth of the writer's time; a PASSIVE checkpoint from another connection never
    blocks the writer, and runs on the other core."""
    done = threading.Event()

    def run() -> None:
        other = sqlite3.connect(db_path, timeout=30, isolation_level=None)
        try:
            while not done.wait(every_s):
                other.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error:  # the writer's own checkpoints take over when it is done
            log.warning("checkpointing beside the sync stopped", exc_info=True)
        finally:
            other.close()

    (automatic,) = conn.execute("PRAGMA wal_autocheckpoint").fetchone()
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    thread = threading.Thread(target=run, name="sync-checkpoint", daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(automatic)}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One ``BEGIN IMMEDIATE`` transaction; inside another, a savepoint of it (the outer one commits)."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT nested")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO nested")
            conn.execute("RELEASE nested")
            raise
        conn.execute("RELEASE nested")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM station_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def put_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO station_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def cursor(conn: sqlite3.Connection) -> int:
    return int(meta(conn, CURSOR_KEY) or 0)


def pending(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]


def open_conflicts(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM sync_conflict WHERE status = 'open'").fetchone()[0]


def batch(conn: sqlite3.Connection, limit: int = 500, after: int = 0) -> list[dict[str, Any]]:
    """The oldest outbox entries after sequence number ``after``, in order, as the hall's push takes them."""
    rows = conn.execute(
        "SELECT seq, op_uid, table_name, row_uid, base_version, op, changed, row_json, at "
        "FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
        (after, limit),
    ).fetchall()
    loads = orjson.loads
    return [
        {
            "seq": seq,
            "op_uid": op_uid,
            "table": table,
            "uid": uid,
            "base_version": base,
            "op": op,
            "changed": _names(changed),
            "row": loads(row) if row else None,
            "at": at,
        }
        for seq, op_uid, table, uid, base, op, changed, row, at in rows
    ]


def _names(changed: str) -> list[str]:
    """The field names the capture triggers joined with commas."""
    names = changed.split(",") if changed else []
    return [n for n in names if n] if "" in names else names


def acknowledge(
    conn: sqlite3.Connection, op_uids: Sequence[str], sent: Sequence[Mapping[str, Any]] | None = None
) -> int:
    """Drop exactly the operations the hall has committed, named by their uids (never "everything up to a
    number": a restored or re-enrolled station numbers its outbox afresh); returns how many went.

    ``sent``: the operations of the request answered, read in order from the outbox. When the hall took all
    of them (as it does), they go as the range of sequence numbers they are, read in order, instead of
    looked up one by one: the push holds the outbox's write lock since it read them, so the range holds
    exactly them."""
    with transaction(conn):
        if sent and len(op_uids) == len(sent) and set(op_uids) == {op["op_uid"] for op in sent}:
            first, last = sent[0]["seq"], sent[-1]["seq"]
            in_range = conn.execute("SELECT count(*) FROM sync_outbox WHERE seq BETWEEN ? AND ?", (first, last))
            if in_range.fetchone()[0] == len(sent):
                return conn.execute("DELETE FROM sync_outbox WHERE seq BETWEEN ? AND ?", (first, last)).rowcount
        gone = 0
        for start in range(0, len(op_uids), 500):
            chunk = list(op_uids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            gone += conn.execute(f"DELETE FROM sync_outbox WHERE op_uid IN ({marks})", chunk).rowcount
        return gone


def set_aside(conn: sqlite3.Connection, op: dict[str, Any], problem: str, now: str) -> None:
    """Take an operation that may not travel out of the outbox into a conflict of this station's own, so
    one bad value does not hold up every change after it; the clerk sees it with the reason."""
    with transaction(conn):
        conn.execute("DELETE FROM sync_outbox WHERE op_uid = ?", (op["op_uid"],))
        conn.execute(
            "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, "
            "created_at, hall_row, hall_version, kind) "
            # Below every id a refused pull takes (minus its change's sequence number, at most 2**31 - 1).
            "VALUES ((SELECT min(-2147483648, coalesce(min(hall_id), 0)) - 1 FROM sync_conflict), ?, ?, ?, ?, NULL, ?, "
            "'open', ?, 'unknown', NULL, 'invalid')",
            (
                _printable(op["table"]),
                _printable(op["uid"]),
                f"本站的这条修改含有不能上传的值（{problem}），没有上传。请改正这条记录后再同步。",
                json.dumps(op.get("row"), ensure_ascii=True),
                ",".join(op.get("changed") or []),
                now,
            ),
        )


def _printable(value: Any) -> str:
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


def store_conflicts(conn: sqlite3.Connection, conflicts: Sequence[dict[str, Any]]) -> int:
    with transaction(conn):
        before = conn.total_changes
        for c in conflicts:
            conn.execute(
                "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, "
                "created_at, hall_row, hall_version, kind) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?) "
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
                    c.get("kind", "stale"),
                ),
            )
        return conn.total_changes - before


def last_conflict_id(conn: sqlite3.Connection) -> int:
    # Conflicts found by the station itself carry negative ids: only the hall's count here.
    return conn.execute("SELECT coalesce(max(hall_id), 0) FROM sync_conflict WHERE hall_id > 0").fetchone()[0]


def mark_synced(conn: sqlite3.Connection, at: str) -> None:
    with transaction(conn):
        put_meta(conn, LAST_SYNC_KEY, at)


def last_sync(conn: sqlite3.Connection) -> str | None:
    return meta(conn, LAST_SYNC_KEY)
