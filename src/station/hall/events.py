"""Telling the hall's plugins what it has just applied (the ``hall_did_apply`` hook), inside the transaction
that applied it: a push, or a change the hall's supervisor decided."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from station.contributions import HallBatch, SyncedTable
from station.hall import sync

if TYPE_CHECKING:  # pragma: no cover
    from station.plugins import PluginHost

log = logging.getLogger(__name__)


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
        for impl in host.pm.hook.hall_did_apply.get_hookimpls():
            # A savepoint each: a plugin that fails is logged and its half-done work undone; the push stands.
            try:
                with db.begin_nested():
                    impl.function(batch=batch)
            except Exception:
                log.exception("hall_did_apply of plugin %s failed", impl.plugin_name)

    return after_apply
