"""hall: row owners, conflicts the hall reviews, audit anchors, throttles

Revision ID: hall_0004
Revises: hall_0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import json
import math

import sqlalchemy as sa
from alembic import op

revision = "hall_0004"
down_revision = "hall_0003"
branch_labels = None
depends_on = None


def _finite(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def _repair_non_finite() -> None:
    """Rows an earlier hall stored with NaN or Infinity (not JSON: every station's pull failed on them) get
    null in those fields, so the hall never serves a page a station cannot parse."""
    conn = op.get_bind()
    for table, key in (("hall_row", "table_name, row_uid"), ("hall_change", "seq")):
        found = conn.execute(
            sa.text(f"SELECT {key}, data FROM {table} WHERE data LIKE '%NaN%' OR data LIKE '%Infinity%'")
        ).all()
        for *ident, data in found:
            repaired = json.dumps(_finite(json.loads(data)), ensure_ascii=False, sort_keys=True)
            if repaired != data:
                where = " AND ".join(f"{c.strip()} = :k{i}" for i, c in enumerate(key.split(",")))
                params = {f"k{i}": v for i, v in enumerate(ident)}
                conn.execute(sa.text(f"UPDATE {table} SET data = :data WHERE {where}"), {"data": repaired, **params})


def upgrade() -> None:
    _repair_non_finite()
    with op.batch_alter_table("hall_row") as batch:
        batch.add_column(sa.Column("owner", sa.String(20), nullable=True))
    # A row's owner is the station of its first change (its creation).
    op.execute(
        "UPDATE hall_row SET owner = (SELECT c.station FROM hall_change c WHERE c.table_name = hall_row.table_name "
        "AND c.row_uid = hall_row.row_uid ORDER BY c.seq LIMIT 1)"
    )
    with op.batch_alter_table("hall_conflict") as batch:
        batch.add_column(sa.Column("kind", sa.String(20), nullable=False, server_default="stale"))
        batch.add_column(sa.Column("op", sa.String(10), nullable=False, server_default="upsert"))
        batch.add_column(sa.Column("review", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("status", sa.String(20), nullable=False, server_default="open"))
        batch.add_column(sa.Column("decided_by", sa.String(100), nullable=True))
        batch.add_column(sa.Column("decided_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("decision_note", sa.Text(), nullable=True))
    op.create_index("ix_hall_conflict_review", "hall_conflict", ["review", "status"])
    op.create_table(
        "hall_anchor",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("station", sa.String(20), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_hall_anchor_station", "hall_anchor", ["station"])
    op.create_table(
        "hall_throttle",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("hall_throttle")
    op.drop_index("ix_hall_anchor_station", "hall_anchor")
    op.drop_table("hall_anchor")
    op.drop_index("ix_hall_conflict_review", "hall_conflict")
    with op.batch_alter_table("hall_conflict") as batch:
        for column in ("decision_note", "decided_at", "decided_by", "status", "review", "op", "kind"):
            batch.drop_column(column)
    with op.batch_alter_table("hall_row") as batch:
        batch.drop_column("owner")
