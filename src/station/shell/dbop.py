"""Background operations: the UI thread never waits on the database, files or rendering.

    DbOp(parent, lambda progress: slow_work(progress), on_done=show, label="正在导入…").start()

The function runs on a worker thread. ``progress(done, total)`` may be called from it; a progress
dialog appears only if the work takes longer than half a second. Results and errors come back on
the UI thread; a ``UserError`` is shown as its sentence, anything else is logged with its traceback
and shown as a short apology that points to the log. If ``parent`` has been closed by then, the
result is dropped quietly (the work itself, a committed transaction, stands).

Threads and Qt objects: workers never hold a Qt object. They leave the outcome in a dict and signal
only the operation's number through one long-lived dispatcher on the UI thread, so no Qt object's last
reference can drop on a worker (it would be destroyed on the wrong thread) and no Python object has to
be carried through a queued signal.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from station.errors import UserError

log = logging.getLogger(__name__)

PROGRESS_AFTER_MS = 500
Progress = Callable[[int, int], None]


def _new_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=3, thread_name_prefix="dbop")


_pool = _new_pool()
_ids = itertools.count(1)
_live: dict[int, DbOp] = {}


_outcomes: dict[int, tuple[bool, Any]] = {}  # op id -> (succeeded, result or exception), set by workers


class _Dispatcher(QObject):
    finished = Signal(int)
    progress = Signal(int, int, int)

    def __init__(self) -> None:
        super().__init__()
        queued = Qt.ConnectionType.QueuedConnection
        self.finished.connect(_deliver_outcome, queued)
        self.progress.connect(_deliver_progress, queued)


_dispatcher: _Dispatcher | None = None


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:  # made on the UI thread, by the first DbOp.start()
        _dispatcher = _Dispatcher()
    return _dispatcher


def _deliver_outcome(op_id: int) -> None:
    succeeded, value = _outcomes.pop(op_id)
    op = _live.get(op_id)
    if op is not None:
        (op._done if succeeded else op._failed)(value)


def _deliver_progress(op_id: int, done: int, total: int) -> None:
    op = _live.get(op_id)
    if op is not None:
        op._progress(done, total)


def _run(op_id: int, dispatcher: _Dispatcher) -> None:
    fn = _live[op_id]._fn
    try:
        outcome: tuple[bool, Any] = (
            True,
            fn(lambda done, total: dispatcher.progress.emit(op_id, int(done), int(total))),
        )
    except BaseException as exc:  # delivered to the UI thread, never lost in a worker
        exc.station_traceback = traceback.format_exc()  # type: ignore[attr-defined]
        exc.__traceback__ = None  # its frames hold the closure's widgets: keep them off this thread
        outcome = (False, exc)
    # The UI thread holds the function until the outcome is delivered, so the last reference to it (and
    # to any widget its closure holds) drops there: a Qt object collected on a worker thread is deleted
    # by shiboken at an arbitrary point of the UI thread, which crashed the shell.
    del fn
    _outcomes[op_id] = outcome
    del outcome
    dispatcher.finished.emit(op_id)


def shutdown() -> None:
    """Let running operations finish (their transactions commit or roll back) before the process ends."""
    global _pool
    _pool.shutdown(wait=True)
    _pool = _new_pool()


class DbOp:
    def __init__(
        self,
        parent: QWidget | None,
        fn: Callable[[Progress], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        label: str | None = None,
    ) -> None:
        self.id = next(_ids)
        self._parent = parent
        self._fn = fn
        self._on_done = on_done
        self._on_error = on_error
        self._label = label
        self._dialog: QProgressDialog | None = None
        self._finished = False
        self._last = (0, 0)
        self._timer: QTimer | None = None

    def start(self) -> DbOp:
        dispatcher = _get_dispatcher()
        _live[self.id] = self
        if self._label is not None:
            # A QTimer we own, not QTimer.singleShot with a bound method: PySide does not keep the
            # method's object alive for singleShot (see station.shell.later).
            self._timer = QTimer()
            self._timer.setSingleShot(True)
            self._timer.timeout.connect(self._show_progress)
            self._timer.start(PROGRESS_AFTER_MS)
        _pool.submit(_run, self.id, dispatcher)
        return self

    # -- UI thread ---------------------------------------------------------------------------

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _show_progress(self) -> None:
        if self._finished or not self._parent_alive():
            return
        dialog = QProgressDialog(self._label or "", "", 0, 0, self._parent)
        dialog.setWindowTitle(self._parent.window().windowTitle() if self._parent else "")
        dialog.setCancelButton(None)  # work in a transaction runs to its end
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        self._dialog = dialog
        self._progress(*self._last)
        dialog.show()

    def _progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        if self._dialog is None or not shiboken6.isValid(self._dialog):
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)
        if self._label and done and not total:
            self._dialog.setLabelText(f"{self._label}（{done:,}）")

    def _finish(self) -> bool:
        self._finished = True
        if self._timer is not None:
            self._timer.stop()
        _live.pop(self.id, None)
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.close()
            self._dialog.deleteLater()
        self._dialog = None
        return self._parent_alive()

    def _done(self, result: Any) -> None:
        if self._finish() and self._on_done is not None:
            self._on_done(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._finish():
            log.info("error after its window closed: %s", getattr(exc, "station_traceback", repr(exc)))
            return
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
