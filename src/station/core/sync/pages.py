"""Applying the hall's pages at the station, on a plain sqlite3 connection.

A page of changes and the cursor past it land in one transaction, so a sync killed at any point resumes
where it stood. A row with changes still to push is never overwritten (its change reaches the hall first
and the merged result comes back); a row the station cannot take is kept in ``sync_conflict`` for review.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from station.contributions import SyncedTable
from station.core.sync import bulk, outbox
from station.core.sync.outbox import CURSOR_KEY, put_meta
from station.core.sync.values import MAX_INT, SCALARS

BULK_MIN_ROWS = 500  # a page that brings at least this many rows into an empty table loads it in bulk
BULK_TXN_ROWS = 10_000  # while a table loads in bulk, pages share a transaction up to this many rows
QUIET_MIN_ROWS = 100  # rows written back from a push's answer before its table's triggers are taken off


@dataclass
class Applied:
    applied: int = 0
    kept_local: int = 0  # rows with unpushed local changes: never overwritten
    refused: int = 0  # rows the station could not take (kept for review)
    held: int = 0  # rows the station already held at that version or a later one (from its push's answers)


def apply_page(
    conn: sqlite3.Connection,
    tables: Mapping[str, SyncedTable],
    changes: Sequence[dict[str, Any]],
    new_cursor: int,
    now: str,
    bulk_load: bool = False,
) -> Applied:
    """Apply a page of the hall's changes and move the cursor past it, in one transaction."""
    with PageWriter(conn, tables, now, bulk_load=bulk_load) as writer:
        return writer.apply(changes, new_cursor)


class PageWriter:
    """Applies pages of the hall's changes in order, each together with the cursor past it.

    Each change carries the row's full state, so only the last change of a row in a page matters. Rows
    go in with one ``executemany`` per table and kind; a row the station cannot take is retried alone and
    kept for review. With ``bulk_load``, a page that brings many rows into an empty table starts a bulk load
    of it (``station.core.sync.bulk``), whose full-text indexes ``full_text`` builds meanwhile if given;
    the pull calls ``bulk.finish`` when it ends.

    A page commits alone, except while a table loads in bulk: then pages share a transaction until it
    holds ``BULK_TXN_ROWS`` rows, and the table's capture triggers are off inside it. A commit writes out
    every page of the unique indexes that the page's random uids touched, so committing every 2,000 rows
    rewrote most of the uid index 50 times in a 100,000-row first sync. Leaving the ``with`` block commits
    the pages applied, also when the network broke off the pull; a page that failed halfway rolls back.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        tables: Mapping[str, SyncedTable],
        now: str,
        bulk_load: bool = False,
        full_text: bulk.FullTextBuilder | None = None,
        held: Mapping[tuple[str, str], int] | None = None,
    ) -> None:
        self.conn, self.tables, self.now, self.bulk_load, self.full_text = conn, tables, now, bulk_load, full_text
        # (table, uid) -> the version this station holds as the hall does (its push's answers): a change up to
        # that version is not written again.
        self.held = held or {}
        self._open = False
        self._whole = True  # the open transaction holds whole pages only
        self._rows = 0  # changes applied in the open transaction
        self._loading: set[str] = set()  # tables loading in bulk (in this writer's life; bulk.finish ends it)
        self._quieted: dict[str, str] = {}  # capture triggers off in the open transaction: name -> SQL

    @property
    def loaded_in_bulk(self) -> bool:
        """Whether any table loaded in bulk in this writer's life (bulk.finish puts its indexes back)."""
        return bool(self._loading)

    def __enter__(self) -> PageWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._whole:
            self.commit()
        else:
            self.rollback()

    def apply(self, changes: Sequence[dict[str, Any]], new_cursor: int) -> Applied:
        result = Applied()
        by_table: dict[str, dict[str, dict[str, Any]]] = {}
        for change in changes:
            if change["table"] in self.tables:  # else: a table of a plugin this station does not run
                by_table.setdefault(change["table"], {})[change["uid"]] = change
        if self.held:  # only the last change of a row in the page counts: does the station hold it, or later?
            # (A push's answer may give a row at a version newer than a change the pull brings after it.)
            for name, latest in by_table.items():
                for uid in [u for u, c in latest.items() if c["version"] <= self.held.get((name, u), -1)]:
                    del latest[uid]
                    result.held += 1
        if not self._open:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("UPDATE sync_apply_guard SET applying = 1")  # the capture triggers stay quiet
            self._open = True
        self._whole = False
        for table in self.tables.values():
            last = by_table.get(table.name)
            if last:
                self._apply_table(table, list(last.values()), result)
        put_meta(self.conn, CURSOR_KEY, str(new_cursor))
        self._whole = True
        self._rows += len(changes)
        if not self._loading or self._rows >= BULK_TXN_ROWS:
            self.commit()
        return result

    def commit(self) -> None:
        if not self._open:
            return
        try:
            for sql in self._quieted.values():
                self.conn.execute(sql)
            self.conn.execute("UPDATE sync_apply_guard SET applying = 0")
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise
        self._open, self._rows = False, 0
        self._quieted.clear()
        if self.full_text and self._loading:
            self.full_text.committed()

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")  # also puts back the capture triggers taken off
        self._open, self._rows, self._whole = False, 0, True
        self._quieted.clear()

    def _quiet(self, table: str) -> None:
        """Take a bulk-loading table's capture triggers off until this transaction commits (see ``quiet``)."""
        self._quieted.update(quiet(self.conn, table))

    def _apply_table(self, table: SyncedTable, mine: list[dict[str, Any]], result: Applied) -> None:
        conn = self.conn
        # A row this station holds under a uid the hall merged into another (the same enterprise entered
        # here and elsewhere) takes the surviving uid, unless it still has changes to push.
        merged = {a: c for c in mine for a in c.get("aliases") or ()}
        unpushed = (
            _existing(
                conn,
                "SELECT DISTINCT row_uid FROM sync_outbox WHERE table_name = ? AND row_uid IN",
                [c["uid"] for c in mine] + list(merged),
                prefix=(table.name,),
            )
            if conn.execute("SELECT 1 FROM sync_outbox WHERE table_name = ? LIMIT 1", (table.name,)).fetchone()
            else set()
        )
        # A change waits while its row, or a row merged into it, has changes of this station to push.
        waiting = {merged[u]["uid"] if u in merged else u for u in unpushed}
        if merged:
            held = _existing(conn, f'SELECT uid FROM "{table.name}" WHERE uid IN', list(merged))
            for alias in sorted(held):
                if merged[alias]["uid"] not in waiting:
                    _rekey(conn, self.tables, table, alias, merged[alias]["uid"])
                    self._spoil(*self._loading)  # it may delete, and it rewrites references in any table
        if waiting:
            result.kept_local += sum(1 for c in mine if c["uid"] in waiting)
            mine = [c for c in mine if c["uid"] not in waiting]
        present = _existing(conn, f'SELECT uid FROM "{table.name}" WHERE uid IN', [c["uid"] for c in mine])
        starts = self.bulk_load and table.name not in self._loading and len(mine) - len(present) >= BULK_MIN_ROWS
        fts = bulk.enter(conn, table.name) if starts else None
        if fts is not None:
            self._loading.add(table.name)
            if self.full_text:
                self.full_text.start(conn, table.name, fts)
        if table.name in self._loading:
            if f"sync_{table.name}_ai" not in self._quieted:
                self._quiet(table.name)
            if present or any(c["deleted"] for c in mine):
                self._spoil(table.name)  # rows indexed already may change
        _apply_many(conn, table, mine, present, result, self.now)

    def _spoil(self, *tables: str) -> None:
        for name in tables:
            if self.full_text:
                self.full_text.spoil(name)


def quiet(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Take ``table``'s capture and guard triggers off inside the open transaction; returns their SQL, to be
    run before it commits (a rollback puts them back by itself). Quiet as they are while the station applies
    the hall's rows, they still cost a subquery per row, and the guard a test of every column: two thirds
    of an update. The transaction holds the write lock, so no other change can slip past them meanwhile."""
    dropped: dict[str, str] = {}
    for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
        "AND name LIKE 'sync\\_%' ESCAPE '\\'",
        (table,),
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
        dropped[name] = sql
    return dropped


def take_hall_rows(
    conn: sqlite3.Connection,
    tables: Mapping[str, SyncedTable],
    rows: Sequence[tuple[str, str, int | None, dict[str, Any] | None]],
    now: str,
) -> set[tuple[str, str, int]]:
    """Write the hall's version of rows (``(table, uid, version, data)``; data None: the hall holds no live
    row) in one transaction, quietly: where the hall refused this station's change to them, or as a push's
    answer says the hall now holds them. A row with changes still to push is left as it is. Returns the
    ``(table, uid, version)`` written, which the pull that follows need not write again."""
    result = Applied()

    def write(table: SyncedTable, mine: dict[str, Any]) -> set[tuple[str, str, int]]:
        changes: list[dict[str, Any]] = [
            {"uid": uid, "version": version or 0, "deleted": data is None, "data": data, "seq": 0}
            for uid, (version, data) in mine.items()
        ]
        done = _update_differences(conn, table, [c for c in changes if not c["deleted"]])
        rest = [c for c in changes if c["uid"] not in done]
        present = _existing(conn, f'SELECT uid FROM "{table.name}" WHERE uid IN', [c["uid"] for c in rest])
        refused = result.refused
        _apply_many(conn, table, rest, present, result, now)
        if result.refused != refused:  # which row did not fit is in its conflict, not here
            return set()
        return {(table.name, c["uid"], c["version"]) for c in changes}

    return _write_back(conn, tables, rows, write)


def take_versions(
    conn: sqlite3.Connection,
    tables: Mapping[str, SyncedTable],
    rows: Sequence[tuple[str, str, int, Mapping[str, Any]]],
) -> set[tuple[str, str, int]]:
    """Write a push's answer given as differences (``(table, uid, version, differ)``: the hall's version of a
    row this station sent, and the fields it holds otherwise, usually ``updated_by`` stamped) in one
    transaction, without reading the rows: the station holds them as it sent them. A row with changes still
    to push is left as it is, as is one the station no longer holds or whose differences name a field it
    does not sync (the pull brings those whole). Returns the ``(table, uid, version)`` written."""

    def write(table: SyncedTable, mine: dict[str, Any]) -> set[tuple[str, str, int]]:
        fields = table.field_set
        groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
        for uid, (version, differ) in mine.items():
            if _plain_differences(differ, fields) and _storable(version, int):
                columns = tuple(sorted(differ))
                groups.setdefault(columns, []).append((*(differ[f] for f in columns), version, uid))
        written: set[tuple[str, str, int]] = set()
        for columns, values in groups.items():
            sets = "".join(f'"{f}" = ?, ' for f in columns)
            sql = f'UPDATE "{table.name}" SET {sets}version = ? WHERE uid = ?'
            written.update((table.name, uid, version) for *_, version, uid in _update_each(conn, sql, values))
        return written

    return _write_back(conn, tables, rows, write)


def _write_back(
    conn: sqlite3.Connection,
    tables: Mapping[str, SyncedTable],
    rows: Sequence[tuple[Any, ...]],
    write: Callable[[SyncedTable, dict[str, Any]], set[tuple[str, str, int]]],
) -> set[tuple[str, str, int]]:
    """What both write-backs share: one transaction with the capture triggers quiet (taken off for a push's
    answer of many rows); for each table, ``write(table, {uid: (version, …)})`` with the rows that have no
    changes still to push; returns what the writes wrote."""
    written: set[tuple[str, str, int]] = set()
    quieted: dict[str, str] = {}
    with outbox.transaction(conn):
        conn.execute("UPDATE sync_apply_guard SET applying = 1")
        try:
            for name in sorted({t for t, *_ in rows}):
                table = tables.get(name)
                if table is None:
                    continue
                if len(rows) >= QUIET_MIN_ROWS:
                    quieted.update(quiet(conn, name))
                mine = {uid: tuple(rest) for t, uid, *rest in rows if t == name}
                unpushed = _existing(
                    conn, "SELECT row_uid FROM sync_outbox WHERE table_name = ? AND row_uid IN", list(mine), (name,)
                )
                written |= write(table, {uid: rest for uid, rest in mine.items() if uid not in unpushed})
            for sql in quieted.values():
                conn.execute(sql)
        finally:
            conn.execute("UPDATE sync_apply_guard SET applying = 0")
    return written


def _plain_differences(differ: Any, fields: frozenset[str]) -> bool:
    """Whether a hall's differences name only synced fields and hold only values a column takes."""
    return type(differ) is dict and fields.issuperset(differ) and all(_storable(v) for v in differ.values())


def _storable(value: Any, *kinds: type) -> bool:
    """Whether SQLite takes ``value`` as it is (of one of ``kinds``, if given): an integer past 64 bits, which
    the hall's answer may hold as JSON, would stop the write with an OverflowError."""
    kind = type(value)
    if kind not in (kinds or SCALARS):
        return False
    return kind is not int or -MAX_INT - 1 <= value <= MAX_INT


def _update_each(conn: sqlite3.Connection, sql: str, rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Run ``sql`` for each of ``rows`` (all at once when every row is there, as after a push); returns the
    rows it changed. A row that does not fit (a unique column the hall filled otherwise) is left as it was."""
    conn.execute("SAVEPOINT versions")
    try:
        # The rows the statements changed themselves (``total_changes`` counts the full-text triggers' too).
        if conn.executemany(sql, rows).rowcount == len(rows):
            conn.execute("RELEASE versions")
            return rows
    except sqlite3.IntegrityError:
        pass
    conn.execute("ROLLBACK TO versions")
    conn.execute("RELEASE versions")
    changed = []
    for row in rows:  # some row is not here, or does not fit: one by one
        try:
            if conn.execute(sql, row).rowcount == 1:
                changed.append(row)
        except sqlite3.IntegrityError:
            pass
    return changed


def _update_differences(conn: sqlite3.Connection, table: SyncedTable, changes: Sequence[dict[str, Any]]) -> set[str]:
    """Bring rows the station holds to the hall's version by setting only the columns that differ and the
    version (after a push that is ``updated_by`` alone): a full-row update would fire the full-text triggers
    and rewrite every index entry of 1,000 rows a request. Returns the uids it found here."""
    fields = table.fields
    by_uid = {c["uid"]: c for c in changes}
    columns = ", ".join(f'"{f}"' for f in fields)
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    found: set[str] = set()
    uids = list(by_uid)
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for uid, *local in conn.execute(f'SELECT uid, {columns} FROM "{table.name}" WHERE uid IN ({marks})', chunk):
            found.add(uid)
            data = by_uid[uid]["data"] or {}
            differ = tuple(f for f, mine in zip(fields, local, strict=True) if f in data and data[f] != mine)
            groups.setdefault(differ, []).append((*(data[f] for f in differ), by_uid[uid]["version"], uid))
    for differ, rows in groups.items():
        sets = "".join(f'"{f}" = ?, ' for f in differ)
        conn.execute("SAVEPOINT differences")
        try:
            conn.executemany(f'UPDATE "{table.name}" SET {sets}version = ? WHERE uid = ?', rows)
        except sqlite3.IntegrityError:  # the caller writes these one by one, keeping what does not fit
            conn.execute("ROLLBACK TO differences")
            found.difference_update(row[-1] for row in rows)
        conn.execute("RELEASE differences")
    return found


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
    """Deletes, then updates, then inserts."""
    name, fields = f'"{table.name}"', table.fields
    columns = ", ".join(f'"{f}"' for f in fields)
    sets = ", ".join(f'"{f}" = ?' for f in fields)
    marks = ", ".join("?" for _ in fields)
    by_uid = {c["uid"]: c for c in changes}

    def execute(sql: str, rows: list[tuple[Any, ...]], uid_at: int) -> None:
        """All rows at once; if one does not fit, one by one, keeping those that do not for review."""
        if not rows:
            return
        conn.execute("SAVEPOINT bulk")
        try:
            conn.executemany(sql, rows)
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO bulk")
            conn.execute("RELEASE bulk")
        else:
            conn.execute("RELEASE bulk")
            result.applied += len(rows)
            return
        for row in rows:
            try:
                conn.execute(sql, row)
                result.applied += 1
            except sqlite3.IntegrityError as exc:
                result.refused += 1
                change = by_uid[row[uid_at]]
                conn.execute(
                    "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, "
                    "created_at, hall_row, hall_version, kind) "
                    "VALUES (?, ?, ?, ?, ?, NULL, '', 'open', ?, 'row', ?, 'refused') "
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

    execute(f"DELETE FROM {name} WHERE uid = ?", [(c["uid"],) for c in changes if c["deleted"]], 0)
    # Updates and inserts take the same parameters: the fields, the version, the uid.
    pick = itemgetter(*fields) if len(fields) > 1 else lambda data: (data[fields[0]],)
    updates: list[tuple[Any, ...]] = []
    inserts: list[tuple[Any, ...]] = []
    for c in changes:
        if c["deleted"]:
            continue
        data = c["data"]
        try:
            row = (*pick(data), c["version"], c["uid"])
        except KeyError:  # a row written before a field was declared
            row = (*(data.get(f) for f in fields), c["version"], c["uid"])
        (updates if c["uid"] in present else inserts).append(row)
    execute(f"UPDATE {name} SET {sets}, version = ? WHERE uid = ?", updates, -1)
    execute(f"INSERT INTO {name} ({columns}, version, uid) VALUES ({marks}, ?, ?)", inserts, -1)
