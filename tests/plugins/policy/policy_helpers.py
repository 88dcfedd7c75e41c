"""Helpers for the policy plugin's tests (imported by name: ``from policy_helpers import make_firm``)."""

from __future__ import annotations

import datetime as dt

from station_policy import services

from helpers import enterprise_values
from station.core import enterprises


class Clock:
    """An injected clock: tests move time instead of sleeping."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> dt.datetime:
        self.now += dt.timedelta(**kwargs)
        return self.now


def make_firm(ctx, admin, seed: int = 1, **facts) -> str:
    with ctx.work(admin) as work:
        e = enterprises.create(work, enterprise_values(seed, stage="运营"))
        base = {"abnormal_listed": 0, "serious_dishonesty": 0, "tax_arrears": 0, "rd_spend_fen": {2025: 300_000_000}}
        base.update(facts)
        for key, value in base.items():
            if isinstance(value, dict):
                for year, v in value.items():
                    services.set_fact(work, e.uid, key, year, v)
            else:
                services.set_fact(work, e.uid, key, 0, value)
        return e.uid
