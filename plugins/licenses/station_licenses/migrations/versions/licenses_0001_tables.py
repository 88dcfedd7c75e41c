"""licenses: permits, licences, trust lists, offers

Revision ID: licenses_0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "licenses_0001"
down_revision = None
branch_labels = ("licenses",)
depends_on = "core_0003"


def _synced() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False, server_default=""),
    ]


def upgrade() -> None:
    op.create_table(
        "licenses_permit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("number", sa.String(60), nullable=False),
        sa.Column("scope", sa.String(300), nullable=False, server_default=""),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="active"),
        sa.Column("reason", sa.String(300), nullable=False, server_default=""),
        sa.Column("station_code", sa.String(20), nullable=False, server_default=""),
        *_synced(),
    )
    op.create_index("ix_licenses_permit_kind_number", "licenses_permit", ["kind", "number"], unique=True)
    op.create_table(
        "licenses_license",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False, index=True),
        sa.Column("uscc", sa.String(18), nullable=False, index=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("permits", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("station_code", sa.String(20), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="valid"),
        sa.Column("reason", sa.String(300), nullable=False, server_default=""),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        *_synced(),
    )
    op.create_table(
        "licenses_trust",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False, unique=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.create_table(
        "licenses_offer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_uid", sa.String(36), nullable=False, unique=True),
        sa.Column("enterprise_uid", sa.String(36), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("enterprise_name", sa.String(200), nullable=False),
        sa.Column("business_scope", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("licenses_offer", "licenses_trust", "licenses_license", "licenses_permit"):
        op.drop_table(table)
