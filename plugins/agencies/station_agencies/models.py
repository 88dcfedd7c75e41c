"""Tables of the intermediary marketplace. Every table syncs: rows refer to each other by uid, never by id."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Boolean, Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.api import Base, UTCDateTime, utcnow


def new_uid() -> str:
    return uuid.uuid4().hex


class Agency(Base):
    """An intermediary agency listed in the marketplace."""

    __tablename__ = "agencies_agency"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200), index=True)
    uscc: Mapped[str] = mapped_column(String(18), unique=True)
    legal_rep: Mapped[str] = mapped_column(String(60), default="")
    services: Mapped[str] = mapped_column(String(400), default="")  # service codes, comma-separated
    related_uscc: Mapped[str] = mapped_column(Text, default="")  # declared related parties, comma-separated
    contact_person: Mapped[str] = mapped_column(String(60), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | suspended | blacklisted
    status_reason: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")

    def service_codes(self) -> list[str]:
        return [s for s in self.services.split(",") if s]


class Qualification(Base):
    """A qualification certificate of an agency for one service type; expired, it keeps the agency out of draws."""

    __tablename__ = "agencies_qualification"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    agency_uid: Mapped[str] = mapped_column(String(36), index=True)
    service: Mapped[str] = mapped_column(String(40))
    cert_no: Mapped[str] = mapped_column(String(80))
    issuer: Mapped[str] = mapped_column(String(120), default="")
    valid_until: Mapped[dt.date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class Commission(Base):
    """An enterprise commissions a service: requested → assigned → accepted → delivered → completed."""

    __tablename__ = "agencies_commission"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # carries the station code
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    service: Mapped[str] = mapped_column(String(40))
    scope: Mapped[str] = mapped_column(Text, default="")
    budget_fen: Mapped[int | None] = mapped_column(BigInteger)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    selection: Mapped[str] = mapped_column(String(10), default="direct")  # direct | draw
    agency_uid: Mapped[str | None] = mapped_column(String(36), index=True)
    draw_uid: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(20), default="assigned")
    deliverables: Mapped[str] = mapped_column(Text, default="[]")  # JSON: [{name, sha256, size}]
    representative: Mapped[str] = mapped_column(String(60), default="")  # who confirmed for the enterprise
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class Draw(Base):
    """The record of one fair draw (双随机). Written once, never updated: it is evidence."""

    __tablename__ = "agencies_draw"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    algorithm: Mapped[str] = mapped_column(String(40))
    service: Mapped[str] = mapped_column(String(40))
    purpose: Mapped[str] = mapped_column(Text, default="")
    subject_uid: Mapped[str] = mapped_column(String(36), default="")
    enterprise_uid: Mapped[str] = mapped_column(String(36), default="")
    on_date: Mapped[str] = mapped_column(String(10))  # the day eligibility was judged (Asia/Shanghai)
    pool: Mapped[str] = mapped_column(Text)  # canonical JSON, hashed into pool_hash
    pool_hash: Mapped[str] = mapped_column(String(64))
    pool_fixed_at: Mapped[str] = mapped_column(String(40))  # ISO UTC, when the pool hash was shown
    exclusions: Mapped[str] = mapped_column(Text, default="[]")
    witnesses: Mapped[str] = mapped_column(Text)  # canonical JSON list of {role, value}
    seed: Mapped[str] = mapped_column(String(64))
    drawn_index: Mapped[int] = mapped_column(Integer)
    agency_uid: Mapped[str] = mapped_column(String(36))
    agency_name: Mapped[str] = mapped_column(String(200))
    drawn_at: Mapped[str] = mapped_column(String(40))  # ISO UTC
    drawn_by: Mapped[str] = mapped_column(String(100))
    record_hash: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)


class Rating(Base):
    """The commissioning enterprise's rating of one completed commission (one per commission, park-wide)."""

    __tablename__ = "agencies_rating"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    commission_uid: Mapped[str] = mapped_column(String(36), unique=True)
    agency_uid: Mapped[str] = mapped_column(String(36), index=True)
    enterprise_uid: Mapped[str] = mapped_column(String(36))
    service: Mapped[str] = mapped_column(String(40))
    quality: Mapped[int] = mapped_column(Integer)
    timeliness: Mapped[int] = mapped_column(Integer)
    attitude: Mapped[int] = mapped_column(Integer)
    fees: Mapped[int] = mapped_column(Integer)
    compliance: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    representative: Mapped[str] = mapped_column(String(60))
    rated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(100))
    set_aside: Mapped[bool] = mapped_column(Boolean, default=False)
    set_aside_reason: Mapped[str] = mapped_column(Text, default="")
    set_aside_by: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class Standing(Base):
    """An agency's star level for a closed quarter and what the park's rules made of it (暂停抽取, 可直接邀请).
    Written once when the quarter is closed, never changed: the record of why an agency was suspended."""

    __tablename__ = "agencies_standing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    period: Mapped[str] = mapped_column(String(10), index=True)  # the quarter, e.g. 2026Q3
    agency_uid: Mapped[str] = mapped_column(String(36), index=True)
    stars: Mapped[int | None] = mapped_column(Integer)  # None: too few ratings (评价不足)
    score: Mapped[float | None] = mapped_column(Float)
    ratings: Mapped[int] = mapped_column(Integer, default=0)
    consequence: Mapped[str] = mapped_column(String(20), default="")  # "" | suspend | lift | invite
    note: Mapped[str] = mapped_column(Text, default="")  # the sentence a clerk and the public read
    closed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class CommissionPart(Base):
    """One service of a joint commission (一次委托、一个报告): which agency does it and by which draw.
    A commission naming one service has no parts; its agency is on the commission itself."""

    __tablename__ = "agencies_commission_part"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    commission_uid: Mapped[str] = mapped_column(String(36), index=True)
    service: Mapped[str] = mapped_column(String(40))
    agency_uid: Mapped[str] = mapped_column(String(36), index=True)
    draw_uid: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
