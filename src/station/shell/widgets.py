"""Small widgets every page uses, so pages look alike."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QScrollArea, QTableView, QWidget

from station.shell.style import PALETTE

ERROR_COLOUR = PALETTE["danger"]
SCREEN_MARGIN = 60  # the window's frame and title bar
HEADER_PADDING = 28  # the sort indicator and the section's margins


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("pageTitle")  # its size and colour are the stylesheet's (station.shell.style)
    return label


def error_label(name: str = "") -> QLabel:
    """A red, wrapping, initially hidden label for a sentence about what went wrong."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    label.setProperty("role", "error")  # coloured by the stylesheet (station.shell.style)
    label.setWordWrap(True)
    label.hide()
    return label


def size_columns(view: QTableView, widths: Sequence[int], stretch: int | None = None) -> None:
    """Give each column its width, but never less than its header needs (a clipped header is unreadable,
    at 125 % too); ``stretch`` takes what is left."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    for column, width in enumerate(widths):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""
        header.resizeSection(column, max(width, metrics.horizontalAdvance(title) + HEADER_PADDING))
    if stretch is not None:
        header.setStretchLastSection(False)  # the chosen column takes what is left, not the last one
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to ``width``×``height``, or to what the screen leaves (less its task bar) when that is less."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - SCREEN_MARGIN)
        height = min(height, room.height() - SCREEN_MARGIN)
    window.resize(width, height)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: a long form scrolls instead of growing past the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not to the area around them
    area.setWidget(content)
    return area
