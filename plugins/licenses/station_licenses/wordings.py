"""How the audit log words this plugin's actions (``register_audit_wordings``)."""

from __future__ import annotations

from typing import Any

from station.api import AuditWording


def permit_name(session: Any, uid: str) -> str | None:
    from sqlalchemy import select

    from station.api import Enterprise
    from station_licenses import catalogue
    from station_licenses.models import Permit

    row = session.execute(
        select(Permit.kind, Permit.number, Enterprise.name)
        .join(Enterprise, Enterprise.uid == Permit.enterprise_uid)
        .where(Permit.uid == uid)
    ).first()
    return f"{catalogue.name_of(row[0])} {row[1]}（{row[2]}）" if row else None


def wordings() -> list[AuditWording]:
    fields = {
        "status": "状态", "reason": "理由", "uscc": "统一社会信用代码", "permits": "许可证",
        "number": "编号", "expires_on": "有效期至", "scope": "许可范围", "kind": "许可种类",
    }  # fmt: skip
    from station_licenses import catalogue

    kinds = {code: kind.name for code, kind in catalogue.kinds().items()}
    values = {"status": {"valid": "有效", "active": "有效", "revoked": "已吊销"}, "permits": kinds, "kind": kinds}
    return [
        AuditWording("licenses.issue", "签发了执照", fields, values),
        AuditWording("licenses.revoke", "吊销了执照", fields, values),
        AuditWording("licenses.permit.add", "载入了许可证", fields, values, name_of=permit_name),
        AuditWording("licenses.permit.update", "更新了许可证", fields, values, name_of=permit_name),
        AuditWording("licenses.permit.renew", "延续了许可证", fields, values, name_of=permit_name),
        AuditWording("licenses.permit.change", "变更了许可证", fields, values, name_of=permit_name),
        AuditWording("licenses.permit.revoke", "吊销了许可证", fields, values, name_of=permit_name),
        AuditWording("licenses.offer.dismiss", "不再提示为新企业签发执照", fields),
        AuditWording("licenses.key.certify", "认证了本站的签名密钥"),
    ]
