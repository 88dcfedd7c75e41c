"""The station's form dialog: one base for every form a clerk fills in.

Rows of fields, then whatever else the form shows, a red line saying what is wrong, and the buttons: OK named
for the act ("签发", "受理") and Cancel. OK runs ``submit``: ``check`` says what is missing as a sentence (shown
in the red line, the dialog stays open), then ``save`` does the work (by default the dialog just closes; a
form that writes calls ``save_with`` to do it off the UI thread, keeping the form open on a refusal). A
``safe`` form (pay, revoke, reject) has no default button, so a stray Enter never acts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPushButton, QVBoxLayout, QWidget

from station.errors import UserError, ValidationError
from station.shell.widgets import error_label

OK, SAVE, CANCEL = (
    QDialogButtonBox.StandardButton.Ok,
    QDialogButtonBox.StandardButton.Save,
    QDialogButtonBox.StandardButton.Cancel,
)


class FormDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        title: str = "",  # a subclass sets its own with self.tr() once constructed
        *,
        act: str | None = None,
        save: bool = False,
        safe: bool = False,
        error_name: str = "form_error",
    ) -> None:
        super().__init__(parent)
        if title:
            self.setWindowTitle(title)
        self.body = QVBoxLayout(self)
        self.form = QFormLayout()
        self.body.addLayout(self.form)
        self.extra = QVBoxLayout()  # what a form shows below its rows (a table, a note)
        self.extra.setContentsMargins(0, 0, 0, 0)
        self.body.addLayout(self.extra)
        self.error = error_label(error_name)
        self.body.addWidget(self.error)
        self.button_box = QDialogButtonBox()
        if safe:
            # ActionRole, not AcceptRole: a button box makes its first accept button the default on show.
            self.ok_button: QPushButton = self.button_box.addButton(act or "", QDialogButtonBox.ButtonRole.ActionRole)
            self.ok_button.clicked.connect(self.submit)
            cancel = self.button_box.addButton(CANCEL)
            for button in (self.ok_button, cancel):
                button.setAutoDefault(False)
                button.setDefault(False)
        else:
            self.button_box.setStandardButtons((SAVE if save else OK) | CANCEL)
            self.ok_button = self.button_box.button(SAVE if save else OK)
            if act:
                self.ok_button.setText(act)
            self.button_box.accepted.connect(self.submit)
        self.button_box.rejected.connect(self.reject)
        self.body.addWidget(self.button_box)

    def add_row(self, label: str, field: QWidget) -> QWidget:
        self.form.addRow(label, field)
        return field

    def check(self) -> str | None:
        """What is missing or wrong, as a sentence; ``None`` when the form may be saved."""
        return None

    def save(self) -> None:
        """Do what the form is for; by default close it (the caller reads the fields)."""
        self.accept()

    def submit(self) -> None:
        problem = self.check()
        if problem:
            self.refuse(problem)
            return
        self.error.hide()
        self.save()

    def save_with(self, work: Callable[[Any], Any], done: Callable[[Any], None] | None = None) -> None:
        """Save off the UI thread: ``work(progress)`` runs on a worker; a refusal the clerk can fix (a
        ``UserError``) shows under the fields and the form stays open with what was typed; anything else is
        reported as the station reports errors. ``done(result)`` runs on the UI thread (by default: close)."""
        from station.shell.dbop import DbOp, show_error

        self.ok_button.setEnabled(False)  # one save at a time: a second press would save twice

        def failed(exc: BaseException) -> None:
            self.ok_button.setEnabled(True)
            if isinstance(exc, UserError):
                self.refuse(exc)
            else:
                show_error(self, exc)

        DbOp(self, work, on_done=done or (lambda _result: self.accept()), on_error=failed).start()

    def refuse(self, problem: str | BaseException) -> None:
        """Show why the form cannot be saved, under the fields; nothing typed is lost."""
        self.error.setText(problem if isinstance(problem, str) else self.sentence_for(problem))
        self.error.show()
        self.adjustSize()

    def sentence_for(self, exc: BaseException) -> str:
        if isinstance(exc, ValidationError):
            return "\n".join(exc.fields.values())
        if isinstance(exc, UserError):
            return exc.message
        return self.tr("This could not be saved; the log says why.")
