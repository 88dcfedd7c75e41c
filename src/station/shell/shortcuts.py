"""The window's keyboard shortcuts, and 帮助 → 快捷键 that lists them with the keys every list and box obeys.

One table drives both: what is bound is what is listed, so the list cannot drift from the keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.contributions import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # pragma: no cover
    from station.shell.main_window import MainWindow

PAGE_KEYS = 9  # Ctrl+1 … Ctrl+9: the pages in the order of the navigation


def _tr(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


@dataclass(frozen=True)
class Binding:
    keys: str  # portable text, e.g. "Ctrl+F" (the bound key sequence, and what the list shows)
    what: str  # English source, translated in the "Shortcuts" context
    run: Callable[[MainWindow], object] | None = None  # None: a key the lists and boxes obey themselves


def focus_search(window: MainWindow) -> None:
    """The current page's search box (the first line edit named …search or …scan)."""
    page = window.stack.currentWidget()
    if page is None:
        return
    for box in page.findChildren(QLineEdit):
        name = box.objectName()
        if box.isVisible() and (name.endswith("search") or name == "scan"):
            box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            box.selectAll()
            return


def sync_now(window: MainWindow) -> None:
    if window.sync_action.isEnabled():
        window.sync_action.trigger()


def refresh_page(window: MainWindow) -> None:
    page = window.stack.currentWidget()
    for name in ("refresh", "reload", "run_search"):
        method = getattr(page, name, None)
        if callable(method):
            method()
            return


def _nth_page(n: int) -> Callable[[MainWindow], object]:
    def go(window: MainWindow) -> None:
        visible = [window.nav.item(i) for i in range(window.nav.count()) if not window.nav.item(i).isHidden()]
        enabled = [item for item in visible if item.flags() & Qt.ItemFlag.ItemIsEnabled]
        if n < len(enabled):
            window.nav.setCurrentItem(enabled[n])

    return go


BINDINGS = [
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+F"),
        QT_TRANSLATE_NOOP("Shortcuts", "Go to the search box of this page"),
        focus_search,
    ),
    Binding(QT_TRANSLATE_NOOP("Shortcuts", "F5"), QT_TRANSLATE_NOOP("Shortcuts", "Refresh this page"), refresh_page),
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "F9"),
        QT_TRANSLATE_NOOP("Shortcuts", "Synchronise with the hall now"),
        sync_now,
    ),
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+1 … Ctrl+9"),
        QT_TRANSLATE_NOOP("Shortcuts", "Open the first, second … ninth page of the navigation"),
    ),
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "F1"),
        QT_TRANSLATE_NOOP("Shortcuts", "Show this list of shortcuts"),
        lambda w: show_shortcuts(w),
    ),
    Binding(QT_TRANSLATE_NOOP("Shortcuts", "Ctrl+Q"), QT_TRANSLATE_NOOP("Shortcuts", "Quit")),
    Binding(QT_TRANSLATE_NOOP("Shortcuts", "↓"), QT_TRANSLATE_NOOP("Shortcuts", "From a search box: into its list")),
    Binding(QT_TRANSLATE_NOOP("Shortcuts", "↑ ↓"), QT_TRANSLATE_NOOP("Shortcuts", "In a list: move between rows")),
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "Enter"),
        QT_TRANSLATE_NOOP("Shortcuts", "In a list: open the selected row; in a box with one field: confirm"),
    ),
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "Tab / Shift+Tab"),
        QT_TRANSLATE_NOOP("Shortcuts", "Next / previous field, in the order they are laid out"),
    ),
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "Space"), QT_TRANSLATE_NOOP("Shortcuts", "Press the button that has the focus")
    ),
    Binding(
        QT_TRANSLATE_NOOP("Shortcuts", "Esc"),
        QT_TRANSLATE_NOOP("Shortcuts", "Close the dialog (it asks first when there are unsaved changes)"),
    ),
]


def install(window: MainWindow) -> None:
    """Bind the window's shortcuts (Ctrl+Q is the Quit action's own)."""
    for binding in BINDINGS:
        if binding.run is not None:
            shortcut = QShortcut(QKeySequence(binding.keys), window)
            shortcut.activated.connect(lambda b=binding: b.run(window))
    for n in range(PAGE_KEYS):
        shortcut = QShortcut(QKeySequence(f"Ctrl+{n + 1}"), window)
        shortcut.activated.connect(lambda go=_nth_page(n): go(window))


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(BINDINGS), 2)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, binding in enumerate(BINDINGS):
            self.table.setItem(row, 0, QTableWidgetItem(_tr(binding.keys)))
            self.table.setItem(row, 1, QTableWidgetItem(_tr(binding.what)))
        self.table.resizeColumnToContents(0)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 420)


def show_shortcuts(window: QWidget) -> None:
    ShortcutsDialog(window).open()
