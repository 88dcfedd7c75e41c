"""Telling the hall's plugins what it has just applied (the ``hall_did_apply`` hook), inside the transaction
that applied it: a push, or a change the hall's supervisor decided."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from station.contributions import HallBatch, SyncedTable
from station.hall import sync
from station.plugins import CallPolicy

if TYPE_CHECKING:  # pragma: no cover
    from station.plugins import PluginHost


def announce(
    host: PluginHost, db: Session, tables: Mapping[str, SyncedTable]
) -> Callable[[list[sync.AppliedChange]], None]:
    def after_apply(applied: list[sync.AppliedChange]) -> None:
        batch = HallBatch(
            session=db,
            tables=tables,
            changes=tuple((c.table, c.uid, c.data, c.station) for c in applied),
            publish=lambda table, rows: sync.publish_rows(db, tables, table, rows),
        )
        # A savepoint each: a plugin that fails is logged and its half-done work undone; the push stands.
        host.call("hall_did_apply", CallPolicy.in_savepoints(db), batch=batch)

    return after_apply
