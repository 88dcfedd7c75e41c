"""The station context: data directory, settings, plugins, database. One per process.

Everything expensive is opened on first use, so the shell can paint before SQLAlchemy is imported.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station import paths
from station.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    import sqlite3

    from station.contributions import MigrationBranch
    from station.core.db import Database
    from station.core.roles import Actor, Permissions
    from station.core.schema import UpgradeReport
    from station.core.work import Work
    from station.plugins import PluginHost

log = logging.getLogger(__name__)

DB_FILE_NAME = "station.db"
LOG_MAX_BYTES = 2_000_000
LOG_KEEP = 5


def _rotate(log_file: Path) -> None:
    """Rotate at start-up (logging.handlers costs start-up time; a day's log is far below the limit)."""
    if not log_file.exists() or log_file.stat().st_size < LOG_MAX_BYTES:
        return
    for n in range(LOG_KEEP - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{n}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{n + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))


class StationContext:
    def __init__(self, data_dir: Path | str | None = None, *, host: PluginHost | None = None) -> None:
        self.data_dir = paths.data_dir(data_dir)
        self.settings = Settings.load(self.data_dir)
        self._host = host
        if host is not None:
            host.serve(self)
        self._db: Database | None = None
        self._lock = threading.RLock()
        self.upgrade_report: UpgradeReport | None = None

    # -- places ---------------------------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE_NAME

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def plugins_dir(self) -> Path:
        """Plugins added after installation (``station plugins add``): this station's, not the program's."""
        return self.data_dir / "plugins"

    def setup_logging(self, level: int = logging.INFO) -> None:
        """Log to ``logs/station.log`` (rotated). Errors carry details there; people see sentences."""
        try:
            self.logs_dir.mkdir(parents=True, exist_ok=True)
            log_file = self.logs_dir / "station.log"
            _rotate(log_file)
            handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8")
        except OSError:
            handler = logging.StreamHandler()  # a read-only data directory still gets its logs somewhere
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger()
        for old in [h for h in root.handlers if getattr(h, "station_handler", False)]:
            root.removeHandler(old)  # one process, one station log: the latest data directory's
            old.close()
        handler.station_handler = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(level)

    # -- plugins --------------------------------------------------------------------------------

    @property
    def host(self) -> PluginHost:
        if self._host is None:
            from station import plugin_wheels, plugins  # entry points and pluggy: not before the first paint

            plugin_wheels.activate(self.plugins_dir)
            self._host = plugins.load_host(disabled=self.settings.disabled_plugins)
            self._host.serve(self)
        return self._host

    def migration_branches(self) -> list[MigrationBranch]:
        from station.contributions import MigrationBranch

        return self.host.collect("register_migrations", MigrationBranch)

    @cached_property
    def permissions(self) -> Permissions:
        from station.contributions import Permission
        from station.core.roles import Permissions

        return Permissions(self.host.collect("register_permissions", Permission))

    # -- database -------------------------------------------------------------------------------

    def prepare(self) -> UpgradeReport:
        """Bring the schema up to date (with a backup first if it holds data). Once; thread-safe.

        When nothing is due this costs a few milliseconds of plain sqlite3 and imports neither Alembic
        nor SQLAlchemy, which is what lets the first screen show fast.
        """
        with self._lock:
            if self.upgrade_report is None:
                from station.core import schema

                self.data_dir.mkdir(parents=True, exist_ok=True)
                report = schema.upgrade(self.db_path, self.migration_branches(), self.backups_dir)
                self._ensure_capture()
                self.upgrade_report = report
            return self.upgrade_report

    def _ensure_capture(self) -> None:
        """Sync capture triggers for every table the plugins declare (a no-op when they are current)."""
        import sqlite3

        from station.contributions import SyncedTable
        from station.core.sync import bulk, capture

        conn = sqlite3.connect(self.db_path, timeout=30, isolation_level=None)
        try:
            capture.ensure(conn, self.host.collect("register_synced_tables", SyncedTable))
            if bulk.finish(conn):  # a first sync was killed while loading in bulk
                log.warning("indexes taken off for a bulk load were put back")
        finally:
            conn.close()

    def open(self) -> Database:
        """The SQLAlchemy database, prepared first. Safe to call repeatedly and from several threads."""
        with self._lock:
            if self._db is None:
                self.prepare()
                from station.core.db import Database

                self._db = Database(self.db_path)
            return self._db

    @contextmanager
    def raw(self) -> Iterator[sqlite3.Connection]:
        """A read-only plain sqlite3 connection (see ``rawdb``): for the reads the first screen needs."""
        from station.core import rawdb

        self.prepare()
        with rawdb.reading(self.db_path) as conn:
            yield conn

    @property
    def db(self) -> Database:
        return self.open()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.dispose()
                self._db = None
            self.upgrade_report = None

    @contextmanager
    def work(self, actor: Actor) -> Iterator[Work]:
        """One write transaction for ``actor``; events fire after it commits."""
        from station.core.db_errors import translated
        from station.core.work import Work

        session = self.db.write()
        work = Work(session, actor, self.host.fire, station_code=self.settings.station_code)
        try:
            with translated():
                yield work
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        work.fire_events()

    @contextmanager
    def read(self) -> Iterator[Any]:
        from station.core.db_errors import translated

        session = self.db.read()
        try:
            with translated():
                yield session
        finally:
            session.close()  # detaches what was loaded (still readable) and ends the read transaction

    # -- who ------------------------------------------------------------------------------------

    def cli_actor(self, username: str | None = None) -> Actor:
        """The actor behind a CLI call: ``--user NAME`` (an existing user) or the operating-system user.

        Whoever can run the CLI can already read and write the database file, so the system user acts
        with administrator rights; every action is still audited under their name.
        """
        from station.core.identity import User
        from station.errors import UserError

        if username:
            with self.read() as session:
                from sqlalchemy import select

                user = session.scalar(select(User).where(User.username == username))
            if user is None or not user.active:
                raise UserError(f"用户“{username}”不存在或已停用，请用 station users list 查看现有用户。")
            return self.permissions.actor(user.username, user.role, user.display_name)
        import getpass

        try:
            system_user = getpass.getuser()
        except Exception:
            system_user = "unknown"
        return self.permissions.actor(f"system:{system_user}", "admin", f"系统用户 {system_user}")
