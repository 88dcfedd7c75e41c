"""Small dialogs of the policy page: why (not), apply with a materials checklist, the payout report."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.api import today
from station.api.ui import ASK_WIDTH, DbOp, FormDialog

MARKS = {"eligible": "✓", "ineligible": "✗", "unknown": "？"}


class WhyDialog(QDialog):
    """Every condition of a policy for one enterprise, with the values it was judged on."""

    def __init__(self, parent: QWidget, evaluation: Any, enterprise_name: str) -> None:
        super().__init__(parent)
        p = evaluation.policy
        self.setWindowTitle(self.tr("Why (not)"))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{enterprise_name}</b> — {p.title}（{p.edition} 版，{p.department}）")
        head.setToolTip(p.code)  # the code, for whoever needs it; a clerk reads the title
        head.setWordWrap(True)
        layout.addWidget(head)
        verdict = QLabel(evaluation.why())
        verdict.setObjectName("why_text")
        verdict.setWordWrap(True)
        layout.addWidget(verdict)
        items = QListWidget()
        items.setObjectName("findings")
        for f in evaluation.findings:
            item = QListWidgetItem(f"{MARKS[f.outcome]}  {f.sentence()}")
            item.setToolTip(f.rule)
            items.addItem(item)
        layout.addWidget(items, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ApplyDialog(FormDialog):
    """Apply for a policy: tick the materials handed in; what is missing is warned about, not hidden."""

    def __init__(self, parent: QWidget, policy: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Apply for a policy"))
        self.setMinimumWidth(ASK_WIDTH)  # a long title and its amount rule read on two lines, not ten
        layout = self.extra
        title = QLabel(f"<b>{policy.title}</b>（{policy.edition} 版）<br>{policy.amount.describe()}")
        title.setToolTip(policy.code)
        title.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Materials handed in:")))
        self.boxes: list[QCheckBox] = []
        for m in policy.materials:
            box = QCheckBox(m)
            self.boxes.append(box)
            layout.addWidget(box)

    def materials(self) -> list[str]:
        return [b.text() for b in self.boxes if b.isChecked()]


class ReportDialog(QDialog):
    """Payouts of a month by department: CSV, XLSX and a PDF with totals, written in the background."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.setWindowTitle(self.tr("Payout report"))
        form = QFormLayout(self)
        self.month = QLineEdit(today().strftime("%Y-%m"))
        self.month.setObjectName("report_month")
        form.addRow(self.tr("Month (YYYY-MM)"), self.month)
        row = QHBoxLayout()
        for label, kind in (
            (self.tr("Save CSV…"), "csv"),
            (self.tr("Save XLSX…"), "xlsx"),
            (self.tr("Save PDF…"), "pdf"),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.save(k))
            row.addWidget(button)
        form.addRow(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        form.addRow(close)

    def save(self, kind: str) -> None:
        month = self.month.text().strip()
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), f"惠企政策兑付-{month}.{kind}", f"*.{kind}")
        if not path:
            return
        self.write(kind, month, path)

    def write(self, kind: str, month: str, path: str, *, preview: bool = True) -> DbOp:
        from station_policy import reports, services

        ctx = self.page.ctx

        def work(progress: Any) -> str:
            with ctx.read() as session:
                lines = services.payouts(session, month=month)
                refused = services.refused_payouts(session, month=month)
            if kind == "csv":
                reports.write_csv(path, lines)
            elif kind == "xlsx":
                reports.write_xlsx(path, lines, month=month)
            else:
                reports.write_pdf(path, lines, month=month, issuer=ctx.settings.station_name, refused=refused)
            return path

        def done(written: str) -> None:
            if kind == "pdf" and preview:
                from station.api.ui import PdfPreview

                PdfPreview(written, self, title=self.windowTitle()).show()
            else:
                QMessageBox.information(self, self.windowTitle(), self.tr("Saved %1").replace("%1", written))

        return DbOp(self, work, on_done=done, label=self.tr("Writing the report…")).start()
