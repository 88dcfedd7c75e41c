"""The hall's tables. Its own declarative base and Alembic branch: the hall database is not a station's."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Index, Integer, MetaData, String, Text
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
    last_seq: Mapped[int] = mapped_column(Integer, default=0)  # the station's outbox, taken up to here


class Row(HallBase):
    """The hall's copy of one synced row: its current data, or a tombstone."""

    __tablename__ = "hall_row"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    row_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str | None] = mapped_column(Text)  # JSON of the table's synced fields
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The station that created the row ("HALL" for what the hall published): who may change an "owner"
    # table's row, amend an "append" table's row, or delete it.
    owner: Mapped[str | None] = mapped_column(String(20))


class Change(HallBase):
    """Every accepted change, stamped with the park-wide sequence that stations pull by."""

    __tablename__ = "hall_change"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_uid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[str | None] = mapped_column(Text)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    station: Mapped[str] = mapped_column(String(20))
    op_uid: Mapped[str] = mapped_column(String(32))


class Op(HallBase):
    """Each station operation the hall has taken, so a repeated push changes nothing."""

    __tablename__ = "hall_op"

    op_uid: Mapped[str] = mapped_column(String(32), primary_key=True)
    station: Mapped[str] = mapped_column(String(20))
    station_seq: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(20))


class Conflict(HallBase):
    """A change the hall did not apply as sent: both versions kept for a person to decide.

    Every conflict goes back to the station that sent the change. One the station may not settle itself
    (a change to another station's row of an "owner" or "append" table) also waits at the hall:
    ``review`` is set and ``status`` stays "open" until the hall's supervisor applies or dismisses it.
    """

    __tablename__ = "hall_conflict"
    __table_args__ = (Index("ix_hall_conflict_review", "review", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(20), index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    row_uid: Mapped[str] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text)
    theirs: Mapped[str | None] = mapped_column(Text)  # what the station sent
    ours: Mapped[str | None] = mapped_column(Text)  # what the hall holds
    fields: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # "stale", "deleted", "duplicate", "merge", "table", "hall", "owner", "append", "delete"
    kind: Mapped[str] = mapped_column(String(20), default="stale")
    op: Mapped[str] = mapped_column(String(10), default="upsert")  # what the station sent: upsert or delete
    review: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, applied, dismissed
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)


class Anchor(HallBase):
    """The head of a station's audit chain as its sync reported it: append-only, so a station whose log
    was cut short or rewritten no longer reaches the last anchor the hall holds."""

    __tablename__ = "hall_anchor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(20), index=True)
    entry_id: Mapped[int] = mapped_column(Integer)
    entry_hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Throttle(HallBase):
    """Failed attempts from one source (an address, a station code) and the lock-out they earned."""

    __tablename__ = "hall_throttle"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class UniqueKey(HallBase):
    """One park-wide unique key of a live row (``SyncedTable.unique``): the hall's authority.

    ``key_hash`` is the SHA-256 of the key's name and values, so any key fits one short indexed column.
    """

    __tablename__ = "hall_unique"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_uid: Mapped[str] = mapped_column(String(36), index=True)


class Alias(HallBase):
    """A row that was merged into another (the same enterprise entered at two stations): its uid lives on
    as an alias, so later changes and references that name it reach the surviving row."""

    __tablename__ = "hall_alias"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    from_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    to_uid: Mapped[str] = mapped_column(String(36), index=True)


class Meta(HallBase):
    __tablename__ = "hall_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
