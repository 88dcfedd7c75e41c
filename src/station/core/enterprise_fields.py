"""The enterprise's fields as people see and type them: labels, stages, capital in 万元, validation.

No storage and no SQLAlchemy here, so forms and lists can load before the database layer does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from station.core import industry, uscc
from station.errors import ValidationError

STAGES = {"startup": "开办", "construction": "建设", "operation": "运营", "change": "变更", "exit": "退出"}
STAGE_BY_LABEL = {label: code for code, label in STAGES.items()}

LABELS = {
    "uscc": "统一社会信用代码",
    "name": "企业名称",
    "legal_rep": "法定代表人",
    "industry_code": "行业代码",
    "registered_capital": "注册资本（万元）",
    "employees": "从业人数",
    "founded_on": "成立日期",
    "address": "地址",
    "zone": "所在园区",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "stage": "生命周期阶段",
}

# Fields a person edits, in form order. ``registered_capital`` is the 万元 text form of the fen column.
EDITABLE = (
    "uscc", "name", "legal_rep", "industry_code", "registered_capital", "employees", "founded_on",
    "address", "zone", "contact_person", "contact_phone", "stage",
)  # fmt: skip

FEN_PER_WAN = 1_000_000  # 1 万元 = 10,000 元 = 1,000,000 分


def format_capital(fen: int | None) -> str:
    """Fen as 万元 text without trailing zeros: 500000000 -> "500"."""
    if fen is None:
        return ""
    wan = (Decimal(fen) / FEN_PER_WAN).normalize()
    return format(wan, "f")


STORED = (
    "uscc",
    "name",
    "legal_rep",
    "industry_code",
    "registered_capital_fen",
    "employees",
    "founded_on",
    "address",
    "zone",
    "contact_person",
    "contact_phone",
    "stage",
)


# -- formatting and parsing ----------------------------------------------------------------------


def parse_capital(raw: Any) -> int | None:
    """万元 text (a number, optionally with 万元/万) to exact fen. Raises ValueError with a Chinese reason."""
    if raw is None:
        return None
    if isinstance(raw, int | Decimal):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))  # spreadsheet cells arrive as floats; repr keeps what was typed
    else:
        cleaned = str(raw).strip().replace(",", "").replace("，", "")
        cleaned = re.sub(r"(万元|万|人民币)$", "", cleaned).strip()
        if not cleaned:
            return None
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValueError("注册资本应为数字（单位万元），如 500 或 12.5。") from None
    if not value.is_finite() or value < 0:
        raise ValueError("注册资本不能为负数。")
    fen = value * FEN_PER_WAN
    if fen != fen.to_integral_value():
        raise ValueError("注册资本最多精确到分（万元后六位小数）。")
    if fen > 10**17:
        raise ValueError("注册资本数额过大，请核对单位（万元）。")
    return int(fen)


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")


def parse_date(raw: Any) -> dt.date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    value = str(raw).strip()
    if not value:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError("成立日期格式应为 2024-05-01。")


_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return str(raw).strip()


def clean(raw: Mapping[str, Any], *, today: dt.date | None = None) -> dict[str, Any]:
    """Validate one enterprise as a person typed it; return stored values or raise ValidationError."""
    today = today or dt.date.today()
    problems: dict[str, str] = {}
    out: dict[str, Any] = {}

    code = uscc.normalize(_text(raw.get("uscc")))
    if (why := uscc.problem(code)) is not None:
        problems["uscc"] = why
    out["uscc"] = code

    name = re.sub(r"\s+", "", _text(raw.get("name")))
    if len(name) < 2:
        problems["name"] = "请填写企业名称（至少2个字）。"
    elif len(name) > 100:
        problems["name"] = "企业名称不能超过100个字。"
    out["name"] = name

    out["legal_rep"] = _text(raw.get("legal_rep"))
    if len(out["legal_rep"]) > 60:
        problems["legal_rep"] = "法定代表人姓名过长。"

    out["industry_code"] = _text(raw.get("industry_code")).upper()
    if (why := industry.problem(out["industry_code"])) is not None:
        problems["industry_code"] = why

    try:
        out["registered_capital_fen"] = parse_capital(raw.get("registered_capital"))
    except ValueError as exc:
        problems["registered_capital"] = str(exc)

    employees = _text(raw.get("employees"))
    out["employees"] = None
    if employees:
        if not employees.isdigit():
            problems["employees"] = "从业人数应为不小于0的整数。"
        else:
            out["employees"] = int(employees)

    try:
        founded = parse_date(raw.get("founded_on"))
        if founded and founded > today:
            problems["founded_on"] = "成立日期不能晚于今天。"
        out["founded_on"] = founded
    except ValueError as exc:
        problems["founded_on"] = str(exc)

    for key, limit in (("address", 200), ("zone", 60), ("contact_person", 60)):
        out[key] = _text(raw.get(key))
        if len(out[key]) > limit:
            problems[key] = f"{LABELS[key]}不能超过{limit}个字。"

    phone = _text(raw.get("contact_phone")).replace(" ", "")
    if phone and not _PHONE.match(phone):
        problems["contact_phone"] = "联系电话应为11位手机号或带区号的固定电话，如 0731-28888888。"
    out["contact_phone"] = phone

    stage = _text(raw.get("stage")) or "operation"
    stage = STAGE_BY_LABEL.get(stage, stage)
    if stage not in STAGES:
        problems["stage"] = "生命周期阶段应为开办、建设、运营、变更、退出之一。"
    out["stage"] = stage

    if problems:
        raise ValidationError(problems)
    return out


def as_form(enterprise: Any) -> dict[str, str]:
    """The enterprise as the text a form shows."""
    return {
        "uscc": enterprise.uscc,
        "name": enterprise.name,
        "legal_rep": enterprise.legal_rep,
        "industry_code": enterprise.industry_code,
        "registered_capital": format_capital(enterprise.registered_capital_fen),
        "employees": "" if enterprise.employees is None else str(enterprise.employees),
        "founded_on": enterprise.founded_on.isoformat() if enterprise.founded_on else "",
        "address": enterprise.address,
        "zone": enterprise.zone,
        "contact_person": enterprise.contact_person,
        "contact_phone": enterprise.contact_phone,
        "stage": enterprise.stage,
    }


def snapshot(enterprise: Any) -> dict[str, Any]:
    return {key: getattr(enterprise, key) for key in STORED}


ACTIONS = {"enterprise.create": "登记", "enterprise.update": "修改"}


def _shown(field: str, value: Any) -> str:
    if value is None or value == "":
        return "（空）"
    if field == "registered_capital_fen":
        return f"{format_capital(int(value))}万元"
    if field == "stage":
        return STAGES.get(str(value), str(value))
    return str(value)


def describe_change(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> str:
    """An audit entry's change as a clerk reads it: "法定代表人：张三 → 王五；从业人数：35 → 40"."""
    before, after = before or {}, after or {}
    parts = []
    for field in sorted(set(before) | set(after), key=lambda f: STORED.index(f) if f in STORED else 99):
        label = "注册资本" if field == "registered_capital_fen" else LABELS.get(field, field)
        if before:
            parts.append(f"{label}：{_shown(field, before.get(field))} → {_shown(field, after.get(field))}")
        else:
            parts.append(f"{label}：{_shown(field, after.get(field))}")
    return "；".join(parts)
