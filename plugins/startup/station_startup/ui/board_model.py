"""The board of startup cases: a table model over case ids with every case's colours set in one go.

Rows (number, name, clerk, …) are fetched a page at a time on a worker, by the station's lazy table model. The
colours of all cases arrive together from one query (``services.board_colours``) and are kept as a dict
of small tuples, so a refresh of 10,000 cases is one assignment and one ``dataChanged`` on the UI thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from station.api import QT_TRANSLATE_NOOP, local_text
from station.api.ui import PAGE_SIZE, Fetch, LazyTableModel, Submit

__all__ = ["PAGE_SIZE", "RANK_COLOUR", "StartupBoardModel"]
from station_startup import catalogue
from station_startup.ui import names

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


class StartupBoardModel(LazyTableModel):
    """The plugin API's lazy model over case ids, with the colour columns answered from ``colours``."""

    def __init__(self, fetch: Fetch, submit: Submit, parent: QObject | None = None) -> None:
        cat = catalogue.load()
        translate = QCoreApplication.translate
        headers = [translate("StartupBoardModel", text) for _, text in TEXT_COLUMNS]
        headers += [names.step(s.code, s.name) for s in cat.steps]
        headers.append(translate("StartupBoardModel", STATE_HEADER))
        type_names = {code: names.case_type(code, t.name) for code, t in cat.case_types.items()}
        super().__init__(
            headers, fetch, submit, lambda c, v: _render(type_names, c, v), max_pages=MAX_PAGES, parent=parent
        )
        self._colours: Mapping[int, tuple[int, ...]] = {}
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
        self._colours = colours
        self.set_keys(ids, first_page)

    def set_colours(self, colours: Mapping[int, tuple[int, ...]]) -> None:
        """New colours for the same cases: one assignment, one signal over the colour columns."""
        self._colours = colours
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self._first_step),
                self.index(self.rowCount() - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole],
            )

    def ids(self) -> list[int]:
        return self.keys()

    def id_at(self, row: int) -> int:
        return int(self.key_at(row))

    # -- Qt model API -------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and many roles on each paint: answer the common "nothing" fast.
        column = index.column()
        if column < self._first_step:
            return None if role in (BACKGROUND, FOREGROUND) else super().data(index, role)
        if role not in (DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND):
            return super().data(index, role) if role == USER else None
        row_no = index.row()
        if not 0 <= row_no < self.rowCount():
            return None
        ranks = self._colours.get(self.key_at(row_no))
        if ranks is None:
            return None
        rank = ranks[0] if column == self._first_step + self._steps else ranks[1 + column - self._first_step]
        if role == BACKGROUND:
            return self._brushes.get(rank)
        if role == FOREGROUND:
            return self._dark if rank in self._brushes else None  # dark text on light colours, any theme
        return self._rank_text[rank]


_CASE_TYPE, _DEADLINE = (i for i, (key, _) in enumerate(TEXT_COLUMNS) if key in ("case_type", "deadline_at"))


def _render(type_names: Mapping[str, str], column: int, value: Any) -> str:
    if column == _CASE_TYPE:
        return type_names.get(value, value)
    if column == _DEADLINE and value:
        return local_text(str(value).replace(" ", "T") + "+00:00")[:16]
    return "" if value is None else str(value)
