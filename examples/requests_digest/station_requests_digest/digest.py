"""The digest's table, what a close writes into it, and the tallies read from it."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from station.api import SHANGHAI, Base, UTCDateTime

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


class ClosedRequest(Base):
    """One close heard through ``request_did_close``; this station's own log."""

    __tablename__ = "requests_digest_closed"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_uid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))
    satisfaction: Mapped[str] = mapped_column(String(10))
    on_time: Mapped[bool] = mapped_column(Boolean)
    closed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


def record(session: Session, closed: Any) -> None:
    """Write the close once: the event is fired once per close, but a line must never count twice."""
    if session.scalar(select(ClosedRequest.id).where(ClosedRequest.request_uid == closed.request_uid)):
        return
    session.add(
        ClosedRequest(
            request_uid=closed.request_uid,
            number=closed.number,
            kind=closed.kind,
            satisfaction=closed.satisfaction,
            on_time=bool(closed.on_time),
            closed_at=dt.datetime.fromisoformat(closed.closed_at),
        )
    )


@dataclass(frozen=True)
class Tally:
    closed: int
    satisfied: int  # 满意 or 基本满意
    on_time: int
    by_kind: dict[str, int]


def tally(session: Session, since: dt.datetime | None = None) -> Tally:
    where = [] if since is None else [ClosedRequest.closed_at >= since]
    rows = session.execute(
        select(ClosedRequest.kind, ClosedRequest.satisfaction, ClosedRequest.on_time).where(*where)
    ).all()
    by_kind: dict[str, int] = {}
    for kind, _, _ in rows:
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return Tally(
        closed=len(rows),
        satisfied=sum(1 for _, verdict, _ in rows if verdict in ("满意", "基本满意")),
        on_time=sum(1 for *_, on_time in rows if on_time),
        by_kind=by_kind,
    )


def month(session: Session, now: dt.datetime) -> Tally:
    first = now.astimezone(SHANGHAI).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return tally(session, first.astimezone(dt.UTC))


def count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ClosedRequest)) or 0


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true")


def run(args: argparse.Namespace, ctx: StationContext) -> int:
    with ctx.read() as session:
        found = tally(session)
    if args.json:
        print(json.dumps(asdict(found), ensure_ascii=False))
        return 0
    if not found.closed:
        print("本站还没有办结的企业诉求。")
        return 0
    kinds = "，".join(f"{kind} {n} 件" for kind, n in sorted(found.by_kind.items()))
    print(f"本站共办结企业诉求 {found.closed} 件（{kinds}），", end="")
    print(f"企业满意或基本满意 {found.satisfied} 件，按期 {found.on_time} 件。")
    return 0
