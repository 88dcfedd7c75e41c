"""A unit of work: one write transaction, the actor doing it, its audit entries and its events.

    with ctx.work(actor) as work:
        enterprises.create(work, ...)

Everything written through ``work.session`` and every ``work.audit`` entry commit together or not at
all; events queued with ``work.emit`` are fired through the plugin host only after the commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.orm import Session

from station.core import audit
from station.core.roles import Actor, require

log = logging.getLogger(__name__)


class Work:
    def __init__(
        self, session: Session, actor: Actor, fire: Callable[..., None] | None = None, *, station_code: str = ""
    ) -> None:
        self.session = session
        self.actor = actor
        self.station_code = station_code  # the station doing the work ("" before it is enrolled): numbers carry it
        self._fire = fire
        # (hook, kwargs) for one event, or (hook, a callable that yields each event's kwargs after the commit)
        self._events: list[tuple[str, dict[str, Any] | Callable[[], Iterable[dict[str, Any]]]]] = []

    def require(self, permission: str, label: str | None = None) -> None:
        require(self.actor, permission, label)

    def audit(
        self, action: str, subject_type: str, subject_id: str | int, before: Any = None, after: Any = None
    ) -> None:
        audit.record(
            self.session,
            actor=self.actor.name,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            before=before,
            after=after,
        )

    def emit(self, hook_name: str, **kwargs: Any) -> None:
        self._events.append((hook_name, kwargs))

    def emit_each(self, hook_name: str, events: Callable[[], Iterable[dict[str, Any]]]) -> None:
        """Many events of one hook, made only after the commit (a bulk write reads them back then instead
        of holding one per row)."""
        self._events.append((hook_name, events))

    def fire_events(self) -> None:
        events, self._events = self._events, []
        if self._fire is None:
            return
        for hook_name, kwargs in events:
            if callable(kwargs):
                for each in kwargs():
                    self._fire(hook_name, **each)
            else:
                self._fire(hook_name, **kwargs)
