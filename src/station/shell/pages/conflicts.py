"""Sync conflicts: a change of this station's that the hall did not apply as sent. A supervisor looks at
both versions and keeps one; the decision is audited.

Preview alone: ``python -m station.shell.pages.conflicts [DATA_DIR]``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.core.enterprise_fields import describe_change
from station.shell.dbop import DbOp
from station.shell.widgets import page_title, size_columns


class ConflictsPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        self.rows: list[Any] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Why"), self.tr("This station's version"), self.tr("The hall's version")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        size_columns(self.table, (160, 200, 260, 260))
        self.keep_station = keep_station = QPushButton(self.tr("Keep this station's version"))
        keep_station.clicked.connect(lambda: self.resolve("station"))
        self.table.itemSelectionChanged.connect(self._offer)
        keep_hall = QPushButton(self.tr("Keep the hall's version"))
        keep_hall.clicked.connect(lambda: self.resolve("hall"))
        buttons = QHBoxLayout()
        buttons.addWidget(keep_station)
        buttons.addWidget(keep_hall)
        buttons.addStretch(1)
        self.empty = QLabel(self.tr("No conflicts are waiting."))
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Sync conflicts")))
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        def load(progress: Any) -> list[Any]:
            from station.core.sync import conflicts

            with self.ctx.read() as session:
                return conflicts.open_conflicts(session)

        def show(rows: list[Any]) -> None:
            self.rows = rows
            self.empty.setVisible(not rows)
            self.table.setRowCount(len(rows))
            for i, c in enumerate(rows):
                # A row this station refused came from the hall: what it holds is the hall's version.
                station_side, hall_side = (None, c.theirs) if c.refused else (c.theirs, c.ours)
                fields = set(c.fields) or set(station_side or {}) | set(hall_side or {})
                cells = (
                    f"{c.table} {c.uid[:8]}",
                    c.reason,
                    describe_change(None, {f: (station_side or {}).get(f) for f in fields}) if station_side else "",
                    describe_change(None, {f: (hall_side or {}).get(f) for f in fields}) if hall_side else "",
                )
                for j, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setData(Qt.ItemDataRole.UserRole, c.id)
                    item.setToolTip(value)
                    self.table.setItem(i, j, item)
            self.table.resizeRowsToContents()

        DbOp(self, load, on_done=show).start()

    def _selected(self) -> Any | None:
        selected = self.table.selectedItems()
        conflict_id = selected[0].data(Qt.ItemDataRole.UserRole) if selected else None
        return next((c for c in self.rows if c.id == conflict_id), None)

    def _offer(self) -> None:
        """Sending this station's version again is no choice where the hall's write policy refused it (it
        would be refused again) or where it cannot travel at all."""
        conflict = self._selected()
        final = conflict is not None and (conflict.hall_decides or conflict.kind == "invalid")
        self.keep_station.setEnabled(not final)
        self.keep_station.setToolTip(
            self.tr("The hall does not accept this station's change; only the hall can decide on it.") if final else ""
        )

    def resolve(self, keep: str) -> None:
        selected = self.table.selectedItems()
        if not selected:
            return
        conflict_id = selected[0].data(Qt.ItemDataRole.UserRole)

        def run(progress: Any) -> None:
            from station.core.sync import conflicts

            with self.ctx.work(self.shell.actor) as work:
                conflicts.resolve(work, conflict_id, keep)

        DbOp(self, run, on_done=lambda _: self.reload()).start()


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.shell.preview import preview_page

    preview_page("conflicts", sys.argv[1] if len(sys.argv) > 1 else None)
