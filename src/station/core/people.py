"""Managing the station's users: audited services behind the Users page and ``station users``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from station.core import audit, identity, passwords
from station.core.identity import ROLES, User
from station.core.work import Work
from station.errors import UserError, ValidationError


def all_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.role.desc(), User.username)))


def _user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise UserError(f"找不到用户“{username}”。")
    return user


def _active_admins(session: Session) -> int:
    return (
        session.scalar(select(func.count()).select_from(User).where(User.role == "admin", User.active.is_(True))) or 0
    )


def add_user(work: Work, *, username: str, display_name: str, role: str, password: str) -> User:
    """Add a user. Anyone may create the very first administrator; after that it takes ``users.manage``."""
    first_admin = identity.needs_first_admin(work.session)
    if not (first_admin and role == "admin"):
        work.require("users.manage", "管理用户和角色")
    user = identity.create_user(
        work.session, username=username, display_name=display_name, role=role, password=password
    )
    work.audit(
        "user.create",
        "user",
        user.username,
        None,
        {"username": user.username, "display_name": user.display_name, "role": role},
    )
    return user


def set_active(work: Work, username: str, active: bool) -> None:
    work.require("users.manage", "管理用户和角色")
    user = _user(work.session, username)
    if not active and user.username == work.actor.name:
        raise UserError("不能停用自己正在使用的账号。")
    if not active and user.role == "admin" and user.active and _active_admins(work.session) <= 1:
        raise UserError("这是最后一个管理员账号，停用后将无人能管理本站。请先指定另一位管理员。")
    if user.active == active:
        return
    user.active = active
    work.audit(
        "user.activate" if active else "user.deactivate", "user", username, {"active": not active}, {"active": active}
    )


def change_role(work: Work, username: str, role: str) -> None:
    work.require("users.manage", "管理用户和角色")
    if role not in ROLES:
        raise ValidationError({"role": "角色应为办事员、审核员或管理员之一。"})
    user = _user(work.session, username)
    if user.role == "admin" and role != "admin" and user.active and _active_admins(work.session) <= 1:
        raise UserError("这是最后一个管理员账号，不能改为其他角色。请先指定另一位管理员。")
    if user.role == role:
        return
    before = user.role
    user.role = role
    work.audit("user.role", "user", username, {"role": before}, {"role": role})


def record_sign_in(work: Work, at: dt.datetime, new_password: str | None = None) -> None:
    """Note ``work.actor``'s sign-in at ``at`` (audited); store a fresh hash if the old one was outdated."""
    user = _user(work.session, work.actor.name)
    user.last_login_at = at
    user.failed_sign_ins, user.locked_until = 0, None
    if new_password is not None:
        identity.set_password(user, new_password)
    audit.record(
        work.session, actor=work.actor.name, action="user.login", subject_type="user", subject_id=user.username, at=at
    )


def record_failed_sign_in(work: Work, at: dt.datetime, refusal: str) -> dt.datetime | None:
    """Audit a refused sign-in as ``work.actor`` (the name that was typed) and count it against that user;
    the failure that reaches ``MAX_FAILURES`` locks the account. Returns the end of a lock-out it starts."""
    user = work.session.scalar(select(User).where(User.username == work.actor.name))
    failures, locked_until = None, None
    if user is not None:
        if user.locked_until is not None and user.locked_until <= at:
            user.failed_sign_ins, user.locked_until = 0, None  # the last lock-out is over: count afresh
        if user.locked_until is None:
            user.failed_sign_ins = failures = (user.failed_sign_ins or 0) + 1
            if failures >= passwords.MAX_FAILURES:
                user.locked_until = locked_until = at + passwords.LOCK_OUT
    audit.record(
        work.session,
        actor=work.actor.name,
        action="user.login_failed",
        subject_type="user",
        subject_id=work.actor.name,
        after={"reason": refusal, "failures": failures} if failures else {"reason": refusal},
        at=at,
    )
    if locked_until is not None:
        audit.record(
            work.session,
            actor=work.actor.name,
            action="user.locked",
            subject_type="user",
            subject_id=work.actor.name,
            after={"locked_until": locked_until.isoformat(timespec="seconds")},
            at=at,
        )
    return locked_until


def reset_password(work: Work, username: str, password: str) -> None:
    if username != work.actor.name:
        work.require("users.manage", "管理用户和角色")
    user = _user(work.session, username)
    identity.set_password(user, password)
    work.audit("user.password", "user", username)  # never the password or its hash
