"""Hooks the enterprise-requests plugin offers other plugins (registered through ``register_hookspecs``).

Another plugin implements them with ``@hookimpl(optionalhook=True)`` and reads what it receives by attribute;
it never imports this module (plugins do not import each other)."""

from __future__ import annotations

from dataclasses import dataclass

from station.api import hookspec


@dataclass(frozen=True)
class RequestClosed:
    """What ``request_did_close`` receives: an enterprise's request was answered and closed."""

    request_uid: str
    number: str  # ST01-SQ2026-0001
    enterprise_uid: str
    uscc: str
    enterprise_name: str
    kind: str  # 用地 | 用工 | 融资 | 审批 | 其他
    department: str
    satisfaction: str  # 满意 | 基本满意 | 不满意
    on_time: bool  # closed by its due date
    actor: str
    closed_at: str  # ISO 8601, UTC


@hookspec
def request_did_close(closed: RequestClosed) -> None:
    """An enterprise request was closed with its answer and the enterprise's satisfaction. Fired after the
    commit, once per request."""
