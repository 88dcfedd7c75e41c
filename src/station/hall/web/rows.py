"""Reading the hall's copy of synced rows (``hall_row``, JSON of each table's synced fields) for web pages."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.hall import authority
from station.hall.models import Row, Station, UniqueKey


def live(session: Session, table: str, containing: str | None = None) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(uid, data, owning station) of every live row of ``table``; ``containing`` narrows the scan to rows whose
    JSON holds that text (a uid the rows refer to), checked again by the caller on the parsed data."""
    query = select(Row.row_uid, Row.data, Row.owner).where(Row.table_name == table, Row.deleted.is_(False))
    if containing:
        query = query.where(Row.data.contains(containing, autoescape=True))
    for uid, data, owner in session.execute(query.order_by(Row.row_uid)):
        if data:
            yield uid, json.loads(data), owner or ""


def by_unique(session: Session, table: str, key: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The live row of ``table`` whose park-wide unique key (``SyncedTable.unique``) has these values."""
    wanted = authority.key_hash(tuple(key), key)
    if wanted is None:
        return None
    uid = session.scalar(select(UniqueKey.row_uid).where(UniqueKey.table_name == table, UniqueKey.key_hash == wanted))
    row = session.get(Row, {"table_name": table, "row_uid": uid}) if uid else None
    if row is None or row.deleted or not row.data:
        return None
    return row.row_uid, json.loads(row.data)


def station_names(session: Session) -> dict[str, str]:
    """Station code -> name, the hall's own rows included."""
    from station.hall.sync import HALL_STATION

    return {
        HALL_STATION: "服务大厅",
        **{code: name for code, name in session.execute(select(Station.code, Station.name))},
    }


def when(value: Any) -> dt.datetime | None:
    """A time as a station's database writes it (naive UTC text), aware; None when missing or unreadable."""
    if not value:
        return None
    try:
        found = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)
