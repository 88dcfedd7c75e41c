"""Picking an enterprise in a field by typing part of its name (or code) instead of its exact credit code.

The suggestions come from the registry's own search on a worker (plain sqlite3, a few milliseconds); the
field keeps the credit code the services take, and shows the name it stands for in its tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtWidgets import QCompleter, QLineEdit

from station.core import registry_queries
from station.shell.dbop import DbOp

if TYPE_CHECKING:  # pragma: no cover
    from station.core.context import StationContext

SUGGESTIONS = 12
DELAY_MS = 150


class EnterprisePicker(QCompleter):
    """Attach with ``EnterprisePicker(field, ctx)``; a pick puts the credit code into ``field``."""

    def __init__(self, field: QLineEdit, ctx: StationContext) -> None:
        self._model = QStringListModel()
        super().__init__(self._model, field)
        self.field, self.ctx = field, ctx
        self._codes: dict[str, str] = {}  # suggestion text -> credit code
        self._serial = 0
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(SUGGESTIONS)
        field.setCompleter(self)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._search)
        field.textEdited.connect(lambda _text: self._timer.start())
        self.activated[str].connect(self._picked)  # type: ignore[index]  # the text overload; stubs lack it

    def pathFromIndex(self, index: Any) -> str:
        return self._codes.get(index.data(), index.data())  # the field receives the code

    def _search(self) -> None:
        query = self.field.text().strip()
        if len(query) < 2 or query in self._codes.values():
            return
        self._serial += 1
        serial = self._serial

        def search(progress: Any) -> list[tuple[str, str]]:
            with self.ctx.raw() as conn:
                ids = registry_queries.search_ids(conn, query, limit=SUGGESTIONS)
                rows = registry_queries.rows_for(conn, ids)
            return [(rows[i][1], rows[i][0]) for i in ids if i in rows]

        def show(found: list[tuple[str, str]]) -> None:
            if serial != self._serial or not self.field.hasFocus():
                return
            self._codes = {f"{name}（{code}）": code for name, code in found}
            self._model.setStringList(list(self._codes))
            self.setCompletionPrefix(query)
            self.complete()

        DbOp(self.field, search, on_done=show).start()

    def _picked(self, text: str) -> None:
        code = self._codes.get(text)
        if code:
            self.field.setText(code)
            self.field.setToolTip(text)
