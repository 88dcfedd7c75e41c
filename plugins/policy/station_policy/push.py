"""主动推送: tell the enterprises that qualify for a policy and have not applied — a letter and an SMS/WeChat list.

The list never names an enterprise already notified for the same policy and period unless asked
(``again``), nor one that applied or was paid. What was sent, when and by whom is kept in ``policy_push``
(append-only, synced). No Qt here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.api import Enterprise, UserError, Work, csv_safe, utcnow
from station_policy import services
from station_policy.catalog import ELIGIBLE, Policy
from station_policy.facts import format_fen
from station_policy.models import Claim, Payout, Push


@dataclass(frozen=True)
class Notice:
    enterprise_uid: str
    uscc: str
    name: str
    address: str
    contact_person: str
    contact_phone: str
    estimated_fen: int | None
    message: str


@dataclass
class PushPlan:
    policy: Policy
    period: str
    notices: list[Notice]
    skipped_notified: int  # already told for this policy and period


def message(policy: Policy, name: str, estimated_fen: int | None, station: str) -> str:
    """The SMS/WeChat text: who, which policy, about how much, and what to do next."""
    amount = f"，预计可获 {format_fen(estimated_fen)}" if estimated_fen else ""
    return (
        f"【{station}】{name}：经比对部门数据，贵单位符合“{policy.title}”（{policy.department}）的申报条件{amount}。"
        f"请携带申报材料到{station}办理；如已另行申报，请忽略本消息。"
    )


def plan(session: Session, code: str, on: dt.date, *, station: str, again: bool = False) -> PushPlan:
    """Who would be told today: qualifying, no claim or payout this period, not told before (unless ``again``)."""
    p = services.policy_edition(session, code, on)
    period = p.period_for(on)
    rows = services.matches_for_policy(session, p.code, on, status=ELIGIBLE)
    acted = {
        uid
        for model in (Claim, Payout)
        for uid in session.scalars(
            select(model.enterprise_uid).where(model.policy_code == p.code, model.period == period)
        )
    }
    told = set(session.scalars(select(Push.enterprise_uid).where(Push.policy_code == p.code, Push.period == period)))
    wanted = [r for r in rows if r.enterprise_uid not in acted]
    skipped = 0 if again else sum(1 for r in wanted if r.enterprise_uid in told)
    if not again:
        wanted = [r for r in wanted if r.enterprise_uid not in told]
    contacts = _contacts(session, [r.enterprise_uid for r in wanted])
    notices = [
        Notice(r.enterprise_uid, r.uscc, r.enterprise_name, *contacts[r.enterprise_uid], r.amount_fen,
               message(p, r.enterprise_name, r.amount_fen, station))
        for r in wanted
    ]  # fmt: skip
    return PushPlan(p, period, notices, skipped)


def _contacts(session: Session, uids: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    found: dict[str, tuple[str, str, str]] = {}
    for i in range(0, len(uids), 500):
        q = select(Enterprise.uid, Enterprise.address, Enterprise.contact_person, Enterprise.contact_phone)
        for uid, address, person, phone in session.execute(q.where(Enterprise.uid.in_(uids[i : i + 500]))):
            found[uid] = (address or "", person or "", phone or "")
    return found


def record(work: Work, push: PushPlan, channels: Sequence[str], *, now: dt.datetime | None = None) -> str:
    """Keep what was sent (one row per enterprise, one batch) and one audit entry; returns the batch id."""
    work.require("policy.claim", "受理政策兑现申请")
    if not push.notices:
        raise UserError("没有需要推送的企业：符合条件的企业都已申请或已推送过。如需再次提醒，请选择“再次推送”。")
    batch, at = uuid.uuid4().hex, now or utcnow()
    by = work.actor.display_name or work.actor.name
    work.session.execute(
        Push.__table__.insert(),
        [
            {"uid": uuid.uuid4().hex, "version": 1, "batch_uid": batch, "enterprise_uid": n.enterprise_uid,
             "policy_code": push.policy.code, "policy_edition": push.policy.edition, "period": push.period,
             "channels": ",".join(channels), "estimated_fen": n.estimated_fen, "message": n.message,
             "pushed_at": at, "pushed_by": by}
            for n in push.notices
        ],
    )  # fmt: skip
    work.audit(
        "policy.push",
        "policy",
        push.policy.code,
        None,
        {"period": push.period, "enterprises": len(push.notices), "channels": list(channels), "batch": batch},
    )
    return batch


def history(session: Session, code: str) -> list[tuple[dt.datetime, str, int, str]]:
    """Each batch sent for a policy: when, by whom, how many, by which channels; newest first."""
    batches: dict[str, list[Any]] = {}
    for batch, at, by, channels in session.execute(
        select(Push.batch_uid, Push.pushed_at, Push.pushed_by, Push.channels).where(Push.policy_code == code)
    ):
        entry = batches.setdefault(batch, [at, by, 0, channels])
        entry[2] += 1
    found = [(at, by, count, channels) for at, by, count, channels in batches.values()]
    return sorted(found, key=lambda v: v[0], reverse=True)


# -- what is handed out -------------------------------------------------------------------------

CSV_HEADER = ["统一社会信用代码", "企业名称", "联系人", "联系电话", "消息内容"]


def write_csv(path: str | Path, push: PushPlan) -> Path:
    """The list for the park's SMS or WeChat account (formula-safe, UTF-8 with a BOM so Excel reads it)."""
    rows = ([n.uscc, n.name, n.contact_person, n.contact_phone, n.message] for n in push.notices)
    return csv_safe.write_csv(path, CSV_HEADER, rows)


def write_letters(path: str | Path, push: PushPlan, *, issuer: str, now: dt.datetime | None = None) -> Path:
    """One letter a page (政策申报提示函), for printing and posting or handing over."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    from station.api import local, printing

    st = printing.styles()
    right = ParagraphStyle("right", parent=st["body"], alignment=TA_RIGHT)
    p = push.policy
    day = local(now or utcnow()).strftime("%Y年%m月%d日")
    doc = printing.official_doc(path, title=f"惠企政策申报提示函 {p.title}", issuer=issuer, subject=p.title, now=now)
    story: list[Any] = []
    for i, n in enumerate(push.notices):
        if i:
            story.append(PageBreak())
        amount = f"，按现有数据测算可获支持约 <b>{format_fen(n.estimated_fen)}</b>" if n.estimated_fen else ""
        story += [
            Paragraph("惠企政策申报提示函", st["title"]),
            Spacer(1, 6 * mm),
            Paragraph(f"{_xml(n.name)}（统一社会信用代码 {n.uscc}）：", st["body"]),
            Paragraph(
                f"经比对有关部门归集的数据，贵单位符合“{_xml(p.title)}”（主管部门：{_xml(p.department)}，"
                f"{push.period} 年度）的申报条件{amount}。",
                st["body"],
            ),
            Paragraph(f"政策依据：{_xml(p.legal_basis or p.title)}。", st["body"]),
            Paragraph("申报时请携带以下材料到企业服务站办理：", st["body"]),
            *[Paragraph(f"{k}. {_xml(m)}", st["body"]) for k, m in enumerate(p.materials, 1)],
            Paragraph(
                "测算金额以审核核定为准；同一企业、同一政策、同一年度只兑付一次。如已另行申报，请忽略本函。",
                st["small"],
            ),
            Spacer(1, 16 * mm),
            Paragraph(_xml(issuer), right),
            Paragraph(day, right),
        ]
    doc.build(story)
    return Path(path)


def _xml(text: str) -> str:
    """Enterprise names and titles are data: markup characters print as themselves."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
