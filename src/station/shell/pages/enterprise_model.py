"""The enterprise list as a lazy table model: it holds ids only and fetches rows a page at a time.

A page that is not in the cache is fetched on the thread pool; until it arrives its cells show "…".
Only the pages near what is on screen are kept, so 100,000 enterprises scroll in a few megabytes.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from station.contributions import QT_TRANSLATE_NOOP
from station.core import enterprise_fields as ent
from station.core import industry

PAGE_SIZE = 200
MAX_PAGES = 40

# (column key, header in English source text)
COLUMNS = [
    ("uscc", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Credit code")),
    ("name", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Enterprise name")),
    ("legal_rep", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Legal representative")),
    ("industry_code", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Industry")),
    ("zone", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Park zone")),
    ("stage", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Stage")),
    ("registered_capital_fen", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Registered capital (10k yuan)")),
]

STAGES = {
    "startup": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Starting up"),
    "construction": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Construction"),
    "operation": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Operating"),
    "change": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Changing"),
    "exit": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Exiting"),
}


def stage_name(code: str) -> str:
    source = STAGES.get(code)
    return QCoreApplication.translate("EnterpriseTableModel", source) if source else ent.STAGES.get(code, code)


Fetch = Callable[[Sequence[int]], dict[int, tuple[Any, ...]]]
Submit = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class EnterpriseTableModel(QAbstractTableModel):
    page_loaded = Signal(int)

    def __init__(self, fetch: Fetch, submit: Submit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch  # runs on a worker: ids -> rows
        self._submit = submit  # runs a function on a worker and calls back on the UI thread
        self._ids = array("q")
        self._pages: OrderedDict[int, dict[int, tuple[Any, ...]]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        self._headers = [QCoreApplication.translate("EnterpriseTableModel", text) for _, text in COLUMNS]

    # -- content ------------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int], first_page: dict[int, tuple[Any, ...]] | None = None) -> None:
        """A new list; ``first_page``, the rows of its first page if the caller read them along with the
        ids (one trip to the worker less before the first rows show)."""
        self.beginResetModel()
        self._ids = array("q", ids)
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if first_page is not None and ids:
            self._pages[0] = first_page
        self.endResetModel()
        if 0 in self._pages:
            self.page_loaded.emit(0)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def refresh_rows(self) -> None:
        """Drop cached rows (after an edit) and fetch what is visible again."""
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def cached_pages(self) -> int:
        return len(self._pages)

    # -- Qt model API -------------------------------------------------------------------------

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
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[index.column()][0] == "registered_capital_fen":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:
            return "…"
        return self._display(index.column(), row[index.column()], role)

    def _display(self, column: int, value: Any, role: int) -> str:
        key = COLUMNS[column][0]
        if key == "stage":
            return stage_name(value)
        if key == "registered_capital_fen":
            return ent.format_capital(value)
        if key == "industry_code":  # the industry's name; the code and its section in the tooltip
            return industry.label(value or "") if role == Qt.ItemDataRole.ToolTipRole else industry.name(value)
        return "" if value is None else str(value)

    # -- paging -------------------------------------------------------------------------------

    def _row(self, row: int) -> tuple[Any, ...] | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            page = self._pages.get(page_no)  # a synchronous fetcher (tests, previews) answers at once
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
                return  # the list changed while this page was on its way
            self._pending.discard(page_no)
            self._pages[page_no] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            self.page_loaded.emit(page_no)

        self._submit(lambda: fetch(ids), arrived)
