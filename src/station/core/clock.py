"""Time on screen is Asia/Shanghai; storage is UTC. China has kept UTC+8 without daylight saving since
1991, so a fixed offset is exact and needs no tz database on the station's desktop."""

from __future__ import annotations

import datetime as dt

SHANGHAI = dt.timezone(dt.timedelta(hours=8), "CST")


def local(value: dt.datetime) -> dt.datetime:
    return value.astimezone(SHANGHAI)


def local_text(value: dt.datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return local(value).strftime("%Y-%m-%d %H:%M:%S")


def start_of_local_day(now: dt.datetime | None = None) -> dt.datetime:
    now = local(now or dt.datetime.now(dt.UTC))
    return now.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


def today() -> dt.date:
    """The park's calendar day now (Beijing time), whatever time zone the machine is set to: between 16:00
    and midnight UTC a machine on UTC is already on the next day's dates."""
    return local(dt.datetime.now(dt.UTC)).date()
