"""Bringing the database schema up to date: ``upgrade heads`` over the core's and every plugin's branch.

Alembic costs 0.7 s to import, so start-up first compares a fingerprint of all migration scripts with
the one stored after the last upgrade (plain sqlite3, a few milliseconds) and only loads Alembic when
they differ. Before any migration of a database that holds data, the file is backed up.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from station.contributions import MigrationBranch
from station.core import backup as backups
from station.errors import DatabaseTooNew, UserError

log = logging.getLogger(__name__)

CORE_BRANCH = MigrationBranch("core", Path(__file__).resolve().parent / "migrations" / "versions", "core")
SCRIPT_LOCATION = Path(__file__).resolve().parent / "migrations"
FINGERPRINT_KEY = "schema.fingerprint"
REVISIONS_KEY = "schema.revisions"  # JSON {revision: branch label} of every revision ever applied


@dataclass
class UpgradeReport:
    upgraded: bool
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    backup: Path | None = None


def all_branches(plugin_branches: Sequence[MigrationBranch]) -> list[MigrationBranch]:
    return [CORE_BRANCH, *sorted(plugin_branches, key=lambda b: b.label)]


def fingerprint(branches: Sequence[MigrationBranch]) -> str:
    digest = hashlib.sha256()
    for branch in branches:
        for script in sorted(Path(branch.directory).glob("*.py")):
            if script.name == "__init__.py":
                continue
            digest.update(f"{branch.label}/{script.name}\0".encode())
            digest.update(script.read_bytes())
    return digest.hexdigest()


def _meta(db_path: Path, key: str) -> str | None:
    """A ``station_meta`` value read with plain sqlite3; None if the file or the row is not there."""
    if not db_path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM station_meta WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def stored_fingerprint(db_path: Path) -> str | None:
    return _meta(db_path, FINGERPRINT_KEY)


def is_current(db_path: Path, branches: Sequence[MigrationBranch]) -> bool:
    return stored_fingerprint(db_path) == fingerprint(branches)


def _current_revisions(db_path: Path) -> list[str]:
    if not db_path.exists():
        return []
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                if tables:
                    raise UserError(f"{db_path} 不是本系统的数据库文件，请选择正确的数据目录。")
                return []
            return sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(f"数据库文件 {db_path} 已损坏或不是数据库（{exc}）。请从备份恢复。") from exc


def _label(rev) -> str:  # alembic.script.Script
    labels = sorted(rev.branch_labels) if rev.branch_labels else []
    if labels:
        return labels[0]
    return Path(rev.path).parent.parent.name if rev.path else "?"


def _stored_labels(db_path: Path) -> dict[str, str]:
    value = _meta(db_path, REVISIONS_KEY)
    return json.loads(value) if value else {}


def _check_unknown(db_path: Path, unknown: list[str], heads: list[str], active: set[str]) -> None:
    """Revisions we have no script for: a disabled plugin's (fine), or a newer program's (refuse)."""
    stored = _stored_labels(db_path)
    if any(rev not in stored or stored[rev] in active for rev in unknown):
        raise DatabaseTooNew(
            "这个数据库由更新版本的程序创建，当前程序不能打开它，以免损坏数据。请安装新版本的程序后再打开。",
            detail=f"unknown revisions: {unknown}",
        )
    missing_plugins = sorted({stored[rev] for rev in unknown})
    # alembic_version holds only the tips (a plugin head that depends on core hides core's revision),
    # so ask the record of applied revisions whether every head we know is already in.
    if any(head not in stored for head in heads):
        names = "、".join(missing_plugins)
        raise UserError(
            f"数据库需要升级，但插件“{names}”未启用，无法一并升级。请先在设置中启用该插件后重新启动。",
            detail=f"unknown revisions {unknown}; heads {heads}",
        )
    log.warning("database holds tables of inactive plugins %s; leaving them untouched", missing_plugins)


def _alembic_config(branches: Sequence[MigrationBranch]):  # -> alembic.config.Config
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCRIPT_LOCATION))
    cfg.set_main_option("path_separator", "os")
    import os

    cfg.set_main_option("version_locations", os.pathsep.join(str(b.directory) for b in branches))
    return cfg


def _finish_bulk_load(db_path: Path) -> None:
    """A first sync killed while loading in bulk left indexes and triggers off (``station.core.sync.bulk``):
    they go back before the migrations, which expect the schema they were written for."""
    import sqlite3

    from station.core.sync import bulk

    conn = sqlite3.connect(db_path, timeout=30, isolation_level=None)
    try:
        if bulk.finish(conn):
            log.warning("indexes taken off for a bulk load were put back before upgrading")
    finally:
        conn.close()


def upgrade(db_path: Path, plugin_branches: Sequence[MigrationBranch], backups_dir: Path) -> UpgradeReport:
    """Run ``upgrade heads``. Refuses a database written by a newer version of the station."""
    branches = all_branches(plugin_branches)
    wanted = fingerprint(branches)
    before = _current_revisions(db_path)
    if before and stored_fingerprint(db_path) == wanted:
        return UpgradeReport(upgraded=False, before=before, after=before)

    from alembic import command
    from alembic.script import ScriptDirectory

    from station.core.db import make_engine

    cfg = _alembic_config(branches)
    script = ScriptDirectory.from_config(cfg)
    labels = {rev.revision: _label(rev) for rev in script.walk_revisions()}
    heads = sorted(script.get_heads())
    unknown = [rev for rev in before if rev not in labels]
    if unknown:
        _check_unknown(db_path, unknown, heads, set(labels.values()))
        return UpgradeReport(upgraded=False, before=before, after=before)
    made_backup = None
    if before and sorted(before) != heads:
        made_backup = backups.automatic(db_path, backups_dir, "before-upgrade")
        log.info("backed up %s to %s before migrating %s -> %s", db_path, made_backup, before, heads)

    if before:
        _finish_bulk_load(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(db_path)
    try:
        with engine.execution_options(station_write=True).begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "heads")
            applied = {**_stored_labels(db_path), **labels}
            for key, value in ((FINGERPRINT_KEY, wanted), (REVISIONS_KEY, json.dumps(applied, sort_keys=True))):
                conn.exec_driver_sql(
                    "INSERT INTO station_meta(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )
    finally:
        engine.dispose()
    after = _current_revisions(db_path)
    return UpgradeReport(upgraded=sorted(before) != sorted(after), before=before, after=after, backup=made_backup)
