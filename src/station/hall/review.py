"""Changes the hall keeps for its supervisor: a station's change to another station's row (an "owner"
table, a delete, an amendment of an append-only record). The supervisor applies one (the hall publishes it
as its own change, which every station pulls, the owner included) or dismisses it; either way the decision
is kept on the conflict with who made it, when and why, and logged."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.contributions import SyncedTable
from station.core.db import utcnow
from station.errors import UserError
from station.hall import sync
from station.hall.authority import Authority
from station.hall.models import Conflict, Row

log = logging.getLogger(__name__)


def waiting(session: Session, include_decided: bool = False, limit: int = 500) -> list[Conflict]:
    query = select(Conflict).where(Conflict.review.is_(True))
    if not include_decided:
        query = query.where(Conflict.status == "open")
    return list(session.scalars(query.order_by(Conflict.id).limit(limit)))


def as_dict(c: Conflict) -> dict[str, Any]:
    return {
        "id": c.id,
        "station": c.station,
        "table": c.table_name,
        "uid": c.row_uid,
        "op": c.op,
        "kind": c.kind,
        "reason": c.reason,
        "theirs": json.loads(c.theirs) if c.theirs else None,
        "ours": json.loads(c.ours) if c.ours else None,
        "fields": [f for f in c.fields.split(",") if f],
        "created_at": c.created_at.isoformat(),
        "status": c.status,
        "decided_by": c.decided_by,
        "decided_at": c.decided_at.isoformat() if c.decided_at else None,
        "decision_note": c.decision_note,
    }


def decide(
    session: Session,
    tables: Mapping[str, SyncedTable],
    conflict_id: int,
    *,
    apply: bool,
    by: str,
    note: str,
    after_apply: Any = None,
) -> Conflict:
    """Apply or dismiss one waiting change; the caller commits. ``after_apply`` (``events.announce``)
    tells the hall's plugins about an applied change, as a push would."""
    if not note.strip():
        raise UserError("请写明处理理由，它会与决定一起留存。")
    sync.lock(session)
    conflict = session.get(Conflict, conflict_id)
    if conflict is None or not conflict.review:
        raise UserError(f"没有编号为 {conflict_id} 的待审核改动。")
    if conflict.status != "open":
        raise UserError(f"编号 {conflict_id} 的改动已由 {conflict.decided_by} 处理过（{conflict.status}）。")
    if apply:
        _apply(session, tables, conflict, after_apply)
    conflict.status = "applied" if apply else "dismissed"
    conflict.decided_by, conflict.decided_at, conflict.decision_note = by, utcnow(), note.strip()
    session.flush()
    log.info("hall review %d (%s %s from %s) %s by %s: %s", conflict.id, conflict.table_name, conflict.row_uid,
             conflict.station, conflict.status, by, note.strip())  # fmt: skip
    return conflict


def _apply(session: Session, tables: Mapping[str, SyncedTable], conflict: Conflict, after_apply: Any) -> None:
    table = tables.get(conflict.table_name)
    if table is None:
        raise UserError("服务大厅没有启用这张表所属的插件，不能采纳这次改动。")
    auth = Authority(session, tables)
    auth.load([{"table": table.name, "uid": conflict.row_uid}])
    uid = auth.resolve(table.name, conflict.row_uid)
    row = session.get(Row, {"table_name": table.name, "row_uid": uid})
    if row is None or row.deleted:
        raise UserError("服务大厅已没有这条记录，无法采纳这次改动；请驳回。")
    if conflict.op == "delete":
        data = None
    else:
        theirs = json.loads(conflict.theirs) if conflict.theirs else {}
        changed = [f for f in conflict.fields.split(",") if f in table.fields] or list(table.fields)
        data = {**(json.loads(row.data) if row.data else {}), **{f: theirs.get(f) for f in changed if f in theirs}}
        if "updated_by" in table.fields:
            data["updated_by"] = sync.stamp(conflict.station, theirs.get("updated_by"))
    sync.publish_rows(session, tables, table.name, [(uid, data)])
    if after_apply is not None:
        after_apply([sync.AppliedChange(table.name, uid, data, conflict.station)])
