"""What a request may hold: its kinds, departments, verdicts and limits, and the checks of what a person typed.

No SQLAlchemy and no Qt: the page's dialogs check a field as it is submitted with the same rules the services
apply before they write.
"""

from __future__ import annotations

import re
from typing import Any

from station.api import UserError

KINDS = ("用地", "用工", "融资", "审批", "其他")
# Who usually answers each kind at a park; the clerk may name another department.
DEPARTMENTS = {
    "用地": "自然资源和规划局",
    "用工": "人力资源和社会保障局",
    "融资": "金融服务中心",
    "审批": "行政审批局",
    "其他": "园区管委会综合办",
}
SATISFACTION = ("满意", "基本满意", "不满意")
DEFAULT_DAYS = 5
MAX_DAYS = 60
MAX_TEXT = 2000
MAX_DEPARTMENT = 30
STATUS = {"open": "办理中", "overdue": "已超期", "closed": "已办结"}

# NUL and the other control characters (tab and line breaks aside), and lone surrogates (broken text that no
# file encoding holds): no person types them, and the hall would refuse the row.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str, what: str, limit: int) -> str:
    """``value`` stripped, or a ``UserError`` naming ``what`` is wrong with it (it never echoes the text back)."""
    text = (value or "").strip()
    if not text:
        raise UserError(f"请填写{what}。")
    if _UNREADABLE.search(text):
        raise UserError(f"{what}含有无法识别的字符（如控制字符或残缺的文字），请删去后重新输入。")
    if len(text) > limit:
        raise UserError(f"{what}最多 {limit} 字，现在有 {len(text):,} 字，请精简后再保存（详细材料可另附）。")
    return text


def due_days(value: Any) -> int:
    """Working days to answer in, from what a person typed: a whole number from 1 to ``MAX_DAYS``."""
    text = str(value).strip() if value is not None else ""
    if isinstance(value, bool) or not text.isdecimal() or len(text) > 3 or not 1 <= int(text) <= MAX_DAYS:
        raise UserError(f"办理时限应为 1 至 {MAX_DAYS} 之间的整数（工作日），请改正。")
    return int(text)


def check_kind(kind: str) -> str:
    kind = (kind or "").strip()
    if kind not in KINDS:
        raise UserError(f"诉求类别应为{'、'.join(KINDS)}之一，请改正。")
    return kind


def check_satisfaction(value: str) -> str:
    value = (value or "").strip()
    if value not in SATISFACTION:
        raise UserError(f"企业满意度应为{'、'.join(SATISFACTION)}之一，请改正。")
    return value


def shown(value: str, limit: int = 40) -> str:
    """``value`` as it may be echoed in a sentence: cut short, and nothing of it when it holds broken text."""
    return "" if _UNREADABLE.search(value) else value[:limit]
