"""The full-text index holds names and legal representatives; credit codes are searched through their own index.

Trigrams of an 18-character code were 16 index entries per enterprise for a field that is looked up whole
or by its start: three fifths of the full-text index's size and of the cost of every write to it (a first
sync of 100,000 enterprises, an import). A code fragment now scans the narrow unique index on ``uscc``
(about 20 ms at 100,000 enterprises); names and people are still found through trigrams.

Revision ID: core_0006
Revises: core_0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "core_0006"
down_revision = "core_0005"
branch_labels = None
depends_on = None

_TRIGGERS = ("enterprise_fts_au", "enterprise_fts_ad", "enterprise_fts_ai")


def _index(columns: list[str]) -> None:
    listed = ", ".join(columns)
    old = ", ".join(f"old.{c}" for c in columns)
    new = ", ".join(f"new.{c}" for c in columns)
    op.execute(
        f"CREATE VIRTUAL TABLE enterprise_fts USING fts5({listed}, content='enterprise', content_rowid='id', "
        "tokenize='trigram')"
    )
    op.execute(
        f"CREATE TRIGGER enterprise_fts_ai AFTER INSERT ON enterprise BEGIN "
        f"INSERT INTO enterprise_fts(rowid, {listed}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER enterprise_fts_ad AFTER DELETE ON enterprise BEGIN "
        f"INSERT INTO enterprise_fts(enterprise_fts, rowid, {listed}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER enterprise_fts_au AFTER UPDATE OF {listed} ON enterprise BEGIN "
        f"INSERT INTO enterprise_fts(enterprise_fts, rowid, {listed}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO enterprise_fts(rowid, {listed}) VALUES (new.id, {new}); END"
    )
    op.execute("INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')")


def _drop() -> None:
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS enterprise_fts")


def upgrade() -> None:
    _drop()
    _index(["name", "legal_rep"])


def downgrade() -> None:
    _drop()
    _index(["name", "uscc", "legal_rep"])
