"""An enterprise's permits, with renewal (延续), change (变更) and revocation (吊销) for supervisors.

Each action asks for the reason, which is audited; revoking a permit also revokes the licences that
carry it. Licences already printed keep what they say until the enterprise's licence is re-issued.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from station.shell.dbop import DbOp


class ReasonDialog(QDialog):
    """Asks for a reason, and a new date or scope when the action needs one."""

    def __init__(self, parent: Any, title: str, *, date: dt.date | None = None, scope: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.until: QDateEdit | None = None
        self.scope: QLineEdit | None = None
        if date is not None:
            self.until = QDateEdit(QDate(date.year, date.month, date.day))
            self.until.setCalendarPopup(True)
            self.until.setDisplayFormat("yyyy-MM-dd")
            form.addRow(self.tr("Valid until"), self.until)
        if scope is not None:
            self.scope = QLineEdit(scope)
            form.addRow(self.tr("Permitted scope"), self.scope)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Kept in the audit log"))
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 0)

    def date(self) -> dt.date:
        assert self.until is not None
        d = self.until.date()
        return dt.date(d.year(), d.month(), d.day())


class PermitsDialog(QDialog):
    def __init__(self, parent: Any, ctx: Any, actor: Any, enterprise_uid: str, name: str) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.enterprise_uid = ctx, actor, enterprise_uid
        self.setWindowTitle(self.tr("Permits of %1").replace("%1", name))
        self.rows: list[Any] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("permits_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Permit"), self.tr("Number"), self.tr("Valid until"), self.tr("Status"), self.tr("Scope")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        renew = QPushButton(self.tr("Renew…"))
        renew.clicked.connect(self.renew)
        change = QPushButton(self.tr("Change scope…"))
        change.clicked.connect(self.change)
        revoke = QPushButton(self.tr("Revoke permit…"))
        revoke.clicked.connect(self.revoke)
        for button in (renew, change, revoke):
            button.setEnabled(actor.can("licenses.manage"))
        row = QHBoxLayout()
        for button in (renew, change, revoke):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(820, 360)
        self.reload()

    def reload(self) -> None:
        def load(progress: Any) -> list[Any]:
            from station_licenses import services

            with self.ctx.read() as session:
                return services.permits_of(session, self.enterprise_uid)

        DbOp(self, load, on_done=self._show).start()

    def _show(self, rows: list[Any]) -> None:
        from station_licenses import catalogue

        self.rows = rows
        self.table.setRowCount(len(rows))
        status = {"active": self.tr("Active"), "revoked": self.tr("Revoked")}
        for i, p in enumerate(rows):
            cells = (
                catalogue.name_of(p.kind),
                p.number,
                catalogue.expiry_text(p.expires_on),
                status.get(p.status, p.status),
                p.scope,
            )
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, p.uid)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def _selected(self) -> Any:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _run(self, fn: Any) -> None:
        def run(progress: Any) -> None:
            with self.ctx.work(self.actor) as work:
                fn(work)

        DbOp(self, run, on_done=lambda _: self.reload()).start()

    def renew(self) -> None:
        from station_licenses import catalogue, services

        permit = self._selected()
        if permit is None:
            return
        kind = catalogue.kind(permit.kind)
        if kind is None or permit.expires_on is None:  # a filing has no expiry to renew
            QMessageBox.information(
                self, self.tr("Renew permit"), self.tr("A filing has no expiry; it needs no renewal.")
            )
            return
        proposed = kind.default_expiry(permit.expires_on + dt.timedelta(days=1))
        dialog = ReasonDialog(self, self.tr("Renew permit"), date=proposed)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            until, reason = dialog.date(), dialog.reason.text()
            self._run(lambda work: services.renew_permit(work, permit.uid, until, reason))

    def change(self) -> None:
        from station_licenses import services

        permit = self._selected()
        if permit is None:
            return
        dialog = ReasonDialog(self, self.tr("Change permit"), scope=permit.scope)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            assert dialog.scope is not None
            scope, reason = dialog.scope.text(), dialog.reason.text()
            self._run(lambda work: services.change_permit(work, permit.uid, scope, reason))

    def revoke(self) -> None:
        from station_licenses import services

        permit = self._selected()
        if permit is None:
            return
        dialog = ReasonDialog(self, self.tr("Revoke permit"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            reason = dialog.reason.text()
            self._run(lambda work: services.revoke_permit(work, permit.uid, reason))
