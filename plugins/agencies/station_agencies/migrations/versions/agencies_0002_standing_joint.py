"""agencies: star standings at a quarter's close and the services of a joint commission

Revision ID: agencies_0002
Revises: agencies_0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "agencies_0002"
down_revision = "agencies_0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agencies_standing",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("period", sa.String(10), nullable=False, index=True),
        sa.Column("agency_uid", sa.String(36), nullable=False, index=True),
        sa.Column("stars", sa.Integer()),
        sa.Column("score", sa.Float()),
        sa.Column("ratings", sa.Integer(), nullable=False),
        sa.Column("consequence", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=False),
        sa.Column("closed_by", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "agencies_commission_part",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("commission_uid", sa.String(36), nullable=False, index=True),
        sa.Column("service", sa.String(40), nullable=False),
        sa.Column("agency_uid", sa.String(36), nullable=False, index=True),
        sa.Column("draw_uid", sa.String(36)),
        sa.Column("version", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("agencies_commission_part")
    op.drop_table("agencies_standing")
