"""The park's promise and calendar: time limit per case type, when a case turns yellow, working hours,
and the days the park closes or opens beyond the national holidays (supervisors and administrators)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station.shell.dbop import DbOp
from station.shell.widgets import error_label
from station_startup import catalogue, services


class SettingsDialog(QDialog):
    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.setWindowTitle(self.tr("Startup time limits and working calendar"))
        self.limits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for code, spec in catalogue.load().case_types.items():
            edit = QLineEdit()
            edit.setObjectName(f"limit_{code}")
            edit.setPlaceholderText(self.tr("4h = 4 working hours, 1d = 1 working day"))
            self.limits[code] = edit
            form.addRow(spec.name, edit)
        self.yellow = QSpinBox()
        self.yellow.setObjectName("yellow_percent")
        self.yellow.setRange(1, 99)
        self.yellow.setSuffix("%")
        form.addRow(self.tr("Yellow when less time is left than"), self.yellow)
        self.hours = QLineEdit()
        self.hours.setObjectName("hours")
        form.addRow(self.tr("Working hours"), self.hours)
        self.closed = QPlainTextEdit()
        self.closed.setObjectName("closed")
        self.closed.setFixedHeight(70)
        form.addRow(self.tr("Park closed on (one date a line)"), self.closed)
        self.opened = QPlainTextEdit()
        self.opened.setObjectName("extra_workdays")
        self.opened.setFixedHeight(70)
        form.addRow(self.tr("Park open on (one date a line)"), self.opened)
        note = QLabel(
            self.tr(
                "New time limits apply to cases taken from now on. Public holidays and adjusted workdays "
                "follow the State Council's notices."
            )
        )
        note.setWordWrap(True)
        self.error = error_label("settings_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        def load(progress: Any) -> dict[str, Any]:
            with self.ctx.read() as session:
                return services.settings_form(session)

        DbOp(self, load, on_done=self.show_form).start()

    def show_form(self, form: dict[str, Any]) -> None:
        for code, text in form["limits"].items():
            self.limits[code].setText(text)
        self.yellow.setValue(form["yellow_percent"])
        self.hours.setText(form["hours"])
        self.closed.setPlainText(form["closed"])
        self.opened.setPlainText(form["extra_workdays"])

    def save(self) -> None:
        form = {
            "limits": {code: edit.text() for code, edit in self.limits.items()},
            "yellow_percent": self.yellow.value(),
            "hours": self.hours.text(),
            "closed": self.closed.toPlainText(),
            "extra_workdays": self.opened.toPlainText(),
        }
        actor = self.page.shell.actor

        def run(progress: Any) -> None:
            with self.ctx.work(actor) as work:
                services.save_settings_form(work, form)

        def failed(exc: BaseException) -> None:
            from station.errors import UserError
            from station.shell.dbop import show_error

            if isinstance(exc, UserError):
                self.error.setText(exc.message)
                self.error.show()
            else:
                show_error(self, exc)

        DbOp(self, run, on_done=lambda _r: self.accept(), on_error=failed).start()
