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
from station.core.registry_writer import RegistryWriter, UpsertResult
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


def by_uid(session: Session, uid: str) -> Enterprise | None:
    """An enterprise by its park-wide uid (what synced rows of other tables refer to)."""
    return session.scalar(select(Enterprise).where(Enterprise.uid == uid))


def find(session: Session, key: str) -> Enterprise:
    """An enterprise by uid or credit code, or a ``UserError`` that says what to do."""
    key = key.strip()
    found = by_uid(session, key) or by_uscc(session, key)
    if found is None:
        raise UserError(f"找不到企业“{key}”，请先在企业名录中登记，或核对统一社会信用代码后再试。")
    return found


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


def upsert_many(work: Work, rows: Sequence[dict[str, Any]], *, source: str) -> UpsertResult:
    """Insert or update cleaned rows (each credit code once) by credit code, inside the caller's
    transaction, through the registry's bulk writer (``station.core.registry_writer``)."""
    writer = RegistryWriter(work, source=source)
    for start in range(0, len(rows), 5000):
        writer.write(rows[start : start + 5000])
    return writer.close()
