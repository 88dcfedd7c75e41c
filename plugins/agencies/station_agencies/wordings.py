"""How the audit log words this plugin's actions (``register_audit_wordings``)."""

from __future__ import annotations

from typing import Any

from station.api import AuditWording


def agency_name(session: Any, uid: str) -> str | None:
    from sqlalchemy import select

    from station_agencies.models import Agency

    return session.scalar(select(Agency.name).where(Agency.uid == uid))


def commission_name(session: Any, uid: str) -> str | None:
    from sqlalchemy import select

    from station_agencies.models import Commission

    number = session.scalar(select(Commission.number).where(Commission.uid == uid))
    return f"委托 {number}" if number else None


def wordings() -> list[AuditWording]:
    from station_agencies.services import COMMISSION_STATUSES, SELECTIONS, STATUSES

    fields = {"status": "状态", "status_reason": "理由", "reason": "理由", "selection": "选取方式"}
    values = {"status": {**STATUSES, **COMMISSION_STATUSES}, "selection": SELECTIONS}
    return [
        AuditWording("agencies.agency.create", "登记了中介机构", fields, values, name_of=agency_name),
        AuditWording("agencies.agency.status", "更改了中介机构状态", fields, values, name_of=agency_name),
        AuditWording("agencies.qualification.add", "登记了中介机构资质", fields, values, name_of=agency_name),
        AuditWording("agencies.draw", "随机抽取了中介机构", fields, values),
        AuditWording("agencies.commission.create", "登记了委托", fields, values, name_of=commission_name),
        *(
            AuditWording(f"agencies.commission.{code}", f"将委托标为“{label}”", fields, values, name_of=commission_name)
            for code, label in COMMISSION_STATUSES.items()
        ),
        AuditWording("agencies.rating.create", "评价了中介机构", fields, values),
        AuditWording("agencies.rating.set_aside", "撤销了一条恶意评价", fields, values),
        AuditWording(
            "agencies.period.close",
            "结算了季度星级并执行园区规则",
            {
                "period": "季度",
                "agencies": "机构数",
                "suspended": "暂停抽取",
                "reinstated": "恢复抽取",
                "invitable": "可直接邀请",
            },
        ),
    ]
