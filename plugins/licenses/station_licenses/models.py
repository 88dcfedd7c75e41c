"""The licences plugin's tables. No Qt here.

``licenses_permit`` and ``licenses_license`` sync with the hall (by ``uid``; the enterprise by its uid).
``licenses_trust`` holds the hall-signed trust lists, published by the hall only. ``licenses_offer``
stays at the station: offers to issue a licence after a business startup completed.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.api import Base, UTCDateTime, utcnow


def new_uid() -> str:
    return uuid.uuid4().hex


class Permit(Base):
    """One permit of an enterprise (食品经营许可证 JY…), as its department issued it."""

    __tablename__ = "licenses_permit"
    __table_args__ = (Index("ix_licenses_permit_kind_number", "kind", "number", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(60))
    scope: Mapped[str] = mapped_column(String(300), default="")
    issued_on: Mapped[dt.date] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # None: a filing (备案)
    status: Mapped[str] = mapped_column(String(10), default="active")  # active | revoked
    reason: Mapped[str] = mapped_column(String(300), default="")  # why it was changed or revoked
    station_code: Mapped[str] = mapped_column(String(20), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class License(Base):
    """A 一照通 business licence as issued: the signed QR payload and the permits it carries."""

    __tablename__ = "licenses_license"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    uscc: Mapped[str] = mapped_column(String(18), index=True)
    name: Mapped[str] = mapped_column(String(200))
    permits: Mapped[str] = mapped_column(Text)  # JSON [[kind, number, expires_on ISO], ...] as signed
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    expires_on: Mapped[dt.date] = mapped_column(Date)
    station_code: Mapped[str] = mapped_column(String(20))
    payload: Mapped[str] = mapped_column(Text)  # the QR text
    status: Mapped[str] = mapped_column(String(10), default="valid")  # valid | revoked
    reason: Mapped[str] = mapped_column(String(300), default="")
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class TrustDocument(Base):
    """A hall-signed trust list (station keys, revoked licences) as the last sync brought it."""

    __tablename__ = "licenses_trust"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    document: Mapped[str] = mapped_column(Text)  # Base64 of the COSE_Sign1 document
    issued_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


class Offer(Base):
    """A licence waiting to be issued for an enterprise whose business startup just completed."""

    __tablename__ = "licenses_offer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_uid: Mapped[str] = mapped_column(String(36), unique=True)
    enterprise_uid: Mapped[str] = mapped_column(String(36))
    uscc: Mapped[str] = mapped_column(String(18))
    enterprise_name: Mapped[str] = mapped_column(String(200))
    business_scope: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | issued | dismissed
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
