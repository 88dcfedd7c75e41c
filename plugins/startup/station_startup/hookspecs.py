"""Hooks the business-startup plugin offers other plugins (registered through ``register_hookspecs``).

Another plugin implements them with ``@hookimpl(optionalhook=True)`` and reads what it receives by attribute;
it never imports this module (plugins do not import each other)."""

from __future__ import annotations

from dataclasses import dataclass

from station.api import hookspec


@dataclass(frozen=True)
class StartupCompleted:
    """What ``startup_did_complete`` receives: a business-startup case finished all its steps."""

    case_uid: str
    enterprise_uid: str
    uscc: str
    enterprise_name: str
    case_type: str
    business_scope: str
    actor: str
    completed_at: str  # ISO 8601, UTC


@hookspec
def startup_did_complete(completed: StartupCompleted) -> None:
    """A business-startup case finished every step; its enterprise is registered. Fired after the commit."""
