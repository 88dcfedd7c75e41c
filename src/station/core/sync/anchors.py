"""Anchoring the station's audit chain at the hall (``station.hall.anchors`` keeps them).

Each sync reports the chain's head (``audit.head``: the last entry's id and hash). ``station audit
verify`` then asks the hall for the furthest head it holds: a log cut short, or rewritten from some entry
on and re-chained, no longer holds that entry with that hash, whatever the station's own files say. The
hall's last answer is kept in ``station_meta`` too, so a verification offline can still say which anchor
it last saw and how old it is.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from station.core.sync import outbox

HEAD_KEY = "audit.head"  # written by station.core.audit with every entry
ANCHOR_KEY = "audit.anchor"  # the furthest anchor the hall last said it holds


@dataclass(frozen=True)
class Anchor:
    entry_id: int
    entry_hash: str
    received_at: str  # when the hall received it, ISO 8601 UTC
    mismatch: bool = False  # the hall holds another hash for the same entry

    def age(self, now: dt.datetime | None = None) -> dt.timedelta:
        received = dt.datetime.fromisoformat(self.received_at)
        if received.tzinfo is None:
            received = received.replace(tzinfo=dt.UTC)
        return (now or dt.datetime.now(dt.UTC)) - received


def _head(conn: sqlite3.Connection) -> tuple[int, str] | None:
    value = outbox.meta(conn, HEAD_KEY)
    if not value or ":" not in value:
        return None
    entry_id, _, entry_hash = value.partition(":")
    return int(entry_id), entry_hash


def _remember(conn: sqlite3.Connection, answer: dict[str, Any]) -> None:
    with outbox.transaction(conn):
        outbox.put_meta(conn, ANCHOR_KEY, json.dumps(answer))


def send(http: Any, conn: sqlite3.Connection, check: Callable[[Any], dict[str, Any]]) -> None:
    """Report the chain's head to the hall and keep its answer. A hall of an earlier version (404) keeps
    no anchors: nothing to do."""
    head = _head(conn)
    if head is None:
        return
    response = http.post("/v1/anchor", json={"entry_id": head[0], "entry_hash": head[1]})
    if response.status_code == 404:
        return
    _remember(conn, check(response))


def fetch(http: Any, conn: sqlite3.Connection, check: Callable[[Any], dict[str, Any]]) -> Anchor | None:
    """The furthest anchor the hall holds for this station (kept locally as well), or None."""
    response = http.get("/v1/anchor")
    if response.status_code == 404:
        return None
    answer = check(response)
    if not answer:
        return None
    _remember(conn, answer)
    return Anchor(**answer)


def remembered(conn: sqlite3.Connection) -> Anchor | None:
    value = outbox.meta(conn, ANCHOR_KEY)
    return Anchor(**json.loads(value)) if value else None


def problem(conn: sqlite3.Connection, anchor: Anchor) -> str | None:
    """Why the local audit log does not reach ``anchor``, as a sentence, or None."""
    when = _local_time(anchor.received_at)
    if anchor.mismatch:
        return f"服务大厅记录到本站第 {anchor.entry_id} 条审计记录出现过两个不同的版本（日志曾被改写）。"
    found = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (anchor.entry_id,)).fetchone()
    if found is None:
        return (
            f"审计日志到不了服务大厅于 {when} 收到的第 {anchor.entry_id} 条记录：其后的记录缺失（日志被截短，"
            "或从较早的备份恢复过）。"
        )
    if found[0] != anchor.entry_hash:
        return f"审计日志第 {anchor.entry_id} 条与服务大厅于 {when} 存证的不同：从那条起的记录被改写过。"
    return None


def _local_time(iso: str) -> str:
    from zoneinfo import ZoneInfo

    at = dt.datetime.fromisoformat(iso)
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")
