"""What star levels bring, applied when a quarter is closed (the park's rules, ``stars.consequences``).

Closing quarter Q (``station agencies close-period --quarter 2026Q3``, once Q is over) records every
agency's star level for Q in ``agencies_standing`` and applies the rules:

- at or below ``suspend.stars`` for ``suspend.quarters`` quarters running (Q and the ones before it, each
  judged on its own ratings): an active agency is suspended from draws (its status becomes 暂停 with the
  rule as its reason, so every draw leaves it out with that reason) until the next quarter is closed;
- an agency the rules suspended at an earlier close is reinstated when the rule no longer holds for Q
  (a supervisor's own suspension or a blacklisting is never lifted here);
- at or above ``invite.stars``: the agency may be invited directly (``selection="invite"``) for a
  commission whose budget is under ``invite.below_yuan``, until the next quarter is closed.

Each close is audited once, and each suspension or reinstatement as a status change. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import UserError, Work, utcnow

from .catalogue import Catalogue
from .models import Agency, Standing
from .stars import Period

SUSPEND, LIFT, INVITE = "suspend", "lift", "invite"
_QUARTER = re.compile(r"\d{4}Q[1-4]")
LABELS = {SUSPEND: "暂停参与抽取", LIFT: "恢复参与抽取", INVITE: "可直接邀请", "": ""}
RULE_MARK = "按园区星级规则"  # starts the status reason of a suspension made here, so a close may lift it


def stars_text(stars: int | None) -> str:
    return "评价不足" if stars is None else "★" * stars + "☆" * (5 - stars)


def quarter_label(index: int) -> str:
    year, q = divmod(index, 4)
    return f"{year}Q{q + 1}"


def _quarter_end(period: Period) -> dt.date:
    year, q = divmod(period.last, 4)
    first_of_next = dt.date(year + (q == 3), (q + 1) % 4 * 3 + 1, 1)
    return first_of_next - dt.timedelta(days=1)


@dataclass(frozen=True)
class Closed:
    period: str
    standings: list[Standing]

    def with_consequence(self, kind: str) -> list[Standing]:
        return [s for s in self.standings if s.consequence == kind]


def closed_periods(session: Session) -> list[str]:
    # Only well-formed quarters: a row another station sent with anything else must not break every page.
    found = {p for p in session.scalars(select(Standing.period)) if isinstance(p, str) and _QUARTER.fullmatch(p)}
    return sorted(found, key=lambda p: Period.parse(p).first)


def latest(session: Session) -> dict[str, Standing]:
    """Each agency's standing at the latest closed quarter (what holds now)."""
    periods = closed_periods(session)
    if not periods:
        return {}
    return {s.agency_uid: s for s in session.scalars(select(Standing).where(Standing.period == periods[-1]))}


def history(session: Session, agency_uid: str) -> list[Standing]:
    rows = [
        s
        for s in session.scalars(select(Standing).where(Standing.agency_uid == agency_uid))
        if isinstance(s.period, str) and _QUARTER.fullmatch(s.period)
    ]
    return sorted(rows, key=lambda s: Period.parse(s.period).first)


def invitable(session: Session, agency_uid: str) -> Standing | None:
    """The standing that lets an agency be invited directly now, if it holds one."""
    found = latest(session).get(agency_uid)
    return found if found is not None and found.consequence == INVITE else None


def close_period(work: Work, quarter: str, *, cat: Catalogue | None = None, now: dt.datetime | None = None) -> Closed:
    """Close ``quarter`` (e.g. ``2026Q3``): record every agency's stars and apply the park's rules (``cat``: the
    park's catalogue, ``services.catalogue(data_dir)``, so its own ``agencies.yaml`` counts)."""
    from . import services

    work.require("agencies.manage", "登记和维护中介机构")
    period = Period.parse(quarter)
    if period.is_year:
        raise UserError(f"只能按季度结算星级，请写成 {period.label}Q4 这样的季度。")
    at = now or utcnow()
    today = services._today(at)
    if today <= _quarter_end(period):
        raise UserError(f"{period.title()}到 {_quarter_end(period).isoformat()} 才结束，期满后才能结算星级。")
    session = work.session
    if session.scalar(select(Standing.uid).where(Standing.period == period.label).limit(1)):
        raise UserError(f"{period.title()}的星级已经结算过，每个季度只结算一次。")
    cat = cat or services.catalogue()
    rules = cat.consequences
    runs = [Period.parse(quarter_label(period.first - back)) for back in range(rules.suspend_quarters)]
    evaluations = [services.evaluation(session, p, cat.rules) for p in runs]  # runs[0] is this quarter
    previous = latest(session)
    out: list[Standing] = []
    for agency in session.scalars(select(Agency).order_by(Agency.name, Agency.uid)):
        mine = evaluations[0].agencies.get(agency.uid)
        stars = mine.stars if mine else None
        levels = [(e.agencies[agency.uid].stars if agency.uid in e.agencies else None) for e in evaluations]
        low = all(s is not None and s <= rules.suspend_stars for s in levels)
        consequence, note = "", ""
        if low and agency.status == "active":
            consequence = SUSPEND
            quarters = "、".join(p.label for p in reversed(runs))
            note = (
                f"{RULE_MARK}：连续 {rules.suspend_quarters} 个季度（{quarters}）评为 {rules.suspend_stars} 星及以下，"
                f"暂停参与随机抽取，至下一季度星级结算。"
            )
            services.set_status(work, agency.uid, "suspended", note, now=at)
        elif (
            not low
            and agency.status == "suspended"
            and agency.status_reason.startswith(RULE_MARK)
            and previous.get(agency.uid) is not None
            and previous[agency.uid].consequence == SUSPEND
        ):
            consequence, note = LIFT, f"{period.label} 不再符合暂停条件，恢复参与随机抽取。"
            services.set_status(work, agency.uid, "active", "", now=at)
        elif stars is not None and stars >= rules.invite_stars and agency.status == "active":
            consequence = INVITE
            note = (
                f"{period.label} 评为 {stars} 星：预算低于 {rules.invite_below_fen / 100:,.2f} 元的委托可直接邀请，"
                "至下一季度星级结算。"
            )
        standing = Standing(
            period=period.label,
            agency_uid=agency.uid,
            stars=stars,
            score=round(mine.score, 4) if mine else None,
            ratings=mine.count if mine else 0,
            consequence=consequence,
            note=note,
            closed_at=at,
            closed_by=work.actor.name,
            version=1,
        )
        session.add(standing)
        out.append(standing)
    session.flush()
    counts = {kind: sum(1 for s in out if s.consequence == kind) for kind in (SUSPEND, LIFT, INVITE)}
    work.audit(
        "agencies.period.close",
        "agencies_standing",
        period.label,
        None,
        {"period": period.label, "agencies": len(out), "suspended": counts[SUSPEND], "reinstated": counts[LIFT],
         "invitable": counts[INVITE]},
    )  # fmt: skip
    return Closed(period.label, out)
