"""Business startup (企业开办): one window, five parallel steps, deadlines in three colours.

Hooks only; everything heavy is imported inside the functions that need it.
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

PAGE_KEY = "startup"


@hookimpl
def register_hookspecs(register: Callable[[object], None]) -> None:
    from station_startup import hookspecs

    register(hookspecs)


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    register(
        Page(
            key=PAGE_KEY,
            title=QT_TRANSLATE_NOOP("Navigation", "Business startup"),
            factory="station_startup.ui.board:StartupBoardPage",
            order=20,
            permission="startup.view",
        )
    )


@hookimpl
def register_migrations(register: Callable[[MigrationBranch], None]) -> None:
    register(MigrationBranch("startup", Path(__file__).parent / "migrations" / "versions"))


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    everyone = ("clerk", "supervisor", "admin")
    register(Permission("startup.view", "查看企业开办件", everyone))
    register(Permission("startup.intake", "受理企业开办", everyone))
    register(Permission("startup.handle", "办理企业开办环节", everyone))
    register(Permission("startup.assign", "分派企业开办件", ("supervisor", "admin")))
    register(Permission("startup.configure", "设置企业开办时限", ("supervisor", "admin")))
    register(Permission("startup.answer", "处理企业开办差评", ("supervisor", "admin")))
    register(Permission("calendar.edit", "修改园区工作日历", ("supervisor", "admin")))


ENTERPRISE = (("enterprise_uid", "enterprise"),)
CASE = (("case_uid", "startup_case"),)


@hookimpl
def register_synced_tables(register: Callable[[SyncedTable], None]) -> None:
    register(
        SyncedTable(
            "startup_case",
            fields=(
                "number", "tracking_code", "case_type", "enterprise_name", "legal_rep", "registered_capital_fen",
                "business_scope", "address", "contact_phone", "uscc", "enterprise_uid", "status", "clerk", "agent",
                "limit_text", "started_at", "deadline_at", "completed_at", "working_minutes", "created_at",
                "updated_at", "updated_by",
            ),
            unique=(("number",), ("tracking_code",)),
            refs=ENTERPRISE,
            label=QT_TRANSLATE_NOOP("SyncedTables", "Startup case"),
        )
    )  # fmt: skip
    register(
        SyncedTable(
            "startup_step",
            fields=(
                "case_uid", "step_code", "department", "clerk", "status", "needs_code", "started_at", "yellow_at",
                "deadline_at", "done_at", "note", "updated_at", "updated_by",
            ),
            unique=(("case_uid", "step_code"),),
            refs=CASE,
            label=QT_TRANSLATE_NOOP("SyncedTables", "Step of a startup case"),
        )
    )  # fmt: skip
    register(
        SyncedTable(
            "startup_shareholder",
            fields=("case_uid", "position", "name", "kind", "id_number", "capital_fen"),
            refs=CASE,
        )
    )
    register(
        SyncedTable(
            "startup_paper",
            fields=(
                "case_uid", "code", "name", "essential", "status", "commitment", "due_at", "received_at",
                "updated_at", "updated_by",
            ),
            refs=CASE,
        )
    )  # fmt: skip
    # 好差评: both tables are append-only (a rating or an answer is never changed or deleted once written).
    register(
        SyncedTable(
            "startup_rating",
            fields=(
                "case_uid", "stage", "grade", "comment", "channel", "station_code", "answer_due_at", "rated_at",
                "updated_at", "updated_by",
            ),
            unique=(("case_uid", "stage"),),
            write="append",  # the enterprise's verdict: never rewritten or deleted once given
            refs=CASE,
        )
    )  # fmt: skip
    register(
        SyncedTable(
            "startup_rating_answer",
            fields=("rating_uid", "step", "text", "answered_at", "updated_at", "updated_by"),
            unique=(("rating_uid", "step"),),
            write="append",  # 核实, 整改, 回访: each recorded once
            refs=(("rating_uid", "startup_rating"),),
        )
    )


@hookimpl
def register_cli_commands(register: Callable[[CliCommand], None]) -> None:
    register(
        CliCommand(
            "startup",
            "企业开办：受理、办理环节、三色预警清单",
            "station_startup.cli:configure",
            "station_startup.cli:run",
        )
    )


def _poll(session: Any, actor: Any) -> list[Any]:
    from station.api import Notice, utcnow
    from station_startup import services

    return [
        Notice(key=key, text=text, level=level, page=PAGE_KEY, for_user=user, target=key.split(":")[1])
        for key, text, level, user in services.notices_for(session, actor, utcnow())
    ]  # the key is "startup:<case uid>:<colour>": a click opens that case


def _poll_ratings(session: Any, actor: Any) -> list[Any]:
    from station.api import Notice, utcnow
    from station_startup import ratings

    return [
        Notice(key=key, text=text, level=level, page=PAGE_KEY, for_user=user)
        for key, text, level, user in ratings.notices_for(session, actor, utcnow())
    ]


@hookimpl
def register_notice_sources(register: Callable[[NoticeSource], None]) -> None:
    register(NoticeSource("startup.deadlines", _poll, interval_s=60, permission="startup.view"))
    register(NoticeSource("startup.bad_ratings", _poll_ratings, interval_s=300, permission="startup.answer"))


def _this_month(session: Any) -> str:
    from station.api import utcnow
    from station_startup import services

    return f"{services.cases_this_month(session, utcnow()):,}"


def _median(session: Any) -> str:
    from station.api import utcnow
    from station_startup import services

    median, _ = services.completion_figures(session, utcnow())
    return (
        "—"
        if median is None
        else _translate(QT_TRANSLATE_NOOP("Dashboard", "%1 working hours")).replace("%1", f"{median:.1f}")
    )


def _within(session: Any) -> str:
    from station.api import utcnow
    from station_startup import services

    _, share = services.completion_figures(session, utcnow())
    return "—" if share is None else f"{share:.0%}"


def _satisfied(session: Any) -> str:
    from station.api import utcnow
    from station_startup import ratings

    found = ratings.month_figures(session, utcnow())
    share = found.satisfied_share
    if share is None:
        return "—"
    return (
        _translate(QT_TRANSLATE_NOOP("Dashboard", "%1 (%2 ratings)"))
        .replace("%1", f"{share:.0%}")
        .replace("%2", str(found.total))
    )


def _translate(text: str) -> str:
    # The figures are computed off the UI thread; Qt's translate is thread-safe and knows the language.
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Dashboard", text)


def _to_answer(session: Any) -> str:
    from station_startup import ratings

    return f"{len(ratings.waiting_answers(session))}"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(
        DashboardFigure(
            "startup.satisfied", QT_TRANSLATE_NOOP("Dashboard", "Satisfied ratings this month"), _satisfied, order=23
        )
    )
    register(
        DashboardFigure(
            "startup.bad_waiting", QT_TRANSLATE_NOOP("Dashboard", "Bad ratings to answer"), _to_answer, order=24
        )
    )
    register(
        DashboardFigure("startup.this_month", QT_TRANSLATE_NOOP("Dashboard", "Cases this month"), _this_month, order=20)
    )
    register(
        DashboardFigure(
            "startup.median", QT_TRANSLATE_NOOP("Dashboard", "Median time to open this month"), _median, order=21
        )
    )
    register(
        DashboardFigure(
            "startup.within_limit", QT_TRANSLATE_NOOP("Dashboard", "Finished on time this month"), _within, order=22
        )
    )


@hookimpl
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    register(DemoData("cases", "station_startup.demo:fill", order=30))


register_hall_pages = contributions_from("station_startup.hall_web:pages")
register_audit_wordings = contributions_from("station_startup.wordings:wordings")
