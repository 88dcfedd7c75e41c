"""Asking once before an act that moves money or cannot be undone (pay, approve, reject, revoke, delete).

One place for it, so every such question reads and behaves alike: it names the enterprise, the number and
the amount in a sentence; the safe answer (Cancel) is the default, so a stray Enter never pays or revokes;
a reason the act needs is asked in the same box and an empty one is refused under the field, without
closing the box.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from station.shell.form_dialog import FormDialog
from station.shell.keys import tab_in_layout_order

# Wide enough for a long enterprise name and a licence number on one or two lines, at 125 % too.
ASK_WIDTH = 520


def confirm(parent: QWidget | None, title: str, sentence: str, act: str) -> bool:
    """``True`` if the person chose ``act``; Cancel is the default and Esc answers it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(sentence)
    box.setTextFormat(Qt.TextFormat.PlainText)
    do = box.addButton(act, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(QMessageBox.StandardButton.Cancel)
    do.setObjectName("confirm_act")
    keep.setObjectName("confirm_cancel")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is do


def safe_buttons(*buttons: QPushButton) -> None:
    """Buttons that act (pay, reject…) never become the default: Enter after a step must not start one."""
    for button in buttons:
        button.setAutoDefault(False)
        button.setDefault(False)


class AskDialog(FormDialog):
    """A sentence naming what is about to happen, fields the act needs, an error line, Cancel and the act.

    Enter in a field submits (``check`` refuses what is missing inline); no button is the default, so Enter
    on an empty box never acts. Subclasses add their fields with ``add_row`` and override ``check``.
    """

    def __init__(self, parent: QWidget | None, title: str, sentence: str, act: str) -> None:
        super().__init__(parent, title, act=act, safe=True, error_name="ask_error")
        self.setMinimumWidth(ASK_WIDTH)
        self.sentence = QLabel(sentence)
        self.sentence.setObjectName("ask_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.body.insertWidget(0, self.sentence)
        self.buttons = self.button_box
        self.act_button = self.ok_button
        self.act_button.setObjectName("ask_act")

    def add_row(self, label: str, field: QWidget) -> QWidget:
        super().add_row(label, field)
        if isinstance(field, QLineEdit):
            field.returnPressed.connect(self.submit)
        return field

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The buttons were made before the fields a subclass adds: Tab follows the layout instead.
        tab_in_layout_order(self)


class ReasonDialog(AskDialog):
    """Asks for the reason an act needs (kept on record, often told to the enterprise); refuses an empty one."""

    def __init__(
        self, parent: QWidget | None, title: str, sentence: str, act: str, *, label: str = "", missing: str = ""
    ) -> None:
        super().__init__(parent, title, sentence, act)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Kept on record"))
        self.add_row(label or self.tr("Reason"), self.reason)
        self._missing = missing or self.tr("Please write the reason; it is kept on record.")
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self) -> str | None:
        return None if self.reason.text().strip() else self._missing

    def text(self) -> str:
        return self.reason.text().strip()


def ask_reason(parent: QWidget | None, title: str, sentence: str, act: str, **kwargs: Any) -> str | None:
    """The reason typed, or ``None`` if the person cancelled."""
    dialog = ReasonDialog(parent, title, sentence, act, **kwargs)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


def discard_changes(parent: QWidget | None) -> bool:
    """Esc or Close on a form with edits: ``True`` to throw them away; keeping them is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Confirm", "Unsaved changes"))
    box.setText(QCoreApplication.translate("Confirm", "You have changes that are not saved. Close and lose them?"))
    drop = box.addButton(
        QCoreApplication.translate("Confirm", "Close without saving"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(QCoreApplication.translate("Confirm", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
    drop.setObjectName("discard_drop")
    keep.setObjectName("discard_keep")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is drop


class GuardsEdits:
    """Mixin for a form dialog: Esc, Cancel or the window's close asks before throwing edits away.

    The dialog calls ``mark_clean()`` once its fields are filled; ``snapshot()`` is what it compares.
    """

    _clean: Any = None

    def snapshot(self) -> Any:
        """What the person can change: every editable field's value (a dialog may narrow it)."""
        values: list[Any] = []
        for w in self.findChildren(QWidget):  # type: ignore[attr-defined]
            if isinstance(w, QLineEdit) and not w.isReadOnly():
                values.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                values.append(w.toPlainText())
            elif isinstance(w, QComboBox):
                values.append(w.currentIndex())
            elif isinstance(w, QAbstractButton) and w.isCheckable():
                values.append(w.isChecked())
            elif isinstance(w, QAbstractSpinBox):
                values.append(w.text())
        return values

    def mark_clean(self) -> None:
        self._clean = self.snapshot()

    def has_edits(self) -> bool:
        return self._clean is not None and self.snapshot() != self._clean

    def reject(self) -> None:
        if self.has_edits() and not discard_changes(self):  # type: ignore[arg-type]
            return
        super().reject()  # type: ignore[misc]
