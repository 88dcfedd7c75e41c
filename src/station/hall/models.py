"""The hall's tables. Its own declarative base and Alembic branch: the hall database is not a station's."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from sqlalchemy import Boolean, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from station.core.db import NAMING_CONVENTION, UTCDateTime, utcnow


class HallBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    __table__: ClassVar[Table]  # every model maps one table (Core statements take it as such)


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
    # What the station said about itself on its last call (the console's station list).
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    client_version: Mapped[str | None] = mapped_column(String(40))
    pending: Mapped[int | None] = mapped_column(Integer)  # changes waiting in its outbox when it last synced


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


class User(HallBase):
    """A person who runs the hall's console: an ``operator`` watches and enrols, a ``supervisor`` also decides
    reviews and revokes. Only an Argon2id hash of the password is kept."""

    __tablename__ = "hall_user"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class WebSession(HallBase):
    """A signed-in console session. The cookie carries a random token; only its SHA-256 is kept here, with the
    session's CSRF token, so a stolen database does not sign anyone in."""

    __tablename__ = "hall_web_session"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(40), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class Event(HallBase):
    """What a person did at the hall (signed in, enrolled or revoked a station, decided a review, …): a sentence
    for the console's log, and who, when and from where."""

    __tablename__ = "hall_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(120), default="")
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(60), default="")
