"""好差评 (一事三评): the enterprise rates the station's service at application, acceptance and completion.

The national five grades, one rating per case and point, given at the window on the screen turned to the
enterprise or later at any station by the receipt's tracking code. A 不满意 or 非常不满意 is answered by a
supervisor within the park's working days: 核实 (verify), 整改 (rectify), 回访 (revisit), in that order.
Ratings and answers are append-only (never changed once written) and sync. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import UserError, ValidationError, Work, local, utcnow, workcalendar
from station_startup.models import StartupCase, StartupRating, StartupRatingAnswer

GRADES = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
BAD = 2  # this grade and below must be answered
STAGES = {"apply": "申请", "accept": "受理", "complete": "办结"}
ANSWER_STEPS = {"verify": "核实", "rectify": "整改", "revisit": "回访"}
CHANNELS = {"window": "窗口评价器", "code": "凭查询码评价", "web": "网上企业服务窗口"}  # web: at the hall
COMMENT_MAX = 500


def reached(case: StartupCase) -> list[str]:
    """The points of the case the enterprise can rate: application and acceptance once the case is taken
    at the window (一窗受理 takes both at once), completion once it is closed."""
    return reached_at(case.status)


def reached_at(status: str) -> list[str]:
    return ["apply", "accept", "complete"] if status == "closed" else ["apply", "accept"]


def default_stage(case: StartupCase) -> str:
    return reached(case)[-1]


def grade_of(value: Any) -> int:
    """A grade 1–5 from what was typed or clicked; anything else is refused with a sentence."""
    if isinstance(value, bool):
        value = None
    try:
        grade = int(str(value).strip())
    except (TypeError, ValueError):
        grade = 0
    if grade not in GRADES:
        choices = "，".join(f"{g} {name}" for g, name in GRADES.items())
        raise ValidationError({"grade": f"评价等级应为 1 到 5：{choices}。"})
    return grade


def clean_comment(text: str) -> str:
    text = (text or "").strip()
    if len(text) > COMMENT_MAX:
        raise ValidationError({"comment": f"评价意见最多 {COMMENT_MAX} 个字，请精简。"})
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError({"comment": "评价意见含有无法保存的字符，请重新输入。"}) from None
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise ValidationError({"comment": "评价意见含有控制字符，请重新输入。"})
    return text


def checked(
    number: str,
    status: str,
    started_at: dt.datetime,
    rated: Collection[str],
    grade: Any,
    *,
    stage: str | None,
    comment: str,
    channel: str,
    now: dt.datetime,
) -> tuple[str, int, str]:
    """(stage, grade, comment) of a new rating of case ``number`` once it passes every rule, wherever it is
    given (a station's window or the hall's enterprise window); ``rated``: the points already rated."""
    stage = stage or reached_at(status)[-1]
    if stage not in STAGES:
        raise ValidationError({"stage": "评价环节应为 apply（申请）、accept（受理）或 complete（办结）。"})
    if stage not in reached_at(status):
        raise UserError(f"开办件 {number} 还没有{STAGES[stage]}，办结后才能评价办结环节。")
    if now < started_at:
        raise UserError("评价时间不能早于受理时间，请核对电脑时间。")
    value = grade_of(grade)
    text = clean_comment(comment)
    if channel not in CHANNELS:
        raise ValidationError({"channel": "评价渠道只能是窗口评价器、凭查询码评价或网上企业服务窗口。"})
    if stage in rated:
        raise UserError(f"开办件 {number} 的“{STAGES[stage]}”环节已经评价过，每个环节只能评价一次。")
    return stage, value, text


def answer_due(calendar: workcalendar.WorkCalendar, grade: int, now: dt.datetime, days: int) -> dt.datetime | None:
    """When a bad rating must be answered by (``days`` working days on); None for a good one."""
    return calendar.add_working_days(now, days) if grade <= BAD else None


def rate(
    work: Work,
    case_key: str,
    grade: Any,
    *,
    stage: str | None = None,
    comment: str = "",
    channel: str = "window",
    station_code: str = "",
    now: dt.datetime | None = None,
) -> StartupRating:
    """Record the enterprise's rating of one point of the case (one per case and point)."""
    from station_startup import services

    work.require("startup.handle", "办理企业开办环节")
    now = now or utcnow()
    session = work.session
    case = services.find_case(session, case_key)
    rated = session.scalars(select(StartupRating.stage).where(StartupRating.case_uid == case.uid)).all()
    stage, value, text = checked(case.number, case.status, case.started_at, rated, grade, stage=stage,
                                 comment=comment, channel=channel, now=now)  # fmt: skip
    due = answer_due(workcalendar.for_session(session), value, now, services.load_settings(session).answer_days)
    rating = StartupRating(
        case_uid=case.uid,
        stage=stage,
        grade=value,
        comment=text,
        channel=channel,
        station_code=station_code,
        answer_due_at=due,
        rated_at=now,
        updated_at=now,
        updated_by=work.actor.name,
    )
    session.add(rating)
    session.flush()
    work.audit(
        "startup.rate", "startup_rating", rating.uid, None,
        {"case": case.number, "stage": stage, "grade": value, "comment": text, "channel": channel},
    )  # fmt: skip
    return rating


def answers_of(session: Session, rating_uid: str) -> dict[str, StartupRatingAnswer]:
    rows = session.scalars(select(StartupRatingAnswer).where(StartupRatingAnswer.rating_uid == rating_uid))
    return {a.step: a for a in rows}


def find_rating(session: Session, case_key: str, stage: str) -> StartupRating:
    from station_startup import services

    case = services.find_case(session, case_key)
    rating = session.scalar(
        select(StartupRating).where(StartupRating.case_uid == case.uid, StartupRating.stage == stage)
    )
    if rating is None:
        raise UserError(f"开办件 {case.number} 的“{STAGES.get(stage, stage)}”环节还没有评价。")
    return rating


def answer(work: Work, rating_uid: str, step: str, text: str, *, now: dt.datetime | None = None) -> StartupRatingAnswer:
    """A supervisor records 核实, then 整改, then 回访 for a bad rating."""
    work.require("startup.answer", "处理企业开办差评")
    now = now or utcnow()
    session = work.session
    rating = session.scalar(select(StartupRating).where(StartupRating.uid == rating_uid))
    if rating is None:
        raise UserError("找不到这条评价，请同步后再试。")
    if rating.grade > BAD:
        raise UserError("只有“不满意”和“非常不满意”的评价需要核实整改。")
    if step not in ANSWER_STEPS:
        raise ValidationError({"step": "处理步骤只能是 verify（核实）、rectify（整改）或 revisit（回访）。"})
    text = clean_comment(text)
    if not text:
        raise ValidationError({"text": f"请写明{ANSWER_STEPS[step]}的情况，它会记入档案。"})
    done = answers_of(session, rating.uid)
    if step in done:
        raise UserError(f"这条评价已经{ANSWER_STEPS[step]}过了。")
    order = list(ANSWER_STEPS)
    missing = [ANSWER_STEPS[s] for s in order[: order.index(step)] if s not in done]
    if missing:
        raise UserError(f"请先完成{'、'.join(missing)}，再记录{ANSWER_STEPS[step]}。")
    if now < rating.rated_at:
        raise UserError("处理时间不能早于评价时间，请核对日期。")
    row = StartupRatingAnswer(
        rating_uid=rating.uid, step=step, text=text, answered_at=now, updated_at=now, updated_by=work.actor.name
    )
    session.add(row)
    session.flush()
    work.audit("startup.rating.answer", "startup_rating_answer", row.uid, None, {"step": step, "text": text})
    return row


def answered_at(session: Session, rating: StartupRating) -> dt.datetime | None:
    """When the answer was complete (回访 recorded), or None."""
    revisit = answers_of(session, rating.uid).get("revisit")
    return revisit.answered_at if revisit else None


# -- reading ---------------------------------------------------------------------------------------


def case_ratings(session: Session, case_uid: str) -> list[dict[str, Any]]:
    """A case's ratings as plain data, with the answers to bad ones."""
    order = list(STAGES)
    rows = session.scalars(select(StartupRating).where(StartupRating.case_uid == case_uid)).all()
    found = []
    for r in sorted(rows, key=lambda r: order.index(r.stage) if r.stage in order else 9):
        answers = answers_of(session, r.uid)
        found.append(
            {
                "uid": r.uid,
                "stage": r.stage,
                "stage_text": STAGES.get(r.stage, r.stage),
                "grade": r.grade,
                "grade_text": GRADES.get(r.grade, str(r.grade)),
                "comment": r.comment,
                "channel_text": CHANNELS.get(r.channel, r.channel),
                "rated_at": r.rated_at.isoformat(),
                "answer_due_at": r.answer_due_at.isoformat() if r.answer_due_at else None,
                "answers": {s: {"text": a.text, "at": a.answered_at.isoformat()} for s, a in answers.items()},
            }
        )
    return found


@dataclass(frozen=True)
class RatingFigures:
    """The 好差评 figures of a span of time."""

    by_grade: dict[int, int]
    bad: int  # 不满意 and 非常不满意
    answered: int  # of those, answered (回访 recorded) by the end of the span
    overdue: int  # of those, past their answer time unanswered at the end, or answered late

    @property
    def total(self) -> int:
        return sum(self.by_grade.values())

    @property
    def satisfied_share(self) -> float | None:
        """The share rated 基本满意 or better (满意率 as the 好差评 systems publish it)."""
        return None if not self.total else sum(n for g, n in self.by_grade.items() if g > BAD) / self.total


def figures(session: Session, start: dt.datetime, end: dt.datetime) -> RatingFigures:
    """Ratings given in [start, end), and how their bad ones stood at ``end``."""
    rows = session.scalars(select(StartupRating).where(StartupRating.rated_at >= start, StartupRating.rated_at < end))
    by_grade = dict.fromkeys(GRADES, 0)
    bad = answered = overdue = 0
    for r in rows:
        by_grade[r.grade] = by_grade.get(r.grade, 0) + 1
        if r.grade > BAD:
            continue
        bad += 1
        done = answered_at(session, r)
        if done is not None and done < end:
            answered += 1
            overdue += int(r.answer_due_at is not None and done > r.answer_due_at)
        elif r.answer_due_at is not None and r.answer_due_at <= end:
            overdue += 1
    return RatingFigures(by_grade, bad, answered, overdue)


def waiting_answers(session: Session) -> list[tuple[StartupRating, str, str]]:
    """(rating, case number, enterprise name) of each bad rating whose 回访 is not recorded yet."""
    rows = session.execute(
        select(StartupRating, StartupCase.number, StartupCase.enterprise_name)
        .join(StartupCase, StartupCase.uid == StartupRating.case_uid)
        .where(StartupRating.grade <= BAD)
        .order_by(StartupRating.answer_due_at)
    ).all()
    return [(r, number, name) for r, number, name in rows if answered_at(session, r) is None]


def notices_for(session: Session, actor: Any, now: dt.datetime) -> list[tuple[str, str, str, str]]:
    """(key, text, level, user): each bad rating still to be answered, for the supervisors who answer them."""
    found = []
    for rating, number, name in waiting_answers(session):
        grade, stage = GRADES[rating.grade], STAGES.get(rating.stage, rating.stage)
        due = f"{local(rating.answer_due_at):%m月%d日 %H:%M}" if rating.answer_due_at else ""
        if rating.answer_due_at is not None and rating.answer_due_at <= now:
            text = (
                f"开办件 {number}（{name}）“{stage}”环节的{grade}评价已超过处理时限（{due}），请尽快核实、整改并回访。"
            )
            found.append((f"startup:rating:{rating.uid}:overdue", text, "critical", actor.name))
        else:
            text = f"开办件 {number}（{name}）“{stage}”环节收到{grade}评价，请于{due}前核实、整改并回访。"
            found.append((f"startup:rating:{rating.uid}", text, "warning", actor.name))
    return found


def month_figures(session: Session, now: dt.datetime) -> RatingFigures:
    from station_startup import services

    return figures(session, services.month_start(now), now + dt.timedelta(seconds=1))
