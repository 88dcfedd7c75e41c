from __future__ import annotations

import pytest
from sqlalchemy import select

from station.core import identity, people
from station.core.identity import User
from station.core.sign_in import sign_in
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
    assert sign_in(ctx, "li", "correct horse").role == "clerk"
    for name, password in (("li", "wrong"), ("nobody", "correct horse")):
        with pytest.raises(UserError, match="用户名或密码不正确"):
            sign_in(ctx, name, password)


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
    with pytest.raises(UserError, match="停用"):
        sign_in(ctx, "li", "s3cret-pass")
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


def _actions(ctx) -> list[tuple[str, str]]:
    from station.core.audit import AuditEntry

    with ctx.read() as session:
        return [(e.action, e.subject_id) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_five_wrong_passwords_lock_the_account_for_a_while_and_are_audited(ctx, admin) -> None:
    import datetime as dt

    from station.core import passwords

    add(ctx, admin, "li", "clerk")
    now = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
    for n in range(passwords.MAX_FAILURES - 1):
        with pytest.raises(passwords.Refused) as caught:
            sign_in(ctx, "li", f"guess-{n}", now)
        assert not isinstance(caught.value, passwords.LockedOut)
    with pytest.raises(passwords.LockedOut, match="10:15以后再试"):  # 02:15 UTC is 10:15 in Shanghai
        sign_in(ctx, "li", "guess-last", now)
    # Locked: even the right password is refused until the time is up, and that try is audited too.
    with pytest.raises(passwords.LockedOut):
        sign_in(ctx, "li", "s3cret-pass", now + dt.timedelta(minutes=14))
    assert sign_in(ctx, "li", "s3cret-pass", now + passwords.LOCK_OUT).username == "li"
    actions = _actions(ctx)
    assert actions.count(("user.login_failed", "li")) == passwords.MAX_FAILURES + 1
    assert actions.count(("user.locked", "li")) == 1


def test_the_lock_out_survives_a_restart_and_an_administrator_reset_lifts_it(ctx, admin, tmp_path) -> None:
    import datetime as dt

    from station.core import passwords
    from station.core.context import StationContext

    add(ctx, admin, "li", "clerk")
    now = dt.datetime.now(dt.UTC)
    for n in range(passwords.MAX_FAILURES):
        with pytest.raises(passwords.Refused):
            sign_in(ctx, "li", f"guess-{n}", now)
    ctx.close()
    again = StationContext(ctx.data_dir)  # a new process: the count is in the database, not in memory
    again.open()
    try:
        with pytest.raises(passwords.LockedOut):
            sign_in(again, "li", "s3cret-pass")
        with again.work(admin) as work:
            people.reset_password(work, "li", "brand-new-pass")
        assert sign_in(again, "li", "brand-new-pass").role == "clerk"
    finally:
        again.close()


def test_a_success_clears_the_count_and_unknown_names_are_audited_without_a_count(ctx, admin) -> None:
    from station.core import passwords

    add(ctx, admin, "li", "clerk")
    for _ in range(passwords.MAX_FAILURES - 1):
        with pytest.raises(passwords.Refused):
            sign_in(ctx, "li", "wrong-one")
    sign_in(ctx, "li", "s3cret-pass")
    with ctx.work(ctx.permissions.actor("li", "clerk")) as work:  # what the shell does after a sign-in
        import datetime as dt

        people.record_sign_in(work, dt.datetime.now(dt.UTC))
    for _ in range(passwords.MAX_FAILURES - 1):  # counting starts again: not locked after four more
        with pytest.raises(passwords.Refused) as caught:
            sign_in(ctx, "li", "wrong-two")
        assert not isinstance(caught.value, passwords.LockedOut)
    for _ in range(passwords.MAX_FAILURES + 1):
        with pytest.raises(passwords.Refused) as caught:
            sign_in(ctx, "nobody", "whatever")
        assert not isinstance(caught.value, passwords.LockedOut)  # no user, nothing to lock, same answer
    assert _actions(ctx).count(("user.login_failed", "nobody")) == passwords.MAX_FAILURES + 1
