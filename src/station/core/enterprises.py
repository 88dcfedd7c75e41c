"""The shared enterprise registry every plugin stands on.

An enterprise is identified park-wide by its unified social credit code and, for sync, by ``uid``
(a UUID made where the row was first entered); ``id`` is a local integer key that keeps lists and the
full-text index compact. Registered capital is exact, in fen. Text search runs on an FTS5 table with the
trigram tokenizer, kept current by triggers, so any three-character fragment of a Chinese name is found
from the index; shorter fragments fall back to a scan.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import BigInteger, Date, Integer, String, func, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from station.contributions import EnterpriseChange
from station.core import industry, uscc
from station.core.db import Base, UTCDateTime, utcnow
from station.core.work import Work
from station.errors import UserError, ValidationError

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

FEN_PER_WAN = 1_000_000  # 1 万元 = 10,000 元 = 1,000,000 分


class Enterprise(Base):
    __tablename__ = "enterprise"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid.uuid4()))
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    legal_rep: Mapped[str] = mapped_column(String(60), default="")
    industry_code: Mapped[str] = mapped_column(String(5), default="")
    registered_capital_fen: Mapped[int | None] = mapped_column(BigInteger)
    employees: Mapped[int | None] = mapped_column(Integer)
    founded_on: Mapped[dt.date | None] = mapped_column(Date)
    address: Mapped[str] = mapped_column(String(200), default="")
    zone: Mapped[str] = mapped_column(String(60), default="", index=True)
    contact_person: Mapped[str] = mapped_column(String(60), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    stage: Mapped[str] = mapped_column(String(20), default="operation")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


# Fields a person edits, in form order. ``registered_capital`` is the 万元 text form of the fen column.
EDITABLE = (
    "uscc",
    "name",
    "legal_rep",
    "industry_code",
    "registered_capital",
    "employees",
    "founded_on",
    "address",
    "zone",
    "contact_person",
    "contact_phone",
    "stage",
)
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


def format_capital(fen: int | None) -> str:
    """Fen as 万元 text without trailing zeros: 500000000 -> "500"."""
    if fen is None:
        return ""
    wan = (Decimal(fen) / FEN_PER_WAN).normalize()
    return format(wan, "f")


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


def as_form(enterprise: Enterprise) -> dict[str, str]:
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


def snapshot(enterprise: Enterprise) -> dict[str, Any]:
    return {key: getattr(enterprise, key) for key in STORED}


# -- reading ------------------------------------------------------------------------------------


def get(session: Session, enterprise_id: int) -> Enterprise:
    found = session.get(Enterprise, enterprise_id)
    if found is None:
        raise UserError("找不到这家企业，可能已被其他窗口修改，请刷新列表。")
    return found


def by_uscc(session: Session, code: str) -> Enterprise | None:
    return session.scalar(select(Enterprise).where(Enterprise.uscc == uscc.normalize(code)))


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Enterprise)) or 0


def _fts_phrase(fragment: str) -> str:
    return '"' + fragment.replace('"', '""') + '"'


def _like(fragment: str) -> str:
    return "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_ids(session: Session, query: str = "", limit: int | None = None) -> list[int]:
    """Ids of enterprises whose name, credit code or legal representative contains ``query``, by name."""
    query = " ".join(query.split())
    tail = f" LIMIT {int(limit)}" if limit else ""
    if not query:
        sql, params = "SELECT id FROM enterprise ORDER BY name, id" + tail, {}
    elif len(query) >= 3:
        sql = (
            "SELECT e.id FROM enterprise_fts f JOIN enterprise e ON e.id = f.rowid "
            "WHERE enterprise_fts MATCH :q ORDER BY e.name, e.id" + tail
        )
        params = {"q": _fts_phrase(query.upper() if query.isascii() else query)}
    else:
        sql = (
            "SELECT id FROM enterprise WHERE name LIKE :q ESCAPE '\\' OR legal_rep LIKE :q ESCAPE '\\' "
            "OR uscc LIKE :code ESCAPE '\\' ORDER BY name, id" + tail
        )
        params = {"q": _like(query), "code": _like(query.upper())[1:]}
    return list(session.execute(text(sql), params).scalars())


LIST_COLUMNS = ("uscc", "name", "legal_rep", "industry_code", "zone", "stage", "registered_capital_fen")


def rows_for(session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The list columns of the given enterprises, keyed by id (the lazy table model's page fetch)."""
    if not ids:
        return {}
    cols = [getattr(Enterprise, c) for c in LIST_COLUMNS]
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = list(ids[start : start + 500])
        for row in session.execute(select(Enterprise.id, *cols).where(Enterprise.id.in_(chunk))):
            found[row[0]] = tuple(row[1:])
    return found


# -- writing ------------------------------------------------------------------------------------


def _change(e: Enterprise, change: str, actor: str, changed: Iterable[str] = ()) -> EnterpriseChange:
    return EnterpriseChange(
        enterprise_id=e.id, uid=e.uid, uscc=e.uscc, change=change, actor=actor, changed_fields=tuple(changed)
    )


def create(work: Work, raw: Mapping[str, Any]) -> Enterprise:
    work.require("enterprise.edit", "登记和修改企业信息")
    values = clean(raw)
    if by_uscc(work.session, values["uscc"]) is not None:
        raise ValidationError({"uscc": f"统一社会信用代码 {values['uscc']} 已登记，请在列表中搜索后修改。"})
    enterprise = Enterprise(**values, updated_by=work.actor.name)
    work.session.add(enterprise)
    work.session.flush()
    work.audit("enterprise.create", "enterprise", enterprise.uid, None, snapshot(enterprise))
    work.emit("enterprise_did_change", change=_change(enterprise, "created", work.actor.name, STORED))
    return enterprise


def update(
    work: Work, enterprise_id: int, raw: Mapping[str, Any], *, expected_version: int | None = None
) -> Enterprise:
    work.require("enterprise.edit", "登记和修改企业信息")
    enterprise = get(work.session, enterprise_id)
    if expected_version is not None and enterprise.version != expected_version:
        raise UserError("这家企业已被他人修改，请关闭后重新打开再改。")
    values = clean(raw)
    if values["uscc"] != enterprise.uscc and by_uscc(work.session, values["uscc"]) is not None:
        raise ValidationError({"uscc": f"统一社会信用代码 {values['uscc']} 已属于另一家企业。"})
    before = snapshot(enterprise)
    changed = [k for k in STORED if before[k] != values[k]]
    if not changed:
        return enterprise
    for key in changed:
        setattr(enterprise, key, values[key])
    enterprise.version += 1
    enterprise.updated_at = utcnow()
    enterprise.updated_by = work.actor.name
    work.session.flush()
    work.audit(
        "enterprise.update",
        "enterprise",
        enterprise.uid,
        {k: before[k] for k in changed},
        {k: values[k] for k in changed},
    )
    work.emit("enterprise_did_change", change=_change(enterprise, "updated", work.actor.name, changed))
    return enterprise


@dataclass
class UpsertResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def upsert_many(work: Work, rows: Sequence[dict[str, Any]], *, source: str) -> UpsertResult:
    """Insert or update cleaned rows by credit code, inside the caller's transaction.

    Creations go in with one executemany; updates are audited one by one with the changed fields.
    """
    work.require("enterprise.import", "批量导入企业")
    result = UpsertResult()
    session = work.session
    codes = [r["uscc"] for r in rows]
    existing: dict[str, Enterprise] = {}
    for start in range(0, len(codes), 500):
        for e in session.scalars(select(Enterprise).where(Enterprise.uscc.in_(codes[start : start + 500]))):
            existing[e.uscc] = e
    now = utcnow()
    inserts: list[dict[str, Any]] = []
    updated: list[tuple[Enterprise, list[str]]] = []
    for row in rows:
        current = existing.get(row["uscc"])
        if current is None:
            inserts.append(
                {
                    **row,
                    "uid": str(uuid.uuid4()),
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                    "updated_by": work.actor.name,
                }
            )
            continue
        before = snapshot(current)
        changed = [k for k in STORED if before[k] != row[k]]
        if not changed:
            result.unchanged += 1
            continue
        for key in changed:
            setattr(current, key, row[key])
        current.version += 1
        current.updated_at = now
        current.updated_by = work.actor.name
        work.audit(
            "enterprise.update",
            "enterprise",
            current.uid,
            {k: before[k] for k in changed},
            {k: row[k] for k in changed},
        )
        updated.append((current, changed))
    if inserts:
        session.execute(Enterprise.__table__.insert(), inserts)
    session.flush()
    result.created, result.updated = len(inserts), len(updated)
    work.audit(
        "enterprise.import",
        "import",
        source,
        None,
        {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
    )
    if inserts:
        created = session.execute(
            select(Enterprise.id, Enterprise.uid, Enterprise.uscc).where(
                Enterprise.created_at == now, Enterprise.version == 1
            )
        ).all()
        wanted = {r["uscc"] for r in inserts}
        for row in created:
            if row.uscc in wanted:
                work.emit(
                    "enterprise_did_change",
                    change=EnterpriseChange(
                        enterprise_id=row.id,
                        uid=row.uid,
                        uscc=row.uscc,
                        change="imported",
                        actor=work.actor.name,
                        changed_fields=STORED,
                    ),
                )
    for enterprise, changed in updated:
        work.emit("enterprise_did_change", change=_change(enterprise, "imported", work.actor.name, changed))
    return result
