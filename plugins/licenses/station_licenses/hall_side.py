"""What the licences plugin does inside the hall process: keep the hall-signed revocation list current.

When a push brings a licence whose status is ``revoked`` (revoked by hand, re-issued, or its permit
revoked), the hall adds its number to the revocation list, re-signs it and republishes it in the same
transaction, so every station's next sync carries it. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

LICENSE_TABLE = "licenses_license"


def _when(value: Any) -> dt.datetime:
    try:
        found = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return dt.datetime.now(dt.UTC)
    return found if found.tzinfo else found.replace(tzinfo=dt.UTC)


def revoked_in(changes: Any) -> list[tuple[str, dt.datetime]]:
    """(number, revoked at) of the licences a batch of applied changes shows as revoked."""
    found = []
    for table, _uid, data, _station in changes:
        if table == LICENSE_TABLE and data and data.get("status") == "revoked" and data.get("number"):
            found.append((str(data["number"]), _when(data.get("revoked_at") or data.get("updated_at"))))
    return found


def on_hall_apply(batch: Any) -> int:
    numbers = revoked_in(batch.changes)
    if not numbers:
        return 0
    from station.hall import trust

    return trust.revoke_licences(batch.publish, batch.session, numbers)
