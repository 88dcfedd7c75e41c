"""policy: notices sent to enterprises that qualify and have not applied (主动推送)

Revision ID: policy_0002
Revises: policy_0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "policy_0002"
down_revision = "policy_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "policy_push",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("batch_uid", sa.String(36), nullable=False, index=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("policy_code", sa.String(40), nullable=False),
        sa.Column("policy_edition", sa.String(10), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("channels", sa.String(40), nullable=False),
        sa.Column("estimated_fen", sa.BigInteger()),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("pushed_at", sa.DateTime(), nullable=False),
        sa.Column("pushed_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_policy_push_key", "policy_push", ["policy_code", "period", "enterprise_uid"])


def downgrade() -> None:
    op.drop_table("policy_push")
