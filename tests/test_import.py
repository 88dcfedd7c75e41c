from __future__ import annotations

import csv
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import STATION, enterprise_values, valid_code
from station.core import enterprise_import, enterprises
from station.core.context import StationContext
from station.errors import UserError

HEADER = enterprise_import.TEMPLATE_HEADER


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def row(seed: int, **overrides: str) -> list[str]:
    values = enterprise_values(seed, **overrides)
    return [values[f] for f in enterprises.EDITABLE]


def count(ctx: StationContext) -> int:
    with ctx.read() as session:
        return enterprises.count(session)


def test_good_rows_land_bad_rows_are_reported(ctx, admin, tmp_path) -> None:
    rows = [row(1), row(2, uscc="91430211MA4PXE5Q8Y"), row(3), row(4, registered_capital="很多"), row(3, name="重复")]
    path = write_csv(tmp_path / "park.csv", rows)
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.total, report.created, report.updated) == (5, 2, 0)
    assert [(b.row, b.reason[:6]) for b in report.bad] == [(3, "统一社会信用"), (5, "注册资本应为"), (6, "与第 4 行")]
    assert count(ctx) == 2


def test_reimport_updates_instead_of_duplicating(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "a.csv", [row(1), row(2)])
    with ctx.work(admin) as work:
        enterprise_import.import_file(work, path)
    path = write_csv(tmp_path / "a.csv", [row(1, employees="99"), row(2), row(5)])
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.created, report.updated, report.unchanged) == (1, 1, 1)
    assert count(ctx) == 3
    with ctx.read() as session:
        assert enterprises.by_uscc(session, valid_code(1)).employees == 99


def test_gbk_csv_from_chinese_excel(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "gbk.csv", [row(1)], encoding="gb18030")
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert report.created == 1
    with ctx.read() as session:
        assert enterprises.by_uscc(session, valid_code(1)).name == "株洲测试1号科技有限公司"


def test_xlsx_with_typed_cells(ctx, admin, tmp_path) -> None:
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "统一社会信用代码", "注册资本（万元）", "成立日期", "从业人数", "法定代表人"])
    sheet.append(["玉门测试能源有限公司", valid_code(8), 1200.5, dt.datetime(2019, 3, 1), 120, "马六"])
    sheet.append(["空代码公司", None, 10, None, None, None])
    path = tmp_path / "park.xlsx"
    book.save(path)
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert report.created == 1 and [b.row for b in report.bad] == [3]
    with ctx.read() as session:
        stored = enterprises.by_uscc(session, valid_code(8))
    assert stored.registered_capital_fen == 1_200_500_000 and stored.founded_on == dt.date(2019, 3, 1)
    assert stored.employees == 120


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("empty.csv", b"", "空文件"),
        ("nohead.csv", "名称,地址\n某公司,某地\n".encode(), "缺少"),
        ("fake.xlsx", b"this is not a zip", "不是有效的 XLSX"),
        ("old.xls", b"\xd0\xcf\x11\xe0", ".xls"),
        ("data.pdf", b"%PDF-1.4", "不支持"),
        ("binary.csv", b"\x00\x01\x02\xff\xfe" * 50, "CSV"),
    ],
)
def test_malformed_files_get_a_clear_message_and_change_nothing(ctx, admin, tmp_path, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as caught, ctx.work(admin) as work:
        enterprise_import.import_file(work, path)
    assert fragment in caught.value.message
    assert count(ctx) == 0


def test_failure_midway_rolls_back_everything(ctx, admin, tmp_path, monkeypatch) -> None:
    from station.core.registry_writer import RegistryWriter

    monkeypatch.setattr(enterprise_import, "CHUNK_ROWS", 10)
    path = write_csv(tmp_path / "a.csv", [row(i) for i in range(1, 30)])
    real = RegistryWriter.write
    written: list[int] = []

    def explode(self, rows):
        real(self, rows)
        written.append(len(rows))
        if len(written) == 2:  # two chunks in, with the indexes off for the bulk load
            raise RuntimeError("power cut")

    monkeypatch.setattr(RegistryWriter, "write", explode)
    schema = "SELECT type, name FROM sqlite_master WHERE tbl_name = 'enterprise' ORDER BY name"
    with ctx.raw() as conn:
        before = conn.execute(schema).fetchall()
    with pytest.raises(RuntimeError), ctx.work(admin) as work:
        enterprise_import.import_file(work, path)
    assert count(ctx) == 0
    with ctx.raw() as conn:  # the bulk load's taking off of indexes rolled back with the rows
        assert conn.execute("SELECT count(*) FROM station_meta WHERE key = 'sync.bulk'").fetchone()[0] == 0
        assert conn.execute(schema).fetchall() == before


def test_full_disk_leaves_database_as_it_was(ctx, admin, tmp_path) -> None:
    with ctx.work(admin) as work:
        enterprises.create(work, enterprise_values(1))
    path = write_csv(tmp_path / "big.csv", [row(i) for i in range(2, 3000)])
    with ctx.db.engine.connect() as conn:  # the pool reuses this connection: its page limit plays the full disk
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    ctx.db.engine.pool.dispose()
    from sqlalchemy import event

    def limit(dbapi_conn, _record):
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 5}")

    event.listen(ctx.db.engine, "connect", limit)
    with pytest.raises(UserError, match="磁盘空间已满"), ctx.work(admin) as work:
        enterprise_import.import_file(work, path)
    event.remove(ctx.db.engine, "connect", limit)
    ctx.db.engine.pool.dispose()
    assert count(ctx) == 1


def test_read_only_database_says_so(ctx, admin, tmp_path) -> None:
    from station.core.db import Database

    ctx.close()
    ro = StationContext(ctx.data_dir)
    ro._db = Database(ro.db_path, read_only=True)
    path = write_csv(tmp_path / "a.csv", [row(1)])
    with pytest.raises(UserError, match="只读"), ro.work(admin) as work:
        enterprise_import.import_file(work, path)
    ro.close()


@pytest.mark.slow
def test_killed_import_leaves_the_database_consistent(tmp_path) -> None:
    from station.core import demo

    data = tmp_path / "data"
    subprocess.run([*STATION, "--data-dir", str(data), "enterprise", "list"], check=True, capture_output=True)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["统一社会信用代码", "企业名称", "法定代表人", "所在园区"])
        for values in demo.enterprise_rows(30_000, seed=3):
            writer.writerow([values["uscc"], values["name"], values["legal_rep"], values["zone"]])
    proc = subprocess.Popen(
        [*STATION, "--data-dir", str(data), "enterprise", "import", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until it holds the write lock, i.e. is writing
        probe = sqlite3.connect(data / "station.db", timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
        except sqlite3.OperationalError:
            break
        finally:
            probe.close()
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(data / "station.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'enterprise.import'").fetchone()[0] == 0
    conn.close()
    result = subprocess.run(
        [*STATION, "--data-dir", str(data), "enterprise", "import", str(big)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "新增 30000 家" in result.stdout
    assert subprocess.run([*STATION, "--data-dir", str(data), "audit", "verify"]).returncode == 0


def test_template_round_trips(ctx, admin, tmp_path) -> None:
    path = enterprise_import.write_template(tmp_path / "t.csv")
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert report.created == 1 and not report.bad


def test_python_version_is_supported() -> None:
    assert sys.version_info >= (3, 11)


def test_bad_rows_can_be_saved_for_fixing(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "a.csv", [row(1), row(2, employees="很多")])
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    out = enterprise_import.write_bad_rows(report, tmp_path / "bad.csv")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "行号,统一社会信用代码,问题" and lines[1].startswith(f"3,{valid_code(2)},从业人数")
