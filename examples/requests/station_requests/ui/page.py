"""The enterprise requests page: the list with status and due date, a request's history, and the forms to record,
follow up and close one. Built only from ``station.api.ui``'s blocks.

Preview alone: ``python -m station_requests.ui.page [DATA_DIR]``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import (
    DbOp,
    LazyTableModel,
    ask_reason,
    open_on_enter,
    page_title,
    safe_buttons,
    search_leads_to,
    set_role,
    size_columns,
)
from station_requests.rules import STATUS

HEADERS = ("编号", "企业", "类别", "诉求内容", "承办部门", "受理日期", "办理期限", "状态", "满意度")
STATE_COLUMN = HEADERS.index("状态")
SHOW = (("open", "未办结"), ("closed", "已办结"), ("all", "全部"))
OVERDUE = QColor("#b3261e")
CLOSED = QColor("#5f6368")


def _render(column: int, value: Any) -> str:
    if column == STATE_COLUMN:
        return STATUS.get(value, str(value))
    return "" if value is None else str(value)


def _foreground(column: int, row: tuple[Any, ...]) -> QColor | None:
    state = row[STATE_COLUMN]
    return OVERDUE if state == "overdue" else CLOSED if state == "closed" else None


class RequestsPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        self._select_uid: str | None = None  # a notice's request, chosen once the list has loaded

        self.search = QLineEdit()
        self.search.setObjectName("requests_search")
        self.search.setPlaceholderText("按编号、企业名称、信用代码、内容或承办部门查找")
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.show_box = QComboBox()
        self.show_box.setObjectName("requests_show")
        for key, label in SHOW:
            self.show_box.addItem(label, key)
        self.show_box.currentIndexChanged.connect(lambda _: self.reload())

        self.summary = QLabel()
        self.summary.setObjectName("requests_summary")

        self.model = LazyTableModel(HEADERS, self._fetch, self._submit, _render, foreground=_foreground, parent=self)
        self.table = QTableView()
        self.table.setObjectName("requests_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        size_columns(self.table, (130, 200, 50, 320, 140, 90, 130, 60, 70), stretch=3)
        self.table.doubleClicked.connect(lambda _: self.close_selected())
        open_on_enter(self.table, lambda _: self.close_selected())  # Enter: the act a clerk does most
        search_leads_to(self.search, self.table)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_history())

        self.history = QPlainTextEdit()
        self.history.setObjectName("requests_history")
        self.history.setReadOnly(True)
        self.history.setPlaceholderText("选择一件诉求，这里显示它的内容、答复和跟进记录。")

        new = QPushButton("记录诉求…")
        new.setObjectName("requests_new")
        new.clicked.connect(self.record)
        follow = QPushButton("记录跟进…")
        follow.setObjectName("requests_follow")
        follow.clicked.connect(self.follow_selected)
        close = QPushButton("办结…")
        close.setObjectName("requests_close")
        close.clicked.connect(self.close_selected)
        safe_buttons(follow, close)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(QLabel("显示"))
        bar.addWidget(self.show_box)
        bar.addWidget(new)
        bar.addWidget(follow)
        bar.addWidget(close)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.history)
        split.setSizes([460, 180])

        layout = QVBoxLayout(self)
        layout.addWidget(page_title("企业诉求"))
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.reload()

    # -- data ---------------------------------------------------------------------------------------

    def _submit(self, fn: Any, done: Any) -> None:
        DbOp(self, lambda progress: fn(), on_done=done).start()

    def _fetch(self, ids: Any) -> dict[int, tuple[Any, ...]]:
        from station.api import utcnow
        from station_requests import services

        with self.ctx.read() as session:
            return services.rows_for(session, ids, utcnow())

    def reload(self) -> None:
        query, show = self.search.text(), self.show_box.currentData()
        wanted = self._select_uid

        def load(progress: Any) -> tuple[list[int], Any, int | None]:
            from station.api import utcnow
            from station_requests import services

            with self.ctx.read() as session:
                chosen = services.find(session, wanted).id if wanted else None
                return services.request_ids(session, query, show), services.figures(session, utcnow()), chosen

        def shown(result: tuple[list[int], Any, int | None]) -> None:
            ids, figures, chosen = result
            self.model.set_keys(ids)
            late = f"，其中 {figures.overdue} 件已超过办理期限" if figures.overdue else ""
            self.summary.setText(f"未办结的诉求 {figures.open} 件{late}。")
            set_role(self.summary, "error" if figures.overdue else "")
            if chosen in ids:
                self._select_uid = None
                self.table.selectRow(ids.index(chosen))
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.show_history()

        DbOp(self, load, on_done=shown).start()

    def open_target(self, target: str) -> None:
        """A notice's overdue request (its uid): the list shows every request with that one chosen."""
        self._select_uid = target
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._show("all")

    def _show(self, key: str) -> None:
        """Show ``key``'s requests (open, closed or all) and reload, once."""
        index = [k for k, _ in SHOW].index(key)
        if self.show_box.currentIndex() == index:
            self.reload()
        else:
            self.show_box.setCurrentIndex(index)  # reloads

    def _selected(self) -> tuple[Any, ...] | None:
        index = self.table.currentIndex()  # the row the arrows and a click moved to (a reload clears it)
        if not index.isValid():
            return None
        return self.model.row_values(index.row())

    def show_history(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.history.clear()
            return
        key = self.model.key_at(index.row())  # the id: the row's values may not have arrived yet

        def load(progress: Any) -> str:
            from station.api import local
            from station_requests import services

            with self.ctx.read() as session:
                request = services.by_id(session, key)
                lines = [f"{request.number}  {request.enterprise_name}（{request.uscc}）  {request.kind}", request.text]
                if request.answer:
                    lines.append(f"答复（企业{request.satisfaction}）：{request.answer}")
                lines.append("")
                lines += [
                    f"{local(line.at):%Y-%m-%d %H:%M}  {line.by}  {line.text}"
                    for line in services.history(session, request.uid)
                ]
            return "\n".join(lines)

        DbOp(self, load, on_done=self.history.setPlainText).start()

    # -- acts ---------------------------------------------------------------------------------------

    def record(self) -> None:
        from station_requests.ui.dialogs import NewRequestDialog

        dialog = NewRequestDialog(self, self.ctx, self.shell.actor)
        if dialog.exec() == NewRequestDialog.DialogCode.Accepted:
            self._select_uid = dialog.saved_uid
            self._show("open")

    def follow_selected(self) -> None:
        values = self._selected()
        if values is None:
            return
        number, name = values[0], values[1]
        if values[STATE_COLUMN] == "closed":
            QMessageBox.information(self, "记录跟进", f"诉求 {number} 已办结，不能再记录跟进。")
            return
        text = ask_reason(
            self,
            "记录跟进",
            f"诉求 {number}（{name}）的办理进展：",
            "记录",
            label="跟进情况",
            missing="请写下跟进情况，例如承办部门的答复或下一步安排。",
        )
        if text is None:
            return

        def run(progress: Any) -> None:
            from station_requests import services

            with self.ctx.work(self.shell.actor) as work:
                services.follow_up(work, number, text)

        DbOp(self, run, on_done=lambda _: self.show_history()).start()

    def close_selected(self) -> None:
        values = self._selected()
        if values is None:
            return
        if values[STATE_COLUMN] == "closed":
            QMessageBox.information(self, "办结", f"诉求 {values[0]} 已办结。")
            return
        from station_requests.ui.dialogs import CloseDialog

        if (
            CloseDialog(self, self.ctx, self.shell.actor, values[0], values[1]).exec()
            == CloseDialog.DialogCode.Accepted
        ):
            self.reload()


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.api.ui import preview_page

    preview_page("requests", sys.argv[1] if len(sys.argv) > 1 else None)
