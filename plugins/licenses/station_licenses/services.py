"""Permits and licences: the domain logic. No Qt here; every write goes through a ``Work``.

A licence (一照通) carries every active permit of an enterprise in a signed QR payload. Issuing a new one
for the same enterprise revokes the earlier ones (换发), so only the latest printout verifies as valid.
Revoking a permit revokes the licences that carried it. Revocations reach every station through the
hall's signed revocation list.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.api import SHANGHAI, UserError, ValidationError, Work, enterprises, signing, station_key, trust, utcnow
from station_licenses import catalogue, hookspecs
from station_licenses.models import License, Offer, Permit, TrustDocument
from station_licenses.verify import TrustSnapshot

EPOCH = dt.date(1970, 1, 1)
ISSUE = ("licenses.issue", "签发执照和登记许可证")
MANAGE = ("licenses.manage", "变更、延续和吊销许可证与执照")

# Claim keys of the signed payload: short integers keep the QR small.
C_NUMBER, C_USCC, C_NAME, C_PERMITS, C_ISSUED, C_EXPIRES, C_STATION = range(1, 8)


def to_days(day: dt.date) -> int:
    return (day - EPOCH).days


def today(now: dt.datetime) -> dt.date:
    return now.astimezone(SHANGHAI).date()


@dataclass(frozen=True)
class PermitInput:
    kind: str
    number: str
    expires_on: dt.date | None = None
    scope: str = ""
    issued_on: dt.date | None = None


def parse_permit_arg(text: str) -> PermitInput:
    """``KIND:NUMBER:EXPIRY`` as the CLI takes it (EXPIRY as 2031-06-30; empty for the kind's default)."""
    parts = text.split(":")
    if len(parts) not in (2, 3) or not parts[0].strip() or not parts[1].strip():
        raise UserError(
            f"许可证参数“{text}”格式不对，应为 种类代码:证号:有效期至，如 SPJY:JY14101000123456:2031-06-30。"
        )
    expiry = parts[2].strip() if len(parts) == 3 else ""
    try:
        expires_on = dt.date.fromisoformat(expiry) if expiry else None
    except ValueError:
        raise UserError(f"有效期“{expiry}”不是日期，请写成 2031-06-30 这样的形式。") from None
    return PermitInput(parts[0].strip().upper(), parts[1].strip(), expires_on)


# -- permits ---------------------------------------------------------------------------------------


def _enterprise(session: Session, uscc: str) -> enterprises.Enterprise:
    found = enterprises.by_uscc(session, uscc)
    if found is None:
        raise UserError(f"企业登记中没有统一社会信用代码为 {uscc} 的企业，请先在“企业”页登记。")
    return found


def permit_snapshot(p: Permit) -> dict[str, object]:
    return {
        "kind": p.kind,
        "number": p.number,
        "scope": p.scope,
        "issued_on": p.issued_on.isoformat(),
        "expires_on": p.expires_on.isoformat() if p.expires_on else None,
        "status": p.status,
        "reason": p.reason,
    }


def save_permit(
    work: Work, enterprise_uid: str, given: PermitInput, *, station_code: str, now: dt.datetime | None = None
) -> Permit:
    """Record a permit the department issued (or update its expiry and scope if it is already known)."""
    work.require(*ISSUE)
    now = now or utcnow()
    kind = catalogue.kind(given.kind)
    if kind is None:
        codes = "、".join(catalogue.kinds())
        raise ValidationError({"kind": f"没有代码为 {given.kind} 的许可证种类，可用的有：{codes}。"})
    if not given.number or len(given.number) > 60:
        raise ValidationError({"number": "请填写许可证编号（不超过60个字符）。"})
    issued_on = given.issued_on or today(now)
    expires_on = _expiry(kind, given, issued_on, now)
    session = work.session
    permit = session.scalar(select(Permit).where(Permit.kind == kind.code, Permit.number == given.number))
    if permit is not None and permit.enterprise_uid != enterprise_uid:
        raise ValidationError({"number": f"{kind.name} {given.number} 已登记在另一家企业名下，请核对证号。"})
    if permit is None:
        permit = Permit(
            enterprise_uid=enterprise_uid,
            kind=kind.code,
            number=given.number,
            scope=given.scope,
            issued_on=issued_on,
            expires_on=expires_on,
            station_code=_station(station_code),
            updated_at=now,
            updated_by=work.actor.name,
        )
        session.add(permit)
        session.flush()
        work.audit("licenses.permit.add", "licenses_permit", permit.uid, None, permit_snapshot(permit))
        return permit
    if permit.status != "active":
        raise ValidationError({"number": f"{kind.name} {given.number} 已被吊销，不能再载入执照。"})
    before = permit_snapshot(permit)
    permit.expires_on = expires_on
    if given.scope:
        permit.scope = given.scope
    if permit_snapshot(permit) != before:
        permit.version += 1
        permit.updated_at, permit.updated_by = now, work.actor.name
        work.audit("licenses.permit.update", "licenses_permit", permit.uid, before, permit_snapshot(permit))
    return permit


def _expiry(kind: catalogue.PermitKind, given: PermitInput, issued_on: dt.date, now: dt.datetime) -> dt.date | None:
    """The permit's expiry: none for a filing; for a permit at most the kind's validity from its issue."""
    if issued_on > today(now):
        raise ValidationError({"issued_on": f"{kind.name} {given.number} 的发证日期 {issued_on} 还没到，请核对。"})
    if kind.is_filing:
        if given.expires_on is not None:
            raise ValidationError({"expires_on": f"{kind.name}是备案，没有有效期，请不要填写有效期。"})
        return None
    longest = kind.default_expiry(issued_on)
    expires_on = given.expires_on or longest
    if expires_on < issued_on:
        raise ValidationError({"expires_on": f"{kind.name} {given.number} 的有效期早于发证日期，请核对。"})
    if expires_on > longest:
        raise ValidationError(
            {"expires_on": f"{kind.name}的有效期最长{kind.years}年，自 {issued_on} 发证最晚到 {longest}，请核对。"}
        )
    if expires_on < today(now):
        raise ValidationError({"expires_on": f"{kind.name} {given.number} 已于 {expires_on} 过期，请先办理延续。"})
    return expires_on


def current(p: Permit, on: dt.date) -> bool:
    """Active and not expired (a filing does not expire)."""
    return p.status == "active" and (p.expires_on is None or p.expires_on >= on)


def _permit(session: Session, uid: str) -> Permit:
    permit = session.scalar(select(Permit).where(Permit.uid == uid))
    if permit is None:
        raise UserError("找不到这张许可证，可能已被其他窗口修改，请刷新列表。")
    return permit


def _need_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "请填写原因，它会记入审计日志。"})
    return reason


def renew_permit(
    work: Work, permit_uid: str, expires_on: dt.date, reason: str, *, now: dt.datetime | None = None
) -> Permit:
    """延续: a later expiry date. Licences already printed keep the old date until re-issued."""
    work.require(*MANAGE)
    now = now or utcnow()
    permit = _permit(work.session, permit_uid)
    if permit.status != "active":
        raise UserError("已吊销的许可证不能延续。")
    kind = catalogue.kind(permit.kind)
    if permit.expires_on is None or kind is None:
        raise UserError(f"{catalogue.name_of(permit.kind)}是备案，没有有效期，不需要延续。")
    if expires_on <= permit.expires_on:
        raise ValidationError({"expires_on": f"延续后的有效期应晚于现在的 {permit.expires_on}。"})
    longest = kind.default_expiry(permit.expires_on + dt.timedelta(days=1))
    if expires_on > longest:
        raise ValidationError({"expires_on": f"{kind.name}每次延续最长{kind.years}年，最晚到 {longest}，请核对。"})
    before = permit_snapshot(permit)
    permit.expires_on, permit.reason = expires_on, _need_reason(reason)
    permit.version += 1
    permit.updated_at, permit.updated_by = now, work.actor.name
    work.audit("licenses.permit.renew", "licenses_permit", permit.uid, before, permit_snapshot(permit))
    return permit


def change_permit(work: Work, permit_uid: str, scope: str, reason: str, *, now: dt.datetime | None = None) -> Permit:
    """变更: the permitted scope changed (a new address or business item)."""
    work.require(*MANAGE)
    now = now or utcnow()
    permit = _permit(work.session, permit_uid)
    if permit.status != "active":
        raise UserError("已吊销的许可证不能变更。")
    before = permit_snapshot(permit)
    permit.scope, permit.reason = scope.strip()[:300], _need_reason(reason)
    permit.version += 1
    permit.updated_at, permit.updated_by = now, work.actor.name
    work.audit("licenses.permit.change", "licenses_permit", permit.uid, before, permit_snapshot(permit))
    return permit


def revoke_permit(work: Work, permit_uid: str, reason: str, *, now: dt.datetime | None = None) -> list[str]:
    """吊销 a permit; every valid licence that carries it is revoked too. Returns those licence numbers."""
    work.require(*MANAGE)
    now = now or utcnow()
    reason = _need_reason(reason)
    permit = _permit(work.session, permit_uid)
    if permit.status == "revoked":
        return []
    before = permit_snapshot(permit)
    permit.status, permit.reason = "revoked", reason
    permit.version += 1
    permit.updated_at, permit.updated_by = now, work.actor.name
    work.audit("licenses.permit.revoke", "licenses_permit", permit.uid, before, permit_snapshot(permit))
    revoked = []
    for lic in work.session.scalars(
        select(License).where(License.enterprise_uid == permit.enterprise_uid, License.status == "valid")
    ):
        if any(k == permit.kind and n == permit.number for k, n, _ in json.loads(lic.permits)):
            _revoke(work, lic, f"所载{catalogue.name_of(permit.kind)}已吊销：{reason}", now)
            revoked.append(lic.number)
    return revoked


def permits_of(session: Session, enterprise_uid: str) -> list[Permit]:
    return list(session.scalars(select(Permit).where(Permit.enterprise_uid == enterprise_uid).order_by(Permit.kind)))


# -- licences --------------------------------------------------------------------------------------


def _station(code: str) -> str:
    code = (code or "").strip().upper()
    if not code:
        raise UserError("本站还没有服务站代码，请管理员先为本站登记到服务大厅。", command="station enroll 地址 登记码")
    return code


def next_number(session: Session, station_code: str, year: int) -> str:
    """``ST01-2026-000042``: the station code keeps numbers issued offline at different stations apart."""
    prefix = f"{station_code}-{year}-"
    last = session.scalar(select(func.max(License.number)).where(License.number.like(prefix + "%")))
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:06d}"


def claims_for(lic_number: str, e: enterprises.Enterprise, permits: Sequence[Permit], now: dt.datetime,
               expires_on: dt.date, station_code: str) -> dict[int, object]:  # fmt: skip
    return {
        C_NUMBER: lic_number,
        C_USCC: e.uscc,
        C_NAME: e.name,
        C_PERMITS: [[p.kind, p.number, None if p.expires_on is None else to_days(p.expires_on)] for p in permits],
        C_ISSUED: int(now.timestamp()),
        C_EXPIRES: to_days(expires_on),
        C_STATION: station_code,
    }


def issue(
    work: Work,
    signer: station_key.Certified,
    uscc: str,
    given: Sequence[PermitInput] = (),
    *,
    now: dt.datetime | None = None,
) -> License:
    """Record the permits given, then sign a licence carrying every active permit of the enterprise."""
    work.require(*ISSUE)
    now = now or utcnow()
    station_code = signer.station.station_code
    if not signer.station.covers(now):
        raise UserError("本站签名密钥的证书已过期或尚未生效，请运行 station license key 重新认证。")
    session = work.session
    e = _enterprise(session, uscc)
    for g in given:
        save_permit(work, e.uid, g, station_code=station_code, now=now)
    session.flush()
    permits = [p for p in permits_of(session, e.uid) if current(p, today(now))]
    if not permits:
        raise UserError(f"{e.name} 还没有有效的许可证，请用 --permit 种类:证号:有效期至 载入至少一张。")
    # the licence lasts as long as its shortest permit; filings alone keep it FILING_YEARS
    filing_end = catalogue.last_day(today(now), catalogue.FILING_YEARS)
    expires_on = min([p.expires_on for p in permits if p.expires_on is not None] or [filing_end])
    number = next_number(session, station_code, today(now).year)
    payload = signing.encode(claims_for(number, e, permits, now, expires_on, station_code), signer.key)
    for earlier in session.scalars(select(License).where(License.enterprise_uid == e.uid, License.status == "valid")):
        _revoke(work, earlier, f"已换发新执照 {number}", now)
    lic = License(
        number=number,
        enterprise_uid=e.uid,
        uscc=e.uscc,
        name=e.name,
        permits=json.dumps(
            [[p.kind, p.number, p.expires_on.isoformat() if p.expires_on else None] for p in permits],
            ensure_ascii=False,
        ),
        issued_at=now,
        expires_on=expires_on,
        station_code=station_code,
        payload=payload,
        updated_at=now,
        updated_by=work.actor.name,
    )
    session.add(lic)
    session.flush()
    work.audit(
        "licenses.issue", "licenses_license", lic.number, None, {"uscc": e.uscc, "permits": json.loads(lic.permits)}
    )
    for offer in session.scalars(select(Offer).where(Offer.enterprise_uid == e.uid, Offer.status == "open")):
        offer.status = "issued"
    work.emit(
        "license_did_issue",
        issued=hookspecs.LicenseIssued(
            license_number=number,
            enterprise_uid=e.uid,
            uscc=e.uscc,
            permit_kinds=tuple(p.kind for p in permits),
            actor=work.actor.name,
        ),
    )
    return lic


def _revoke(work: Work, lic: License, reason: str, now: dt.datetime) -> None:
    lic.status, lic.reason, lic.revoked_at = "revoked", reason[:300], now
    lic.version += 1
    lic.updated_at, lic.updated_by = now, work.actor.name
    work.audit(
        "licenses.revoke", "licenses_license", lic.number, {"status": "valid"}, {"status": "revoked", "reason": reason}
    )


def by_number(session: Session, number: str) -> License:
    lic = session.scalar(select(License).where(License.number == number.strip().upper()))
    if lic is None:
        raise UserError(f"没有编号为 {number} 的执照，请用 station license list 查看。")
    return lic


def revoke(work: Work, number: str, reason: str, *, now: dt.datetime | None = None) -> License:
    work.require(*MANAGE)
    lic = by_number(work.session, number)
    reason = _need_reason(reason)
    if lic.status == "revoked":
        raise UserError(f"执照 {lic.number} 已于此前吊销（{lic.reason}）。")
    _revoke(work, lic, reason, now or utcnow())
    return lic


def license_ids(session: Session, query: str = "") -> list[int]:
    stmt = select(License.id).order_by(License.issued_at.desc(), License.id.desc())
    if query.strip():
        like = f"%{query.strip()}%"
        stmt = stmt.where(License.number.like(like) | License.name.like(like) | License.uscc.like(like))
    return list(session.scalars(stmt))


def licenses_for(session: Session, ids: Sequence[int]) -> dict[int, License]:
    return {lic.id: lic for lic in session.scalars(select(License).where(License.id.in_(list(ids))))}


# -- trust -----------------------------------------------------------------------------------------


def trust_snapshot(session: Session, data_dir: Path) -> TrustSnapshot:
    """Everything verification may use, all of it local: the cached hall lists, this station's own
    certificate (valid before the next sync brings the list) and this station's own revocations."""
    hall = station_key.hall_public_key(data_dir)
    keys: dict[bytes, trust.StationKey] = {}
    keys_date = revoked_date = None
    revoked: dict[str, str] = {}
    if hall is not None:
        docs = {d.uid: d for d in session.scalars(select(TrustDocument))}
        if (doc := docs.get(trust.STATION_KEYS)) is not None:
            try:
                listed = trust.open_station_key_list(trust.document_of(doc.document), hall)
                keys.update({k.kid: k for k in listed.keys})
                keys_date = listed.issued_at
            except (signing.DecodeError, ValueError):
                pass  # a damaged list trusts nothing; the verdict says the signer is unknown
        if (doc := docs.get(trust.REVOKED_LICENCES)) is not None:
            try:
                rl = trust.open_revocation_list(trust.document_of(doc.document), hall)
                revoked.update({n: "服务大厅吊销清单" for n in rl.revoked})
                revoked_date = rl.issued_at
            except (signing.DecodeError, ValueError):
                pass
        own = station_key.certified(data_dir)
        if own is not None:
            keys.setdefault(own.station.kid, own.station)
    for number, reason in session.execute(select(License.number, License.reason).where(License.status == "revoked")):
        revoked[number] = reason
    return TrustSnapshot(tuple(keys.values()), keys_date, revoked, revoked_date)


# -- offers after a business startup ----------------------------------------------------------------


def record_offer(work: Work, completed: Any) -> Offer | None:
    """Remember that a new enterprise may want its licence; once per startup case."""
    session = work.session
    if session.scalar(select(Offer).where(Offer.case_uid == completed.case_uid)) is not None:
        return None
    offer = Offer(
        case_uid=completed.case_uid,
        enterprise_uid=completed.enterprise_uid,
        uscc=completed.uscc,
        enterprise_name=completed.enterprise_name,
        business_scope=completed.business_scope,
    )
    session.add(offer)
    session.flush()
    return offer


def open_offers(session: Session) -> list[Offer]:
    return list(session.scalars(select(Offer).where(Offer.status == "open").order_by(Offer.created_at)))


def dismiss_offer(work: Work, offer_id: int) -> None:
    work.require(*ISSUE)
    offer = work.session.get(Offer, offer_id)
    if offer is not None and offer.status == "open":
        offer.status = "dismissed"
        work.audit("licenses.offer.dismiss", "licenses_offer", offer.case_uid, None, {"uscc": offer.uscc})
