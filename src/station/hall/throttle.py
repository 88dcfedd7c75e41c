"""Lock-outs that expire, for whoever keeps failing at the hall's door.

Failed enrolment tokens and failed station credentials are counted per source (the client's address, and
for credentials also the station code claimed); after ``limit`` failures within ``window`` the source is
refused with 429 until ``lock`` has passed. Counts live in the hall's database, so every hall process
sees them. Every failure is logged with its source. Counting runs in a transaction of its own: the
request's transaction is rolled back by the very failure being counted.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from station.core.db import utcnow
from station.errors import UserError
from station.hall.models import Throttle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    what: str  # Chinese, as the refusal names it
    limit: int
    window: dt.timedelta
    lock: dt.timedelta


ENROL = Rule("登记", 10, dt.timedelta(minutes=15), dt.timedelta(minutes=15))
CREDENTIAL = Rule("服务站身份验证", 20, dt.timedelta(minutes=10), dt.timedelta(minutes=10))
STATION_KEY = Rule("签名密钥认证", 5, dt.timedelta(days=1), dt.timedelta(days=1))


class TooMany(UserError):
    """Answered with 429."""


def _minutes(delta: dt.timedelta) -> int:
    return max(1, int(delta.total_seconds() + 59) // 60)


def check(store: object, rule: Rule, key: str) -> None:
    """Refuse now if ``key`` is locked out under ``rule``."""
    with store.session() as session:  # type: ignore[attr-defined]
        found = session.get(Throttle, _key(rule, key))
        now = utcnow()
        if found is not None and found.locked_until is not None and found.locked_until > now:
            wait = _minutes(found.locked_until - now)
            raise TooMany(f"{rule.what}失败次数过多，已暂时锁定。请 {wait} 分钟后再试，或联系服务大厅。")


def record(store: object, rule: Rule, key: str, failure: bool = True) -> None:
    """Count one failure (or, with ``failure=False``, one limited use) of ``key``; lock it out once it
    reaches the limit within the window."""
    now = utcnow()
    for _attempt in range(3):  # two hall processes may create the same row at once: count again
        try:
            with store.session() as session, session.begin():  # type: ignore[attr-defined]
                found = session.get(Throttle, _key(rule, key), with_for_update=True)
                if found is None:
                    found = Throttle(key=_key(rule, key), failures=0, window_start=now)
                    session.add(found)
                if now - found.window_start > rule.window:
                    found.failures, found.window_start = 0, now
                found.failures += 1
                if found.failures >= rule.limit:
                    found.locked_until = now + rule.lock
                    found.failures, found.window_start = 0, now
                    log.warning("%s locked out until %s: %s", rule.what, found.locked_until.isoformat(), key)
            break
        except IntegrityError:
            continue
    if failure:
        log.warning("%s failed: %s", rule.what, key)


def _key(rule: Rule, key: str) -> str:
    return f"{rule.what}:{key}"[:120]
