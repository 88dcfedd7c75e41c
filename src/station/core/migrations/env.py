"""Alembic environment. The station passes the connection in; nothing here opens its own."""

from __future__ import annotations

from alembic import context

from station.core.db import Base

config = context.config
connection = config.attributes["connection"]

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
    transaction_per_migration=False,
)
context.run_migrations()
