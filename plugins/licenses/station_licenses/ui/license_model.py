"""The licence list as a lazy table model: ids only, rows fetched a page at a time off the UI thread."""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from station.contributions import QT_TRANSLATE_NOOP

PAGE_SIZE = 200
MAX_PAGES = 20

COLUMNS = [
    ("number", QT_TRANSLATE_NOOP("LicenseTableModel", "Licence number")),
    ("name", QT_TRANSLATE_NOOP("LicenseTableModel", "Enterprise")),
    ("uscc", QT_TRANSLATE_NOOP("LicenseTableModel", "Credit code")),
    ("permits", QT_TRANSLATE_NOOP("LicenseTableModel", "Permits")),
    ("expires_on", QT_TRANSLATE_NOOP("LicenseTableModel", "Valid until")),
    ("status", QT_TRANSLATE_NOOP("LicenseTableModel", "Status")),
    ("station", QT_TRANSLATE_NOOP("LicenseTableModel", "Issued by")),
]
STATUS = {
    "valid": QT_TRANSLATE_NOOP("LicenseTableModel", "Valid"),
    "revoked": QT_TRANSLATE_NOOP("LicenseTableModel", "Revoked"),
}

Fetch = Callable[[Sequence[int]], dict[int, tuple[Any, ...]]]
Submit = Callable[[Callable[[], Any], Callable[[Any], None]], None]


def fetch_rows(session: Any, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The rows for ``ids`` in column order (runs on a worker)."""
    import json

    from station_licenses import catalogue, services

    out = {}
    for lic_id, lic in services.licenses_for(session, ids).items():
        kinds = "、".join(catalogue.name_of(k) for k, _, _ in json.loads(lic.permits))
        out[lic_id] = (
            lic.number, lic.name, lic.uscc, kinds, lic.expires_on.isoformat(), lic.status, lic.station_code,
        )  # fmt: skip
    return out


class LicenseTableModel(QAbstractTableModel):
    def __init__(self, fetch: Fetch, submit: Submit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._submit = submit
        self._ids = array("q")
        self._pages: OrderedDict[int, dict[int, tuple[Any, ...]]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._headers = [QCoreApplication.translate("LicenseTableModel", text) for _, text in COLUMNS]

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = array("q", ids)
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_values(self, row: int) -> tuple[Any, ...] | None:
        return self._row(row)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(COLUMNS) else None
        return section + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            return None
        row = self._row(index.row())
        if row is None:
            return None if role == Qt.ItemDataRole.ForegroundRole else "…"
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#b3261e") if key == "status" and row[5] != "valid" else None
        value = row[index.column()]
        if key == "status":
            return QCoreApplication.translate("LicenseTableModel", STATUS.get(value, value))
        return "" if value is None else str(value)

    def _row(self, row: int) -> tuple[Any, ...] | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            page = self._pages.get(page_no)
            if page is None:
                return None
        self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    def _request(self, page_no: int) -> None:
        if page_no in self._pending:
            return
        self._pending.add(page_no)
        ids = self._ids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE].tolist()
        generation = self._generation
        fetch = self._fetch

        def arrived(rows: dict[int, tuple[Any, ...]]) -> None:
            if generation != self._generation:
                return
            self._pending.discard(page_no)
            self._pages[page_no] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

        self._submit(lambda: fetch(ids), arrived)
