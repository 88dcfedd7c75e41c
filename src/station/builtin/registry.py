"""Built-in plugin: the enterprise registry's page, permissions, demo data and dashboard figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from station.contributions import (
    QT_TRANSLATE_NOOP,
    AuditWording,
    DashboardFigure,
    DemoData,
    Page,
    Permission,
    SyncedTable,
)
from station.hookspecs import hookimpl

DEMO_ENTERPRISES = 2400


def _page(shell: Any) -> Any:
    from station.shell.pages.enterprises import EnterprisesPage

    return EnterprisesPage(shell)


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    register(
        Page(
            key="enterprises",
            title=QT_TRANSLATE_NOOP("Navigation", "Enterprises"),
            factory=_page,
            order=10,
            permission="enterprise.view",
            icon="enterprises",
        )
    )


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    register(Permission("enterprise.view", "查看企业信息", ("clerk", "supervisor", "admin")))
    register(Permission("enterprise.edit", "登记和修改企业信息", ("clerk", "supervisor", "admin")))
    register(Permission("enterprise.import", "批量导入企业", ("supervisor", "admin")))


# Field-level last writer wins: two clerks correcting different fields of one enterprise both count.
ENTERPRISE_SYNC = SyncedTable(
    "enterprise",
    fields=(
        "uscc", "name", "legal_rep", "industry_code", "registered_capital_fen", "employees", "founded_on",
        "address", "zone", "contact_person", "contact_phone", "stage", "created_at", "updated_at", "updated_by",
    ),
    rule="lww",
    # One credit code, one enterprise park-wide: entered at two stations offline, the hall makes them one.
    unique=(("uscc",),),
    on_duplicate="merge",
    label=QT_TRANSLATE_NOOP("SyncedTables", "Company"),
)  # fmt: skip


@hookimpl
def register_synced_tables(register: Callable[[SyncedTable], None]) -> None:
    register(ENTERPRISE_SYNC)


def _fill(work: Any, rng: Any) -> str:
    from station.core import demo, enterprises

    rows = list(demo.enterprise_rows(DEMO_ENTERPRISES, seed=rng.randrange(2**31)))
    result = enterprises.upsert_many(work, rows, source="demo")
    return f"{result.created} 家企业"


@hookimpl
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    register(DemoData("enterprises", _fill, order=10))


def _count(session: Any) -> str:
    from station.core import enterprises

    return f"{enterprises.count(session):,}"


def _new_this_month(session: Any) -> str:
    from sqlalchemy import func, select

    from station.core.clock import SHANGHAI
    from station.core.enterprises import Enterprise

    first = dt.datetime.now(SHANGHAI).date().replace(day=1)
    n = session.scalar(select(func.count()).select_from(Enterprise).where(Enterprise.founded_on >= first))
    return f"{n or 0:,}"


def _in_startup(session: Any) -> str:
    from sqlalchemy import func, select

    from station.core.enterprises import Enterprise

    n = session.scalar(select(func.count()).select_from(Enterprise).where(Enterprise.stage == "startup"))
    return f"{n or 0:,}"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(
        DashboardFigure("enterprises.total", QT_TRANSLATE_NOOP("Dashboard", "Registered enterprises"), _count, order=10)
    )
    register(
        DashboardFigure(
            "enterprises.new_this_month",
            QT_TRANSLATE_NOOP("Dashboard", "Founded this month"),
            _new_this_month,
            order=11,
        )
    )
    register(
        DashboardFigure(
            "enterprises.startup", QT_TRANSLATE_NOOP("Dashboard", "Enterprises starting up"), _in_startup, order=12
        )
    )


@hookimpl
def register_audit_wordings(register: Callable[[AuditWording], None]) -> None:
    from station.core.audit_text import registry_wordings

    for wording in registry_wordings():
        register(wording)
