"""Helpers shared by the tests (import them with ``from helpers import ...``)."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATION = [sys.executable, "-m", "station"]


def valid_code(seed: int = 1, division: str = "430211") -> str:
    import random

    from station.core import uscc

    return uscc.generate(random.Random(seed), division)


def enterprise_values(seed: int = 1, **overrides: str) -> dict[str, str]:
    values = {
        "uscc": valid_code(seed),
        "name": f"株洲测试{seed}号科技有限公司",
        "legal_rep": "张三",
        "industry_code": "I6513",
        "registered_capital": "500",
        "employees": "35",
        "founded_on": "2021-06-18",
        "address": "株洲市天元区栗雨路88号",
        "zone": "高新区核心园",
        "contact_person": "李四",
        "contact_phone": "13807330000",
        "stage": "运营",
    }
    values.update(overrides)
    return values


def in_next_modal(qtbot, act, seen: list | None = None, kind: type | None = None) -> None:
    """Run ``act(box)`` on the next modal dialog once it shows (``exec`` runs its own event loop, so the
    test cannot act on it after the call that opens it). ``seen`` collects the boxes met."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog

    wanted = kind or QDialog

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, wanted) or not box.isVisible():
            QTimer.singleShot(20, poll)
            return
        if seen is not None:
            seen.append(box)
        act(box)

    QTimer.singleShot(20, poll)


def tab_chain(window) -> list:
    """The widgets Tab visits in ``window``, in order, once round (visible, enabled, taking Tab focus)."""
    from PySide6.QtCore import Qt

    chain, widget = [], window.nextInFocusChain()
    while widget is not window and widget not in chain:
        policy = widget.focusPolicy()
        if (
            window.isAncestorOf(widget)  # a page's chain runs on through the rest of its window
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and policy.value & Qt.FocusPolicy.TabFocus.value
            and widget.focusProxy() is None
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    # A window's chain is a ring: read it from the widget at the top left, where a person starts. A page's is
    # a stretch of its window's ring, entered from the navigation: read it as it comes.
    if chain and window.isWindow():
        from PySide6.QtCore import QPoint

        def at(w):  # type: ignore[no-untyped-def]
            return w.mapTo(window, QPoint(0, 0))

        top = min(chain, key=lambda w: at(w).y())
        first_line = [w for w in chain if at(w).y() < at(top).y() + top.height()]
        first = min(first_line, key=lambda w: at(w).x())
        start = chain.index(first)
        chain = chain[start:] + chain[:start]
    return chain


def out_of_visual_order(window) -> list[str]:
    """Each Tab step that goes back up the window, or leftwards on the same line: what a clerk feels as
    the cursor jumping. Empty when Tab follows the layout, top to bottom and left to right."""
    from PySide6.QtCore import QPoint

    def box(w):
        top_left = w.mapTo(window, QPoint(0, 0))
        return top_left.x(), top_left.y(), top_left.x() + w.width(), top_left.y() + w.height()

    problems = []
    # Widgets scrolled out of view (the rest of a long form) have no place on screen to compare.
    chain = [w for w in tab_chain(window) if not w.visibleRegion().isEmpty()]
    for a, b in itertools.pairwise(chain):
        ax, ay, _, ay2 = box(a)
        _, by, bx2, by2 = box(b)
        above = by2 <= ay
        same_line = by < ay2 and ay < by2
        if above or (same_line and bx2 <= ax):
            problems.append(f"{a.objectName() or type(a).__name__} -> {b.objectName() or type(b).__name__}")
    return problems
