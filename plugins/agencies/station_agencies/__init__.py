"""The intermediary marketplace (中介超市): agencies, commissions, fair draws (双随机) and star ratings.

Hooks only; nothing heavy is imported at module level (models, services and Qt load when used).
"""

from __future__ import annotations

import logging
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

log = logging.getLogger(__name__)

_STAMP = ("version", "updated_at", "updated_by")

SYNCED_TABLES = (
    SyncedTable(
        "agencies_agency",
        fields=(
            "name", "uscc", "legal_rep", "services", "related_uscc", "contact_person", "contact_phone", "address",
            "status", "status_reason", "created_at", "updated_at", "updated_by",
        ),
        rule="lww",
        label=QT_TRANSLATE_NOOP("SyncedTables", "Intermediary"),
    ),
    SyncedTable(
        "agencies_qualification",
        fields=("agency_uid", "service", "cert_no", "issuer", "valid_until", "updated_at", "updated_by"),
        rule="lww",
        refs=(("agency_uid", "agencies_agency"),),
    ),
    SyncedTable(
        "agencies_commission",
        fields=(
            "number", "enterprise_uid", "service", "scope", "budget_fen", "deadline", "selection", "agency_uid",
            "draw_uid", "status", "deliverables", "representative", "created_at", "accepted_at", "delivered_at",
            "completed_at", "updated_at", "updated_by",
        ),
        rule="lww",
        refs=(("enterprise_uid", "enterprise"), ("agency_uid", "agencies_agency"), ("draw_uid", "agencies_draw")),
        label=QT_TRANSLATE_NOOP("SyncedTables", "Commission"),
    ),
    # A draw record is evidence: written once, never changed or deleted by sync.
    SyncedTable(
        "agencies_draw",
        fields=(
            "number", "algorithm", "service", "purpose", "subject_uid", "enterprise_uid", "on_date", "pool",
            "pool_hash", "pool_fixed_at", "exclusions", "witnesses", "seed", "drawn_index", "agency_uid",
            "agency_name", "drawn_at", "drawn_by", "record_hash",
        ),
        rule="review",
        write="append",
        refs=(("agency_uid", "agencies_agency"),),
    ),
    # One rating per commission park-wide: a second one entered at another station comes back as a conflict.
    # The enterprise's scores are never rewritten; only the station that took them may set one aside.
    SyncedTable(
        "agencies_rating",
        fields=(
            "commission_uid", "agency_uid", "enterprise_uid", "service", "quality", "timeliness", "attitude", "fees",
            "compliance", "comment", "representative", "rated_at", "recorded_by", "set_aside", "set_aside_reason",
            "set_aside_by", "updated_at", "updated_by",
        ),
        rule="lww",
        unique=(("commission_uid",),),
        on_duplicate="reject",
        write="append",
        amend=("set_aside", "set_aside_reason", "set_aside_by", "updated_at", "updated_by"),
        refs=(
            ("commission_uid", "agencies_commission"), ("agency_uid", "agencies_agency"),
            ("enterprise_uid", "enterprise"),
        ),
    ),
    # A quarter's close: one standing per agency and quarter park-wide, written once (the record of a
    # suspension); a second station closing the same quarter offline gets its rows back as conflicts.
    SyncedTable(
        "agencies_standing",
        fields=("period", "agency_uid", "stars", "score", "ratings", "consequence", "note", "closed_at", "closed_by"),
        rule="review",
        unique=(("period", "agency_uid"),),
        on_duplicate="reject",
        write="append",
        refs=(("agency_uid", "agencies_agency"),),
    ),
    # The services of a joint commission, each with its agency and draw: written with the commission, never changed.
    SyncedTable(
        "agencies_commission_part",
        fields=("commission_uid", "service", "agency_uid", "draw_uid"),
        rule="review",
        write="append",
        refs=(("commission_uid", "agencies_commission"), ("agency_uid", "agencies_agency"),
              ("draw_uid", "agencies_draw")),
    ),
)  # fmt: skip


@hookimpl
def register_synced_tables(register: Callable[[SyncedTable], None]) -> None:
    for table in SYNCED_TABLES:
        register(table)


@hookimpl
def register_migrations(register: Callable[[MigrationBranch], None]) -> None:
    register(MigrationBranch("agencies", Path(__file__).parent / "migrations" / "versions"))


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    everyone = ("clerk", "supervisor", "admin")
    register(Permission("agencies.view", "查看中介超市", everyone))
    register(Permission("agencies.commission", "办理中介服务委托", everyone))
    register(Permission("agencies.draw", "随机抽取中介机构", everyone))
    register(Permission("agencies.rate", "录入中介服务评价", everyone))
    register(Permission("agencies.manage", "登记和维护中介机构", ("supervisor", "admin")))
    register(Permission("agencies.review", "处理不当评价", ("supervisor", "admin")))


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    register(
        Page(
            key="agencies",
            title=QT_TRANSLATE_NOOP("Navigation", "Intermediary marketplace"),
            factory="station_agencies.ui.page:AgenciesPage",
            order=40,
            permission="agencies.view",
        )
    )


@hookimpl
def register_cli_commands(register: Callable[[CliCommand], None]) -> None:
    register(
        CliCommand(
            "agencies",
            "中介超市：服务类型、机构、委托、随机抽取、评价",
            "station_agencies.cli:configure",
            "station_agencies.cli:run",
        )
    )


@hookimpl
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    register(DemoData("agencies", "station_agencies.demo:fill", order=40))


def _active_agencies(session: Any) -> str:
    from sqlalchemy import func, select

    from station_agencies.models import Agency

    n = session.scalar(select(func.count()).select_from(Agency).where(Agency.status == "active"))
    return f"{n or 0:,}"


def _open_commissions(session: Any) -> str:
    from sqlalchemy import func, select

    from station_agencies.models import Commission

    n = session.scalar(
        select(func.count()).select_from(Commission).where(Commission.status.in_(("assigned", "accepted", "delivered")))
    )
    return f"{n or 0:,}"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(
        DashboardFigure(
            "agencies.active",
            QT_TRANSLATE_NOOP("Dashboard", "Intermediaries in the marketplace"),
            _active_agencies,
            order=40,
        )
    )
    register(
        DashboardFigure(
            "agencies.open", QT_TRANSLATE_NOOP("Dashboard", "Commissions under way"), _open_commissions, order=41
        )
    )


def _notices(session: Any, actor: Any) -> list[Any]:
    from station_agencies import services

    return services.notices(session)


@hookimpl
def register_notice_sources(register: Callable[[NoticeSource], None]) -> None:
    register(NoticeSource("agencies", _notices, interval_s=600, permission="agencies.view"))


@hookimpl
def register_hookspecs(register: Callable[[object], None]) -> None:
    from station_agencies import hookspecs

    register(hookspecs)


@hookimpl
def request_agency_draw(
    service: str, purpose: str, subject_uid: str, witness: str, actor: Any, exclude_uscc: tuple[str, ...]
) -> Any:
    """Draw for another plugin in our own transaction; None when nothing is eligible (or we cannot draw).

    A problem the caller's user can fix is logged and answered with None rather than raised: raising
    from a hook switches the plugin off for the rest of the session.
    """
    from station.api import UserError, calling
    from station_agencies import services
    from station_agencies.hookspecs import DrawOutcome

    ctx = calling()
    if ctx is None:
        log.warning("agency draw for %s not made: no station database is open", subject_uid)
        return None
    try:
        with ctx.work(actor) as work:
            row = services.draw(
                work,
                service,
                [("witness", witness)],
                purpose=purpose,
                subject_uid=subject_uid,
                exclude_uscc=exclude_uscc,
                station_code=ctx.settings.station_code,
            )
            outcome = DrawOutcome(row.uid, row.agency_uid, row.agency_name, row.record_hash)
    except UserError as exc:
        log.warning("agency draw for %s not made: %s", subject_uid, exc.message)
        return None
    return outcome


register_hall_pages = contributions_from("station_agencies.hall_web:pages")
register_audit_wordings = contributions_from("station_agencies.wordings:wordings")
