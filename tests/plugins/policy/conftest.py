"""Fixtures for the policy plugin: the demo catalogue loaded, one enterprise with facts, a clock."""

from __future__ import annotations

import datetime as dt

import pytest
from policy_helpers import Clock, make_firm
from station_policy import catalog, services


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC))  # 10:00 in Shanghai


@pytest.fixture
def loaded(ctx, admin):
    with ctx.work(admin) as work:
        services.load_catalog(work, catalog.load_dir(catalog.demo_dir()))
    return ctx


@pytest.fixture
def firm(loaded, admin) -> str:
    return make_firm(loaded, admin)
