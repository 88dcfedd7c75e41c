"""The hall's side of sync: take a station's operations once, hand out changes by park-wide sequence.

Push runs in one transaction per request and takes a lock first (PostgreSQL: a transaction advisory
lock; SQLite writes one at a time anyway), so change sequence numbers are committed in order and a
station pulling "after N" can never step over a change that commits later with a smaller number.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from station.contributions import SyncedTable
from station.core.sync import digest as digests
from station.hall.models import Change, Conflict, Op, Row, Station

PUSH_LOCK = 73_310  # the advisory lock that serialises pushes on PostgreSQL
MAX_OPS = 1000
MAX_PULL = 5000


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


def push(
    session: Session, station: Station, ops: Sequence[Mapping[str, Any]], tables: Mapping[str, SyncedTable]
) -> PushResult:
    """Apply ``ops`` (in the station's order) at most once each; the caller commits, then acknowledges."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUSH_LOCK})
    session.refresh(station)
    result = PushResult(acked_seq=station.last_seq)
    # One query each for what this request touches, instead of one per operation.
    taken = set(session.scalars(select(Op.op_uid).where(Op.op_uid.in_([op["op_uid"] for op in ops]))))
    keys = {(op["table"], op["uid"]) for op in ops}
    rows: dict[tuple[str, str], Row | None] = dict.fromkeys(keys)  # None: not at the hall (yet)
    for table_name in {t for t, _ in keys}:
        uids = [u for t, u in keys if t == table_name]
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            for row in session.scalars(select(Row).where(Row.table_name == table_name, Row.row_uid.in_(chunk))):
                rows[(row.table_name, row.row_uid)] = row
    for op in ops:
        seq = int(op["seq"])
        if seq <= station.last_seq or op["op_uid"] in taken:
            result.repeated += 1
            result.outcomes.append("repeated")
            result.acked_seq = max(result.acked_seq, seq)
            continue
        outcome = _apply(session, station.code, op, tables, rows)
        session.add(Op(op_uid=op["op_uid"], station=station.code, station_seq=seq, outcome=outcome))
        taken.add(op["op_uid"])
        result.outcomes.append(outcome)
        if outcome == "conflict":
            result.conflicts += 1
        else:
            result.applied += 1
        station.last_seq = seq
        result.acked_seq = seq
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


def _record(session: Session, station: str, op: Mapping[str, Any], row: Row) -> None:
    session.add(
        Change(
            table_name=row.table_name,
            row_uid=row.row_uid,
            version=row.version,
            data=row.data,
            deleted=row.deleted,
            station=station,
            op_uid=op["op_uid"],
        )
    )


def _apply(
    session: Session,
    station: str,
    op: Mapping[str, Any],
    tables: Mapping[str, SyncedTable],
    rows: dict[tuple[str, str], Row | None],
) -> str:
    table = tables.get(op["table"])
    if table is None:
        return _conflict(session, station, op, None, f"服务大厅不认识表“{op['table']}”（相应插件未在大厅启用）。")
    row = rows.get((table.name, op["uid"]))
    stale = row is not None and int(op["base_version"]) != row.version
    if stale and table.rule != "lww":
        return _conflict(session, station, op, row, "同一条记录已在别处被修改，请审核后决定保留哪一版。")
    if op["op"] == "delete":
        if row is None or row.deleted:
            return "applied"  # already gone: deleting again changes nothing
        row.deleted, row.data, row.version = True, None, row.version + 1
    else:
        sent = op.get("row") or {}
        if row is None:
            row = Row(
                table_name=table.name,
                row_uid=op["uid"],
                version=1,
                data=_dump({f: sent.get(f) for f in table.fields}),
                deleted=False,
            )
            session.add(row)
            rows[(table.name, op["uid"])] = row
        elif row.deleted:
            return _conflict(session, station, op, row, "这条记录已在别处被删除，请审核后决定是否恢复。")
        else:
            # Field-level: the fields this station changed go over the hall's newest row.
            current = _load(row.data) or {}
            changed = [f for f in op.get("changed") or table.fields if f in table.fields]
            current.update({f: sent.get(f) for f in changed})
            row.data, row.version = _dump(current), row.version + 1
    _record(session, station, op, row)
    return "applied"


def pull(session: Session, after: int, limit: int) -> list[dict[str, Any]]:
    changes = session.scalars(select(Change).where(Change.seq > after).order_by(Change.seq).limit(min(limit, MAX_PULL)))
    return [
        {
            "seq": c.seq,
            "table": c.table_name,
            "uid": c.row_uid,
            "version": c.version,
            "deleted": c.deleted,
            "data": _load(c.data),
        }
        for c in changes
    ]


def conflicts_for(session: Session, station: str, after: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(Conflict).where(Conflict.station == station, Conflict.id > after).order_by(Conflict.id).limit(500)
    )
    return [
        {
            "id": c.id,
            "table": c.table_name,
            "uid": c.row_uid,
            "reason": c.reason,
            "theirs": _load(c.theirs),
            "ours": _load(c.ours),
            "fields": [f for f in c.fields.split(",") if f],
            "created_at": c.created_at.isoformat(),
        }
        for c in rows
    ]


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
