"""Importing enterprises from CSV or XLSX files.

Every row is checked first; the good ones go in within one transaction (a crash or a kill leaves the
database as it was), re-importing a file updates enterprises by credit code instead of duplicating
them, and each bad row comes back with its row number (as the spreadsheet shows it) and the reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station.core import enterprises
from station.core.work import Work
from station.errors import UserError, ValidationError

# Header spellings we accept, normalised (no spaces or brackets, lower case) -> field.
HEADERS = {
    "统一社会信用代码": "uscc",
    "信用代码": "uscc",
    "社会信用代码": "uscc",
    "uscc": "uscc",
    "企业名称": "name",
    "名称": "name",
    "name": "name",
    "法定代表人": "legal_rep",
    "法人": "legal_rep",
    "法人代表": "legal_rep",
    "legal_rep": "legal_rep",
    "行业代码": "industry_code",
    "国民经济行业代码": "industry_code",
    "industry_code": "industry_code",
    "注册资本万元": "registered_capital",
    "注册资本": "registered_capital",
    "registered_capital": "registered_capital",
    "从业人数": "employees",
    "员工人数": "employees",
    "employees": "employees",
    "成立日期": "founded_on",
    "founded_on": "founded_on",
    "地址": "address",
    "住所": "address",
    "注册地址": "address",
    "address": "address",
    "所在园区": "zone",
    "园区": "zone",
    "片区": "zone",
    "zone": "zone",
    "联系人": "contact_person",
    "contact_person": "contact_person",
    "联系电话": "contact_phone",
    "电话": "contact_phone",
    "contact_phone": "contact_phone",
    "生命周期阶段": "stage",
    "阶段": "stage",
    "stage": "stage",
}
REQUIRED = ("uscc", "name")
MAX_BYTES = 200 * 1024 * 1024


def _norm_header(raw: Any) -> str:
    text = str(raw or "").strip().lower()
    for ch in " \t（）()[]【】:：*":
        text = text.replace(ch, "")
    return text


@dataclass
class BadRow:
    row: int
    uscc: str
    reason: str


@dataclass
class ImportReport:
    file: str
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"共 {self.total} 行：新增 {self.created} 家，更新 {self.updated} 家，"
            f"无变化 {self.unchanged} 家，有问题 {len(self.bad)} 行。"
        )
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "total": self.total,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "bad": [{"row": b.row, "uscc": b.uscc, "reason": b.reason} for b in self.bad],
        }


def _decode(data: bytes) -> str:
    # Excel on Chinese Windows saves CSV as GBK; everything else is UTF-8 (often with a BOM).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError("无法识别文件的文字编码，请在 Excel 中另存为“CSV UTF-8”或 XLSX 后重试。")


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    text = _decode(path.read_bytes())
    if "\0" in text:
        raise UserError(f"{path.name} 不是文本格式的 CSV 文件，请选择 CSV 或 XLSX 文件。")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    yield from csv.reader(io.StringIO(text), dialect)


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"{path.name} 不是有效的 XLSX 文件（{exc}），请用 Excel 重新保存后再导入。") from exc
    try:
        sheet = book.worksheets[0]
        # read_only trusts the file's <dimension>; a wrong one (some exporters write A1:A1) cuts rows and columns
        sheet.reset_dimensions()
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def read_table(path: Path) -> Iterator[list[Any]]:
    if not path.exists():
        raise UserError(f"找不到文件 {path}，请检查路径。")
    if path.stat().st_size > MAX_BYTES:
        raise UserError(f"{path.name} 超过 200 MB，请拆分成几个文件分别导入。")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _csv_rows(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if suffix == ".xls":
        raise UserError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入。")
    raise UserError(f"不支持 {suffix or '无扩展名'} 文件，请选择 CSV 或 XLSX 文件。")


def _map_header(header: list[Any]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = HEADERS.get(_norm_header(cell))
        if name and name not in mapping.values():
            mapping[index] = name
    missing = [enterprises.LABELS[f] for f in REQUIRED if f not in mapping.values()]
    if missing:
        raise UserError(
            f"第一行应为表头，缺少“{'”“'.join(missing)}”列。"
            "请使用导入模板（station enterprise template）或按模板调整表头。"
        )
    return mapping


ProgressFn = Callable[[int, int], None]


def check_file(path: Path, progress: ProgressFn | None = None) -> tuple[list[tuple[int, dict[str, Any]]], ImportReport]:
    """Read and validate without touching the database: the good rows (row number, values) and a report."""
    report = ImportReport(file=path.name)
    rows = read_table(path)
    try:
        header = next(rows)
    except StopIteration:
        raise UserError(f"{path.name} 是空文件，没有可导入的内容。") from None
    except csv.Error as exc:
        raise UserError(f"{path.name} 的格式无法解析（{exc}），请检查文件。") from exc
    mapping = _map_header(header)
    good: list[tuple[int, dict[str, Any]]] = []
    seen: dict[str, int] = {}
    try:
        for number, cells in enumerate(rows, start=2):
            if not any(c not in (None, "") and str(c).strip() for c in cells):
                continue  # blank lines are not errors
            report.total += 1
            raw = {name: cells[i] if i < len(cells) else None for i, name in mapping.items()}
            try:
                values = enterprises.clean(raw)
            except ValidationError as exc:
                report.bad.append(BadRow(number, str(raw.get("uscc") or "").strip(), exc.message))
                continue
            if values["uscc"] in seen:
                report.bad.append(
                    BadRow(number, values["uscc"], f"与第 {seen[values['uscc']]} 行的统一社会信用代码重复。")
                )
                continue
            seen[values["uscc"]] = number
            good.append((number, values))
            if progress and report.total % 5000 == 0:
                progress(report.total, 0)
    except csv.Error as exc:
        raise UserError(f"{path.name} 的格式无法解析（{exc}），请检查文件。") from exc
    return good, report


def import_file(work: Work, path: Path, progress: ProgressFn | None = None) -> ImportReport:
    """Import inside ``work``'s transaction: all good rows land together, or none do."""
    work.require("enterprise.import", "批量导入企业")
    path = Path(path)
    good, report = check_file(path, progress)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    result = enterprises.upsert_many(work, [values for _, values in good], source=f"{path.name}#{digest}")
    report.created, report.updated, report.unchanged = result.created, result.updated, result.unchanged
    if progress:
        progress(report.total, report.total)
    return report


def write_bad_rows(report: ImportReport, path: Path) -> Path:
    """The rejected rows (row number, credit code, reason) as CSV, for fixing in a spreadsheet."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:  # the BOM lets Excel read it as UTF-8
        writer = csv.writer(fh)
        writer.writerow(["行号", "统一社会信用代码", "问题"])
        for bad in report.bad:
            writer.writerow([bad.row, bad.uscc, bad.reason])
    return path


TEMPLATE_HEADER = [enterprises.LABELS[f] for f in enterprises.EDITABLE]


def write_template(path: Path) -> Path:
    """An empty CSV with the header we read, plus one example row, for clerks to fill in."""
    example = [
        "91430211MA4PXE5QXY",
        "株洲示例科技有限公司",
        "张三",
        "I6513",
        "500",
        "35",
        "2021-06-18",
        "株洲市天元区栗雨路88号",
        "高新区核心园",
        "李四",
        "13807330000",
        "运营",
    ]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(TEMPLATE_HEADER)
        writer.writerow(example)
    return path
