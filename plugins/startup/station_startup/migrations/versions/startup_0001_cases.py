"""startup: cases, steps, shareholders, papers

Revision ID: startup_0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "startup_0001"
down_revision = None
branch_labels = ("startup",)
depends_on = "core_0003"


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "startup_case",
        *_sync_columns(),
        sa.Column("number", sa.String(40), nullable=False),
        sa.Column("tracking_code", sa.String(40), nullable=False),
        sa.Column("case_type", sa.String(40), nullable=False),
        sa.Column("enterprise_name", sa.String(200), nullable=False),
        sa.Column("legal_rep", sa.String(60), nullable=False),
        sa.Column("registered_capital_fen", sa.BigInteger(), nullable=False),
        sa.Column("business_scope", sa.Text(), nullable=False),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("contact_phone", sa.String(40), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("enterprise_uid", sa.String(36), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("clerk", sa.String(100), nullable=False),
        sa.Column("agent", sa.String(100), nullable=False),
        sa.Column("limit_text", sa.String(40), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("deadline_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("working_minutes", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("uid", name="uq_startup_case_uid"),
        sa.UniqueConstraint("number", name="uq_startup_case_number"),
        sa.UniqueConstraint("tracking_code", name="uq_startup_case_tracking_code"),
    )
    op.create_index("ix_startup_case_enterprise_name", "startup_case", ["enterprise_name"])
    op.create_index("ix_startup_case_clerk", "startup_case", ["clerk"])
    op.create_index("ix_startup_case_agent", "startup_case", ["agent"])
    op.create_index("ix_startup_case_status_started", "startup_case", ["status", "started_at"])

    op.create_table(
        "startup_step",
        *_sync_columns(),
        sa.Column("case_uid", sa.String(36), nullable=False),
        sa.Column("step_code", sa.String(40), nullable=False),
        sa.Column("department", sa.String(100), nullable=False),
        sa.Column("clerk", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("needs_code", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("yellow_at", sa.DateTime(), nullable=False),
        sa.Column("deadline_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("uid", name="uq_startup_step_uid"),
    )
    op.create_index("ix_startup_step_case", "startup_step", ["case_uid", "step_code"], unique=True)

    op.create_table(
        "startup_shareholder",
        *_sync_columns(),
        sa.Column("case_uid", sa.String(36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("id_number", sa.String(40), nullable=False),
        sa.Column("capital_fen", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint("uid", name="uq_startup_shareholder_uid"),
    )
    op.create_index("ix_startup_shareholder_case_uid", "startup_shareholder", ["case_uid"])

    op.create_table(
        "startup_paper",
        *_sync_columns(),
        sa.Column("case_uid", sa.String(36), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("essential", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("commitment", sa.Text(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("uid", name="uq_startup_paper_uid"),
    )
    op.create_index("ix_startup_paper_case_uid", "startup_paper", ["case_uid"])


def downgrade() -> None:
    op.drop_table("startup_paper")
    op.drop_table("startup_shareholder")
    op.drop_table("startup_step")
    op.drop_table("startup_case")
