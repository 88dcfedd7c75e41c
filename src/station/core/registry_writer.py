"""Writing many cleaned enterprises by credit code, batch by batch, inside one unit of work.

Imports and demo data come through here. Rows go in with one ``executemany`` per batch on the work's own
sqlite3 connection (same transaction as the ORM's): the sync capture triggers stay on, so every new or
changed enterprise reaches the outbox as a clerk's edit would. When the registry is empty the writer
loads it in bulk, as a first sync does (``station.core.sync.bulk``: non-unique indexes and the full-text
index's triggers off, built once at the end), and puts everything back in the same transaction: a kill
anywhere leaves the registry as it was.

Nothing is written for a row whose values are already stored: re-importing a file writes nothing at all,
not even an audit entry. Events go out after the commit, read back from the database rather than held
in memory, so a million-row import does not keep a million events.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from station.contributions import EnterpriseChange
from station.core import audit
from station.core.enterprise_fields import STORED
from station.core.sync import bulk
from station.core.work import Work

TABLE = "enterprise"
_IN_CHUNK = 500  # credit codes per IN (...) lookup


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


_pick = itemgetter(*STORED)
_FOUNDED = STORED.index("founded_on")


def _stored(row: dict[str, Any]) -> tuple[Any, ...]:
    """A cleaned row as SQLAlchemy stores it on SQLite (dates as ISO text), for writing and comparing."""
    values = _pick(row)
    founded = values[_FOUNDED]
    if isinstance(founded, dt.date):
        return (*values[:_FOUNDED], founded.isoformat(), *values[_FOUNDED + 1 :])
    return values


def _timestamp(at: dt.datetime) -> str:
    # SQLAlchemy's SQLite DateTime storage format, naive UTC as UTCDateTime keeps it.
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def raw_connection(work: Work) -> sqlite3.Connection:
    """The sqlite3 connection under the work's session, inside its (write) transaction."""
    work.session.flush()
    return work.session.connection().connection.driver_connection  # type: ignore[return-value]


class RegistryWriter:
    """Insert-or-update by credit code. ``write`` each batch of cleaned rows (no credit code twice across
    batches: callers refuse duplicates first), then ``close`` once."""

    def __init__(self, work: Work, *, source: str) -> None:
        work.require("enterprise.import", "批量导入企业")
        self.work, self.source = work, source
        self.conn = raw_connection(work)
        self.result = UpsertResult()
        self.now = dt.datetime.now(dt.UTC)
        self._now = _timestamp(self.now)
        (self._max_id_before,) = self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}").fetchone()
        self._loading = False  # an empty registry loads in bulk, from the first row written (see write)
        self._updated_ids = array("q")
        self._audits: list[tuple[str, str, str, Any, Any]] = []
        columns = (*STORED, "uid", "version", "created_at", "updated_at", "updated_by")
        self._insert = f"INSERT INTO {TABLE} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows and not self._loading and self._max_id_before == 0 and not self.result.created:
            # Into an empty registry: then no row can be an update either, and lookups are skipped.
            self._loading = bulk.enter(self.conn, TABLE) is not None
        existing = {} if self._loading else self._existing([r["uscc"] for r in rows])
        actor, now = self.work.actor.name, self._now
        inserts = []
        for row in rows:
            values = _stored(row)
            current = existing.get(row["uscc"])
            if current is None:
                inserts.append((*values, str(uuid.uuid4()), 1, now, now, actor))
            else:
                self._update(current, values)
        if inserts:
            self.conn.executemany(self._insert, inserts)
            self.result.created += len(inserts)
        if self._audits:
            audit.append_raw(self.conn, actor, self._audits, at=self.now)
            self._audits.clear()

    def _existing(self, codes: list[str]) -> dict[str, tuple[Any, ...]]:
        found: dict[str, tuple[Any, ...]] = {}
        select = f"SELECT id, uid, {', '.join(STORED)} FROM {TABLE} WHERE uscc IN"
        for start in range(0, len(codes), _IN_CHUNK):
            chunk = codes[start : start + _IN_CHUNK]
            for row in self.conn.execute(f"{select} ({','.join('?' * len(chunk))})", chunk):
                found[row[2]] = row
        return found

    def _update(self, current: tuple[Any, ...], values: tuple[Any, ...]) -> None:
        enterprise_id, uid, stored = current[0], current[1], current[2:]
        changed = [i for i, (old, new) in enumerate(zip(stored, values, strict=True)) if old != new]
        if not changed:
            self.result.unchanged += 1
            return
        sets = ", ".join(f"{STORED[i]} = ?" for i in changed)
        self.conn.execute(
            f"UPDATE {TABLE} SET {sets}, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?",
            (*(values[i] for i in changed), self._now, self.work.actor.name, enterprise_id),
        )
        before = {STORED[i]: stored[i] for i in changed}
        after = {STORED[i]: values[i] for i in changed}
        self._audits.append(("enterprise.update", "enterprise", uid, before, after))
        self._updated_ids.append(enterprise_id)
        self.result.updated += 1

    def close(self) -> UpsertResult:
        """Indexes back if it loaded in bulk, the summary audited, the events queued for after the commit."""
        if self._loading:
            bulk.put_back(self.conn)
        result, actor = self.result, self.work.actor.name
        if result.created or result.updated:
            summary = {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
            audit.append_raw(self.conn, actor, [("enterprise.import", "import", self.source, None, summary)])
            (max_id_after,) = self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {TABLE}").fetchone()
            path = Path(next(r[2] for r in self.conn.execute("PRAGMA database_list") if r[1] == "main"))
            changes = _ImportedChanges(path, actor, self._max_id_before, max_id_after, self._updated_ids)
            self.work.emit_each("enterprise_did_change", changes)
        self.work.session.expire_all()  # the ORM's loaded objects may predate these writes
        return result


@dataclass
class _ImportedChanges:
    """The ``enterprise_did_change`` events of one write, read back after the commit: the rows created
    (ids above what the registry held before, up to the last the writer saw) and those updated."""

    db_path: Path
    actor: str
    created_after: int
    created_upto: int
    updated_ids: array

    def __call__(self) -> Iterator[dict[str, Any]]:
        from station.core import rawdb

        with rawdb.reading(self.db_path) as conn:
            rows = conn.execute(
                f"SELECT id, uid, uscc FROM {TABLE} WHERE id > ? AND id <= ? ORDER BY id",
                (self.created_after, self.created_upto),
            )
            for enterprise_id, uid, code in rows:
                yield {"change": self._change(enterprise_id, uid, code)}
            for start in range(0, len(self.updated_ids), _IN_CHUNK):
                chunk = list(self.updated_ids[start : start + _IN_CHUNK])
                marks = ",".join("?" * len(chunk))
                for enterprise_id, uid, code in conn.execute(
                    f"SELECT id, uid, uscc FROM {TABLE} WHERE id IN ({marks}) ORDER BY id", chunk
                ):
                    yield {"change": self._change(enterprise_id, uid, code)}

    def _change(self, enterprise_id: int, uid: str, code: str) -> EnterpriseChange:
        return EnterpriseChange(
            enterprise_id=enterprise_id, uid=uid, uscc=code, change="imported", actor=self.actor, changed_fields=STORED
        )
