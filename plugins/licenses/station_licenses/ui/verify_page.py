"""Verify a licence: a USB scanner types the QR text and Enter into the line edit, or open an image or a
PDF. The verdict comes from the trust lists cached at this station, so it works offline.

Preview alone: ``python -m station_licenses.ui.verify_page [DATA_DIR]``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import PALETTE, DbOp, page_title

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext

COLOURS = {"valid": PALETTE["ok"], "expired": PALETTE["caution"]}
CAUTION = PALETTE["caution"]
# A revocation list older than this may miss a licence revoked since: the verdict says so.
STALE_AFTER = dt.timedelta(days=7)
BAD = PALETTE["danger"]


def check(ctx: StationContext, texts: list[str]) -> Any:
    """The verdict for the first licence-looking text (runs on a worker)."""
    from station.api import utcnow
    from station_licenses import services, verify

    with ctx.read() as session:
        snapshot = services.trust_snapshot(session, ctx.data_dir)
    if not texts:
        return None
    verdicts = [verify.verify(t, snapshot, utcnow()) for t in texts]
    return next((v for v in verdicts if v.verdict != verify.NOT_A_LICENSE), verdicts[0])


class VerifyPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        self.scan = QLineEdit()
        self.scan.setObjectName("scan_input")
        self.scan.setPlaceholderText(self.tr("Scan the QR code with the scanner, or paste its text and press Enter"))
        self.scan.returnPressed.connect(self.verify_scan)
        open_file = QPushButton(self.tr("Open image or PDF…"))
        open_file.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.scan, 1)
        row.addWidget(open_file)

        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setProperty("verdict", True)  # the stylesheet's verdict size
        self.message = QLabel()
        self.message.setObjectName("verdict_message")
        self.message.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("verdict_details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.permits = QTableWidget(0, 3)
        self.permits.setObjectName("verdict_permits")
        self.permits.setHorizontalHeaderLabels([self.tr("Permit"), self.tr("Number"), self.tr("Valid until")])
        self.permits.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.permits.horizontalHeader().setStretchLastSection(True)
        self.lists = QLabel()
        self.lists.setObjectName("trust_dates")
        self.lists.setProperty("role", "muted")

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Verify licence")))
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addWidget(self.permits, 1)
        layout.addWidget(self.lists)
        self.scan.setFocus()
        self.last: Any = None
        self.now = lambda: dt.datetime.now(dt.UTC)  # tests move the clock
        self._run(lambda: [])  # show the trust lists' dates before the first scan

    def verify_scan(self) -> None:
        text = self.scan.text()
        self.scan.clear()  # ready for the next scan
        if text.strip():
            self._run(lambda: [text])

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a scan of the licence"), "", self.tr("Images and PDF (*.png *.jpg *.jpeg *.bmp *.pdf)")
        )
        if name:
            self.verify_file(Path(name))

    def verify_file(self, path: Path) -> None:
        def texts() -> list[str]:
            from station.api import UserError
            from station_licenses import qr

            found = qr.decode_file(path)
            if not found:
                raise UserError(f"在 {path.name} 中没有找到二维码。请确认图片清晰、二维码完整。")
            return found

        self._run(texts)

    def _run(self, texts: Any) -> None:
        DbOp(self, lambda progress: (check(self.ctx, texts()), self._dates()), on_done=self.show_verdict).start()

    def _dates(self) -> tuple[str, str, str]:
        """The trust lists' dates, and whether the revocation list is "missing", "old" or ""."""
        from station.api import local_text
        from station_licenses import services

        with self.ctx.read() as session:
            snap = services.trust_snapshot(session, self.ctx.data_dir)
        revoked = snap.revoked_date
        if isinstance(revoked, str):
            revoked = dt.datetime.fromisoformat(revoked)
        if revoked is not None and revoked.tzinfo is None:
            revoked = revoked.replace(tzinfo=dt.UTC)
        state = "missing" if revoked is None else "old" if self.now() - revoked > STALE_AFTER else ""
        return (
            local_text(snap.keys_date) if snap.keys_date else "",
            local_text(snap.revoked_date) if snap.revoked_date else "",
            state,
        )

    def show_verdict(self, result: tuple[Any, tuple[str, str, str]]) -> None:
        found, (keys_date, revoked_date, revocations) = result
        never = self.tr("not received yet")
        self.lists.setText(
            self.tr("Trust lists: station keys of %1, revoked licences of %2")
            .replace("%1", keys_date or never)
            .replace("%2", revoked_date or never)
        )
        if found is None:
            return
        self.last = found
        label, colour = found.label, COLOURS.get(found.verdict, BAD)
        message = found.message + (f"（{found.revoked_reason}）" if found.revoked_reason else "")
        if found.verdict == "valid" and revocations:
            # Genuine, but whether it was revoked since cannot be told from a list this station lacks.
            label, colour = self.tr("Genuine, but revocation not checked"), CAUTION
            caveat = (
                self.tr("This station has never received the list of revoked licences.")
                if revocations == "missing"
                else self.tr("The list of revoked licences is from %1 and may miss a recent revocation.").replace(
                    "%1", revoked_date
                )
            )
            message = f"{message} {caveat} " + self.tr("Sync with the hall, then verify again.")
        self.verdict.setText(label)
        self.verdict.setStyleSheet(f"color: {colour};")
        self.message.setText(message)
        if found.number:
            code, number = self.tr("Credit code"), self.tr("Licence number")
            by, until = self.tr("Issued by"), self.tr("Valid until")
            self.details.setText(
                f"{found.name}\n{code} {found.uscc}    {number} {found.number}\n"
                f"{by} {found.station}  {found.issued_at}    {until} {found.expires_on}"
            )
        else:
            self.details.setText("")
        self.permits.setRowCount(len(found.permits))
        for i, p in enumerate(found.permits):
            for j, value in enumerate((p["name"], p["number"], p["expires_on"])):
                self.permits.setItem(i, j, QTableWidgetItem(value))
        self.permits.resizeColumnsToContents()


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.api.ui import preview_page

    preview_page("licenses.verify", sys.argv[1] if len(sys.argv) > 1 else None)
