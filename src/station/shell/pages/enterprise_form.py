"""The enterprise detail/edit form. Validation is the core's; the form shows its sentences by each field."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.contributions import QT_TRANSLATE_NOOP
from station.core import enterprise_fields as ent
from station.core import industry
from station.errors import UserError, ValidationError
from station.shell.confirm import GuardsEdits
from station.shell.pages.enterprise_model import stage_name
from station.shell.widgets import error_label

# The form's words in English source text (core.enterprise_fields keeps the Chinese ones for import
# templates and error messages); translated through the "EnterpriseForm" context.
LABELS = {
    "uscc": QT_TRANSLATE_NOOP("EnterpriseForm", "Unified social credit code"),
    "name": QT_TRANSLATE_NOOP("EnterpriseForm", "Enterprise name"),
    "legal_rep": QT_TRANSLATE_NOOP("EnterpriseForm", "Legal representative"),
    "industry_code": QT_TRANSLATE_NOOP("EnterpriseForm", "Industry"),
    "registered_capital": QT_TRANSLATE_NOOP("EnterpriseForm", "Registered capital (10k yuan)"),
    "employees": QT_TRANSLATE_NOOP("EnterpriseForm", "Employees"),
    "founded_on": QT_TRANSLATE_NOOP("EnterpriseForm", "Founded on"),
    "address": QT_TRANSLATE_NOOP("EnterpriseForm", "Address"),
    "zone": QT_TRANSLATE_NOOP("EnterpriseForm", "Park zone"),
    "contact_person": QT_TRANSLATE_NOOP("EnterpriseForm", "Contact person"),
    "contact_phone": QT_TRANSLATE_NOOP("EnterpriseForm", "Contact phone"),
    "stage": QT_TRANSLATE_NOOP("EnterpriseForm", "Life-cycle stage"),
}
PLACEHOLDERS = {
    "uscc": QT_TRANSLATE_NOOP("EnterpriseForm", "18 characters, such as 91430211MA4PXE5QXY"),
    "industry_code": QT_TRANSLATE_NOOP(
        "EnterpriseForm", "Type a few characters of the industry's name and pick it, or a code such as C3411"
    ),
    "registered_capital": QT_TRANSLATE_NOOP("EnterpriseForm", "In 10k yuan, such as 500"),
    "founded_on": QT_TRANSLATE_NOOP("EnterpriseForm", "Such as 2021-06-18"),
    "contact_phone": QT_TRANSLATE_NOOP("EnterpriseForm", "Mobile, or landline with area code"),
}


def _words(text: str) -> str:
    return QCoreApplication.translate("EnterpriseForm", text) if text else ""


class IndustryCompleter(QCompleter):
    """Type part of an industry's name (软件, 通用设备) and pick it: the field receives its code."""

    def __init__(self, field: QLineEdit) -> None:
        self._codes = {f"{title}（{code}）": code for code, title in industry.choices()}
        super().__init__(list(self._codes), field)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        field.setCompleter(self)

    def pathFromIndex(self, index: Any) -> str:
        return self._codes.get(index.data(), index.data())


Save = Callable[[dict[str, str], Callable[[Any], None], Callable[[BaseException], None]], None]


class EnterpriseForm(GuardsEdits, QDialog):
    def __init__(
        self,
        parent: QWidget,
        values: Mapping[str, str] | None,
        save: Save,
        *,
        read_only: bool = False,
        history: Sequence[tuple[str, ...]] = (),
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(self.tr("Enterprise") if values else self.tr("Register an enterprise"))
        self.setMinimumWidth(520)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in ent.EDITABLE:
            if key == "stage":
                combo = QComboBox()
                for code in ent.STAGES:
                    combo.addItem(stage_name(code), code)
                combo.setCurrentIndex(max(0, combo.findData((values or {}).get("stage", "operation"))))
                widget: QLineEdit | QComboBox = combo
                widget.setEnabled(not read_only)
            else:
                widget = QLineEdit((values or {}).get(key, ""))
                widget.setPlaceholderText(_words(PLACEHOLDERS.get(key, "")))
                widget.setReadOnly(read_only)
            widget.setObjectName(key)
            if key == "industry_code" and isinstance(widget, QLineEdit):
                IndustryCompleter(widget)
            error = error_label(f"{key}_error")
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow(_words(LABELS[key]), box)
            self.fields[key] = widget
            self.errors[key] = error
        self.message = error_label("message")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Close
            if read_only
            else QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        if values:  # an existing enterprise: its details and, on a second tab, every recorded change
            details = QWidget()
            details.setLayout(form)
            tabs = QTabWidget()
            tabs.addTab(details, self.tr("Details"))
            tabs.addTab(self._history_table(history), self.tr("History (%1)").replace("%1", str(len(history))))
            layout.addWidget(tabs)
        else:
            layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._read_only = read_only
        self.mark_clean()

    def snapshot(self) -> dict[str, str]:
        return {} if self._read_only else self.values()

    def _history_table(self, history: Sequence[tuple[str, ...]]) -> QTableWidget:
        table = QTableWidget(len(history), 4)
        table.setObjectName("history")
        table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Change")])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, entry in enumerate(history):
            for column, text in enumerate(entry):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def values(self) -> dict[str, str]:
        out = {}
        for key, widget in self.fields.items():
            out[key] = widget.currentData() if isinstance(widget, QComboBox) else widget.text()
        return out

    def submit(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.message.hide()
        try:
            ent.clean(self.values())  # quick local check: no round trip for typos
        except ValidationError as exc:
            self.show_errors(exc)
            return
        self.buttons.setEnabled(False)
        self._save(self.values(), self._saved, self._failed)

    def _saved(self, _result: Any) -> None:
        self.mark_clean()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc)
        elif isinstance(exc, UserError):
            self.message.setText(exc.message)
            self.message.show()
        else:
            from station.shell.dbop import show_error

            show_error(self, exc)

    def show_errors(self, exc: ValidationError) -> None:
        first = None
        for key, text in exc.fields.items():
            if key in self.errors:
                self.errors[key].setText(text)
                self.errors[key].show()
                first = first or key
        if first:
            self.fields[first].setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()  # grow so every message shows whole
