"""The startup board (三色预警): every open case with its five steps in colour, counts by colour, filters,
and a scan box — a receipt's QR code scanned (or a case number typed) opens that case's status.

Preview alone: ``python -m station_startup.ui.board [DATA_DIR]`` (signs in as the system user).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.api import utcnow
from station.api.ui import DbOp, open_on_enter, page_title, search_leads_to, size_columns
from station_startup import catalogue, services
from station_startup.ui import names
from station_startup.ui.board_model import PAGE_SIZE, RANK_COLOUR, StartupBoardModel

REFRESH_MS = 60_000
COUNT_STYLE = "padding: 2px 8px; border-radius: 4px; background: {};"


class StartupBoardPage(QWidget):
    def __init__(self, shell: Any, clock: Callable[[], Any] | None = None) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        self.clock: Callable[[], Any] = clock or utcnow  # tests move time
        self._serial = 0
        self._query = ""

        self.scan = QLineEdit()
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(self.tr("Scan a receipt's QR code, or type a case number or enterprise name"))
        self.scan.setClearButtonEnabled(True)
        self.scan.returnPressed.connect(self.scanned)

        self.whose = QComboBox()
        self.whose.setObjectName("whose")
        self.whose.addItem(self.tr("All cases"), "")
        self.whose.addItem(self.tr("My cases (as clerk or helper agent)"), "mine")
        self.step = QComboBox()
        self.step.setObjectName("step")
        self.step.addItem(self.tr("All steps"), "")
        for spec in catalogue.load().steps:
            self.step.addItem(names.step(spec.code, spec.name), spec.code)
        self.colour = QComboBox()
        self.colour.setObjectName("colour")
        for text, code in (
            (self.tr("All colours"), ""),
            (self.tr("Red: overdue"), "red"),
            (self.tr("Yellow: near the deadline"), "yellow"),
            (self.tr("On time"), "none"),
            (self.tr("Green: done"), "green"),
        ):
            self.colour.addItem(text, code)
        self.closed = QCheckBox(self.tr("Include finished cases"))
        self.closed.setObjectName("include_closed")
        for combo in (self.whose, self.step, self.colour):
            combo.currentIndexChanged.connect(self.refresh)
        self.closed.toggled.connect(self.refresh)

        self.counts: dict[str, QLabel] = {}
        counts = QHBoxLayout()
        for key, rank in (("red", 2), ("yellow", 1), ("none", 0), ("green", -1)):
            label = QLabel()
            label.setObjectName(f"count_{key}")
            label.setStyleSheet(COUNT_STYLE.format(RANK_COLOUR.get(rank, "#eeeeee")))
            self.counts[key] = label
            counts.addWidget(label)
        counts.addStretch(1)
        self.bulletin_button = QPushButton(self.tr("Weekly bulletin…"))
        self.bulletin_button.setObjectName("weekly_bulletin")
        self.bulletin_button.clicked.connect(self.weekly_bulletin)
        counts.addWidget(self.bulletin_button)

        new = QPushButton(self.tr("New case…"))
        new.setObjectName("new_case")
        new.setEnabled(shell.actor is not None and shell.actor.can("startup.intake"))
        new.clicked.connect(self.new_case)
        open_button = QPushButton(self.tr("Open…"))
        open_button.clicked.connect(self.open_selected)
        settings = QPushButton(self.tr("Time limits…"))
        settings.setObjectName("settings")
        settings.setEnabled(shell.actor is not None and shell.actor.can("startup.configure"))
        settings.clicked.connect(self.edit_settings)

        filters = QHBoxLayout()
        filters.addWidget(self.scan, 2)
        filters.addWidget(self.whose)
        filters.addWidget(self.step)
        filters.addWidget(self.colour)
        filters.addWidget(self.closed)
        filters.addWidget(new)
        filters.addWidget(open_button)
        filters.addWidget(settings)

        self.model = StartupBoardModel(self._fetch_rows, self._submit, self)
        self.table = QTableView()
        self.table.setObjectName("startup_board")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        # The enterprise's name keeps its width (a stretched column got nothing once the steps filled the
        # row); the last column takes what is left, and the table scrolls sideways on a narrow screen.
        size_columns(self.table, (170, 230, 120, 60, 80, 120, 76, 76, 76, 76, 76, 90))
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        open_on_enter(self.table, self._open_index)
        search_leads_to(self.scan, self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Business startup")))
        layout.addLayout(filters)
        layout.addLayout(counts)
        layout.addWidget(self.table)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    # -- background plumbing ------------------------------------------------------------------

    def _submit(self, fn: Any, done: Any) -> None:
        DbOp(self, lambda progress: fn(), on_done=done).start()

    def _fetch_rows(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        with self.ctx.raw() as conn:
            return services.board_rows(conn, ids)

    def current_filter(self) -> tuple[services.BoardFilter, str, str]:
        mine = self.whose.currentData() == "mine" and self.shell.actor is not None
        colour = self.colour.currentData() or ""
        flt = services.BoardFilter(
            clerk=self.shell.actor.name if mine else "",
            include_closed=self.closed.isChecked() or colour == "green",
            query=self._query,
        )
        return flt, colour, self.step.currentData() or ""

    def refresh(self) -> None:
        """Cases and colours in one background operation; the UI thread only swaps them in."""
        self._serial += 1
        serial = self._serial
        flt, colour, step = self.current_filter()
        now = self.clock()

        def load(progress: Any) -> tuple[list[int], dict[int, tuple[int, ...]], dict[str, int], dict]:
            with self.ctx.raw() as conn:
                ids = services.board_ids(conn, flt)
                colours = services.board_colours(conn, now)
                counts = services.counts_by_colour(colours, ids)
                ids = services.filter_by_colour(colours, ids, colour, step)
                first_page = services.board_rows(conn, ids[:PAGE_SIZE])
            return ids, colours, counts, first_page

        DbOp(self, load, on_done=lambda result: self._show(serial, *result)).start()

    def _show(
        self,
        serial: int,
        ids: list[int],
        colours: dict[int, tuple[int, ...]],
        counts: dict[str, int],
        first_page: dict[int, tuple[Any, ...]],
    ) -> None:
        if serial != self._serial:
            return  # a newer refresh is on its way
        if ids == self.model.ids():
            self.model.set_colours(colours)  # the same cases: keep scroll position and selection
        else:
            self.model.set_ids(ids, colours, first_page)
        texts = {
            "red": self.tr("Red %1"),
            "yellow": self.tr("Yellow %1"),
            "none": self.tr("On time %1"),
            "green": self.tr("Green %1"),
        }
        for key, label in self.counts.items():
            label.setText(texts[key].replace("%1", f"{counts[key]:,}"))

    # -- scan, open, new ----------------------------------------------------------------------

    def scanned(self) -> None:
        """A scanner types the tracking code and Enter: open that case. Otherwise filter by the text."""
        text = self.scan.text().strip()
        if not text:
            self._query = ""
            self.refresh()
            return

        def find(progress: Any) -> str | None:
            with self.ctx.read() as session:
                try:
                    return services.find_case(session, text).uid
                except Exception:
                    return None

        def found(uid: str | None) -> None:
            if uid is not None:
                self.scan.clear()
                self.open_case(uid)
            else:
                self._query = text
                self.refresh()

        DbOp(self, find, on_done=found).start()

    def _selected_uid_op(self, case_id: int) -> None:
        def find(progress: Any) -> str:
            with self.ctx.raw() as conn:
                return conn.execute("SELECT uid FROM startup_case WHERE id = ?", (case_id,)).fetchone()[0]

        DbOp(self, find, on_done=self.open_case).start()

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._selected_uid_op(self.model.id_at(rows[0].row()))

    def _open_index(self, index: QModelIndex) -> None:
        self._selected_uid_op(self.model.id_at(index.row()))

    def open_case(self, uid: str, show_paper: str = "") -> None:
        from station_startup.ui.case_dialog import CaseDialog

        dialog = CaseDialog(self, uid, show_paper=show_paper)
        dialog.changed.connect(self.refresh)
        dialog.open()

    def open_target(self, uid: str) -> None:
        """A notice's case (by its uid): its status, where its steps are done."""
        self.open_case(uid)

    def new_case(self) -> None:
        from station_startup.ui.intake import IntakeDialog

        dialog = IntakeDialog(self)
        dialog.opened.connect(self._opened)
        dialog.open()

    def weekly_bulletin(self) -> None:
        """The weekly three-colour bulletin for the park's management, previewed to print or save."""
        import tempfile
        from pathlib import Path

        from PySide6.QtWidgets import QInputDialog

        from station.api import UserError
        from station_startup import bulletin, bulletin_pdf

        now = self.clock()
        week_text, ok = QInputDialog.getText(
            self, self.tr("Weekly bulletin"), self.tr("Week (for example 2026-W48):"),
            text=bulletin.last_full_week(now).label,
        )  # fmt: skip
        if not ok:
            return
        ctx, station_name = self.ctx, self.ctx.settings.station_name

        def make(progress: Any) -> Path:
            week = bulletin.Week.parse(week_text)
            with ctx.read() as session:
                found = bulletin.make(session, week, station_name=station_name, now=now)
            folder = Path(tempfile.mkdtemp(prefix="bulletin-"))
            return bulletin_pdf.write(found, folder / f"企业开办每周通报-{week.label}.pdf")

        def show(path: Path) -> None:
            from station.api.ui import PdfPreview

            self.bulletin_preview = PdfPreview(path, self, title=path.stem)
            self.bulletin_preview.open()

        def failed(exc: BaseException) -> None:
            from PySide6.QtWidgets import QMessageBox

            if isinstance(exc, UserError):
                QMessageBox.information(self, self.tr("Weekly bulletin"), exc.message)
            else:
                from station.api.ui import show_error

                show_error(self, exc)

        DbOp(self, make, on_done=show, on_error=failed, label=self.tr("Making the weekly bulletin…")).start()

    def edit_settings(self) -> None:
        from station_startup.ui.settings import SettingsDialog

        dialog = SettingsDialog(self)
        dialog.accepted.connect(self.refresh)
        dialog.open()

    def _opened(self, uid: str) -> None:
        """A case just taken: show it, with its acceptance receipt ready to print for the applicant."""
        self.refresh()
        self.open_case(uid, show_paper="receipt")


if __name__ == "__main__":  # pragma: no cover - manual preview
    import sys

    from station.api.ui import preview_page

    raise SystemExit(preview_page("startup", sys.argv[1] if len(sys.argv) > 1 else None))
