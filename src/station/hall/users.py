"""The hall's own users (its console's operators and supervisors), separate from any station's users.

Passwords are hashed as a station's are (Argon2id, ``station.core.passwords``). A wrong name and a wrong
password get the same answer and take the same time.
"""

from __future__ import annotations

import re

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from station.core.passwords import hash_password, hasher
from station.errors import UserError
from station.hall.models import User

OPERATOR, SUPERVISOR = "operator", "supervisor"
ROLES = {OPERATOR: "值班员", SUPERVISOR: "主管"}
MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class WrongSignIn(UserError):
    """A name or password that does not sign in: counted by the lock-out."""


def add(session: Session, username: str, role: str, password: str, display_name: str = "") -> User:
    """Add a user or, for an existing name, set a new password and role."""
    username = username.strip().lower()
    if not _NAME.match(username):
        raise UserError("用户名应为2至40位小写字母、数字、点、短横线或下划线，如 wang.li。")
    if role not in ROLES:
        raise UserError("角色只能是值班员（operator）或主管（supervisor）。")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"密码至少 {MIN_PASSWORD} 位，请换一个更长的密码。")
    user = session.get(User, username)
    if user is None:
        user = User(username=username)
        session.add(user)
    user.display_name = (display_name.strip() or username)[:60]
    user.role, user.password_hash, user.active = role, hash_password(password), True
    session.flush()
    return user


def check(session: Session, username: str, password: str) -> User:
    """The user whose password this is, or ``WrongSignIn`` that does not say which part was wrong."""
    wrong = WrongSignIn("用户名或密码不正确，请重新输入。")
    name = username.strip().lower()
    user = session.get(User, name) if _NAME.match(name) else None  # a name no user can have is never looked up
    if user is None or not user.active:
        hasher.hash(password)  # the same time as a real check: which names exist stays hidden
        raise wrong
    try:
        hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise wrong from None
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def listed(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))
