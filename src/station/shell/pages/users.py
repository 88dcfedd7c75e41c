"""The users page: who may use this station, in which role. Administrators only.

Preview alone: ``python -m station.shell.pages.users [DATA_DIR]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.core.clock import local_text
from station.core.roles import ROLES
from station.shell import i18n
from station.shell.confirm import GuardsEdits, confirm
from station.shell.dbop import DbOp
from station.shell.form_dialog import FormDialog
from station.shell.widgets import page_title


class NewUserDialog(GuardsEdits, FormDialog):
    def __init__(self, page: UsersPage) -> None:
        super().__init__(page)
        self.setWindowTitle(self.tr("Add a user"))
        self.page = page
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for code in ROLES:
            label = i18n.role(code)
            self.role.addItem(label, code)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(self.tr("User name"), self.username)
        self.add_row(self.tr("Full name"), self.display_name)
        self.add_row(self.tr("Role"), self.role)
        self.add_row(self.tr("Initial password"), self.password)
        self.mark_clean()

    def save(self) -> None:
        values = dict(
            username=self.username.text().strip(),
            display_name=self.display_name.text().strip(),
            role=self.role.currentData(),
            password=self.password.text(),
        )

        def run(progress: Any) -> None:
            from station.core import people

            with self.page.ctx.work(self.page.shell.actor) as work:
                people.add_user(work, **values)

        def done(_: Any) -> None:
            self.accept()
            self.page.reload()

        self.save_with(run, done)


class UsersPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        title = page_title(self.tr("Users"))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("users_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Status"), self.tr("Last sign-in")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Change role…"), self.change_role),
            (self.tr("Reset password…"), self.reset_password),
            (self.tr("Disable / enable"), self.toggle_active),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        def load(progress: Any) -> list[tuple[str, str, str, bool, str, str]]:
            from station.core import people

            with self.ctx.read() as session:
                now = dt.datetime.now(dt.UTC)
                return [
                    (
                        u.username,
                        u.display_name,
                        u.role,
                        u.active,
                        local_text(u.last_login_at),
                        local_text(u.locked_until)[11:16] if u.locked_until and u.locked_until > now else "",
                    )
                    for u in people.all_users(session)
                ]

        def show(rows: list[tuple[str, str, str, bool, str, str]]) -> None:
            self.table.setRowCount(len(rows))
            for i, (username, display, role, active, last, locked) in enumerate(rows):
                status = self.tr("Active") if active else self.tr("Disabled")
                if active and locked:  # wrong passwords: a reset password lifts it
                    status = self.tr("Locked until %1").replace("%1", locked)
                cells = (username, display, i18n.role(role), status, last)
                for j, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setData(Qt.ItemDataRole.UserRole, username)
                    self.table.setItem(i, j, item)
            self.table.resizeColumnsToContents()

        DbOp(self, load, on_done=show).start()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _selected(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _change(self, fn: Any) -> None:
        def run(progress: Any) -> None:
            with self.ctx.work(self.shell.actor) as work:
                fn(work)

        DbOp(self, run, on_done=lambda _: self.reload()).start()

    def add(self) -> None:
        NewUserDialog(self).open()

    def change_role(self) -> None:
        username = self._selected()
        if username is None:
            return
        labels = [i18n.role(code) for code in ROLES]
        display = self._text(self.table.currentRow(), 1)
        label, ok = QInputDialog.getItem(self, self.tr("Change role"), display, labels, 0, False)
        if ok:
            from station.core import people

            role = list(ROLES)[labels.index(label)]
            self._change(lambda work: people.change_role(work, username, role))

    def reset_password(self) -> None:
        username = self._selected()
        if username is None:
            return
        password, ok = QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr("New password for %1").replace("%1", self._text(self.table.currentRow(), 1)),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            from station.core import people

            self._change(lambda work: people.reset_password(work, username, password))

    def toggle_active(self) -> None:
        username = self._selected()
        if username is None:
            return
        row = self.table.currentRow()
        active = self._text(row, 3) != self.tr("Disabled")
        display = self._text(row, 1)
        if active and not confirm(
            self,
            self.tr("Disable user"),
            self.tr("Disable the account of %1 (%2)? They can no longer sign in until it is enabled again.")
            .replace("%1", display)
            .replace("%2", username),
            self.tr("Disable"),
        ):
            return
        from station.core import people

        self._change(lambda work: people.set_active(work, username, not active))


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.shell.preview import preview_page

    preview_page("users", sys.argv[1] if len(sys.argv) > 1 else None)
