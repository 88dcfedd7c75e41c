"""Formula-safe CSV and XLSX cells: the one way the product writes a spreadsheet a person will open.

A spreadsheet program runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula (and tab or
carriage return can smuggle one past a cell's start), so a company name like ``=HYPERLINK(...)`` typed at
one station would run on the desk of whoever opens the next report (OWASP "CSV injection"). Text that
begins so is written as text: in CSV behind a single quote, in XLSX as a string cell marked "quote
prefix" (what Excel itself does when someone types a leading apostrophe). Numbers stay numbers: a
negative amount written as a number, or text that is only a plain number such as ``-12.50``, is left
alone, so sums still work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet program could take this text for a formula."""
    return text.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text)


def csv_cell(value: Any) -> Any:
    """The value as a CSV cell: formula-like text behind a single quote, anything else unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose every cell goes through ``csv_cell``."""

    def __init__(self, fh: IO[str], **fmt: Any) -> None:
        import csv  # here: the registry's validation imports this module on the way to the first screen

        self._writer = csv.writer(fh, **fmt)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def write_csv(path: str | Path, header: Sequence[Any], rows: Iterable[Iterable[Any]]) -> Path:
    """A CSV in UTF-8 with a byte-order mark, so Excel on a Chinese desktop reads the characters right."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = SafeWriter(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def append_row(sheet: Any, values: Sequence[Any]) -> None:
    """Append a row to an openpyxl worksheet, formula-like text as quoted text (never a formula)."""
    sheet.append([None if isinstance(v, str) and is_formula_like(v) else v for v in values])
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and is_formula_like(value):
            cell = sheet.cell(row, column)
            cell.value = value
            cell.data_type = "s"  # openpyxl types text starting with "=" as a formula; this keeps it text
            cell.quotePrefix = True
