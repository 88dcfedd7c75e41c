"""A table model over keys that fetches its rows lazily, a page at a time, off the UI thread.

It holds only the keys (claim ids, licence ids, enterprise uids; integer ids packed in an array, so 100,000
enterprises take under a megabyte); a page of rows is fetched through ``submit`` (a DbOp in the pages,
synchronous in tests) when a row of it is first painted, and only the pages near what is on screen are kept.
Every list of the station is one of these: ``render`` turns a stored value into text, ``tooltip`` and
``foreground`` may add to a cell, and a subclass overrides ``data`` for columns that are not fetched rows
(the startup board's colours).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

PAGE_SIZE = 200
MAX_PAGES = 20

Fetch = Callable[[Sequence[Any]], dict[Any, tuple[Any, ...]]]
Submit = Callable[[Callable[[], Any], Callable[[Any], None]], None]
Render = Callable[[int, Any], str]
Foreground = Callable[[int, tuple[Any, ...]], Any]  # (column, row values) -> QColor or None
Tooltip = Callable[[int, tuple[Any, ...]], str | None]  # (column, row values) -> the tooltip, or the text


class LazyTableModel(QAbstractTableModel):
    page_loaded = Signal(int)  # a page of rows arrived (its number)

    def __init__(
        self,
        headers: Sequence[str],
        fetch: Fetch,
        submit: Submit,
        render: Render | None = None,
        *,
        right_aligned: Sequence[int] = (),
        foreground: Foreground | None = None,
        tooltip: Tooltip | None = None,
        max_pages: int = MAX_PAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._fetch = fetch
        self._submit = submit
        self._render = render or (lambda column, value: "" if value is None else str(value))
        self._right = set(right_aligned)
        self._foreground = foreground
        self._tooltip = tooltip  # e.g. a policy's code behind its title: the row may carry more than it shows
        self._max_pages = max_pages
        self._keys: Sequence[Any] = []
        self._pages: OrderedDict[int, dict[Any, tuple[Any, ...]]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0

    def set_keys(self, keys: Sequence[Any], rows: Mapping[Any, tuple[Any, ...]] | None = None) -> None:
        """Show ``keys``; ``rows`` already at hand (a ranking computed whole) fill their pages at once."""
        self.beginResetModel()
        self._keys = _packed(keys)
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if rows:
            for page_no in range(min(self._max_pages, -(-len(self._keys) // PAGE_SIZE))):
                page = self._keys[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
                if all(key in rows for key in page):
                    self._pages[page_no] = {key: rows[key] for key in page}
        self.endResetModel()
        for page_no in list(self._pages):
            self.page_loaded.emit(page_no)

    def keys(self) -> list[Any]:
        return list(self._keys)

    def key_at(self, row: int) -> Any:
        return self._keys[row]

    def refresh_rows(self) -> None:
        """Drop the cached rows (after an edit) and fetch what is on screen again."""
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, self.columnCount() - 1))

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_values(self, row: int) -> tuple[Any, ...] | None:
        return self._row(row)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return section + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            row = self._row(index.row())
            return None if row is None else self._foreground(index.column(), row)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return "…"
        if index.column() >= len(row):
            return None
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            tip = self._tooltip(index.column(), row)
            if tip is not None:
                return tip
        return self._render(index.column(), row[index.column()])

    def _row(self, row: int) -> tuple[Any, ...] | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            page = self._pages.get(page_no)  # a synchronous submit (tests) answers at once
            if page is None:
                return None
        self._pages.move_to_end(page_no)
        return page.get(self._keys[row])

    def _request(self, page_no: int) -> None:
        if page_no in self._pending:
            return
        self._pending.add(page_no)
        keys = list(self._keys[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE])
        generation = self._generation
        fetch = self._fetch

        def arrived(rows: dict[Any, tuple[Any, ...]]) -> None:
            if generation != self._generation:
                return
            self._pending.discard(page_no)
            self._pages[page_no] = rows
            while len(self._pages) > self._max_pages:
                self._pages.popitem(last=False)
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._keys)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
            self.page_loaded.emit(page_no)

        self._submit(lambda: fetch(keys), arrived)


def _packed(keys: Sequence[Any]) -> Sequence[Any]:
    """Integer ids in an array (8 bytes each, not a Python int each); any other keys in a list."""
    try:
        return array("q", keys)
    except (TypeError, OverflowError):
        return list(keys)
