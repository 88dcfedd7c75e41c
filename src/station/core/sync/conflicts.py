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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from station.core.sync.outbox import HALL_DECIDES
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
    hall_version: int | None = None
    # "refused": a row from the hall this station could not take (``theirs`` is the hall's); "invalid": a
    # change of this station that could not travel; else the hall's reason (station.hall.models.Conflict).
    kind: str = "stale"

    @property
    def refused(self) -> bool:
        return self.kind == "refused"

    @property
    def hall_decides(self) -> bool:
        """The hall's write policy refused the change: sending it again would be refused again."""
        return self.kind in HALL_DECIDES


def open_conflicts(work_or_session: Any) -> list[OpenConflict]:
    session = getattr(work_or_session, "session", work_or_session)
    rows = session.execute(
        text(
            "SELECT id, table_name, row_uid, reason, fields, theirs, ours, created_at, hall_row, hall_version, kind "
            "FROM sync_conflict "
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
            r.hall_version,
            r.kind,
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
    if keep == "station" and conflict.hall_decides:
        raise UserError(
            "服务大厅不接受本站对这条记录的改动，再次提交也不会被接受；请保留服务大厅的版本，必要时请服务大厅审核。"
        )
    if keep == "station" and conflict.kind == "invalid":
        raise UserError("这条修改含有不能上传的值，请先在相应页面改正这条记录，再保留服务大厅的版本以关闭此项。")
    if conflict.refused:
        if keep == "hall" and not _take_from_hall(work, conflict):
            raise UserError("服务大厅的这条记录仍与本站的另一条记录冲突，请先处理那一条冲突，再回来处理这一条。")
    elif keep == "station" and conflict.hall_row == "none":
        raise UserError("服务大厅已有相同的记录，本站这一条无法再次提交；请保留服务大厅的版本，必要时修改后重新录入。")
    elif keep == "hall" and conflict.hall_row == "none":
        # The hall never took this row (a park-wide duplicate): drop it here without sending a delete, then
        # take the rows from the hall that it was standing in the way of.
        with _quietly(work):
            work.session.execute(text(f'DELETE FROM "{conflict.table}" WHERE uid = :uid'), {"uid": conflict.uid})
        _retry_refused(work, conflict.table)
    elif keep == "station" and conflict.theirs:
        fields = [f for f in (conflict.fields or tuple(conflict.theirs)) if f in conflict.theirs]
        sets = ", ".join(f'"{f}" = :{f}' for f in fields)
        result: Any = work.session.execute(  # a CursorResult: how many rows the UPDATE found
            text(f'UPDATE "{conflict.table}" SET {sets}, version = version + 1 WHERE uid = :uid'),
            {**{f: conflict.theirs[f] for f in fields}, "uid": conflict.uid},
        )
        updated = result.rowcount
        if not updated:
            raise UserError("这条记录在本站已不存在，只能保留服务大厅的版本。")
    _close(work, conflict, keep)


def _close(work: Work, conflict: OpenConflict, keep: str) -> None:
    work.session.execute(
        text("UPDATE sync_conflict SET status = 'resolved', resolved_by = :who, resolved_at = :at WHERE id = :id"),
        {"who": work.actor.name, "at": dt.datetime.now(dt.UTC).isoformat(), "id": conflict.id},
    )
    work.audit(
        "sync.conflict.resolve",
        conflict.table,
        conflict.uid,
        {"hall": conflict.ours, "station": conflict.theirs},
        {"kept": keep, "fields": list(conflict.fields)},
    )


@contextmanager
def _quietly(work: Work) -> Iterator[None]:
    """Write as the sync does when it applies the hall's changes: not captured, so nothing echoes back."""
    work.session.execute(text("UPDATE sync_apply_guard SET applying = 1"))
    try:
        yield
    finally:
        work.session.execute(text("UPDATE sync_apply_guard SET applying = 0"))


def _take_from_hall(work: Work, conflict: OpenConflict) -> bool:
    """Apply a row the station refused when it came from the hall (``theirs``); False if it still cannot."""
    data = conflict.theirs or {}
    if not data or conflict.hall_version is None:
        return False
    columns = ", ".join(f'"{f}"' for f in data)
    marks = ", ".join(f":{f}" for f in data)
    sets = ", ".join(f'"{f}" = :{f}' for f in data)
    values = {**data, "uid": conflict.uid, "version": conflict.hall_version}
    try:
        with _quietly(work), work.session.begin_nested():
            exists = work.session.execute(
                text(f'SELECT 1 FROM "{conflict.table}" WHERE uid = :uid'), {"uid": conflict.uid}
            ).first()
            if exists:
                work.session.execute(
                    text(f'UPDATE "{conflict.table}" SET {sets}, version = :version WHERE uid = :uid'), values
                )
            else:
                work.session.execute(
                    text(f'INSERT INTO "{conflict.table}" (uid, version, {columns}) VALUES (:uid, :version, {marks})'),
                    values,
                )
    except IntegrityError:
        return False
    return True


def _retry_refused(work: Work, table: str) -> None:
    """Rows from the hall this station refused for ``table``: take those that fit now (audited)."""
    for conflict in open_conflicts(work):
        if conflict.refused and conflict.table == table and _take_from_hall(work, conflict):
            _close(work, conflict, "hall")
