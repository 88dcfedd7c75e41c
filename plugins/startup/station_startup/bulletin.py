"""每周通报: the week's startup figures for the park's management, and the week before for comparison.

A week is an ISO week in Asia/Shanghai (``2026-W48``: Monday 00:00 to the next Monday 00:00). Everything
is computed as it stood at the end of the week from the stored instants (a step done later still counts
as open then), so a bulletin printed again later shows the same figures. No Qt; the PDF is
``bulletin_pdf``.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from station.api import SHANGHAI, UserError, local, workcalendar
from station_startup import catalogue, ratings
from station_startup.models import StartupCase, StartupPaper, StartupStep

COLOUR_NAMES = {"red": "红色（超时）", "yellow": "黄色（临近时限）", "none": "正常办理", "green": "绿色（已办结）"}


@dataclass(frozen=True)
class Week:
    year: int
    week: int

    @classmethod
    def parse(cls, text: str) -> Week:
        found = re.fullmatch(r"\s*(\d{4})-?W(\d{1,2})\s*", text or "", re.IGNORECASE | re.ASCII)
        if found:
            year, week = int(found[1]), int(found[2])
            try:
                dt.date.fromisocalendar(year, week, 1)
            except ValueError:
                pass
            else:
                return cls(year, week)
        raise UserError(f"周次“{text}”看不懂，请写成 2026-W48（2026 年第 48 周）。")

    @classmethod
    def containing(cls, day: dt.date) -> Week:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[start, end) as UTC instants: Monday 00:00 to the next Monday 00:00, Shanghai time."""
        start = dt.datetime.combine(self.monday, dt.time(), SHANGHAI)
        return start.astimezone(dt.UTC), (start + dt.timedelta(days=7)).astimezone(dt.UTC)

    def previous(self) -> Week:
        return Week.containing(self.monday - dt.timedelta(days=7))

    def title(self) -> str:
        sunday = self.monday + dt.timedelta(days=6)
        return f"{self.year} 年第 {self.week} 周（{self.monday:%m月%d日}—{sunday:%m月%d日}）"


@dataclass(frozen=True)
class OverdueStep:
    number: str
    enterprise_name: str
    step: str
    clerk: str
    agent: str
    deadline_at: dt.datetime
    done_at: dt.datetime | None  # None: still not done at the end of the week


@dataclass(frozen=True)
class StepTime:
    step: str
    done: int  # steps finished in the week
    median_hours: float | None  # working hours from the case's start to the step's completion
    limit_hours: float | None  # the median of those steps' own limits
    late: int  # finished after their deadline


@dataclass
class WeekFigures:
    week: Week
    as_of: dt.datetime  # the week's end, or now for the week still running
    taken: int = 0  # cases taken in the week
    closed: int = 0  # cases finished in the week
    closed_in_time: int = 0
    colours: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COLOUR_NAMES, 0))  # at the week's end
    papers_overdue: int = 0  # cases red at the week's end because a deferred paper was overdue
    overdue_by_department: dict[str, list[OverdueStep]] = field(default_factory=dict)
    step_times: list[StepTime] = field(default_factory=list)
    ratings: ratings.RatingFigures | None = None

    @property
    def overdue_steps(self) -> int:
        return sum(len(v) for v in self.overdue_by_department.values())

    @property
    def in_time_share(self) -> float | None:
        return self.closed_in_time / self.closed if self.closed else None


def _colour_at(steps: list[StartupStep], case: StartupCase, papers: list[StartupPaper], t: dt.datetime) -> str:
    """The case's colour as it stood at instant ``t``."""
    if any(p.due_at is not None and p.due_at <= t and (p.received_at is None or p.received_at > t) for p in papers):
        return "red"  # a deferred paper past due and not yet brought (容缺)
    if case.completed_at is not None and case.completed_at <= t:
        return "green"
    rank = 0
    for s in steps:
        if s.done_at is not None and s.done_at <= t:
            continue
        rank = max(rank, 2 if s.deadline_at <= t else 1 if s.yellow_at <= t else 0)
    return {0: "none", 1: "yellow", 2: "red"}[rank]


def _hours(delta: dt.timedelta) -> float:
    return delta.total_seconds() / 3600


def week_figures(session: Session, week: Week, now: dt.datetime) -> WeekFigures:
    """The week's figures as they stood at its end (or at ``now``, for the week still running)."""
    start, end = week.bounds()
    end = min(end, now)
    cal = workcalendar.for_session(session)
    cat = catalogue.load()
    found = WeekFigures(week, end)
    # every case that was open at some moment of the week, or finished in it
    cases = session.scalars(
        select(StartupCase).where(
            StartupCase.started_at < end, or_(StartupCase.completed_at.is_(None), StartupCase.completed_at >= start)
        )
    ).all()
    # a closed case whose deferred paper was overdue during the week is still a case of the week (容缺)
    late_papers = {
        p.case_uid
        for p in session.scalars(
            select(StartupPaper).where(StartupPaper.due_at.is_not(None), StartupPaper.due_at < end)
        )
        if p.received_at is None or p.received_at > start
    }
    seen = {c.uid for c in cases}
    cases = [*cases, *session.scalars(select(StartupCase).where(StartupCase.uid.in_(late_papers - seen)))]
    uids = [c.uid for c in cases]
    steps_by_case: dict[str, list[StartupStep]] = defaultdict(list)
    for s in session.scalars(select(StartupStep).where(StartupStep.case_uid.in_(uids))):
        steps_by_case[s.case_uid].append(s)
    papers_by_case: dict[str, list[StartupPaper]] = defaultdict(list)
    for p in session.scalars(select(StartupPaper).where(StartupPaper.case_uid.in_(uids))):
        papers_by_case[p.case_uid].append(p)
    done_times: dict[str, list[float]] = defaultdict(list)
    limits: dict[str, list[float]] = defaultdict(list)
    late_done: dict[str, int] = defaultdict(int)
    overdue: dict[str, list[OverdueStep]] = defaultdict(list)
    for case in cases:
        steps, papers = steps_by_case[case.uid], papers_by_case[case.uid]
        if start <= case.started_at < end:
            found.taken += 1
        if case.completed_at is not None and start <= case.completed_at < end:
            found.closed += 1
            found.closed_in_time += int(case.completed_at <= case.deadline_at)
        colour = _colour_at(steps, case, papers, end)
        found.colours[colour] += 1
        if colour == "red" and _colour_at(steps, case, [], end) != "red":
            found.papers_overdue += 1
        for s in steps:
            name = cat.step_name(s.step_code)
            if s.done_at is not None and start <= s.done_at < end:
                done_times[s.step_code].append(_hours(cal.working_time_between(case.started_at, s.done_at)))
                limits[s.step_code].append(_hours(cal.working_time_between(case.started_at, s.deadline_at)))
                late_done[s.step_code] += int(s.done_at > s.deadline_at)
            # overdue in the week: past its deadline before the week ended, not done in time, and not
            # already done before the week began
            late = s.deadline_at < end and (s.done_at is None or s.done_at > s.deadline_at)
            if late and (s.done_at is None or s.done_at >= start):
                still_open = s.done_at is None or s.done_at >= end
                overdue[s.department].append(
                    OverdueStep(
                        case.number, case.enterprise_name, name, s.clerk, case.agent, s.deadline_at,
                        None if still_open else s.done_at,
                    )
                )  # fmt: skip
    found.overdue_by_department = {d: sorted(v, key=lambda o: (o.deadline_at, o.number)) for d, v in overdue.items()}
    found.step_times = [
        StepTime(
            cat.step_name(spec.code),
            len(done_times[spec.code]),
            statistics.median(done_times[spec.code]) if done_times[spec.code] else None,
            statistics.median(limits[spec.code]) if limits[spec.code] else None,
            late_done[spec.code],
        )
        for spec in cat.steps
    ]
    found.ratings = ratings.figures(session, start, end)
    return found


@dataclass(frozen=True)
class Bulletin:
    this: WeekFigures
    last: WeekFigures
    names: dict[str, str]  # user name -> display name, for the people named on paper
    station_name: str
    printed_at: dt.datetime

    def person(self, username: str) -> str:
        return self.names.get(username, username) if username else "—"


def make(session: Session, week: Week, *, station_name: str, now: dt.datetime) -> Bulletin:
    from station.api import User

    if week.bounds()[0] > now:
        raise UserError(f"{week.title()}还没有开始，请选择本周或以前的周次。")
    names = {u.username: u.display_name for u in session.scalars(select(User))}
    this, last = week_figures(session, week, now), week_figures(session, week.previous(), now)
    return Bulletin(this, last, names, station_name, now)


def last_full_week(now: dt.datetime) -> Week:
    """The week a Monday-morning bulletin reports on: the one before the current week."""
    return Week.containing(local(now).date()).previous()
