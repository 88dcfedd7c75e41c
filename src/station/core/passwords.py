"""Password hashing and the sign-in check, on plain sqlite3 so signing in does not wait for SQLAlchemy.

Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): memory-hard against GPU guessing,
about 30 ms on a station desktop. Hashes made with other parameters still verify and are re-hashed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from station.core.clock import local
from station.errors import UserError

hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)

# Five wrong passwords in a row lock the account for a quarter of an hour: a guesser gets 20 tries an
# hour instead of 150,000, while a clerk who mistypes is back at work after a short break (OWASP ASVS 2.2.1).
MAX_FAILURES = 5
LOCK_OUT = dt.timedelta(minutes=15)


class Refused(UserError):
    """A sign-in that did not succeed; the caller records it (count and audit)."""


class LockedOut(Refused):
    def __init__(self, until: dt.datetime) -> None:
        super().__init__(
            f"密码连续输错{MAX_FAILURES}次，账号已暂时锁定。请在{local(until):%H:%M}以后再试，或请管理员重设密码。"
        )
        self.until = until


def _read_time(value: str | None) -> dt.datetime | None:
    return None if not value else dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)


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


def check(conn: sqlite3.Connection, username: str, password: str, now: dt.datetime) -> SignIn:
    """The user if ``password`` is theirs; otherwise ``Refused``, which does not say which part was wrong.

    Only reads (the connection is read-only): ``station.core.sign_in`` records a refusal.
    """
    row = conn.execute(
        "SELECT username, display_name, role, password_hash, active, locked_until FROM station_user WHERE username = ?",
        (username.strip(),),
    ).fetchone()
    wrong = Refused("用户名或密码不正确，请重新输入。")
    if row is None:
        hasher.hash(password)  # spend the same time as a real check: do not reveal which names exist
        raise wrong
    name, display_name, role, stored, active, locked_until = row
    until = _read_time(locked_until)
    if until is not None and until > now:
        raise LockedOut(until)  # not even a right password opens a locked account before its time
    try:
        hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        raise wrong from None
    if not active:
        raise Refused("该账号已停用，请联系管理员。")
    return SignIn(name, display_name, role, hasher.check_needs_rehash(stored))
