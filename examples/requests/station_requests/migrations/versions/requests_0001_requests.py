"""requests: enterprise requests and their follow-up log

Revision ID: requests_0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "requests_0001"
down_revision = None
branch_labels = ("requests",)
depends_on = "core_0001"  # the enterprise registry its requests refer to


def _sync_columns(table: str) -> list[Any]:  # columns and a constraint, as create_table takes them
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.UniqueConstraint("uid", name=f"uq_{table}_uid"),
    ]


def upgrade() -> None:
    op.create_table(
        "requests_request",
        *_sync_columns("requests_request"),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("enterprise_uid", sa.String(36), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("enterprise_name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("department", sa.String(60), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("due_days", sa.Integer(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.String(10), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("number", name="uq_requests_request_number"),
    )
    op.create_index("ix_requests_request_enterprise_uid", "requests_request", ["enterprise_uid"])
    op.create_index("ix_requests_request_status_due", "requests_request", ["status", "due_at"])
    op.create_table(
        "requests_followup",
        *_sync_columns("requests_followup"),
        sa.Column("request_uid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.String(100), nullable=False),
    )
    op.create_index("ix_requests_followup_request_uid", "requests_followup", ["request_uid"])


def downgrade() -> None:
    op.drop_table("requests_followup")
    op.drop_table("requests_request")
