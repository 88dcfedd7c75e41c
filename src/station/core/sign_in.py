"""Signing in: the one path the shell, the CLI and the tests take.

The password check reads through plain sqlite3 (``passwords.check``) so a sign-in does not wait for
SQLAlchemy to load; only a refusal loads it, to count the failure against the user and audit it. The
successful sign-in is recorded by ``people.record_sign_in`` once the services have loaded.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from station.core import passwords
from station.core.roles import Actor

if TYPE_CHECKING:  # pragma: no cover
    from station.core.context import StationContext


def sign_in(ctx: StationContext, username: str, password: str, now: dt.datetime | None = None) -> passwords.SignIn:
    """The signed-in user, or ``passwords.Refused`` after the refusal is counted and audited."""
    now = now or dt.datetime.now(dt.UTC)
    with ctx.raw() as conn:
        try:
            return passwords.check(conn, username, password, now)
        except passwords.Refused as exc:
            refusal = exc
    from station.core import people  # loads SQLAlchemy: only a refused sign-in pays for it

    # The actor is the name that was typed, with no role: nobody is signed in yet.
    with ctx.work(Actor(name=username.strip()[:40], role="")) as work:
        locked_until = people.record_failed_sign_in(work, now, refusal.message)
    if locked_until is not None:
        raise passwords.LockedOut(locked_until)
    raise refusal
