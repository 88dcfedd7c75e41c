"""Domain logic of the intermediary marketplace (中介超市). No Qt. Every write goes through a ``Work``.

Agencies and their qualifications; commissions from request to the enterprise's confirmation; fair draws
(see ``draw_algorithm``); ratings by the commissioning enterprise and the star levels they add up to
(see ``stars``). Times are stored in UTC; "today" (qualification expiry, numbering) is the Asia/Shanghai
date of the injected ``now``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.api import Enterprise, UserError, ValidationError, Work, enterprises, local, utcnow
from station.api import uscc as uscc_codes

from . import draw_algorithm as algo
from .catalogue import Catalogue, load
from .models import Agency, Commission, CommissionPart, Draw, Qualification, Rating, new_uid
from .stars import DIMENSIONS, Evaluation, Period, RatingPoint, StarRules, evaluate

STATUSES = {"active": "正常", "suspended": "暂停", "blacklisted": "列入黑名单"}
STANDING = {"active": 0, "suspended": 1, "blacklisted": 2}  # rankings list good standing first
COMMISSION_STATUSES = {
    "assigned": "已选定机构",
    "accepted": "机构已接受",
    "delivered": "成果已提交",
    "completed": "企业已确认完成",
    "cancelled": "已撤销",
}
SELECTIONS = {"direct": "直接选取", "draw": "随机抽取", "invite": "直接邀请（星级）"}
WITNESS_ROLES = {"enterprise": "企业代表", "clerk": "窗口人员", "beacon": "公开信标", "witness": "见证人"}


def catalogue(data_dir: Path | None = None) -> Catalogue:
    return load(data_dir)


def _today(now: dt.datetime) -> dt.date:
    return local(now).date()


def _number(session: Session, model: type[Commission] | type[Draw], prefix: str, station: str, now: dt.datetime) -> str:
    """A number issued offline: prefix, station code, local date, sequence of the day at this station."""
    head = f"{prefix}-{station}-{_today(now):%Y%m%d}-"
    taken = session.scalar(select(func.count()).select_from(model).where(model.number.like(f"{head}%"))) or 0
    return f"{head}{taken + 1:04d}"


# -- agencies -----------------------------------------------------------------------------------


def agency_snapshot(a: Agency) -> dict[str, Any]:
    return {
        "name": a.name, "uscc": a.uscc, "legal_rep": a.legal_rep, "services": a.services,
        "related_uscc": a.related_uscc, "contact_person": a.contact_person, "contact_phone": a.contact_phone,
        "address": a.address, "status": a.status, "status_reason": a.status_reason,
    }  # fmt: skip


def _clean_agency(raw: Mapping[str, Any], cat: Catalogue) -> dict[str, Any]:
    problems: dict[str, str] = {}
    name = str(raw.get("name", "")).strip()
    if not name:
        problems["name"] = "请填写中介机构名称。"
    code = uscc_codes.normalize(str(raw.get("uscc", "")))
    if (problem := uscc_codes.problem(code)) is not None:
        problems["uscc"] = problem
    services = raw.get("services", ())
    if isinstance(services, str):
        services = [s for s in services.replace("，", ",").split(",") if s.strip()]
    codes: list[str] = []
    for s in services:
        try:
            codes.append(cat.service(s).code)
        except UserError as exc:
            problems["services"] = exc.message
    if not codes and "services" not in problems:
        problems["services"] = "请至少选择一种服务类型。"
    related = raw.get("related_uscc", ())
    if isinstance(related, str):
        related = [r for r in related.replace("，", ",").split(",") if r.strip()]
    if problems:
        raise ValidationError(problems)
    return {
        "name": name,
        "uscc": code,
        "legal_rep": str(raw.get("legal_rep", "")).strip(),
        "services": ",".join(sorted(set(codes), key=codes.index)),
        "related_uscc": ",".join(uscc_codes.normalize(r) for r in related),
        "contact_person": str(raw.get("contact_person", "")).strip(),
        "contact_phone": str(raw.get("contact_phone", "")).strip(),
        "address": str(raw.get("address", "")).strip(),
    }


def create_agency(work: Work, raw: Mapping[str, Any], *, now: dt.datetime | None = None) -> Agency:
    work.require("agencies.manage", "登记和维护中介机构")
    values = _clean_agency(raw, catalogue())
    if work.session.scalar(select(Agency).where(Agency.uscc == values["uscc"])) is not None:
        raise ValidationError({"uscc": f"统一社会信用代码 {values['uscc']} 的中介机构已入驻，请在列表中查找。"})
    now = now or utcnow()
    agency = Agency(**values, created_at=now, updated_at=now, updated_by=work.actor.name)
    work.session.add(agency)
    work.session.flush()
    work.audit("agencies.agency.create", "agencies_agency", agency.uid, None, agency_snapshot(agency))
    return agency


def get_agency(session: Session, key: str) -> Agency:
    """An agency by uid, credit code or exact name."""
    key = key.strip()
    found = session.scalar(
        select(Agency).where((Agency.uid == key) | (Agency.uscc == key.upper()) | (Agency.name == key))
    )
    if found is None:
        raise UserError(f"找不到中介机构“{key}”，请用 station agencies list 查看已入驻的机构。")
    return found


def set_status(work: Work, agency_uid: str, status: str, reason: str, *, now: dt.datetime | None = None) -> Agency:
    """Suspend, blacklist or reinstate an agency; a reason is required for anything but reinstating."""
    work.require("agencies.manage", "登记和维护中介机构")
    if status not in STATUSES:
        raise UserError(f"机构状态只能是：{'、'.join(STATUSES.values())}。")
    reason = reason.strip()
    if status != "active" and not reason:
        raise UserError("暂停或列入黑名单必须写明原因。")
    agency = get_agency(work.session, agency_uid)
    before = {"status": agency.status, "status_reason": agency.status_reason}
    agency.status, agency.status_reason = status, reason
    agency.version += 1
    agency.updated_at, agency.updated_by = now or utcnow(), work.actor.name
    work.audit(
        "agencies.agency.status", "agencies_agency", agency.uid, before, {"status": status, "status_reason": reason}
    )
    return agency


def add_qualification(
    work: Work,
    agency_uid: str,
    service: str,
    cert_no: str,
    valid_until: dt.date,
    issuer: str = "",
    *,
    now: dt.datetime | None = None,
) -> Qualification:
    work.require("agencies.manage", "登记和维护中介机构")
    agency = get_agency(work.session, agency_uid)
    code = catalogue().service(service).code
    if not cert_no.strip():
        raise ValidationError({"cert_no": "请填写资质证书编号。"})
    if code not in agency.service_codes():
        agency.services = ",".join([*agency.service_codes(), code])
        agency.version += 1
    q = Qualification(
        agency_uid=agency.uid,
        service=code,
        cert_no=cert_no.strip(),
        issuer=issuer.strip(),
        valid_until=valid_until,
        updated_at=now or utcnow(),
        updated_by=work.actor.name,
    )
    work.session.add(q)
    work.session.flush()
    work.audit(
        "agencies.qualification.add",
        "agencies_qualification",
        q.uid,
        None,
        {"agency_uid": agency.uid, "service": code, "cert_no": q.cert_no, "valid_until": valid_until.isoformat()},
    )
    return q


def qualifications(session: Session, agency_uid: str) -> list[Qualification]:
    return list(
        session.scalars(
            select(Qualification)
            .where(Qualification.agency_uid == agency_uid)
            .order_by(Qualification.service, Qualification.valid_until.desc())
        )
    )


def agencies_for(session: Session, service: str | None = None) -> list[Agency]:
    """Agencies offering ``service`` (every agency when None), by name."""
    query = select(Agency).order_by(Agency.name)
    agencies = list(session.scalars(query))
    return [a for a in agencies if service is None or service in a.service_codes()]


# -- eligibility and draws ----------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """Whom the draw is for: the agency must not be them, share their legal representative, or be related."""

    enterprise_uid: str = ""
    uscc: str = ""
    legal_reps: frozenset[str] = frozenset()
    exclude_uscc: frozenset[str] = frozenset()  # the applicant and its related parties, named by the caller


@dataclass(frozen=True)
class PoolPreview:
    service: str
    on_date: str
    pool: list[dict[str, str]]
    exclusions: list[dict[str, str]]
    pool_hash: str
    fixed_at: str

    @property
    def pool_json(self) -> str:
        return algo.canonical(self.pool)


def _party(session: Session, enterprise_uid: str = "", exclude_uscc: Iterable[str] = ()) -> Party:
    """The party of the draw; credit codes the caller excludes that are registered enterprises also bring
    their legal representatives into the conflict check."""
    excluded = frozenset(uscc_codes.normalize(c) for c in exclude_uscc if c)
    uscc, reps = "", set()
    if enterprise_uid:
        e = session.scalar(select(Enterprise).where(Enterprise.uid == enterprise_uid))
        if e is None:
            raise UserError("找不到委托企业，请先在企业名录中登记这家企业。")
        uscc = e.uscc
        reps.add(e.legal_rep)
    if excluded:
        reps.update(session.scalars(select(Enterprise.legal_rep).where(Enterprise.uscc.in_(sorted(excluded)))))
    return Party(enterprise_uid, uscc, frozenset(r for r in reps if r), excluded)


def _exclusion_reason(agency: Agency, valid: Qualification | None, latest: Qualification | None, party: Party) -> str:
    if agency.status != "active":
        why = f"：{agency.status_reason}" if agency.status_reason else ""
        return f"机构{STATUSES[agency.status]}{why}"
    if party.uscc and agency.uscc == party.uscc:
        return "利益冲突：与委托企业为同一主体（统一社会信用代码相同）"
    if agency.uscc in party.exclude_uscc:
        return "利益冲突：申请方或其关联方"
    if agency.legal_rep and agency.legal_rep in party.legal_reps:
        return f"利益冲突：与委托企业法定代表人相同（{agency.legal_rep}）"
    related = {c for c in agency.related_uscc.split(",") if c}
    if related & ({party.uscc} | party.exclude_uscc):
        return "利益冲突：机构申报的关联方包含委托企业"
    if valid is None:
        if latest is None:
            return "无该服务类型的资质证书"
        return f"资质证书 {latest.cert_no} 已于 {latest.valid_until.isoformat()} 到期"
    return ""


def pool_for(session: Session, service: str, party: Party, *, now: dt.datetime | None = None) -> PoolPreview:
    """The eligible pool and the exclusions (with reasons) for ``service`` today, pool hash included."""
    now = now or utcnow()
    today = _today(now)
    code = catalogue().service(service).code
    pool: list[dict[str, str]] = []
    exclusions: list[dict[str, str]] = []
    by_agency: dict[str, list[Qualification]] = {}
    for q in session.scalars(
        select(Qualification).where(Qualification.service == code).order_by(Qualification.valid_until.desc())
    ):
        by_agency.setdefault(q.agency_uid, []).append(q)
    for agency in sorted(agencies_for(session, code), key=lambda a: a.uid):
        certs = by_agency.get(agency.uid, [])
        valid = next((q for q in certs if q.valid_until >= today), None)
        latest = certs[0] if certs else None
        reason = _exclusion_reason(agency, valid, latest, party)
        if reason:
            exclusions.append({"uid": agency.uid, "name": agency.name, "reason": reason})
        else:
            assert valid is not None
            pool.append(
                {"uid": agency.uid, "name": agency.name, "cert_no": valid.cert_no,
                 "valid_until": valid.valid_until.isoformat()}
            )  # fmt: skip
    return PoolPreview(code, today.isoformat(), pool, exclusions, algo.pool_hash(pool), now.isoformat())


JOINT = "+"  # joins the service codes of a joint commission (and of its one-agency draw): "cost+appraisal"
MAX_JOINT = 6


def joint_codes(service: str) -> list[str]:
    """The service codes ``service`` names: one code or name, or several joined by "+" or commas."""
    parts = [p.strip() for p in service.replace("，", ",").replace(",", JOINT).split(JOINT) if p.strip()]
    codes = list(dict.fromkeys(catalogue().service(p).code for p in parts))
    if not codes:
        raise UserError("请写明委托的服务类型，例如 cost，或联合委托 cost,appraisal。")
    if len(codes) > MAX_JOINT:
        raise UserError(f"一次联合委托最多 {MAX_JOINT} 类服务，请分成几次委托。")
    return codes


def pool_for_all(
    session: Session, codes: Sequence[str], party: Party, *, now: dt.datetime | None = None
) -> PoolPreview:
    """The agencies eligible for every one of ``codes`` (a joint commission's one-agency pool): each entry
    carries its qualification for each service; an agency missing from any service's pool is excluded with
    that service's reason (or as not offering it)."""
    now = now or utcnow()
    previews = [pool_for(session, code, party, now=now) for code in codes]
    eligible = [{p["uid"]: p for p in pv.pool} for pv in previews]
    why: dict[str, tuple[str, str]] = {}
    for code, pv in zip(codes, previews, strict=True):
        for x in pv.exclusions:
            why.setdefault(x["uid"], (x["name"], f"{catalogue().name(code)}：{x['reason']}"))
    everyone = {uid: p["name"] for pools in eligible for uid, p in pools.items()}
    pool, exclusions = [], []
    for uid in sorted(everyone):
        if all(uid in pools for pools in eligible):
            pool.append({
                "uid": uid, "name": everyone[uid],
                "cert_no": "；".join(pools[uid]["cert_no"] for pools in eligible),
                "valid_until": min(pools[uid]["valid_until"] for pools in eligible),
            })  # fmt: skip
        else:
            missing = next(catalogue().name(c) for c, pools in zip(codes, eligible, strict=True) if uid not in pools)
            exclusions.append(
                {"uid": uid, "name": everyone[uid], "reason": why.get(uid, ("", f"未入驻“{missing}”服务"))[1]}
            )
    return PoolPreview(JOINT.join(codes), previews[0].on_date, pool, exclusions, algo.pool_hash(pool), now.isoformat())


def preview_pool(
    session: Session, service: str, enterprise_uid: str = "", exclude_uscc: Iterable[str] = (), *,
    now: dt.datetime | None = None,
) -> PoolPreview:  # fmt: skip
    party = _party(session, enterprise_uid, exclude_uscc)
    if JOINT in service:
        return joint_preview(session, joint_codes(service), party, now=now)
    return pool_for(session, service, party, now=now)


def joint_preview(
    session: Session, codes: Sequence[str], party: Party, *, now: dt.datetime | None = None
) -> PoolPreview:
    """What a joint commission's draw will use, to show before the witnesses type: the one-agency pool when
    it has anyone; otherwise every service's own pool, listed together under one hash of their hashes (so
    the per-service draws are bound to the lists shown, as a one-service draw is to its list)."""
    now = now or utcnow()
    joint = pool_for_all(session, codes, party, now=now)
    if joint.pool:
        return joint
    previews = [pool_for(session, code, party, now=now) for code in codes]
    if not all(pv.pool for pv in previews):
        return joint  # some service has nobody: nothing can be drawn, the exclusions say why
    return PoolPreview(
        joint.service, joint.on_date,
        [{**p, "name": f"{catalogue().name(pv.service)}：{p['name']}"} for pv in previews for p in pv.pool],
        [{**x, "name": f"{catalogue().name(pv.service)}：{x['name']}"} for pv in previews for x in pv.exclusions],
        per_service_hash(previews), now.isoformat(),
    )  # fmt: skip


def per_service_hash(previews: Sequence[PoolPreview]) -> str:
    return algo.pool_hash([{"service": pv.service, "pool_hash": pv.pool_hash} for pv in previews])


def clean_witnesses(witnesses: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    """Witness inputs as recorded: role and the text typed, in the order given; at least one, none empty."""
    cleaned = []
    for role, value in witnesses:
        value = str(value).strip()
        if role not in WITNESS_ROLES:
            raise UserError(f"见证角色只能是：{'、'.join(WITNESS_ROLES)}。")
        if not value:
            raise UserError(f"请让{WITNESS_ROLES[role]}输入见证数字后再抽取。")
        cleaned.append({"role": role, "value": value})
    if not cleaned:
        raise UserError("抽取需要至少一个见证输入（企业代表和窗口人员各输入一个数字，或公开信标值）。")
    return cleaned


class NoEligibleAgency(UserError):
    pass


def draw(
    work: Work,
    service: str,
    witnesses: Sequence[tuple[str, str]],
    *,
    purpose: str = "",
    subject_uid: str = "",
    enterprise_uid: str = "",
    exclude_uscc: Iterable[str] = (),
    expected_pool_hash: str | None = None,
    pool_fixed_at: str | None = None,
    station_code: str = "ST01",
    now: dt.datetime | None = None,
) -> Draw:
    """Draw one agency for ``service`` and write the draw record.

    ``expected_pool_hash`` is the hash shown to the witnesses before they typed: if the pool changed
    since, the draw is refused, so nobody can change the pool once the seed could be known.
    """
    work.require("agencies.draw", "随机抽取中介机构")
    now = now or utcnow()
    inputs = clean_witnesses(witnesses)
    party = _party(work.session, enterprise_uid, exclude_uscc)
    if JOINT in service:  # one agency for every service of a joint commission
        preview = pool_for_all(work.session, joint_codes(service), party, now=now)
    else:
        preview = pool_for(work.session, service, party, now=now)
    if expected_pool_hash is not None and expected_pool_hash != preview.pool_hash:
        raise UserError("候选名单在见证人输入数字后发生了变化，本次抽取作废，请重新固定名单后再抽取。")
    if not preview.pool:
        raise NoEligibleAgency(f"“{catalogue().name(preview.service)}”目前没有符合条件的中介机构，无法抽取。")
    seed = algo.seed(preview.pool_hash, inputs)
    chosen = algo.pick(seed, len(preview.pool))
    record: dict[str, Any] = {
        "number": _number(work.session, Draw, "CQ", station_code, now),
        "algorithm": algo.ALGORITHM,
        "service": preview.service,
        "purpose": purpose.strip(),
        "subject_uid": subject_uid,
        "enterprise_uid": enterprise_uid,
        "on_date": preview.on_date,
        "pool": preview.pool_json,
        "pool_hash": preview.pool_hash,
        "pool_fixed_at": pool_fixed_at or preview.fixed_at,
        "exclusions": algo.canonical(preview.exclusions),
        "witnesses": algo.canonical(inputs),
        "seed": seed,
        "drawn_index": chosen.index,
        "agency_uid": preview.pool[chosen.index]["uid"],
        "agency_name": preview.pool[chosen.index]["name"],
        "drawn_at": now.isoformat(),
        "drawn_by": work.actor.name,
    }
    record["record_hash"] = algo.record_hash(record)
    row = Draw(**record)
    work.session.add(row)
    work.session.flush()
    work.audit(
        "agencies.draw",
        "agencies_draw",
        row.uid,
        None,
        {k: record[k] for k in ("number", "pool_hash", "seed", "agency_uid", "record_hash")},
    )
    return row


def draw_record(row: Draw) -> dict[str, Any]:
    keys = (*algo.HASHED_FIELDS, "pool", "record_hash", "agency_name")
    return {k: getattr(row, k) for k in keys} | {"uid": row.uid}


def get_draw(session: Session, key: str) -> Draw:
    found = session.scalar(select(Draw).where((Draw.uid == key.strip()) | (Draw.number == key.strip())))
    if found is None:
        raise UserError(f"找不到抽取记录“{key}”，请核对抽取编号。")
    return found


def verify_draw(session: Session, key: str) -> tuple[Draw, algo.Verdict]:
    row = get_draw(session, key)
    return row, algo.verify(draw_record(row))


def draws(session: Session, service: str | None = None, limit: int = 200) -> list[Draw]:
    query = select(Draw).order_by(Draw.drawn_at.desc()).limit(limit)
    if service:
        query = query.where(Draw.service == service)
    return list(session.scalars(query))


# -- commissions --------------------------------------------------------------------------------


def commission_parts(session: Session, commission_uid: str) -> list[CommissionPart]:
    """A joint commission's services with their agencies (empty for a one-service commission)."""
    q = select(CommissionPart).where(CommissionPart.commission_uid == commission_uid).order_by(CommissionPart.id)
    return list(session.scalars(q))


def commission_agencies(session: Session, c: Commission) -> dict[str, list[str]]:
    """agency uid -> the services it does in ``c``, the commission's own agency first."""
    out: dict[str, list[str]] = {}
    for part in commission_parts(session, c.uid) or [CommissionPart(service=c.service, agency_uid=c.agency_uid or "")]:
        out.setdefault(part.agency_uid, []).append(part.service)
    return dict(sorted(out.items(), key=lambda kv: kv[0] != c.agency_uid))


def commission_snapshot(c: Commission) -> dict[str, Any]:
    return {
        "number": c.number, "enterprise_uid": c.enterprise_uid, "service": c.service, "scope": c.scope,
        "budget_fen": c.budget_fen, "deadline": c.deadline.isoformat() if c.deadline else None,
        "selection": c.selection, "agency_uid": c.agency_uid, "draw_uid": c.draw_uid, "status": c.status,
    }  # fmt: skip


def enterprise_by(session: Session, key: str) -> Enterprise:
    """An enterprise by uid or credit code."""
    return enterprises.find(session, key)


def create_commission(
    work: Work,
    enterprise_uid: str,
    service: str,
    *,
    scope: str,
    budget_fen: int | None = None,
    deadline: dt.date | None = None,
    agency_uid: str | None = None,
    witnesses: Sequence[tuple[str, str]] = (),
    expected_pool_hash: str | None = None,
    pool_fixed_at: str | None = None,
    station_code: str = "ST01",
    now: dt.datetime | None = None,
    invite: bool = False,
    cat: Catalogue | None = None,
) -> Commission:
    """An enterprise commissions a service: directly from ``agency_uid`` or by a fair draw with ``witnesses``.

    ``invite``: ``agency_uid`` is invited directly under the park's star rule (``standing``): refused unless
    the agency holds that standing now and the budget is given and under the rule's amount.
    """
    work.require("agencies.commission", "办理中介服务委托")
    now = now or utcnow()
    codes = joint_codes(service)
    code = JOINT.join(codes)
    enterprise = enterprise_by(work.session, enterprise_uid)
    if not scope.strip():
        raise ValidationError({"scope": "请填写委托的服务内容和范围。"})
    if budget_fen is not None and budget_fen < 0:
        raise ValidationError({"budget_fen": "预算金额不能为负数。"})
    commission = Commission(
        uid=new_uid(),
        number=_number(work.session, Commission, "WT", station_code, now),
        enterprise_uid=enterprise.uid,
        service=code,
        scope=scope.strip(),
        budget_fen=budget_fen,
        deadline=deadline,
        created_at=now,
        updated_at=now,
        updated_by=work.actor.name,
        status="assigned",
    )
    parts: list[CommissionPart] = []
    if agency_uid:
        agency = get_agency(work.session, agency_uid)
        missing = [c for c in codes if c not in agency.service_codes()]
        if missing:
            raise UserError(f"“{agency.name}”未入驻“{catalogue().name(JOINT.join(missing))}”服务，请另选机构。")
        if agency.status != "active":
            raise UserError(f"“{agency.name}”目前{STATUSES[agency.status]}，不能接受委托。")
        commission.selection, commission.agency_uid = "direct", agency.uid
        if invite:
            _check_invite(work.session, agency, budget_fen, cat or catalogue())
            commission.selection = "invite"
        parts = [CommissionPart(service=c, agency_uid=agency.uid) for c in codes] if len(codes) > 1 else []
    else:
        commission.selection = "draw"
        purpose = f"中介服务委托 {commission.number}"
        party = _party(work.session, enterprise.uid)
        per_service = len(codes) > 1 and not pool_for_all(work.session, codes, party, now=now).pool
        if not per_service:  # one agency qualified for all the services where one exists (一次委托、一个报告) …
            row = draw(
                work, code, witnesses, purpose=purpose, subject_uid=commission.uid, enterprise_uid=enterprise.uid,
                expected_pool_hash=expected_pool_hash, pool_fixed_at=pool_fixed_at, station_code=station_code,
                now=now,
            )  # fmt: skip
            rows = [(c, row) for c in codes]
        else:
            # … otherwise one agency per service, each by its own draw from the same witnessed inputs; the lists
            # shown before the witnesses typed must be the lists drawn from (one hash over their hashes)
            previews = [pool_for(work.session, c, party, now=now) for c in codes]
            if expected_pool_hash is not None and expected_pool_hash != per_service_hash(previews):
                raise UserError("候选名单在见证人输入数字后发生了变化，本次抽取作废，请重新固定名单后再抽取。")
            rows = [
                (c, draw(work, c, witnesses, purpose=f"{purpose}（{catalogue().name(c)}）", subject_uid=commission.uid,
                         enterprise_uid=enterprise.uid, pool_fixed_at=pool_fixed_at, station_code=station_code,
                         now=now))
                for c in codes
            ]  # fmt: skip
        commission.agency_uid, commission.draw_uid = rows[0][1].agency_uid, rows[0][1].uid
        if len(codes) > 1:
            parts = [CommissionPart(service=c, agency_uid=r.agency_uid, draw_uid=r.uid) for c, r in rows]
    work.session.add(commission)
    for part in parts:
        part.commission_uid = commission.uid
        part.version = 1
        work.session.add(part)
    work.session.flush()
    work.audit(
        "agencies.commission.create", "agencies_commission", commission.uid, None, commission_snapshot(commission)
    )
    return commission


def _check_invite(session: Session, agency: Agency, budget_fen: int | None, cat: Catalogue) -> None:
    from . import standing

    limit = cat.consequences.invite_below_fen
    held = standing.invitable(session, agency.uid)
    if held is None:
        raise UserError(
            f"“{agency.name}”在最近结算的季度没有达到可直接邀请的星级，请随机抽取或按规定直接选取并说明理由。"
        )
    if budget_fen is None or budget_fen >= limit:
        raise UserError(f"直接邀请只适用于预算低于 {limit / 100:,.2f} 元的委托，请填写预算或改为随机抽取。")


def get_commission(session: Session, key: str) -> Commission:
    key = key.strip()
    found = session.scalar(select(Commission).where((Commission.uid == key) | (Commission.number == key)))
    if found is None:
        raise UserError(f"找不到委托“{key}”，请核对委托编号。")
    return found


def _advance(work: Work, key: str, expected: str, to: str, now: dt.datetime | None, **changes: Any) -> Commission:
    c = get_commission(work.session, key)
    if c.status != expected:
        raise UserError(
            f"委托 {c.number} 目前“{COMMISSION_STATUSES[c.status]}”，不能进行这一步"
            f"（需要先“{COMMISSION_STATUSES[expected]}”）。"
        )
    before = commission_snapshot(c)
    c.status = to
    for k, v in changes.items():
        setattr(c, k, v)
    c.version += 1
    c.updated_at, c.updated_by = now or utcnow(), work.actor.name
    after = commission_snapshot(c) | {k: v for k, v in changes.items() if isinstance(v, str)}
    work.audit(f"agencies.commission.{to}", "agencies_commission", c.uid, before, after)
    return c


def accept(work: Work, key: str, *, now: dt.datetime | None = None) -> Commission:
    work.require("agencies.commission", "办理中介服务委托")
    now = now or utcnow()
    return _advance(work, key, "assigned", "accepted", now, accepted_at=now)


def file_digest(path: Path) -> dict[str, Any]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
            size += len(chunk)
    return {"name": path.name, "sha256": h.hexdigest(), "size": size}


def deliverables_dir(data_dir: Path) -> Path:
    return data_dir / "attachments" / "agencies"


def deliver(
    work: Work, key: str, files: Sequence[Path], *, store_dir: Path | None = None, now: dt.datetime | None = None
) -> Commission:
    """The agency hands in its results: each file is recorded by name, size and SHA-256 and, with
    ``store_dir``, kept as a copy under ``<store_dir>/<commission number>/`` (named by its hash, so a
    retried delivery writes nothing twice)."""
    work.require("agencies.commission", "办理中介服务委托")
    if not files:
        raise UserError("请附上机构提交的成果文件（报告、意见书等）。")
    try:
        listed = [file_digest(Path(f)) for f in files]
    except OSError as exc:
        raise UserError(f"读不到成果文件：{exc.filename}，请检查路径。") from exc
    c = get_commission(work.session, key)
    if store_dir is not None:
        import shutil

        folder = store_dir / c.number
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for f, item in zip(files, listed, strict=True):
                target = folder / f"{item['sha256'][:16]}-{item['name']}"
                if not target.exists():
                    shutil.copyfile(f, target)
                item["stored"] = str(target.relative_to(store_dir))
        except OSError as exc:
            raise UserError(f"成果文件无法保存到 {folder}，请检查磁盘空间和权限。", detail=str(exc)) from exc
    now = now or utcnow()
    return _advance(work, key, "accepted", "delivered", now, delivered_at=now, deliverables=algo.canonical(listed))


def complete(work: Work, key: str, representative: str, *, now: dt.datetime | None = None) -> Commission:
    """The enterprise confirms completion; its representative is named."""
    work.require("agencies.commission", "办理中介服务委托")
    if not representative.strip():
        raise UserError("请填写确认完成的企业代表姓名。")
    now = now or utcnow()
    return _advance(work, key, "delivered", "completed", now, completed_at=now, representative=representative.strip())


def commissions(session: Session, *, agency_uid: str | None = None, status: str | None = None) -> list[Commission]:
    query = select(Commission).order_by(Commission.created_at.desc())
    if agency_uid:  # its own commissions and the joint ones it does a part of
        part_of = select(CommissionPart.commission_uid).where(CommissionPart.agency_uid == agency_uid)
        query = query.where((Commission.agency_uid == agency_uid) | Commission.uid.in_(part_of))
    if status:
        query = query.where(Commission.status == status)
    return list(session.scalars(query))


# -- ratings ------------------------------------------------------------------------------------


def rate(
    work: Work,
    commission_key: str,
    *,
    enterprise_uscc: str,
    representative: str,
    scores: Mapping[str, int],
    comment: str = "",
    now: dt.datetime | None = None,
    agency: str | None = None,
) -> Rating:
    """Record the commissioning enterprise's rating of a completed commission (once per commission, or
    once per agency of a joint commission that several agencies did: ``agency`` names which).

    The clerk records it on the enterprise's behalf: the enterprise is named by its credit code, which
    must be the commissioning one, and its representative by name.
    """
    work.require("agencies.rate", "录入中介服务评价")
    c = get_commission(work.session, commission_key)
    enterprise = enterprise_by(work.session, c.enterprise_uid)
    if uscc_codes.normalize(enterprise_uscc) != enterprise.uscc:
        raise UserError(f"只有委托企业“{enterprise.name}”可以评价委托 {c.number}。")
    if c.status != "completed":
        raise UserError(f"委托 {c.number} 尚未经企业确认完成，完成后才能评价。")
    doers = commission_agencies(work.session, c)
    if agency:
        rated_uid = get_agency(work.session, agency).uid
        if rated_uid not in doers:
            raise UserError(f"委托 {c.number} 不是这家机构承担的，请从承担机构中选择。")
    elif len(doers) > 1:
        names = "、".join(get_agency(work.session, uid).name for uid in doers)
        raise UserError(f"委托 {c.number} 由几家机构分别承担（{names}），请写明评价的是哪一家。")
    else:
        rated_uid = next(iter(doers))
    # The commission's own agency is rated under the commission; another agency of a joint commission under
    # its first part, so "one rating per commission" (here and at the hall) stays one rating per agency.
    parts = [p for p in commission_parts(work.session, c.uid) if p.agency_uid == rated_uid]
    key = c.uid if rated_uid == c.agency_uid or not parts else parts[0].uid
    if work.session.scalar(select(Rating).where(Rating.commission_uid == key)) is not None:
        if len(doers) > 1:
            raise UserError(f"委托 {c.number} 中这家机构已经评价过，每家机构只能评价一次。")
        raise UserError(f"委托 {c.number} 已经评价过，每项委托只能评价一次。")
    if not representative.strip():
        raise ValidationError({"representative": "请填写作出评价的企业代表姓名。"})
    problems = {
        d: f"“{catalogue().dimensions[d]}”请打 1 到 5 分。"
        for d in DIMENSIONS
        if not isinstance(scores.get(d), int) or not 1 <= int(scores[d]) <= 5
    }
    if problems:
        raise ValidationError(problems)
    now = now or utcnow()
    rating = Rating(
        commission_uid=key,
        agency_uid=rated_uid,
        enterprise_uid=c.enterprise_uid,
        service=JOINT.join(doers[rated_uid]),
        comment=comment.strip(),
        representative=representative.strip(),
        rated_at=now,
        recorded_by=work.actor.name,
        updated_at=now,
        updated_by=work.actor.name,
        **{d: int(scores[d]) for d in DIMENSIONS},
    )
    work.session.add(rating)
    work.session.flush()
    work.audit(
        "agencies.rating.create",
        "agencies_rating",
        rating.uid,
        None,
        {"commission": c.number, "representative": rating.representative, **{d: scores[d] for d in DIMENSIONS}},
    )
    return rating


def set_aside(work: Work, rating_uid: str, reason: str, *, now: dt.datetime | None = None) -> Rating:
    """A supervisor sets an abusive rating aside: it stays on record but no longer counts."""
    work.require("agencies.review", "处理不当评价")
    if not reason.strip():
        raise UserError("请写明把这条评价认定为不当评价的理由。")
    rating = work.session.scalar(select(Rating).where(Rating.uid == rating_uid))
    if rating is None:
        raise UserError("找不到这条评价，请刷新后再试。")
    if rating.set_aside:
        raise UserError("这条评价已经被认定为不当评价。")
    rating.set_aside, rating.set_aside_reason, rating.set_aside_by = True, reason.strip(), work.actor.name
    rating.version += 1
    rating.updated_at, rating.updated_by = now or utcnow(), work.actor.name
    work.audit(
        "agencies.rating.set_aside",
        "agencies_rating",
        rating.uid,
        {"set_aside": False},
        {"set_aside": True, "reason": reason.strip()},
    )
    return rating


def ratings_of(session: Session, agency_uid: str) -> list[Rating]:
    return list(session.scalars(select(Rating).where(Rating.agency_uid == agency_uid).order_by(Rating.rated_at.desc())))


def _quarter_start_utc(index: int) -> str:
    """The first instant of quarter ``index`` in Asia/Shanghai, as the UTC text SQLite stores."""
    from station.api import SHANGHAI

    year, q = divmod(index, 4)
    start = dt.datetime(year, q * 3 + 1, 1, tzinfo=SHANGHAI).astimezone(dt.UTC)
    return start.strftime("%Y-%m-%d %H:%M:%S")


def _quarter_sql(period: Period) -> tuple[str, str, dict[str, Any]]:
    """SQL for the quarter index of ``rated_at`` and a WHERE clause for the period, by text comparisons
    with the quarters' UTC boundaries (stored times are UTC text in ISO order), so the index serves."""
    bounds = {f"b{i}": _quarter_start_utc(period.first + i) for i in range(period.last - period.first + 2)}
    steps = " + ".join(f"(rated_at >= :b{i})" for i in range(1, period.last - period.first + 1)) or "0"
    last = f"b{period.last - period.first + 1}"
    return f"({period.first} + {steps})", f"rated_at >= :b0 AND rated_at < :{last}", bounds


def rating_points(session: Session, period: Period) -> list[RatingPoint]:
    """Every counted rating (not set aside) of the period, with its Asia/Shanghai quarter."""
    from sqlalchemy import text

    quarter, where, params = _quarter_sql(period)
    sql = f"SELECT agency_uid, {quarter}, {', '.join(DIMENSIONS)} FROM agencies_rating WHERE NOT set_aside AND {where}"
    rows = session.execute(text(sql), params).all()
    return [RatingPoint(r[0], r[1], dict(zip(DIMENSIONS, r[2:], strict=True))) for r in rows]


def ratings_in_period(session: Session, period: Period) -> int:
    """Every rating of the period, set aside or not."""
    from sqlalchemy import text

    _, where, params = _quarter_sql(period)
    return session.scalar(text(f"SELECT count(*) FROM agencies_rating WHERE {where}"), params) or 0


@dataclass(frozen=True)
class RankedAgency:
    uid: str
    name: str
    services: tuple[str, ...]
    status: str
    count: int
    score: float | None
    stars: int | None
    dims: dict[str, float]

    @property
    def status_text(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def in_good_standing(self) -> bool:
        return self.status == "active"

    def with_status(self, text: str) -> str:
        """``text`` (its stars or its name) followed by the agency's status when it is not in good standing."""
        return text if self.in_good_standing else f"{text}（{self.status_text}）"


def evaluation(session: Session, period: Period, rules: StarRules | None = None) -> Evaluation:
    return evaluate(rating_points(session, period), period, rules or catalogue().rules)


def ranking(
    session: Session, period: Period, service: str | None = None, rules: StarRules | None = None
) -> tuple[Evaluation, list[RankedAgency]]:
    """Agencies (of one service type, or all) ranked by their star score for the period; a suspended or
    blacklisted agency comes after every agency in good standing, whatever its score."""
    result = evaluation(session, period, rules)
    order = {a.agency_uid: i for i, a in enumerate(result.ranked())}
    listed = []
    for agency in agencies_for(session, service):
        stars = result.agencies.get(agency.uid)
        listed.append(
            RankedAgency(
                uid=agency.uid,
                name=agency.name,
                services=tuple(agency.service_codes()),
                status=agency.status,
                count=stars.count if stars else 0,
                score=round(stars.score, 2) if stars else None,
                stars=stars.stars if stars else None,
                dims={d: round(v, 2) for d, v in stars.bayes.items()} if stars else {},
            )
        )
    listed.sort(key=lambda r: (STANDING.get(r.status, 3), order.get(r.uid, len(order)), r.name))
    return result, listed


def ranks(listed: Sequence[RankedAgency]) -> list[int | None]:
    """Places 1, 2, … for the agencies in good standing, in the given order; None for the others."""
    places: list[int | None] = []
    for r in listed:
        places.append(sum(1 for p in places if p) + 1 if r.in_good_standing else None)
    return places


def counts(session: Session) -> dict[str, int]:
    """Per service code: how many active agencies offer it."""
    out: dict[str, int] = {}
    for agency in agencies_for(session):
        if agency.status == "active":
            for code in agency.service_codes():
                out[code] = out.get(code, 0) + 1
    return out


def deliverables(c: Commission) -> list[dict[str, Any]]:
    return json.loads(c.deliverables or "[]")


# -- reads for pages ----------------------------------------------------------------------------


def commission_uids(session: Session, status: str | None = None) -> list[str]:
    query = select(Commission.uid).order_by(Commission.created_at.desc(), Commission.id.desc())
    if status:
        query = query.where(Commission.status == status)
    return list(session.scalars(query))


COMMISSION_COLUMNS = ("number", "enterprise", "service", "agency", "selection", "status", "rating", "created")


def commission_rows(session: Session, uids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """The commission list's columns for the given uids (see COMMISSION_COLUMNS)."""
    from station.api import local_text

    cat = catalogue()
    rows: dict[str, tuple[Any, ...]] = {}
    query = (
        select(Commission, Enterprise.name, Agency.name, Rating.uid)
        .outerjoin(Enterprise, Enterprise.uid == Commission.enterprise_uid)
        .outerjoin(Agency, Agency.uid == Commission.agency_uid)
        .outerjoin(Rating, Rating.commission_uid == Commission.uid)
        .where(Commission.uid.in_(list(uids)))
    )
    found = session.execute(query).all()
    # A joint commission done by several agencies names each, and counts a rating per agency
    parts = list(session.scalars(select(CommissionPart).where(CommissionPart.commission_uid.in_(list(uids)))))
    names = {
        uid: name
        for uid, name in session.execute(
            select(Agency.uid, Agency.name).where(Agency.uid.in_({p.agency_uid for p in parts}))
        )
    }
    rated_parts = set(
        session.scalars(select(Rating.commission_uid).where(Rating.commission_uid.in_([p.uid for p in parts])))
    )
    for c, enterprise_name, agency_name, rating_uid in found:
        mine = [p for p in parts if p.commission_uid == c.uid]
        doers = list(dict.fromkeys(p.agency_uid for p in mine))
        rated = "已评价" if rating_uid else ("待评价" if c.status == "completed" else "")
        if len(doers) > 1:
            agency_name = "；".join(names.get(uid, "") for uid in doers)
            done = bool(rating_uid) + len({p.agency_uid for p in mine if p.uid in rated_parts} - {c.agency_uid})
            if c.status == "completed":
                rated = "已评价" if done == len(doers) else f"已评价 {done}/{len(doers)} 家"
        rows[c.uid] = (
            c.number, enterprise_name or "", cat.name(c.service), agency_name or "", SELECTIONS[c.selection],
            COMMISSION_STATUSES[c.status], rated, local_text(c.created_at)[:10],
        )  # fmt: skip
    return rows


@dataclass(frozen=True)
class AgencyHistory:
    agency: dict[str, Any]
    qualifications: list[dict[str, Any]]
    commissions: list[dict[str, Any]]
    ratings: list[dict[str, Any]]
    draws_in_pool: int
    draws_won: int


def agency_history(session: Session, agency_uid: str, *, now: dt.datetime | None = None) -> AgencyHistory:
    """Everything an agency's page shows, as plain values (safe to hand to the UI thread)."""
    from station.api import local_text

    cat = catalogue()
    today = _today(now or utcnow())
    a = get_agency(session, agency_uid)
    names = dict(session.execute(select(Enterprise.uid, Enterprise.name)).all())
    quals = [
        {"service": cat.name(q.service), "cert_no": q.cert_no, "issuer": q.issuer,
         "valid_until": q.valid_until.isoformat(), "expired": q.valid_until < today}
        for q in qualifications(session, a.uid)
    ]  # fmt: skip
    comms = [
        {"number": c.number, "enterprise": names.get(c.enterprise_uid, ""), "service": cat.name(c.service),
         "status": COMMISSION_STATUSES[c.status], "selection": SELECTIONS[c.selection],
         "created": local_text(c.created_at)[:10]}
        for c in commissions(session, agency_uid=a.uid)
    ]  # fmt: skip
    rates = [
        {"uid": r.uid, "enterprise": names.get(r.enterprise_uid, ""), "rated": local_text(r.rated_at)[:10],
         "scores": [getattr(r, d) for d in DIMENSIONS], "comment": r.comment, "representative": r.representative,
         "set_aside": r.set_aside, "set_aside_reason": r.set_aside_reason}
        for r in ratings_of(session, a.uid)
    ]  # fmt: skip
    pool_hits = session.scalar(select(func.count()).select_from(Draw).where(Draw.pool.contains(a.uid))) or 0
    won = session.scalar(select(func.count()).select_from(Draw).where(Draw.agency_uid == a.uid)) or 0
    info = agency_snapshot(a) | {"uid": a.uid, "service_names": [cat.name(s) for s in a.service_codes()]}
    return AgencyHistory(info, quals, comms, rates, pool_hits, won)


def notices(session: Session, *, now: dt.datetime | None = None, within_days: int = 30) -> list[Any]:
    """Qualifications about to expire (the agency drops out of draws) and commissions past their deadline."""
    from station.api import Notice

    today = _today(now or utcnow())
    cat = catalogue()
    out = []
    soon = today + dt.timedelta(days=within_days)
    names = {a.uid: a.name for a in agencies_for(session) if a.status == "active"}
    latest: dict[tuple[str, str], Qualification] = {}
    for q in session.scalars(select(Qualification).order_by(Qualification.valid_until)):
        latest[(q.agency_uid, q.service)] = q  # the one valid longest
    for (agency_uid, service), q in sorted(latest.items(), key=lambda kv: kv[1].valid_until):
        if agency_uid in names and today <= q.valid_until <= soon:
            out.append(
                Notice(
                    key=f"agencies:{q.uid}:expiring:{q.valid_until.isoformat()}",
                    text=f"{names[agency_uid]}的{cat.name(service)}资质证书 {q.cert_no} 将于 "
                    f"{q.valid_until.isoformat()} 到期，到期后不再参加该类服务的随机抽取。",
                    level="warning",
                    page="agencies",
                )
            )
    overdue = select(Commission).where(
        Commission.status.in_(("assigned", "accepted")), Commission.deadline.is_not(None), Commission.deadline < today
    )
    for c in session.scalars(overdue):
        out.append(
            Notice(
                key=f"agencies:{c.uid}:overdue",
                text=f"委托 {c.number}（{cat.name(c.service)}）已超过完成期限 {c.deadline}，请督促机构提交成果。",
                level="info",
                page="agencies",
            )
        )
    return out
