"""The hall's side of sync: take a station's operations once, hand out changes by park-wide sequence.

Push runs in one transaction per request and takes a lock first (PostgreSQL: a transaction advisory
lock; SQLite writes one at a time anyway), so change sequence numbers are committed in order and a
station pulling "after N" can never step over a change that commits later with a smaller number.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from station.contributions import SyncedTable
from station.core.sync import digest as digests
from station.errors import UserError
from station.hall.authority import Authority, aliases_of
from station.hall.models import Change, Conflict, Op, Row, Station

PUSH_LOCK = 73_310  # the advisory lock that serialises pushes on PostgreSQL
MAX_OPS = 1000
MAX_PULL = 5000
HALL_STATION = "HALL"  # the "station" of changes the hall publishes itself


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


@dataclass
class PushResult:
    acked_seq: int
    applied: int = 0
    repeated: int = 0
    conflicts: int = 0
    outcomes: list[str] = field(default_factory=list)


def lock(session: Session) -> None:
    """Serialise writers of the change log (PostgreSQL; SQLite has one writer anyway)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUSH_LOCK})


@dataclass(frozen=True)
class AppliedChange:
    """A row the hall has just changed: what ``hall_did_apply`` hears about."""

    table: str
    uid: str
    data: dict[str, Any] | None  # None: deleted
    station: str


class _Rows(dict[tuple[str, str], "Row | None"]):
    """The hall's rows this request touches, loaded in bulk; a row not loaded yet is fetched on demand."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def load(self, keys: set[tuple[str, str]]) -> None:
        for table_name in {t for t, _ in keys}:
            uids = sorted(u for t, u in keys if t == table_name)
            for start in range(0, len(uids), 500):
                chunk = uids[start : start + 500]
                for key in chunk:
                    self.setdefault((table_name, key), None)
                for row in self.session.scalars(
                    select(Row).where(Row.table_name == table_name, Row.row_uid.in_(chunk))
                ):
                    self[(row.table_name, row.row_uid)] = row

    def __missing__(self, key: tuple[str, str]) -> Row | None:
        row = self.session.get(Row, {"table_name": key[0], "row_uid": key[1]})
        self[key] = row
        return row


def push(
    session: Session,
    station: Station,
    ops: Sequence[Mapping[str, Any]],
    tables: Mapping[str, SyncedTable],
    after_apply: Callable[[list[AppliedChange]], None] | None = None,
) -> PushResult:
    """Apply ``ops`` (in the station's order) at most once each; the caller commits, then acknowledges.

    ``after_apply`` hears about the rows changed, inside this transaction (the ``hall_did_apply`` hook)."""
    lock(session)
    session.refresh(station)
    result = PushResult(acked_seq=station.last_seq)
    # One query each for what this request touches, instead of one per operation.
    taken = set(session.scalars(select(Op.op_uid).where(Op.op_uid.in_([op["op_uid"] for op in ops]))))
    auth = Authority(session, tables)
    auth.load(ops)
    rows = _Rows(session)
    rows.load({(op["table"], auth.resolve(op["table"], op["uid"])) for op in ops})
    applied: list[AppliedChange] = []
    for op in ops:
        seq = int(op["seq"])
        if seq <= station.last_seq or op["op_uid"] in taken:
            result.repeated += 1
            result.outcomes.append("repeated")
            result.acked_seq = max(result.acked_seq, seq)
            continue
        outcome, row = _apply(session, station.code, op, tables, rows, auth)
        session.add(Op(op_uid=op["op_uid"], station=station.code, station_seq=seq, outcome=outcome))
        taken.add(op["op_uid"])
        result.outcomes.append(outcome)
        if outcome == "conflict":
            result.conflicts += 1
        else:
            result.applied += 1
            if row is not None:
                applied.append(AppliedChange(row.table_name, row.row_uid, _load(row.data), station.code))
        station.last_seq = seq
        result.acked_seq = seq
    session.flush()
    if applied and after_apply is not None:
        after_apply(applied)
        session.flush()
    return result


def _conflict(session: Session, station: str, op: Mapping[str, Any], row: Row | None, reason: str) -> str:
    session.add(
        Conflict(
            station=station,
            table_name=op["table"],
            row_uid=op["uid"],
            reason=reason,
            theirs=_dump(op.get("row")),
            ours=row.data if row is not None else None,
            fields=",".join(op.get("changed") or []),
        )
    )
    return "conflict"


def _record(session: Session, station: str, op_uid: str, row: Row) -> None:
    session.add(
        Change(
            table_name=row.table_name,
            row_uid=row.row_uid,
            version=row.version,
            data=row.data,
            deleted=row.deleted,
            station=station,
            op_uid=op_uid,
        )
    )


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
) -> tuple[str, Row | None]:
    table = tables.get(op["table"])
    if table is None:
        reason = f"服务大厅不认识表“{op['table']}”（相应插件未在大厅启用）。"
        return _conflict(session, station, op, None, reason), None
    if table.origin == "hall":
        reason = "这类数据由服务大厅统一发布，服务站不能修改；请以服务大厅的版本为准。"
        return _conflict(session, station, op, rows[(table.name, op["uid"])], reason), None
    uid = auth.resolve(table.name, op["uid"])  # a row merged into another lives on as its alias
    row = rows[(table.name, uid)]
    stale = row is not None and (uid != op["uid"] or int(op["base_version"]) != row.version)
    if stale and table.rule != "lww":
        return _conflict(session, station, op, row, "同一条记录已在别处被修改，请审核后决定保留哪一版。"), None
    if op["op"] == "delete":
        if row is None or row.deleted:
            return "applied", None  # already gone: deleting again changes nothing
        auth.claim(table, uid, _load(row.data), None)
        row.deleted, row.data, row.version = True, None, row.version + 1
        _record(session, station, op["op_uid"], row)
        return "applied", row
    sent = auth.rewrite_refs(table, dict(op.get("row") or {}))
    if row is None:
        data = {f: sent.get(f) for f in table.fields}
        duplicate = auth.duplicate_of(table, uid, data)
        if duplicate is not None:
            if table.on_duplicate == "merge":
                return _merge(session, station, op, table, rows, auth, duplicate, data)
            return _conflict(session, station, op, rows[(table.name, duplicate)], _duplicate_reason(table, data)), None
        row = Row(table_name=table.name, row_uid=uid, version=1, data=_dump(data), deleted=False)
        session.add(row)
        rows[(table.name, uid)] = row
        auth.claim(table, uid, None, data)
    elif row.deleted:
        return _conflict(session, station, op, row, "这条记录已在别处被删除，请审核后决定是否恢复。"), None
    else:
        # Field-level: the fields this station changed go over the hall's newest row.
        current = _load(row.data) or {}
        changed = [f for f in op.get("changed") or table.fields if f in table.fields]
        updated = {**current, **{f: sent.get(f) for f in changed}}
        duplicate = auth.duplicate_of(table, uid, updated)
        if duplicate is not None:
            return _conflict(session, station, op, row, _duplicate_reason(table, updated)), None
        auth.claim(table, uid, current, updated)
        row.data, row.version = _dump(updated), row.version + 1
    _record(session, station, op["op_uid"], row)
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
) -> tuple[str, Row | None]:
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
            _conflict(session, station, op, target, reason)
            filled = {f: v for f, v in filled.items() if f not in differing}
    updated = {**current, **filled}
    if auth.duplicate_of(table, target_uid, updated) is not None:
        return _conflict(session, station, op, target, _duplicate_reason(table, updated)), None
    auth.alias(table, op["uid"], target_uid)
    auth.claim(table, target_uid, current, updated)
    target.data, target.version = _dump(updated), target.version + 1
    _record(session, station, op["op_uid"], target)
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
            auth.claim(table, uid, _load(row.data), None)
            row.deleted, row.data, row.version = True, None, row.version + 1
        else:
            clean = {f: data.get(f) for f in table.fields}
            if auth.duplicate_of(table, uid, clean) is not None:
                raise UserError(f"发布的“{table_name}”记录与已有记录重复：{_duplicate_reason(table, clean)}")
            if row is None:
                row = Row(table_name=table.name, row_uid=uid, version=1, data=_dump(clean), deleted=False)
                session.add(row)
                found[(table.name, uid)] = row
                auth.claim(table, uid, None, clean)
            elif not row.deleted and _load(row.data) == clean:
                continue
            else:
                auth.claim(table, uid, None if row.deleted else _load(row.data), clean)
                row.deleted, row.data, row.version = False, _dump(clean), row.version + 1
        _record(session, HALL_STATION, op_uid, row)
        recorded += 1
    session.flush()
    return recorded


def pull(session: Session, after: int, limit: int) -> list[dict[str, Any]]:
    changes = list(
        session.scalars(select(Change).where(Change.seq > after).order_by(Change.seq).limit(min(limit, MAX_PULL)))
    )
    # A station may still hold a row under a uid that the hall merged into this one: it re-keys it.
    merged = aliases_of(session, {(c.table_name, c.row_uid) for c in changes})
    return [
        {
            "seq": c.seq,
            "table": c.table_name,
            "uid": c.row_uid,
            "version": c.version,
            "deleted": c.deleted,
            "data": _load(c.data),
            "aliases": merged.get((c.table_name, c.row_uid), []),
        }
        for c in changes
    ]


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
            }
        )
    return out


def digest(session: Session, tables: Mapping[str, SyncedTable]) -> tuple[str, int]:
    """The same digest the stations compute (see ``station.core.sync.digest``), and the live row count.

    Sorted here, not by the database: PostgreSQL's collation may order text differently from SQLite's.
    """
    rows = session.execute(
        select(Row.table_name, Row.row_uid, Row.version, Row.data).where(
            Row.deleted.is_(False), Row.table_name.in_(list(tables))
        )
    ).all()
    rows.sort(key=lambda r: (r.table_name, r.row_uid))

    def lines():  # type: ignore[no-untyped-def]
        for row in rows:
            data = _load(row.data) or {}
            fields = tables[row.table_name].fields
            yield digests.line(row.table_name, row.row_uid, row.version, {f: data.get(f) for f in fields})

    return digests.of_lines(lines()), len(rows)


def last_seq(session: Session) -> int:
    return session.scalar(select(func.coalesce(func.max(Change.seq), 0))) or 0
