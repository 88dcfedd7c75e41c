"""A table model over keys whose rows are fetched lazily on a worker, a page at a time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

PAGE = 100
Fetch = Callable[[Sequence[str]], dict[str, tuple[Any, ...]]]
Submit = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class KeyedRowsModel(QAbstractTableModel):
    """Holds keys (uids) only; rows come from ``fetch(keys)`` run through ``submit`` (a worker)."""

    def __init__(
        self, context: str, headers: Sequence[str], fetch: Fetch, submit: Submit, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._headers = [QCoreApplication.translate(context, h) for h in headers]
        self._fetch, self._submit = fetch, submit
        self._keys: list[str] = []
        self._rows: dict[str, tuple[Any, ...]] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.align_right: set[int] = set()

    def set_keys(self, keys: Sequence[str], rows: dict[str, tuple[Any, ...]] | None = None) -> None:
        self.beginResetModel()
        self._keys = list(keys)
        self._rows = dict(rows or {})
        self._pending.clear()
        self._generation += 1
        self.endResetModel()

    def key_at(self, row: int) -> str:
        return self._keys[row]

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
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows.get(self._keys[index.row()])
        if row is None:
            self._request(index.row() // PAGE)
            return "…"
        value = row[index.column()]
        return "" if value is None else str(value)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation = self._generation
        keys = self._keys[page * PAGE : (page + 1) * PAGE]

        def arrived(rows: dict[str, tuple[Any, ...]]) -> None:
            if generation != self._generation:
                return
            self._pending.discard(page)
            self._rows.update(rows)
            first, last = page * PAGE, min(len(self._keys), (page + 1) * PAGE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._headers) - 1))

        self._submit(lambda: self._fetch(keys), arrived)
