"""policy: catalogue, enterprise facts and certificates, claims and their events, payouts, match cache

Revision ID: policy_0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "policy_0001"
down_revision = None
branch_labels = ("policy",)
depends_on = "core_0003"


def _synced(name: str, *columns: sa.Column, constraints: tuple = ()) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *columns,
        *constraints,
    )


def upgrade() -> None:
    _synced(
        "policy_policy",
        sa.Column("code", sa.String(40), nullable=False, index=True),
        sa.Column("edition", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("category", sa.String(40), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date()),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        constraints=(sa.UniqueConstraint("code", "edition", name="uq_policy_policy_code_edition"),),
    )
    _synced(
        "policy_fact",
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("fact_key", sa.String(40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("value", sa.BigInteger()),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        constraints=(sa.UniqueConstraint("enterprise_uid", "fact_key", "year", name="uq_policy_fact_key"),),
    )
    _synced(
        "policy_cert",
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("expires_on", sa.Date()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        constraints=(sa.UniqueConstraint("enterprise_uid", "kind", name="uq_policy_cert_kind"),),
    )
    _synced(
        "policy_claim",
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("policy_code", sa.String(40), nullable=False),
        sa.Column("policy_uid", sa.String(36), nullable=False),
        sa.Column("policy_edition", sa.String(10), nullable=False),
        sa.Column("policy_digest", sa.String(64), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("estimated_fen", sa.BigInteger()),
        sa.Column("approved_fen", sa.BigInteger()),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("notice_until", sa.Date()),
        sa.Column("verifier", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_policy_claim_key", "policy_claim", ["enterprise_uid", "policy_code", "period"])
    _synced(
        "policy_claim_event",
        sa.Column("claim_uid", sa.String(36), nullable=False, index=True),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("status_after", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
    )
    _synced(
        "policy_payout",
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("claim_uid", sa.String(36), nullable=False, index=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("policy_code", sa.String(40), nullable=False),
        sa.Column("policy_edition", sa.String(10), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False, index=True),
        sa.Column("paid_at", sa.DateTime(), nullable=False),
        sa.Column("paid_by", sa.String(100), nullable=False),
        constraints=(sa.UniqueConstraint("enterprise_uid", "policy_code", "period", name="uq_policy_payout_key"),),
    )
    op.create_table(
        "policy_match",
        sa.Column("enterprise_uid", sa.String(36), primary_key=True),
        sa.Column("policy_code", sa.String(40), primary_key=True, index=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("amount_fen", sa.BigInteger()),
    )
    op.create_table(
        "policy_match_state",
        sa.Column("enterprise_uid", sa.String(36), primary_key=True),
        sa.Column("stamp", sa.String(80), nullable=False),
        sa.Column("matched_on", sa.Date(), nullable=False),
    )


def downgrade() -> None:
    for name in (
        "policy_match_state", "policy_match", "policy_payout", "policy_claim_event", "policy_claim",
        "policy_cert", "policy_fact", "policy_policy",
    ):  # fmt: skip
        op.drop_table(name)
