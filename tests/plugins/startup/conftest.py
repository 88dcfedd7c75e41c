"""Fixtures for the startup plugin: a station with two clerks to assign cases to."""

from __future__ import annotations

import pytest


@pytest.fixture
def station(ctx, admin):  # type: ignore[no-untyped-def]
    """A station with the demo users (clerk, clerk2, supervisor) for assigning cases."""
    from station.core import people

    with ctx.work(admin) as work:
        for username, display, role in (("clerk", "李办事", "clerk"), ("clerk2", "王晓燕", "clerk")):
            people.add_user(work, username=username, display_name=display, role=role, password="station-demo-1")
    return ctx
