"""Cyclic garbage collection on the UI thread only.

Python runs its cycle collector in whichever thread happens to allocate past the threshold; a worker
importing SQLAlchemy allocates a lot. When that collection frees a Qt wrapper (a closed window caught
in a reference cycle), shiboken has to delete the C++ object from the wrong thread and the shell crashed
(``BindingManager::runDeletionInMainThread`` in a core dump). So automatic collection is switched off and
a timer on the UI thread collects by the same thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_MS = 500

_timer: QTimer | None = None


def collect_if_due() -> None:
    threshold0, threshold1, threshold2 = gc.get_threshold()
    count0, count1, count2 = gc.get_count()
    if count2 > threshold2:
        gc.collect(2)
    elif count1 > threshold1:
        gc.collect(1)
    elif count0 > threshold0:
        gc.collect(0)


def install(parent: QObject) -> None:
    """Call once on the UI thread, after the QApplication exists."""
    global _timer
    gc.disable()
    if _timer is None:
        _timer = QTimer(parent)
        _timer.timeout.connect(collect_if_due)
        _timer.start(CHECK_MS)
