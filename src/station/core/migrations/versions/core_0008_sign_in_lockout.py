"""A per-user count of failed sign-ins and the time a lock-out ends, stored so a restart does not reset them.

Revision ID: core_0008
Revises: core_0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "core_0008"
down_revision = "core_0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("station_user") as batch:
        batch.add_column(sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("station_user") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_sign_ins")
