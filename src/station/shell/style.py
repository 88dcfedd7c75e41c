"""The station's look in one place: one palette, one type scale, one spacing, one stylesheet.

Calm and official (the blue of government service halls on white, greys for what is secondary, red only
for what went wrong). Widgets do not set colours or sizes of their own: they take a role
(``set_role(label, "error")``) or an object name the stylesheet knows (``pageTitle``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

PALETTE = {
    "ink": "#1d2939",  # text
    "muted": "#475467",  # secondary text
    "accent": "#1f4e8c",  # titles, figures, the chosen page
    "accent_soft": "#e8eef7",
    "surface": "#f6f8fb",  # cards, the navigation
    "border": "#d5dbe5",
    "danger": "#b3261e",  # an error, a refusal, overdue
    "caution": "#8a5a00",  # something to check
    "ok": "#1b5e20",  # valid, done
}
TYPE = {"body": 10, "title": 16, "figure": 22, "verdict": 20}  # points
SPACE = {"small": 4, "medium": 8, "large": 12}  # pixels

STYLESHEET = f"""
QLabel#pageTitle {{ font-size: {TYPE["title"]}pt; font-weight: bold; color: {PALETTE["accent"]};
    padding-bottom: {SPACE["small"]}px; }}
QLabel[role="error"] {{ color: {PALETTE["danger"]}; }}
QLabel[role="muted"] {{ color: {PALETTE["muted"]}; }}
QLabel[role="caution"] {{ color: {PALETTE["caution"]}; }}
QLabel[role="ok"] {{ color: {PALETTE["ok"]}; }}
QLabel[role="figure"] {{ font-size: {TYPE["figure"]}pt; font-weight: bold; color: {PALETTE["accent"]}; }}
QLabel[verdict="true"] {{ font-size: {TYPE["verdict"]}pt; font-weight: bold; }}
QFrame[role="card"] {{ background: {PALETTE["surface"]}; border: 1px solid {PALETTE["border"]};
    border-radius: 6px; }}
QFrame[role="card"] QLabel {{ border: none; background: transparent; }}
QListWidget#navigation {{ font-size: 11pt; background: {PALETTE["surface"]};
    border: none; border-right: 1px solid {PALETTE["border"]}; outline: 0; }}
QListWidget#navigation::item {{ padding: {SPACE["medium"] + 2}px {SPACE["large"]}px; }}
QListWidget#navigation::item:selected {{ background: {PALETTE["accent_soft"]}; color: {PALETTE["accent"]};
    border-left: 3px solid {PALETTE["accent"]}; }}
QWidget#parkHeader {{ background: {PALETTE["accent"]}; }}
QWidget#parkHeader QLabel {{ color: white; }}
QLabel#parkName {{ font-size: 12pt; font-weight: bold; }}
QHeaderView::section {{ background: {PALETTE["surface"]}; border: none;
    border-bottom: 1px solid {PALETTE["border"]}; border-right: 1px solid {PALETTE["border"]};
    padding: {SPACE["small"]}px; font-weight: bold; }}
QPushButton {{ padding: {SPACE["small"]}px {SPACE["large"]}px; }}
"""


def install(app: QApplication) -> None:
    """The one stylesheet, for every window the application opens."""
    app.setStyleSheet(STYLESHEET)


def set_role(widget: QWidget, role: str) -> None:
    """Give ``widget`` a role the stylesheet colours ("error", "muted", "caution", "ok", "figure", "card")."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
