"""Policy fulfilment services: catalogue, enterprise facts, matching, claims, payouts. No Qt here.

Every write goes through a ``Work`` (one transaction, an actor, audit entries, events after commit) and
checks its permission here, not only in the UI. Time comes from an injectable clock (``today``/``now``
arguments) so tests can move it.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from station.api import SHANGHAI, Enterprise, UserError, ValidationError, Work, enterprises, identity, utcnow
from station_policy import catalog, matcher, payout_state
from station_policy.catalog import ELIGIBLE, INELIGIBLE, UNKNOWN_STATUS, Evaluation, Policy
from station_policy.facts import CERT_KINDS, FACTS, format_fen
from station_policy.models import Award, Certificate, Claim, ClaimEvent, Fact, Match, MatchState, Payout, PolicyEdition
from station_policy.rules import Subject

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext

Clock = Callable[[], dt.datetime]

# Claim workflow: status -> Chinese label. applied -> accepted -> approved -> notice -> paid; or rejected.
STATUSES = {
    "applied": "已申请",
    "accepted": "已受理",
    "approved": "审核通过",
    "notice": "公示中",
    "paid": "已兑付",
    "rejected": "不予兑现",
    "withdrawn": "已撤回",
}
STEPS = {
    "apply": "申请",
    "accept": "受理",
    "review": "审核",
    "notice": "公示",
    "pay": "兑付",
    "reject": "驳回",
    "withdraw": "撤回",
    "verify": "第三方鉴证",
}
NOTICE_DAYS = 7  # 公示期：自公示之日起 7 个自然日，期满次日起可兑付
# The receipt code: random, from letters and digits that cannot be misread on paper (no 0/O, 1/I, S/5);
# 29 ** 12 is some 2**58 codes, so guessing one, throttled at the hall, is out of reach.
RECEIPT_ALPHABET = "23456789ABCDEFGHJKLMNPQRTUWXY"
RECEIPT_LENGTH = 12
LIVE = ("applied", "accepted", "approved", "notice", "paid")


def today_local(now: dt.datetime | None = None) -> dt.date:
    return (now or utcnow()).astimezone(SHANGHAI).date()


# -- catalogue ----------------------------------------------------------------------------------

_parsed: dict[str, Policy] = {}  # digest -> Policy: a document is parsed once per process


def edition_row_values(p: Policy) -> dict[str, Any]:
    return {
        "code": p.code,
        "edition": p.edition,
        "title": p.title,
        "department": p.department,
        "category": p.category,
        "valid_from": p.valid_from,
        "valid_to": p.valid_to,
        "period": p.period,
        "digest": p.digest,
        "document": p.document,
    }


@dataclass
class LoadResult:
    added: int = 0
    changed: int = 0
    unchanged: int = 0


def load_catalog(work: Work, policies: Sequence[Policy]) -> LoadResult:
    """Load editions into this station's catalogue, as the hall would publish them.

    The catalogue is published by the hall (an ``write="hall"`` table); a station loading it locally
    (offline, before the hall's copy arrives) writes the rows with change capture paused, so they are not
    pushed back as the station's own changes. Edition uids are derived from code and edition, so the
    hall's publication of the same edition later lands on the same row.
    """
    work.require("policy.catalog", "维护政策目录")
    session = work.session
    result = LoadResult()
    session.execute(text("UPDATE sync_apply_guard SET applying = 1"))
    try:
        for p in policies:
            row = session.scalar(select(PolicyEdition).where(PolicyEdition.uid == p.uid))
            if row is None:
                session.add(PolicyEdition(uid=p.uid, version=1, **edition_row_values(p)))
                result.added += 1
            elif row.digest != p.digest:
                for key, value in edition_row_values(p).items():
                    setattr(row, key, value)
                row.version += 1
                result.changed += 1
            else:
                result.unchanged += 1
        session.flush()
    finally:
        session.execute(text("UPDATE sync_apply_guard SET applying = 0"))
    work.audit("policy.catalog.load", "policy_catalog", "local", None, result.__dict__)
    return result


def policies(session: Session) -> list[Policy]:
    """Every stored edition, parsed (once per document)."""
    out = []
    for row in session.scalars(select(PolicyEdition).order_by(PolicyEdition.code, PolicyEdition.edition)):
        p = _parsed.get(row.digest)
        if p is None:
            p = catalog.load_document(row.document)
            _parsed[row.digest] = p
        out.append(p)
    return out


def current_policies(session: Session, on: dt.date) -> list[Policy]:
    return catalog.current(policies(session), on)


def policy_edition(session: Session, code: str, on: dt.date) -> Policy:
    for p in current_policies(session, on):
        if p.code == code:
            return p
    known = [p for p in policies(session) if p.code == code]
    if known:
        raise UserError(f"政策 {code} 在 {on.isoformat()} 不在有效期内，不能申请。")
    raise UserError(f"找不到政策 {code}，请先用 station policy catalog load 载入政策目录。")


def policy_edition_materials(ctx: StationContext, code: str, on: dt.date) -> tuple[str, ...]:
    with ctx.read() as session:
        return policy_edition(session, code, on).materials


def edition_by_uid(session: Session, uid: str) -> Policy:
    row = session.scalar(select(PolicyEdition).where(PolicyEdition.uid == uid))
    if row is None:
        raise UserError("找不到申请所依据的政策版本，请同步后再试。")
    p = _parsed.get(row.digest)
    if p is None:
        p = _parsed[row.digest] = catalog.load_document(row.document)
    return p


def catalog_digest(session: Session) -> str:
    digests = session.scalars(select(PolicyEdition.digest).order_by(PolicyEdition.uid)).all()
    import hashlib

    return hashlib.sha256("".join(digests).encode()).hexdigest()[:16]


# -- enterprise facts ---------------------------------------------------------------------------


def enterprise_by_uid(session: Session, uid: str) -> Enterprise:
    found = enterprises.by_uid(session, uid)
    if found is None:
        raise UserError("找不到这家企业，请刷新列表或先同步。")
    return found


def enterprise_by_code(session: Session, code: str) -> Enterprise:
    found = enterprises.by_uscc(session, code)
    if found is None:
        raise UserError(f"统一社会信用代码 {code} 未登记，请先在企业库登记这家企业。")
    return found


def set_fact(
    work: Work,
    enterprise_uid: str,
    key: str,
    year: int,
    value: int | None,
    *,
    source: str = "",
    now: dt.datetime | None = None,
) -> Fact:
    work.require("policy.facts", "维护企业涉企数据")
    spec = FACTS.get(key)
    if spec is None:
        raise ValidationError({"fact_key": f"没有名为“{key}”的数据项，请从清单中选择。"})
    if spec.yearly and not (2000 <= year <= 2100):
        raise ValidationError({"year": f"“{spec.label}”按年度记录，请填写年份（如 2025）。"})
    if not spec.yearly:
        year = 0
    enterprise_by_uid(work.session, enterprise_uid)
    at = now or utcnow()
    row = work.session.scalar(
        select(Fact).where(Fact.enterprise_uid == enterprise_uid, Fact.fact_key == key, Fact.year == year)
    )
    before = None if row is None else row.value
    if row is None:
        row = Fact(enterprise_uid=enterprise_uid, fact_key=key, year=year, value=value, version=1)
        work.session.add(row)
    elif row.value == value:
        return row
    else:
        row.value = value
        row.version += 1
    row.source = source or spec.source
    row.updated_at = at
    row.updated_by = work.actor.name
    work.session.flush()
    work.audit("policy.fact.set", "enterprise", enterprise_uid, {f"{key}[{year}]": before}, {f"{key}[{year}]": value})
    return row


@dataclass(frozen=True)
class FactRow:
    key: str
    year: int
    title: str  # "2025 年纳税总额"
    value: int | None
    shown: str  # the value as a clerk reads it
    source: str
    updated_at: dt.datetime
    updated_by: str


def fact_rows(session: Session, enterprise_uid: str) -> list[FactRow]:
    """Every fact the station holds for an enterprise, with where it came from and when (一数一源)."""
    from station.api import User
    from station_policy.facts import fact_title, format_value

    rows = list(session.scalars(select(Fact).where(Fact.enterprise_uid == enterprise_uid)))
    names = dict(session.execute(
        select(User.username, User.display_name).where(User.username.in_({f.updated_by for f in rows}))
    ).all())  # fmt: skip
    order = {key: i for i, key in enumerate(FACTS)}
    return sorted(
        (
            FactRow(f.fact_key, f.year, fact_title(f.fact_key, f.year), f.value, format_value(f.fact_key, f.value),
                    f.source, f.updated_at, names.get(f.updated_by, f.updated_by))
            for f in rows
            if f.fact_key in FACTS
        ),
        key=lambda r: (order[r.key], -r.year),
    )  # fmt: skip


def correct_fact(
    work: Work, enterprise_uid: str, key: str, year: int, value: int | None, reason: str, **kw: Any
) -> Fact:
    """A clerk's correction of a department's figure: the reason becomes the fact's source, the audit keeps both."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": "请写明更正的理由和依据，如“企业提供2025年度审计报告”。"})
    return set_fact(work, enterprise_uid, key, year, value, source=f"人工更正：{reason}"[:60], **kw)


def set_cert(
    work: Work,
    enterprise_uid: str,
    kind: str,
    expires_on: dt.date | None,
    *,
    number: str = "",
    now: dt.datetime | None = None,
) -> Certificate:
    work.require("policy.facts", "维护企业涉企数据")
    if kind not in CERT_KINDS:
        raise ValidationError({"kind": f"不认识的认定类别“{kind}”，可选：{'、'.join(CERT_KINDS)}。"})
    enterprise_by_uid(work.session, enterprise_uid)
    row = work.session.scalar(
        select(Certificate).where(Certificate.enterprise_uid == enterprise_uid, Certificate.kind == kind)
    )
    before = None if row is None else (row.expires_on.isoformat() if row.expires_on else "长期")
    if row is None:
        row = Certificate(enterprise_uid=enterprise_uid, kind=kind, version=1)
        work.session.add(row)
    else:
        row.version += 1
    row.number, row.expires_on = number, expires_on
    row.updated_at, row.updated_by = now or utcnow(), work.actor.name
    work.session.flush()
    work.audit(
        "policy.cert.set", "enterprise", enterprise_uid, {kind: before}, {kind: expires_on and expires_on.isoformat()}
    )
    return row


def _subject_fields(e: Any) -> dict[str, Any]:
    return {
        "uscc": e.uscc,
        "name": e.name,
        "industry_code": e.industry_code,
        "registered_capital_fen": e.registered_capital_fen,
        "employees": e.employees,
        "founded_on": e.founded_on,
        "zone": e.zone,
        "stage": e.stage,
    }


def subjects(session: Session, enterprise_uids: Sequence[str] | None = None) -> list[tuple[str, Subject]]:
    """Enterprises as the rules see them, with their facts and certificates, in a few bulk queries."""
    query = select(
        Enterprise.uid, Enterprise.uscc, Enterprise.name, Enterprise.industry_code, Enterprise.registered_capital_fen,
        Enterprise.employees, Enterprise.founded_on, Enterprise.zone, Enterprise.stage,
    ).order_by(Enterprise.id)  # fmt: skip
    chunks: list[Sequence[str] | None] = [None]
    if enterprise_uids is not None:
        uids = list(enterprise_uids)
        chunks = [uids[i : i + 500] for i in range(0, len(uids), 500)]
    by_uid: dict[str, Subject] = {}
    order: list[str] = []
    for chunk in chunks:
        q = query if chunk is None else query.where(Enterprise.uid.in_(chunk))
        for row in session.execute(q):
            by_uid[row.uid] = Subject(_subject_fields(row), {}, {})
            order.append(row.uid)
        fq = select(Fact.enterprise_uid, Fact.fact_key, Fact.year, Fact.value).where(Fact.value.is_not(None))
        cq = select(Certificate.enterprise_uid, Certificate.kind, Certificate.expires_on)
        if chunk is not None:
            fq, cq = fq.where(Fact.enterprise_uid.in_(chunk)), cq.where(Certificate.enterprise_uid.in_(chunk))
        for uid, key, year, value in session.execute(fq):
            s = by_uid.get(uid)
            if s is not None:
                s.facts[(key, year)] = value
        for uid, kind, expires in session.execute(cq):
            s = by_uid.get(uid)
            if s is not None:
                s.certs[kind] = expires
    return [(uid, by_uid[uid]) for uid in order]


def subject_of(session: Session, enterprise_uid: str) -> Subject:
    found = subjects(session, [enterprise_uid])
    if not found:
        raise UserError("找不到这家企业，请刷新列表或先同步。")
    return found[0][1]


# -- matching -----------------------------------------------------------------------------------


def _stamps(session: Session, digest: str, on: dt.date, uids: Sequence[str] | None = None) -> dict[str, str]:
    """What each enterprise's matches depend on: its version, its facts and certificates, the catalogue, the day."""
    raw = session.connection()
    where, params = "", {}
    if uids is not None:
        where = " WHERE e.uid IN (" + ",".join(f":u{i}" for i in range(len(uids))) + ")"
        params = {f"u{i}": u for i, u in enumerate(uids)}
    rows = raw.execute(
        text(
            "SELECT e.uid, e.version,"
            " (SELECT coalesce(sum(version), 0) || '.' || count(*) FROM policy_fact f WHERE f.enterprise_uid = e.uid),"
            " (SELECT coalesce(sum(version), 0) || '.' || count(*) FROM policy_cert c WHERE c.enterprise_uid = e.uid)"
            f" FROM enterprise e{where}"
        ),
        params,
    )
    return {uid: f"{v}:{f}:{c}:{digest}:{on.isoformat()}" for uid, v, f, c in rows}


def stale_enterprises(session: Session, on: dt.date) -> list[str]:
    """Enterprises whose matches are missing or were computed from other data, catalogue or day."""
    stamps = _stamps(session, catalog_digest(session), on)
    known = {uid: stamp for uid, stamp in session.execute(select(MatchState.enterprise_uid, MatchState.stamp))}
    return [uid for uid, stamp in stamps.items() if known.get(uid) != stamp]


@dataclass
class MatchRun:
    enterprises: int
    eligible: int
    unknown: int
    seconds: float


def rematch(
    work: Work,
    on: dt.date,
    enterprise_uids: Sequence[str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> MatchRun:
    """Match the given enterprises (default: every stale one) and store the results (a local cache)."""
    import time

    work.require("policy.view", "查看惠企政策")
    started = time.perf_counter()
    session = work.session
    uids = stale_enterprises(session, on) if enterprise_uids is None else list(enterprise_uids)
    compiled = matcher.compile_policies(current_policies(session, on), on)
    digest = catalog_digest(session)
    eligible = unknown = 0
    batch = 2000
    for start in range(0, len(uids), batch):
        chunk = uids[start : start + batch]
        found = subjects(session, chunk)
        hits = matcher.match_compiled(compiled, [s for _, s in found], on)
        session.execute(delete(Match).where(Match.enterprise_uid.in_(chunk)))
        session.execute(delete(MatchState).where(MatchState.enterprise_uid.in_(chunk)))
        rows = [
            {"enterprise_uid": found[si][0], "policy_code": compiled[pi].policy.code, "status": st, "amount_fen": fen}
            for si, pi, st, fen in hits
        ]
        if rows:
            session.execute(Match.__table__.insert(), rows)
        stamps = _stamps(session, digest, on, [uid for uid, _ in found])
        if stamps:
            session.execute(
                MatchState.__table__.insert(),
                [{"enterprise_uid": uid, "stamp": stamp, "matched_on": on} for uid, stamp in stamps.items()],
            )
        eligible += sum(1 for h in hits if h[2] == ELIGIBLE)
        unknown += sum(1 for h in hits if h[2] == UNKNOWN_STATUS)
        if progress:
            progress(min(start + batch, len(uids)), len(uids))
    return MatchRun(len(uids), eligible, unknown, time.perf_counter() - started)


@dataclass(frozen=True)
class MatchRow:
    enterprise_uid: str
    uscc: str
    enterprise_name: str
    policy_code: str
    policy_title: str
    department: str
    status: str
    amount_fen: int | None
    claimed: str  # claim status, "" when no claim yet for the current period


def _claim_states(session: Session, on: dt.date, *, enterprise_uid: str | None = None, code: str | None = None) -> dict:
    q = select(Claim.enterprise_uid, Claim.policy_code, Claim.period, Claim.status).where(Claim.status.in_(LIVE))
    if enterprise_uid:
        q = q.where(Claim.enterprise_uid == enterprise_uid)
    if code:
        q = q.where(Claim.policy_code == code)
    return {(e, c, p): s for e, c, p, s in session.execute(q)}


def matches_for_enterprise(session: Session, enterprise_uid: str, on: dt.date) -> list[MatchRow]:
    e = enterprise_by_uid(session, enterprise_uid)
    by_code = {p.code: p for p in current_policies(session, on)}
    claims = _claim_states(session, on, enterprise_uid=enterprise_uid)
    rows = []
    for m in session.scalars(select(Match).where(Match.enterprise_uid == enterprise_uid)):
        p = by_code.get(m.policy_code)
        if p is None:
            continue
        claimed = claims.get((enterprise_uid, p.code, p.period_for(on)), "")
        rows.append(MatchRow(e.uid, e.uscc, e.name, p.code, p.title, p.department, m.status, m.amount_fen, claimed))
    rows.sort(key=lambda r: (r.status != ELIGIBLE, -(r.amount_fen or 0), r.policy_code))
    return rows


def matches_for_policy(session: Session, code: str, on: dt.date, *, status: str | None = None) -> list[MatchRow]:
    p = policy_edition(session, code, on)
    claims = _claim_states(session, on, code=code)
    q = (
        select(Match.enterprise_uid, Match.status, Match.amount_fen, Enterprise.uscc, Enterprise.name)
        .join(Enterprise, Enterprise.uid == Match.enterprise_uid)
        .where(Match.policy_code == code)
        .order_by(Match.status, Match.amount_fen.desc(), Enterprise.name)
    )
    if status:
        q = q.where(Match.status == status)
    period = p.period_for(on)
    return [
        MatchRow(uid, uscc, name, p.code, p.title, p.department, st, amount, claims.get((uid, code, period), ""))
        for uid, st, amount, uscc, name in session.execute(q)
    ]


def policy_summaries(session: Session, on: dt.date) -> list[dict[str, Any]]:
    """Each policy in force with how many enterprises qualify and the estimated total."""
    counts: dict[str, dict[str, Any]] = {}
    for code, status, n, total in session.execute(
        select(Match.policy_code, Match.status, func.count(), func.sum(Match.amount_fen)).group_by(
            Match.policy_code, Match.status
        )
    ):
        c = counts.setdefault(code, {"eligible": 0, "unknown": 0, "total_fen": 0})
        c[status] = n
        if status == ELIGIBLE:
            c["total_fen"] = int(total or 0)
    out = []
    for p in current_policies(session, on):
        c = counts.get(p.code, {"eligible": 0, "unknown": 0, "total_fen": 0})
        out.append(
            {
                "code": p.code,
                "edition": p.edition,
                "title": p.title,
                "department": p.department,
                "category": p.category,
                "amount_rule": p.amount.describe(),
                **c,
            }
        )
    return out


def explain(session: Session, enterprise_uid: str, code: str, on: dt.date) -> Evaluation:
    """Why (not): every condition of the policy's current edition for this enterprise, with the values."""
    p = next((x for x in catalog.current(policies(session), on) if x.code == code), None)
    if p is None:
        editions = [x for x in policies(session) if x.code == code]
        if not editions:
            raise UserError(f"找不到政策 {code}，请先载入政策目录。")
        p = max(editions, key=lambda x: x.valid_from)
    return catalog.evaluate(p, subject_of(session, enterprise_uid), on)


# -- claims -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Warning_:
    code: str
    level: str  # warning | critical
    text: str  # Chinese sentence a clerk reads


def next_number(session: Session, prefix: str, column: Any) -> str:
    """The next number after the highest ``column`` value starting with ``prefix`` (claims, payouts, awards)."""
    last = session.scalar(select(func.max(column)).where(column.like(f"{prefix}%")))
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:05d}"


def add_event(
    work: Work, subject: Claim | Award, step: str, reason: str, detail: dict[str, Any], at: dt.datetime
) -> None:
    """One step in the history of a claim or an award (both keep it in ``policy_claim_event``, by uid)."""
    work.session.add(
        ClaimEvent(
            claim_uid=subject.uid,
            step=step,
            status_after=subject.status,
            actor=work.actor.display_name or work.actor.name,
            at=at,
            reason=reason,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str),
            version=1,
        )
    )


def _event(
    work: Work,
    claim: Claim,
    step: str,
    reason: str = "",
    detail: dict[str, Any] | None = None,
    at: dt.datetime | None = None,
) -> None:
    add_event(work, claim, step, reason, detail or {}, at or utcnow())
    work.audit(f"policy.claim.{step}", "policy_claim", claim.uid, None, {"status": claim.status, "reason": reason})


def _evaluation_detail(ev: Evaluation) -> dict[str, Any]:
    return {
        "policy_code": ev.policy.code,
        "policy_edition": ev.policy.edition,
        "policy_digest": ev.policy.digest,
        "evaluated_on": ev.on.isoformat(),
        "status": ev.status,
        "amount_fen": ev.amount_fen,
        "findings": [f.sentence() for f in ev.findings],
    }


def get_claim(session: Session, ref: str) -> Claim:
    """A claim by its number or uid."""
    claim = session.scalar(select(Claim).where((Claim.number == ref) | (Claim.uid == ref)))
    if claim is None:
        raise UserError(f"找不到申请 {ref}，请核对申请编号。")
    return claim


def _touch(work: Work, claim: Claim, status: str, at: dt.datetime) -> None:
    """Move the claim on; a step is never dated before the step it follows (back-dated paper entries)."""
    if claim.updated_at is not None and today_local(at) < today_local(claim.updated_at):
        raise UserError(
            f"办理日期 {today_local(at).isoformat()} 早于这件申请上一步的日期 "
            f"{today_local(claim.updated_at).isoformat()}，请核对日期。"
        )
    claim.status = status
    claim.version += 1
    claim.updated_at, claim.updated_by = at, work.actor.name


def apply(
    work: Work,
    enterprise_uid: str,
    code: str,
    *,
    materials: Iterable[str] = (),
    station_code: str = "ST01",
    now: dt.datetime | None = None,
) -> Claim:
    """Take an application. Refused when the enterprise clearly does not qualify or already holds a live claim."""
    work.require("policy.claim", "受理政策兑现申请")
    at = now or utcnow()
    on = today_local(at)
    session = work.session
    p = policy_edition(session, code, on)
    enterprise_by_uid(session, enterprise_uid)
    period = p.period_for(on)
    if session.scalar(select(Payout.uid).where(_key(Payout, enterprise_uid, code, period))):
        raise UserError(f"这家企业已领取过政策 {code}（{period}）的兑现资金，不能重复申请。")
    existing = session.scalar(select(Claim).where(_key(Claim, enterprise_uid, code, period), Claim.status.in_(LIVE)))
    if existing is not None:
        raise UserError(f"这家企业已有政策 {code}（{period}）的申请 {existing.number}，请在原申请上继续办理。")
    ev = catalog.evaluate(p, subject_of(session, enterprise_uid), on)
    if ev.status == INELIGIBLE:
        raise UserError(ev.why() + "如数据有误，请先更正企业数据。")
    prefix = f"{station_code}-{on.year}-"
    given = [m for m in materials if m]
    unknown_materials = [m for m in given if m not in p.materials]
    if unknown_materials:
        raise ValidationError({"materials": f"“{'、'.join(unknown_materials)}”不在该政策的材料清单中。"})
    claim = Claim(
        number=next_number(session, prefix, Claim.number),
        enterprise_uid=enterprise_uid,
        policy_code=p.code,
        policy_uid=p.uid,
        policy_edition=p.edition,
        policy_digest=p.digest,
        period=period,
        status="applied",
        estimated_fen=ev.amount_fen,
        materials=json.dumps(given, ensure_ascii=False),
        verifier="",
        receipt_code=new_receipt_code(),
        created_at=at,
        created_by=work.actor.name,
        updated_at=at,
        updated_by=work.actor.name,
        version=1,
    )
    session.add(claim)
    session.flush()
    _event(work, claim, "apply", "", _evaluation_detail(ev), at)
    return claim


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def receipt_code(work: Work, ref: str, *, now: dt.datetime | None = None) -> Claim:
    """The claim with its receipt code, given now to a claim taken before receipt codes (it syncs with it)."""
    work.require("policy.view", "查看惠企政策")
    claim = get_claim(work.session, ref)
    if not claim.receipt_code:
        claim.receipt_code = new_receipt_code()
        claim.version += 1
        claim.updated_at, claim.updated_by = now or utcnow(), work.actor.name
        work.audit("policy.claim.receipt", "policy_claim", claim.uid, None, {"receipt_code": "（已生成）"})
    return claim


def _key(model: Any, enterprise_uid: str, code: str, period: str) -> Any:
    return (model.enterprise_uid == enterprise_uid) & (model.policy_code == code) & (model.period == period)


def _require_status(claim: Claim, *allowed: str) -> None:
    if claim.status not in allowed:
        now = STATUSES.get(claim.status, claim.status)
        want = "、".join(STATUSES[s] for s in allowed)
        raise UserError(f"申请 {claim.number} 当前为“{now}”，只有“{want}”的申请才能办理这一步。")


def set_materials(work: Work, ref: str, materials: Iterable[str], *, now: dt.datetime | None = None) -> Claim:
    work.require("policy.claim", "受理政策兑现申请")
    claim = get_claim(work.session, ref)
    _require_status(claim, "applied", "accepted")
    p = edition_by_uid(work.session, claim.policy_uid)
    given = list(dict.fromkeys(m for m in materials if m))
    wrong = [m for m in given if m not in p.materials]
    if wrong:
        raise ValidationError({"materials": f"“{'、'.join(wrong)}”不在该政策的材料清单中。"})
    at = now or utcnow()
    claim.materials = json.dumps(given, ensure_ascii=False)
    claim.version += 1
    claim.updated_at, claim.updated_by = at, work.actor.name
    _event(work, claim, "accept" if claim.status == "accepted" else "apply", "补充材料", {"materials": given}, at)
    return claim


def accept(
    work: Work, ref: str, *, materials: Iterable[str] | None = None, reason: str = "", now: dt.datetime | None = None
) -> Claim:
    """受理: the clerk checked the papers. Missing materials are allowed only with a written reason (容缺受理)."""
    work.require("policy.claim", "受理政策兑现申请")
    claim = get_claim(work.session, ref)
    _require_status(claim, "applied")
    if materials is not None:
        set_materials(work, ref, materials, now=now)
    at = now or utcnow()
    missing = missing_materials(work.session, claim)
    if missing and not reason:
        raise UserError(f"还缺少材料：{'、'.join(missing)}。请补齐，或写明容缺受理的理由后再受理。")
    _touch(work, claim, "accepted", at)
    detail = {
        "missing_materials": missing,
        "warnings": [w.text for w in warnings(work.session, claim, today_local(at))],
    }
    _event(work, claim, "accept", reason or "材料齐全", detail, at)
    return claim


def review(
    work: Work,
    ref: str,
    *,
    approve: bool,
    reason: str = "",
    amount_fen: int | None = None,
    now: dt.datetime | None = None,
) -> Claim:
    """审核 (supervisor): re-evaluates the rules as of today and records the evaluation it decided on."""
    work.require("policy.review", "审核政策兑现申请")
    session = work.session
    claim = get_claim(session, ref)
    _require_status(claim, "accepted")
    at = now or utcnow()
    on = today_local(at)
    p = edition_by_uid(session, claim.policy_uid)
    ev = catalog.evaluate(p, subject_of(session, claim.enterprise_uid), on)
    found = warnings(session, claim, on)
    if not approve:
        if not reason:
            raise UserError("不予通过时请写明理由，理由会告知企业。")
        _touch(work, claim, "rejected", at)
        _event(work, claim, "review", reason, {**_evaluation_detail(ev), "warnings": [w.text for w in found]}, at)
        return claim
    if ev.status != ELIGIBLE:
        raise UserError(ev.why())
    amount = ev.amount_fen if amount_fen is None else amount_fen
    if amount is None:
        raise UserError("无法按规则算出金额（缺少计算基数），请补录数据或填写核定金额。")
    if amount <= 0:
        raise ValidationError({"amount": "核定金额必须大于零。"})
    if ev.amount_fen is not None and amount > ev.amount_fen:
        raise ValidationError(
            {"amount": f"核定金额 {format_fen(amount)} 超过按政策规则计算的 {format_fen(ev.amount_fen)}，请核对。"}
        )
    critical = [w for w in found if w.level == "critical"]
    if critical:
        raise UserError("不能审核通过：" + "；".join(w.text for w in critical))
    if amount != ev.amount_fen and not reason:
        raise UserError("核定金额与规则计算金额不同，请写明理由。")
    claim.approved_fen = amount
    _touch(work, claim, "approved", at)
    detail = {**_evaluation_detail(ev), "approved_fen": amount, "warnings": [w.text for w in found]}
    _event(work, claim, "review", reason or "审核通过", detail, at)
    return claim


def start_notice(work: Work, ref: str, *, days: int = NOTICE_DAYS, now: dt.datetime | None = None) -> Claim:
    """公示: the approved claim is shown publicly for ``days`` days before it may be paid."""
    work.require("policy.review", "审核政策兑现申请")
    claim = get_claim(work.session, ref)
    _require_status(claim, "approved")
    at = now or utcnow()
    claim.notice_until = today_local(at) + dt.timedelta(days=days - 1)
    _touch(work, claim, "notice", at)
    _event(work, claim, "notice", f"公示至 {claim.notice_until.isoformat()}", {"notice_until": claim.notice_until}, at)
    return claim


def reject(work: Work, ref: str, reason: str, *, now: dt.datetime | None = None) -> Claim:
    """驳回 at any step before payment (e.g. an objection during the notice period)."""
    work.require("policy.review", "审核政策兑现申请")
    if not reason:
        raise UserError("驳回时请写明理由，理由会告知企业。")
    claim = get_claim(work.session, ref)
    _require_status(claim, "applied", "accepted", "approved", "notice")
    at = now or utcnow()
    _touch(work, claim, "rejected", at)
    _event(work, claim, "reject", reason, {}, at)
    return claim


def pay(work: Work, ref: str, *, station_code: str = "ST01", now: dt.datetime | None = None) -> Payout:
    """兑付: once the notice period is over; never twice for the same enterprise, policy and period.

    The station refuses when it already knows a payout for the key; two stations paying offline are
    settled at the hall, which keeps the first and returns the second as a conflict.
    """
    work.require("policy.pay", "办理政策资金兑付")
    session = work.session
    claim = get_claim(session, ref)
    _require_status(claim, "notice")
    at = now or utcnow()
    on = today_local(at)
    if claim.notice_until is not None and on <= claim.notice_until:
        raise UserError(f"公示期至 {claim.notice_until.isoformat()}，期满后才能兑付。")
    paid = session.scalar(select(Payout).where(_key(Payout, claim.enterprise_uid, claim.policy_code, claim.period)))
    if paid is not None:
        raise UserError(
            f"这家企业已于 {paid.paid_on.isoformat()} 领取政策 {claim.policy_code}（{claim.period}）的资金"
            f"（兑付编号 {paid.number}），不能重复兑付。"
        )
    p = edition_by_uid(session, claim.policy_uid)
    payout = Payout(
        number=next_number(session, f"{station_code}-PAY-{on.year}-", Payout.number),
        claim_uid=claim.uid,
        enterprise_uid=claim.enterprise_uid,
        policy_code=claim.policy_code,
        policy_edition=claim.policy_edition,
        period=claim.period,
        department=p.department,
        amount_fen=int(claim.approved_fen or 0),
        paid_on=on,
        paid_at=at,
        paid_by=work.actor.name,
        version=1,
    )
    session.add(payout)
    _touch(work, claim, "paid", at)
    session.flush()
    _event(work, claim, "pay", f"兑付 {format_fen(payout.amount_fen)}", {"payout": payout.number}, at)
    return payout


def withdraw(work: Work, ref: str, reason: str = "企业撤回申请", *, now: dt.datetime | None = None) -> Claim:
    work.require("policy.claim", "受理政策兑现申请")
    claim = get_claim(work.session, ref)
    _require_status(claim, "applied", "accepted")
    at = now or utcnow()
    _touch(work, claim, "withdrawn", at)
    _event(work, claim, "withdraw", reason, {}, at)
    return claim


def missing_materials(session: Session, claim: Claim) -> list[str]:
    p = edition_by_uid(session, claim.policy_uid)
    given = set(json.loads(claim.materials or "[]"))
    return [m for m in p.materials if m not in given]


GOOD_STANDING = ("abnormal_listed", "serious_dishonesty", "tax_arrears")


def warnings(session: Session, claim: Claim, on: dt.date) -> list[Warning_]:
    """What a clerk should know about a claim now: missing, expired or abnormal, each with its reason."""
    out: list[Warning_] = []
    p = edition_by_uid(session, claim.policy_uid)
    subject = subject_of(session, claim.enterprise_uid)
    missing = missing_materials(session, claim)
    if missing:
        out.append(Warning_("materials", "warning", f"缺少材料：{'、'.join(missing)}。"))
    for key in GOOD_STANDING:
        value = subject.facts.get((key, 0))
        label = FACTS[key].label
        if value:
            out.append(Warning_(f"standing:{key}", "critical", f"企业{label}，信用状况异常，不能兑现。"))
        elif value is None:
            out.append(
                Warning_(f"standing:{key}", "warning", f"缺少“{label}”的核查结果，请向{FACTS[key].source}核实。")
            )
    from station_policy import rules

    for cond in p.conditions:
        for kind in rules.cert_refs(cond.node):
            expires = subject.certs.get(kind)
            if kind in subject.certs and expires is not None and expires < on:
                out.append(Warning_(f"cert:{kind}", "critical", f"{kind}证书已于 {expires.isoformat()} 过期。"))
            elif expires is not None and (expires - on).days <= 90:
                out.append(
                    Warning_(f"cert:{kind}", "warning", f"{kind}证书将于 {expires.isoformat()} 到期，请提醒企业复审。")
                )
    ev = catalog.evaluate(p, subject, on)
    if ev.status == INELIGIBLE:
        out.append(Warning_("rules", "critical", ev.why()))
    elif ev.status == UNKNOWN_STATUS:
        out.append(Warning_("rules", "warning", ev.why()))
    cap = p.amount.cap_fen
    if claim.approved_fen is not None and cap is not None and claim.approved_fen > cap:
        out.append(
            Warning_(
                "amount", "critical", f"核定金额 {format_fen(claim.approved_fen)} 超过政策上限 {format_fen(cap)}。"
            )
        )
    if claim.approved_fen is not None and ev.amount_fen is not None and claim.approved_fen > ev.amount_fen:
        out.append(
            Warning_(
                "amount",
                "critical",
                f"核定金额 {format_fen(claim.approved_fen)} 高于按现有数据计算的 {format_fen(ev.amount_fen)}。",
            )
        )
    others = session.scalars(
        select(Claim.number).where(
            _key(Claim, claim.enterprise_uid, claim.policy_code, claim.period),
            Claim.status.in_(LIVE),
            Claim.uid != claim.uid,
        )
    ).all()
    if others:
        out.append(Warning_("duplicate", "critical", f"同一企业、政策和年度另有申请 {'、'.join(others)}，属重复申请。"))
    paid = session.scalar(
        select(Payout).where(
            _key(Payout, claim.enterprise_uid, claim.policy_code, claim.period), Payout.claim_uid != claim.uid
        )
    )
    if paid is not None:
        out.append(Warning_("paid", "critical", f"该企业已领取过本政策本年度资金（兑付编号 {paid.number}）。"))
    e = enterprise_by_uid(session, claim.enterprise_uid)
    if e.stage == "exit":
        out.append(Warning_("stage", "critical", "企业已处于退出阶段，不能兑现。"))
    return out


@dataclass
class ClaimHistory:
    claim: Claim
    enterprise_name: str
    uscc: str
    policy: Policy
    events: list[ClaimEvent]
    payout: Payout | None
    warnings: list[Warning_]
    names: dict[str, str] = field(default_factory=dict)  # user name -> display name, for screen and paper
    payout_state: str = payout_state.CONFIRMED
    notes: list[str] = field(default_factory=list)  # why a 兑付 is left out, or why it waits

    def who(self, username: str) -> str:
        return self.names.get(username, username)


def history(session: Session, ref: str, on: dt.date) -> ClaimHistory:
    claim = get_claim(session, ref)
    e = enterprise_by_uid(session, claim.enterprise_uid)
    events = list(
        session.scalars(
            select(ClaimEvent).where(ClaimEvent.claim_uid == claim.uid).order_by(ClaimEvent.at, ClaimEvent.id)
        )
    )
    payout = session.scalar(select(Payout).where(Payout.claim_uid == claim.uid))
    state = payout_state.states(session, [payout.uid])[payout.uid] if payout else payout_state.CONFIRMED
    events, notes = _settled_events(events, payout, state)
    live = claim.status in ("applied", "accepted", "approved", "notice")
    found = warnings(session, claim, on) if live else []
    names = identity.display_names(session, [ev.actor for ev in events])
    policy = edition_by_uid(session, claim.policy_uid)
    return ClaimHistory(claim, e.name, e.uscc, policy, events, payout, found, names, state, notes)


def _settled_events(events: list[ClaimEvent], payout: Payout | None, state: str) -> tuple[list[ClaimEvent], list[str]]:
    """Leave out a 兑付 the hall refused: ours when it was refused, or another station's when ours stands
    (two stations paying one claim offline each write a 兑付 step; the hall keeps one payout)."""
    kept, notes = [], []
    for event in events:
        number = json.loads(event.detail or "{}").get("payout") if event.step == "pay" else None
        ours = payout is not None and number == payout.number
        if number and ours and state == payout_state.REFUSED:
            notes.append(payout_state.refused_note(number))
        elif number and not ours and payout is not None and state != payout_state.REFUSED:
            notes.append(
                f"另一站点同时办理的兑付 {number} 未被服务大厅接受（同一企业、同一政策、同一年度只兑付一次），不计入。"
            )
        else:
            kept.append(event)
    if payout is not None and state == payout_state.PENDING:
        notes.append(payout_state.PENDING_NOTE)
    return kept, notes


def due_for_payment(session: Session, on: dt.date) -> list[tuple[str, str]]:
    """(claim number, enterprise name) of claims whose public notice ended before ``on``."""
    q = (
        select(Claim.number, Enterprise.name)
        .join(Enterprise, Enterprise.uid == Claim.enterprise_uid)
        .where(Claim.status == "notice", Claim.notice_until < on)
        .order_by(Claim.notice_until, Claim.number)
    )
    return [(number, name) for number, name in session.execute(q)]


def claim_ids(session: Session, *, status: str | None = None, query: str = "") -> list[int]:
    q = select(Claim.id).order_by(Claim.updated_at.desc(), Claim.id.desc())
    if status:
        q = q.where(Claim.status == status)
    if query:
        like = f"%{query}%"
        q = q.join(Enterprise, Enterprise.uid == Claim.enterprise_uid).where(
            (Claim.number.like(like))
            | (Enterprise.name.like(like))
            | (Enterprise.uscc.like(like))
            | (Claim.policy_code.like(like))
        )
    return list(session.scalars(q))


def claim_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    q = (
        select(
            Claim.id, Claim.number, Enterprise.name, PolicyEdition.title, Claim.period, Claim.status,
            Claim.estimated_fen, Claim.approved_fen, Claim.updated_at, Claim.policy_code,
        )
        .join(Enterprise, Enterprise.uid == Claim.enterprise_uid)
        .join(PolicyEdition, PolicyEdition.uid == Claim.policy_uid)
        .where(Claim.id.in_(list(ids)))
    )  # fmt: skip
    return {row[0]: tuple(row[1:]) for row in session.execute(q)}


# -- third-party verification -------------------------------------------------------------------


def request_verification(
    ctx: StationContext, actor: Any, ref: str, *, witness: str, now: dt.datetime | None = None
) -> dict[str, Any] | None:
    """Ask the agencies plugin (if any) to draw a verifier at random (双随机) for a claim; record the outcome.

    Runs the draw outside our transaction (the agencies plugin commits its own record), then records it on
    the claim. Returns None when no plugin answered or no agency is eligible; the claim notes that too.
    """
    with ctx.read() as session:
        claim = get_claim(session, ref)
        p = edition_by_uid(session, claim.policy_uid)
        uscc = enterprise_by_uid(session, claim.enterprise_uid).uscc
        claim_uid, number = claim.uid, claim.number
    if not p.verification:
        raise UserError(f"政策 {p.code} 不需要第三方鉴证。")
    if not actor.can("policy.review"):
        from station.api import require

        require(actor, "policy.review", "审核政策兑现申请")
    outcome = ctx.host.first(  # the marketplace's service (its hook spec), answered by attribute
        "request_agency_draw",
        service=p.verification,
        purpose=f"惠企政策兑现第三方鉴证：{p.title}（申请 {number}）",
        subject_uid=claim_uid,
        witness=witness,
        actor=actor,
        exclude_uscc=(uscc,),
    )
    at = now or utcnow()
    with ctx.work(actor) as work:
        claim = get_claim(work.session, claim_uid)
        if outcome is None:
            _event(work, claim, "verify", "未能抽取鉴证机构（中介超市未启用或无符合条件的机构），请人工指定。", {}, at)
            return None
        record = {
            "draw_uid": outcome.draw_uid,
            "agency_uid": outcome.agency_uid,
            "agency_name": outcome.agency_name,
            "record_hash": outcome.record_hash,
        }
        claim.verifier = json.dumps(record, ensure_ascii=False)
        claim.version += 1
        claim.updated_at, claim.updated_by = at, actor.name
        _event(work, claim, "verify", f"随机抽取鉴证机构：{outcome.agency_name}", record, at)
    return record


# -- payouts report -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PayoutLine:
    number: str
    paid_on: dt.date
    department: str
    policy_code: str
    policy_title: str
    uscc: str
    enterprise_name: str
    period: str
    amount_fen: int
    state: str = payout_state.CONFIRMED  # confirmed or pending (待确认); refused ones are not lines


def _payout_lines(session: Session, month: str | None) -> list[PayoutLine]:
    q = select(Payout, Enterprise.uscc, Enterprise.name).join(Enterprise, Enterprise.uid == Payout.enterprise_uid)
    if month:
        try:
            first = dt.date.fromisoformat(month + "-01")
        except ValueError:
            raise UserError(f"月份“{month}”格式不对，请写成 2026-03。") from None
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        q = q.where(Payout.paid_on >= first, Payout.paid_on < nxt)
    titles = {p.code: p.title for p in policies(session)}
    found = session.execute(q).all()
    states = payout_state.states(session, [p.uid for p, _, _ in found])
    lines = [
        PayoutLine(
            p.number, p.paid_on, p.department, p.policy_code,
            f"一事一议奖补（{p.decision_no}）" if p.decision_no else titles.get(p.policy_code, p.policy_code),
            uscc, name, p.period, p.amount_fen, states[p.uid],
        )
        for p, uscc, name in found
    ]  # fmt: skip
    lines.sort(key=lambda x: (x.department, x.paid_on, x.number))
    return lines


def payouts(session: Session, *, month: str | None = None) -> list[PayoutLine]:
    """Payouts (of a month, YYYY-MM) with their enterprise and policy, by department then date; a payout the
    hall refused as a duplicate is left out (``refused_payouts``), one it has not confirmed yet is pending."""
    return [x for x in _payout_lines(session, month) if x.state != payout_state.REFUSED]


def refused_payouts(session: Session, *, month: str | None = None) -> list[PayoutLine]:
    """The payouts the hall refused (paid first by another station), to explain what a report leaves out."""
    return [x for x in _payout_lines(session, month) if x.state == payout_state.REFUSED]
