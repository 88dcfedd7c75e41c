"""The board of startup cases: a table model over case ids with every case's colours set in one go.

Rows (number, name, clerk, …) are fetched a page at a time on a worker, like the enterprise list. The
colours of all cases arrive together from one query (``services.board_colours``) and are kept as a dict
of small tuples, so a refresh of 10,000 cases is one assignment and one ``dataChanged`` on the UI thread.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from station.contributions import QT_TRANSLATE_NOOP
from station.core.clock import local_text
from station_startup import catalogue
from station_startup.ui import names

PAGE_SIZE = 200
MAX_PAGES = 40

TEXT_COLUMNS = [
    ("number", QT_TRANSLATE_NOOP("StartupBoardModel", "Case number")),
    ("enterprise_name", QT_TRANSLATE_NOOP("StartupBoardModel", "Enterprise name")),
    ("case_type", QT_TRANSLATE_NOOP("StartupBoardModel", "Type")),
    ("clerk", QT_TRANSLATE_NOOP("StartupBoardModel", "Clerk")),
    ("agent", QT_TRANSLATE_NOOP("StartupBoardModel", "Helper agent")),
    ("deadline_at", QT_TRANSLATE_NOOP("StartupBoardModel", "Deadline")),
]
STATE_HEADER = QT_TRANSLATE_NOOP("StartupBoardModel", "Warning")
RANK_TEXT = {
    -1: QT_TRANSLATE_NOOP("StartupBoardModel", "Done"),
    0: QT_TRANSLATE_NOOP("StartupBoardModel", "On time"),
    1: QT_TRANSLATE_NOOP("StartupBoardModel", "Near deadline"),
    2: QT_TRANSLATE_NOOP("StartupBoardModel", "Overdue"),
}
RANK_COLOUR = {-1: "#c8e6c9", 1: "#fff59d", 2: "#ef9a9a"}  # green, yellow, red; on time stays plain

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
BACKGROUND = Qt.ItemDataRole.BackgroundRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
USER = Qt.ItemDataRole.UserRole

Fetch = Callable[[Sequence[int]], dict[int, tuple[Any, ...]]]
Submit = Callable[[Callable[[], Any], Callable[[Any], None]], None]


class StartupBoardModel(QAbstractTableModel):
    def __init__(self, fetch: Fetch, submit: Submit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._submit = submit
        self._ids = array("q")
        self._colours: Mapping[int, tuple[int, ...]] = {}
        self._pages: OrderedDict[int, dict[int, tuple[Any, ...]]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0
        cat = catalogue.load()
        self._type_names = {code: names.case_type(code, t.name) for code, t in cat.case_types.items()}
        translate = QCoreApplication.translate
        self._headers = [translate("StartupBoardModel", text) for _, text in TEXT_COLUMNS]
        self._headers += [names.step(s.code, s.name) for s in cat.steps]
        self._headers.append(translate("StartupBoardModel", STATE_HEADER))
        self._rank_text = {rank: translate("StartupBoardModel", text) for rank, text in RANK_TEXT.items()}
        self._brushes = {rank: QBrush(QColor(colour)) for rank, colour in RANK_COLOUR.items()}
        self._dark = QBrush(QColor("#202020"))
        self._steps = len(cat.steps)
        self._first_step = len(TEXT_COLUMNS)

    # -- content ------------------------------------------------------------------------------

    def set_ids(
        self,
        ids: Sequence[int],
        colours: Mapping[int, tuple[int, ...]],
        first_page: dict[int, tuple[Any, ...]] | None = None,
    ) -> None:
        """Show ``ids``. ``first_page``, fetched on the worker with the ids, paints the top rows at once."""
        self.beginResetModel()
        self._ids = array("q", ids)
        self._colours = colours
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if first_page is not None:
            self._pages[0] = first_page
        self.endResetModel()

    def set_colours(self, colours: Mapping[int, tuple[int, ...]]) -> None:
        """New colours for the same cases: one assignment, one signal over the colour columns."""
        self._colours = colours
        if self._ids:
            self.dataChanged.emit(
                self.index(0, self._first_step),
                self.index(len(self._ids) - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
            )

    def ids(self) -> list[int]:
        return self._ids.tolist()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def refresh_rows(self) -> None:
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1))

    # -- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return section + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and many roles on each paint: answer the common "nothing" fast.
        if role in (DISPLAY, TOOLTIP):
            pass
        elif role in (BACKGROUND, FOREGROUND):
            if index.column() < self._first_step:
                return None
        elif role == USER:
            return self._ids[index.row()] if 0 <= index.row() < len(self._ids) else None
        else:
            return None
        row_no, column = index.row(), index.column()
        if not 0 <= row_no < len(self._ids):
            return None
        if column >= self._first_step:
            ranks = self._colours.get(self._ids[row_no])
            if ranks is None:
                return None
            rank = ranks[0] if column == self._first_step + self._steps else ranks[1 + column - self._first_step]
            if role == BACKGROUND:
                return self._brushes.get(rank)
            if role == FOREGROUND:
                return self._dark if rank in self._brushes else None  # dark text on light colours, any theme
            return self._rank_text[rank]
        row = self._row(row_no)
        if row is None:
            return "…"
        value = row[column]
        key = TEXT_COLUMNS[column][0]
        if key == "case_type":
            return self._type_names.get(value, value)
        if key == "deadline_at" and value:
            return local_text(str(value).replace(" ", "T") + "+00:00")[:16]
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
                return
            self._pending.discard(page_no)
            self._pages[page_no] = rows
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, self._first_step - 1))

        self._submit(lambda: fetch(ids), arrived)
