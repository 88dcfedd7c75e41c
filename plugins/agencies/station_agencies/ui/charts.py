"""Small charts drawn with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

AGENCY = QColor("#2f6fb0")
PARK = QColor("#c9ced6")


class DimensionBars(QWidget):
    """One row per dimension: the agency's score (blue) over the park mean (grey), on a 1–5 scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float, float]] = []
        self.setMinimumHeight(150)

    def set_rows(self, rows: Sequence[tuple[str, float, float]]) -> None:
        self._rows = list(rows)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 34 * max(len(self._rows), 5) + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._rows:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No ratings in this period"))
            return
        # The labels' column as wide as the longest name (English names are longer than the Chinese).
        label_w = max([80.0] + [p.fontMetrics().horizontalAdvance(label) + 12.0 for label, _, _ in self._rows])
        value_w = 46.0
        width = max(10.0, self.width() - label_w - value_w - 10)
        row_h = min(34.0, (self.height() - 4) / len(self._rows))
        for i, (label, value, park) in enumerate(self._rows):
            top = 2 + i * row_h
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(0, top, label_w - 6, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
            scale = width / 5.0
            p.fillRect(QRectF(label_w, top + row_h * 0.55, park * scale, row_h * 0.25), PARK)
            p.fillRect(QRectF(label_w, top + row_h * 0.2, value * scale, row_h * 0.35), AGENCY)
            p.drawText(
                QRectF(label_w + width + 6, top, value_w, row_h),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{value:.2f}",
            )
        p.end()


class StarHistogram(QWidget):
    """How many agencies hold each star level (and how many lack enough ratings)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: list[tuple[str, int]] = []
        self.setMinimumHeight(120)

    def set_counts(self, counts: Sequence[tuple[str, int]]) -> None:
        self._counts = list(counts)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        if not self._counts:
            p.end()
            return
        most = max(1, max(n for _, n in self._counts))
        slot = self.width() / len(self._counts)
        chart_h = self.height() - 40
        for i, (label, n) in enumerate(self._counts):
            h = chart_h * n / most
            x = i * slot + slot * 0.2
            p.fillRect(QRectF(x, 18 + chart_h - h, slot * 0.6, h), AGENCY if i < len(self._counts) - 1 else PARK)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(i * slot, 0, slot, 18), Qt.AlignmentFlag.AlignCenter, str(n))
            p.drawText(QRectF(i * slot, self.height() - 20, slot, 20), Qt.AlignmentFlag.AlignCenter, label)
        p.end()
