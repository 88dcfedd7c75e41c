"""hall: park-wide unique keys, aliases of merged rows, hall meta

Revision ID: hall_0003
Revises: hall_0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "hall_0003"
down_revision = "hall_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Filled from hall_row when the hall starts and sees declarations it has not indexed yet.
    op.create_table(
        "hall_unique",
        sa.Column("table_name", sa.String(60), primary_key=True),
        sa.Column("key_hash", sa.String(64), primary_key=True),
        sa.Column("row_uid", sa.String(36), nullable=False),
    )
    op.create_index("ix_hall_unique_row_uid", "hall_unique", ["row_uid"])
    op.create_table(
        "hall_alias",
        sa.Column("table_name", sa.String(60), primary_key=True),
        sa.Column("from_uid", sa.String(36), primary_key=True),
        sa.Column("to_uid", sa.String(36), nullable=False),
    )
    op.create_index("ix_hall_alias_to_uid", "hall_alias", ["to_uid"])
    op.create_table(
        "hall_meta",
        sa.Column("key", sa.String(60), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("hall_meta")
    op.drop_index("ix_hall_alias_to_uid", "hall_alias")
    op.drop_table("hall_alias")
    op.drop_index("ix_hall_unique_row_uid", "hall_unique")
    op.drop_table("hall_unique")
