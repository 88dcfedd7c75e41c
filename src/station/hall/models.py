"""The hall's tables. Its own declarative base and Alembic branch: the hall database is not a station's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from station.core.db import NAMING_CONVENTION, UTCDateTime, utcnow


class HallBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Station(HallBase):
    """A station the hall knows. Only hashes of its enrolment token and of its secret are kept."""

    __tablename__ = "hall_station"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    token_expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    secret_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    enrolled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
