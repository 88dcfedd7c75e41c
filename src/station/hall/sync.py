"""The hall's side of sync: take a station's operations once, hand out changes by park-wide sequence.

Push runs in one transaction per request and takes a lock first (PostgreSQL: a transaction advisory
lock; SQLite writes one at a time anyway), so change sequence numbers are committed in order and a
station pulling "after N" can never step over a change that commits later with a smaller number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii
from typing import Any

import orjson
from sqlalchemy import bindparam, func, select, text, update
from sqlalchemy.orm import Session

from station.contributions import SyncedTable
from station.core.sync import digest as digests
from station.errors import UserError
from station.hall.authority import Authority, hashes
from station.hall.bulkread import lookup
from station.hall.bulkwrite import insert_many
from station.hall.models import Alias, Change, Conflict, Op, Row, Station

PUSH_LOCK = 73_310  # the advisory lock that serialises pushes on PostgreSQL
# Operations in one push: a first upload commits every 10,000 instead of every 1,000 (stations learn it
# from /v1/health; halls before it took 1,000).
MAX_OPS = 10_000
MAX_PULL = 5000
HALL_STATION = "HALL"  # the "station" of changes the hall publishes itself


def _dump(value: Any) -> str | None:
    # orjson: a fifth of a push's time went to the standard encoder. It refuses lone surrogates and integers
    # past 64 bits, and writes NaN as null: values.py keeps all three out at the door anyway.
    return None if value is None else orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def _load(value: str | None) -> Any:
    return None if value is None else orjson.loads(value)


@dataclass
class PushResult:
    acked_seq: int
    applied: int = 0
    repeated: int = 0
    conflicts: int = 0
    outcomes: list[str] = field(default_factory=list)
    acked: list[str] = field(default_factory=list)  # op uids this push took (in any outcome), committed with it
    # The rows this push changed as the station sent them (outcome "applied"), in their final state:
    # (table, uid, version, data as the hall stores it: JSON text, or None if deleted, and where they differ
    # from what the station sent: the fields the hall holds otherwise, e.g. ``updated_by`` stamped). The
    # station writes them and need not pull them back.
    rows: list[tuple[str, str, int, str | None, dict[str, Any] | None]] = field(default_factory=list)
    # The sequence numbers (first, last) of this push's changes when every one of them is a row in ``rows``
    # at its version, and no other change lies between: a station that wrote ``rows`` need not pull them.
    held: tuple[int, int] | None = None


def lock(session: Session) -> None:
    """Serialise writers of the change log, before anything is read: two pushes that both read a key as
    free (or a row at the same version) and then both wrote would break the park-wide authority.

    PostgreSQL: a transaction advisory lock. SQLite: a write as the transaction's first statement takes
    the database's write lock at once (pysqlite begins transactions lazily, so reads before a write would
    otherwise run outside any lock and see a state another push is about to change)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUSH_LOCK})
        # Every lookup a push makes is by key. Planned from the statistics of a table that a first upload
        # grows from nothing within a minute, a lookup of a few hundred uids read the whole table instead of
        # its index (a push of 100,000 operations slowed to 200 a second); for this transaction only.
        session.execute(text("SET LOCAL enable_seqscan = off"))
    else:
        session.execute(
            text(
                "INSERT INTO hall_meta(key, value) VALUES ('push.lock', '') "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            )
        )


@dataclass(frozen=True)
class AppliedChange:
    """A row the hall has just changed: what ``hall_did_apply`` hears about."""

    table: str
    uid: str
    data: dict[str, Any] | None  # None: deleted
    station: str


@dataclass(slots=True)
class _Row:
    """A hall row as one request sees it; written back in bulk by ``_Rows.write``."""

    table_name: str
    row_uid: str
    version: int
    data: str | None
    deleted: bool
    owner: str | None = None  # the station that created it
    state: str = "clean"  # "new" or "dirty" once changed here
    parsed: dict[str, Any] | None = None  # ``data`` as the dict it was written from here (not parsed again)


class _Rows(dict[tuple[str, str], "_Row | None"]):
    """The hall's rows one request touches, loaded in bulk (a row not loaded yet is fetched on demand), and
    the changes and operations it records. ``write`` stores them with one statement per kind: through the
    ORM's unit of work, three objects per operation cost more than everything else in a push."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.changes: list[dict[str, Any]] = []
        self.ops: list[dict[str, Any]] = []

    def _select(self, table_name: str, uids: Collection[str]) -> Iterator[_Row]:
        columns = ("row_uid", "version", "data", "deleted", "owner")
        for uid, version, data, deleted, owner in lookup(
            self.session, Row.__table__, columns, "row_uid", uids, table_name=table_name
        ):
            yield _Row(table_name, uid, version, data, bool(deleted), owner)

    def load(self, keys: set[tuple[str, str]]) -> None:
        for table_name in {t for t, _ in keys}:
            uids = {u for t, u in keys if t == table_name}
            for uid in uids:
                self.setdefault((table_name, uid), None)
            for row in self._select(table_name, uids):
                self[(row.table_name, row.row_uid)] = row

    def __missing__(self, key: tuple[str, str]) -> _Row | None:
        row = next(self._select(key[0], [key[1]]), None)
        self[key] = row
        return row

    def add(self, table_name: str, uid: str, data: dict[str, Any], owner: str) -> _Row:
        row = _Row(table_name, uid, 1, _dump(data) or "{}", False, owner, state="new", parsed=data)
        self[(table_name, uid)] = row
        return row

    def change(self, row: _Row, *, data: dict[str, Any] | None, deleted: bool = False) -> None:
        row.data, row.deleted, row.version = _dump(data), deleted, row.version + 1
        row.parsed = data
        if row.state == "clean":
            row.state = "dirty"

    def record(self, station: str, op_uid: str, row: _Row) -> None:
        """A change every station pulls, stamped with the next park-wide sequence when written."""
        self.changes.append(
            {
                "table_name": row.table_name,
                "row_uid": row.row_uid,
                "version": row.version,
                "data": row.data,
                "deleted": row.deleted,
                "station": station,
                "op_uid": op_uid,
            }
        )

    def write(self) -> None:
        new = [r for r in self.values() if r is not None and r.state == "new"]
        dirty = [r for r in self.values() if r is not None and r.state == "dirty"]
        # Plain statements on the tables, not the ORM's bulk paths (see bulkwrite).
        if new:
            insert_many(
                self.session,
                Row.__table__,
                [
                    {"table_name": r.table_name, "row_uid": r.row_uid, "version": r.version, "data": r.data,
                     "deleted": r.deleted, "owner": r.owner}
                    for r in new
                ],
            )  # fmt: skip
        if dirty:
            self.session.execute(
                update(Row.__table__)
                .where(Row.table_name == bindparam("t"), Row.row_uid == bindparam("u"))
                .values(version=bindparam("v"), data=bindparam("d"), deleted=bindparam("x")),
                [{"t": r.table_name, "u": r.row_uid, "v": r.version, "d": r.data, "x": r.deleted} for r in dirty],
            )
        for row in new + dirty:
            row.state = "clean"
        insert_many(self.session, Change.__table__, self.changes)  # in order: the sequence numbers follow it
        insert_many(self.session, Op.__table__, self.ops)
        self.changes, self.ops = [], []


def push(
    session: Session,
    station: Station,
    ops: Sequence[Mapping[str, Any]],
    tables: Mapping[str, SyncedTable],
    after_apply: Callable[[list[AppliedChange]], None] | None = None,
) -> PushResult:
    """Apply ``ops`` (in the station's order) at most once each; the caller commits, then acknowledges.

    An operation is known by its ``op_uid`` alone: sequence numbers only order one request, since a station
    re-enrolled on a new PC or restored from a backup numbers its outbox afresh. Every operation of the
    request is taken (applied, merged, a conflict, or repeated) and listed in ``acked``.

    ``after_apply`` hears about the rows changed, inside this transaction (the ``hall_did_apply`` hook)."""
    lock(session)
    session.refresh(station)
    result = PushResult(acked_seq=0)
    before = last_seq(session)  # under the lock: this push's changes come after it, and only they
    # One query each for what this request touches, instead of one per operation.
    taken = {uid for (uid,) in lookup(session, Op.__table__, ("op_uid",), "op_uid", {op["op_uid"] for op in ops})}
    auth = Authority(session, tables)
    auth.load(ops)
    rows = _Rows(session)
    rows.load({(op["table"], auth.resolve(op["table"], op["uid"])) for op in ops})
    applied: list[AppliedChange] = []
    own: dict[tuple[str, str], Mapping[str, Any]] = {}  # rows changed as sent, under the uid it knows: as sent
    for op in ops:
        seq = int(op["seq"])
        result.acked.append(op["op_uid"])
        result.acked_seq = max(result.acked_seq, seq)
        if op["op_uid"] in taken:
            result.repeated += 1
            result.outcomes.append("repeated")
            continue
        outcome, row = _apply(session, station.code, op, tables, rows, auth)
        rows.ops.append({"op_uid": op["op_uid"], "station": station.code, "station_seq": seq, "outcome": outcome})
        taken.add(op["op_uid"])
        result.outcomes.append(outcome)
        if outcome == "conflict":
            result.conflicts += 1
        else:
            result.applied += 1
            if row is not None:
                data = None if row.deleted else row.parsed if row.parsed is not None else _load(row.data)
                applied.append(AppliedChange(row.table_name, row.row_uid, data, station.code))
                if outcome == "applied" and row.row_uid == op["uid"]:
                    own[(row.table_name, row.row_uid)] = op.get("row") or {}
    if ops:
        station.last_seq = int(ops[-1]["seq"])  # for the operators' view only: never used to skip an operation
    for key, sent in own.items():
        if (row := rows[key]) is not None:
            if row.deleted:
                result.rows.append((row.table_name, row.row_uid, row.version, None, None))
                continue
            held = row.parsed if row.parsed is not None else _load(row.data) or {}
            result.rows.append((row.table_name, row.row_uid, row.version, row.data, _differences(held, sent)))
    recorded = [(c["table_name"], c["row_uid"], c["version"]) for c in rows.changes]
    rows.write()
    result.held = _held_range(session, before, recorded, result.rows)
    auth.write()
    session.flush()
    _keep_statistics(session)
    if applied and after_apply is not None:
        after_apply(applied)
        session.flush()
    return result


def _held_range(
    session: Session, before: int, recorded: list[tuple[str, str, int]], answered: list[tuple[Any, ...]]
) -> tuple[int, int] | None:
    """(first, last) sequence number of the changes a push recorded, when each is a row its answer gives at
    that version (one change per row) and they are the only changes after ``before``: the pushing station
    may then pull past them. None otherwise (a merge, a row changed twice, a gap)."""
    if not recorded or len(recorded) != len(answered) or set(recorded) != {(t, u, v) for t, u, v, *_ in answered}:
        return None
    first, last, count = session.execute(
        select(func.min(Change.seq), func.max(Change.seq), func.count()).where(Change.seq > before)
    ).one()
    return (first, last) if count == len(recorded) and last - first + 1 == count else None


_MISSING = object()


def _differences(held: Mapping[str, Any], sent: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the hall holds otherwise than the station sent them (1 and 1.0 differ: JSON tells them
    apart, and so does the digest)."""
    return {
        f: v for f, v in held.items() if (s := sent.get(f, _MISSING)) is _MISSING or s != v or type(s) is not type(v)
    }


_GROWING = ("hall_row", "hall_change", "hall_op", "hall_unique", "hall_alias")


def _keep_statistics(session: Session) -> None:
    """PostgreSQL: analyse the tables a push grows once they have doubled since their last analysis. A
    park's first upload grows them from nothing within a minute, faster than autovacuum analyses them (or
    never, where it is off), and a pull planned for a near-empty ``hall_change`` would read all of it. The
    push's own lookups do not wait for this (see ``lock``); analysing at every fifth more had cost a tenth
    of a first upload's time."""
    if session.get_bind().dialect.name != "postgresql":
        return
    stale = session.scalars(
        text(
            "SELECT relname FROM pg_stat_user_tables WHERE relname = ANY(:names) "
            "AND n_mod_since_analyze > 1000 + n_live_tup"
        ),
        {"names": list(_GROWING)},
    ).all()
    if stale:
        session.execute(text("ANALYZE " + ", ".join(f'"{name}"' for name in sorted(stale))))


def _conflict(
    session: Session,
    station: str,
    op: Mapping[str, Any],
    row: _Row | None,
    reason: str,
    kind: str = "stale",
    review: bool = False,
) -> str:
    """Keep a change the hall did not apply as sent, for the station (and, with ``review``, the hall's
    supervisor) to see: both versions stay."""
    session.add(
        Conflict(
            station=station,
            table_name=op["table"],
            row_uid=op["uid"],
            reason=reason,
            theirs=_dump(op.get("row")),
            ours=row.data if row is not None else None,
            fields=",".join(op.get("changed") or []),
            kind=kind,
            op=op["op"],
            review=review,
        )
    )
    return "conflict"


def stamp(station: str, updated_by: Any) -> str:
    """``updated_by`` as the hall stores it: the person the station named, and the station the credential
    proved (``clerk@ST01``); whatever station the row itself claimed is dropped."""
    person = str(updated_by or "")
    person = (person.rpartition("@")[0] if "@" in person else person).strip()
    return f"{person}@{station}" if person else station


def _stamped(table: SyncedTable, station: str, data: dict[str, Any]) -> dict[str, Any]:
    if "updated_by" in table.fields:
        data["updated_by"] = stamp(station, data.get("updated_by"))
    return data


_WHO = "登记它的服务站 {owner}"
_UNDER_REVIEW = "本站的这次改动已交服务大厅审核，在此之前以服务大厅的版本为准。"
_APPEND_ONLY = "这类记录（如兑付、评价、抽取记录）一经上传就"


def _refusal(
    table: SyncedTable, station: str, op: Mapping[str, Any], row: _Row, sent: Mapping[str, Any], auth: Authority
) -> tuple[str, str, bool] | None:
    """Why the write policy refuses this change of a row the hall holds: (kind, reason, review), or None.

    ``review``: the change waits at the hall for its supervisor (another station's row); without it the
    change is refused outright (an append-only record rewritten)."""
    owner = row.owner or station  # rows from before owners were kept: as today, any station
    mine = owner == station
    who = "服务大厅" if owner == HALL_STATION else _WHO.format(owner=owner)
    if op["op"] == "delete":
        if table.write == "append" or table.delete == "none":
            return "append", f"{_APPEND_ONLY}不能删除，服务大厅没有接受本站的删除。", False
        if not mine:
            reason = f"这条记录由{who}登记，只有它可以删除；{_UNDER_REVIEW}"
            return "delete", reason, True
        return None
    if table.write == "owner" and not mine:
        reason = f"这条记录由{who}登记，只有它或服务大厅可以修改；{_UNDER_REVIEW}"
        return "owner", reason, True
    if table.write == "append":
        current = _load(row.data) or {}
        refs = dict(table.refs)
        rewritten = [
            f
            for f in table.fields
            if f in sent
            and f not in table.amend
            and sent[f] != current.get(f)
            and not (f in refs and auth.same_row(refs[f], sent[f], current.get(f)))
        ]
        if rewritten:
            return "append", f"{_APPEND_ONLY}不能修改，服务大厅没有接受本站的改动。", False
        if not mine:
            reason = f"这条记录由{who}登记，只有它可以更改；{_UNDER_REVIEW}"
            return "owner", reason, True
    return None


def _duplicate_reason(table: SyncedTable, data: Mapping[str, Any]) -> str:
    keys = "；".join("、".join(f"{f}={data.get(f)}" for f in key) for key in table.unique)
    return f"园区内已有相同的记录（{keys}），服务大厅没有接受这一条。请核对后决定保留哪一条。"


def _apply(
    session: Session,
    station: str,
    op: Mapping[str, Any],
    tables: Mapping[str, SyncedTable],
    rows: _Rows,
    auth: Authority,
) -> tuple[str, _Row | None]:
    table = tables.get(op["table"])
    if table is None:
        reason = f"服务大厅不认识表“{op['table']}”（相应插件未在大厅启用）。"
        return _conflict(session, station, op, None, reason, kind="table"), None
    if table.write == "hall":
        reason = "这类数据由服务大厅统一发布，服务站不能修改；请以服务大厅的版本为准。"
        return _conflict(session, station, op, rows[(table.name, op["uid"])], reason, kind="hall"), None
    uid = auth.resolve(table.name, op["uid"])  # a row merged into another lives on as its alias
    row = rows[(table.name, uid)]
    sent = _stamped(table, station, auth.rewrite_refs(table, dict(op.get("row") or {})))
    if row is not None and not row.deleted and (refused := _refusal(table, station, op, row, sent, auth)) is not None:
        kind, reason, review = refused
        return _conflict(session, station, op, row, reason, kind=kind, review=review), None
    stale = row is not None and (uid != op["uid"] or int(op["base_version"]) != row.version)
    if stale and table.rule != "lww":
        return _conflict(session, station, op, row, "同一条记录已在别处被修改，请审核后决定保留哪一版。"), None
    if op["op"] == "delete":
        if row is None or row.deleted:
            return "applied", None  # already gone: deleting again changes nothing
        auth.claim(table, uid, hashes(table, _load(row.data)), ())
        rows.change(row, data=None, deleted=True)
        rows.record(station, op["op_uid"], row)
        return "applied", row
    if row is None:
        # ``sent`` is this push's own copy; a station sends every field of a new row
        data = sent if sent.keys() == table.field_set else {f: sent.get(f) for f in table.fields}
        keys = hashes(table, data)
        duplicate = auth.duplicate_of(table, uid, keys)
        if duplicate is not None:
            if table.on_duplicate == "merge":
                return _merge(session, station, op, table, rows, auth, duplicate, data)
            reason = _duplicate_reason(table, data)
            return _conflict(session, station, op, rows[(table.name, duplicate)], reason, kind="duplicate"), None
        row = rows.add(table.name, uid, data, station)
        auth.claim(table, uid, (), keys)
    elif row.deleted:
        reason = "这条记录已在别处被删除，请审核后决定是否恢复。"
        return _conflict(session, station, op, row, reason, kind="deleted"), None
    else:
        # Field-level: the fields this station changed go over the hall's newest row.
        current = _load(row.data) or {}
        changed = [f for f in op.get("changed") or table.fields if f in table.fields]
        if "updated_by" in table.fields:
            changed.append("updated_by")  # whoever changed the row, the hall says which station it was
        updated = {**current, **{f: sent.get(f) for f in changed}}
        keys = hashes(table, updated)
        duplicate = auth.duplicate_of(table, uid, keys)
        if duplicate is not None:
            return _conflict(session, station, op, row, _duplicate_reason(table, updated), kind="duplicate"), None
        auth.claim(table, uid, hashes(table, current), keys)
        rows.change(row, data=updated)
    rows.record(station, op["op_uid"], row)
    return "applied", row


def _merge(
    session: Session,
    station: str,
    op: Mapping[str, Any],
    table: SyncedTable,
    rows: _Rows,
    auth: Authority,
    target_uid: str,
    data: Mapping[str, Any],
) -> tuple[str, _Row | None]:
    """A new row with the key of an existing one becomes that row: its uid turns into an alias, and the
    fields it filled in go over the existing row (for a review-rule table, only where they do not differ)."""
    target = rows[(table.name, target_uid)]
    assert target is not None and not target.deleted  # hall_unique holds live rows only
    current = _load(target.data) or {}
    filled = {f: v for f, v in data.items() if v not in (None, "")}
    if table.rule != "lww":
        differing = [f for f, v in filled.items() if current.get(f) not in (None, "") and current.get(f) != v]
        if differing:
            reason = "同一条记录在两个服务站分别登记，以下内容不一致，请审核：" + "、".join(differing)
            _conflict(session, station, op, target, reason, kind="merge")
            filled = {f: v for f, v in filled.items() if f not in differing}
    updated = {**current, **filled}
    keys = hashes(table, updated)
    if auth.duplicate_of(table, target_uid, keys) is not None:
        return _conflict(session, station, op, target, _duplicate_reason(table, updated), kind="duplicate"), None
    auth.alias(table, op["uid"], target_uid)
    auth.claim(table, target_uid, hashes(table, current), keys)
    rows.change(target, data=updated)
    rows.record(station, op["op_uid"], target)
    return "merged", target


def publish_rows(
    session: Session,
    tables: Mapping[str, SyncedTable],
    table_name: str,
    rows: Sequence[tuple[str, Mapping[str, Any] | None]],
) -> int:
    """Publish rows as the hall (catalogues, trust lists): each ``(uid, data)`` becomes the row's new
    version (``None`` deletes it) and a change every station pulls. Rows already holding exactly that data
    are left alone, so publishing the same thing twice changes nothing. Returns the changes recorded.
    The caller commits."""
    table = tables.get(table_name)
    if table is None:
        raise UserError(f"服务大厅没有启用表“{table_name}”所属的插件，不能发布。")
    lock(session)
    found = _Rows(session)
    found.load({(table.name, uid) for uid, _ in rows})
    auth = Authority(session, tables)
    auth.load([{"table": table.name, "uid": uid, "row": dict(data or {})} for uid, data in rows])
    recorded = 0
    for uid, data in rows:
        row = found[(table.name, uid)]
        op_uid = uuid.uuid4().hex
        if data is None:
            if row is None or row.deleted:
                continue
            auth.claim(table, uid, hashes(table, _load(row.data)), ())
            found.change(row, data=None, deleted=True)
        else:
            clean = {f: data.get(f) for f in table.fields}
            keys = hashes(table, clean)
            if auth.duplicate_of(table, uid, keys) is not None:
                raise UserError(f"发布的“{table_name}”记录与已有记录重复：{_duplicate_reason(table, clean)}")
            if row is None:
                row = found.add(table.name, uid, clean, HALL_STATION)
                auth.claim(table, uid, (), keys)
            elif not row.deleted and _load(row.data) == clean:
                continue
            else:
                auth.claim(table, uid, () if row.deleted else hashes(table, _load(row.data)), keys)
                found.change(row, data=clean)
        found.record(HALL_STATION, op_uid, row)
        recorded += 1
    found.write()
    auth.write()
    session.flush()
    return recorded


def _page(session: Session, after: int, limit: int) -> tuple[Sequence[Any], dict[tuple[str, str], list[str]]]:
    changes = session.execute(
        select(Change.seq, Change.table_name, Change.row_uid, Change.version, Change.deleted, Change.data)
        .where(Change.seq > after)
        .order_by(Change.seq)
        .limit(min(limit, MAX_PULL))
    ).all()
    if not changes:
        return changes, {}
    # A station may still hold a row under a uid that the hall merged into this one: it re-keys it. One
    # join over the page's range finds them (a lookup by uid lists cost half the page's time).
    merged: dict[tuple[str, str], list[str]] = {}
    for table_name, to_uid, from_uid in session.execute(
        select(Alias.table_name, Alias.to_uid, Alias.from_uid)
        .distinct()
        .join(Change, (Change.table_name == Alias.table_name) & (Change.row_uid == Alias.to_uid))
        .where(Change.seq > after, Change.seq <= changes[-1].seq)
    ):
        merged.setdefault((table_name, to_uid), []).append(from_uid)
    for uids in merged.values():
        uids.sort()  # here, not by the database: collations differ
    return changes, merged


def pull(session: Session, after: int, limit: int) -> list[dict[str, Any]]:
    changes, merged = _page(session, after, limit)
    return [
        {
            "seq": c.seq,
            "table": c.table_name,
            "uid": c.row_uid,
            "version": c.version,
            "deleted": bool(c.deleted),
            "data": _load(c.data),
            "aliases": merged.get((c.table_name, c.row_uid), []),
        }
        for c in changes
    ]


def pull_json(session: Session, after: int, limit: int) -> str:
    """The same page as ``pull`` (``{"changes": [...], "last_seq": N}``), written straight from the stored
    JSON: parsing and re-serialising every row cost more than the query (initial syncs move 100,000 rows)."""
    changes, merged = _page(session, after, limit)
    quote = encode_basestring_ascii  # what json.dumps does to a string, without its per-call set-up
    items = [
        f'{{"seq":{seq},"table":{quote(table)},"uid":{quote(uid)},"version":{version},'
        f'"deleted":{"true" if deleted else "false"},"data":{"null" if data is None else data},'
        f'"aliases":{json.dumps(merged[(table, uid)]) if (table, uid) in merged else "[]"}}}'
        for seq, table, uid, version, deleted, data in changes
    ]
    return f'{{"changes":[{",".join(items)}],"last_seq":{last_seq(session)}}}'


def conflicts_for(
    session: Session, station: str, after: int, tables: Mapping[str, SyncedTable] | None = None
) -> list[dict[str, Any]]:
    found = list(
        session.scalars(
            select(Conflict).where(Conflict.station == station, Conflict.id > after).order_by(Conflict.id).limit(500)
        )
    )
    auth = Authority(session, tables or {})
    auth.load([{"table": c.table_name, "uid": c.row_uid} for c in found])
    out = []
    for c in found:
        uid = auth.resolve(c.table_name, c.row_uid)  # merged since: the station holds it under the new uid
        row = session.get(Row, {"table_name": c.table_name, "row_uid": uid})
        # Whether the hall holds this row: "none" means it never took it (a park-wide duplicate), so a
        # supervisor who keeps the hall's version drops the station's row.
        known = tables is None or c.table_name in tables
        hall_row = "unknown" if not known else "none" if row is None else "deleted" if row.deleted else "row"
        out.append(
            {
                "id": c.id,
                "table": c.table_name,
                "uid": uid,
                "reason": c.reason,
                "theirs": _load(c.theirs),
                "ours": _load(c.ours),
                "fields": [f for f in c.fields.split(",") if f],
                "created_at": c.created_at.isoformat(),
                "hall_row": hall_row,
                "hall_version": row.version if row is not None and not row.deleted else None,
                "kind": c.kind,
                "review": c.review,
                "hall_data": _load(row.data) if row is not None and not row.deleted else None,
            }
        )
    return out


def digest(session: Session, tables: Mapping[str, SyncedTable]) -> tuple[str, int]:
    """The same digest the stations compute (see ``station.core.sync.digest``), and the live row count.

    Sorted here, not by the database: PostgreSQL's collation may order text differently from SQLite's.
    """
    rows = sorted(
        session.execute(
            select(Row.table_name, Row.row_uid, Row.version, Row.data).where(
                Row.deleted.is_(False), Row.table_name.in_(list(tables))
            )
        ),
        key=lambda r: (r.table_name, r.row_uid),
    )

    def lines() -> Iterator[bytes]:
        for row in rows:
            data = _load(row.data) or {}
            fields = tables[row.table_name].fields
            yield digests.line(row.table_name, row.row_uid, row.version, {f: data.get(f) for f in fields})

    return digests.of_lines(lines()), len(rows)


def last_seq(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0
