"""一事一议: awards decided case by case outside the catalogue. No Qt here.

A supervisor records the decision as its document says it (文号, amount, department, reason, the papers on
file); it is then shown publicly (公示) and paid like a catalogue claim. Pay once is keyed by the decision
number park-wide: the station refuses a number it already knows, and the hall keeps the first payout of a
decision number and sends any other back as a conflict (``PAYOUT_SYNC``'s ``("decision_no",)`` key), so two
stations recording and paying one decision offline end with one payout. The payout carries the decision
number as its ``policy_code`` and so appears in the month report beside catalogue payouts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import Enterprise, UserError, ValidationError, Work, identity, utcnow
from station_policy import payout_state
from station_policy.facts import format_fen
from station_policy.models import Award, ClaimEvent, Payout, PolicyEdition
from station_policy.services import NOTICE_DAYS, add_event, enterprise_by_uid, next_number, today_local

STATUSES = {"decided": "已登记决定", "notice": "公示中", "paid": "已兑付", "revoked": "已撤销"}
STEPS = {"record": "登记决定", "notice": "公示", "pay": "兑付", "revoke": "撤销"}
TITLE = "一事一议奖补"
# One award above 10 亿元 is a typing slip (the largest a park reports is a year's total of 1.35 亿元).
MAX_FEN = 1_000_000_000 * 100
MAX_ATTACHMENTS = 30
_AMOUNT = re.compile(r"^\d{1,12}(\.\d{1,2})?$", re.ASCII)
# Characters no file, screen or sync can carry: controls (line breaks aside) and lone surrogates.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_FORMULA = ("=", "+", "-", "@")


def parse_amount(text: Any) -> int:
    """Yuan as typed ("120000", "1,250,000.50", "35万元" is refused: write the figure) to fen, exactly."""
    raw = str(text if text is not None else "").strip().replace(",", "").replace("，", "")
    raw = raw.removesuffix("元").strip()
    if not raw:
        raise ValidationError({"amount": "请填写奖补金额（元），例如 350000 或 350000.50。"})
    if raw.startswith("-"):
        raise ValidationError({"amount": f"奖补金额“{text}”是负数，请填写大于零的金额。"})
    if not _AMOUNT.match(raw):
        raise ValidationError({"amount": f"奖补金额“{text}”不是以元为单位、最多两位小数的数字，请改正。"})
    try:
        fen = int(Decimal(raw) * 100)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits and one point
        raise ValidationError({"amount": f"奖补金额“{text}”不是数字，请改正。"}) from None
    if fen <= 0:
        raise ValidationError({"amount": "奖补金额必须大于零。"})
    if fen > MAX_FEN:
        raise ValidationError(
            {"amount": f"奖补金额 {format_fen(fen)} 超过单笔上限 {format_fen(MAX_FEN)}，请核对决定文件。"}
        )
    return fen


def _text(value: Any, key: str, label: str, limit: int, *, required: bool = True) -> str:
    text = re.sub(r"[\t\r\n]+", " ", str(value if value is not None else "")).strip()
    if _UNREADABLE.search(text):
        raise ValidationError({key: f"{label}含有无法识别的控制字符或残缺字符，请删除后重新输入。"})
    if required and not text:
        raise ValidationError({key: f"请填写{label}。"})
    if len(text) > limit:
        raise ValidationError({key: f"{label}过长（{len(text)} 字），最多 {limit} 字。"})
    if text.startswith(_FORMULA):
        # A cell beginning with = + - @ is a formula to a spreadsheet; no decision document reads like that.
        raise ValidationError({key: f"{label}“{text[:20]}”以 {text[0]} 开头，像是表格公式，请按决定文件原文填写。"})
    return text


def clean_decision_no(value: Any, session: Session) -> str:
    number = _text(value, "decision", "决定文号", 40)
    codes = {c.upper() for c in session.scalars(select(PolicyEdition.code))}
    if number.upper() in codes:
        raise ValidationError({"decision": f"“{number}”是政策目录中的政策编号，不是决定文号，请按决定文件填写文号。"})
    return number


def clean_attachments(names: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for name in names:
        text = _text(name, "attachments", "附件名称", 100, required=False)
        if text and text not in out:
            out.append(text)
    if len(out) > MAX_ATTACHMENTS:
        raise ValidationError({"attachments": f"附件最多登记 {MAX_ATTACHMENTS} 份，请合并后登记。"})
    return out


def get_award(session: Session, ref: str) -> Award:
    """An award by the station's number, its uid, or its decision number."""
    award = session.scalar(
        select(Award).where((Award.number == ref) | (Award.uid == ref) | (Award.decision_no == ref)).limit(1)
    )
    if award is None:
        raise UserError(f"找不到一事一议奖补“{ref}”，请核对登记编号或决定文号。")
    return award


def _event(work: Work, award: Award, step: str, reason: str, detail: dict[str, Any], at: dt.datetime) -> None:
    add_event(work, award, step, reason, detail, at)  # the claims' history table, by the award's uid
    after = {"status": award.status, "reason": reason, "decision": award.decision_no,
             "amount": format_fen(award.amount_fen)}  # fmt: skip
    work.audit(f"policy.award.{step}", "policy_award", award.uid, None, after)


def _touch(work: Work, award: Award, status: str, at: dt.datetime) -> None:
    if today_local(at) < today_local(award.updated_at):
        raise UserError(
            f"办理日期 {today_local(at).isoformat()} 早于这笔奖补上一步的日期 "
            f"{today_local(award.updated_at).isoformat()}，请核对日期。"
        )
    award.status = status
    award.version += 1
    award.updated_at, award.updated_by = at, work.actor.name


def _require_status(award: Award, *allowed: str) -> None:
    if award.status not in allowed:
        want = "、".join(STATUSES[s] for s in allowed)
        raise UserError(
            f"一事一议奖补 {award.number}（{award.decision_no}）当前为“{STATUSES.get(award.status, award.status)}”，"
            f"只有“{want}”的才能办理这一步。"
        )


def _known_payout(session: Session, decision_no: str) -> Payout | None:
    return session.scalar(select(Payout).where(Payout.decision_no == decision_no).limit(1))


def record(
    work: Work,
    enterprise_uid: str,
    *,
    decision_no: str,
    amount_fen: int,
    department: str,
    reason: str,
    attachments: Iterable[str] = (),
    station_code: str = "ST01",
    now: dt.datetime | None = None,
) -> Award:
    """Record a decision (supervisor). Refused when this station already knows the decision number."""
    work.require("policy.award", "登记一事一议奖补决定")
    session = work.session
    at = now or utcnow()
    e = enterprise_by_uid(session, enterprise_uid)
    if e.stage == "exit":
        raise UserError(f"{e.name}已处于退出阶段，不能登记奖补。")
    number = clean_decision_no(decision_no, session)
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}
    for key, fn in (
        ("department", lambda: _text(department, "department", "决定部门", 100)),
        ("reason", lambda: _text(reason, "reason", "奖补事由", 2000)),
        ("attachments", lambda: clean_attachments(attachments)),
    ):
        try:
            values[key] = fn()
        except ValidationError as exc:
            problems.update(exc.fields)
    if not isinstance(amount_fen, int) or isinstance(amount_fen, bool) or not 0 < amount_fen <= MAX_FEN:
        problems["amount"] = f"奖补金额必须大于零且不超过 {format_fen(MAX_FEN)}。"
    if problems:
        raise ValidationError(problems)
    # A revoked decision keeps its number too: a decision issued again carries a new 文号, and the hall holds
    # one record per number park-wide.
    existing = session.scalar(select(Award).where(Award.decision_no == number).limit(1))
    if existing is not None:
        if existing.status == "revoked":
            raise UserError(
                f"决定文号 {number} 已登记过（{existing.number}，已撤销）。重新作出的决定有新的文号，请按新文件登记。"
            )
        raise UserError(
            f"决定文号 {number} 已登记为一事一议奖补 {existing.number}，同一决定只兑付一次，请在原登记上继续办理。"
        )
    paid = _known_payout(session, number)
    if paid is not None:
        raise UserError(
            f"决定文号 {number} 已于 {paid.paid_on.isoformat()} 兑付（兑付编号 {paid.number}），不能重复登记。"
        )
    award = Award(
        number=next_number(session, f"{station_code}-YS-{today_local(at).year}-", Award.number),
        decision_no=number,
        enterprise_uid=enterprise_uid,
        amount_fen=amount_fen,
        department=values["department"],
        reason=values["reason"],
        attachments=json.dumps(values["attachments"], ensure_ascii=False),
        status="decided",
        created_at=at,
        created_by=work.actor.name,
        updated_at=at,
        updated_by=work.actor.name,
        version=1,
    )
    session.add(award)
    session.flush()
    detail = {"decision_no": number, "amount_fen": amount_fen, "department": award.department,
              "attachments": values["attachments"]}  # fmt: skip
    _event(work, award, "record", award.reason, detail, at)
    return award


def start_notice(work: Work, ref: str, *, days: int = NOTICE_DAYS, now: dt.datetime | None = None) -> Award:
    """公示, as for a catalogue claim: ``days`` days from today, payable the day after."""
    work.require("policy.award", "登记一事一议奖补决定")
    if not 1 <= days <= 60:
        raise ValidationError({"days": "公示天数应在 1 到 60 天之间。"})
    award = get_award(work.session, ref)
    _require_status(award, "decided")
    at = now or utcnow()
    award.notice_until = today_local(at) + dt.timedelta(days=days - 1)
    _touch(work, award, "notice", at)
    _event(work, award, "notice", f"公示至 {award.notice_until.isoformat()}", {"notice_until": award.notice_until}, at)
    return award


def revoke(work: Work, ref: str, reason: str, *, now: dt.datetime | None = None) -> Award:
    """撤销 before payment (an objection in the notice period, a decision withdrawn)."""
    work.require("policy.award", "登记一事一议奖补决定")
    why = _text(reason, "reason", "撤销理由", 500)
    award = get_award(work.session, ref)
    _require_status(award, "decided", "notice")
    at = now or utcnow()
    _touch(work, award, "revoked", at)
    _event(work, award, "revoke", why, {}, at)
    return award


def pay(work: Work, ref: str, *, station_code: str = "ST01", now: dt.datetime | None = None) -> Payout:
    """兑付 once the notice period is over; never twice for one decision number park-wide (see the module)."""
    work.require("policy.pay", "办理政策资金兑付")
    session = work.session
    award = get_award(session, ref)
    _require_status(award, "notice")
    at = now or utcnow()
    on = today_local(at)
    if award.notice_until is not None and on <= award.notice_until:
        raise UserError(f"公示期至 {award.notice_until.isoformat()}，期满后才能兑付。")
    paid = _known_payout(session, award.decision_no)
    if paid is not None:
        raise UserError(
            f"决定文号 {award.decision_no} 已于 {paid.paid_on.isoformat()} 兑付（兑付编号 {paid.number}），"
            "同一决定只兑付一次，不能重复兑付。"
        )
    payout = Payout(
        number=next_number(session, f"{station_code}-PAY-{on.year}-", Payout.number),
        claim_uid=award.uid,
        enterprise_uid=award.enterprise_uid,
        policy_code=award.decision_no,
        policy_edition="",
        period=str(on.year),
        department=award.department,
        amount_fen=award.amount_fen,
        paid_on=on,
        paid_at=at,
        paid_by=work.actor.name,
        decision_no=award.decision_no,
        version=1,
    )
    session.add(payout)
    _touch(work, award, "paid", at)
    session.flush()
    _event(work, award, "pay", f"兑付 {format_fen(payout.amount_fen)}", {"payout": payout.number}, at)
    return payout


# -- reading ------------------------------------------------------------------------------------


def attachment_names(stored: str | None) -> list[str]:
    """The names kept on an award; a row another station sent in another shape shows as its text, never raises."""
    try:
        names = json.loads(stored or "[]")
    except ValueError:
        return [str(stored)]
    return [str(n) for n in names] if isinstance(names, list) else [str(names)]


def refused_note(number: str, decision_no: str) -> str:
    return (
        f"兑付 {number} 未被服务大厅接受：决定文号 {decision_no} 已由其他站点兑付，这笔不计入报表，请勿重复付款。"
        "请主管在同步冲突中保留服务大厅的版本。"
    )


@dataclass
class AwardHistory:
    award: Award
    enterprise_name: str
    uscc: str
    events: list[ClaimEvent]
    payout: Payout | None
    payout_state: str = payout_state.CONFIRMED
    notes: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    @property
    def attachments(self) -> list[str]:
        return attachment_names(self.award.attachments)

    def who(self, username: str) -> str:
        return self.names.get(username, username)


def history(session: Session, ref: str) -> AwardHistory:
    """The award with its steps; a 兑付 the hall refused is left out with a note, one it has not confirmed
    is 待确认 (as for claims, ``payout_state``)."""
    award = get_award(session, ref)
    e = enterprise_by_uid(session, award.enterprise_uid)
    events = list(
        session.scalars(
            select(ClaimEvent).where(ClaimEvent.claim_uid == award.uid).order_by(ClaimEvent.at, ClaimEvent.id)
        )
    )
    payout = session.scalar(select(Payout).where(Payout.claim_uid == award.uid).limit(1))
    state = payout_state.states(session, [payout.uid])[payout.uid] if payout else payout_state.CONFIRMED
    kept, notes = [], []
    for event in events:
        number = json.loads(event.detail or "{}").get("payout") if event.step == "pay" else None
        ours = payout is not None and number == payout.number
        if number and ours and state == payout_state.REFUSED:
            notes.append(refused_note(number, award.decision_no))
        elif number and not ours:
            notes.append(f"另一站点办理的兑付 {number} 未被服务大厅接受（同一决定文号只兑付一次），不计入。")
        else:
            kept.append(event)
    if payout is not None and state == payout_state.PENDING:
        notes.append(payout_state.PENDING_NOTE)
    names = identity.display_names(session, [ev.actor for ev in kept])
    return AwardHistory(award, e.name, e.uscc, kept, payout, state, notes, names)


@dataclass(frozen=True)
class AwardRow:
    number: str
    decision_no: str
    enterprise_name: str
    uscc: str
    amount_fen: int
    department: str
    status: str
    notice_until: dt.date | None
    payout_state: str | None  # None: not paid


def rows(session: Session, *, status: str | None = None, query: str = "") -> list[AwardRow]:
    q = (
        select(Award, Enterprise.name, Enterprise.uscc)
        .join(Enterprise, Enterprise.uid == Award.enterprise_uid)
        .order_by(Award.updated_at.desc(), Award.id.desc())
    )
    if status:
        if status not in STATUSES:
            raise UserError(f"没有“{status}”这种状态，可选：{'、'.join(STATUSES)}。")
        q = q.where(Award.status == status)
    if query:
        like = f"%{query}%"
        q = q.where(
            Award.number.like(like) | Award.decision_no.like(like) | Enterprise.name.like(like)
            | Enterprise.uscc.like(like)
        )  # fmt: skip
    found = session.execute(q).all()
    payouts = {
        p.claim_uid: p
        for p in session.scalars(select(Payout).where(Payout.claim_uid.in_([a.uid for a, _, _ in found])))
    } if found else {}  # fmt: skip
    states = payout_state.states(session, [p.uid for p in payouts.values()])
    return [
        AwardRow(a.number, a.decision_no, name, uscc, a.amount_fen, a.department, a.status, a.notice_until,
                 states[payouts[a.uid].uid] if a.uid in payouts else None)
        for a, name, uscc in found
    ]  # fmt: skip


def due_for_payment(session: Session, on: dt.date) -> list[Sequence[str]]:
    """(award number, decision number, enterprise name) of awards whose 公示 ended before ``on``."""
    q = (
        select(Award.number, Award.decision_no, Enterprise.name)
        .join(Enterprise, Enterprise.uid == Award.enterprise_uid)
        .where(Award.status == "notice", Award.notice_until < on)
        .order_by(Award.notice_until, Award.number)
    )
    return [tuple(r) for r in session.execute(q)]
