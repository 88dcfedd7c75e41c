"""The working calendar: which moments are working time, and deadlines counted in working hours or days.

A day is a working day when it is Monday to Friday and not a public holiday, or when it is an adjusted
workday (调休上班) — the State Council's dates come from ``resources/calendar/cn_holidays.yaml``. The
park adds its own closed days and extra workdays on top, and sets its working hours (by default
09:00–12:00 and 13:30–17:30, Asia/Shanghai). Instants are aware datetimes; UTC in, UTC out.

A working day is as long as the park's working hours on one day (7 hours by default), so "one working
day" from 10:00 on a Friday is 10:00 on the next working day, and adding then measuring gives back
exactly what was added. Intervals are half-open: 12:00 ends the morning; a deadline that uses up the
morning exactly falls on 12:00, the last working moment of that run.

No Qt, no storage here; ``park_settings``/``save_park_settings`` keep the park's part in ``station_meta``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from station.core.clock import SHANGHAI
from station.errors import UserError

DEFAULT_HOURS: tuple[tuple[dt.time, dt.time], ...] = (
    (dt.time(9, 0), dt.time(12, 0)),
    (dt.time(13, 30), dt.time(17, 30)),
)
MAX_SCAN_DAYS = 3 * 366  # a calendar with no working time must fail loudly, not loop forever
META_KEY = "workcalendar.park"
ZERO = dt.timedelta(0)


@dataclass(frozen=True)
class NationalCalendar:
    """The State Council's holidays and adjusted workdays, with the source of each year."""

    holidays: frozenset[dt.date]
    workdays: frozenset[dt.date]
    names: Mapping[dt.date, str]
    sources: Mapping[int, str]
    provisional_years: frozenset[int] = frozenset()


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def parse_national(raw: Mapping[str, Any]) -> NationalCalendar:
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    names: dict[dt.date, str] = {}
    sources: dict[int, str] = {}
    provisional: set[int] = set()
    for year, spec in (raw.get("years") or {}).items():
        sources[int(year)] = str(spec.get("source", ""))
        if spec.get("provisional"):
            provisional.add(int(year))
        for item in spec.get("holidays") or ():
            day, last = _as_date(item["from"]), _as_date(item["to"])
            while day <= last:
                holidays.add(day)
                names[day] = str(item["name"])
                day += dt.timedelta(days=1)
        workdays.update(_as_date(d) for d in spec.get("workdays") or ())
    return NationalCalendar(frozenset(holidays), frozenset(workdays), names, sources, frozenset(provisional))


@cache
def national(path: Path | None = None) -> NationalCalendar:
    """The bundled national calendar (read once per process)."""
    import yaml

    from station import paths

    source = path or paths.resource("calendar", "cn_holidays.yaml")
    return parse_national(yaml.safe_load(source.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class ParkSettings:
    """What a park sets: its working hours and the days it closes or opens beyond the national rules."""

    hours: tuple[tuple[dt.time, dt.time], ...] = DEFAULT_HOURS
    closed: frozenset[dt.date] = frozenset()
    extra_workdays: frozenset[dt.date] = frozenset()

    def to_json(self) -> str:
        return json.dumps(
            {
                "hours": [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in self.hours],
                "closed": sorted(d.isoformat() for d in self.closed),
                "extra_workdays": sorted(d.isoformat() for d in self.extra_workdays),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> ParkSettings:
        if not text:
            return cls()
        raw = json.loads(text)
        return cls(
            hours=parse_hours(raw.get("hours") or ()) or DEFAULT_HOURS,
            closed=frozenset(_as_date(d) for d in raw.get("closed") or ()),
            extra_workdays=frozenset(_as_date(d) for d in raw.get("extra_workdays") or ()),
        )


def parse_hours(spans: Iterable[Iterable[str]]) -> tuple[tuple[dt.time, dt.time], ...]:
    """[["09:00", "12:00"], ...] to ordered, non-overlapping time spans; UserError with the reason."""
    result: list[tuple[dt.time, dt.time]] = []
    for span in spans:
        try:
            start, end = (dt.time.fromisoformat(str(t).strip()) for t in span)
        except ValueError as exc:
            raise UserError(f"工作时间“{'–'.join(map(str, span))}”的格式不对，请写成 09:00–12:00。") from exc
        if end <= start:
            raise UserError(f"工作时间 {start:%H:%M}–{end:%H:%M} 的结束应晚于开始，请改正。")
        if result and start < result[-1][1]:
            raise UserError("工作时间段应按时间先后排列且互不重叠，请改正。")
        result.append((start, end))
    return tuple(result)


@dataclass(frozen=True)
class WorkCalendar:
    national: NationalCalendar
    park: ParkSettings = field(default_factory=ParkSettings)

    def __post_init__(self) -> None:
        if not self.park.hours:
            raise UserError("园区还没有设置工作时间，请在设置中填写。")

    @property
    def day_length(self) -> dt.timedelta:
        return sum((_span(a, b) for a, b in self.park.hours), ZERO)

    def is_workday(self, day: dt.date) -> bool:
        if day in self.park.closed:
            return False
        if day in self.park.extra_workdays or day in self.national.workdays:
            return True
        return day.weekday() < 5 and day not in self.national.holidays

    def why_closed(self, day: dt.date) -> str:
        """A Chinese phrase for a non-working day (for the calendar page); "" for a working day."""
        if self.is_workday(day):
            return ""
        if day in self.park.closed:
            return "园区休息日"
        if day in self.national.holidays:
            return self.national.names.get(day, "法定节假日")
        return "周末"

    # -- intervals ----------------------------------------------------------------------------

    def _periods(self, start: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """Working periods (local time) from ``start`` on, the first clipped to begin at ``start``."""
        local = start.astimezone(SHANGHAI)
        day = local.date()
        for _ in range(MAX_SCAN_DAYS):
            if self.is_workday(day):
                for a, b in self.park.hours:
                    lo = dt.datetime.combine(day, a, SHANGHAI)
                    hi = dt.datetime.combine(day, b, SHANGHAI)
                    if hi <= local:
                        continue
                    yield max(lo, local), hi
            day += dt.timedelta(days=1)
        raise UserError("工作日历在三年内找不到工作时间，请检查园区的休息日设置。")

    def _periods_back(self, end: dt.datetime) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        """Working periods (local time) up to ``end``, latest first, the first clipped to end at ``end``."""
        local = end.astimezone(SHANGHAI)
        day = local.date()
        for _ in range(MAX_SCAN_DAYS):
            if self.is_workday(day):
                for a, b in reversed(self.park.hours):
                    lo = dt.datetime.combine(day, a, SHANGHAI)
                    hi = dt.datetime.combine(day, b, SHANGHAI)
                    if lo >= local:
                        continue
                    yield lo, min(hi, local)
            day -= dt.timedelta(days=1)
        raise UserError("工作日历在三年内找不到工作时间，请检查园区的休息日设置。")

    # -- questions ----------------------------------------------------------------------------

    def is_working_moment(self, at: dt.datetime) -> bool:
        """True when ``at`` lies inside working hours of a working day (half-open: 12:00 is not)."""
        local = at.astimezone(SHANGHAI)
        if not self.is_workday(local.date()):
            return False
        t = local.timetz().replace(tzinfo=None)
        return any(a <= t < b for a, b in self.park.hours)

    def add_working_time(self, start: dt.datetime, amount: dt.timedelta) -> dt.datetime:
        """The instant at which ``amount`` of working time has passed since ``start`` (UTC)."""
        if amount < ZERO:
            raise ValueError("working time to add must not be negative")
        if amount == ZERO:
            return start.astimezone(dt.UTC)
        left = amount
        for lo, hi in self._periods(start):
            span = hi - lo
            if left <= span:
                return (lo + left).astimezone(dt.UTC)
            left -= span
        raise AssertionError("unreachable")  # pragma: no cover - _periods raises first

    def add_working_hours(self, start: dt.datetime, hours: float | int) -> dt.datetime:
        return self.add_working_time(start, dt.timedelta(hours=hours))

    def add_working_days(self, start: dt.datetime, days: float | int) -> dt.datetime:
        return self.add_working_time(start, self.day_length * days)

    def working_time_between(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """Working time from ``start`` to ``end``; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_time_between(end, start)
        total = ZERO
        end_local = end.astimezone(SHANGHAI)
        for lo, hi in self._periods(start):
            if lo >= end_local:
                break
            total += min(hi, end_local) - lo
        return total

    def subtract_working_time(self, end: dt.datetime, amount: dt.timedelta) -> dt.datetime:
        """The instant ``amount`` of working time before ``end`` (UTC)."""
        if amount <= ZERO:
            return end.astimezone(dt.UTC)
        left = amount
        for lo, hi in self._periods_back(end):
            span = hi - lo
            if left <= span:
                return (hi - left).astimezone(dt.UTC)
            left -= span
        raise AssertionError("unreachable")  # pragma: no cover

    def with_park(self, park: ParkSettings) -> WorkCalendar:
        return replace(self, park=park)


def _span(a: dt.time, b: dt.time) -> dt.timedelta:
    return dt.datetime.combine(dt.date.min, b) - dt.datetime.combine(dt.date.min, a)


# -- the park's settings, kept in station_meta -------------------------------------------------------


def park_settings(session: Any) -> ParkSettings:
    from station.core import meta

    return ParkSettings.from_json(meta.get(session, META_KEY))


def for_session(session: Any) -> WorkCalendar:
    """The calendar in force at this station: national dates plus the park's settings."""
    return WorkCalendar(national(), park_settings(session))


def save_park_settings(work: Any, settings: ParkSettings) -> None:
    """Store the park's working hours and overrides (audited). Needs ``calendar.edit``."""
    from station.core import meta

    work.require("calendar.edit", "修改园区工作日历")
    WorkCalendar(national(), settings)  # refuses settings without working hours
    before = meta.get(work.session, META_KEY)
    after = settings.to_json()
    meta.put(work.session, META_KEY, after)
    work.audit("calendar.update", "calendar", "park", json.loads(before) if before else None, json.loads(after))
