"""The hall's database: SQLite by default, PostgreSQL (``postgresql+psycopg://…``) in production."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'hall' / 'hall.db'}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout = 10000")  # several hall workers may share one SQLite file
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    # 64 MiB, used only as needed: a push inserts into four indexes keyed by random uids and hashes, and with
    # SQLite's default 2 MiB most of their pages were read again from the file at every request.
    cur.execute("PRAGMA cache_size = -65536")
    # A checkpoint every 40 MB of WAL rather than every 4 MB: a push's random keys touch the same index pages
    # request after request, and a checkpoint copies (and syncs) each page once however often it changed.
    cur.execute("PRAGMA wal_autocheckpoint = 10000")
    cur.close()


class HallStore:
    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def migrate(self) -> None:
        """``upgrade heads`` on the hall's own Alembic branch, in one transaction."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("path_separator", "os")
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")

    def session(self) -> Session:
        return self._sessions()

    def dispose(self) -> None:
        self.engine.dispose()
