"""The shared enterprise registry every plugin stands on.

An enterprise is identified park-wide by its unified social credit code and, for sync, by ``uid``
(a UUID made where the row was first entered); ``id`` is a local integer key that keeps lists and the
full-text index compact. Registered capital is exact, in fen. Text search runs on an FTS5 table with the
trigram tokenizer, kept current by triggers, so any three-character fragment of a Chinese name is found
from the index; shorter fragments fall back to a scan.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Date, Index, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from station.contributions import EnterpriseChange
from station.core import registry_queries, uscc
from station.core.db import Base, UTCDateTime, utcnow
from station.core.enterprise_fields import (  # noqa: F401 - re-exported: callers use enterprises.clean etc.
    EDITABLE,
    LABELS,
    STAGES,
    STORED,
    as_form,
    clean,
    format_capital,
    parse_capital,
    parse_date,
    snapshot,
)
from station.core.work import Work
from station.errors import UserError, ValidationError


class Enterprise(Base):
    __tablename__ = "enterprise"
    __table_args__ = (Index("ix_enterprise_search", "name", "legal_rep", "uscc"),)  # see core_0002

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


LIST_COLUMNS = registry_queries.LIST_COLUMNS


def _raw(session: Session) -> Any:
    return session.connection().connection.driver_connection


def search_ids(session: Session, query: str = "", limit: int | None = None) -> list[int]:
    """Ids of enterprises whose name, credit code or legal representative contains ``query``, by name."""
    return registry_queries.search_ids(_raw(session), query, limit)


def rows_for(session: Session, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The list columns of the given enterprises, keyed by id."""
    return registry_queries.rows_for(_raw(session), ids)


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


def _apply(
    work: Work,
    enterprise: Enterprise,
    before: Mapping[str, Any],
    values: Mapping[str, Any],
    changed: Sequence[str],
    at: dt.datetime,
) -> None:
    """Write the changed fields, bump the version, and audit exactly what changed."""
    for key in changed:
        setattr(enterprise, key, values[key])
    enterprise.version += 1
    enterprise.updated_at = at
    enterprise.updated_by = work.actor.name
    before_changed = {k: before[k] for k in changed}
    work.audit("enterprise.update", "enterprise", enterprise.uid, before_changed, {k: values[k] for k in changed})


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
    _apply(work, enterprise, before, values, changed, utcnow())
    work.session.flush()
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
        _apply(work, current, before, row, changed, now)
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
