"""The hall's own log of what people did there (``hall_event``): from the console and from the command line."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from station.hall.models import Event

log = logging.getLogger(__name__)
COMMAND_LINE = "命令行"


def record(db: Session, actor: str, action: str, subject: str, text: str, source: str = COMMAND_LINE) -> None:
    """Keep one sentence of what ``actor`` did, in the caller's transaction."""
    db.add(Event(actor=actor[:60], action=action[:40], subject=subject[:120], text=text, source=source[:60]))
    log.info("hall %s by %s: %s", action, actor, text)
