"""The enterprise's fields as people see and type them: labels, stages, capital in 万元, validation.

No storage and no SQLAlchemy here, so forms and lists can load before the database layer does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from station.core import clock, industry, uscc
from station.core.csv_safe import is_formula_like
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


_PLAIN_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_CAPITAL_NOT_A_NUMBER = "注册资本应为数字（单位万元），如 500 或 12.5。"


def parse_capital(raw: Any) -> int | None:
    """万元 text (a number, optionally with 万元/万) to exact fen. Raises ValueError with a Chinese reason."""
    if raw is None:
        return None
    if isinstance(raw, bool):  # a spreadsheet's TRUE/FALSE cell: an int to Python, not an amount
        raise ValueError(_CAPITAL_NOT_A_NUMBER)
    if isinstance(raw, int | Decimal):
        value = Decimal(raw)
    elif isinstance(raw, float):
        value = Decimal(repr(raw))  # spreadsheet cells arrive as floats; repr keeps what was typed
    else:
        cleaned = str(raw).strip().replace(",", "").replace("，", "")
        cleaned = re.sub(r"(万元|万|人民币)$", "", cleaned).strip()
        if not cleaned:
            return None
        if not _PLAIN_DECIMAL.fullmatch(cleaned):  # ASCII digits only: no NaN, ², full-width or Arabic digits
            raise ValueError(_CAPITAL_NOT_A_NUMBER)
        value = Decimal(cleaned)
    if not value.is_finite():
        raise ValueError(_CAPITAL_NOT_A_NUMBER)
    if value < 0:
        raise ValueError("注册资本不能为负数。")
    # Checked before any arithmetic: 1e999999999 must not reach the multiplication, nor 1e-999999999
    # underflow there to a quiet zero.
    if value.adjusted() > 11:
        raise ValueError("注册资本数额过大，请核对单位（万元）。")
    fen = value * FEN_PER_WAN
    if (value and value.adjusted() < -6) or fen != fen.to_integral_value():
        raise ValueError("注册资本最多精确到分（万元后六位小数）。")
    if fen > 10**17:
        raise ValueError("注册资本数额过大，请核对单位（万元）。")
    return int(fen)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
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
    if _ISO_DATE.fullmatch(value):  # the usual spelling, without strptime's locale work (an import's hot path)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError("成立日期不存在，请核对（格式如 2024-05-01）。") from None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError("成立日期格式应为 2024-05-01。")


_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$", re.ASCII)
_SPACES = re.compile(r"\s+")
_COUNT = re.compile(r"\d+", re.ASCII)  # ASCII digits only: "²" and "٣" pass str.isdigit()
MAX_EMPLOYEES = 10_000_000
FREE_TEXT = ("name", "legal_rep", "address", "zone", "contact_person")
# Tab, CR and LF inside a cell (Alt+Enter in Excel) read as a space; other control characters and lone
# surrogates (which no file encoding can hold, and SQLite refuses) make the cell unreadable.
_LINE_BREAKS = re.compile(r"[\t\r\n]+")
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return _LINE_BREAKS.sub(" ", str(raw)).strip()


def printable(text: str) -> str:
    """Text safe to show and to write to any file: unreadable characters as U+FFFD."""
    return _UNREADABLE.sub("\ufffd", text)


def clean(raw: Mapping[str, Any], *, today: dt.date | None = None) -> dict[str, Any]:
    """Validate one enterprise as a person typed it; return stored values or raise ValidationError."""
    today = today or clock.today()
    problems: dict[str, str] = {}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str) and _UNREADABLE.search(value):
            problems[key] = f"{LABELS.get(key, key)}含有无法识别的控制字符或残缺字符，请删除后重新输入。"
    if problems:  # nothing else is checked on such a row: its other messages would quote the characters
        raise ValidationError(problems)

    code = uscc.normalize(_text(raw.get("uscc")))
    if (why := uscc.problem(code)) is not None:
        problems["uscc"] = why
    out["uscc"] = code

    name = _SPACES.sub("", _text(raw.get("name")))
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

    employees = "" if isinstance(raw.get("employees"), bool) else _text(raw.get("employees"))
    out["employees"] = None
    if isinstance(raw.get("employees"), bool) or (employees and not _COUNT.fullmatch(employees)):
        problems["employees"] = "从业人数应为不小于0的整数。"
    elif employees:
        if len(employees) > len(str(MAX_EMPLOYEES)) or int(employees) > MAX_EMPLOYEES:
            problems["employees"] = "从业人数过大，请核对。"
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

    for key in FREE_TEXT:
        if key not in problems and is_formula_like(out[key]):
            problems[key] = (
                f"{LABELS[key]}不能以 = + - @ 开头（表格软件会把它当作公式运行），请删去开头的符号后重新输入。"
            )

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
