"""Shared fixtures: a fresh, migrated station in a temporary data directory for each test."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("STATION_PLUGINS", None)

from station.core.context import StationContext
from station.core.identity import Actor

ROOT = Path(__file__).resolve().parents[1]
STATION = [sys.executable, "-m", "station"]


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


def valid_code(seed: int = 1, division: str = "430211") -> str:
    import random

    from station.core import uscc

    return uscc.generate(random.Random(seed), division)


def enterprise_values(seed: int = 1, **overrides: str) -> dict[str, str]:
    values = {
        "uscc": valid_code(seed),
        "name": f"株洲测试{seed}号科技有限公司",
        "legal_rep": "张三",
        "industry_code": "I6513",
        "registered_capital": "500",
        "employees": "35",
        "founded_on": "2021-06-18",
        "address": "株洲市天元区栗雨路88号",
        "zone": "高新区核心园",
        "contact_person": "李四",
        "contact_phone": "13807330000",
        "stage": "运营",
    }
    values.update(overrides)
    return values
