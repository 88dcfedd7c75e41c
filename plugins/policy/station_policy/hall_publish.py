"""Publishing the catalogue at the hall: an ``write="hall"`` table that every station pulls with sync.

Runs where the hall's database is (``station policy catalog publish DIR --hall-db URL``); each edition
becomes a hall-published row with the same uid a station's offline load gives it, so a station that
loaded the catalogue by hand takes the hall's rows over its own without a conflict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from station_policy.catalog import Policy, RuleError, check_cases

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


def row_data(p: Policy, published_at: dt.datetime) -> dict[str, Any]:
    """The row as a station's SQLite holds it (dates as ISO text, times as naive UTC text)."""
    return {
        "code": p.code,
        "edition": p.edition,
        "title": p.title,
        "department": p.department,
        "category": p.category,
        "valid_from": p.valid_from.isoformat(),
        "valid_to": p.valid_to.isoformat() if p.valid_to else None,
        "period": p.period,
        "digest": p.digest,
        "document": p.document,
        "published_at": published_at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds"),
    }


def publish(
    ctx: StationContext, policies: Sequence[Policy], *, hall_db: str | None = None, now: dt.datetime | None = None
) -> int:
    """Publish every edition (its worked cases must hold); returns how many rows changed at the hall."""
    from station.api import SyncedTable, UserError
    from station.api.hall import HallStore, default_url, publish_rows

    problems = [x for p in policies for x in check_cases(p)]
    if problems:
        raise UserError("政策案例未通过，未发布：" + "；".join(problems[:3]))
    tables = {t.name: t for t in ctx.host.collect("register_synced_tables", SyncedTable)}
    at = now or dt.datetime.now(dt.UTC)
    store = HallStore(hall_db or default_url(ctx.data_dir))
    try:
        store.migrate()
        with store.session() as session, session.begin():
            return publish_rows(session, tables, "policy_policy", [(p.uid, row_data(p, at)) for p in policies])
    except RuleError as exc:  # pragma: no cover - load_dir already checked the documents
        raise UserError(str(exc)) from None
    finally:
        store.dispose()
