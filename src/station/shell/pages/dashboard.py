"""The dashboard: figures contributed by plugins, computed off the UI thread.

Preview alone: ``python -m station.shell.pages.dashboard [DATA_DIR]``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from station.contributions import DashboardFigure, loaded
from station.shell.dbop import DbOp
from station.shell.style import set_role
from station.shell.widgets import page_title, scrolling

log = logging.getLogger(__name__)
COLUMNS = 4


class FigureCard(QFrame):
    def __init__(self, figure: DashboardFigure) -> None:
        super().__init__()
        self.setObjectName(f"figure_{figure.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        set_role(self, "card")
        self.value = QLabel("…")
        self.value.setObjectName("value")
        set_role(self.value, "figure")
        self.value.setWordWrap(True)  # a figure with its note ("100%（24 条评价）") wraps in a narrow card
        title = QLabel(QCoreApplication.translate("Dashboard", figure.title))
        title.setWordWrap(True)  # an English title may take two lines in a narrow card
        set_role(title, "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(title)
        self.setMinimumSize(200, 110)


class DashboardPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.figures = sorted(
            shell.ctx.host.collect("register_dashboard_figures", DashboardFigure), key=lambda f: (f.order, f.key)
        )
        self.cards: dict[str, FigureCard] = {}
        grid = QGridLayout()
        grid.setSpacing(14)
        for i, figure in enumerate(self.figures):
            card = FigureCard(figure)
            self.cards[figure.key] = card
            grid.addWidget(card, i // COLUMNS, i % COLUMNS)
        title = page_title(self.tr("Dashboard"))
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(refresh)
        cards = QWidget()
        column = QVBoxLayout(cards)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(grid)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(scrolling(cards), 1)  # many figures on a low screen (125 %): the cards scroll
        self.refresh()

    def refresh(self) -> None:
        ctx = self.shell.ctx
        figures = self.figures

        def compute(progress: Any) -> dict[str, str]:
            values: dict[str, str] = {}
            with ctx.read() as session:
                for figure in figures:
                    try:
                        values[figure.key] = loaded(figure.compute)(session)
                    except Exception:  # one broken figure must not blank the dashboard
                        log.exception("dashboard figure %s of %s failed", figure.key, figure.plugin)
                        values[figure.key] = "—"
            return values

        def show(values: dict[str, str]) -> None:
            for key, value in values.items():
                self.cards[key].value.setText(value)

        DbOp(self, compute, on_done=show).start()


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.shell.preview import preview_page

    preview_page("dashboard", sys.argv[1] if len(sys.argv) > 1 else None)
