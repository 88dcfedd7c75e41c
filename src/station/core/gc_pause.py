"""Pausing Python's cycle collector while one piece of bulk work holds many new objects.

A push at the hall keeps tens of thousands of objects alive until it ends (its operations, rows, keys and
answers); every pass of the collector over the young generations meets them again, and those passes took
a sixth of a first upload's time. Paused for the work, the collector resumes when the last thread that
paused it is done, and what the work left behind is collected on its next pass as usual.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausing = 0  # threads inside ``paused()``
_resume = False  # whether the collector ran before the first of them paused it


@contextmanager
def paused() -> Iterator[None]:
    global _pausing, _resume
    with _lock:
        if _pausing == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _lock:
            _pausing -= 1
            if _pausing == 0 and _resume:
                gc.enable()
