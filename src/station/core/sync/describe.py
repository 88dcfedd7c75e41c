"""A synced row as a clerk knows it, for the places that show rows away from their own page (the sync
conflicts): the enterprise's name and credit code, the claim's or licence's number, rather than a table
and a uid. A table may say it better itself (``SyncedTable.describe``); otherwise the row is named by its
enterprise and the first of its number, title, name or code. No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy import text

from station.contributions import SyncedTable, loaded

log = logging.getLogger(__name__)
NAMING_FIELDS = ("number", "title", "name", "code")


def full_row(session: Any, table: str, uid: str, *sides: Mapping[str, Any] | None) -> dict[str, Any]:
    """The row as this station holds it, with each of ``sides`` (versions of some of its fields) over it."""
    row: dict[str, Any] = {}
    try:
        found = session.execute(text(f'SELECT * FROM "{table}" WHERE uid = :uid'), {"uid": uid}).mappings().first()
    except Exception:  # a table this station does not have (its plugin is not installed): the sides only
        log.debug("no local row of %s", table, exc_info=True)
        found = None
    if found is not None:
        row.update(found)
    for side in sides:
        row.update(side or {})
    return row


def enterprise(session: Any, uid: str | None) -> tuple[str, str] | None:
    """An enterprise's name and credit code by its uid, or None if this station does not hold it."""
    if not uid:
        return None
    found = session.execute(text("SELECT name, uscc FROM enterprise WHERE uid = :uid"), {"uid": uid}).first()
    return (found[0], found[1]) if found else None


def describe(
    session: Any, table: SyncedTable | None, row: Mapping[str, Any], tables: Mapping[str, SyncedTable], depth: int = 0
) -> str:
    """The row as a clerk knows it: "株洲华鑫新材料有限公司（91430211…） · ZC-ST01-20250301-0002". A row
    with nothing of its own to be known by (a case's step, a claim's event) is named by the row it belongs
    to, through the table's ``refs``."""
    if table is not None and table.describe is not None:
        try:
            said = loaded(table.describe)(session, row)
            if said:
                return said
        except Exception:  # a plugin's describe that fails must not hide the conflict: the default names it
            log.exception("describe of synced table %s failed", table.name)
    parts: list[str] = []
    used: set[str] = set()
    held = enterprise(session, row.get("enterprise_uid"))
    if held is not None:
        parts.append(f"{held[0]}（{held[1]}）")
    elif row.get("uscc") and row.get("name"):
        parts.append(f"{row['name']}（{row['uscc']}）")
        used.add("name")
    elif row.get("enterprise_name"):
        parts.append(str(row["enterprise_name"]))
    for field in NAMING_FIELDS:
        if field not in used and row.get(field):
            parts.append(str(row[field]))
            break
    if not parts and table is not None and depth < 2:
        for column, other in table.refs:
            if other != "enterprise" and row.get(column):
                parent = full_row(session, other, str(row[column]))
                said = describe(session, tables.get(other), parent, tables, depth + 1)
                if said:
                    return said
    return " · ".join(parts)
