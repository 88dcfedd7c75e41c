"""The forms of the requests page: record a request, close one. Both are ``AskDialog``s that keep what was typed
when the station refuses it (an unregistered enterprise) and show the reason under the fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from station.api import UserError, uscc
from station.api.ui import AskDialog, EnterprisePicker, GuardsEdits, confirm
from station_requests.rules import (
    DEFAULT_DAYS,
    DEPARTMENTS,
    KINDS,
    MAX_DAYS,
    MAX_DEPARTMENT,
    MAX_TEXT,
    SATISFACTION,
    clean_text,
)

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext

TEXT_HEIGHT = 96


def _text_field(name: str, placeholder: str) -> QPlainTextEdit:
    field = QPlainTextEdit()
    field.setObjectName(name)
    field.setPlaceholderText(placeholder)
    field.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
    field.setFixedHeight(TEXT_HEIGHT)
    return field


class _SavingDialog(GuardsEdits, AskDialog):
    """Checks the fields, then writes on a worker (``FormDialog.save_with``): a refusal is shown inline and the
    dialog stays open with what was typed."""

    def write(self) -> Any:  # runs on a worker
        raise NotImplementedError

    def saved(self, result: Any) -> None:
        self.accept()

    def save(self) -> None:
        self.save_with(lambda progress: self.write(), self.saved)

    def accept(self) -> None:
        self.mark_clean()  # saved: closing asks nothing
        super().accept()


class NewRequestDialog(_SavingDialog):
    def __init__(self, parent: QWidget | None, ctx: StationContext, actor: Any) -> None:
        super().__init__(
            parent, "记录企业诉求", "记录企业提出的问题，转承办部门办理，并按园区工作日历定下答复期限。", "记录"
        )
        self.ctx, self.actor = ctx, actor
        self.saved_uid: str | None = None
        self.code = QLineEdit()
        self.code.setObjectName("request_uscc")
        self.code.setPlaceholderText("输入企业名称或统一社会信用代码")
        EnterprisePicker(self.code, ctx)
        self.kind = QComboBox()
        self.kind.setObjectName("request_kind")
        self.kind.addItems(KINDS)
        self.department = QComboBox()
        self.department.setObjectName("request_department")
        self.department.setEditable(True)
        self.department.addItems(list(dict.fromkeys(DEPARTMENTS.values())))
        line = self.department.lineEdit()
        assert line is not None  # an editable box has one
        line.setMaxLength(MAX_DEPARTMENT)
        self.kind.currentTextChanged.connect(lambda kind: self.department.setCurrentText(DEPARTMENTS[kind]))
        self.days = QSpinBox()
        self.days.setObjectName("request_days")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(" 个工作日")
        self.text = _text_field("request_text", "企业的原话：遇到什么问题，希望怎样解决")
        self.add_row("企业", self.code)
        self.add_row("类别", self.kind)
        self.add_row("承办部门", self.department)
        self.add_row("办理时限", self.days)
        self.add_row("诉求内容", self.text)
        self.department.setCurrentText(DEPARTMENTS[self.kind.currentText()])
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mark_clean()

    def check(self) -> str | None:
        problem = uscc.problem(self.code.text())
        if problem:
            return problem
        try:
            clean_text(self.text.toPlainText(), "诉求内容", MAX_TEXT)
            clean_text(self.department.currentText(), "承办部门", MAX_DEPARTMENT)
        except UserError as exc:
            return exc.message
        return None

    def write(self) -> str:
        from station_requests import services

        with self.ctx.work(self.actor) as work:
            return services.open_request(
                work,
                code=self.code.text(),
                kind=self.kind.currentText(),
                text=self.text.toPlainText(),
                days=self.days.value(),
                department=self.department.currentText(),
                station_code=self.ctx.settings.station_code,
            ).uid

    def saved(self, result: Any) -> None:
        self.saved_uid = result
        self.accept()


class CloseDialog(_SavingDialog):
    def __init__(self, parent: QWidget | None, ctx: StationContext, actor: Any, number: str, name: str) -> None:
        super().__init__(
            parent,
            "办结企业诉求",
            f"办结诉求 {number}（{name}）：记录给企业的答复和企业的满意度。办结后不能再修改。",
            "办结",
        )
        self.ctx, self.actor, self.number = ctx, actor, number
        self.answer = _text_field("close_answer", "承办部门的办理结果和给企业的答复")
        self.satisfaction = QComboBox()
        self.satisfaction.setObjectName("close_satisfaction")
        self.satisfaction.addItem("请选择企业的评价", "")
        for verdict in SATISFACTION:
            self.satisfaction.addItem(verdict, verdict)
        self.add_row("答复", self.answer)
        self.add_row("企业满意度", self.satisfaction)
        self.answer.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mark_clean()

    def check(self) -> str | None:
        try:
            clean_text(self.answer.toPlainText(), "答复内容", MAX_TEXT)
        except UserError as exc:
            return exc.message
        if not self.satisfaction.currentData():
            return "请选择企业对答复的满意度（可向企业当面或电话确认）。"
        return None

    def submit(self) -> None:
        if (
            self.check() is None
            and self.satisfaction.currentData() == "不满意"
            and not confirm(
                self,
                "企业不满意",
                f"企业对诉求 {self.number} 的答复不满意。仍要办结吗？也可以先记录跟进，请承办部门继续办理。",
                "仍然办结",
            )
        ):
            return
        super().submit()

    def write(self) -> None:
        from station_requests import services

        with self.ctx.work(self.actor) as work:
            services.close_request(
                work, self.number, answer=self.answer.toPlainText(), satisfaction=self.satisfaction.currentData()
            )
