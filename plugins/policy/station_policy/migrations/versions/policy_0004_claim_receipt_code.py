"""policy: the receipt code of a claim (printed on its receipt; with the credit code it opens the claim's
status in the hall's enterprise window)

Claims taken before this revision have none: the station gives one when their receipt is next printed
(a code made here would differ at every station that holds the claim).

Revision ID: policy_0004
Revises: policy_0003
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "policy_0004"
down_revision = "policy_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("policy_claim") as batch:
        batch.add_column(sa.Column("receipt_code", sa.String(20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("policy_claim") as batch:
        batch.drop_column("receipt_code")
