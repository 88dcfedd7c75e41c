"""The policy plugin's tables. Synced rows reference enterprises and each other by uid, never local ids."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from station.api import Base, UTCDateTime, utcnow


def new_uid() -> str:
    return uuid.uuid4().hex


class PolicyEdition(Base):
    """One edition of a policy as the hall published it (write "hall"); the YAML document is kept whole."""

    __tablename__ = "policy_policy"
    __table_args__ = (UniqueConstraint("code", "edition", name="uq_policy_policy_code_edition"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    code: Mapped[str] = mapped_column(String(40), index=True)
    edition: Mapped[str] = mapped_column(String(10))  # valid_from, ISO date
    title: Mapped[str] = mapped_column(String(200))
    department: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(40), default="")
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(10))
    digest: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    published_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Fact(Base):
    """One figure about an enterprise (tax paid in 2025, …) and the department it comes from."""

    __tablename__ = "policy_fact"
    __table_args__ = (UniqueConstraint("enterprise_uid", "fact_key", "year", name="uq_policy_fact_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    fact_key: Mapped[str] = mapped_column(String(40))
    year: Mapped[int] = mapped_column(Integer, default=0)  # 0: not yearly
    value: Mapped[int | None] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(60), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class Certificate(Base):
    """A recognition an enterprise holds (高新技术企业, 专精特新…) and until when."""

    __tablename__ = "policy_cert"
    __table_args__ = (UniqueConstraint("enterprise_uid", "kind", name="uq_policy_cert_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(60), default="")
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class Claim(Base):
    """An application for one policy, enterprise and period, through its workflow steps."""

    __tablename__ = "policy_claim"
    __table_args__ = (Index("ix_policy_claim_key", "enterprise_uid", "policy_code", "period"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    policy_code: Mapped[str] = mapped_column(String(40))
    policy_uid: Mapped[str] = mapped_column(String(36))
    policy_edition: Mapped[str] = mapped_column(String(10))
    policy_digest: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), index=True)
    estimated_fen: Mapped[int | None] = mapped_column(BigInteger)
    approved_fen: Mapped[int | None] = mapped_column(BigInteger)
    materials: Mapped[str] = mapped_column(Text, default="[]")  # JSON: names of the materials handed in
    notice_until: Mapped[dt.date | None] = mapped_column(Date)  # end of the public notice period (公示)
    verifier: Mapped[str] = mapped_column(Text, default="")  # JSON of the drawn third-party verifier, if any
    # printed on the claim's receipt: with the credit code it opens the claim in the hall's enterprise window
    receipt_code: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")


class ClaimEvent(Base):
    """One decision on a claim: who, when, why, and the rule edition and evaluation it rested on."""

    __tablename__ = "policy_claim_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    claim_uid: Mapped[str] = mapped_column(String(36), index=True)
    step: Mapped[str] = mapped_column(String(20))
    status_after: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON


class Payout(Base):
    """Money paid. One per enterprise, policy and period, park-wide: the hall rejects a second one."""

    __tablename__ = "policy_payout"
    __table_args__ = (UniqueConstraint("enterprise_uid", "policy_code", "period", name="uq_policy_payout_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    claim_uid: Mapped[str] = mapped_column(String(36), index=True)
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    policy_code: Mapped[str] = mapped_column(String(40))
    policy_edition: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(10))
    department: Mapped[str] = mapped_column(String(100))
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    paid_on: Mapped[dt.date] = mapped_column(Date, index=True)
    paid_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    paid_by: Mapped[str] = mapped_column(String(100), default="")
    # A 一事一议 award's decision number ("" for catalogue payouts): paid once park-wide, whoever the enterprise.
    # An award's payout carries the decision number as its policy_code too and its claim_uid is the award's.
    decision_no: Mapped[str] = mapped_column(String(40), default="")


class Match(Base):
    """The matcher's result for one enterprise and policy (local, recomputed: not synced)."""

    __tablename__ = "policy_match"

    enterprise_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    policy_code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)
    status: Mapped[str] = mapped_column(String(12))
    amount_fen: Mapped[int | None] = mapped_column(BigInteger)


class MatchState(Base):
    """What an enterprise's matches were computed from; a different stamp means they are stale."""

    __tablename__ = "policy_match_state"

    enterprise_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(80))
    matched_on: Mapped[dt.date] = mapped_column(Date)


class Push(Base):
    """One notice sent to an enterprise that qualifies for a policy and has not applied (主动推送); never changed."""

    __tablename__ = "policy_push"
    __table_args__ = (Index("ix_policy_push_key", "policy_code", "period", "enterprise_uid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    batch_uid: Mapped[str] = mapped_column(String(36), index=True)  # the notices sent together
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    policy_code: Mapped[str] = mapped_column(String(40))
    policy_edition: Mapped[str] = mapped_column(String(10))
    period: Mapped[str] = mapped_column(String(10))
    channels: Mapped[str] = mapped_column(String(40))  # "letter", "list" or "letter,list"
    estimated_fen: Mapped[int | None] = mapped_column(BigInteger)
    message: Mapped[str] = mapped_column(Text)
    pushed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    pushed_by: Mapped[str] = mapped_column(String(100), default="")


class Award(Base):
    """一事一议: an award decided case by case outside the catalogue, recorded by a supervisor from its decision
    document; it goes through 公示 and 兑付 like a claim, and its steps are ``ClaimEvent`` rows on its uid."""

    __tablename__ = "policy_award"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    version: Mapped[int] = mapped_column(Integer, default=1)
    number: Mapped[str] = mapped_column(String(40), unique=True)  # the station's, e.g. ST01-YS-2026-00001
    decision_no: Mapped[str] = mapped_column(String(40), index=True)  # the decision document's 文号
    enterprise_uid: Mapped[str] = mapped_column(String(36), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    department: Mapped[str] = mapped_column(String(100))
    reason: Mapped[str] = mapped_column(Text)
    attachments: Mapped[str] = mapped_column(Text, default="[]")  # JSON: names of the papers on file
    status: Mapped[str] = mapped_column(String(20), index=True)
    notice_until: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(100), default="")
