"""The requests' tables. Both sync: keyed park-wide by ``uid``; the follow-up log refers to its request by uid."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from station.api import Base, UTCDateTime, utcnow


def new_uid() -> str:
    return uuid.uuid4().hex


class EnterpriseRequest(Base):
    """One problem an enterprise raised: what, which department handles it, by when, and how it ended."""

    __tablename__ = "requests_request"
    __table_args__ = (Index("ix_requests_request_status_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # ST01-SQ2026-0001: the station's code first
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    uscc: Mapped[str] = mapped_column(String(18))
    enterprise_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    department: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | closed
    due_days: Mapped[int] = mapped_column(Integer)
    raised_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    satisfaction: Mapped[str] = mapped_column(String(10), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class RequestFollowUp(Base):
    """One line of a request's history: recorded, followed up, closed. Never changed once written."""

    __tablename__ = "requests_followup"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    request_uid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # opened | note | closed
    text: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    by: Mapped[str] = mapped_column(String(100), default="")
