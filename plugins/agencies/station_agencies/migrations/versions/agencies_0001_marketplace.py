"""agencies: agencies, qualifications, commissions, draws, ratings

Revision ID: agencies_0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "agencies_0001"
down_revision = None
branch_labels = ("agencies",)
depends_on = "core_0003"


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
    ]


def _stamp() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "agencies_agency",
        *_synced(),
        sa.Column("name", sa.String(200), nullable=False, index=True),
        sa.Column("uscc", sa.String(18), nullable=False, unique=True),
        sa.Column("legal_rep", sa.String(60), nullable=False),
        sa.Column("services", sa.String(400), nullable=False),
        sa.Column("related_uscc", sa.Text(), nullable=False),
        sa.Column("contact_person", sa.String(60), nullable=False),
        sa.Column("contact_phone", sa.String(40), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        *_stamp(),
    )
    op.create_table(
        "agencies_qualification",
        *_synced(),
        sa.Column("agency_uid", sa.String(36), nullable=False, index=True),
        sa.Column("service", sa.String(40), nullable=False),
        sa.Column("cert_no", sa.String(80), nullable=False),
        sa.Column("issuer", sa.String(120), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        *_stamp(),
    )
    op.create_table(
        "agencies_commission",
        *_synced(),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("service", sa.String(40), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("budget_fen", sa.BigInteger()),
        sa.Column("deadline", sa.Date()),
        sa.Column("selection", sa.String(10), nullable=False),
        sa.Column("agency_uid", sa.String(36), index=True),
        sa.Column("draw_uid", sa.String(36)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("deliverables", sa.Text(), nullable=False),
        sa.Column("representative", sa.String(60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime()),
        sa.Column("delivered_at", sa.DateTime()),
        sa.Column("completed_at", sa.DateTime()),
        *_stamp(),
    )
    op.create_table(
        "agencies_draw",
        *_synced(),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("algorithm", sa.String(40), nullable=False),
        sa.Column("service", sa.String(40), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("subject_uid", sa.String(36), nullable=False),
        sa.Column("enterprise_uid", sa.String(36), nullable=False),
        sa.Column("on_date", sa.String(10), nullable=False),
        sa.Column("pool", sa.Text(), nullable=False),
        sa.Column("pool_hash", sa.String(64), nullable=False),
        sa.Column("pool_fixed_at", sa.String(40), nullable=False),
        sa.Column("exclusions", sa.Text(), nullable=False),
        sa.Column("witnesses", sa.Text(), nullable=False),
        sa.Column("seed", sa.String(64), nullable=False),
        sa.Column("drawn_index", sa.Integer(), nullable=False),
        sa.Column("agency_uid", sa.String(36), nullable=False),
        sa.Column("agency_name", sa.String(200), nullable=False),
        sa.Column("drawn_at", sa.String(40), nullable=False),
        sa.Column("drawn_by", sa.String(100), nullable=False),
        sa.Column("record_hash", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "agencies_rating",
        *_synced(),
        sa.Column("commission_uid", sa.String(36), nullable=False, unique=True),
        sa.Column("agency_uid", sa.String(36), nullable=False, index=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False),
        sa.Column("service", sa.String(40), nullable=False),
        sa.Column("quality", sa.Integer(), nullable=False),
        sa.Column("timeliness", sa.Integer(), nullable=False),
        sa.Column("attitude", sa.Integer(), nullable=False),
        sa.Column("fees", sa.Integer(), nullable=False),
        sa.Column("compliance", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("representative", sa.String(60), nullable=False),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("set_aside", sa.Boolean(), nullable=False),
        sa.Column("set_aside_reason", sa.Text(), nullable=False),
        sa.Column("set_aside_by", sa.String(100), nullable=False),
        *_stamp(),
    )


def downgrade() -> None:
    for table in (
        "agencies_rating",
        "agencies_draw",
        "agencies_commission",
        "agencies_qualification",
        "agencies_agency",
    ):
        op.drop_table(table)
