"""Audit entries as a person reads them: who (by name), what (a verb phrase), about what (named, not a uid),
and the change as "label：before → after" (no JSON).

The words come from ``register_audit_wordings`` (the core's own below, each plugin its own); an action
nobody worded still shows, with its fields as they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from station.contributions import AuditWording, loaded

UID = re.compile(r"^([0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$", re.I)
OTHER = "其他操作"
SHOWN_CHARS = 60  # a longer value (a scope, a comment) is cut with …

# Keys many actions share; a wording's own ``fields`` take precedence.
COMMON_FIELDS = {
    "status": "状态",
    "reason": "理由",
    "role": "角色",
    "active": "启用",
    "username": "用户名",
    "display_name": "姓名",
    "failures": "连续输错次数",
    "locked_until": "锁定至",
    "target": "备份文件",
    "count": "条数",
    "name": "名称",
    "number": "编号",
}


@dataclass(frozen=True)
class Line:
    who: str
    what: str
    subject: str
    change: str


class AuditWords:
    """The wordings of every installed plugin, and the display names of this station's users."""

    def __init__(self, wordings: Iterable[AuditWording], people: Mapping[str, str] | None = None) -> None:
        self.wordings = {w.action: w for w in wordings}
        self.people = dict(people or {})

    def line(self, session: Any, entry: Any) -> Line:
        wording = self.wordings.get(entry.action)
        before = _load(entry.before)
        after = _load(entry.after)
        return Line(
            who=self.person(entry.actor),
            what=wording.what if wording else OTHER,
            subject=self.subject(session, wording, entry.subject_id, before, after),
            change=self.change(wording, before, after),
        )

    def person(self, username: str) -> str:
        if username.startswith("system:"):
            return f"系统用户 {username.removeprefix('system:')}"
        return self.people.get(username, username)

    def subject(self, session: Any, wording: AuditWording | None, subject_id: str, before: Any, after: Any) -> str:
        if wording is not None and wording.name_of is not None:
            try:
                named = loaded(wording.name_of)(session, subject_id)
            except Exception:  # a subject deleted since, a plugin's bug: fall back to what the entry says
                named = None
            if named:
                return named
        if not UID.match(subject_id):
            return self.people.get(subject_id, subject_id)
        for values in (after, before):  # a uid says nothing to a person: the entry's own name or number
            if isinstance(values, Mapping):
                for key in ("number", "name", "enterprise_name"):
                    if values.get(key):
                        return str(values[key])
        return ""

    def change(self, wording: AuditWording | None, before: Any, after: Any) -> str:
        if before is None and after is None:
            return ""  # a sign-in, a password reset: nothing to show (never the secret)
        if not isinstance(before, Mapping) and not isinstance(after, Mapping):
            return _value(after if after is not None else before)
        before = before if isinstance(before, Mapping) else {}
        after = after if isinstance(after, Mapping) else {}
        parts = []
        for key in [*after, *(k for k in before if k not in after)]:
            label = (wording.fields.get(key) if wording else None) or COMMON_FIELDS.get(key, key)
            words = wording.values.get(key, {}) if wording else {}
            old, new = _value(before.get(key), words), _value(after.get(key), words)
            parts.append(f"{label}：{old} → {new}" if key in before and old != new else f"{label}：{new}")
        return "；".join(parts)


def _load(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _value(value: Any, words: Mapping[str, str] | None = None) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, list | tuple) for v in value):  # rows, e.g. permits: one per "；"
            return "；".join(" ".join(_value(part, words) for part in row) for row in value)
        return "、".join(_value(v, words) for v in value)
    if isinstance(value, Mapping):
        return "；".join(f"{k}：{_value(v, words)}" for k, v in value.items())
    text = (words or {}).get(str(value), str(value))
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def user_wordings() -> list[AuditWording]:
    """Users, sign-in and the station's own housekeeping."""
    from station.core.roles import ROLES

    roles = {"role": dict(ROLES)}
    return [
        AuditWording("user.create", "添加了用户", values=roles),
        AuditWording("user.activate", "启用了账号"),
        AuditWording("user.deactivate", "停用了账号"),
        AuditWording("user.role", "更改了角色", values=roles),
        AuditWording("user.password", "重设了密码"),
        AuditWording("user.login", "登录"),
        AuditWording("user.login_failed", "登录失败"),
        AuditWording("user.locked", "因连续输错密码被暂时锁定"),
        AuditWording("db.backup", "备份了数据库"),
        AuditWording("db.restore", "从备份恢复了数据库"),
        AuditWording("settings.change", "修改了本站设置"),
        AuditWording("sync.conflict.resolve", "处理了一条同步冲突"),
        AuditWording("calendar.update", "修改了工作日历"),
        AuditWording("demo.fill", "生成了演示数据", {"summary": "内容"}, name_of=lambda _session, _id: "演示数据"),
    ]


def registry_wordings() -> list[AuditWording]:
    """The enterprise registry: its fields by their labels, the enterprise by its name."""
    from station.core.enterprise_fields import LABELS, STAGES

    fields = {**LABELS, "registered_capital_fen": "注册资本（分）"}
    stages = {"stage": dict(STAGES)}
    return [
        AuditWording("enterprise.create", "登记了企业", fields, stages, name_of=enterprise_name),
        AuditWording("enterprise.update", "修改了企业信息", fields, stages, name_of=enterprise_name),
        AuditWording("enterprise.import", "导入了企业名录"),
    ]


def enterprise_name(session: Any, uid: str) -> str | None:
    """ "名称（统一社会信用代码）" of the enterprise with ``uid``, for a plugin's ``name_of`` as well."""
    from sqlalchemy import select

    from station.core.enterprises import Enterprise

    row = session.execute(select(Enterprise.name, Enterprise.uscc).where(Enterprise.uid == uid)).first()
    return f"{row[0]}（{row[1]}）" if row else None
