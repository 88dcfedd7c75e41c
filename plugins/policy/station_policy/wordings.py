"""How the audit log words this plugin's actions (``register_audit_wordings``)."""

from __future__ import annotations

from typing import Any

from station.api import AuditWording, enterprise_name


def claim_name(session: Any, uid: str) -> str | None:
    """ "申请 编号（企业名称）" for a claim's uid."""
    from sqlalchemy import select

    from station.api import Enterprise
    from station_policy.models import Claim

    row = session.execute(
        select(Claim.number, Enterprise.name)
        .join(Enterprise, Enterprise.uid == Claim.enterprise_uid)
        .where(Claim.uid == uid)
    ).first()
    return f"申请 {row[0]}（{row[1]}）" if row else None


def award_name(session: Any, uid: str) -> str | None:
    """ "一事一议奖补 文号（企业名称）" for an award's uid."""
    from sqlalchemy import select

    from station.api import Enterprise
    from station_policy.models import Award

    row = session.execute(
        select(Award.decision_no, Enterprise.name)
        .join(Enterprise, Enterprise.uid == Award.enterprise_uid)
        .where(Award.uid == uid)
    ).first()
    return f"一事一议奖补 {row[0]}（{row[1]}）" if row else None


def wordings() -> list[AuditWording]:
    from station_policy import awards
    from station_policy.services import STATUSES, STEPS

    claim_words = {"status": "状态", "reason": "理由"}
    claim_values = {"status": STATUSES}
    out = [
        AuditWording(f"policy.claim.{step}", f"{label}了政策兑现申请" if step != "verify" else "为申请抽取了鉴证机构",
                     claim_words, claim_values, name_of=claim_name)
        for step, label in STEPS.items()
    ]  # fmt: skip
    award_words = {"status": "状态", "reason": "理由", "decision": "决定文号", "amount": "金额"}
    award_what = {"record": "登记了一事一议奖补决定", "notice": "公示了一事一议奖补", "pay": "兑付了一事一议奖补",
                  "revoke": "撤销了一事一议奖补"}  # fmt: skip
    out += [
        AuditWording(f"policy.award.{step}", award_what[step], award_words, {"status": awards.STATUSES},
                     name_of=award_name)
        for step in awards.STEPS
    ]  # fmt: skip
    return [
        *out,
        AuditWording(
            "policy.claim.receipt", "为政策兑现申请生成了回执查询码", {"receipt_code": "查询码"}, name_of=claim_name
        ),
        AuditWording("policy.catalog.load", "载入了政策目录"),
        AuditWording("policy.fact.set", "修改了企业涉企数据", name_of=enterprise_name),
        AuditWording("policy.cert.set", "修改了企业资质证书", name_of=enterprise_name),
        AuditWording(
            "policy.facts.load",
            "载入了部门数据",
            {"file": "文件", "department": "部门", "rows": "行数", "changed": "更新的数据项", "bad_rows": "有问题的行"},
        ),
        AuditWording(
            "policy.push",
            "向符合条件的企业推送了政策",
            {"period": "年度", "enterprises": "企业数", "channels": "方式", "batch": "批次"},
        ),
    ]
