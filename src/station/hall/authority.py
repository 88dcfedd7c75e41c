"""The hall's authority over what must be unique park-wide, and the aliases of merged rows.

``SyncedTable.unique`` lists keys; the hall keeps one ``hall_unique`` entry per key of every live row, so
a second row with the same key is caught however many stations entered it offline. What happens then is
``SyncedTable.on_duplicate``: "reject" (a conflict back to the station) or "merge" (the new uid becomes an
alias of the existing row). Aliases are followed for a row's own uid and for every ``refs`` column.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

import orjson
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from station.contributions import SyncedTable
from station.hall.bulkread import lookup
from station.hall.bulkwrite import insert_many
from station.hall.models import Alias, Meta, Row, UniqueKey

FINGERPRINT_KEY = "unique.fingerprint"


# The canonical form of a key is JSON with no spaces and no ASCII escaping. orjson writes exactly that for
# texts and 64-bit integers (every code point compared), several times faster than the standard encoder,
# which stays for everything else (floats, which the two write differently; booleans; what orjson refuses).
_CANONICAL = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def key_hash(key: tuple[str, ...], data: Mapping[str, Any]) -> str | None:
    """The hash of one unique key of a row, or None when a value is missing (NULLs never collide, as in SQL)."""
    values = tuple(data.get(f) for f in key)
    if any(v is None or v == "" for v in values):
        return None
    return _hash_of(key, values)


def _hash_of(key: tuple[str, ...], values: tuple[Any, ...]) -> str:
    if all(type(v) is str or type(v) is int for v in values):
        try:
            return hashlib.sha256(orjson.dumps((key, values))).hexdigest()
        except orjson.JSONEncodeError:  # a lone surrogate, an integer past 64 bits
            pass
    canonical = _CANONICAL.encode([list(key), list(values)])
    return hashlib.sha256(canonical.encode()).hexdigest()


def hashes(table: SyncedTable, data: Mapping[str, Any] | None) -> list[str]:
    """``key_hash`` of each of the table's keys that ``data`` fills in."""
    if not data:
        return []
    found = []
    for key in table.unique:
        values = tuple(map(data.get, key))
        if None not in values and "" not in values:
            found.append(_hash_of(key, values))
    return found


class Authority:
    """What one push (or publish) needs to know, loaded in bulk up front and kept current as it applies."""

    def __init__(self, session: Session, tables: Mapping[str, SyncedTable]) -> None:
        self.session, self.tables = session, tables
        self.owners: dict[tuple[str, str], str] = {}  # (table, key hash) -> row uid
        self.looked_up: set[tuple[str, str]] = set()  # (table, key hash) asked of the database already
        self._touched: set[tuple[str, str]] = set()  # keys whose owner changed here
        self._stored: dict[tuple[str, str], str | None] = {}  # key -> its owner in the database
        self._new_aliases: list[dict[str, str]] = []
        self.aliases: dict[tuple[str, str], str] = {}  # (table, uid) -> surviving uid

    def load(self, ops: Iterable[Mapping[str, Any]]) -> None:
        wanted_keys: dict[str, set[str]] = {}
        wanted_uids: dict[str, set[str]] = {}
        for op in ops:
            table = self.tables.get(op["table"])
            if table is None:
                continue
            wanted_uids.setdefault(table.name, set()).add(op["uid"])
            for column, target in table.refs:
                value = (op.get("row") or {}).get(column)
                if isinstance(value, str):
                    wanted_uids.setdefault(target, set()).add(value)
            wanted_keys.setdefault(table.name, set()).update(hashes(table, op.get("row")))
        for name, keys in wanted_keys.items():
            self.looked_up.update((name, h) for h in keys)
            # Plain statements, not ORM objects: keys change by plain statements too, which the identity map
            # would not see.
            for key_hash, row_uid in lookup(
                self.session, UniqueKey.__table__, ("key_hash", "row_uid"), "key_hash", keys, table_name=name
            ):
                self.owners[(name, key_hash)] = row_uid
                self._stored[(name, key_hash)] = row_uid
        for name, uids in wanted_uids.items():
            for from_uid, to_uid in lookup(
                self.session, Alias.__table__, ("from_uid", "to_uid"), "from_uid", uids, table_name=name
            ):
                self.aliases[(name, from_uid)] = to_uid

    def resolve(self, table: str, uid: str) -> str:
        return self.aliases.get((table, uid), uid)

    def same_row(self, table: str, a: Any, b: Any) -> bool:
        """Whether two values of a reference column name the same row, aliases followed (looked up now
        for a uid the bulk load did not cover: differing references are rare)."""
        if a == b:
            return True
        if not isinstance(a, str) or not isinstance(b, str):
            return False
        for uid in (a, b):
            if (table, uid) not in self.aliases:
                with self.session.no_autoflush:
                    found = self.session.execute(
                        select(Alias.to_uid).where(Alias.table_name == table, Alias.from_uid == uid)
                    ).scalar_one_or_none()
                if found is not None:
                    self.aliases[(table, uid)] = found
        return self.resolve(table, a) == self.resolve(table, b)

    def rewrite_refs(self, table: SyncedTable, data: dict[str, Any]) -> dict[str, Any]:
        for column, target in table.refs:
            value = data.get(column)
            if isinstance(value, str):
                data[column] = self.resolve(target, value)
        return data

    def duplicate_of(self, table: SyncedTable, uid: str, keys: Iterable[str]) -> str | None:
        """The uid of another live row holding one of ``keys`` (a row's ``hashes``), if any."""
        for h in keys:
            owner = self._owner(table.name, h)
            if owner is not None and owner != uid:
                return owner
        return None

    def _owner(self, table_name: str, h: str) -> str | None:
        if (table_name, h) not in self.looked_up:  # e.g. a key made by rewriting a reference: not loaded yet
            self.looked_up.add((table_name, h))
            with self.session.no_autoflush:
                owner = self.session.execute(
                    select(UniqueKey.row_uid).where(UniqueKey.table_name == table_name, UniqueKey.key_hash == h)
                ).scalar_one_or_none()
            if owner is not None:
                self.owners[(table_name, h)] = owner
                self._stored[(table_name, h)] = owner
        return self.owners.get((table_name, h))

    def claim(self, table: SyncedTable, uid: str, before: Iterable[str], after: Iterable[str]) -> None:
        """Move ``uid``'s key entries from the keys of its old data to those of its new data (each a row's
        ``hashes``; none after: the row is gone). A push hashes each row once and passes the keys on.

        Kept in memory and written by ``write()``, not one statement per row: a statement makes the session
        flush everything pending, which costs more than the push itself."""
        old, new = set(before), set(after)
        for h in old - new:
            if self._owner(table.name, h) == uid:
                self.owners.pop((table.name, h), None)
                self._touched.add((table.name, h))
        for h in new - old:
            self._owner(table.name, h)  # what the database holds, so write() knows what to change
            self.owners[(table.name, h)] = uid
            self._touched.add((table.name, h))

    def alias(self, table: SyncedTable, from_uid: str, to_uid: str) -> None:
        self.aliases[(table.name, from_uid)] = to_uid
        self._new_aliases.append({"table_name": table.name, "from_uid": from_uid, "to_uid": to_uid})

    def write(self) -> None:
        """Store what ``claim`` and ``alias`` changed: each key goes from the owner the database holds to
        the owner it has now, and only from that owner (a statement that finds another owner changes
        nothing; the primary key refuses a second owner)."""
        gone, moved, added = [], [], []
        for table_name, h in sorted(self._touched):
            was, now = self._stored.get((table_name, h)), self.owners.get((table_name, h))
            if was == now:
                continue
            if now is None:
                gone.append({"t": table_name, "h": h, "was": was})
            elif was is None:
                added.append({"table_name": table_name, "key_hash": h, "row_uid": now})
            else:
                moved.append({"t": table_name, "h": h, "was": was, "now": now})
            self._stored[(table_name, h)] = now
        where = (
            (UniqueKey.table_name == bindparam("t"))
            & (UniqueKey.key_hash == bindparam("h"))
            & (UniqueKey.row_uid == bindparam("was"))
        )
        if gone:
            self.session.execute(delete(UniqueKey.__table__).where(where), gone)
        if moved:
            self.session.execute(update(UniqueKey.__table__).where(where).values(row_uid=bindparam("now")), moved)
        insert_many(self.session, UniqueKey.__table__, added)
        insert_many(self.session, Alias.__table__, self._new_aliases)
        self._touched.clear()
        self._new_aliases.clear()


def fingerprint(tables: Mapping[str, SyncedTable]) -> str:
    spec = sorted([t.name, [list(k) for k in t.unique]] for t in tables.values() if t.unique)
    return hashlib.sha256(json.dumps(spec).encode()).hexdigest()


def ensure_index(session: Session, tables: Mapping[str, SyncedTable]) -> bool:
    """Rebuild ``hall_unique`` from the live rows when the declared keys changed (a plugin added one, an
    upgrade from a hall that had none). Returns True if it rebuilt. Duplicates already stored keep the
    first row (by uid) as the key's owner."""
    wanted = fingerprint(tables)
    meta = session.get(Meta, FINGERPRINT_KEY)
    if meta is not None and meta.value == wanted:
        return False
    session.execute(delete(UniqueKey))
    for table in tables.values():
        if not table.unique:
            continue
        owners: dict[str, str] = {}
        rows = session.execute(
            select(Row.row_uid, Row.data).where(Row.table_name == table.name, Row.deleted.is_(False))
        ).all()
        for uid, data in sorted(rows):
            for h in hashes(table, json.loads(data) if data else None):
                owners.setdefault(h, uid)
        insert_many(
            session,
            UniqueKey.__table__,
            [{"table_name": table.name, "key_hash": h, "row_uid": uid} for h, uid in owners.items()],
        )
    if meta is None:
        session.add(Meta(key=FINGERPRINT_KEY, value=wanted))
    else:
        meta.value = wanted
    session.flush()
    return True
