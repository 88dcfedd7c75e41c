"""An enterprise's facts with their source and date (一数一源), and a clerk's audited correction of one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import DbOp, FormDialog

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


class FactsDialog(QDialog):
    """A few dozen rows at most per enterprise: a plain table widget is enough here."""

    def __init__(
        self, parent: QWidget, ctx: StationContext, actor: Any, enterprise_uid: str, enterprise_name: str, today: Any
    ) -> None:
        super().__init__(parent)
        self.ctx, self.actor, self.enterprise_uid, self.today = ctx, actor, enterprise_uid, today
        self.rows: list[Any] = []
        self.setWindowTitle(self.tr("Enterprise data and sources"))
        self.resize(860, 480)
        layout = QVBoxLayout(self)
        head = QLabel(f"<b>{enterprise_name}</b>")
        layout.addWidget(head)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("facts")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Value"), self.tr("Source"), self.tr("Updated"), self.tr("By")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda *_: self.correct_selected())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.correct_button = QPushButton(self.tr("Correct the selected figure…"))
        self.correct_button.setObjectName("correct_button")
        self.correct_button.setEnabled(actor is not None and actor.can("policy.facts"))
        self.correct_button.clicked.connect(self.correct_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> DbOp:
        from station_policy import services

        ctx, uid = self.ctx, self.enterprise_uid

        def load(progress: Any) -> list[Any]:
            with ctx.read() as session:
                return services.fact_rows(session, uid)

        return DbOp(self, load, on_done=self._show).start()

    def _show(self, rows: list[Any]) -> None:
        from station.api import local_text

        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = (row.title, row.shown, row.source, local_text(row.updated_at)[:16], row.updated_by)
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for column, width in enumerate((220, 150, 220, 130)):
            self.table.setColumnWidth(column, width)

    def correct_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows) or not self.correct_button.isEnabled():
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose the figure to correct in the list."))
            return
        dialog = CorrectDialog(self, self.rows[row])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.submit(self.rows[row], dialog.value.text(), dialog.reason.text())

    def submit(self, row: Any, value_text: str, reason: str) -> None:
        from station_policy import services

        ctx, actor, uid, today = self.ctx, self.actor, self.enterprise_uid, self.today

        def save(progress: Any) -> None:
            value = parse_value(row.key, value_text)
            with ctx.work(actor) as work:
                services.correct_fact(work, uid, row.key, row.year, value, reason)
                services.rematch(work, today, [uid])  # its matches follow the corrected figure

        DbOp(self, save, on_done=lambda _: self._reload(), label=self.tr("Saving…")).start()

    def _reload(self) -> None:
        self.reload()


def parse_value(key: str, text: str) -> int | None:
    """What a clerk types (300万元, 1500元, 36, 是/否) as the stored value; a sentence when it cannot be read."""
    from station.api import UserError
    from station_policy import rules
    from station_policy.facts import FACTS

    text = text.strip()
    spec = FACTS[key]
    if spec.kind == "flag":
        if text in ("是", "1"):
            return 1
        if text in ("否", "0"):
            return 0
        raise UserError(f"“{spec.label}”请填“是”或“否”。")
    if spec.kind == "fen" and text and text[-1].isdigit():
        text += "元"  # a bare number for an amount is yuan, as on every form
    try:
        value = rules.quantity(text)
    except rules.RuleError as exc:
        raise UserError(str(exc)) from None
    if not isinstance(value, int):
        raise UserError(f"“{text}”不是整数或整分金额，请重新填写。")
    return value


class CorrectDialog(FormDialog):
    def __init__(self, parent: QWidget, row: Any) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct a figure"))
        form = self.form
        form.addRow(QLabel(f"<b>{row.title}</b>"))
        form.addRow(self.tr("Now"), QLabel(f"{row.shown}（{row.source}）"))
        self.value = QLineEdit()
        self.value.setObjectName("fact_value")
        self.value.setPlaceholderText(self.tr("e.g. 300万元, 1500元, 36, 是 or 否"))
        form.addRow(self.tr("Correct value"), self.value)
        self.reason = QLineEdit()
        self.reason.setObjectName("fact_reason")
        self.reason.setPlaceholderText(self.tr("The reason and the evidence, e.g. the audited 2025 accounts"))
        form.addRow(self.tr("Reason"), self.reason)
        self.value.setFocus()
