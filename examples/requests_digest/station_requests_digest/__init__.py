"""A digest of closed enterprise requests: a second example plugin that implements the hook the requests plugin
offers (``request_did_close``) without importing it.

Each close is written as a line of this plugin's own table (this station's log, not synced); the dashboard shows
this month's closes and how many of them the enterprise was satisfied with, and ``station requests-digest``
prints the tally. With the requests plugin switched off the hook is simply never called.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from station.api import CliCommand, DashboardFigure, MigrationBranch, hookimpl


@hookimpl
def register_migrations(register: Callable[[MigrationBranch], None]) -> None:
    register(MigrationBranch("requests_digest", Path(__file__).parent / "versions"))


@hookimpl(optionalhook=True)  # offered by the requests plugin: not refused when that plugin is absent
def request_did_close(closed: Any) -> None:
    """Read by attribute: this plugin never imports the one that offers the hook."""
    from station.api import calling

    ctx = calling()
    if ctx is None:
        return  # fired outside a station's plugin host: nowhere to write
    from station_requests_digest import digest

    with ctx.work(ctx.permissions.actor(closed.actor or "system", "clerk")) as work:
        digest.record(work.session, closed)


def _month(session: Any) -> str:
    from station.api import utcnow
    from station_requests_digest import digest

    found = digest.month(session, utcnow())
    return "—" if not found.closed else f"{found.closed:,}（满意 {found.satisfied:,}，按期 {found.on_time:,}）"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(DashboardFigure("requests_digest.month", "本月办结的企业诉求", _month, order=61))


@hookimpl
def register_cli_commands(register: Callable[[CliCommand], None]) -> None:
    register(
        CliCommand(
            "requests-digest",
            "企业诉求办结情况汇总（按类别、满意度）",
            "station_requests_digest.digest:configure",
            "station_requests_digest.digest:run",
        )
    )
