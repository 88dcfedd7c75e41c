"""Conflicts remember whether the hall holds the row, and at which version.

Revision ID: core_0004
Revises: core_0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "core_0004"
down_revision = "core_0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "row": the hall holds the row (hall_version is its version); "none": the hall never took it (a
    # duplicate of a park-wide unique key), so keeping the hall's version means dropping the local row.
    with op.batch_alter_table("sync_conflict") as batch:
        batch.add_column(sa.Column("hall_row", sa.String(10), nullable=False, server_default="row"))
        batch.add_column(sa.Column("hall_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict") as batch:
        batch.drop_column("hall_version")
        batch.drop_column("hall_row")
