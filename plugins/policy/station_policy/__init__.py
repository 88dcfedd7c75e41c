"""Policy fulfilment (惠企政策兑现): the catalogue as data, matching (在线智推), claims, pay once, trace.

Hooks only; nothing heavy is imported at module level (the entry point loads before the first paint).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from station.api import (
    QT_TRANSLATE_NOOP,
    CliCommand,
    DashboardFigure,
    DemoData,
    MigrationBranch,
    Notice,
    NoticeSource,
    Page,
    Permission,
    SyncedTable,
    contributions_from,
    hookimpl,
)

# -- synced tables ------------------------------------------------------------------------------

POLICY_SYNC = SyncedTable(
    "policy_policy",
    fields=("code", "edition", "title", "department", "category", "valid_from", "valid_to", "period", "digest",
            "document", "published_at"),
    rule="lww",
    unique=(("code", "edition"),),
    write="hall",
)  # fmt: skip
FACT_SYNC = SyncedTable(
    "policy_fact",
    fields=("enterprise_uid", "fact_key", "year", "value", "source", "updated_at", "updated_by"),
    rule="lww",
    unique=(("enterprise_uid", "fact_key", "year"),),
    on_duplicate="merge",
    refs=(("enterprise_uid", "enterprise"),),
)
CERT_SYNC = SyncedTable(
    "policy_cert",
    fields=("enterprise_uid", "kind", "number", "expires_on", "updated_at", "updated_by"),
    rule="lww",
    unique=(("enterprise_uid", "kind"),),
    on_duplicate="merge",
    refs=(("enterprise_uid", "enterprise"),),
)
CLAIM_SYNC = SyncedTable(
    "policy_claim",
    fields=("number", "enterprise_uid", "policy_code", "policy_uid", "policy_edition", "policy_digest", "period",
            "status", "estimated_fen", "approved_fen", "materials", "notice_until", "verifier", "created_at",
            "created_by", "updated_at", "updated_by", "receipt_code"),
    rule="review",  # two stations moving one claim at once: a supervisor decides
    refs=(("enterprise_uid", "enterprise"), ("policy_uid", "policy_policy")),
    label=QT_TRANSLATE_NOOP("SyncedTables", "Policy claim"),
    field_labels=(
        ("policy_code", QT_TRANSLATE_NOOP("SyncedTables", "Policy")),
        ("estimated_fen", QT_TRANSLATE_NOOP("SyncedTables", "Estimated amount")),
        ("approved_fen", QT_TRANSLATE_NOOP("SyncedTables", "Approved amount")),
    ),
)  # fmt: skip
EVENT_SYNC = SyncedTable(
    "policy_claim_event",
    fields=("claim_uid", "step", "status_after", "actor", "at", "reason", "detail"),
    rule="lww",
    write="append",  # a claim's history: each step written once
    refs=(("claim_uid", "policy_claim"),),
    label=QT_TRANSLATE_NOOP("SyncedTables", "Step of a policy claim"),
)
PAYOUT_SYNC = SyncedTable(
    "policy_payout",
    fields=("number", "claim_uid", "enterprise_uid", "policy_code", "policy_edition", "period", "department",
            "amount_fen", "paid_on", "paid_at", "paid_by", "decision_no"),
    rule="review",
    # The second key is a 一事一议 decision number, paid once whichever enterprise a station typed; it is
    # empty on catalogue payouts, and an empty value never collides.
    unique=(("enterprise_uid", "policy_code", "period"), ("decision_no",)),
    on_duplicate="reject",  # pay once, park-wide: the hall keeps the first, the second comes back as a conflict
    write="append",  # a payout is never changed or deleted by sync once written
    refs=(("enterprise_uid", "enterprise"), ("claim_uid", "policy_claim")),
    label=QT_TRANSLATE_NOOP("SyncedTables", "Payout"),
    field_labels=(
        ("policy_code", QT_TRANSLATE_NOOP("SyncedTables", "Policy")),
        ("paid_on", QT_TRANSLATE_NOOP("SyncedTables", "Paid on")),
        ("paid_by", QT_TRANSLATE_NOOP("SyncedTables", "Paid by")),
    ),
)  # fmt: skip
PUSH_SYNC = SyncedTable(
    "policy_push",
    fields=("batch_uid", "enterprise_uid", "policy_code", "policy_edition", "period", "channels", "estimated_fen",
            "message", "pushed_at", "pushed_by"),
    rule="lww",
    write="append",  # a record of what was sent: written once, never changed
    refs=(("enterprise_uid", "enterprise"),),
)  # fmt: skip
AWARD_SYNC = SyncedTable(
    "policy_award",
    fields=("number", "decision_no", "enterprise_uid", "amount_fen", "department", "reason", "attachments", "status",
            "notice_until", "created_at", "created_by", "updated_at", "updated_by"),
    rule="review",
    # One record per decision number park-wide: a second station recording it offline gets a conflict back.
    unique=(("decision_no",),),
    on_duplicate="reject",
    write="owner",  # the station that recorded a decision moves it; another station's change waits for a person
    delete="none",
    refs=(("enterprise_uid", "enterprise"),),
)  # fmt: skip
SYNCED = (POLICY_SYNC, FACT_SYNC, CERT_SYNC, CLAIM_SYNC, EVENT_SYNC, PAYOUT_SYNC, PUSH_SYNC, AWARD_SYNC)


@hookimpl
def register_synced_tables(register: Callable[[SyncedTable], None]) -> None:
    for table in SYNCED:
        register(table)


# -- pages, migrations, permissions ----------------------------------------------------------


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    register(
        Page(
            key="policy",
            title=QT_TRANSLATE_NOOP("Navigation", "Policy fulfilment"),
            factory="station_policy.ui.page:PolicyPage",
            order=30,
            permission="policy.view",
        )
    )


@hookimpl
def register_migrations(register: Callable[[MigrationBranch], None]) -> None:
    register(MigrationBranch("policy", Path(__file__).parent / "migrations" / "versions"))


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    register(Permission("policy.view", "查看惠企政策", ("clerk", "supervisor", "admin")))
    register(Permission("policy.facts", "维护企业涉企数据", ("clerk", "supervisor", "admin")))
    register(Permission("policy.claim", "受理政策兑现申请", ("clerk", "supervisor", "admin")))
    register(Permission("policy.review", "审核政策兑现申请", ("supervisor", "admin")))
    register(Permission("policy.pay", "办理政策资金兑付", ("supervisor", "admin")))
    register(Permission("policy.award", "登记一事一议奖补决定", ("supervisor", "admin")))
    register(Permission("policy.catalog", "维护政策目录", ("admin",)))


# -- demo, CLI, dashboard ---------------------------------------------------------------------


@hookimpl
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    register(DemoData("policy", "station_policy.demo:fill", order=40))


@hookimpl
def register_cli_commands(register: Callable[[CliCommand], None]) -> None:
    register(
        CliCommand(
            "policy",
            "惠企政策兑现：政策目录、匹配、申请、兑付、报表",
            "station_policy.cli:configure",
            "station_policy.cli:run",
        )
    )


def _eligible_count(session: Any) -> str:
    from sqlalchemy import func, select

    from station_policy.models import Match

    n = session.scalar(select(func.count(func.distinct(Match.enterprise_uid))).where(Match.status == "eligible"))
    return f"{n or 0:,}"


def _open_claims(session: Any) -> str:
    from sqlalchemy import func, select

    from station_policy.models import Claim

    n = session.scalar(select(func.count()).where(Claim.status.in_(("applied", "accepted", "approved", "notice"))))
    return f"{n or 0:,}"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(
        DashboardFigure(
            "policy.eligible",
            QT_TRANSLATE_NOOP("Dashboard", "Enterprises eligible for a policy"),
            _eligible_count,
            order=30,
        )
    )
    register(
        DashboardFigure(
            "policy.open_claims", QT_TRANSLATE_NOOP("Dashboard", "Claims in progress"), _open_claims, order=31
        )
    )


def _due_payments(session: Any, actor: Any) -> list[Notice]:
    """Claims whose public notice has ended. Plain SQL: a poll must not wait for the rule engine's imports."""
    import datetime as dt

    from sqlalchemy import text

    from station.api import SHANGHAI

    today = dt.datetime.now(SHANGHAI).date().isoformat()
    rows = session.execute(
        text(
            "SELECT c.number, e.name FROM policy_claim c JOIN enterprise e ON e.uid = c.enterprise_uid"
            " WHERE c.status = 'notice' AND c.notice_until < :today ORDER BY c.notice_until, c.number"
        ),
        {"today": today},
    )
    out = [
        Notice(
            key=f"policy:{number}:due",
            text=f"兑现申请 {number}（{name}）公示期已满，可以办理兑付。",
            page="policy",
            target=number,
        )
        for number, name in rows
    ]
    awards = session.execute(
        text(
            "SELECT a.number, a.decision_no, e.name FROM policy_award a JOIN enterprise e ON e.uid = a.enterprise_uid"
            " WHERE a.status = 'notice' AND a.notice_until < :today ORDER BY a.notice_until, a.number"
        ),
        {"today": today},
    )
    out += [
        Notice(
            key=f"policy:{number}:due",
            text=f"一事一议奖补 {decision}（{name}）公示期已满，可以办理兑付。",
            page="policy",
            target=number,
        )
        for number, decision, name in awards
    ]
    return out


@hookimpl
def register_notice_sources(register: Callable[[NoticeSource], None]) -> None:
    register(NoticeSource("policy.due", _due_payments, interval_s=300, permission="policy.pay"))


# -- reacting to enterprise changes -----------------------------------------------------------

# Enterprises changed in this process and not re-matched yet. Matches also carry a stamp of what they
# were computed from, so changes made elsewhere (another process, a sync pull) are found stale too.
# Past STALE_KEPT of them (an import of the whole park) the set gives way to "every stale one", which the
# stamps find: memory stays flat however many enterprises an import brings.
STALE_KEPT = 10_000
_stale: set[str] = set()
_all_stale = False
_stale_lock = threading.Lock()
_listeners: list[Callable[[], None]] = []


def take_stale() -> list[str] | None:
    """The enterprises changed here since the last call, or None when so many changed that every stale
    enterprise should be matched (``services.rematch`` with no list finds them by their stamps)."""
    global _all_stale
    with _stale_lock:
        uids = None if _all_stale else sorted(_stale)
        _stale.clear()
        _all_stale = False
    return uids


def on_stale(listener: Callable[[], None]) -> Callable[[], None]:
    """Call ``listener`` (from any thread) when an enterprise is marked stale; returns an unsubscribe."""
    _listeners.append(listener)
    return lambda: _listeners.remove(listener) if listener in _listeners else None


@hookimpl
def enterprise_did_change(change: Any) -> None:
    global _all_stale
    with _stale_lock:
        first = not _stale and not _all_stale  # listeners hear once until the page takes the stale ones
        if not _all_stale:
            _stale.add(change.uid)
            if len(_stale) > STALE_KEPT:
                _all_stale = True
                _stale.clear()
    if first:
        for listener in list(_listeners):
            listener()


register_hall_pages = contributions_from("station_policy.hall_web:pages")
register_audit_wordings = contributions_from("station_policy.wordings:wordings")
