"""Small widgets every page uses, so pages look alike."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_COLOUR = "#b3261e"


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 16pt; font-weight: bold;")
    return label


def error_label(name: str = "") -> QLabel:
    """A red, wrapping, initially hidden label for a sentence about what went wrong."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.setWordWrap(True)
    label.hide()
    return label
