"""Shared fixtures: a fresh, migrated station in a temporary data directory for each test."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STATION_PLUGINS", None)

from station.core.context import StationContext
from station.core.identity import Actor


@pytest.fixture(autouse=True)
def collect_on_the_main_thread() -> Iterator[None]:
    """Once Qt is up, cycle collection runs only on the main thread (station.shell.main_thread_gc)."""
    yield
    if not gc.isenabled():
        gc.collect()


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[StationContext]:
    context = StationContext(tmp_path / "data")
    context.open()
    yield context
    context.close()


@pytest.fixture
def admin(ctx: StationContext) -> Actor:
    return ctx.permissions.actor("admin", "admin", "管理员")


@pytest.fixture
def clerk(ctx: StationContext) -> Actor:
    return ctx.permissions.actor("clerk", "clerk", "办事员")


@pytest.fixture
def supervisor(ctx: StationContext) -> Actor:
    return ctx.permissions.actor("supervisor", "supervisor", "审核员")
