"""The licences page: issued licences (search, issue, print, batch print, revoke), the licences waiting to
be offered after a business startup, and whether this station may sign.

Preview alone: ``python -m station_licenses.ui.page [DATA_DIR]``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import DbOp, ask_reason, open_on_enter, page_title, search_leads_to, set_role
from station_licenses.ui.license_model import LicenseTableModel, fetch_rows

CASE_ROLE = Qt.ItemDataRole.UserRole + 1  # an offer's startup case, which a notice names


class LicensesPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self._after_reload: Any = None
        self.shell = shell
        self.ctx = shell.ctx
        self.pdf_dir = Path(tempfile.mkdtemp(prefix="licences-"))
        self.search = QLineEdit()
        self.search.setObjectName("license_search")
        self.search.setPlaceholderText(self.tr("Search by licence number, enterprise name or credit code"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._debounce.start())

        self.key_status = QLabel()
        self.key_status.setObjectName("key_status")
        self.key_status.setWordWrap(True)

        self.model = LicenseTableModel(self._fetch, self._submit, self)
        self.table = QTableView()
        self.table.setObjectName("license_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 300, 170, 260, 90, 60, 60)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.doubleClicked.connect(lambda _: self.preview())
        open_on_enter(self.table, lambda _: self.preview())
        search_leads_to(self.search, self.table)

        issue = QPushButton(self.tr("Issue licence…"))
        issue.setObjectName("issue_button")
        issue.clicked.connect(lambda: self.issue())
        preview = QPushButton(self.tr("Preview and print"))
        preview.clicked.connect(self.preview)
        batch = QPushButton(self.tr("Print selected"))
        batch.setObjectName("batch_print")
        batch.clicked.connect(self.print_selected)
        revoke = QPushButton(self.tr("Revoke…"))
        revoke.clicked.connect(self.revoke)
        permits = QPushButton(self.tr("Permits…"))
        permits.setObjectName("permits_button")
        permits.clicked.connect(self.permits)
        buttons = QHBoxLayout()
        for b in (issue, preview, batch, revoke, permits):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.offers = QListWidget()
        self.offers.setObjectName("offers")
        offer_issue = QPushButton(self.tr("Issue for this enterprise"))
        offer_issue.clicked.connect(self.issue_offer)
        offer_dismiss = QPushButton(self.tr("Dismiss"))
        offer_dismiss.clicked.connect(self.dismiss_offer)
        offers_box = QWidget()
        offers_layout = QVBoxLayout(offers_box)
        offers_layout.setContentsMargins(0, 0, 0, 0)
        offers_layout.addWidget(QLabel(self.tr("New enterprises waiting for their licence")))
        offers_layout.addWidget(self.offers)
        row = QHBoxLayout()
        row.addWidget(offer_issue)
        row.addWidget(offer_dismiss)
        row.addStretch(1)
        offers_layout.addLayout(row)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(offers_box)
        split.setSizes([500, 160])

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Licences")))
        layout.addWidget(self.key_status)
        layout.addWidget(self.search)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.reload()

    # -- data ---------------------------------------------------------------------------------------

    def _submit(self, fn: Any, done: Any) -> None:
        DbOp(self, lambda progress: fn(), on_done=done).start()

    def _fetch(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        with self.ctx.read() as session:
            return fetch_rows(session, ids)

    def reload(self) -> None:
        query = self.search.text()

        def load(progress: Any) -> tuple[list[int], list[tuple[int, str, str, str, str]], str]:
            from station.api import enrolment, station_key
            from station_licenses import services

            with self.ctx.read() as session:
                ids = services.license_ids(session, query)
                offers = [
                    (o.id, o.uscc, o.enterprise_name, o.business_scope, o.case_uid)
                    for o in services.open_offers(session)
                ]
            found = station_key.certified(self.ctx.data_dir)
            if found is not None:
                return ids, offers, found.station.station_code
            return ids, offers, "enrolled" if enrolment.load(self.ctx.data_dir) is not None else ""

        def show(result: tuple[list[int], list[tuple[int, str, str, str, str]], str]) -> None:
            ids, offers, code = result
            self.model.set_ids(ids)
            if code == "enrolled":
                self.key_status.setText(
                    self.tr(
                        "This station's signing key is not certified yet: the hall certifies it when the station "
                        "issues its first licence while the hall can be reached."
                    )
                )
                set_role(self.key_status, "caution")
            elif code:
                self.key_status.setText(
                    self.tr("This station (%1) signs licences with a key the hall certified.").replace("%1", code)
                )
                set_role(self.key_status, "")
            else:
                self.key_status.setText(
                    self.tr(
                        "This station cannot issue licences yet: its signing key is not certified by the hall. "
                        "Ask the administrator to enrol this station with the hall, using the code the hall gave."
                    )
                )
                set_role(self.key_status, "error")
            self.offers.clear()
            for offer_id, uscc, name, scope, case_uid in offers:
                item = QListWidgetItem(f"{name}（{uscc}）  {scope[:40]}")
                item.setData(Qt.ItemDataRole.UserRole, (offer_id, uscc, name))
                item.setData(CASE_ROLE, case_uid)
                self.offers.addItem(item)
            after, self._after_reload = self._after_reload, None
            if after is not None:
                after()

        DbOp(self, load, on_done=show).start()

    def _selected_numbers(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = []
        for r in rows:
            values = self.model.row_values(r)
            if values is not None:
                out.append(values[0])
        return out

    # -- actions ------------------------------------------------------------------------------------

    def issue(self, uscc: str = "", name: str = "") -> None:
        from station_licenses.ui.issue_dialog import IssueDialog

        dialog = IssueDialog(self, uscc=uscc, name=name)
        if dialog.exec() != IssueDialog.DialogCode.Accepted:
            return
        code, permits = dialog.uscc.text().strip(), dialog.permits()

        def run(progress: Any) -> str:
            from station.api import station_key
            from station_licenses import services

            signer = station_key.ensure_certified(self.ctx.data_dir)
            with self.ctx.work(self.shell.actor) as work:
                return services.issue(work, signer, code, permits).number

        def done(number: str) -> None:
            self.reload()
            self._preview_number(number)

        DbOp(self, run, on_done=done, label=self.tr("Signing the licence…")).start()

    def open_target(self, target: str) -> None:
        """A notice's new enterprise ("offer:<case uid>"): its offer chosen and the issue dialog open."""
        kind, _, key = target.partition(":")
        if kind != "offer":
            return

        def choose() -> None:
            for row in range(self.offers.count()):
                item = self.offers.item(row)
                _offer_id, uscc, name = item.data(Qt.ItemDataRole.UserRole)
                if item.data(CASE_ROLE) == key:
                    self.offers.setCurrentItem(item)
                    self.issue(uscc, name)
                    return

        self._after_reload = choose
        self.reload()

    def issue_offer(self) -> None:
        item = self.offers.currentItem()
        if item is not None:
            _, uscc, name = item.data(Qt.ItemDataRole.UserRole)
            self.issue(uscc, name)

    def dismiss_offer(self) -> None:
        item = self.offers.currentItem()
        if item is None:
            return
        offer_id = item.data(Qt.ItemDataRole.UserRole)[0]

        def run(progress: Any) -> None:
            from station_licenses import services

            with self.ctx.work(self.shell.actor) as work:
                services.dismiss_offer(work, offer_id)

        DbOp(self, run, on_done=lambda _: self.reload()).start()

    def _write_pdf(self, numbers: list[str], progress: Any) -> Path:
        """One PDF for the licences (each followed by its permit certificates): one print job for a batch."""
        from station_licenses import documents, services

        issuer = self.ctx.settings.station_name
        with self.ctx.read() as session:
            sheets = [documents.sheet_for(session, services.by_number(session, n), issuer=issuer) for n in numbers]
        name = numbers[0] if len(numbers) == 1 else f"batch-{len(numbers)}-{numbers[0]}"
        return documents.write_licence_pdf(self.pdf_dir / f"{name}.pdf", sheets, with_permits=True, progress=progress)

    def _preview_number(self, number: str) -> None:
        def shown(path: Path) -> None:
            from station.api.ui import PdfPreview

            PdfPreview(path, self, title=self.tr("Licence %1").replace("%1", number)).exec()

        DbOp(self, lambda progress: self._write_pdf([number], progress), on_done=shown).start()

    def preview(self) -> None:
        numbers = self._selected_numbers()
        if numbers:
            self._preview_number(numbers[0])

    def print_selected(self) -> None:
        numbers = self._selected_numbers()
        if not numbers:
            return

        def printed(path: Path) -> None:
            from station.api.ui import print_pdfs

            print_pdfs(self, [path])

        DbOp(
            self,
            lambda progress: self._write_pdf(numbers, progress),
            on_done=printed,
            label=self.tr("Preparing the licences for printing…"),
        ).start()

    def permits(self) -> None:
        """The enterprise's permits: renew, change or revoke them (supervisors)."""
        numbers = self._selected_numbers()
        if not numbers:
            return

        def load(progress: Any) -> tuple[str, str]:
            from station_licenses import services

            with self.ctx.read() as session:
                lic = services.by_number(session, numbers[0])
                return lic.enterprise_uid, lic.name

        def show(found: tuple[str, str]) -> None:
            from station_licenses.ui.permits_dialog import PermitsDialog

            PermitsDialog(self, self.ctx, self.shell.actor, *found).exec()
            self.reload()

        DbOp(self, load, on_done=show).start()

    def revoke(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        values = self.model.row_values(rows[0]) if len(rows) == 1 else None
        if values is None:
            QMessageBox.information(self, self.tr("Revoke"), self.tr("Select one licence to revoke."))
            return
        number, name, uscc = values[0], values[1], values[2]
        reason = ask_reason(
            self,
            self.tr("Revoke licence"),
            self.tr(
                "Revoke the licence %1 of %2 (%3)? A revoked licence cannot be restored: "
                "scanning its code will show it as revoked."
            )
            .replace("%1", number)
            .replace("%2", name)
            .replace("%3", uscc),
            self.tr("Revoke"),
            label=self.tr("Reason for revoking"),
        )
        if reason is None:
            return

        def run(progress: Any) -> None:
            from station_licenses import services

            with self.ctx.work(self.shell.actor) as work:
                services.revoke(work, number, reason)

        DbOp(self, run, on_done=lambda _: self.reload()).start()


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.api.ui import preview_page

    preview_page("licenses", sys.argv[1] if len(sys.argv) > 1 else None)
