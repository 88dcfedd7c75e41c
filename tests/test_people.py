from __future__ import annotations

import pytest
from sqlalchemy import select

from station.core import identity, people
from station.core.identity import User
from station.errors import PermissionDenied, UserError, ValidationError


def add(ctx, actor, username, role, password="s3cret-pass"):
    with ctx.work(actor) as work:
        people.add_user(work, username=username, display_name=username.title(), role=role, password=password)


def test_first_admin_then_only_admins_add_users(ctx, clerk) -> None:
    with ctx.read() as session:
        assert identity.needs_first_admin(session)
    add(ctx, clerk, "boss", "admin")  # nobody is signed in on the very first start
    with ctx.read() as session:
        assert not identity.needs_first_admin(session)
    with pytest.raises(PermissionDenied):
        add(ctx, clerk, "other", "admin")


def test_passwords_are_argon2id_and_checked(ctx, admin) -> None:
    add(ctx, admin, "li", "clerk", password="correct horse")
    with ctx.read() as session:
        stored = session.scalar(select(User).where(User.username == "li"))
        assert stored.password_hash.startswith("$argon2id$") and "correct" not in stored.password_hash
    with ctx.work(admin) as work:
        assert identity.authenticate(work.session, "li", "correct horse").role == "clerk"
    for name, password in (("li", "wrong"), ("nobody", "correct horse")):
        with pytest.raises(UserError, match="用户名或密码不正确"), ctx.work(admin) as work:
            identity.authenticate(work.session, name, password)


def test_new_user_validation(ctx, admin) -> None:
    with pytest.raises(ValidationError) as caught:
        add(ctx, admin, "a b", "boss", password="123")
    assert set(caught.value.fields) == {"username", "role", "password"}


def test_roles_and_permissions(ctx) -> None:
    clerk = ctx.permissions.actor("c", "clerk")
    supervisor = ctx.permissions.actor("s", "supervisor")
    admin = ctx.permissions.actor("a", "admin")
    assert clerk.can("enterprise.edit") and not clerk.can("enterprise.import")
    assert supervisor.can("enterprise.import") and supervisor.can("audit.view") and not supervisor.can("users.manage")
    assert admin.can("users.manage") and admin.can("anything.new")


def test_disabled_user_cannot_sign_in_and_last_admin_is_protected(ctx, admin) -> None:
    add(ctx, admin, "boss", "admin")
    add(ctx, admin, "li", "clerk")
    boss = ctx.permissions.actor("boss", "admin")
    with ctx.work(boss) as work:
        people.set_active(work, "li", False)
    with pytest.raises(UserError, match="停用"), ctx.work(boss) as work:
        identity.authenticate(work.session, "li", "s3cret-pass")
    with pytest.raises(UserError, match="自己"), ctx.work(boss) as work:
        people.set_active(work, "boss", False)
    with pytest.raises(UserError, match="最后一个管理员"), ctx.work(boss) as work:
        people.change_role(work, "boss", "clerk")


def test_user_changes_are_audited_without_secrets(ctx, admin) -> None:
    from station.core.audit import AuditEntry

    add(ctx, admin, "li", "clerk")
    with ctx.work(admin) as work:
        people.reset_password(work, "li", "another-pass")
        people.change_role(work, "li", "supervisor")
    with ctx.read() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["user.create", "user.password", "user.role"]
    assert all("another-pass" not in (e.after or "") and "argon2" not in (e.after or "") for e in entries)
