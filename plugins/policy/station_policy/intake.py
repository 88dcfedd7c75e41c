"""Department data intake (归集部门数据): a department's CSV/XLSX mapped to fact keys by a YAML mapping.

A mapping is kept by the policy officer, once per department export::

    title: 社保参保情况
    department: 区人力社保局
    year: 2025                      # the year the figures are for (yearly facts)
    key: 统一社会信用代码             # the column holding the credit code
    columns:
      参保职工人数: insured_staff
      失业保险费（万元）: {fact: unemployment_premium_fen, unit: 万元}
      2024年度/营业收入: {fact: revenue_fen, unit: 万元, year: 2024}   # a column under a merged header

Departments export with a title row, merged group headers and sub-headers; the header block is found
by the key column (its cell is empty below a vertically merged header) and a column may be named by its
leaf header or by its path ``group/leaf``. Every row is checked first; a row with any bad cell loads
nothing and comes back with its row number, column and reason. Values equal to what the station holds
are left alone, so re-loading a file changes nothing. No Qt here.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import select

from station.api import (  # the one XLSX row streamer
    Enterprise,
    UserError,
    Work,
    csv_safe,
    read_table,
    stored_rows,
    utcnow,
)
from station.api import uscc as uscc_mod
from station_policy.facts import FACTS
from station_policy.models import Fact

UNITS = {
    "分": Decimal(1),
    "元": Decimal(100),
    "千元": Decimal(100_000),
    "万元": Decimal(1_000_000),
    "亿元": Decimal(100_000_000),
}
MAX_FEN = 10**17  # a trillion yuan: above that a cell is a typo or an overflow, not a figure
MAX_COUNT = 10**8
TOTALS = {"合计", "总计", "小计"}
_NUMBER = re.compile(r"[-+]?[\d,]*\.?\d+")
_YEAR = re.compile(r"(19|20)\d\d")  # a sub-header may be a year: "营业收入" over "2024" and "2025"
HEADER_SCAN = 20  # rows searched for the header block
MAX_COLUMNS = 200  # wider than any department's export; a far stray cell does not widen every row
TRUE = {"是", "有", "1", "y", "yes", "true", "√", "列入"}
FALSE = {"否", "无", "0", "n", "no", "false", "", "未列入"}


def _norm(raw: Any) -> str:
    text = str(raw if raw is not None else "").strip().lower()
    return re.sub(r"[\s（）()\[\]【】:：*]", "", text)


@dataclass(frozen=True)
class Column:
    header: str  # as the mapping names it: "leaf" or "group/leaf"
    fact: str
    unit: str
    year: int


@dataclass(frozen=True)
class Mapping:
    name: str
    title: str
    department: str
    key: str
    columns: tuple[Column, ...]

    @property
    def source(self) -> str:
        return self.department[:60]


def _fail(name: str, problem: str) -> UserError:
    return UserError(f"数据对照表“{name}”{problem}请政策专员修改后再导入。")


def parse_mapping(name: str, doc: Any) -> Mapping:
    """Check a mapping document; every problem is a sentence naming the entry to fix."""
    if not isinstance(doc, dict):
        raise _fail(name, "不是有效的对照表（应为“键: 值”的格式）。")
    department = str(doc.get("department") or "").strip()
    if not department:
        raise _fail(name, "没有写明数据来源部门（department）。")
    default_year = doc.get("year", 0)
    columns_doc = doc.get("columns")
    if not isinstance(columns_doc, dict) or not columns_doc:
        raise _fail(name, "没有列出任何数据列（columns）。")
    columns = []
    for header, spec in columns_doc.items():
        spec = {"fact": spec} if isinstance(spec, str) else spec
        if not isinstance(spec, dict) or str(spec.get("fact")) not in FACTS:
            raise _fail(name, f"中“{header}”对应的数据项不认识，可用的有：{'、'.join(FACTS)}。")
        fact = FACTS[str(spec["fact"])]
        unit = str(spec.get("unit") or ("元" if fact.kind == "fen" else ""))
        if fact.kind == "fen" and unit not in UNITS:
            raise _fail(name, f"中“{header}”的金额单位“{unit}”不认识，可写：{'、'.join(UNITS)}。")
        year = spec.get("year", default_year)
        if fact.yearly and (not isinstance(year, int) or not 2000 <= year <= 2100):
            raise _fail(name, f"中“{header}”（{fact.label}）按年度记录，请写明年份（year: 2025）。")
        columns.append(Column(str(header), fact.key, unit, int(year) if fact.yearly and year else 0))
    return Mapping(
        name,
        str(doc.get("title") or name),
        department,
        str(doc.get("key") or "统一社会信用代码"),
        tuple(columns),
    )


def shipped_dir() -> Path:
    return Path(__file__).parent / "intake"


def find_mapping(name: str, data_dir: Path | None = None) -> Path:
    """A mapping by file path, or by name among the station's own mappings, then the ones shipped with us."""
    given = Path(name)
    if given.suffix in (".yaml", ".yml") and given.is_file():
        return given
    for folder in ([data_dir / "policy-mappings"] if data_dir else []) + [shipped_dir()]:
        for suffix in (".yaml", ".yml"):
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
    known = sorted(p.stem for p in shipped_dir().glob("*.yaml"))
    raise UserError(f"找不到名为“{name}”的数据对照表。可用的有：{'、'.join(known)}。")


def load_mapping(name: str, data_dir: Path | None = None) -> Mapping:
    import yaml

    path = find_mapping(name, data_dir)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise _fail(path.stem, f"格式有误（{str(exc).splitlines()[0]}），") from exc
    return parse_mapping(path.stem, doc)


# -- reading the department's file --------------------------------------------------------------


@dataclass
class BadCell:
    row: int
    uscc: str
    column: str
    reason: str


@dataclass
class LoadReport:
    file: str
    mapping: str
    department: str
    total: int = 0
    loaded_rows: int = 0
    changed: int = 0  # facts written (new or different)
    unchanged: int = 0
    enterprises: list[str] = field(default_factory=list)  # uids whose facts changed
    bad: list[BadCell] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({b.row for b in self.bad})

    def summary(self) -> str:
        return (
            f"{self.department}数据共 {self.total} 行：载入 {self.loaded_rows} 行，更新 {self.changed} 项数据，"
            f"{self.unchanged} 项与已有数据相同；有问题 {self.bad_rows} 行"
            + ("，请按问题清单改正后重新导入。" if self.bad else "。")
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "mapping": self.mapping,
            "department": self.department,
            "total": self.total,
            "loaded_rows": self.loaded_rows,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "enterprises_changed": len(self.enterprises),
            "bad": [{"row": b.row, "uscc": b.uscc, "column": b.column, "reason": b.reason} for b in self.bad],
        }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)  # refused by the parser with the row's reason
        # A spreadsheet's double carries 15 significant digits; beyond them is binary noise (0.1 + 0.2).
        return format(Decimal(f"{value:.15g}"), "f")
    return str(value).strip()


def _header_block(rows: Sequence[list[Any]], key: str) -> tuple[int, int]:
    """(first header row, first data row) as indexes into ``rows``: the block starts at the key's header."""
    want = _norm(key)
    for start, cells in enumerate(rows):
        if want in (_norm(c) for c in cells):
            col = [_norm(c) for c in cells].index(want)
            end = start + 1
            while end < len(rows) and col < len(rows[end]) and _cell(rows[end][col]) == "":
                texts = [_cell(c) for c in rows[end] if _cell(c)]
                if not texts or any(_NUMBER.fullmatch(t) and not _YEAR.fullmatch(t) for t in texts):
                    break  # a blank line, or a data row that lacks its code: the header is over
                end += 1  # the key's header is merged down over this sub-header row
            return start, end
    raise UserError(f"文件前 {HEADER_SCAN} 行中没有找到“{key}”列，请确认选对了文件和数据对照表。")


def _labels(block: Sequence[list[Any]]) -> list[tuple[str, str]]:
    """Each column's (path, leaf): upper rows' merged cells are carried right, sub-headers joined with /."""
    width = max((i + 1 for r in block for i, c in enumerate(r) if _cell(c)), default=0)  # padding is not a column
    grid = [[_cell(r[i]) if i < len(r) else "" for i in range(width)] for r in block]
    for row in grid[:-1]:  # a merged group header is its first cell only: carry it across
        carried = ""
        for i, text in enumerate(row):
            carried = text or carried
            row[i] = carried
    out = []
    for i in range(width):
        parts: list[str] = []
        for row in grid:
            if row[i] and (not parts or parts[-1] != row[i]):
                parts.append(row[i])
        out.append(("/".join(_norm(p) for p in parts), _norm(parts[-1]) if parts else ""))
    return out


def _locate(mapping: Mapping, labels: list[tuple[str, str]]) -> dict[int, Column]:
    found: dict[int, Column] = {}
    for column in mapping.columns:
        want = "/".join(_norm(p) for p in column.header.split("/"))
        hits = [i for i, (path, leaf) in enumerate(labels) if want in (path, leaf) or path.endswith("/" + want)]
        if not hits:
            raise UserError(
                f"文件中没有“{column.header}”列（{FACTS[column.fact].label}）。"
                "请确认选对了数据对照表，或请政策专员按部门新的表头修改对照表。"
            )
        if len(hits) > 1:
            raise UserError(
                f"文件中有 {len(hits)} 列都叫“{column.header}”，"
                f"请政策专员在对照表中写明上级表头，如“2025年/{column.header}”。"
            )
        found[hits[0]] = column
    return found


def _value(column: Column, raw: Any) -> int | None:
    """The cell as the fact's stored value (fen, count, flag, year); raises ValueError with a reason."""
    kind = FACTS[column.fact].kind
    if isinstance(raw, bool):
        raw = int(raw)
    text = _cell(raw)
    if text.startswith(("=", "+", "@")) and not re.fullmatch(r"\+?[\d,.]+", text):
        raise ValueError("是公式或特殊字符，不是数值，请填入计算结果")
    if kind == "flag":
        word = text.lower()
        if word in TRUE:
            return 1
        if word in FALSE:
            return 0
        raise ValueError(f"“{text[:20]}”不是“是”或“否”")
    if text == "":
        return None
    try:
        number = Decimal(text.replace(",", "").replace("，", ""))
    except InvalidOperation:
        raise ValueError(f"“{text[:20]}”不是数字") from None
    if not number.is_finite():
        raise ValueError(f"“{text[:20]}”不是有效的数字")
    if kind == "fen":
        fen = number * UNITS[column.unit]
        if abs(fen) >= MAX_FEN:
            raise ValueError(f"金额 {text[:20]}{column.unit} 过大，请核对单位和数值")
        if fen != fen.to_integral_value():
            raise ValueError(f"金额 {text[:20]}{column.unit} 不是整分，请保留到分")
        return int(fen)
    if number != number.to_integral_value():
        raise ValueError(f"“{text[:20]}”应为整数")
    if kind == "count":
        if not 0 <= number < MAX_COUNT:
            raise ValueError(f"人数或件数 {text[:20]} 不合理，请核对")
        return int(number)
    if kind == "year":
        if number != 0 and not 1949 <= number <= 2100:
            raise ValueError(f"年份 {text[:20]} 不正确（未纳入请填 0）")
        return int(number)
    raise ValueError("这一列的数据项不能按数值导入")


@dataclass
class _Row:
    number: int
    enterprise_uid: str
    values: dict[tuple[str, int], int | None]


def check(session: Any, path: Path, mapping: Mapping) -> tuple[list[_Row], LoadReport]:
    """Read and validate the file against the mapping and the enterprise registry; writes nothing."""
    report = LoadReport(file=path.name, mapping=mapping.name, department=mapping.department)
    rows = _rows(path)
    try:
        numbered = [(n, list(r)) for _, (n, r) in zip(range(HEADER_SCAN), rows, strict=False)]
        head = [r for _, r in numbered]
        start, data_at = _header_block(head, mapping.key)
        labels = _labels(head[start:data_at])
        key_col = [_norm(c) for c in head[start]].index(_norm(mapping.key))
        columns = _locate(mapping, labels)
        parsed: list[tuple[int, str, dict[tuple[str, int], int | None]]] = []
        seen: dict[str, int] = {}
        for number, cells in itertools.chain(numbered[data_at:], rows):
            if not any(_cell(c) for c in cells):
                continue
            code = uscc_mod.normalize(_cell(cells[key_col]) if key_col < len(cells) else "")
            if not code and any(_norm(c) in TOTALS for c in cells):
                continue  # the department's 合计 line
            report.total += 1
            before = len(report.bad)
            problem = uscc_mod.problem(code)
            if problem:
                report.bad.append(BadCell(number, code[:18], mapping.key, problem))
            elif code in seen:
                twice = f"与第 {seen[code]} 行是同一家企业，请合并后重新导入。"
                report.bad.append(BadCell(number, code, mapping.key, twice))
            values: dict[tuple[str, int], int | None] = {}
            for index, column in columns.items():
                try:
                    values[(column.fact, column.year)] = _value(column, cells[index] if index < len(cells) else None)
                except ValueError as exc:
                    report.bad.append(BadCell(number, code[:18], column.header, f"{exc}。"))
            if len(report.bad) == before:
                seen[code] = number
                parsed.append((number, code, values))
    except csv.Error as exc:
        raise UserError(f"{path.name} 的格式无法解析（{exc}），请检查文件。") from exc
    uids = _uids(session, [code for _, code, _ in parsed])
    good = []
    for number, code, values in parsed:
        if code not in uids:
            unknown = f"统一社会信用代码 {code} 未在企业库登记，请先登记这家企业。"
            report.bad.append(BadCell(number, code, mapping.key, unknown))
        else:
            good.append(_Row(number, uids[code], values))
    report.bad.sort(key=lambda b: b.row)
    return good, report


def _rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    """(row number as the spreadsheet shows it, cells). CSV as the enterprise import reads it (UTF-8 or GBK);
    XLSX streamed as stored, as wide as a department's sheet may be, formulas as their text (refused)."""
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.is_file():
        return read_table(path).rows
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
        sheet = book.worksheets[0]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, IndexError) as exc:
        raise UserError(f"{path.name} 不是有效的 XLSX 文件，请用 Excel 重新保存后再导入。") from exc
    sheet.reset_dimensions()  # a file's claim of its size may lie either way

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            yield from stored_rows(sheet, MAX_COLUMNS)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise UserError(f"{path.name} 的内容无法读取，请用 Excel 重新保存后再导入。") from exc
        finally:
            book.close()

    return rows()


def _uids(session: Any, codes: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for i in range(0, len(codes), 500):
        chunk = codes[i : i + 500]
        found.update(session.execute(select(Enterprise.uscc, Enterprise.uid).where(Enterprise.uscc.in_(chunk))).all())
    return found


def load_file(work: Work, path: Path, mapping: Mapping, *, now: dt.datetime | None = None) -> LoadReport:
    """Load the file's good rows in ``work``'s transaction; one audit entry names the file and the counts."""
    work.require("policy.facts", "维护企业涉企数据")
    path = Path(path)
    good, report = check(work.session, path, mapping)
    at = now or utcnow()
    session = work.session
    changed: set[str] = set()
    keys = {key for row in good for key, _year in row.values}
    existing: dict[tuple[str, str, int], Fact] = {}
    uids = [row.enterprise_uid for row in good]
    for i in range(0, len(uids), 500):
        for fact in session.scalars(
            select(Fact).where(Fact.enterprise_uid.in_(uids[i : i + 500]), Fact.fact_key.in_(keys))
        ):
            existing[(fact.enterprise_uid, fact.fact_key, fact.year)] = fact
    for row in good:
        report.loaded_rows += 1
        for (key, year), value in row.values.items():
            if value is None:
                continue  # a blank cell is "the department did not report it", not zero
            known = existing.get((row.enterprise_uid, key, year))
            if known is not None and known.value == value:
                report.unchanged += 1
                continue
            if known is None:
                fact = Fact(enterprise_uid=row.enterprise_uid, fact_key=key, year=year, version=1)
                session.add(fact)
                existing[(row.enterprise_uid, key, year)] = fact
            else:
                fact = known
                fact.version += 1
            fact.value, fact.source, fact.updated_at, fact.updated_by = value, mapping.source, at, work.actor.name
            report.changed += 1
            changed.add(row.enterprise_uid)
    session.flush()
    report.enterprises = sorted(changed)
    work.audit(
        "policy.facts.load",
        "policy_mapping",
        mapping.name,
        None,
        {"file": path.name, "department": mapping.department, "rows": report.loaded_rows,
         "changed": report.changed, "bad_rows": report.bad_rows},
    )  # fmt: skip
    return report


def write_bad_rows(report: LoadReport, path: Path) -> Path:
    """The rejected cells (row, credit code, column, reason) as CSV for fixing in a spreadsheet."""
    rows = ([bad.row, bad.uscc, bad.column, bad.reason] for bad in report.bad)
    return csv_safe.write_csv(path, ["行号", "统一社会信用代码", "列", "问题"], rows)
