"""The append-only audit log: who did what, when, with the row before and after.

Rows are hash-chained: each row's hash covers its own fields and the previous row's hash, and the
head (last id and hash) is kept in ``station_meta``. Editing, deleting or inserting a row anywhere,
or cutting rows off the end, breaks the chain and ``verify`` says where. SQLite triggers refuse
UPDATE and DELETE as well, so only a deliberate edit of the file can change history.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from station.core import meta
from station.core.db import Base

GENESIS = "0" * 64
HEAD_KEY = "audit.head"


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # ISO 8601 UTC, hashed as stored
    actor: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(100), index=True)
    subject_type: Mapped[str] = mapped_column(String(60))
    subject_id: Mapped[str] = mapped_column(String(80), index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def _hash(fields: list[Any]) -> str:
    """The hash of an entry's fields in column order, ``prev_hash`` last."""
    canonical = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def entry_hash(entry: AuditEntry) -> str:
    return _hash(
        [
            entry.id,
            entry.at,
            entry.actor,
            entry.action,
            entry.subject_type,
            entry.subject_id,
            entry.before,
            entry.after,
            entry.prev_hash,
        ]
    )


def _stamp(at: dt.datetime | None) -> str:
    return (at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).isoformat(timespec="microseconds")


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: str | int,
    before: Any = None,
    after: Any = None,
    at: dt.datetime | None = None,
) -> AuditEntry:
    """Append one entry. Call inside a write transaction (it holds the lock, so the chain stays linear)."""
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    entry = AuditEntry(
        id=(last.id + 1) if last else 1,
        at=_stamp(at),
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        before=_json(before),
        after=_json(after),
        prev_hash=last.hash if last else GENESIS,
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    meta.put(session, HEAD_KEY, f"{entry.id}:{entry.hash}")
    return entry


def append_raw(
    conn: sqlite3.Connection,
    actor: str,
    entries: Iterable[tuple[str, str, str | int, Any, Any]],
    at: dt.datetime | None = None,
) -> int:
    """Append entries (action, subject type, subject id, before, after) on a plain sqlite3 connection that
    holds the write transaction, chained as ``record`` chains them; for bulk writers that bypass the ORM.
    How many were appended."""
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    next_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    stamp = _stamp(at)
    rows = []
    for action, subject_type, subject_id, before, after in entries:
        fields = [next_id, stamp, actor, action, subject_type, str(subject_id), _json(before), _json(after), prev]
        prev = _hash(fields)
        rows.append((*fields, prev))
        next_id += 1
    if not rows:
        return 0
    conn.executemany(
        "INSERT INTO audit_log(id, at, actor, action, subject_type, subject_id, before, after, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(
        "INSERT INTO station_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (HEAD_KEY, f"{next_id - 1}:{prev}"),
    )
    return len(rows)


@dataclass
class Verdict:
    ok: bool
    count: int
    problems: list[str] = field(default_factory=list)


def _rows(session: Session, batch: int = 2000) -> Iterator[AuditEntry]:
    last_id = 0
    while True:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        last_id = rows[-1].id
        session.expunge_all()


def verify(session: Session) -> Verdict:
    problems: list[str] = []
    expected_id, prev, count = 1, GENESIS, 0
    for entry in _rows(session):
        count += 1
        if entry.id != expected_id:
            problems.append(f"第 {expected_id} 至 {entry.id - 1} 条记录缺失（被删除）。")
        if entry.prev_hash != prev:
            problems.append(f"第 {entry.id} 条记录与前一条不相连（前面的记录被改动或删除）。")
        if entry_hash(entry) != entry.hash:
            problems.append(f"第 {entry.id} 条记录的内容被改动过。")
        expected_id, prev = entry.id + 1, entry.hash
    head = meta.get(session, HEAD_KEY)
    if count and head != f"{expected_id - 1}:{prev}":
        problems.append(f"日志末尾与记录的末条不符（末尾的记录被删除或改动），记录的末条是 {head}。")
    if not count and head:
        problems.append(f"审计日志被清空，记录的末条是 {head}。")
    return Verdict(ok=not problems, count=count, problems=problems)


def history(session: Session, subject_id: str, limit: int = 200) -> list[AuditEntry]:
    """The newest entries about one subject (an enterprise's uid, a user name), newest first."""
    query = select(AuditEntry).where(AuditEntry.subject_id == subject_id).order_by(AuditEntry.id.desc())
    return list(session.scalars(query.limit(limit)))
