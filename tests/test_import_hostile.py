"""Importing as an adversary: hostile cells, files that lie about their size, re-imports, flat memory."""

from __future__ import annotations

import csv
import hashlib
import re
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from helpers import STATION, enterprise_values, valid_code
from station.core import enterprise_fields, enterprise_import, enterprises
from station.errors import ValidationError

HEADER = enterprise_import.TEMPLATE_HEADER


def row(seed: int, **overrides: str) -> list[str]:
    values = enterprise_values(seed, **overrides)
    return [values[f] for f in enterprises.EDITABLE]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


HOSTILE = [
    ("employees", "²", "从业人数"),
    ("employees", "٣٥", "从业人数"),
    ("employees", "99999999999999999999", "从业人数过大"),
    ("employees", "9" * 5000, "从业人数过大"),  # past int()'s 4,300-digit limit
    ("employees", "-5", "从业人数"),
    ("employees", "NaN", "从业人数"),
    ("employees", "=1+2", "从业人数"),
    ("registered_capital", "NaN", "注册资本应为数字"),
    ("registered_capital", "nan", "注册资本应为数字"),
    ("registered_capital", "NAN", "注册资本应为数字"),
    ("registered_capital", "sNaN", "注册资本应为数字"),
    ("registered_capital", "-Infinity", "注册资本应为数字"),
    ("registered_capital", "-5", "注册资本不能为负数"),
    ("registered_capital", "1e999999999", "注册资本数额过大"),
    ("registered_capital", "99999999999999999999", "注册资本数额过大"),
    ("registered_capital", "1e-999999999", "注册资本最多精确到分"),
    ("registered_capital", "²", "注册资本应为数字"),
    ("registered_capital", "=A1*2", "注册资本应为数字"),
    ("founded_on", "2023-02-30", "成立日期不存在"),
    ("name", '=HYPERLINK("http://evil.example","点我")', "企业名称不能以 = + - @ 开头"),
    ("name", "+株洲公司", "企业名称不能以"),
    ("name", "@SUM(1)", "企业名称不能以"),
    ("legal_rep", "-2+3+cmd|' /C calc'!A0", "法定代表人不能以"),
    ("address", "=1+1", "地址不能以"),
    ("name", "株洲\x1b[31m公司", "企业名称含有无法识别的控制字符"),
    ("contact_person", "李\x07四", "联系人含有无法识别的控制字符"),
]


@pytest.mark.parametrize(("field", "value", "reason"), HOSTILE, ids=[f"{f}={v[:12]!r}" for f, v, _ in HOSTILE])
def test_a_hostile_cell_is_a_reason_on_its_row_and_the_good_rows_go_in(ctx, admin, tmp_path, field, value, reason):
    path = write_csv(tmp_path / "park.csv", [row(1), row(2, **{field: value}), row(3)])
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.created, report.bad_count) == (2, 1)
    assert report.bad[0].row == 3 and reason in report.bad[0].reason
    out = enterprise_import.write_bad_rows(report, tmp_path / "bad.csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        (written,) = list(csv.reader(fh))[1:]
    assert not written[2].startswith(("=", "+", "-", "@"))


def test_tabs_and_line_breaks_in_a_cell_read_as_spaces(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "park.csv", [row(1, address="株洲市天元区\r\n栗雨路\t88号")])
    with ctx.work(admin) as work:
        assert enterprise_import.import_file(work, path).created == 1
    with ctx.read() as session:
        assert enterprises.by_uscc(session, valid_code(1)).address == "株洲市天元区 栗雨路 88号"


@pytest.mark.parametrize("field", ["name", "uscc", "legal_rep", "address"])
def test_a_lone_surrogate_is_refused_by_the_registry_not_a_crash(ctx, admin, field) -> None:
    values = enterprise_values(1, **{field: "株洲\ud800公司"})
    with pytest.raises(ValidationError) as caught:
        enterprise_fields.clean(values)
    assert "无法识别" in caught.value.message and "\ud800" not in caught.value.message
    with pytest.raises(ValidationError), ctx.work(admin) as work:
        enterprises.create(work, values)


def test_typed_xlsx_cells_that_are_not_numbers(ctx, admin, tmp_path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["企业名称", "统一社会信用代码", "注册资本（万元）", "从业人数"])
    sheet.append(["株洲甲公司", valid_code(1), True, 35])
    sheet.append(["株洲乙公司", valid_code(2), float("nan"), 1e30])
    sheet.append(["株洲丙公司", valid_code(3), "=B2*2", "=SUM(1,2)"])
    sheet.append(["株洲丁公司", valid_code(4), 12.5, 40.0])
    book.save(tmp_path / "typed.xlsx")
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, tmp_path / "typed.xlsx")
    assert report.created == 1 and [b.row for b in report.bad] == [2, 3, 4]
    assert "注册资本" in report.bad[0].reason and "从业人数过大" in report.bad[1].reason
    assert "注册资本" in report.bad[2].reason and "从业人数" in report.bad[2].reason  # formulas are refused


def _xlsx(path: Path, rows: list[list[object]], far_cell: bool = False, dimension: str | None = None) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for values in rows:
        sheet.append(values)
    if far_cell:
        sheet["XFD1048576"] = "尾"
    book.save(path)
    if dimension:  # rewrite the sheet's claim of its size, as a hand-made or broken file has it
        original = path.read_bytes()
        with zipfile.ZipFile(path.with_suffix(".orig"), "w") as out, zipfile.ZipFile(path) as src:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data = re.sub(rb'<dimension ref="[A-Z0-9:]+"', f'<dimension ref="{dimension}"'.encode(), data)
                    assert data != src.read(item.filename)
                out.writestr(item, data)
        path.write_bytes(path.with_suffix(".orig").read_bytes())
        assert path.read_bytes() != original
    return path


def test_a_tiny_xlsx_with_one_far_cell_imports_in_well_under_a_second(ctx, admin, tmp_path) -> None:
    path = _xlsx(tmp_path / "far.xlsx", [row(1), row(2)], far_cell=True)
    assert path.stat().st_size < 8 * 1024
    started = time.perf_counter()
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    elapsed = time.perf_counter() - started
    assert (report.total, report.created, report.bad_count) == (2, 2, 0)
    assert elapsed < 1.0, f"{elapsed:.2f} s"


def test_a_tiny_xlsx_claiming_a_million_rows_is_read_for_what_it_holds(ctx, admin, tmp_path) -> None:
    path = _xlsx(tmp_path / "claims.xlsx", [row(1), row(2)], dimension="A1:XFD1048576")
    started = time.perf_counter()
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.total, report.created) == (2, 2) and time.perf_counter() - started < 1.0


def _fingerprint(db: Path) -> str:
    digest = hashlib.sha256()
    for part in (db, db.with_name(db.name + "-wal")):
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def test_reimporting_the_same_file_writes_nothing(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "park.csv", [row(i) for i in range(1, 40)])
    with ctx.work(admin) as work:
        enterprise_import.import_file(work, path)
    ctx.db.dispose()  # nothing of ours holds the file while it is compared
    before = _fingerprint(ctx.db_path)
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 39)
    ctx.db.dispose()
    assert _fingerprint(ctx.db_path) == before  # no row, no outbox entry, no audit entry: not a byte


def test_a_file_of_only_bad_rows_writes_nothing_into_an_empty_registry(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "bad.csv", [row(i, employees="很多") for i in range(1, 10)])
    with ctx.raw():
        pass  # the schema is made before the comparison
    ctx.db.dispose()
    before = _fingerprint(ctx.db_path)
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.created, report.bad_count) == (0, 9)
    ctx.db.dispose()
    assert _fingerprint(ctx.db_path) == before  # not even the bulk load's taking off and putting back


def test_reimport_with_one_change_writes_one_update_and_its_outbox_entry(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "park.csv", [row(i) for i in range(1, 40)])
    with ctx.work(admin) as work:
        enterprise_import.import_file(work, path)
    with ctx.raw() as conn:
        outbox = conn.execute("SELECT count(*) FROM sync_outbox WHERE table_name = 'enterprise'").fetchone()[0]
        audits = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    assert outbox == 39  # imported rows reach the outbox through the capture triggers, bulk load or not
    path = write_csv(tmp_path / "park.csv", [row(i) for i in range(1, 39)] + [row(39, legal_rep="王五")])
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.updated, report.unchanged) == (1, 38)
    with ctx.raw() as conn:
        changed = conn.execute(
            "SELECT changed FROM sync_outbox WHERE table_name = 'enterprise' ORDER BY seq DESC LIMIT 1"
        ).fetchone()[0]
        assert conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == outbox + 1
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audits + 2  # the update, the import
    assert changed.split(",")[0] == "legal_rep"


def test_a_bulk_loaded_registry_searches_as_one_built_row_by_row(ctx, admin, tmp_path) -> None:
    path = write_csv(tmp_path / "park.csv", [row(i) for i in range(1, 60)])
    with ctx.work(admin) as work:
        enterprise_import.import_file(work, path)
    with ctx.read() as session:
        assert enterprises.search_ids(session, "测试17号") == [enterprises.by_uscc(session, valid_code(17)).id]
    with ctx.raw() as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert not conn.execute("SELECT 1 FROM station_meta WHERE key = 'sync.bulk'").fetchone()


def test_memory_stays_flat_in_the_number_of_rows(ctx, admin, tmp_path, monkeypatch) -> None:
    import tracemalloc

    monkeypatch.setattr(enterprise_import, "CHUNK_ROWS", 500)
    peaks = []
    for count, start in ((2000, 1), (8000, 10_001)):
        path = write_csv(tmp_path / f"park-{count}.csv", [row(start + i) for i in range(count)])
        tracemalloc.start()
        with ctx.work(admin) as work:
            assert enterprise_import.import_file(work, path).created == count
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] < peaks[0] * 1.5, peaks  # four times the rows, about the same peak


@pytest.mark.slow
def test_killed_in_the_middle_of_a_bulk_load_the_database_is_whole_and_a_rerun_finishes(tmp_path) -> None:
    import signal
    import subprocess

    from station.core import demo

    data = tmp_path / "data"
    subprocess.run([*STATION, "--data-dir", str(data), "enterprise", "list"], check=True, capture_output=True)
    db = data / "station.db"
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    with sqlite3.connect(db) as conn:
        before = conn.execute(schema).fetchall()
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["统一社会信用代码", "企业名称", "法定代表人", "所在园区"])
        for values in demo.enterprise_rows(40_000, seed=3):
            writer.writerow([values["uscc"], values["name"], values["legal_rep"], values["zone"]])
    proc = subprocess.Popen(
        [*STATION, "--data-dir", str(data), "enterprise", "import", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Kill it once it reports progress past the first chunk: the indexes are off and rows are going in.
    assert proc.stderr is not None
    for line in proc.stderr:
        if "已处理" in line and "5000" not in line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0
    assert conn.execute(schema).fetchall() == before  # every index and trigger still there
    conn.close()
    result = subprocess.run(
        [*STATION, "--data-dir", str(data), "enterprise", "import", str(big)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "新增 40000 家" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 40_000
        assert conn.execute(schema).fetchall() == before
    assert subprocess.run([*STATION, "--data-dir", str(data), "audit", "verify"]).returncode == 0


def test_duplicates_across_chunks_into_a_registry_that_has_rows(ctx, admin, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(enterprise_import, "CHUNK_ROWS", 10)
    with ctx.work(admin) as work:
        enterprises.create(work, enterprise_values(1))
    rows = [row(i) for i in range(1, 31)]
    rows[24] = row(3, name="株洲重复科技有限公司")  # row 26 repeats row 4's credit code, two chunks later
    path = write_csv(tmp_path / "park.csv", rows)
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.total, report.created, report.unchanged, report.bad_count) == (30, 28, 1, 1)
    assert report.bad[0].row == 26 and "与第 4 行" in report.bad[0].reason
    with ctx.read() as session:
        assert enterprises.count(session) == 29
        assert enterprises.by_uscc(session, valid_code(3)).name == "株洲测试3号科技有限公司"


def test_a_cell_past_the_csv_modules_limit_is_a_reason_on_its_row(ctx, admin, tmp_path) -> None:
    giant = "株" * 200_000  # the csv module stops at 131,072 characters unless told otherwise
    path = write_csv(tmp_path / "park.csv", [row(1), row(2, name=giant), row(3, uscc="9" * 150_000), row(4)])
    with ctx.work(admin) as work:
        report = enterprise_import.import_file(work, path)
    assert (report.created, report.bad_count) == (2, 2)
    (named, coded) = report.bad
    assert named.row == 3 and "企业名称" in named.reason and "200,000 个字符" in named.reason
    assert coded.row == 4 and "统一社会信用代码" in coded.reason and len(coded.uscc) <= 40
    with ctx.read() as session:
        assert enterprises.by_uscc(session, valid_code(1)) and enterprises.by_uscc(session, valid_code(4))
