"""QR-coded licences (一业一证 / 一照通): permits loaded onto the business licence as a signed QR code that
any station verifies offline. Hooks only; everything heavy is imported inside the functions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from station.api import (
    QT_TRANSLATE_NOOP,
    CliCommand,
    DashboardFigure,
    DemoData,
    HallBatch,
    MigrationBranch,
    NoticeSource,
    Page,
    Permission,
    SyncedTable,
    contributions_from,
    hookimpl,
)

PAGE_KEY = "licenses"
VERIFY_PAGE_KEY = "licenses.verify"

PERMIT_SYNC = SyncedTable(
    "licenses_permit",
    fields=(
        "enterprise_uid", "kind", "number", "scope", "issued_on", "expires_on", "status", "reason",
        "station_code", "updated_at", "updated_by",
    ),
    rule="lww",
    write="owner",  # renewed, changed and revoked by the station that issued it (or the hall)
    unique=(("kind", "number"),),
    refs=(("enterprise_uid", "enterprise"),),
    label=QT_TRANSLATE_NOOP("SyncedTables", "Permit"),
    field_labels=(
        ("kind", QT_TRANSLATE_NOOP("SyncedTables", "Kind of permit")),
        ("scope", QT_TRANSLATE_NOOP("SyncedTables", "Permitted scope")),
        ("issued_on", QT_TRANSLATE_NOOP("SyncedTables", "Issued on")),
        ("expires_on", QT_TRANSLATE_NOOP("SyncedTables", "Valid until")),
    ),
)  # fmt: skip
LICENSE_SYNC = SyncedTable(
    "licenses_license",
    fields=(
        "number", "enterprise_uid", "uscc", "name", "permits", "issued_at", "expires_on", "station_code",
        "payload", "status", "reason", "revoked_at", "updated_at", "updated_by",
    ),
    rule="lww",
    write="owner",  # revoked only by the issuing station or the hall's supervisor
    unique=(("number",),),
    refs=(("enterprise_uid", "enterprise"),),
    label=QT_TRANSLATE_NOOP("SyncedTables", "One-licence permit"),
    field_labels=(("expires_on", QT_TRANSLATE_NOOP("SyncedTables", "Valid until")),),
)  # fmt: skip
# Hall-signed trust lists (station keys, revoked licences): only the hall publishes them.
TRUST_SYNC = SyncedTable("licenses_trust", fields=("kind", "document", "issued_at"), write="hall")


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    register(
        Page(
            key=PAGE_KEY,
            title=QT_TRANSLATE_NOOP("Navigation", "Licences"),
            factory="station_licenses.ui.page:LicensesPage",
            order=60,
            permission="licenses.view",
        )
    )
    register(
        Page(
            key=VERIFY_PAGE_KEY,
            title=QT_TRANSLATE_NOOP("Navigation", "Verify licence"),
            factory="station_licenses.ui.verify_page:VerifyPage",
            order=61,
            permission="licenses.view",
        )
    )


@hookimpl
def register_migrations(register: Callable[[MigrationBranch], None]) -> None:
    register(MigrationBranch("licenses", Path(__file__).parent / "migrations" / "versions"))


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    register(Permission("licenses.view", "查看执照和许可证", ("clerk", "supervisor", "admin")))
    register(Permission("licenses.issue", "签发执照和登记许可证", ("clerk", "supervisor", "admin")))
    register(Permission("licenses.manage", "变更、延续和吊销许可证与执照", ("supervisor", "admin")))


@hookimpl
def register_synced_tables(register: Callable[[SyncedTable], None]) -> None:
    register(PERMIT_SYNC)
    register(LICENSE_SYNC)
    register(TRUST_SYNC)


@hookimpl
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    register(DemoData("licenses", "station_licenses.demo:fill", order=60))


@hookimpl
def register_cli_commands(register: Callable[[CliCommand], None]) -> None:
    register(
        CliCommand(
            "license",
            "一照通执照：许可证种类、签发、吊销、打印和验证",
            "station_licenses.cli:configure",
            "station_licenses.cli:run",
        )
    )
    register(
        CliCommand(
            "revoke-license",
            "服务大厅吊销执照（如签发的服务站已停用）：各服务站下次同步时收到，并列入吊销清单",
            _configure_hall_revoke,
            "station_licenses.hall_side:revoke_command",
            parent="hall",
        )
    )


def _configure_hall_revoke(parser: Any) -> None:
    parser.add_argument("number", help="执照编号")
    parser.add_argument("--reason", required=True, help="吊销原因（写入执照和吊销清单）")
    parser.add_argument("--db", help="服务大厅的数据库地址（默认为数据目录下 hall/hall.db）")
    parser.add_argument("--json", action="store_true")


def _valid_count(session: Any) -> str:
    from sqlalchemy import func, select

    from station_licenses.models import License

    n = session.scalar(select(func.count()).select_from(License).where(License.status == "valid"))
    return f"{n or 0:,}"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(
        DashboardFigure(
            "licenses.valid", QT_TRANSLATE_NOOP("Dashboard", "Valid one-licence permits"), _valid_count, order=60
        )
    )


def _offers(session: Any, actor: Any) -> list[Any]:
    from station.api import Notice
    from station_licenses import services

    return [
        Notice(
            key=f"licenses:offer:{o.case_uid}",
            text=f"{o.enterprise_name} 已完成企业开办，可为其签发一照通执照。",
            page=PAGE_KEY,
            target=f"offer:{o.case_uid}",
            group="%1 家新开办的企业可签发一照通执照",  # suggestions: one line, after what is overdue
        )
        for o in services.open_offers(session)
    ]


@hookimpl
def register_notice_sources(register: Callable[[NoticeSource], None]) -> None:
    register(NoticeSource("licenses.offers", _offers, interval_s=60, permission="licenses.issue"))


@hookimpl
def register_hookspecs(register: Callable[[object], None]) -> None:
    from station_licenses import hookspecs

    register(hookspecs)


@hookimpl(optionalhook=True)  # the startup plugin's event: not refused when that plugin is switched off
def startup_did_complete(completed: Any) -> None:
    """Offer to issue the new enterprise's licence: a row on the licences page and a notice."""
    from station.api import calling
    from station_licenses import services

    ctx = calling()
    if ctx is None:
        return  # fired outside a station transaction (a test double): nothing to record into
    with ctx.work(ctx.permissions.actor(completed.actor or "system", "clerk")) as work:
        services.record_offer(work, completed)


@hookimpl
def hall_did_apply(batch: HallBatch) -> None:
    """At the hall: a revoked licence synced in; re-sign and republish the revocation list in the same push."""
    from station_licenses import hall_side

    hall_side.on_hall_apply(batch)


register_hall_pages = contributions_from("station_licenses.hall_web:pages")
register_audit_wordings = contributions_from("station_licenses.wordings:wordings")
