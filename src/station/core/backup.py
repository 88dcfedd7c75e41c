"""Backups of the station database through SQLite's online backup API: safe while the app is running."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from station.errors import UserError

KEEP_AUTOMATIC = 10


def backup(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` page by page; the copy is a consistent snapshot."""
    if not source.exists():
        raise UserError(f"找不到数据库文件 {source}，没有可备份的数据。")
    target = target.expanduser()
    if target.is_dir():
        target = target / default_name(source, "manual")
    if target.resolve() == source.resolve():
        raise UserError("备份文件不能与数据库文件相同，请换一个位置。")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=1024)
                check = dst.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise UserError(f"备份文件校验未通过（{check}），请换一个位置重试。")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(target)  # a half-written backup never carries the final name
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"备份失败：{exc}。请检查目标位置是否可写、磁盘空间是否足够。") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError(f"备份失败：无法写入 {target}（{exc.strerror}）。请换一个位置或清理磁盘空间。") from exc
    return target


def default_name(source: Path, reason: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{source.stem}-{stamp}-{reason}.db"


def automatic(source: Path, backups_dir: Path, reason: str) -> Path:
    """A backup taken by the station itself (before a migration); keeps the newest few."""
    made = backup(source, backups_dir / default_name(source, reason))
    old = sorted(backups_dir.glob(f"{source.stem}-*-{reason}.db"))[:-KEEP_AUTOMATIC]
    for path in old:
        path.unlink(missing_ok=True)
    return made


DAILY_KEEP = 14
DAY_SECONDS = 24 * 3600


def daily(source: Path, backups_dir: Path) -> Path | None:
    """One automatic backup a day (kept for two weeks); None when today's already exists."""
    import time

    newest = max((p.stat().st_mtime for p in backups_dir.glob(f"{source.stem}-*-daily.db")), default=0.0)
    if time.time() - newest < DAY_SECONDS or not source.exists():
        return None
    made = backup(source, backups_dir / default_name(source, "daily"))
    for path in sorted(backups_dir.glob(f"{source.stem}-*-daily.db"))[:-DAILY_KEEP]:
        path.unlink(missing_ok=True)
    return made


def restore(backup_file: Path, target: Path, backups_dir: Path, prepare: Callable[[Path], object]) -> Path:
    """Put ``backup_file`` back as the station database; returns the backup taken of what it replaces.

    The candidate is checked and brought to the current schema on a scratch copy first (``prepare``
    refuses a database from a newer version), the current database is backed up, and only then is the
    copy written into the live file through SQLite's backup API — safe while the application runs, whose
    connections see the restored data on their next read.
    """
    import shutil
    import tempfile

    backup_file = backup_file.expanduser()
    if not backup_file.is_file():
        raise UserError(f"找不到备份文件 {backup_file}，请检查路径。")
    if backup_file.resolve() == target.resolve():
        raise UserError("要恢复的文件就是当前数据库，无需恢复。")
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        candidate = Path(scratch) / target.name
        shutil.copyfile(backup_file, candidate)
        try:
            conn = sqlite3.connect(candidate)
            try:
                check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            raise UserError(f"{backup_file.name} 不是有效的数据库备份（{exc}），没有做任何改动。") from exc
        if check != "ok":
            raise UserError(f"{backup_file.name} 已损坏（{check}），没有做任何改动。请换一个备份。")
        _same_station(candidate, target)
        prepare(candidate)
        saved = automatic(target, backups_dir, "before-restore")
        src = sqlite3.connect(candidate)
        dst = sqlite3.connect(target, timeout=30)
        try:
            src.backup(dst)
        except sqlite3.Error as exc:
            raise UserError(f"恢复失败：{exc}。当前数据库保持原样，恢复前的备份在 {saved}。") from exc
        finally:
            dst.close()
            src.close()
    return saved


STATION_KEY = "station.code"  # station_meta: the hall's code of the station this database belongs to


def station_of(db: Path) -> str | None:
    """The station a database belongs to (set when the station enrols), or None."""
    if not db.exists():
        return None
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM station_meta WHERE key = ?", (STATION_KEY,)).fetchone()
    except sqlite3.Error:  # a database from before station_meta, or not ours at all: checked elsewhere
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _same_station(candidate: Path, target: Path) -> None:
    """A backup of another station restored here would push that station's work as this one's and take
    its place at the hall: refused."""
    theirs, ours = station_of(candidate), station_of(target)
    if theirs and ours and theirs != ours:
        raise UserError(
            f"这是服务站 {theirs} 的数据库备份，不是本站（{ours}）的，没有恢复。请选择本站的备份；"
            "如需把那台服务站的数据迁到这里，请联系服务大厅。"
        )
