"""hall: the web face's users, sessions and event log; what stations report about themselves

Revision ID: hall_0005
Revises: hall_0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "hall_0005"
down_revision = "hall_0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hall_station") as batch:
        batch.add_column(sa.Column("last_seen_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("client_version", sa.String(40), nullable=True))
        batch.add_column(sa.Column("pending", sa.Integer(), nullable=True))
    op.create_table(
        "hall_user",
        sa.Column("username", sa.String(40), primary_key=True),
        sa.Column("display_name", sa.String(60), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "hall_web_session",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_hall_web_session_username", "hall_web_session", ["username"])
    op.create_table(
        "hall_event",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(120), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(60), nullable=False),
    )
    op.create_index("ix_hall_event_at", "hall_event", ["at"])


def downgrade() -> None:
    op.drop_index("ix_hall_event_at", "hall_event")
    op.drop_table("hall_event")
    op.drop_index("ix_hall_web_session_username", "hall_web_session")
    op.drop_table("hall_web_session")
    op.drop_table("hall_user")
    with op.batch_alter_table("hall_station") as batch:
        batch.drop_column("pending")
        batch.drop_column("client_version")
        batch.drop_column("last_seen_at")
