"""Which notices each person has already been shown, so a restart does not show them again.

Revision ID: core_0005
Revises: core_0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "core_0005"
down_revision = "core_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notice_seen",
        sa.Column("username", sa.String(40), primary_key=True),
        sa.Column("notice_key", sa.String(200), primary_key=True),
        sa.Column("shown_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("notice_seen")
