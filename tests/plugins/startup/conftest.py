"""Fixtures for the startup plugin: a station with two clerks to assign cases to."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


@pytest.fixture
def station(ctx, admin):  # type: ignore[no-untyped-def]
    """A station with the demo users (clerk, clerk2, supervisor) for assigning cases."""
    from station.core import people

    with ctx.work(admin) as work:
        for username, display, role in (("clerk", "李办事", "clerk"), ("clerk2", "王晓燕", "clerk")):
            people.add_user(work, username=username, display_name=display, role=role, password="station-demo-1")
    return ctx


# The real hall process (tests/hall/conftest_hall.py) for the sync test.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hall"))
from conftest_hall import hall, hall_db  # noqa: E402, F401 - fixtures for this folder
