"""Core tables: meta, users, audit log, enterprise registry with its trigram index.

Revision ID: core_0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "core_0001"
down_revision = None
branch_labels = ("core",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "station_user",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(40), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.UniqueConstraint("username", name="uq_station_user_username"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("subject_type", sa.String(60), nullable=False),
        sa.Column("subject_id", sa.String(80), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_actor", "audit_log", ["actor"])
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    op.create_index("ix_audit_log_subject_id", "audit_log", ["subject_id"])
    # History is append-only: SQL cannot change or remove it; the hash chain catches file edits.
    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )

    op.create_table(
        "enterprise",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("legal_rep", sa.String(60), nullable=False),
        sa.Column("industry_code", sa.String(5), nullable=False),
        sa.Column("registered_capital_fen", sa.BigInteger(), nullable=True),
        sa.Column("employees", sa.Integer(), nullable=True),
        sa.Column("founded_on", sa.Date(), nullable=True),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("zone", sa.String(60), nullable=False),
        sa.Column("contact_person", sa.String(60), nullable=False),
        sa.Column("contact_phone", sa.String(40), nullable=False),
        sa.Column("stage", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(100), nullable=False),
        sa.UniqueConstraint("uid", name="uq_enterprise_uid"),
        sa.UniqueConstraint("uscc", name="uq_enterprise_uscc"),
        sa.CheckConstraint(
            "registered_capital_fen IS NULL OR registered_capital_fen >= 0", name="ck_enterprise_capital_not_negative"
        ),
        sa.CheckConstraint(
            "stage IN ('startup','construction','operation','change','exit')", name="ck_enterprise_stage_known"
        ),
    )
    op.create_index("ix_enterprise_name", "enterprise", ["name"])
    op.create_index("ix_enterprise_zone", "enterprise", ["zone"])
    op.execute(
        "CREATE VIRTUAL TABLE enterprise_fts USING fts5("
        "name, uscc, legal_rep, content='enterprise', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER enterprise_fts_ai AFTER INSERT ON enterprise BEGIN "
        "INSERT INTO enterprise_fts(rowid, name, uscc, legal_rep) "
        "VALUES (new.id, new.name, new.uscc, new.legal_rep); END"
    )
    op.execute(
        "CREATE TRIGGER enterprise_fts_ad AFTER DELETE ON enterprise BEGIN "
        "INSERT INTO enterprise_fts(enterprise_fts, rowid, name, uscc, legal_rep) "
        "VALUES ('delete', old.id, old.name, old.uscc, old.legal_rep); END"
    )
    op.execute(
        "CREATE TRIGGER enterprise_fts_au AFTER UPDATE OF name, uscc, legal_rep ON enterprise BEGIN "
        "INSERT INTO enterprise_fts(enterprise_fts, rowid, name, uscc, legal_rep) "
        "VALUES ('delete', old.id, old.name, old.uscc, old.legal_rep); "
        "INSERT INTO enterprise_fts(rowid, name, uscc, legal_rep) "
        "VALUES (new.id, new.name, new.uscc, new.legal_rep); END"
    )


def downgrade() -> None:
    for trigger in (
        "enterprise_fts_au",
        "enterprise_fts_ad",
        "enterprise_fts_ai",
        "audit_log_no_delete",
        "audit_log_no_update",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS enterprise_fts")
    op.drop_table("enterprise")
    op.drop_table("audit_log")
    op.drop_table("station_user")
    op.drop_table("station_meta")
