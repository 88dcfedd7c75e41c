"""The enterprise registry page: search box, lazy list, detail/edit form, import with a report, undo.

Preview alone: ``python -m station.shell.pages.enterprises [DATA_DIR]`` (signs in as the system user).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.core import registry_queries
from station.shell.dbop import DbOp
from station.shell.keys import open_on_enter, search_leads_to
from station.shell.pages.enterprise_form import EnterpriseForm
from station.shell.pages.enterprise_model import PAGE_SIZE, EnterpriseTableModel
from station.shell.widgets import page_title, size_columns

if TYPE_CHECKING:  # pragma: no cover
    from station.core.enterprise_import import ImportReport

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 180
UNDO_SECONDS = 30


class EnterprisesPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        self._search_serial = 0
        self._undo: tuple[int, dict[str, str]] | None = None

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by name fragment, credit code or legal representative"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.run_search)

        self.count = QLabel()
        self.count.setObjectName("count")
        add = QPushButton(self.tr("Register…"))
        add.clicked.connect(self.add)
        edit = QPushButton(self.tr("Open…"))
        edit.clicked.connect(self.open_selected)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.choose_import)
        template = QPushButton(self.tr("Import template…"))
        template.clicked.connect(self.save_template)
        self.undo_button = QPushButton(self.tr("Undo last edit"))
        self.undo_button.setObjectName("undo")
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_last)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self._forget_undo)
        can_edit = shell.actor is not None and shell.actor.can("enterprise.edit")
        can_import = shell.actor is not None and shell.actor.can("enterprise.import")
        add.setEnabled(can_edit)
        self.import_button.setEnabled(can_import)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        top.addWidget(add)
        top.addWidget(edit)
        top.addWidget(self.import_button)
        top.addWidget(template)
        top.addWidget(self.undo_button)

        self.model = EnterpriseTableModel(self._fetch_rows, self._submit, self)
        self.table = QTableView()
        self.table.setObjectName("enterprise_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        # The name keeps room for a long name; the last column takes what is left, and on a narrow screen
        # (125 %, English headers) the list scrolls sideways rather than squeezing the name.
        size_columns(self.table, (170, 260, 90, 200, 130, 60, 110))  # the industry by its name
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        open_on_enter(self.table, self._open_index)
        search_leads_to(self.search, self.table)

        layout = QVBoxLayout(self)
        title = page_title(self.tr("Enterprise registry"))
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.run_search()

    # -- background plumbing ------------------------------------------------------------------

    def _submit(self, fn: Any, done: Any) -> None:
        DbOp(self, lambda progress: fn(), on_done=done).start()

    def _fetch_rows(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        with self.ctx.raw() as conn:  # plain sqlite3: the list shows before SQLAlchemy has loaded
            return registry_queries.rows_for(conn, ids)

    # -- search -------------------------------------------------------------------------------

    def run_search(self) -> None:
        self._debounce.stop()
        self._search_serial += 1
        serial, query = self._search_serial, self.search.text()

        def search(progress: Any) -> tuple[list[int], dict[int, tuple[Any, ...]]]:
            with self.ctx.raw() as conn:  # the first page's rows too: they show with the list, not after
                ids = registry_queries.search_ids(conn, query)
                return ids, registry_queries.rows_for(conn, ids[:PAGE_SIZE])

        def show(found: tuple[list[int], dict[int, tuple[Any, ...]]]) -> None:
            if serial != self._search_serial:
                return  # a newer search is on its way
            ids, first_page = found
            self.model.set_ids(ids, first_page)
            self.count.setText(self.tr("%1 enterprises").replace("%1", f"{len(ids):,}"))

        DbOp(self, search, on_done=show).start()

    # -- open, add, edit, undo ----------------------------------------------------------------

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def open_selected(self) -> None:
        enterprise_id = self._selected_id()
        if enterprise_id is not None:
            self.open_enterprise(enterprise_id)

    def _open_index(self, index: QModelIndex) -> None:
        self.open_enterprise(self.model.id_at(index.row()))

    def open_enterprise(self, enterprise_id: int) -> None:
        from station.core import enterprises as ent

        def load(progress: Any) -> tuple[dict[str, str], int, list[tuple[str, ...]]]:
            import json

            from station.core import audit, identity
            from station.core.clock import local_text
            from station.core.enterprise_fields import ACTIONS, describe_change

            with self.ctx.read() as session:
                found = ent.get(session, enterprise_id)
                entries = audit.history(session, found.uid)
                names = identity.display_names(session, [e.actor for e in entries])
                history: list[tuple[str, ...]] = [
                    (
                        local_text(e.at),
                        names.get(e.actor, e.actor),
                        ACTIONS.get(e.action, e.action),
                        describe_change(
                            json.loads(e.before) if e.before else None, json.loads(e.after) if e.after else None
                        ),
                    )
                    for e in entries
                ]
                return ent.as_form(found), found.version, history

        def show(loaded: tuple[dict[str, str], int, list[tuple[str, ...]]]) -> None:
            values, version, history = loaded
            read_only = not self.shell.actor.can("enterprise.edit")

            def save(new: dict[str, str], ok: Any, failed: Any) -> None:
                def run(progress: Any) -> None:
                    with self.ctx.work(self.shell.actor) as work:
                        ent.update(work, enterprise_id, new, expected_version=version)

                def saved(result: Any) -> None:
                    ok(result)
                    self._offer_undo(enterprise_id, values)
                    self.model.refresh_rows()

                DbOp(self, run, on_done=saved, on_error=failed).start()

            EnterpriseForm(self, values, save, read_only=read_only, history=history).open()

        DbOp(self, load, on_done=show).start()

    def add(self) -> None:
        from station.core import enterprises as ent

        def save(new: dict[str, str], ok: Any, failed: Any) -> None:
            def run(progress: Any) -> int:
                with self.ctx.work(self.shell.actor) as work:
                    return ent.create(work, new).id

            def saved(enterprise_id: int) -> None:
                ok(enterprise_id)
                self.shell.statusBar().showMessage(self.tr("Enterprise registered."), 5000)
                self.run_search()

            DbOp(self, run, on_done=saved, on_error=failed).start()

        EnterpriseForm(self, None, save).open()

    def _offer_undo(self, enterprise_id: int, before: dict[str, str]) -> None:
        self._undo = (enterprise_id, before)
        self.undo_button.show()
        self._undo_timer.start(UNDO_SECONDS * 1000)
        self.shell.statusBar().showMessage(
            self.tr("Saved. You can undo this edit for %1 seconds.").replace("%1", str(UNDO_SECONDS)),
            UNDO_SECONDS * 1000,
        )

    def _forget_undo(self) -> None:
        self._undo = None
        self.undo_button.hide()

    def undo_last(self) -> None:
        if self._undo is None:
            return
        enterprise_id, before = self._undo
        self._forget_undo()
        from station.core import enterprises as ent

        def run(progress: Any) -> None:
            with self.ctx.work(self.shell.actor) as work:
                ent.update(work, enterprise_id, before)  # an edit like any other: audited, versioned

        def done(_: Any) -> None:
            self.shell.statusBar().showMessage(self.tr("Edit undone."), 5000)
            self.model.refresh_rows()

        DbOp(self, run, on_done=done).start()

    # -- import -------------------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import enterprises"), str(Path.home()), self.tr("Spreadsheets (*.csv *.xlsx)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        from station.core import enterprise_import

        def run(progress: Any) -> ImportReport:
            def step(rows: int, share: float | None) -> None:
                # a bar when the share of the file read is known (CSV), else the rows so far (XLSX)
                progress(*((round(share * 1000), 1000) if share is not None else (rows, 0)))

            with self.ctx.work(self.shell.actor) as work:
                return enterprise_import.import_file(work, path, step)

        def done(report: ImportReport) -> None:
            self.last_report = report
            self.run_search()
            ImportReportDialog(self, report).open()

        DbOp(self, run, on_done=done, label=self.tr("Importing %1…").replace("%1", path.name)).start()

    def save_template(self) -> None:
        from station.core import enterprise_import

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save import template"), str(Path.home() / "企业导入模板.xlsx"), "Excel (*.xlsx);;CSV (*.csv)"
        )
        if path:
            enterprise_import.write_template(Path(path))
            self.shell.statusBar().showMessage(self.tr("Template saved to %1").replace("%1", path), 8000)


class ImportReportDialog(QDialog):
    def __init__(self, parent: QWidget, report: ImportReport) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(720, 420 if report.bad else 160)
        layout = QVBoxLayout(self)
        summary = QLabel(report.summary())
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        if report.bad:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "These rows were not imported; correct them in the file and "
                        "import it again (rows already imported will be updated, not duplicated)."
                    )
                )
            )
            table = QTableWidget(len(report.bad), 3)
            table.setObjectName("bad_rows")
            table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Credit code"), self.tr("Problem")])
            for i, bad in enumerate(report.bad):
                for j, value in enumerate((str(bad.row), bad.uscc, bad.reason)):
                    item = QTableWidgetItem(value)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    table.setItem(i, j, item)
            table.horizontalHeader().setStretchLastSection(True)
            table.resizeColumnsToContents()
            layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        if report.bad:
            export = buttons.addButton(self.tr("Save problem rows…"), QDialogButtonBox.ButtonRole.ActionRole)
            export.clicked.connect(lambda: self.save_bad_rows(report))
        layout.addWidget(buttons)

    def save_bad_rows(self, report: ImportReport) -> None:
        from station.core import enterprise_import

        stem = Path(report.file).stem
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save problem rows"), str(Path.home() / f"{stem}-问题行.csv"), "CSV (*.csv)"
        )
        if path:
            enterprise_import.write_bad_rows(report, Path(path))


def _preview() -> None:  # pragma: no cover - manual preview
    import sys

    from station.shell.preview import preview_page

    preview_page("enterprises", sys.argv[1] if len(sys.argv) > 1 else None)


if __name__ == "__main__":  # pragma: no cover
    _preview()
