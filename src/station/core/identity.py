"""Local users, stored; roles and permissions are in ``roles``, hashing in ``passwords``.

Passwords are hashed with Argon2id (memory-hard). Permissions are contributed by plugins through
``register_permissions``; services call ``require`` so a rule holds for the CLI as much as for the UI.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from sqlalchemy import Boolean, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from station.core import passwords
from station.core.db import Base, UTCDateTime, utcnow
from station.core.roles import ROLES, Actor, Permissions, require
from station.errors import ValidationError

__all__ = ["ROLES", "Actor", "Permissions", "User", "create_user", "require"]

MIN_PASSWORD = 8
_hasher = passwords.hasher


class User(Base):
    __tablename__ = "station_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Wrong passwords since the last sign-in, and when the lock-out they caused ends (passwords.py).
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


def display_names(session: Session, usernames: Iterable[str | None]) -> dict[str, str]:
    """What people read for each user name: the display name; a name this station does not know (a user of
    another station, a system user) stands for itself."""
    wanted = {name for name in usernames if name}
    rows = session.execute(select(User.username, User.display_name).where(User.username.in_(wanted)))
    found = {username: display for username, display in rows}
    return {name: found.get(name) or name for name in wanted}


def needs_first_admin(session: Session) -> bool:
    return not session.scalar(select(func.count()).select_from(User).where(User.role == "admin"))


_USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{2,40}$")


def _check_new_user(session: Session, username: str, display_name: str, role: str, password: str) -> None:
    problems: dict[str, str] = {}
    if not _USERNAME.match(username):
        problems["username"] = "用户名应为2至40位字母、数字、下划线、点或短横线。"
    elif session.scalar(select(User.id).where(User.username == username)):
        problems["username"] = f"用户名“{username}”已被使用，请换一个。"
    if not display_name.strip():
        problems["display_name"] = "请填写姓名。"
    if role not in ROLES:
        problems["role"] = "角色应为办事员、审核员或管理员之一。"
    if len(password) < MIN_PASSWORD:
        problems["password"] = f"密码至少需要{MIN_PASSWORD}位。"
    if problems:
        raise ValidationError(problems)


def create_user(session: Session, *, username: str, display_name: str, role: str, password: str) -> User:
    """Create a user. The caller checks ``users.manage`` (or that this is the first admin) and audits."""
    username = username.strip()
    _check_new_user(session, username, display_name, role, password)
    user = User(
        username=username,
        display_name=display_name.strip(),
        role=role,
        password_hash=_hasher.hash(password),
        active=True,
    )
    session.add(user)
    session.flush()
    return user


def set_password(user: User, password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError({"password": f"密码至少需要{MIN_PASSWORD}位。"})
    user.password_hash = _hasher.hash(password)
    user.failed_sign_ins, user.locked_until = 0, None  # a new password (an administrator's reset) unlocks
