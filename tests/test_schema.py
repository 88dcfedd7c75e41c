from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from station.contributions import MigrationBranch
from station.core import schema
from station.core.context import StationContext
from station.errors import DatabaseTooNew, UserError

TINY = Path(__file__).parent / "fixtures" / "tiny_plugin" / "station_tiny" / "versions"


@pytest.fixture(autouse=True)
def builtin_plugins_only(monkeypatch) -> None:
    """These tests are about the core's branch and the tiny plugin's: business plugins installed in the
    environment would add branches of their own, which the upgrades below would see as switched off."""
    monkeypatch.setenv("STATION_PLUGINS", "registry,people,sync")


def tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    finally:
        conn.close()


def test_fresh_database_gets_every_table_with_wal_and_foreign_keys(ctx) -> None:
    assert {
        "enterprise",
        "enterprise_fts",
        "audit_log",
        "station_user",
        "station_meta",
        "audit_log_no_update",
        "enterprise_fts_ai",
    } <= tables(ctx.db_path)
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert ctx.upgrade_report.upgraded and ctx.upgrade_report.backup is None  # nothing to back up yet


def test_models_match_migrations(tmp_path, monkeypatch) -> None:
    """The core's models and every installed plugin's models match what their migrations build."""
    import importlib

    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from station.core import audit, enterprises, identity, meta, notices  # noqa: F401 - registers the models
    from station.core.db import Base

    monkeypatch.delenv("STATION_PLUGINS")  # every plugin here, with its branch and its models
    ctx = StationContext(tmp_path / "all")
    for info in ctx.host.plugins.values():
        package = importlib.import_module(info.module)
        if info.active and hasattr(package, "__path__") and importlib.util.find_spec(f"{info.module}.models"):
            importlib.import_module(f"{info.module}.models")
    with ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ctx.close()
    # The full-text index and the sync bookkeeping are plain SQL (triggers and raw sqlite3), not models.
    unmodelled = ("enterprise_fts", "sync_")

    def table_of(entry) -> str:  # type: ignore[no-untyped-def]
        obj = entry[1]
        return (
            getattr(obj, "name", "") if entry[0] == "remove_table" else getattr(getattr(obj, "table", None), "name", "")
        )

    diff = [d for d in diff if not (isinstance(d, tuple) and table_of(d).startswith(unmodelled))]
    assert diff == []


def test_second_start_skips_alembic(ctx) -> None:
    ctx.close()
    assert schema.is_current(ctx.db_path, schema.all_branches([]))
    report = schema.upgrade(ctx.db_path, [], ctx.backups_dir)
    assert not report.upgraded and report.before == ["core_0008"]


def test_new_plugin_branch_migrates_after_a_backup(ctx, admin) -> None:
    from helpers import enterprise_values
    from station.core import enterprises

    with ctx.work(admin) as work:
        enterprises.create(work, enterprise_values(1))
    ctx.close()
    report = schema.upgrade(ctx.db_path, [MigrationBranch("tiny", TINY)], ctx.backups_dir)
    assert report.upgraded and "tiny_0001" in report.after
    assert report.backup is not None and report.backup.exists()
    conn = sqlite3.connect(report.backup)
    assert conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 1
    assert "tiny_note" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "tiny_note" in tables(ctx.db_path)


def test_disabled_plugin_keeps_its_tables_and_the_station_opens(ctx) -> None:
    ctx.close()
    schema.upgrade(ctx.db_path, [MigrationBranch("tiny", TINY)], ctx.backups_dir)
    report = schema.upgrade(ctx.db_path, [], ctx.backups_dir)  # the plugin is switched off
    assert not report.upgraded and "tiny_note" in tables(ctx.db_path)


def test_database_from_a_newer_version_is_refused_untouched(ctx) -> None:
    ctx.close()
    conn = sqlite3.connect(ctx.db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'core_9999' WHERE version_num LIKE 'core\\_%' ESCAPE '\\'")
    conn.execute("UPDATE station_meta SET value = 'newer scripts' WHERE key = 'schema.fingerprint'")
    conn.commit()
    conn.close()
    before = ctx.db_path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        StationContext(ctx.data_dir).open()
    assert ctx.db_path.read_bytes() == before


def test_a_foreign_file_is_not_mistaken_for_a_station_database(tmp_path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "station.db").write_bytes(b"hello, this is not sqlite" * 100)
    with pytest.raises(UserError, match="损坏或不是数据库"):
        StationContext(data).open()


def test_failed_migration_leaves_no_half_schema(tmp_path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "broken_0001.py").write_text(
        'import sqlalchemy as sa\nfrom alembic import op\nrevision = "broken_0001"\ndown_revision = None\n'
        'branch_labels = ("broken",)\ndepends_on = "core_0001"\n'
        "def upgrade():\n    op.create_table('half', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    raise RuntimeError('power cut')\n"
        "def downgrade():\n    pass\n"
    )
    db = tmp_path / "station.db"
    with pytest.raises(RuntimeError):
        schema.upgrade(db, [MigrationBranch("broken", broken)], tmp_path / "backups")
    assert "half" not in tables(db) and "enterprise" not in tables(db)  # one transaction: nothing landed
    report = schema.upgrade(db, [], tmp_path / "backups")
    assert report.after == ["core_0008"]


def test_backup_while_writing(ctx, admin, tmp_path) -> None:
    import threading

    from helpers import enterprise_values
    from station.core import backup, enterprises

    stop = threading.Event()

    def writer() -> None:
        seed = 100
        while not stop.is_set():
            with ctx.work(admin) as work:
                enterprises.create(work, enterprise_values(seed))
            seed += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        made = [backup.backup(ctx.db_path, tmp_path / f"copy{i}.db") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for path in made:
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()


def test_newer_revision_of_an_active_plugin_is_refused(ctx) -> None:
    import json

    ctx.close()
    schema.upgrade(ctx.db_path, [MigrationBranch("tiny", TINY)], ctx.backups_dir)
    conn = sqlite3.connect(ctx.db_path)
    stored = json.loads(conn.execute("SELECT value FROM station_meta WHERE key = 'schema.revisions'").fetchone()[0])
    stored["tiny_0002"] = "tiny"  # what a newer release of the plugin would have written
    conn.execute("UPDATE station_meta SET value = ? WHERE key = 'schema.revisions'", (json.dumps(stored),))
    conn.execute("UPDATE alembic_version SET version_num = 'tiny_0002' WHERE version_num = 'tiny_0001'")
    conn.execute("UPDATE station_meta SET value = 'newer' WHERE key = 'schema.fingerprint'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew):
        schema.upgrade(ctx.db_path, [MigrationBranch("tiny", TINY)], ctx.backups_dir)
    assert not schema.upgrade(ctx.db_path, [], ctx.backups_dir).upgraded  # with the plugin off it opens
