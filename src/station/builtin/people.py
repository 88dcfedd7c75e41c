"""Built-in plugin: users, roles and the audit log — their pages, permissions and demo users."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from station.contributions import QT_TRANSLATE_NOOP, AuditWording, DashboardFigure, DemoData, Page, Permission
from station.hookspecs import hookimpl

DEMO_PASSWORD = "demo1234"
DEMO_USERS = [
    ("admin", "周管理", "admin"),
    ("supervisor", "陈审核", "supervisor"),
    ("clerk", "李办事", "clerk"),
    ("clerk2", "王晓燕", "clerk"),
]


def _users_page(shell: Any) -> Any:
    from station.shell.pages.users import UsersPage

    return UsersPage(shell)


def _audit_page(shell: Any) -> Any:
    from station.shell.pages.audit import AuditPage

    return AuditPage(shell)


@hookimpl
def register_pages(register: Callable[[Page], None]) -> None:
    register(
        Page(
            key="users",
            title=QT_TRANSLATE_NOOP("Navigation", "Users"),
            factory=_users_page,
            order=900,
            permission="users.manage",
            icon="users",
        )
    )
    register(
        Page(
            key="audit",
            title=QT_TRANSLATE_NOOP("Navigation", "Audit log"),
            factory=_audit_page,
            order=910,
            permission="audit.view",
            icon="audit",
        )
    )


@hookimpl
def register_permissions(register: Callable[[Permission], None]) -> None:
    register(Permission("users.manage", "管理用户和角色", ("admin",)))
    register(Permission("audit.view", "查看审计日志", ("supervisor", "admin")))
    register(Permission("plugins.manage", "启用或停用插件", ("admin",)))
    register(Permission("db.restore", "恢复数据库", ("admin",)))


def _fill(work: Any, rng: Any) -> str:
    from sqlalchemy import select

    from station.core import people
    from station.core.identity import User

    made = 0
    for username, display, role in DEMO_USERS:
        if work.session.scalar(select(User.id).where(User.username == username)):
            continue
        people.add_user(work, username=username, display_name=display, role=role, password=DEMO_PASSWORD)
        made += 1
    return f"{made} 个用户（密码 {DEMO_PASSWORD}）"


@hookimpl
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    register(DemoData("users", _fill, order=1))


def _audit_today(session: Any) -> str:
    from sqlalchemy import func, select

    from station.core.audit import AuditEntry
    from station.core.clock import start_of_local_day

    start = start_of_local_day().isoformat()
    n = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.at >= start))
    return f"{n or 0:,}"


@hookimpl
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    register(
        DashboardFigure("audit.today", QT_TRANSLATE_NOOP("Dashboard", "Actions recorded today"), _audit_today, order=90)
    )


@hookimpl
def register_audit_wordings(register: Callable[[AuditWording], None]) -> None:
    from station.core.audit_text import user_wordings

    for wording in user_wordings():
        register(wording)
