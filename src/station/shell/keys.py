"""Keyboard habits every list shares: Enter opens the selected row, Down goes from a search box into its list.

A clerk works from the keyboard: type a name, Down to the list, arrows to the row, Enter to open it.
Pages wire their lists with ``open_on_enter`` and ``search_leads_to`` instead of each catching keys.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _OpenOnEnter(QObject):
    def __init__(self, view: QAbstractItemView, open_row: Callable[[QModelIndex], object]) -> None:
        super().__init__(view)
        self._view = view
        self._open = open_row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in ENTER:
            index = self._view.currentIndex()
            if index.isValid():
                self._open(index)
                return True
        return False


def open_on_enter(view: QAbstractItemView, open_row: Callable[[QModelIndex], object]) -> None:
    """Enter (or Return) on the current row does what a double-click does."""
    view.installEventFilter(_OpenOnEnter(view, open_row))


class _IntoList(QObject):
    def __init__(self, box: QLineEdit, view: QAbstractItemView) -> None:
        super().__init__(box)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self._view.model() is not None
            and self._view.model().rowCount() > 0
        ):
            view = self._view
            view.setFocus(Qt.FocusReason.TabFocusReason)
            if not view.currentIndex().isValid():
                view.setCurrentIndex(view.model().index(0, 0))
            view.selectionModel().select(
                view.currentIndex(),
                view.selectionModel().SelectionFlag.ClearAndSelect | view.selectionModel().SelectionFlag.Rows,
            )
            return True
        return False


def search_leads_to(box: QLineEdit, view: QAbstractItemView) -> None:
    """Down in the search box moves to its list (the first row, or the one already chosen)."""
    box.installEventFilter(_IntoList(box, view))


def chain_tabs(owner: QWidget, widgets: Iterable[QWidget]) -> None:
    """Tab visits ``widgets`` in this order (the order they are laid out, top to bottom, left to right)."""
    for first, second in itertools.pairwise(widgets):
        owner.setTabOrder(first, second)


def tab_in_layout_order(window: QWidget) -> None:
    """Chain Tab through the window's visible fields and buttons as they are laid out: line by line from
    the top, left to right within a line (call once the window is shown, when the geometry is known)."""
    focusable = [
        w
        for w in window.findChildren(QWidget)
        if w.isVisibleTo(window)
        and w.isEnabled()
        and w.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        and w.focusProxy() is None
    ]
    placed = sorted(((w.mapTo(window, QPoint(0, 0)), w) for w in focusable), key=lambda p: (p[0].y(), p[0].x()))
    lines: list[list[tuple[QPoint, QWidget]]] = []
    for point, widget in placed:
        line = lines[-1] if lines else None
        if line is not None and point.y() < line[0][0].y() + line[0][1].height():  # overlaps the line's first
            line.append((point, widget))
        else:
            lines.append([(point, widget)])
    chain_tabs(window, [w for line in lines for _, w in sorted(line, key=lambda p: p[0].x())])
