"""The heads of the stations' audit chains, as their syncs report them: append-only at the hall.

A station's audit log is hash-chained (``station.core.audit``), but a chain kept only on the station can
be cut short or rewritten from some entry on and re-chained. The hall keeps every head a station reports,
so ``station audit verify`` can ask whether the local log still reaches the furthest head the hall holds.
An anchor is stored only when the head moved; a head that goes back (a restored backup) or names a known
entry with another hash (a rewrite) is stored too, and logged, but never replaces the furthest one.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.hall.models import Anchor

log = logging.getLogger(__name__)


def _furthest(session: Session, station: str) -> Anchor | None:
    return session.scalars(
        select(Anchor).where(Anchor.station == station).order_by(Anchor.entry_id.desc(), Anchor.id.asc()).limit(1)
    ).first()


def _as_dict(anchor: Anchor, mismatch: bool = False) -> dict[str, Any]:
    return {
        "entry_id": anchor.entry_id,
        "entry_hash": anchor.entry_hash,
        "received_at": anchor.received_at.isoformat(),
        "mismatch": mismatch,
    }


def receive(session: Session, station: str, entry_id: int, entry_hash: str) -> dict[str, Any]:
    """Keep the head a station reports; returns the furthest anchor the hall holds for it afterwards."""
    furthest = _furthest(session, station)
    same_entry = session.scalars(
        select(Anchor).where(Anchor.station == station, Anchor.entry_id == entry_id).limit(1)
    ).first()
    mismatch = same_entry is not None and same_entry.entry_hash != entry_hash
    if same_entry is None or mismatch:
        session.add(Anchor(station=station, entry_id=entry_id, entry_hash=entry_hash))
        session.flush()
    if mismatch:
        log.warning("station %s reports audit entry %d with another hash than before", station, entry_id)
    elif furthest is not None and entry_id < furthest.entry_id:
        log.warning("station %s reports its audit head back at %d (was %d)", station, entry_id, furthest.entry_id)
    best = _furthest(session, station)
    assert best is not None
    return _as_dict(best, mismatch)


def last(session: Session, station: str) -> dict[str, Any] | None:
    """The furthest anchor the hall holds for ``station``: the first one stored for that entry."""
    found = _furthest(session, station)
    return _as_dict(found) if found is not None else None
