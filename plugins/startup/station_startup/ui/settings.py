"""The park's promise and calendar: time limit per case type, when a case turns yellow, working hours,
and the days the park closes or opens beyond the national holidays (supervisors and administrators)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import DbOp, FormDialog, tab_in_layout_order
from station_startup import catalogue, services
from station_startup.ui import names

if TYPE_CHECKING:  # pragma: no cover
    from station_startup.ui.board import StartupBoardPage


class LimitPicker(QWidget):
    """A time limit as a number and a unit picked from a list: 4 个工作小时, 1 个工作日."""

    def __init__(self) -> None:
        super().__init__()
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0.5, 30)
        self.amount.setDecimals(1)
        self.amount.setSingleStep(0.5)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("working hours"), "h")
        self.unit.addItem(self.tr("working days"), "d")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount)
        row.addWidget(self.unit)
        row.addStretch(1)

    def set_text(self, text: str) -> None:
        """From the stored form ("4h", "1d")."""
        self.amount.setValue(float(text[:-1]))
        self.unit.setCurrentIndex(max(0, self.unit.findData(text[-1])))

    def text(self) -> str:
        return f"{self.amount.value():g}{self.unit.currentData()}"


class HoursPicker(QWidget):
    """Working hours as a morning and an afternoon, each from–to, picked on clocks."""

    def __init__(self) -> None:
        super().__init__()
        self.spans = [(QTimeEdit(), QTimeEdit()) for _ in range(2)]
        self.afternoon = QCheckBox(self.tr("Afternoon"))
        self.afternoon.setChecked(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Morning")))
        for i, (start, end) in enumerate(self.spans):
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
            if i == 1:
                row.addWidget(self.afternoon)
                self.afternoon.toggled.connect(start.setEnabled)
                self.afternoon.toggled.connect(end.setEnabled)
            row.addWidget(start)
            row.addWidget(QLabel(self.tr("to")))
            row.addWidget(end)
        row.addStretch(1)

    def set_text(self, text: str) -> None:
        """From the stored form ("09:00-12:00,13:30-17:30")."""
        spans = [span.split("-") for span in text.split(",") if span]
        for (start, end), span in zip(self.spans, spans, strict=False):
            start.setTime(QTime.fromString(span[0], "HH:mm"))
            end.setTime(QTime.fromString(span[1], "HH:mm"))
        self.afternoon.setChecked(len(spans) > 1)

    def text(self) -> str:
        spans = self.spans if self.afternoon.isChecked() else self.spans[:1]
        return ",".join(f"{a.time().toString('HH:mm')}-{b.time().toString('HH:mm')}" for a, b in spans)


class DatesPicker(QWidget):
    """Dates picked on a calendar and listed one a line (the list can be edited too)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.list = QPlainTextEdit()
        self.list.setObjectName(name)
        self.list.setFixedHeight(64)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add)
        column = QVBoxLayout()
        column.addWidget(self.day)
        column.addWidget(add)
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(column)

    def add(self) -> None:
        day = self.day.date().toString("yyyy-MM-dd")
        days = [line for line in self.list.toPlainText().splitlines() if line.strip()]
        if day not in days:
            self.list.setPlainText("\n".join(sorted([*days, day])))

    def setPlainText(self, text: str) -> None:
        self.list.setPlainText(text)

    def toPlainText(self) -> str:
        return self.list.toPlainText()


class SettingsDialog(FormDialog):
    def __init__(self, page: StartupBoardPage) -> None:
        super().__init__(page, save=True, error_name="settings_error")
        self.page = page
        self.ctx = page.ctx
        self.setWindowTitle(self.tr("Startup time limits and working calendar"))
        self.limits: dict[str, LimitPicker] = {}
        form = self.form
        for code, spec in catalogue.load().case_types.items():
            picker = LimitPicker()
            picker.setObjectName(f"limit_{code}")
            self.limits[code] = picker
            form.addRow(names.case_type(code, spec.name), picker)
        self.yellow = QSpinBox()
        self.yellow.setObjectName("yellow_percent")
        self.yellow.setRange(1, 99)
        self.yellow.setSuffix("%")
        form.addRow(self.tr("Yellow when less time is left than"), self.yellow)
        self.hours = HoursPicker()
        self.hours.setObjectName("hours")
        form.addRow(self.tr("Working hours"), self.hours)
        self.closed = DatesPicker("closed")
        form.addRow(self.tr("Park closed on"), self.closed)
        self.opened = DatesPicker("extra_workdays")
        form.addRow(self.tr("Park open on"), self.opened)
        note = QLabel(
            self.tr(
                "New time limits apply to cases taken from now on. Public holidays and adjusted workdays "
                "follow the State Council's notices."
            )
        )
        note.setWordWrap(True)
        self.extra.addWidget(note)

        def load(progress: Any) -> dict[str, Any]:
            with self.ctx.read() as session:
                return services.settings_form(session)

        DbOp(self, load, on_done=self.show_form).start()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        tab_in_layout_order(self)  # the pickers are composite widgets: Tab follows what is on screen

    def show_form(self, form: dict[str, Any]) -> None:
        for code, text in form["limits"].items():
            self.limits[code].set_text(text)
        self.yellow.setValue(form["yellow_percent"])
        self.hours.set_text(form["hours"])
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

        self.save_with(run)
