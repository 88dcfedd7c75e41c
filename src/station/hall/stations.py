"""Enrolling stations and checking who is calling.

``add_station`` makes a one-time enrolment token (single use, expiring). ``enroll`` trades it for the
station's secret, which only the station keeps; the hall stores SHA-256 hashes of both. The token is
20 random bytes and the secret 32, so a fast hash is enough: there is nothing to guess from a dictionary.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from station.core.db import utcnow
from station.errors import PermissionDenied, UserError
from station.hall.models import Station

TOKEN_TTL = dt.timedelta(hours=24)
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")


class Unauthenticated(UserError):
    """The caller did not prove it is an enrolled station."""


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Enrolment:
    station_code: str
    station_name: str
    secret: str


def add_station(session: Session, code: str, name: str, ttl: dt.timedelta = TOKEN_TTL) -> str:
    """Register (or re-issue the token of) a station that has not enrolled; returns the one-time token."""
    code = code.strip().upper()
    if not _CODE.match(code):
        raise UserError("服务站代码应为2至20位大写字母、数字或短横线，如 ST01。")
    if not name.strip():
        raise UserError("请填写服务站名称。")
    station = session.get(Station, code)
    if station is not None and station.enrolled_at is not None and station.revoked_at is None:
        raise UserError(f"服务站 {code} 已经登记并在使用中。如需更换电脑，请先停用（revoke-station）后重新添加。")
    token = secrets.token_hex(20)  # hex: never starts with "-", which a command line would take for an option
    if station is None:
        station = Station(code=code, name=name.strip())
        session.add(station)
    station.name = name.strip()
    station.token_hash = _hash(token)
    station.token_expires_at = utcnow() + ttl
    station.secret_hash = None
    station.enrolled_at = None
    station.revoked_at = None
    session.flush()
    return token


def enroll(session: Session, token: str) -> Enrolment:
    station = session.scalar(select(Station).where(Station.token_hash == _hash(token.strip())))
    if station is None:
        raise UserError("登记码无效或已经用过。请向服务大厅重新索取登记码。")
    if station.token_expires_at is None or station.token_expires_at < utcnow():
        raise UserError("登记码已过期。请向服务大厅重新索取登记码。")
    secret = secrets.token_urlsafe(32)
    station.secret_hash = _hash(secret)
    station.token_hash = None  # single use
    station.token_expires_at = None
    station.enrolled_at = utcnow()
    session.flush()
    return Enrolment(station.code, station.name, secret)


def from_header(session: Session, authorization: str | None) -> Station:
    """The station an ``Authorization: Bearer CODE:SECRET`` header proves, or ``Unauthenticated``."""
    scheme, _, credential = (authorization or "").partition(" ")
    code, _, secret = credential.partition(":")
    if scheme.lower() != "bearer" or not code or not secret:
        raise Unauthenticated("缺少服务站凭据。请先用服务大厅给的登记码登记本站。")
    return authenticate(session, code, secret)


def authenticate(session: Session, code: str, secret: str) -> Station:
    if not _CODE.match(code):  # never looked up: a code with control characters fails on some databases
        raise Unauthenticated("服务站身份验证失败。请重新登记本站。")
    station = session.get(Station, code)
    expected = station.secret_hash if station is not None and station.secret_hash else _hash("")
    if station is None or not hmac.compare_digest(expected, _hash(secret)):
        raise Unauthenticated("服务站身份验证失败。请重新登记本站。")
    if station.revoked_at is not None:
        raise PermissionDenied(f"服务站 {code} 已被服务大厅停用，请联系服务大厅。")
    return station


def revoke(session: Session, code: str) -> Station:
    station = session.get(Station, code.strip().upper())
    if station is None:
        raise UserError(f"没有代码为 {code} 的服务站。")
    station.revoked_at = utcnow()
    station.token_hash = None
    station.secret_hash = None
    session.flush()
    return station


def retire(session: Session, tables: Mapping[str, Any], code: str) -> tuple[Station, bool]:
    """Revoke a station and end its signing keys, together; returns the station and whether keys ended."""
    from station.hall import trust

    station = revoke(session, code)
    return station, bool(trust.end_station_keys(session, tables, station.code))


SEEN_EVERY = dt.timedelta(seconds=30)


def record_call(station: Station, version: str | None, pending: str | None) -> None:
    """Keep what a station says about itself on each call (its program's version, its waiting uploads).

    Only what changed is written, and when it was last seen at most every 30 seconds: a sync makes half a
    dozen calls, and each that wrote made a read (a pull, its conflicts) commit a write too."""
    now = utcnow()
    if station.last_seen_at is None or now - station.last_seen_at >= SEEN_EVERY:
        station.last_seen_at = now
    if version and station.client_version != (said := version.strip()[:40]):
        station.client_version = said
    if pending is not None and pending.isdigit() and len(pending) < 10 and station.pending != int(pending):
        station.pending = int(pending)
