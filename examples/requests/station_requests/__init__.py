"""Enterprise requests (企业诉求): an enterprise raises a problem (用地, 用工, 融资, 审批, 其他), the station records
it, hands it to a department with a due date in working days, follows it up and closes it with the answer and
the enterprise's satisfaction.

An example third-party plugin: it imports the station only through ``station.api`` (and ``station.api.ui`` in
its page). Hooks only here; everything heavy is imported inside the functions that need it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from station.api import (
    QT_TRANSLATE_NOOP,
    CliCommand,
    DashboardFigure,
    DemoData,
    MigrationBranch,
    NoticeSource,
    Page,
    Permission,
    SyncedTable,
    contributions_from,
    hookimpl,
)

PAGE_KEY = "requests"
# The columns that travel, written out so the entry point stays free of SQLAlchemy; the example's test checks
# they are every column of the models but id, uid and version.
REQUEST_FIELDS = (
    "number", "enterprise_uid", "uscc", "enterprise_name", "kind", "text", "department", "status", "due_days",
    "raised_at", "due_at", "closed_at", "answer", "satisfaction", "updated_at", "updated_by",
)  # fmt: skip
FOLLOWUP_FIELDS = ("request_uid", "kind", "text", "at", "by")


@hookimpl
def register_hookspecs(register: Callable[[object], None]) -> None:
    from station_requests import hookspecs

    register(hookspecs)


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    # A third party ships no Qt catalogue here, so the title is the Chinese a clerk reads.
    register(
        Page(
            key=PAGE_KEY,
            title=QT_TRANSLATE_NOOP("Navigation", "企业诉求"),
            factory="station_requests.ui.page:RequestsPage",
            order=60,
            permission="requests.view",
        )
    )


@hookimpl
def register_migrations(register: Callable[[MigrationBranch], None]) -> None:
    register(MigrationBranch("requests", Path(__file__).parent / "migrations" / "versions"))


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    everyone = ("clerk", "supervisor", "admin")
    register(Permission("requests.view", "查看企业诉求", everyone))
    register(Permission("requests.handle", "办理企业诉求", everyone))


@hookimpl
def register_synced_tables(register: Callable[[SyncedTable], None]) -> None:
    # Any station may take a request further (the enterprise may call at another station); none deletes one.
    register(
        SyncedTable(
            "requests_request",
            fields=REQUEST_FIELDS,
            unique=(("number",),),
            refs=(("enterprise_uid", "enterprise"),),
            write="any",
            delete="none",
        )
    )
    # The follow-up log is history: written once, never changed or deleted by sync.
    register(
        SyncedTable(
            "requests_followup",
            fields=FOLLOWUP_FIELDS,
            refs=(("request_uid", "requests_request"),),
            write="append",
        )
    )


@hookimpl
def register_cli_commands(register: Callable[[CliCommand], None]) -> None:
    register(
        CliCommand(
            "requests",
            "企业诉求：记录、跟进、办结、清单",
            "station_requests.cli:configure",
            "station_requests.cli:run",
        )
    )


def _poll(session: Any, actor: Any) -> list[Any]:
    from station.api import Notice, local, utcnow
    from station_requests import services

    return [
        Notice(
            key=f"requests:{r.uid}:overdue",
            text=f"诉求 {r.number}（{r.enterprise_name}，{r.kind}）已过办理期限 {local(r.due_at):%m月%d日}，"
            f"请督促{r.department}答复。",
            level="warning",
            page=PAGE_KEY,
            target=r.uid,
        )
        for r in services.overdue(session, utcnow())
    ]


@hookimpl
def register_notice_sources(register: Callable[[NoticeSource], None]) -> None:
    register(NoticeSource("requests.overdue", _poll, interval_s=300, permission="requests.view"))


def _open_figure(session: Any) -> str:
    from station.api import utcnow
    from station_requests import services

    found = services.figures(session, utcnow())
    return f"{found.open:,}（{found.overdue:,} 件超期）" if found.overdue else f"{found.open:,}"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(DashboardFigure("requests.open", "未办结的企业诉求", _open_figure, order=60))


@hookimpl
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    register(DemoData("requests", "station_requests.demo:fill", order=60))


register_audit_wordings = contributions_from("station_requests.wordings:wordings")
