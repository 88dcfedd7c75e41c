"""Backups of the station database through SQLite's online backup API: safe while the app is running."""

from __future__ import annotations

import datetime as dt
import sqlite3
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
