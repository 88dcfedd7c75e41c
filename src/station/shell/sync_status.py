"""Sync in the application: in the background while the hall answers, on demand from the menu, and what
the status bar says about it (online or not, changes waiting, last sync, conflicts to review)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel

from station.core.clock import SHANGHAI
from station.shell.dbop import DbOp

if TYPE_CHECKING:  # pragma: no cover
    from station.shell.main_window import MainWindow

log = logging.getLogger(__name__)

BACKGROUND_EVERY_MS = 60_000


class SyncController(QObject):
    synced = Signal(int)  # rows applied from the hall

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.running = False
        self.online: bool | None = None
        self.label = QLabel()
        self.label.setObjectName("sync_status")
        self.label.setContentsMargins(8, 0, 8, 0)
        window.statusBar().addPermanentWidget(self.label)
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.sync(quiet=True))
        self.timer.start(BACKGROUND_EVERY_MS)
        self.refresh()

    def enrolled(self) -> bool:
        from station.core import enrolment

        return enrolment.load(self.ctx.data_dir) is not None

    def refresh(self) -> None:
        """Re-read what waits and what is open (cheap: counts only)."""

        def read(progress: Any) -> dict[str, Any]:
            from station.core import enrolment
            from station.core.sync import outbox

            self.ctx.prepare()
            with outbox.connect(self.ctx.db_path) as conn:
                return {
                    "pending": outbox.pending(conn),
                    "conflicts": outbox.open_conflicts(conn),
                    "last": outbox.last_sync(conn),
                    "enrolled": enrolment.load(self.ctx.data_dir) is not None,
                }

        DbOp(self.window, read, on_done=self._show, on_error=lambda exc: log.warning("sync status: %s", exc)).start()

    def _show(self, state: dict[str, Any]) -> None:
        if not state["enrolled"]:
            self.label.setText(
                self.tr("Not enrolled with the hall · %1 changes waiting").replace("%1", str(state["pending"]))
            )
            return
        last = self.tr("never")
        if state["last"]:
            last = dt.datetime.fromisoformat(state["last"]).astimezone(SHANGHAI).strftime("%m-%d %H:%M")
        where = {True: self.tr("Online"), False: self.tr("Offline"), None: self.tr("Hall")}[self.online]
        text = (
            self.tr("%1 · %2 waiting · last sync %3")
            .replace("%1", where)
            .replace("%2", str(state["pending"]))
            .replace("%3", last)
        )
        if state["conflicts"]:
            text += self.tr(" · %1 conflicts to review").replace("%1", str(state["conflicts"]))
        self.label.setText(text)

    def sync(self, quiet: bool = False) -> None:
        """Push then pull. ``quiet``: a background run that says nothing unless it changes something."""
        if self.running or (quiet and not self.enrolled()):
            return
        self.running = True

        def run(progress: Any) -> Any:
            from station.core.sync import client

            return client.run(self.ctx, progress)

        def done(report: Any) -> None:
            self.running, self.online = False, True
            self.refresh()
            if report.applied:
                self.synced.emit(report.applied)
            if not quiet:
                self.window.statusBar().showMessage(report.summary(), 10_000)

        def failed(exc: BaseException) -> None:
            self.running, self.online = False, False
            self.refresh()
            if not quiet:
                from station.shell.dbop import show_error

                show_error(self.window, exc)
            else:
                log.info("background sync did not run: %s", exc)

        DbOp(
            self.window,
            run,
            on_done=done,
            on_error=failed,
            label=None if quiet else self.tr("Synchronising with the hall…"),
        ).start()
