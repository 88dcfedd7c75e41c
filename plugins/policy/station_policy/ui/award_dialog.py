"""一事一议 on screen: recording a decision (supervisor) and one award's history with its next steps.

Money is asked about once, through ``station.shell.confirm``: recording names the enterprise, the decision
number and the amount; paying names them again and says a payment cannot be undone; Cancel is the default.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from station.api import UserError
from station.api.ui import ERROR_COLOUR, AskDialog, DbOp, ask_reason, confirm, safe_buttons, tab_in_layout_order
from station_policy.ui.pdf import write_and_preview

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


class NewAwardDialog(AskDialog):
    """The decision as its document states it; the amount is checked here, the rest again by the service."""

    def __init__(self, parent: Any, enterprise: str = "") -> None:
        super().__init__(
            parent,
            self.tr("Record a case-by-case award"),
            self.tr(
                "Record an award decided case by case (一事一议) as its decision document states it. It is shown "
                "publicly and paid like a claim; one decision number is paid once in the whole park."
            ),
            self.tr("Record…"),
        )
        self.enterprise = QLineEdit(enterprise)
        self.enterprise.setObjectName("award_enterprise")
        self.enterprise.setPlaceholderText(self.tr("Credit code or full name"))
        self.add_row(self.tr("Enterprise"), self.enterprise)
        self.decision = QLineEdit()
        self.decision.setObjectName("award_decision")
        self.decision.setPlaceholderText(self.tr("As printed on the decision, e.g. 株高新管〔2026〕18号"))
        self.add_row(self.tr("Decision number"), self.decision)
        self.amount = QLineEdit()
        self.amount.setObjectName("award_amount")
        self.amount.setPlaceholderText(self.tr("Yuan, e.g. 1500 or 1500.50"))
        self.add_row(self.tr("Amount (yuan)"), self.amount)
        self.department = QLineEdit()
        self.department.setObjectName("award_department")
        self.department.setPlaceholderText(self.tr("The department that decided"))
        self.add_row(self.tr("Deciding department"), self.department)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("award_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.add_row(self.tr("Reason for the award"), self.reason)
        self.attachments = QPlainTextEdit()
        self.attachments.setObjectName("award_attachments")
        self.attachments.setTabChangesFocus(True)
        self.attachments.setFixedHeight(60)
        self.attachments.setPlaceholderText(self.tr("One paper per line, e.g. 会议纪要"))
        self.add_row(self.tr("Attachments"), self.attachments)
        (self.decision if enterprise else self.enterprise).setFocus(Qt.FocusReason.OtherFocusReason)

    def amount_fen(self) -> int | None:
        from station_policy import awards

        try:
            return awards.parse_amount(self.amount.text())
        except UserError:
            return None

    def values(self) -> dict[str, Any]:
        return {
            "enterprise": self.enterprise.text().strip(),
            "decision_no": self.decision.text().strip(),
            "amount_fen": self.amount_fen(),
            "department": self.department.text().strip(),
            "reason": self.reason.toPlainText().strip(),
            "attachments": [x.strip() for x in self.attachments.toPlainText().splitlines() if x.strip()],
        }

    def check(self) -> str | None:
        from station_policy import awards

        v = self.values()
        if not v["enterprise"]:
            return self.tr("Type the enterprise's credit code or full name.")
        if not v["decision_no"]:
            return self.tr("Type the decision number as printed on the decision.")
        try:
            awards.parse_amount(self.amount.text())
        except UserError as exc:
            return exc.message
        if not v["department"]:
            return self.tr("Type the department that decided the award.")
        if not v["reason"]:
            return self.tr("Write the reason for the award as the decision gives it.")
        return None


def find_enterprise(ctx: StationContext, typed: str) -> tuple[str, str, str]:
    """(uid, name, credit code) of the one enterprise ``typed`` names; refuses none or several."""
    from station.api import enterprises, registry_queries, uscc

    code = uscc.normalize(typed)
    with ctx.read() as session:
        if uscc.problem(code) is None:
            e = session.query(enterprises.Enterprise).filter_by(uscc=code).one_or_none()
            if e is not None:
                return e.uid, e.name, e.uscc
        exact = session.query(enterprises.Enterprise).filter_by(name=typed).all()
        if len(exact) == 1:
            return exact[0].uid, exact[0].name, exact[0].uscc
    with ctx.raw() as conn:
        ids = registry_queries.search_ids(conn, typed, 2)
    if len(ids) == 1:
        with ctx.read() as session:
            e = enterprises.get(session, ids[0])
            return e.uid, e.name, e.uscc
    if not ids:
        raise UserError(f"找不到企业“{typed}”，请核对统一社会信用代码或企业全称。")
    raise UserError(f"“{typed}”对应不止一家企业，请填写统一社会信用代码。")


def record_award(page: Any, enterprise: str = "") -> NewAwardDialog | None:
    """Ask for the decision, confirm it naming the enterprise and the amount, record it; returns the dialog."""
    from station_policy import awards
    from station_policy.facts import format_fen

    dialog = NewAwardDialog(page, enterprise)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return dialog
    v = dialog.values()
    ctx, actor = page.ctx, page.actor

    def resolve(progress: Any) -> tuple[str, str, str]:
        return find_enterprise(ctx, v["enterprise"])

    def ask(found: tuple[str, str, str]) -> None:
        uid, name, code = found
        sentence = (
            QCoreApplication.translate(
                "AwardDialog", "Record the decision %1 awarding %2 to %3 (%4)? It is then shown publicly and paid once."
            )
            .replace("%1", v["decision_no"])
            .replace("%2", format_fen(v["amount_fen"]))
            .replace("%3", name)
            .replace("%4", code)
        )
        title = QCoreApplication.translate("AwardDialog", "Record a case-by-case award")
        if not confirm(page, title, sentence, QCoreApplication.translate("AwardDialog", "Record")):
            return

        def save(progress: Any) -> str:
            with ctx.work(actor) as work:
                return awards.record(
                    work, uid, decision_no=v["decision_no"], amount_fen=v["amount_fen"], department=v["department"],
                    reason=v["reason"], attachments=v["attachments"], station_code=ctx.settings.station_code,
                ).number  # fmt: skip

        DbOp(page, save, on_done=page.award_recorded).start()

    DbOp(page, resolve, on_done=ask).start()
    return dialog


class AwardDialog(QDialog):
    changed = Signal()

    def __init__(self, page: Any, number: str) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx
        self.actor = page.actor
        self.number = number
        self.setWindowTitle(self.tr("Case-by-case award %1").replace("%1", number))
        self.resize(860, 520)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("award_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # typed text shown as typed, never as markup
        layout.addWidget(self.summary)
        self.notes = QLabel()
        self.notes.setObjectName("award_notes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setStyleSheet(f"color: {ERROR_COLOUR};")
        layout.addWidget(self.notes)
        self.events = QTableWidget(0, 5)
        self.events.setObjectName("award_events")
        self.events.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Step"), self.tr("Status after"), self.tr("By"), self.tr("Reason")]
        )
        self.events.horizontalHeader().setStretchLastSection(True)
        self.events.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.events.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.events, 1)
        row = QHBoxLayout()
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.close_button = close.button(QDialogButtonBox.StandardButton.Close)
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("notice", self.tr("Start public notice")),
            ("pay", self.tr("Pay")),
            ("revoke", self.tr("Revoke…")),
            ("notice_pdf", self.tr("Payout notice PDF")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"award_{key}")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            row.addWidget(button)
        safe_buttons(*self.buttons.values())
        row.addStretch(1)
        self.history: Any = None
        self.reload()

    def reload(self) -> DbOp:
        from station_policy import awards

        ctx, number = self.ctx, self.number

        def load(progress: Any) -> Any:
            with ctx.read() as session:
                return awards.history(session, number)

        return DbOp(self, load, on_done=self.show_history).start()

    def show_history(self, h: Any) -> None:
        from station.api import local_text
        from station_policy import awards
        from station_policy.facts import format_fen
        from station_policy.payout_state import CONFIRMED, LABELS, REFUSED

        self.history = h
        a = h.award
        lines = [
            f"{h.enterprise_name}（{h.uscc}）— 一事一议奖补，决定文号 {a.decision_no}",
            f"{awards.STATUSES.get(a.status, a.status)}；金额 {format_fen(a.amount_fen)}；决定部门 {a.department}"
            + (f"；公示至 {a.notice_until.isoformat()}" if a.notice_until else "")
            + (f"；兑付编号 {h.payout.number}" if h.payout else "")
            + (f"（{LABELS[h.payout_state]}）" if h.payout and h.payout_state != CONFIRMED else ""),
            f"奖补事由：{a.reason}",
            f"附件：{'、'.join(h.attachments) or '无'}",
        ]
        self.summary.setText("\n".join(lines))
        self.notes.setText("\n".join(f"ⓘ {n}" for n in h.notes))
        self.notes.setVisible(bool(h.notes))
        self.events.setRowCount(len(h.events))
        for r, e in enumerate(h.events):
            values = [local_text(e.at), awards.STEPS.get(e.step, e.step), awards.STATUSES.get(e.status_after, ""),
                      h.who(e.actor), e.reason]  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(json.dumps(json.loads(e.detail), ensure_ascii=False, indent=1))
                self.events.setItem(r, column, item)
        can = self.actor.can if self.actor is not None else (lambda _p: False)
        self.buttons["notice"].setVisible(a.status == "decided" and can("policy.award"))
        self.buttons["pay"].setVisible(a.status == "notice" and can("policy.pay"))
        self.buttons["revoke"].setVisible(a.status in ("decided", "notice") and can("policy.award"))
        self.buttons["notice_pdf"].setVisible(h.payout is not None and h.payout_state != REFUSED)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        tab_in_layout_order(self)

    def _words(self, text: str) -> str:
        from station_policy.facts import format_fen

        h = self.history
        for mark, value in (("%1", h.enterprise_name), ("%2", h.award.decision_no),
                            ("%3", format_fen(h.award.amount_fen))):  # fmt: skip
            text = text.replace(mark, value)
        return text

    def act(self, key: str) -> None:
        from station_policy import awards

        if self.history is None:
            return
        ctx, actor, number, reason = self.ctx, self.actor, self.number, ""
        if key == "notice_pdf":
            self.payout_notice()
            return
        if key == "revoke":
            asked = ask_reason(
                self,
                self.tr("Revoke award"),
                self._words(self.tr("Revoke the award %2 to %1 (%3)? It will not be paid.")),
                self.tr("Revoke"),
                label=self.tr("Reason for revoking"),
            )
            if asked is None:
                return
            reason = asked
        if key == "pay" and not confirm(
            self,
            self.tr("Pay"),
            self._words(self.tr("Pay %3 to %1 under the decision %2? A payment cannot be undone.")),
            self._words(self.tr("Pay %3")),
        ):
            return

        def run(progress: Any) -> None:
            with ctx.work(actor) as work:
                if key == "notice":
                    awards.start_notice(work, number)
                elif key == "pay":
                    awards.pay(work, number, station_code=ctx.settings.station_code)
                elif key == "revoke":
                    awards.revoke(work, number, reason)

        DbOp(self, run, on_done=lambda _r: self._after()).start()

    def _after(self) -> None:
        self.changed.emit()
        self.reload()

    def payout_notice(self, path: str | None = None, *, preview: bool = True) -> DbOp:
        from station_policy import reports

        h, issuer = self.history, self.ctx.settings.station_name

        def write(target: str) -> None:
            reports.write_award_notice(target, h, issuer=issuer)

        return write_and_preview(
            self, f"兑付通知书-{h.payout.number}.pdf", write, path=path, preview=preview,
            label=self.tr("Writing the notice…"),
        )  # fmt: skip
