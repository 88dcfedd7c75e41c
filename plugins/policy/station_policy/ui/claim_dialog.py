"""A claim's full history on one screen: the claim, its warnings, every step with who/when/why, and the
actions the signed-in person may take next."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from station.shell.dbop import DbOp
from station.shell.widgets import ERROR_COLOUR


class ClaimDialog(QDialog):
    changed = Signal()

    def __init__(self, page: Any, number: str) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.actor = page.actor
        self.number = number
        self.setWindowTitle(self.tr("Claim %1").replace("%1", number))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("claim_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warnings = QLabel()
        self.warnings.setObjectName("claim_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(self.warnings)
        self.events = QTableWidget(0, 5)
        self.events.setObjectName("claim_events")
        self.events.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Step"), self.tr("Status after"), self.tr("By"), self.tr("Reason")]
        )
        self.events.horizontalHeader().setStretchLastSection(True)
        self.events.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.events.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.events, 1)
        self.buttons_row = QHBoxLayout()
        layout.addLayout(self.buttons_row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("accept", self.tr("Accept")),
            ("approve", self.tr("Approve")),
            ("reject", self.tr("Reject…")),
            ("notice", self.tr("Start public notice")),
            ("pay", self.tr("Pay")),
            ("verify", self.tr("Draw a verifier…")),
            ("notice_pdf", self.tr("Payout notice PDF")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"claim_{key}")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            self.buttons_row.addWidget(button)
        self.buttons_row.addStretch(1)
        self.history: Any = None
        self.reload()

    def reload(self) -> DbOp:
        from station_policy import services

        ctx, number, today = self.ctx, self.number, self.page.today

        def load(progress: Any) -> Any:
            with ctx.read() as session:
                return services.history(session, number, today)

        return DbOp(self, load, on_done=self.show_history).start()

    def show_history(self, h: Any) -> None:
        from station.core.clock import local_text
        from station_policy.facts import format_fen
        from station_policy.payout_state import CONFIRMED, LABELS, REFUSED
        from station_policy.services import STATUSES, STEPS

        self.history = h
        c = h.claim
        verifier = json.loads(c.verifier) if c.verifier else None
        lines = [
            f"<b>{h.enterprise_name}</b>（{h.uscc}） — {h.policy.title}"
            f"（{c.policy_code}，{c.policy_edition} 版，{c.period} 年度）",
            f"{STATUSES.get(c.status, c.status)}；预计 {format_fen(c.estimated_fen)}；核定 {format_fen(c.approved_fen)}"
            + (f"；公示至 {c.notice_until.isoformat()}" if c.notice_until else "")
            + (f"；兑付编号 {h.payout.number}" if h.payout else "")
            + (f"（{LABELS[h.payout_state]}）" if h.payout and h.payout_state != CONFIRMED else ""),
        ]
        if verifier:
            lines.append(f"第三方鉴证机构：{verifier['agency_name']}（抽取记录 {verifier['draw_uid']}）")
        self.summary.setText("<br>".join(lines))
        self.warnings.setText("<br>".join([f"⚠ {w.text}" for w in h.warnings] + [f"ⓘ {n}" for n in h.notes]))
        self.warnings.setVisible(bool(h.warnings or h.notes))
        self.events.setRowCount(len(h.events))
        for row, e in enumerate(h.events):
            values = [local_text(e.at), STEPS.get(e.step, e.step), STATUSES.get(e.status_after, ""), e.actor, e.reason]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(json.dumps(json.loads(e.detail), ensure_ascii=False, indent=1))
                self.events.setItem(row, column, item)
        can = self.actor.can if self.actor is not None else (lambda _p: False)
        status = c.status
        self.buttons["accept"].setVisible(status == "applied" and can("policy.claim"))
        self.buttons["approve"].setVisible(status == "accepted" and can("policy.review"))
        self.buttons["reject"].setVisible(
            status in ("applied", "accepted", "approved", "notice") and can("policy.review")
        )
        self.buttons["notice"].setVisible(status == "approved" and can("policy.review"))
        self.buttons["pay"].setVisible(status == "notice" and can("policy.pay"))
        self.buttons["verify"].setVisible(
            bool(h.policy.verification) and status in ("accepted", "applied") and can("policy.review")
        )
        self.buttons["notice_pdf"].setVisible(h.payout is not None and h.payout_state != REFUSED)

    def act(self, key: str) -> None:
        from station_policy import services

        ctx, actor, number = self.ctx, self.actor, self.number
        reason = ""
        if key == "reject":
            reason, ok = QInputDialog.getText(self, self.windowTitle(), self.tr("Reason (told to the enterprise):"))
            if not ok or not reason.strip():
                return
        missing = self.history is not None and any(w.code == "materials" for w in self.history.warnings)
        if key == "accept" and missing:  # 容缺受理 needs a written reason
            reason, ok = QInputDialog.getText(
                self, self.windowTitle(), self.tr("Materials are missing. Reason for accepting anyway:")
            )
            if not ok or not reason.strip():
                return
        if key == "verify":
            witness, ok = QInputDialog.getText(self, self.windowTitle(), self.tr("Witness text (seeds the draw):"))
            if not ok or not witness.strip():
                return

            def draw(progress: Any) -> Any:
                return services.request_verification(ctx, actor, number, witness=witness)

            DbOp(self, draw, on_done=lambda _r: self._after(), label=self.tr("Drawing…")).start()
            return
        if key == "notice_pdf":
            self.payout_notice()
            return

        def run(progress: Any) -> None:
            with ctx.work(actor) as work:
                if key == "accept":
                    services.accept(work, number, reason=reason)
                elif key == "approve":
                    services.review(work, number, approve=True)
                elif key == "reject":
                    services.reject(work, number, reason)
                elif key == "notice":
                    services.start_notice(work, number)
                elif key == "pay":
                    services.pay(work, number, station_code=ctx.settings.station_code)

        DbOp(self, run, on_done=lambda _r: self._after()).start()

    def _after(self) -> None:
        self.changed.emit()
        self.reload()

    def payout_notice(self, path: str | None = None, *, preview: bool = True) -> DbOp:
        from station_policy import reports

        h, ctx = self.history, self.ctx
        target = path or str(Path(tempfile.mkdtemp(prefix="policy-")) / f"兑付通知书-{h.payout.number}.pdf")

        def write(progress: Any) -> str:
            reports.write_payout_notice(target, h, issuer=ctx.settings.station_name)
            return target

        def show(written: str) -> None:
            if preview:
                from station.shell.pdf_preview import PdfPreview

                PdfPreview(written, self, title=self.windowTitle()).show()

        return DbOp(self, write, on_done=show, label=self.tr("Writing the notice…")).start()
