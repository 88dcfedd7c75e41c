"""What the startup plugin writes inside the hall process: the enterprise's 好差评 given in the hall's enterprise
window. The rating becomes a row of the hall's own (owner ``HALL``) that every station pulls, so the station
that took the case shows it as it shows a rating given at its window. The rules are the station's
(``ratings.checked``): one rating per case and point, the national five grades. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

RATING = "startup_rating"
CHANNEL = "web"
BY = "enterprise@HALL"  # who wrote it, as the hall stamps its own rows


def stored(at: dt.datetime) -> str:
    """A time as a station's database writes it (naive UTC text)."""
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def rated_stages(session: Session, case_uid: str) -> dict[str, dict[str, Any]]:
    """The case's ratings the hall holds (from any station, or given here), by point."""
    from station.api.hall import rows

    return {str(d.get("stage")): d for _, d, _ in rows.live(session, RATING, case_uid) if d.get("case_uid") == case_uid}


def rate_at_hall(
    session: Session,
    tables: Mapping[str, Any],
    case_uid: str,
    case: Mapping[str, Any],
    grade: Any,
    *,
    stage: str | None,
    comment: str,
    now: dt.datetime,
) -> dict[str, Any]:
    """Record the enterprise's rating of one point of the case as the hall's own row, in the caller's
    transaction; ``UserError``/``ValidationError`` with the station's sentence when a rule refuses it."""
    from station.api import workcalendar
    from station.api.hall import rows, sync
    from station_startup import ratings
    from station_startup.services import StartupSettings

    sync.lock(session)  # two submissions of one form at once: the second sees the first's row
    started = rows.when(case.get("started_at")) or now
    stage, value, text = ratings.checked(
        str(case.get("number") or ""), str(case.get("status") or ""), started, set(rated_stages(session, case_uid)),
        grade, stage=stage, comment=comment, channel=CHANNEL, now=now,
    )  # fmt: skip
    # The park's own calendar settings and answer time stay at its stations: the hall counts the national
    # working days with the default hours, and the longest answer time the 好差评 rules allow.
    calendar = workcalendar.WorkCalendar(workcalendar.national(), workcalendar.ParkSettings())
    due = ratings.answer_due(calendar, value, now, StartupSettings().answer_days)
    data = {
        "case_uid": case_uid, "stage": stage, "grade": value, "comment": text, "channel": CHANNEL,
        "station_code": sync.HALL_STATION, "answer_due_at": stored(due) if due else None, "rated_at": stored(now),
        "updated_at": stored(now), "updated_by": BY,
    }  # fmt: skip
    sync.publish_rows(session, tables, RATING, [(uuid.uuid4().hex, data)])
    return data
