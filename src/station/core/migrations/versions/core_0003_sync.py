"""Sync bookkeeping at the station: the outbox, conflicts kept for review, the apply guard.

Revision ID: core_0003
Revises: core_0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "core_0003"
down_revision = "core_0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("op_uid", sa.String(32), nullable=False),
        sa.Column("table_name", sa.String(60), nullable=False),
        sa.Column("row_uid", sa.String(36), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("op", sa.String(10), nullable=False),
        sa.Column("changed", sa.Text(), nullable=False),
        sa.Column("row_json", sa.Text(), nullable=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.UniqueConstraint("op_uid", name="uq_sync_outbox_op_uid"),
        sqlite_autoincrement=True,  # sequence numbers are never reused, even after the outbox empties
    )
    op.create_index("ix_sync_outbox_row", "sync_outbox", ["table_name", "row_uid"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(60), nullable=False),
        sa.Column("row_uid", sa.String(36), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("theirs", sa.Text(), nullable=True),
        sa.Column("ours", sa.Text(), nullable=True),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("resolved_by", sa.String(100), nullable=True),
        sa.Column("resolved_at", sa.String(40), nullable=True),
        sa.UniqueConstraint("hall_id", name="uq_sync_conflict_hall_id"),
    )
    op.create_table("sync_apply_guard", sa.Column("applying", sa.Integer(), nullable=False))
    op.execute("INSERT INTO sync_apply_guard(applying) VALUES (0)")


def downgrade() -> None:
    op.drop_table("sync_apply_guard")
    op.drop_table("sync_conflict")
    op.drop_index("ix_sync_outbox_row", "sync_outbox")
    op.drop_table("sync_outbox")
