"""The dialog that loads permits and issues a licence: the enterprise's credit code and one row per permit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from station.api.ui import EnterprisePicker, FormDialog, chain_tabs


class IssueDialog(FormDialog):
    """Collects what ``services.issue`` needs; the page runs it off the UI thread."""

    def __init__(self, parent: Any = None, *, uscc: str = "", name: str = "") -> None:
        super().__init__(parent, error_name="issue_error")
        from station_licenses import catalogue

        self.setWindowTitle(self.tr("Issue licence"))
        self.ok_button.setText(self.tr("Sign and issue"))
        self.kinds = list(catalogue.kinds().values())
        self.uscc = QLineEdit(uscc)
        self.uscc.setObjectName("issue_uscc")
        self.uscc.setPlaceholderText(self.tr("18-character unified social credit code"))
        self.add_row(self.tr("Credit code"), self.uscc)
        if name:
            self.add_row(self.tr("Enterprise"), QLabel(name))
        self.grid = QGridLayout()
        for col, text in enumerate((self.tr("Permit"), self.tr("Number"), self.tr("Valid until"))):
            self.grid.addWidget(QLabel(text), 0, col)
        self.rows: list[tuple[QComboBox, QLineEdit, QDateEdit]] = []
        add = QPushButton(self.tr("Add a permit"))
        add.clicked.connect(self.add_permit_row)
        self.add_button = add
        note = QLabel(self.tr("Permits already recorded for the enterprise are loaded as well."))
        note.setWordWrap(True)
        ctx = getattr(parent, "ctx", None)
        if ctx is not None:  # type part of the name, pick the enterprise: the field gets its credit code
            EnterprisePicker(self.uscc, ctx)
        self.extra.addLayout(self.grid)
        self.extra.addWidget(add)
        self.extra.addWidget(note)
        self.add_permit_row()
        self.uscc.setFocus()
        self.resize(640, 320)

    def add_permit_row(self) -> None:
        kind = QComboBox()
        for k in self.kinds:
            kind.addItem(f"{k.name}（{k.department}）", k.code)
        number = QLineEdit()
        number.setPlaceholderText(self.tr("as on the permit"))
        until = QDateEdit()
        until.setCalendarPopup(True)
        until.setDisplayFormat("yyyy-MM-dd")
        until.setDate(QDate.currentDate().addYears(5).addDays(-1))
        kind.currentIndexChanged.connect(lambda _=0, k=kind, u=until: self._default_expiry(k, u))
        self._default_expiry(kind, until)
        row = len(self.rows) + 1
        self.grid.addWidget(kind, row, 0)
        self.grid.addWidget(number, row, 1)
        self.grid.addWidget(until, row, 2)
        self.rows.append((kind, number, until))
        self._chain_tabs()
        kind.setFocus()

    def _chain_tabs(self) -> None:
        """Tab follows the rows as they are laid out: the code, each permit row left to right, then the
        buttons (rows added later would otherwise come after Sign and issue)."""
        chain: list[QWidget] = [self.uscc]
        for row in self.rows:
            chain.extend(row)
        chain.append(self.add_button)
        chain.extend(self.button_box.buttons())
        chain_tabs(self, chain)

    def _default_expiry(self, kind: QComboBox, until: QDateEdit) -> None:
        chosen = self.kinds[kind.currentIndex()]
        until.setEnabled(not chosen.is_filing)  # a filing (备案) carries no expiry
        until.setDate(QDate.currentDate().addYears(chosen.years or 5).addDays(-1))

    def permits(self) -> list[Any]:
        from station_licenses.services import PermitInput

        out = []
        for kind, number, until in self.rows:
            if number.text().strip():
                d = until.date()
                expiry = dt.date(d.year(), d.month(), d.day()) if until.isEnabled() else None
                out.append(PermitInput(kind.currentData(), number.text().strip(), expiry))
        return out

    def check(self) -> str | None:
        return None if self.uscc.text().strip() else self.tr("Enter the enterprise's credit code.")
