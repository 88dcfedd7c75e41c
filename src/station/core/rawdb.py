"""A plain sqlite3 connection to the station database, for the reads the first screen needs.

Same settings as the SQLAlchemy engine (busy timeout, foreign keys); ``query_only`` makes sure nothing
on this path ever writes: writes go through services, the audit log and SQLAlchemy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        yield conn
    finally:
        conn.close()
