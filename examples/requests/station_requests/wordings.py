"""How the audit log words this plugin's actions (``register_audit_wordings``)."""

from __future__ import annotations

from typing import Any

from station.api import AuditWording


def request_name(session: Any, uid: str) -> str | None:
    from sqlalchemy import select

    from station_requests.models import EnterpriseRequest

    row = session.execute(
        select(EnterpriseRequest.number, EnterpriseRequest.enterprise_name).where(EnterpriseRequest.uid == uid)
    ).first()
    return f"诉求 {row[0]}（{row[1]}）" if row else None


def wordings() -> list[AuditWording]:
    fields = {
        "number": "编号", "kind": "类别", "department": "承办部门", "due_days": "办理时限（工作日）",
        "status": "状态", "satisfaction": "企业满意度", "text": "跟进情况",
    }  # fmt: skip
    values = {"status": {"open": "办理中", "closed": "已办结"}}
    return [
        AuditWording("requests.new", "记录了企业诉求", fields, values, name_of=request_name),
        AuditWording("requests.follow", "跟进了企业诉求", fields, values, name_of=request_name),
        AuditWording("requests.close", "办结了企业诉求", fields, values, name_of=request_name),
    ]
