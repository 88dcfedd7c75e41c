"""Built-in plugin: the conflicts page, its permission, and the sync figures on the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from station.contributions import QT_TRANSLATE_NOOP, DashboardFigure, Page, Permission
from station.hookspecs import hookimpl


def _page(shell: Any) -> Any:
    from station.shell.pages.conflicts import ConflictsPage

    return ConflictsPage(shell)


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    register(
        Page(
            key="conflicts",
            title=QT_TRANSLATE_NOOP("Navigation", "Sync conflicts"),
            factory=_page,
            order=800,
            permission="sync.resolve",
        )
    )


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    register(Permission("sync.resolve", "审核同步冲突", ("supervisor", "admin")))


def _count(sql: str) -> Callable[[Any], str]:
    def compute(session: Any) -> str:
        from sqlalchemy import text

        return f"{session.execute(text(sql)).scalar() or 0:,}"

    return compute


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(
        DashboardFigure(
            "sync.pending",
            QT_TRANSLATE_NOOP("Dashboard", "Changes waiting to upload"),
            _count("SELECT count(*) FROM sync_outbox"),
            order=80,
        )
    )
    register(
        DashboardFigure(
            "sync.conflicts",
            QT_TRANSLATE_NOOP("Dashboard", "Conflicts to review"),
            _count("SELECT count(*) FROM sync_conflict WHERE status = 'open'"),
            order=81,
        )
    )
