"""Background operations: the UI thread never waits on the database, files or rendering.

    DbOp(parent, lambda progress: slow_work(progress), on_done=show, label="正在导入…").start()

The function runs on the thread pool. ``progress(done, total)`` may be called from it; a progress
dialog appears only if the work takes longer than half a second. Results and errors come back on
the UI thread; a ``UserError`` is shown as its sentence, anything else is logged with its traceback
and shown as a short apology that points to the log.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from station.errors import UserError

log = logging.getLogger(__name__)

PROGRESS_AFTER_MS = 500
Progress = Callable[[int, int], None]

_live: set[DbOp] = set()  # keeps running operations alive until their result is delivered


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as exc:  # delivered to the UI thread, never lost in a worker
            exc.station_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class DbOp(QObject):
    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._label = label
        self._dialog: QProgressDialog | None = None
        self._timer: QTimer | None = None
        self._last = (0, 0)
        self.signals = _Signals()
        self.signals.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    def start(self) -> DbOp:
        _live.add(self)
        if self._label is not None:
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start(PROGRESS_AFTER_MS)
        QThreadPool.globalInstance().start(_Runner(self._fn, self.signals))
        return self

    # -- UI thread ---------------------------------------------------------------------------

    def _show_progress(self) -> None:
        dialog = QProgressDialog(self._label or "", "", 0, 0, self._parent)
        dialog.setWindowTitle(self._parent.window().windowTitle() if self._parent else "")
        dialog.setCancelButton(None)  # type: ignore[arg-type]  # work in a transaction runs to its end
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self._dialog = dialog
        self._progress(*self._last)
        dialog.show()

    def _progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        if self._dialog is None:
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)
        if self._label and done:
            self._dialog.setLabelText(f"{self._label}（{done:,}）" if not total else self._label)

    def _finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        _live.discard(self)
        self.finished.emit()

    def _done(self, result: Any) -> None:
        self._finish()
        if self._on_done is not None:
            self._on_done(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if self._on_error is not None:
            self._on_error(exc)
            return
        show_error(self._parent, exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, UserError):
        log.info("user error: %s (%s)", exc.message, exc.detail or "")
        QMessageBox.warning(parent, QCoreApplication.translate("DbOp", "Cannot continue"), exc.message)
        return
    log.error("unexpected error in background operation:\n%s", getattr(exc, "station_traceback", repr(exc)))
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("DbOp", "Unexpected error"),
        QCoreApplication.translate(
            "DbOp",
            "The operation did not complete and nothing was changed. "
            "The details are in the log; please contact support.",
        ),
    )
