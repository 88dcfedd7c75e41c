"""Run a function on the UI thread a little later, safely.

PySide6 (6.11) keeps a plain function passed to ``QTimer.singleShot`` alive, but not a bound method's
object: a method whose object is collected before the timer fires is called on freed memory. ``later``
always hands Qt a closure, and skips the call if ``owner`` (a widget) has been destroyed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer


def later(ms: int, fn: Callable[[], object], owner: QObject | None = None) -> None:
    def run() -> None:
        if owner is None or shiboken6.isValid(owner):
            fn()

    QTimer.singleShot(ms, run)
