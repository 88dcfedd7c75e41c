"""Password hashing and the sign-in check, on plain sqlite3 so signing in does not wait for SQLAlchemy.

Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): memory-hard against GPU guessing,
about 30 ms on a station desktop. Hashes made with other parameters still verify and are re-hashed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from station.errors import UserError

hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return hasher.hash(password)


@dataclass(frozen=True)
class SignIn:
    username: str
    display_name: str
    role: str
    needs_rehash: bool


def needs_first_admin(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT count(*) FROM station_user WHERE role = 'admin'").fetchone()
    return not row[0]


def check(conn: sqlite3.Connection, username: str, password: str) -> SignIn:
    """The user if ``password`` is theirs; otherwise a UserError that does not say which part was wrong."""
    row = conn.execute(
        "SELECT username, display_name, role, password_hash, active FROM station_user WHERE username = ?",
        (username.strip(),),
    ).fetchone()
    wrong = UserError("用户名或密码不正确，请重新输入。")
    if row is None:
        hasher.hash(password)  # spend the same time as a real check: do not reveal which names exist
        raise wrong
    name, display_name, role, stored, active = row
    try:
        hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        raise wrong from None
    if not active:
        raise UserError("该账号已停用，请联系管理员。")
    return SignIn(name, display_name, role, hasher.check_needs_rehash(stored))
