"""policy: awards decided case by case (一事一议) and the decision number on payouts

Revision ID: policy_0003
Revises: policy_0002
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "policy_0003"
down_revision = "policy_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "policy_award",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("decision_no", sa.String(40), nullable=False, index=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("attachments", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("notice_until", sa.Date()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
    )
    # Plain ADD COLUMN (no table rebuild): the sync capture triggers on policy_payout stay as they are.
    op.add_column("policy_payout", sa.Column("decision_no", sa.String(40), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("policy_payout") as batch:
        batch.drop_column("decision_no")
    op.drop_table("policy_award")
