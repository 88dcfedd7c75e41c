"""Every CSV/XLSX the product writes: formula-like text goes out as text, numbers stay numbers."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest

from station.core import csv_safe

HOSTILE = ['=HYPERLINK("http://evil.example","点我")', "+cmd|' /C calc'!A0", "-2+3+cmd|x", "@SUM(1+1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_quoted_in_csv(tmp_path, text) -> None:
    path = csv_safe.write_csv(tmp_path / "x.csv", ["名称"], [[text]])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1] == ["'" + text]


@pytest.mark.parametrize("value", [-5, Decimal("-12.50"), -0.5, "-12.50", "+3", "0", "株洲-长沙", "a=b"])
def test_numbers_and_plain_text_stay_as_they_are(tmp_path, value) -> None:
    path = csv_safe.write_csv(tmp_path / "x.csv", ["值"], [[value]])
    with path.open(encoding="utf-8-sig", newline="") as fh:
        assert list(csv.reader(fh))[1] == [str(value)]


def test_xlsx_cells_are_text_with_a_quote_prefix_and_numbers_are_numbers(tmp_path) -> None:
    from openpyxl import Workbook, load_workbook

    book = Workbook()
    csv_safe.append_row(book.active, [*HOSTILE, -5, Decimal("-12.50"), dt.date(2026, 3, 1), None, "普通文字"])
    book.save(tmp_path / "x.xlsx")
    cells = next(load_workbook(tmp_path / "x.xlsx").active.iter_rows())
    for cell, text in zip(cells, HOSTILE, strict=False):  # (XML reads a lone CR back as LF)
        assert cell.data_type == "s" and cell.value == text.replace("\r", "\n") and cell.quotePrefix
    rest = cells[len(HOSTILE) :]
    assert [c.data_type for c in rest[:2]] == ["n", "n"] and rest[0].value == -5
    assert rest[2].value == dt.datetime(2026, 3, 1) and rest[3].value is None and rest[4].value == "普通文字"


def test_policy_reports_write_formula_like_names_as_text(tmp_path) -> None:
    from station_policy import reports
    from station_policy.services import PayoutLine

    line = PayoutLine(
        "ZZ-2026-0001", dt.date(2026, 3, 2), "@部门", "RD", "=HYPERLINK(1)", "91430211MA4PXE5Q8X", "+名称", "2025", -150
    )
    reports.write_csv(tmp_path / "m.csv", [line])
    with (tmp_path / "m.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][2] == "'@部门" and rows[1][4] == "'=HYPERLINK(1)" and rows[1][6] == "'+名称"
    assert rows[1][8] == "-1.50" and rows[-1][8] == "-1.50"  # a negative amount stays a number
    from openpyxl import load_workbook

    reports.write_xlsx(tmp_path / "m.xlsx", [line], month="2026-03")
    detail = load_workbook(tmp_path / "m.xlsx")["兑付明细"]
    title = detail.cell(2, 5)
    assert title.value == "=HYPERLINK(1)" and title.data_type == "s"
    assert detail.cell(2, 9).data_type == "n" and detail.cell(2, 9).value == -1.5


def test_every_spreadsheet_the_product_writes_goes_through_csv_safe() -> None:
    """No CSV writer but csv_safe's, and no row appended to an openpyxl sheet but through csv_safe."""
    import re

    from helpers import ROOT

    csv_writer = re.compile(r"csv\.(writer|DictWriter)\(|\.to_csv\(")
    sheet_name = re.compile(r"(\w+)\s*=\s*\w+\.(active\b|create_sheet\()")
    offenders = []
    for source in [*(ROOT / "src" / "station").rglob("*.py"), *(ROOT / "plugins").glob("*/station_*/**/*.py")]:
        if source.name == "csv_safe.py":
            continue
        text = source.read_text(encoding="utf-8")
        sheets = {m.group(1) for m in sheet_name.finditer(text)} if "Workbook(" in text else set()
        for number, line in enumerate(text.splitlines(), start=1):
            if csv_writer.search(line) or any(re.search(rf"\b{name}\.append\(", line) for name in sheets):
                offenders.append(f"{source.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "write spreadsheets through station.core.csv_safe:\n" + "\n".join(offenders)
