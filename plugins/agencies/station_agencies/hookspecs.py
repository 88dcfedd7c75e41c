"""Hooks the intermediary marketplace offers other plugins (registered through ``register_hookspecs``).

A plugin asks for a draw with ``ctx.host.first("request_agency_draw", service=..., ...)``: keyword arguments,
not a type of ours, because plugins never import each other; it reads the answer by attribute."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from station.api import hookspec


@dataclass(frozen=True)
class DrawOutcome:
    """The drawn agency and the draw's record, which anyone can re-check."""

    draw_uid: str
    agency_uid: str
    agency_name: str
    record_hash: str


@hookspec
def request_agency_draw(
    service: str, purpose: str, subject_uid: str, witness: str, actor: Any, exclude_uscc: tuple[str, ...]
) -> DrawOutcome | None:
    """Draw an intermediary agency at random (双随机) for another plugin, e.g. a third-party verifier.

    ``service`` is a service type of the agencies catalogue; ``purpose`` (Chinese) and ``subject_uid`` (what
    the draw is for: a claim, a case) are kept in the draw's record; ``witness`` is the text witnessed at the
    window that seeds the draw; ``actor`` the signed-in user; ``exclude_uscc`` credit codes that may not be
    drawn (the enterprise itself, its related parties). None when nothing is eligible or no draw was made."""
