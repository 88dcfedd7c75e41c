"""The working calendar: worked deadlines across weekends, holidays and adjusted workdays, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from station.core import workcalendar
from station.core.clock import SHANGHAI
from station.core.workcalendar import ParkSettings, WorkCalendar
from station.errors import UserError

CAL = WorkCalendar(workcalendar.national())


def at(text: str) -> dt.datetime:
    """Shanghai wall-clock text to the UTC instant services store."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(dt.UTC)


def test_the_national_calendar_has_each_year_with_its_source() -> None:
    nat = workcalendar.national()
    assert {2025, 2026, 2027} <= set(nat.sources)
    assert "2026" in nat.sources[2026] and "国办发明电" in nat.sources[2026]
    assert 2027 in nat.provisional_years
    assert dt.date(2026, 2, 15) in nat.holidays and dt.date(2026, 2, 23) in nat.holidays
    assert CAL.why_closed(dt.date(2026, 10, 1)) == "国庆节"


@pytest.mark.parametrize(
    ("start", "amount", "expected"),
    [
        # across a weekend: 1.5 h on Friday afternoon, 2.5 h on Monday morning
        ("2026-11-27T16:00", dt.timedelta(hours=4), "2026-11-30T11:30"),
        # across the National Day holiday: one working day from the eve lands on the first day back
        ("2026-09-30T15:00", dt.timedelta(hours=7), "2026-10-08T15:00"),
        # onto an adjusted workday: Saturday 10 October 2026 is worked (调休)
        ("2026-10-09T14:00", dt.timedelta(hours=7), "2026-10-10T14:00"),
        # Sunday 20 September 2026 is worked: Friday's last 1.5 h, then Sunday morning
        ("2026-09-18T16:00", dt.timedelta(hours=4), "2026-09-20T11:30"),
        # Spring Festival: Saturday 14 February is worked, then nothing until Tuesday 24 February
        ("2026-02-14T10:00", dt.timedelta(hours=7), "2026-02-24T10:00"),
        # a start before opening counts from 09:00; the lunch break does not count
        ("2026-11-24T07:00", dt.timedelta(hours=4), "2026-11-24T14:30"),
        # using up a morning exactly ends at 12:00, not after lunch
        ("2026-11-24T09:00", dt.timedelta(hours=3), "2026-11-24T12:00"),
    ],
)
def test_worked_deadlines(start: str, amount: dt.timedelta, expected: str) -> None:
    deadline = CAL.add_working_time(at(start), amount)
    assert deadline == at(expected)
    assert CAL.working_time_between(at(start), deadline) == amount


def test_working_days_are_the_park_day_length() -> None:
    assert CAL.day_length == dt.timedelta(hours=7)
    assert CAL.add_working_days(at("2026-09-30T15:00"), 1) == at("2026-10-08T15:00")
    assert CAL.add_working_days(at("2026-12-31T10:00"), 1) == at("2027-01-04T10:00")


def test_park_overrides_close_and_open_days() -> None:
    park = ParkSettings(closed=frozenset({dt.date(2026, 11, 30)}), extra_workdays=frozenset({dt.date(2026, 11, 28)}))
    cal = CAL.with_park(park)
    # Saturday 28th opened by the park, Monday 30th closed by it
    assert cal.add_working_hours(at("2026-11-27T16:00"), 4) == at("2026-11-28T11:30")
    assert cal.add_working_hours(at("2026-11-28T17:00"), 1) == at("2026-12-01T09:30")
    assert cal.why_closed(dt.date(2026, 11, 30)) == "园区休息日"


def test_park_hours_are_configurable_and_checked() -> None:
    cal = CAL.with_park(ParkSettings(hours=workcalendar.parse_hours([["08:30", "12:00"], ["14:00", "18:00"]])))
    assert cal.day_length == dt.timedelta(hours=7, minutes=30)
    assert cal.add_working_hours(at("2026-11-24T11:00"), 2) == at("2026-11-24T15:00")
    with pytest.raises(UserError, match="结束应晚于开始"):
        workcalendar.parse_hours([["12:00", "09:00"]])
    with pytest.raises(UserError, match="格式不对"):
        workcalendar.parse_hours([["九点", "12:00"]])
    with pytest.raises(UserError, match="互不重叠"):
        workcalendar.parse_hours([["09:00", "12:00"], ["11:00", "13:00"]])
    assert ParkSettings.from_json(cal.park.to_json()) == cal.park


def test_a_calendar_without_working_time_says_so() -> None:
    every_day = frozenset(dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(3 * 366 + 10))
    cal = CAL.with_park(ParkSettings(closed=every_day))
    with pytest.raises(UserError, match="找不到工作时间"):
        cal.add_working_hours(at("2026-01-01T09:00"), 1)


def test_park_settings_are_stored_and_audited(ctx, admin, clerk) -> None:
    from station.errors import PermissionDenied

    park = ParkSettings(closed=frozenset({dt.date(2026, 12, 1)}))
    with ctx.work(admin) as work:
        workcalendar.save_park_settings(work, park)
    with ctx.read() as session:
        assert workcalendar.park_settings(session) == park
        assert not workcalendar.for_session(session).is_workday(dt.date(2026, 12, 1))
    with pytest.raises(PermissionDenied), ctx.work(clerk) as work:
        workcalendar.save_park_settings(work, ParkSettings())


# -- properties --------------------------------------------------------------------------------------

instants = st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 1)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=SHANGHAI).astimezone(dt.UTC)
)
amounts = st.integers(min_value=0, max_value=60 * 7 * 15).map(lambda m: dt.timedelta(minutes=m))


@settings(max_examples=150, deadline=None)
@given(instants, amounts)
def test_adding_then_measuring_gives_back_what_was_added(start: dt.datetime, amount: dt.timedelta) -> None:
    end = CAL.add_working_time(start, amount)
    assert CAL.working_time_between(start, end) == amount
    assert CAL.subtract_working_time(end, amount) <= end


@settings(max_examples=150, deadline=None)
@given(instants, amounts, amounts)
def test_adding_is_monotonic(start: dt.datetime, a: dt.timedelta, b: dt.timedelta) -> None:
    small, large = sorted((a, b))
    assert CAL.add_working_time(start, small) <= CAL.add_working_time(start, large)
    later = start + small
    assert CAL.add_working_time(start, large) <= CAL.add_working_time(later, large)


@settings(max_examples=150, deadline=None)
@given(instants, amounts.filter(lambda a: a > dt.timedelta(0)))
def test_a_deadline_never_lands_on_a_non_working_moment(start: dt.datetime, amount: dt.timedelta) -> None:
    end = CAL.add_working_time(start, amount)
    # the minute before a deadline is working time: it closes a stretch of work, never a lunch or a holiday
    assert CAL.is_working_moment(end - dt.timedelta(minutes=1))
    assert end > start


@settings(max_examples=100, deadline=None)
@given(instants, instants)
def test_measuring_is_antisymmetric_and_bounded(a: dt.datetime, b: dt.datetime) -> None:
    assert CAL.working_time_between(a, b) == -CAL.working_time_between(b, a)
    assert abs(CAL.working_time_between(a, b)) <= abs(b - a)
