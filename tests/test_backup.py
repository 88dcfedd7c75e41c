from __future__ import annotations

import os
import sqlite3
import time

import pytest

from helpers import STATION, enterprise_values
from station.core import backup, enterprises, schema
from station.errors import DatabaseTooNew, UserError


def count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
    finally:
        conn.close()


def prepare_for(ctx):
    return lambda candidate: schema.upgrade(candidate, ctx.migration_branches(), ctx.backups_dir)


def test_restore_puts_a_backup_back_and_keeps_what_it_replaced(ctx, admin, tmp_path) -> None:
    with ctx.work(admin) as work:
        for seed in range(1, 4):
            enterprises.create(work, enterprise_values(seed))
    saved_copy = backup.backup(ctx.db_path, tmp_path / "monday.db")
    with ctx.work(admin) as work:
        enterprises.create(work, enterprise_values(9))
    replaced = backup.restore(saved_copy, ctx.db_path, ctx.backups_dir, prepare_for(ctx))
    assert count(ctx.db_path) == 3 and count(replaced) == 4
    with ctx.read() as session:  # the open application sees the restored data
        assert enterprises.count(session) == 3


def test_restore_refuses_garbage_and_newer_versions_untouched(ctx, admin, tmp_path) -> None:
    with ctx.work(admin) as work:
        enterprises.create(work, enterprise_values(1))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 200)
    with pytest.raises(UserError, match="不是有效的数据库备份"):
        backup.restore(garbage, ctx.db_path, ctx.backups_dir, prepare_for(ctx))
    newer = backup.backup(ctx.db_path, tmp_path / "newer.db")
    conn = sqlite3.connect(newer)
    # one tip made unknown (plugins installed in the environment add tips of their own)
    conn.execute(
        "UPDATE alembic_version SET version_num = 'core_9999' WHERE rowid = (SELECT min(rowid) FROM alembic_version)"
    )
    conn.execute("UPDATE station_meta SET value = 'newer' WHERE key = 'schema.fingerprint'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew):
        backup.restore(newer, ctx.db_path, ctx.backups_dir, prepare_for(ctx))
    assert count(ctx.db_path) == 1
    assert not list(ctx.backups_dir.glob("*before-restore*"))  # refused before touching anything


def test_daily_backup_once_a_day_keeping_two_weeks(ctx, admin) -> None:
    first = backup.daily(ctx.db_path, ctx.backups_dir)
    assert first is not None and backup.daily(ctx.db_path, ctx.backups_dir) is None
    day = 24 * 3600
    for n in range(20):  # pretend earlier days' backups exist
        old = ctx.backups_dir / f"station-2026010{n % 10}-{n:06d}-daily.db"
        old.write_bytes(first.read_bytes())
        os.utime(old, (time.time() - (n + 2) * day, time.time() - (n + 2) * day))
    os.utime(first, (time.time() - 2 * day, time.time() - 2 * day))
    assert backup.daily(ctx.db_path, ctx.backups_dir) is not None
    assert len(list(ctx.backups_dir.glob("*-daily.db"))) == backup.DAILY_KEEP


def test_cli_restore_needs_an_administrator(tmp_path) -> None:
    import subprocess

    data = tmp_path / "data"
    subprocess.run([*STATION, "--data-dir", str(data), "demo", "--no-gui"], check=True, capture_output=True)
    copy = tmp_path / "copy.db"
    subprocess.run([*STATION, "--data-dir", str(data), "db", "backup", str(copy)], check=True, capture_output=True)
    denied = subprocess.run(
        [*STATION, "--data-dir", str(data), "--user", "clerk", "db", "restore", str(copy)],
        capture_output=True,
        text=True,
    )
    assert denied.returncode == 3 and "恢复数据库" in denied.stderr
    done = subprocess.run(
        [*STATION, "--data-dir", str(data), "db", "restore", str(copy)], capture_output=True, text=True
    )
    assert done.returncode == 0 and "已从" in done.stdout
    verify = subprocess.run([*STATION, "--data-dir", str(data), "audit", "verify"], capture_output=True, text=True)
    assert verify.returncode == 0
