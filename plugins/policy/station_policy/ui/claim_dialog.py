"""A claim's full history on one screen: the claim, its warnings, every step with who/when/why, and the
actions the signed-in person may take next."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from station.api.ui import ERROR_COLOUR, AskDialog, DbOp, ask_reason, confirm, safe_buttons, tab_in_layout_order
from station_policy.ui import names
from station_policy.ui.pdf import write_and_preview


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
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("accept", self.tr("Accept")),
            ("approve", self.tr("Approve")),
            ("reject", self.tr("Reject…")),
            ("notice", self.tr("Start public notice")),
            ("pay", self.tr("Pay")),
            ("verify", self.tr("Draw a verifier…")),
            ("receipt_pdf", self.tr("Receipt PDF")),
            ("notice_pdf", self.tr("Payout notice PDF")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"claim_{key}")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            self.buttons_row.addWidget(button)
        safe_buttons(*self.buttons.values())  # Enter after a step never starts the next one
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
        from station.api import local_text
        from station_policy.payout_state import CONFIRMED, REFUSED

        self.history = h
        c = h.claim
        verifier = json.loads(c.verifier) if c.verifier else None
        year = self.tr("one-off") if c.period == "once" else self.tr("year %1").replace("%1", c.period)
        head = (
            self.tr("<b>%1</b> (%2) — %3 (edition of %4, %5)")
            .replace("%1", h.enterprise_name)
            .replace("%2", h.uscc)
            .replace("%3", h.policy.title)
            .replace("%4", c.policy_edition)
            .replace("%5", year)
        )
        facts = [
            names.status(c.status),
            self.tr("estimated %1").replace("%1", names.money(c.estimated_fen)),
            self.tr("approved %1").replace("%1", names.money(c.approved_fen)),
        ]
        if c.notice_until:
            facts.append(self.tr("on public notice until %1").replace("%1", c.notice_until.isoformat()))
        if h.payout:
            paid = self.tr("payout number %1").replace("%1", h.payout.number)
            if h.payout_state != CONFIRMED:
                paid = self.tr("%1 (%2)").replace("%1", paid).replace("%2", names.payout_state(h.payout_state))
            facts.append(paid)
        lines = [head, self.tr("; ").join(facts)]
        lines.append(  # the code that opens the claim's progress in the enterprise window
            self.tr("Receipt code: %1").replace("%1", c.receipt_code)
            if c.receipt_code
            else self.tr("Receipt code: made when the receipt is printed")
        )
        if verifier:
            # The draw's record is found by the agency's name on the marketplace page; its uid is no reading.
            lines.append(self.tr("Third-party verifier: %1").replace("%1", verifier["agency_name"]))
        self.summary.setText("<br>".join(lines))
        self.summary.setToolTip(c.policy_code)  # the code, for whoever needs it
        self.warnings.setText("<br>".join([f"⚠ {w.text}" for w in h.warnings] + [f"ⓘ {n}" for n in h.notes]))
        self.warnings.setVisible(bool(h.warnings or h.notes))
        self.events.setRowCount(len(h.events))
        for row, e in enumerate(h.events):
            who = h.who(e.actor)  # people by name, not by user name
            status = names.status(e.status_after) if e.status_after else ""
            values = [local_text(e.at), names.step(e.step), status, who, e.reason]
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
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)  # not on 驳回… after a step

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        tab_in_layout_order(self)  # the step buttons are made after Close: Tab follows the layout

    def _claim_words(self) -> dict[str, str]:
        """The enterprise, the number, the policy and the amounts, as every question about this claim names them."""
        from station_policy.facts import format_fen

        h = self.history
        return {
            "%1": h.enterprise_name,
            "%2": self.number,
            "%3": h.policy.title,
            "%4": format_fen(h.claim.approved_fen if h.claim.approved_fen is not None else h.claim.estimated_fen),
        }

    def _words(self, text: str) -> str:
        for mark, value in self._claim_words().items():
            text = text.replace(mark, value)
        return text

    def act(self, key: str) -> None:
        from station_policy import services

        ctx, actor, number = self.ctx, self.actor, self.number
        reason, amount_fen = "", None
        if self.history is None:
            return
        if key == "reject":
            asked = ask_reason(
                self,
                self.tr("Reject claim"),
                self._words(self.tr("Reject the claim %2 of %1 for %3 (%4)? The reason is told to the enterprise.")),
                self.tr("Reject"),
                label=self.tr("Reason for rejecting"),
            )
            if asked is None:
                return
            reason = asked
        missing = any(w.code == "materials" for w in self.history.warnings)
        if key == "accept" and missing:  # 容缺受理 needs a written reason
            asked = ask_reason(
                self,
                self.tr("Accept with materials missing"),
                self._words(self.tr("Materials are missing from the claim %2 of %1. Accept it anyway on a promise?")),
                self.tr("Accept"),
                label=self.tr("Reason for accepting anyway"),
            )
            if asked is None:
                return
            reason = asked
        if key == "approve":
            approval = ApproveDialog(self, self.history, self._words)
            if approval.exec() != QDialog.DialogCode.Accepted:
                return
            reason, amount_fen = approval.reason.text().strip(), approval.amount_fen()
        if key == "pay" and not confirm(
            self,
            self.tr("Pay"),
            self._words(self.tr("Pay %4 to %1 for the claim %2 (%3)? A payment cannot be undone.")),
            self._words(self.tr("Pay %4")),
        ):
            return
        if key == "verify":
            asked = ask_reason(
                self,
                self.tr("Draw a verifier"),
                self._words(self.tr("Draw a verification agency at random for the claim %2 of %1.")),
                self.tr("Draw"),
                label=self.tr("Witness text"),
                missing=self.tr("Type the witness text; it seeds the draw so anyone can re-check it."),
            )
            if asked is None:
                return
            witness = asked

            def draw(progress: Any) -> Any:
                return services.request_verification(ctx, actor, number, witness=witness)

            DbOp(self, draw, on_done=lambda _r: self._after(), label=self.tr("Drawing…")).start()
            return
        if key == "notice_pdf":
            self.payout_notice()
            return
        if key == "receipt_pdf":
            self.receipt()
            return

        def run(progress: Any) -> None:
            with ctx.work(actor) as work:
                if key == "accept":
                    services.accept(work, number, reason=reason)
                elif key == "approve":
                    services.review(work, number, approve=True, amount_fen=amount_fen, reason=reason)
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

        h, issuer = self.history, self.ctx.settings.station_name

        def write(target: str) -> None:
            reports.write_payout_notice(target, h, issuer=issuer)

        return write_and_preview(
            self, f"兑付通知书-{h.payout.number}.pdf", write, path=path, preview=preview,
            label=self.tr("Writing the notice…"),
        )  # fmt: skip

    def receipt(self, path: str | None = None, *, preview: bool = True) -> DbOp:
        """The claim's receipt with its code (a claim taken before receipt codes is given one first)."""
        from station_policy import reports, services

        ctx, actor, number, today = self.ctx, self.actor, self.number, self.page.today

        def write(target: str) -> None:
            with ctx.work(actor) as work:
                services.receipt_code(work, number)
            with ctx.read() as session:
                reports.write_claim_receipt(target, services.history(session, number, today),
                                            issuer=ctx.settings.station_name)  # fmt: skip

        return write_and_preview(
            self, f"申请回执-{number}.pdf", write, path=path, preview=preview,
            label=self.tr("Writing the receipt…"), then=self.reload,
        )  # fmt: skip


class ApproveDialog(AskDialog):
    """审核通过 sets the 核定 amount: the rule's estimate proposed, a different figure only with a reason."""

    def __init__(self, parent: Any, history: Any, words: Any) -> None:
        from station_policy.facts import format_fen

        sentence = words(self.tr("Approve the claim %2 of %1 for %3, and set the amount to pay."))
        if history.warnings:
            sentence += "\n" + "\n".join(f"⚠ {w.text}" for w in history.warnings)
        super().__init__(parent, self.tr("Approve claim"), sentence, self.tr("Approve"))
        self.estimated = history.claim.estimated_fen
        proposed = "" if self.estimated is None else f"{Decimal(self.estimated) / 100:.2f}".removesuffix(".00")
        self.amount = QLineEdit(proposed)
        self.amount.setObjectName("approved_amount")
        self.amount.setPlaceholderText(self.tr("Yuan, e.g. 1500 or 1500.50"))
        self.add_row(self.tr("Approved amount (yuan)"), self.amount)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Needed only when the amount differs from the estimate"))
        self.add_row(self.tr("Reason"), self.reason)
        if self.estimated is not None:
            self.form.addRow(self.tr("Estimated by the rules"), QLabel(format_fen(self.estimated)))
        self.amount.selectAll()
        self.amount.setFocus(Qt.FocusReason.OtherFocusReason)

    def amount_fen(self) -> int | None:
        """The typed yuan as exact fen, or ``None`` when it is not a positive amount with at most two decimals."""
        text = self.amount.text().strip().replace(",", "").replace("，", "").removesuffix("元").strip()
        try:
            yuan = Decimal(text)
        except InvalidOperation:
            return None
        if not yuan.is_finite() or yuan <= 0 or yuan != yuan.quantize(Decimal("0.01")):
            return None
        return int(yuan * 100)

    def check(self) -> str | None:
        fen = self.amount_fen()
        if fen is None:
            return self.tr("Type the approved amount in yuan, greater than zero, with at most two decimals.")
        if fen != self.estimated and not self.reason.text().strip():
            return self.tr("The amount differs from the estimate: write the reason.")
        return None
