"""licenses: a filing (备案) carries no expiry date

Revision ID: licenses_0002
Revises: licenses_0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "licenses_0002"
down_revision = "licenses_0001"
branch_labels = None
depends_on = None

# The filing kinds of the shipped catalogue when this revision was written (years: 0).
FILINGS = ("SPXS", "YLQX2")


def upgrade() -> None:
    with op.batch_alter_table("licenses_permit") as batch:
        batch.alter_column("expires_on", existing_type=sa.Date(), nullable=True)
    kinds = ", ".join(f"'{k}'" for k in FILINGS)
    op.execute(f"UPDATE licenses_permit SET expires_on = NULL WHERE kind IN ({kinds})")


def downgrade() -> None:
    # a filing was kept five years on the licence before: give it back a date of that kind
    op.execute("UPDATE licenses_permit SET expires_on = DATE(issued_on, '+5 years', '-1 day') WHERE expires_on IS NULL")
    with op.batch_alter_table("licenses_permit") as batch:
        batch.alter_column("expires_on", existing_type=sa.Date(), nullable=False)
