"""Conflicts waiting for a person: list them, and settle one by keeping the hall's or this station's version.

Keeping this station's version is an ordinary edit of the row (captured, so the next sync sends it to the
hall on the hall's current version). Keeping the hall's changes nothing when the hall holds the row (the
pull that followed the conflict already brought the hall's version); when the hall never took the row (a
duplicate of a park-wide unique key) it drops the station's row, quietly, since the hall never had it.
Either way the decision is audited and the conflict is closed, never deleted.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from station.core.work import Work
from station.errors import UserError


@dataclass(frozen=True)
class OpenConflict:
    id: int
    table: str
    uid: str
    reason: str
    fields: tuple[str, ...]
    theirs: dict[str, Any] | None  # this station's version, as it was sent
    ours: dict[str, Any] | None  # the hall's version
    created_at: str
    hall_row: str = "row"  # "row", "deleted", "unknown", or "none": the hall never took this row


def open_conflicts(work_or_session: Any) -> list[OpenConflict]:
    session = getattr(work_or_session, "session", work_or_session)
    rows = session.execute(
        text(
            "SELECT id, table_name, row_uid, reason, fields, theirs, ours, created_at, hall_row FROM sync_conflict "
            "WHERE status = 'open' ORDER BY id"
        )
    ).all()
    return [
        OpenConflict(
            r.id,
            r.table_name,
            r.row_uid,
            r.reason,
            tuple(f for f in r.fields.split(",") if f),
            json.loads(r.theirs) if r.theirs else None,
            json.loads(r.ours) if r.ours else None,
            r.created_at,
            r.hall_row,
        )
        for r in rows
    ]


def resolve(work: Work, conflict_id: int, keep: str) -> None:
    """``keep`` is "station" (send this station's version again) or "hall" (accept the hall's)."""
    work.require("sync.resolve", "审核同步冲突")
    if keep not in ("station", "hall"):
        raise UserError("请选择保留本站版本或服务大厅版本。")
    found = [c for c in open_conflicts(work) if c.id == conflict_id]
    if not found:
        raise UserError("这条冲突已被处理，请刷新列表。")
    conflict = found[0]
    if keep == "station" and conflict.hall_row == "none":
        raise UserError("服务大厅已有相同的记录，本站这一条无法再次提交；请保留服务大厅的版本，必要时修改后重新录入。")
    if keep == "hall" and conflict.hall_row == "none":
        # The hall never took this row (a park-wide duplicate): drop it here without sending a delete.
        work.session.execute(text("UPDATE sync_apply_guard SET applying = 1"))
        try:
            work.session.execute(text(f'DELETE FROM "{conflict.table}" WHERE uid = :uid'), {"uid": conflict.uid})
        finally:
            work.session.execute(text("UPDATE sync_apply_guard SET applying = 0"))
    if keep == "station" and conflict.theirs:
        fields = [f for f in (conflict.fields or tuple(conflict.theirs)) if f in conflict.theirs]
        sets = ", ".join(f'"{f}" = :{f}' for f in fields)
        updated = work.session.execute(
            text(f'UPDATE "{conflict.table}" SET {sets}, version = version + 1 WHERE uid = :uid'),
            {**{f: conflict.theirs[f] for f in fields}, "uid": conflict.uid},
        ).rowcount
        if not updated:
            raise UserError("这条记录在本站已不存在，只能保留服务大厅的版本。")
    work.session.execute(
        text("UPDATE sync_conflict SET status = 'resolved', resolved_by = :who, resolved_at = :at WHERE id = :id"),
        {"who": work.actor.name, "at": dt.datetime.now(dt.UTC).isoformat(), "id": conflict_id},
    )
    work.audit(
        "sync.conflict.resolve",
        conflict.table,
        conflict.uid,
        {"hall": conflict.ours, "station": conflict.theirs},
        {"kept": keep, "fields": list(conflict.fields)},
    )
