"""requests_digest: a line per closed enterprise request

Revision ID: requests_digest_0001
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "requests_digest_0001"
down_revision = None
branch_labels = ("requests_digest",)
depends_on = "core_0001"


def upgrade() -> None:
    op.create_table(
        "requests_digest_closed",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_uid", sa.String(36), nullable=False),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("satisfaction", sa.String(10), nullable=False),
        sa.Column("on_time", sa.Boolean(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("request_uid", name="uq_requests_digest_closed_request_uid"),
    )


def downgrade() -> None:
    op.drop_table("requests_digest_closed")
