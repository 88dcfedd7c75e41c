"""An enterprise's permits, with renewal (延续), change (变更) and revocation (吊销) for supervisors.

Each action asks for the reason, which is audited; revoking a permit also revokes the licences that
carry it. Licences already printed keep what they say until the enterprise's licence is re-issued.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from station.api.ui import DbOp, ReasonDialog

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


class PermitReasonDialog(ReasonDialog):
    """The shell's reason box, with the new date or scope when the action needs one."""

    def __init__(
        self,
        parent: Any,
        title: str,
        sentence: str,
        act: str,
        *,
        date: dt.date | None = None,
        scope: str | None = None,
    ) -> None:
        super().__init__(parent, title, sentence, act)
        self.until: QDateEdit | None = None
        self.scope: QLineEdit | None = None
        if date is not None:
            self.until = QDateEdit(QDate(date.year, date.month, date.day))
            self.until.setCalendarPopup(True)
            self.until.setDisplayFormat("yyyy-MM-dd")
            self.form.insertRow(0, self.tr("Valid until"), self.until)
        if scope is not None:
            self.scope = QLineEdit(scope)
            self.form.insertRow(0, self.tr("Permitted scope"), self.scope)
            self.scope.returnPressed.connect(self.submit)
        first = self.scope or self.until
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def date(self) -> dt.date:
        assert self.until is not None
        d = self.until.date()
        return dt.date(d.year(), d.month(), d.day())


class PermitsDialog(QDialog):
    def __init__(self, parent: Any, ctx: StationContext, actor: Any, enterprise_uid: str, name: str) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.enterprise_uid, self.name = ctx, actor, enterprise_uid, name
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

    def _about(self, text: str, permit: Any) -> str:
        from station_licenses import catalogue

        return text.replace("%1", self.name).replace("%2", catalogue.name_of(permit.kind)).replace("%3", permit.number)

    def _ask(self, permit: Any, title: str, sentence: str, act: str, **extra: Any) -> PermitReasonDialog | None:
        dialog = PermitReasonDialog(self, title, self._about(sentence, permit), act, **extra)
        return dialog if dialog.exec() == QDialog.DialogCode.Accepted else None

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
        dialog = self._ask(
            permit, self.tr("Renew permit"), self.tr("Renew the %2 %3 of %1."), self.tr("Renew"), date=proposed
        )
        if dialog is not None:
            until, reason = dialog.date(), dialog.text()
            self._run(lambda work: services.renew_permit(work, permit.uid, until, reason))

    def change(self) -> None:
        from station_licenses import services

        permit = self._selected()
        if permit is None:
            return
        dialog = self._ask(
            permit,
            self.tr("Change permit"),
            self.tr("Change the permitted scope of the %2 %3 of %1."),
            self.tr("Change"),
            scope=permit.scope,
        )
        if dialog is not None:
            assert dialog.scope is not None
            scope, reason = dialog.scope.text(), dialog.text()
            self._run(lambda work: services.change_permit(work, permit.uid, scope, reason))

    def revoke(self) -> None:
        from station_licenses import services

        permit = self._selected()
        if permit is None:
            return
        dialog = self._ask(
            permit,
            self.tr("Revoke permit"),
            self.tr("Revoke the %2 %3 of %1? The licences that carry it are revoked too, and this cannot be undone."),
            self.tr("Revoke"),
        )
        if dialog is not None:
            reason = dialog.text()
            self._run(lambda work: services.revoke_permit(work, permit.uid, reason))
