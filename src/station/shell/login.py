"""Sign-in, and the first-run dialog that creates the station's administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from station.errors import UserError, ValidationError
from station.shell.widgets import error_label

if TYPE_CHECKING:  # pragma: no cover
    from station.shell.main_window import MainWindow


class _SignInBase(QDialog):
    def submit(self) -> None:  # each form signs in its own way
        raise NotImplementedError

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setModal(True)
        self.setMinimumWidth(380)
        self.form = QFormLayout()
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def show_error(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        message = exc.message if isinstance(exc, UserError) else self.tr("Sign-in failed; see the log.")
        self.error.setText(message)
        self.error.show()

    def busy(self) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)

    def reject(self) -> None:
        # Without a user nothing can be done; closing the dialog closes the application.
        super().reject()
        if self.window_.actor is None:
            self.window_.close()


class LoginDialog(_SignInBase):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Sign in"))
        self.intro.setText(self.tr("Sign in to %1.").replace("%1", window.ctx.settings.station_name))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.username.setFocus(Qt.FocusReason.OtherFocusReason)
        window.logged_in.connect(self.accept)

    def submit(self) -> None:
        if not self.username.text().strip() or not self.password.text():
            self.show_error(UserError(self.tr("Please enter your user name and password.")))
            return
        self.busy()
        self.window_.login(self.username.text(), self.password.text(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.password.clear()
        self.password.setFocus()
        self.show_error(exc)


class FirstAdminDialog(_SignInBase):
    """The very first start: nobody can sign in yet, so the person at the desk creates the administrator."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Create the administrator"))
        self.intro.setText(
            self.tr(
                "This station has no users yet. Create the administrator account; "
                "the administrator then adds the clerks and supervisors."
            )
        )
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Password again"), self.confirm)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create and sign in"))
        window.logged_in.connect(self.accept)

    def submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.show_error(UserError(self.tr("The two passwords differ; please type them again.")))
            return
        self.busy()
        self.window_.create_first_admin(
            self.username.text().strip(), self.display_name.text().strip(), self.password.text(), on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            exc = UserError("\n".join(exc.fields.values()))
        self.show_error(exc)
