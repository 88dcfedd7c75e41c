"""startup: 好差评 (一事三评) ratings of the station's service and the answers to bad ones

Revision ID: startup_0002
Revises: startup_0001
Create Date: 2026-11-30
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "startup_0002"
down_revision = "startup_0001"
branch_labels = None
depends_on = None


def _sync_columns(table: str) -> list[Any]:  # columns and a constraint, as create_table takes them
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("uid", name=f"uq_{table}_uid"),
    ]


def _stamp() -> list[sa.Column]:
    return [
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "startup_rating",
        *_sync_columns("startup_rating"),
        sa.Column("case_uid", sa.String(36), nullable=False),
        sa.Column("stage", sa.String(10), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("station_code", sa.String(20), nullable=False),
        sa.Column("answer_due_at", sa.DateTime(), nullable=True),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        *_stamp(),
    )
    op.create_index("ix_startup_rating_case_stage", "startup_rating", ["case_uid", "stage"], unique=True)
    op.create_index("ix_startup_rating_rated_at", "startup_rating", ["rated_at"])
    op.create_table(
        "startup_rating_answer",
        *_sync_columns("startup_rating_answer"),
        sa.Column("rating_uid", sa.String(36), nullable=False),
        sa.Column("step", sa.String(10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(), nullable=False),
        *_stamp(),
    )
    op.create_index("ix_startup_rating_answer_step", "startup_rating_answer", ["rating_uid", "step"], unique=True)


def downgrade() -> None:
    op.drop_table("startup_rating_answer")
    op.drop_table("startup_rating")
