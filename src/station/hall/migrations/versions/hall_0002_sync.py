"""hall: synced rows, the change log, operations taken, conflicts

Revision ID: hall_0002
Revises: hall_0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "hall_0002"
down_revision = "hall_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hall_station") as batch:
        batch.add_column(sa.Column("last_seq", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "hall_row",
        sa.Column("table_name", sa.String(60), primary_key=True),
        sa.Column("row_uid", sa.String(36), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    )
    op.create_table(
        "hall_change",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.String(60), nullable=False),
        sa.Column("row_uid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("station", sa.String(20), nullable=False),
        sa.Column("op_uid", sa.String(32), nullable=False),
    )
    op.create_table(
        "hall_op",
        sa.Column("op_uid", sa.String(32), primary_key=True),
        sa.Column("station", sa.String(20), nullable=False),
        sa.Column("station_seq", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
    )
    op.create_table(
        "hall_conflict",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("station", sa.String(20), nullable=False),
        sa.Column("table_name", sa.String(60), nullable=False),
        sa.Column("row_uid", sa.String(36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=True),
        sa.Column("ours", sa.Text(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_hall_conflict_station", "hall_conflict", ["station"])


def downgrade() -> None:
    op.drop_index("ix_hall_conflict_station", "hall_conflict")
    for table in ("hall_conflict", "hall_op", "hall_change", "hall_row"):
        op.drop_table(table)
    with op.batch_alter_table("hall_station") as batch:
        batch.drop_column("last_seq")
