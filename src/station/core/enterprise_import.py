"""Importing enterprises from CSV or XLSX files, streamed.

The file is read in chunks (CSV decoded incrementally, XLSX in openpyxl's read-only mode with the
sheet's claimed size ignored), each chunk checked and written through the registry's bulk writer, so
memory stays flat however many rows the file holds. The good rows go in within one transaction (a crash
or a kill leaves the database as it was), re-importing a file updates enterprises by credit code instead
of duplicating them and writes nothing for rows already as stored, and each bad row comes back with its
row number (as the spreadsheet shows it), the column and the reason.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station.core import clock, csv_safe, enterprise_fields
from station.core.registry_writer import RegistryWriter, raw_connection
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
CHUNK_ROWS = 5000  # rows checked and written together
BAD_KEPT = 10_000  # bad rows kept for the report (all are counted): a clerk fixes these, then imports again
SAMPLE_BYTES = 64 * 1024  # what the encoding and the CSV dialect are told from
# The csv module refuses a cell over 131,072 characters by stopping the whole file. A cell up to this many is
# read (the reader holds it at four bytes a character) and refused as a reason on its row; only a larger
# one still stops the file, with a sentence naming its row.
MAX_CELL_CHARS = 16 * 1024 * 1024
# Longer cells are refused on sight (no column takes more than 200 characters); shorter ones get the reason
# the column's own check gives, as before (a 5,000-digit number of employees is "too large").
LONG_CELL_CHARS = 131_072


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
    bad_count: int = 0  # all bad rows; ``bad`` keeps the first BAD_KEPT

    def add_bad(self, bad: BadRow) -> None:
        self.bad_count += 1
        if len(self.bad) < BAD_KEPT:
            self.bad.append(bad)

    def summary(self) -> str:
        text = (
            f"共 {self.total} 行：新增 {self.created} 家，更新 {self.updated} 家，"
            f"无变化 {self.unchanged} 家，有问题 {self.bad_count} 行。"
        )
        if self.bad_count > len(self.bad):
            text += f"问题行只列出前 {len(self.bad)} 行，改正后再导入一次即可看到其余的。"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "total": self.total,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "bad_count": self.bad_count,
            "bad": [{"row": b.row, "uscc": b.uscc, "reason": b.reason} for b in self.bad],
        }


# -- reading ----------------------------------------------------------------------------------------


class Table:
    """The rows of a file as (row number as the spreadsheet shows it, cells), header first, and how much
    of the file has been read (None when that cannot be told)."""

    def __init__(self, rows: Iterator[tuple[int, list[Any]]], share: Callable[[], float | None]) -> None:
        self.rows, self.share = rows, share


def _encoding(sample: bytes) -> str:
    # Excel on Chinese Windows saves CSV as GBK; everything else is UTF-8 (often with a BOM). The sample may
    # end inside a character: an incremental decoder waits for the rest instead of failing.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
            return encoding
        except UnicodeDecodeError:
            continue
    raise UserError("无法识别文件的文字编码，请在 Excel 中另存为“CSV UTF-8”或 XLSX 后重试。")


def _csv_table(path: Path) -> Table:
    raw = path.open("rb")
    sample = raw.read(SAMPLE_BYTES)
    raw.seek(0)
    encoding = _encoding(sample)
    if b"\0" in sample:
        raw.close()
        raise UserError(f"{path.name} 不是文本格式的 CSV 文件，请选择 CSV 或 XLSX 文件。")
    text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    head = sample.decode(encoding, errors="ignore")
    try:
        dialect = csv.Sniffer().sniff(head[:4096], delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    size = max(path.stat().st_size, 1)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        number = 0
        # Process-wide (the csv module has no per-reader limit): only ever raised, never lowered.
        csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
        try:
            for number, cells in enumerate(csv.reader(text, dialect), start=1):
                yield number, cells
        except UnicodeDecodeError:
            raise UserError(
                f"{path.name} 第 {number + 1} 行附近的文字编码与文件开头不一致，"
                "请在 Excel 中另存为“CSV UTF-8”或 XLSX 后重试。"
            ) from None
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise UserError(
                    f"{path.name} 第 {number + 1} 行附近有一格超过 {MAX_CELL_CHARS:,} 个字符，文件无法导入。"
                    "请检查这一行后重试。"
                ) from exc
            raise UserError(f"{path.name} 第 {number + 1} 行的格式无法解析（{exc}），请检查文件。") from exc
        finally:
            text.close()

    return Table(rows(), lambda: None if raw.closed else raw.tell() / size)


def _xlsx_table(path: Path) -> Table:
    import zipfile

    from openpyxl import load_workbook

    try:
        # Read-only streams the sheet; data_only=False so a formula arrives as its text and is refused
        # (a cached result may be stale, and an uncached one would read as an empty cell).
        book = load_workbook(path, read_only=True, data_only=False)
        sheet = book.worksheets[0]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
        raise UserError(f"{path.name} 不是有效的 XLSX 文件，请用 Excel 重新保存后再导入。") from exc
    # The sheet's own claim of its size (<dimension ref="A1:XFD1048576"/>) is ignored: a 5 KB file may
    # claim a million rows of 16,384 columns, and every row read would be padded to that width.
    sheet.reset_dimensions()

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            header = next(sheet.iter_rows(max_row=1, values_only=True), ())
            # Only as wide as the columns we read: a header with a far cell would pad every row to it.
            width = max((i + 1 for i, v in enumerate(header) if HEADERS.get(_norm_header(v))), default=1)
            yield 1, list(header[:width])
            for number, cells in stored_rows(sheet, width):
                if number > 1 and (any(cells) or any(c is not None for c in cells)):
                    yield number, cells
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise UserError(f"{path.name} 的内容无法读取，请用 Excel 重新保存后再导入。") from exc
        finally:
            book.close()

    return Table(rows(), lambda: None)


def stored_rows(sheet: Any, width: int) -> Iterator[tuple[int, list[Any]]]:
    """The rows a read-only sheet stores, numbered, cut to ``width`` columns. openpyxl's own row iterator
    fills every gap with an empty row: a 5 KB file whose one far cell sits at XFD1048576 takes a million
    turns of it. Its sheet parser (what that iterator runs on) yields stored rows only; if this openpyxl
    lacks it, the iterator serves."""
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        book = sheet.parent
        source = sheet._get_source()
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
    except (ImportError, AttributeError, TypeError):
        rows = sheet.iter_rows(max_col=width, values_only=True)
        yield from ((n, list(cells)) for n, cells in enumerate(rows, start=1))
        return
    with source:
        for number, stored in parser.parse():
            cells: list[Any] = [None] * width
            for cell in stored:
                if cell["column"] <= width:
                    cells[cell["column"] - 1] = cell["value"]
            yield number, cells


def read_table(path: Path) -> Table:
    if not path.exists():
        raise UserError(f"找不到文件 {path}，请检查路径。")
    if path.stat().st_size > MAX_BYTES:
        raise UserError(f"{path.name} 超过 200 MB，请拆分成几个文件分别导入。")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _csv_table(path)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_table(path)
    if suffix == ".xls":
        raise UserError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入。")
    raise UserError(f"不支持 {suffix or '无扩展名'} 文件，请选择 CSV 或 XLSX 文件。")


def _map_header(header: list[Any]) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = HEADERS.get(_norm_header(cell))
        if name and name not in mapping.values():
            mapping[index] = name
    missing = [enterprise_fields.LABELS[f] for f in REQUIRED if f not in mapping.values()]
    if missing:
        raise UserError(
            f"第一行应为表头，缺少“{'”“'.join(missing)}”列。"
            "请使用导入模板（station enterprise template）或按模板调整表头。"
        )
    return mapping


# -- checking ---------------------------------------------------------------------------------------

# Progress: rows read so far, and the share of the file read (None when that cannot be told).
ProgressFn = Callable[[int, float | None], None]


def _blank(cells: list[Any]) -> bool:
    return not any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells)


class _Checker:
    """Cleans rows (``clean``, any thread) and refuses a credit code seen earlier in the file (``settle``,
    on the connection's thread). The codes seen are kept in a temporary table of the import's connection
    (on disk, not in memory: a million codes would not be flat)."""

    def __init__(self, conn: sqlite3.Connection, mapping: dict[int, str]) -> None:
        self.conn, self.mapping = conn, mapping
        self.today = clock.today()
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_seen (uscc TEXT PRIMARY KEY, row INTEGER) WITHOUT ROWID")
        conn.execute("DELETE FROM temp.import_seen")

    def close(self) -> None:
        self.conn.execute("DROP TABLE IF EXISTS temp.import_seen")

    def clean(self, chunk: list[tuple[int, list[Any]]]) -> tuple[list[tuple[int, dict[str, Any]]], list[BadRow]]:
        """The chunk's rows that clean (with their numbers), and the bad ones."""
        cleaned, bad = [], []
        for number, cells in chunk:
            raw = {name: cells[i] if i < len(cells) else None for i, name in self.mapping.items()}
            if long := _long_cells(raw):
                code = enterprise_fields.printable(str(raw.get("uscc") or "").strip()[:40])
                bad.append(BadRow(number, code, long))
                continue
            try:
                cleaned.append((number, enterprise_fields.clean(raw, today=self.today)))
            except ValidationError as exc:
                code = enterprise_fields.printable(str(raw.get("uscc") or "").strip())
                bad.append(BadRow(number, code, _with_columns(exc)))
        return cleaned, bad

    def settle(self, cleaned: list[tuple[int, dict[str, Any]]]) -> tuple[list[dict[str, Any]], list[BadRow]]:
        """The rows whose credit code this file has not had before, and the others as bad rows."""
        codes = list({values["uscc"] for _, values in cleaned})
        earlier: dict[str, int] = {}
        for start in range(0, len(codes), 500):
            part = codes[start : start + 500]
            earlier.update(
                self.conn.execute(
                    f"SELECT uscc, row FROM temp.import_seen WHERE uscc IN ({','.join('?' * len(part))})", part
                )
            )
        good, bad = [], []
        for number, values in cleaned:
            first = earlier.get(values["uscc"])
            if first is not None:
                bad.append(BadRow(number, values["uscc"], f"与第 {first} 行的统一社会信用代码重复。"))
                continue
            earlier[values["uscc"]] = number
            good.append(values)
        self.conn.executemany(
            "INSERT INTO temp.import_seen(uscc, row) VALUES (?, ?)",
            [(values["uscc"], number) for number, values in cleaned if earlier[values["uscc"]] == number],
        )
        return good, bad


def _long_cells(raw: dict[str, Any]) -> str | None:
    """The reason for a row with cells far longer than any column takes, naming each such column."""
    parts = [
        f"{enterprise_fields.LABELS.get(key, key)}：这一格有 {len(value):,} 个字符，远超这一栏能填的长度"
        for key, value in raw.items()
        if isinstance(value, str) and len(value) > LONG_CELL_CHARS
    ]
    return "；".join(parts) + "。" if parts else None


def _with_columns(exc: ValidationError) -> str:
    """Each problem behind its column's header, so the clerk finds the cell: "从业人数：应为……"."""
    parts = []
    for key, message in exc.fields.items():
        label = enterprise_fields.LABELS.get(key, key)
        parts.append(message if message.startswith(label.split("（")[0]) else f"{label}：{message}")
    return "；".join(parts)


def _chunks(rows: Iterator[tuple[int, list[Any]]]) -> Iterator[list[tuple[int, list[Any]]]]:
    chunk: list[tuple[int, list[Any]]] = []
    for number, cells in rows:
        if _blank(cells):
            continue  # blank lines are not errors
        chunk.append((number, cells))
        if len(chunk) == CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def import_file(work: Work, path: Path, progress: ProgressFn | None = None) -> ImportReport:
    """Import inside ``work``'s transaction: all good rows land together, or none do.

    Reading and checking a chunk (Python) overlaps writing the one before (SQLite, which lets go of the
    interpreter lock while it works) on a thread of its own: only that thread uses the connection."""
    work.require("enterprise.import", "批量导入企业")
    path = Path(path)
    report = ImportReport(file=path.name)
    table = read_table(path)
    try:
        _, header = next(table.rows)
        mapping = _map_header(header)
    except StopIteration:
        raise UserError(f"{path.name} 是空文件，没有可导入的内容。") from None
    except BaseException:
        table.rows.close()  # type: ignore[attr-defined]  # a generator: closes the file
        raise
    writer = RegistryWriter(work, source=f"{path.name}#{_fingerprint(path)}")
    checker = _Checker(raw_connection(work), mapping)

    def settle_and_write(cleaned: list[tuple[int, dict[str, Any]]], bad: list[BadRow]) -> list[BadRow]:
        good, duplicates = checker.settle(cleaned)
        writer.write(good)
        return sorted(bad + duplicates, key=lambda b: b.row) if duplicates else bad

    try:
        with ThreadPoolExecutor(1, thread_name_prefix="import-write") as pool:
            writing: Future[list[BadRow]] | None = None
            for chunk in _chunks(table.rows):
                report.total += len(chunk)
                cleaned, bad = checker.clean(chunk)
                if writing is not None:
                    for each in writing.result():
                        report.add_bad(each)
                writing = pool.submit(settle_and_write, cleaned, bad)
                if progress:
                    progress(report.total, table.share())
            if writing is not None:
                for each in writing.result():
                    report.add_bad(each)
    finally:
        table.rows.close()  # type: ignore[attr-defined]  # a generator: closes the file
        checker.close()
    result = writer.close()
    report.created, report.updated, report.unchanged = result.created, result.updated, result.unchanged
    if progress:
        progress(report.total, 1.0)
    return report


# -- writing ----------------------------------------------------------------------------------------


def write_bad_rows(report: ImportReport, path: Path) -> Path:
    """The rejected rows (row number, credit code, reason) as CSV, for fixing in a spreadsheet."""
    return csv_safe.write_csv(
        path, ["行号", "统一社会信用代码", "问题"], ([b.row, b.uscc, b.reason] for b in report.bad)
    )


TEMPLATE_HEADER = [enterprise_fields.LABELS[f] for f in enterprise_fields.EDITABLE]


TEMPLATE_EXAMPLE = [
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


def write_template(path: Path) -> Path:
    """The header we read and one example row, for clerks to fill in: an XLSX workbook when the name ends
    in .xlsx (every column text, so credit codes and phone numbers keep their digits), else CSV."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return csv_safe.write_csv(path, TEMPLATE_HEADER, [TEMPLATE_EXAMPLE])
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "企业名单"
    csv_safe.append_row(sheet, TEMPLATE_HEADER)
    csv_safe.append_row(sheet, TEMPLATE_EXAMPLE)
    for column, label in enumerate(TEMPLATE_HEADER, start=1):
        sheet.cell(1, column).font = Font(bold=True)
        sheet.column_dimensions[sheet.cell(1, column).column_letter].width = max(12, 2 * len(label) + 4)
        sheet.cell(2, column).number_format = "@"  # text: Excel would turn 13807330000 into 1.38E+10
    book.save(path)
    return path
