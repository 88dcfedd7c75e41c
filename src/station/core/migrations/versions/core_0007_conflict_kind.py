"""Conflicts say what kind they are: the hall's reasons (another station's row, an append-only record …),
a row this station could not take from the hall, or a change of this station that could not travel.

Revision ID: core_0007
Revises: core_0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "core_0007"
down_revision = "core_0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_conflict") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="stale"))
    # Negative ids were the rows this station refused when they came from the hall.
    op.execute("UPDATE sync_conflict SET kind = 'refused' WHERE hall_id < 0")


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict") as batch:
        batch.drop_column("kind")
