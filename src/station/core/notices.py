"""Notices from plugins (station.contributions.Notice): which apply to a person, and which they have seen.

The shell polls each NoticeSource off the UI thread; this module holds the part that needs no Qt: picking
the notices a person may see and remembering, per user name, the keys already shown (table ``notice_seen``),
so a notice that still holds after a restart is listed but not announced again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import String, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from station.contributions import Notice, NoticeSource
from station.core.db import Base, UTCDateTime
from station.core.roles import Actor

LEVELS = ("info", "warning", "critical")
KEY_MAX = 200


class NoticeSeen(Base):
    __tablename__ = "notice_seen"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    notice_key: Mapped[str] = mapped_column(String(KEY_MAX), primary_key=True)
    shown_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


def may_poll(source: NoticeSource, actor: Actor) -> bool:
    return source.permission is None or actor.can(source.permission)


def for_actor(notices: Iterable[Notice], actor: Actor) -> list[Notice]:
    """The notices meant for ``actor`` (everyone's, or addressed to their user name), each key once."""
    out: dict[str, Notice] = {}
    for notice in notices:
        if notice.for_user is None or notice.for_user == actor.name:
            out.setdefault(notice.key, notice)
    return list(out.values())


def unseen(session: Session, username: str, keys: Sequence[str]) -> set[str]:
    """The keys among ``keys`` that ``username`` has not been shown yet."""
    seen: set[str] = set()
    wanted = [key[:KEY_MAX] for key in keys]
    for start in range(0, len(wanted), 500):  # stay under SQLite's variable limit
        chunk = wanted[start : start + 500]
        seen.update(
            session.scalars(
                select(NoticeSeen.notice_key).where(NoticeSeen.username == username, NoticeSeen.notice_key.in_(chunk))
            )
        )
    return {key for key in keys if key[:KEY_MAX] not in seen}


def mark_seen(session: Session, username: str, keys: Iterable[str], at: dt.datetime) -> None:
    rows = [{"username": username, "notice_key": key[:KEY_MAX], "shown_at": at} for key in set(keys)]
    if rows:
        session.execute(insert(NoticeSeen).on_conflict_do_nothing(), rows)
