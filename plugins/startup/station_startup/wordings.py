"""How the audit log words this plugin's actions (``register_audit_wordings``)."""

from __future__ import annotations

from typing import Any

from station.api import AuditWording


def case_name(session: Any, uid: str) -> str | None:
    from sqlalchemy import select

    from station_startup.models import StartupCase

    row = session.execute(select(StartupCase.number, StartupCase.enterprise_name).where(StartupCase.uid == uid)).first()
    return f"开办 {row[0]}（{row[1]}）" if row else None


def step_name(session: Any, uid: str) -> str | None:
    from sqlalchemy import select

    from station_startup import catalogue
    from station_startup.models import StartupCase, StartupStep

    row = session.execute(
        select(StartupStep.step_code, StartupCase.number, StartupCase.enterprise_name)
        .join(StartupCase, StartupCase.uid == StartupStep.case_uid)
        .where(StartupStep.uid == uid)
    ).first()
    return f"开办 {row[1]}（{row[2]}）的“{catalogue.load().step_name(row[0])}”环节" if row else None


def wordings() -> list[AuditWording]:
    from station_startup.services import STEP_STATUS

    fields = {
        "status": "状态", "note": "说明", "clerk": "办事员", "agent": "帮办代办专员", "uscc": "统一社会信用代码",
        "working_minutes": "用时（分钟）", "enterprise_name": "企业名称", "legal_rep": "法定代表人",
        "enterprise_uid": "名录中的企业",
    }  # fmt: skip
    steps = {"status": STEP_STATUS}
    return [
        AuditWording("startup.open", "受理了企业开办", fields, name_of=case_name),
        AuditWording("startup.assign", "指定了办事员或帮办代办专员", fields, name_of=case_name),
        AuditWording("startup.register", "登记了营业执照", fields, name_of=case_name),
        AuditWording("startup.complete", "办结了企业开办", fields, name_of=case_name),
        AuditWording("startup.paper.receive", "收到了容缺补交的材料", fields),
        AuditWording("startup.settings", "修改了开办时限设置"),
        AuditWording("startup.rate", "记录了企业对办理的评价", fields, name_of=case_name),
        AuditWording("startup.rating.answer", "答复了企业的评价", fields, name_of=case_name),
        *(
            AuditWording(f"startup.step.{status}", f"将环节标为“{label}”", fields, steps, name_of=step_name)
            for status, label in STEP_STATUS.items()
        ),
    ]
