"""Change capture: SQLite triggers write every change of a synced table into the outbox.

Triggers run inside the transaction that made the change, whatever code made it (a service, an import,
raw SQL), so a change and its outbox entry commit together or not at all. While the station applies
changes that came from the hall, ``sync_apply_guard.applying`` is 1 and the triggers stay quiet, so
nothing echoes back.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence

from station.contributions import SyncedTable
from station.core import db_errors
from station.core.sync import outbox

META_KEY = "sync.triggers"
_GUARD = "(SELECT applying FROM sync_apply_guard) = 0"
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
_OP_UID = "lower(hex(randomblob(16)))"


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Characters that may not travel (station.core.sync.values): any control character in a uid; in a value,
# the C0 controls but tab, line feed and carriage return (NUL is caught by instr: GLOB stops at it).
_CONTROLS = "char(" + ",".join(str(c) for c in (*range(1, 32), 127)) + ")"
_CONTROLS_IN_VALUE = "char(" + ",".join(str(c) for c in range(1, 32) if c not in (9, 10, 13)) + ")"
GUARD_VERSION = "2"  # part of the fingerprint: bump when the triggers' SQL changes


def _bad(column: str, controls: str) -> str:
    return (
        f"(typeof({column}) = 'text' AND (instr({column}, char(0)) > 0 OR {column} GLOB '*[' || {controls} || ']*'))"
        f" OR (typeof({column}) = 'real' AND abs({column}) > 1.7976931348623157e308)"
    )


def guard_sql(table: SyncedTable) -> list[str]:
    """BEFORE triggers that refuse a row carrying what the hall would refuse, before it enters the table
    and the outbox: whatever code writes it, the clerk hears at once instead of the sync failing later."""
    t = table.name
    bad = " OR ".join(
        [f"new.uid IS NULL OR new.uid = '' OR {_bad('new.uid', _CONTROLS)}"]
        + [_bad(f"new.{_q(f)}", _CONTROLS_IN_VALUE) for f in table.fields]
    )
    raise_ = f"SELECT RAISE(ABORT, '{db_errors.UNSYNCABLE}')"
    return [
        # The cheap test first: the guard's subquery runs only for a row that would be refused.
        f"CREATE TRIGGER sync_{t}_bi BEFORE INSERT ON {_q(t)} WHEN ({bad}) AND {_GUARD} BEGIN {raise_}; END",
        f"CREATE TRIGGER sync_{t}_bu BEFORE UPDATE ON {_q(t)} WHEN ({bad}) AND {_GUARD} BEGIN {raise_}; END",
    ]


def trigger_sql(table: SyncedTable) -> list[str]:
    t, fields = table.name, table.fields
    row = "json_object(" + ", ".join(f"'{f}', new.{_q(f)}" for f in fields) + ")"
    changed = (
        "rtrim("
        + " || ".join(f"(CASE WHEN old.{_q(f)} IS NOT new.{_q(f)} THEN '{f},' ELSE '' END)" for f in fields)
        + ", ',')"
    )
    any_changed = " OR ".join(f"old.{_q(f)} IS NOT new.{_q(f)}" for f in fields)
    columns = "op_uid, table_name, row_uid, base_version, op, changed, row_json, at"
    return [
        f"CREATE TRIGGER sync_{t}_ai AFTER INSERT ON {_q(t)} WHEN {_GUARD} BEGIN "
        f"INSERT INTO sync_outbox({columns}) VALUES ({_OP_UID}, '{t}', new.uid, 0, 'upsert', "
        f"'{','.join(fields)}', {row}, {_NOW}); END",
        f"CREATE TRIGGER sync_{t}_au AFTER UPDATE ON {_q(t)} WHEN {_GUARD} AND ({any_changed}) BEGIN "
        f"INSERT INTO sync_outbox({columns}) VALUES ({_OP_UID}, '{t}', new.uid, old.version, 'upsert', "
        f"{changed}, {row}, {_NOW}); END",
        f"CREATE TRIGGER sync_{t}_ad AFTER DELETE ON {_q(t)} WHEN {_GUARD} BEGIN "
        f"INSERT INTO sync_outbox({columns}) VALUES ({_OP_UID}, '{t}', old.uid, old.version, 'delete', "
        f"'', NULL, {_NOW}); END",
    ]


def fingerprint(tables: Sequence[SyncedTable]) -> str:
    spec = [GUARD_VERSION, *([t.name, list(t.fields), t.rule] for t in sorted(tables, key=lambda t: t.name))]
    return hashlib.sha256(json.dumps(spec).encode()).hexdigest()


def ensure(conn: sqlite3.Connection, tables: Sequence[SyncedTable]) -> bool:
    """(Re)create the capture triggers when the declared tables changed; True if it did."""
    wanted = fingerprint(tables)
    if outbox.meta(conn, META_KEY) == wanted:
        return False
    conn.execute("BEGIN IMMEDIATE")  # all triggers change together, or none do
    try:
        existing = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_%' ESCAPE '\\'"
            )
        ]
        for name in existing:
            conn.execute(f"DROP TRIGGER {_q(name)}")
        for table in tables:
            for sql in guard_sql(table) + trigger_sql(table):
                conn.execute(sql)
        outbox.put_meta(conn, META_KEY, wanted)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return True
