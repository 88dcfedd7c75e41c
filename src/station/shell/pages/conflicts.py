"""Sync conflicts: a change of this station's that the hall did not apply as sent. A supervisor looks at
both versions and keeps one; the decision is audited.

Preview alone: ``python -m station.shell.pages.conflicts [DATA_DIR]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
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

from station.contributions import QT_TRANSLATE_NOOP, SyncedTable
from station.shell.dbop import DbOp
from station.shell.widgets import page_title, size_columns

# Columns many synced tables share, in words; a table names its own in SyncedTable.field_labels.
COMMON_FIELDS = {
    "number": QT_TRANSLATE_NOOP("SyncedTables", "Number"),
    "name": QT_TRANSLATE_NOOP("SyncedTables", "Name"),
    "title": QT_TRANSLATE_NOOP("SyncedTables", "Title"),
    "code": QT_TRANSLATE_NOOP("SyncedTables", "Code"),
    "status": QT_TRANSLATE_NOOP("SyncedTables", "Status"),
    "reason": QT_TRANSLATE_NOOP("SyncedTables", "Reason"),
    "enterprise_uid": QT_TRANSLATE_NOOP("SyncedTables", "Company"),
    "period": QT_TRANSLATE_NOOP("SyncedTables", "Year"),
    "amount_fen": QT_TRANSLATE_NOOP("SyncedTables", "Amount"),
    "created_at": QT_TRANSLATE_NOOP("SyncedTables", "Created"),
    "created_by": QT_TRANSLATE_NOOP("SyncedTables", "Created by"),
    "updated_at": QT_TRANSLATE_NOOP("SyncedTables", "Last changed"),
    "updated_by": QT_TRANSLATE_NOOP("SyncedTables", "Last changed by"),
}
PEOPLE_FIELDS = ("created_by", "updated_by", "paid_by", "drawn_by", "recorded_by", "clerk", "agent", "actor")


@dataclass(frozen=True)
class Shown:
    """One conflict as read off the UI thread: the record in words and each differing field's two values."""

    id: int
    what: str  # the table's label (English source in the "SyncedTables" context), or its name
    record: str
    reason: str
    fields: tuple[tuple[str, str, str | None, str | None], ...]  # (field, label source, station's, hall's)
    station: bool
    hall: bool
    tip: str  # the table and uid, for whoever must look the row up
    final: bool  # the hall refused this station's change for good: only the hall's version can be kept


def _value(field: str, value: Any, enterprises: Mapping[str, str], people: Mapping[str, str]) -> str | None:
    """A value as a clerk reads it (None: the field is not in that version)."""
    from station.core.clock import local_text

    if value is None or value == "":
        return "—"
    if field == "enterprise_uid":
        return enterprises.get(str(value), str(value))
    if field in PEOPLE_FIELDS:
        return people.get(str(value), str(value))
    if field.endswith("_fen") and isinstance(value, int):
        amount = f"{value / 100:,.2f}"
        return QCoreApplication.translate("SyncedTables", "%1 yuan").replace("%1", amount)
    if field.endswith("_at") and isinstance(value, str) and "T" in value:
        try:
            return local_text(value)[:16]
        except ValueError:
            return value
    if field == "stage":
        from station.shell.pages.enterprise_model import stage_name

        return stage_name(str(value))
    return str(value)


def _label(field: str, table: SyncedTable | None) -> str:
    """A column in words: the table's own name for it, a shared one, the enterprise form's, or the field."""
    from station.shell.pages.enterprise_form import LABELS

    own = dict(table.field_labels) if table is not None else {}
    if field in own:
        return QCoreApplication.translate("SyncedTables", own[field])
    if field in COMMON_FIELDS:
        return QCoreApplication.translate("SyncedTables", COMMON_FIELDS[field])
    if field in LABELS:
        return QCoreApplication.translate("EnterpriseForm", LABELS[field])
    if field == "registered_capital_fen":
        return QCoreApplication.translate("EnterpriseForm", LABELS["registered_capital"])
    return field.removesuffix("_uid").replace("_", " ")


def read_conflicts(session: Any, tables: Mapping[str, SyncedTable]) -> list[Shown]:
    """The open conflicts with each record described and each value in words (runs off the UI thread)."""
    from station.core import identity
    from station.core.sync import conflicts, describe

    shown = []
    for c in conflicts.open_conflicts(session):
        # A row this station refused came from the hall: what it holds is the hall's version.
        station_side, hall_side = (None, c.theirs) if c.refused else (c.theirs, c.ours)
        table = tables.get(c.table)
        row = describe.full_row(session, c.table, c.uid, hall_side, station_side)
        fields = [f for f in (c.fields or sorted(set(station_side or {}) | set(hall_side or {}))) if f != "version"]
        sides = [side for side in (station_side, hall_side) if side]
        uids = {str(side[f]) for side in sides for f in fields if f == "enterprise_uid" and side.get(f)}
        enterprises = {uid: found[0] for uid in uids if (found := describe.enterprise(session, uid))}
        people = identity.display_names(session, [str(s.get(f)) for s in sides for f in fields if f in PEOPLE_FIELDS])
        values = tuple(
            (
                f,
                _label(f, table),
                _value(f, station_side.get(f), enterprises, people) if station_side else None,
                _value(f, hall_side.get(f), enterprises, people) if hall_side else None,
            )
            for f in fields
        )
        shown.append(
            Shown(
                id=c.id,
                what=table.label if table is not None and table.label else "",
                record=describe.describe(session, table, row, tables),
                reason=c.reason,
                fields=values,
                station=bool(station_side),
                hall=bool(hall_side),
                tip=f"{c.table} {c.uid}",
                final=c.hall_decides or c.kind == "invalid",
            )
        )
    return shown


class ConflictsPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        self.rows: list[Shown] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Why"), self.tr("This station's version"), self.tr("The hall's version")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons; arrows move in it
        self.table.horizontalHeader().setStretchLastSection(True)
        size_columns(self.table, (340, 180, 260, 260))  # the record: a name and its 18-character code
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
        tables = {t.name: t for t in self.ctx.host.collect("register_synced_tables", SyncedTable)}

        def load(progress: Any) -> list[Shown]:
            with self.ctx.read() as session:
                return read_conflicts(session, tables)

        def show(rows: list[Shown]) -> None:
            self.rows = rows
            self.empty.setVisible(not rows)
            self.table.setRowCount(len(rows))
            for i, c in enumerate(rows):
                what = QCoreApplication.translate("SyncedTables", c.what) if c.what else self.tr("Record")
                record = self.tr("%1: %2").replace("%1", what).replace("%2", c.record) if c.record else what
                cells = (
                    record,
                    c.reason,
                    self._version([(label, mine) for _, label, mine, _ in c.fields]) if c.station else "",
                    self._version([(label, hall) for _, label, _, hall in c.fields]) if c.hall else "",
                )
                for j, value in enumerate(cells):
                    item = QTableWidgetItem(value)
                    item.setData(Qt.ItemDataRole.UserRole, c.id)
                    item.setToolTip(value if j else f"{value}\n{c.tip}")
                    self.table.setItem(i, j, item)
            self.table.resizeRowsToContents()

        DbOp(self, load, on_done=show).start()

    def _version(self, values: list[tuple[str, str | None]]) -> str:
        """One side's values, one field a line: "Legal representative: 王五"."""
        lines = [self.tr("%1: %2").replace("%1", label).replace("%2", v) for label, v in values if v is not None]
        return "\n".join(lines)

    def _selected(self) -> Any | None:
        selected = self.table.selectedItems()
        conflict_id = selected[0].data(Qt.ItemDataRole.UserRole) if selected else None
        return next((c for c in self.rows if c.id == conflict_id), None)

    def _offer(self) -> None:
        """Sending this station's version again is no choice where the hall's write policy refused it (it
        would be refused again) or where it cannot travel at all."""
        conflict = self._selected()
        final = conflict is not None and conflict.final
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
