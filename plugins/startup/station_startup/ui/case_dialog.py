"""One case's status: its steps with owner, deadline and colour, its papers and commitments, and the
actions a clerk takes (a step done or blocked, a deferred paper brought in, a helper agent assigned).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from station.api import local_text
from station.api.ui import DbOp, ask_reason, error_label, fit_on_screen
from station_startup import services
from station_startup.ui import names
from station_startup.ui.board_model import RANK_COLOUR

if TYPE_CHECKING:  # pragma: no cover
    from station_startup.ui.board import StartupBoardPage

COLOUR_RANK = {"green": -1, "none": 0, "yellow": 1, "red": 2}
LATE_COLOUR = "#f6c9a0"  # done late: between the board's yellow and red
PAPER_STATUS = {"received": "已收", "generated": "系统生成", "deferred": "容缺待补"}


class CaseDialog(QDialog):
    changed = Signal()

    def __init__(self, page: StartupBoardPage, uid: str, *, show_paper: str = "") -> None:
        super().__init__(page)
        self._show_paper = show_paper  # a new case: its receipt is previewed for printing at once
        self.page = page
        self.ctx = page.ctx
        self.actor = page.shell.actor
        self.uid = uid
        self.summary: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Startup case"))
        fit_on_screen(self, 900, 620)

        self.header = QLabel()
        self.header.setObjectName("case_header")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = QTableWidget(0, 5)
        self.steps.setObjectName("steps")
        self.steps.setHorizontalHeaderLabels(
            [self.tr("Step"), self.tr("Department"), self.tr("Status"), self.tr("Deadline"), self.tr("Note")]
        )
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.verticalHeader().hide()
        self.papers = QTableWidget(0, 3)
        self.papers.setObjectName("papers")
        self.papers.setHorizontalHeaderLabels([self.tr("Paper"), self.tr("Status"), self.tr("Commitment")])
        self.papers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.papers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.papers.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.papers.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.papers.verticalHeader().hide()
        self.error = error_label("case_error")

        can_handle = self.actor is not None and self.actor.can("startup.handle")
        self.done_button = QPushButton(self.tr("Step done"))
        self.done_button.setObjectName("step_done")
        self.done_button.clicked.connect(self.step_done)
        self.blocked_button = QPushButton(self.tr("Step blocked…"))
        self.blocked_button.clicked.connect(self.step_blocked)
        self.paper_button = QPushButton(self.tr("Paper brought in"))
        self.paper_button.clicked.connect(self.paper_received)
        self.agent_button = QPushButton(self.tr("Assign helper agent…"))
        self.agent_button.clicked.connect(self.assign_agent)
        for button in (self.done_button, self.blocked_button, self.paper_button):
            button.setEnabled(can_handle)
        self.agent_button.setEnabled(self.actor is not None and self.actor.can("startup.assign"))
        # 好差评: the screen turned to the enterprise, and a supervisor's answer to a bad rating
        self.rating_button = QPushButton(self.tr("Rating screen…"))
        self.rating_button.setObjectName("rating_screen_open")
        self.rating_button.setEnabled(can_handle)
        self.rating_button.clicked.connect(self.open_rating_screen)
        self.answer_button = QPushButton(self.tr("Answer bad rating…"))
        self.answer_button.setObjectName("rating_answer")
        self.answer_button.clicked.connect(self.answer_rating)
        self.answer_button.setVisible(False)
        actions = QHBoxLayout()
        for button in (self.done_button, self.blocked_button, self.paper_button, self.agent_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.rating_button)
        actions.addWidget(self.answer_button)
        self.print_row = QHBoxLayout()
        self.print_row.addWidget(QLabel(self.tr("Papers to print:")))
        for key, label in (
            ("receipt", self.tr("Acceptance receipt")),
            ("application", self.tr("Application form")),
            ("articles", self.tr("Articles of association")),
            ("resolution", self.tr("Shareholders' resolution")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"print_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.preview(k))
            self.print_row.addWidget(button)
        self.print_row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(QLabel(self.tr("Five parallel steps")))
        layout.addWidget(self.steps, 3)
        layout.addLayout(actions)
        layout.addWidget(QLabel(self.tr("Papers")))
        layout.addWidget(self.papers, 2)
        layout.addLayout(self.print_row)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.reload()

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        uid, now = self.uid, self.page.clock()

        def load(progress: Any) -> dict[str, Any]:
            with self.ctx.read() as session:
                return services.case_summary(session, services.find_case(session, uid), now)

        DbOp(self, load, on_done=self.show_summary).start()

    def show_summary(self, s: dict[str, Any]) -> None:
        self.summary = s
        if self._show_paper:
            paper, self._show_paper = self._show_paper, ""
            self.preview(paper)
        lines = [
            self.tr("<b>%1</b>　%2 (%3)　<b>%4</b>")
            .replace("%1", s["number"])
            .replace("%2", s["enterprise_name"])
            .replace("%3", names.case_type(s["case_type"], s["case_type_name"]))
            .replace("%4", names.case_state(s["status"], s["status_text"])),
            self.tr("Legal representative: %1; registered capital: %2 (10k yuan); credit code: %3")
            .replace("%1", s["legal_rep"])
            .replace("%2", s["registered_capital"])
            .replace("%3", s["uscc"] or "—"),
            self.tr("Accepted %1; time limit %2; deadline %3")
            .replace("%1", local_text(s["started_at"])[:16])
            .replace("%2", names.limit(s["limit"]))
            .replace("%3", local_text(s["deadline_at"])[:16]),
            self.tr("Clerk: %1; helper agent: %2; tracking code: %3")
            .replace("%1", s["clerk_name"] or "—")
            .replace("%2", s["agent_name"] or "—")
            .replace("%3", s["tracking_code"]),
            self.tr("Ratings: %1").replace("%1", rating_text(s["ratings"]) or self.tr("none yet")),
        ]
        self.header.setText("<br>".join(lines))
        self.steps.setRowCount(len(s["steps"]))
        for row, step in enumerate(s["steps"]):
            deadline = local_text(step["deadline_at"])[:16]
            late = bool(step["done_at"]) and step["done_at"] > step["deadline_at"]  # both UTC ISO strings
            status = names.step_state(step["status"], step["status_text"])
            brush = RANK_COLOUR.get(COLOUR_RANK[step["colour"]])
            if late:  # done, but after its deadline: not the plain green of a step done in time
                status = self.tr("%1 (late, %2)").replace("%1", status).replace("%2", local_text(step["done_at"])[:16])
                brush = LATE_COLOUR
            cells = [names.step(step["code"], step["name"]), step["department"], status, deadline, step["note"]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if brush and column == 2:
                    item.setBackground(QBrush(QColor(brush)))
                    item.setForeground(QBrush(QColor("#202020")))
                self.steps.setItem(row, column, item)
        self.steps.resizeColumnsToContents()
        self.papers.setRowCount(len(s["papers"]))
        for row, paper in enumerate(s["papers"]):
            status = PAPER_STATUS.get(paper["status"], paper["status"])
            if paper["overdue"]:
                status += "（已逾期）"
            commitment = paper["commitment"]
            if paper["due_at"] and paper["status"] == "deferred":
                commitment = f"{commitment}（截止 {local_text(paper['due_at'])[:10]}）"
            for column, text in enumerate((paper["name"], status, commitment)):
                item = QTableWidgetItem(text)
                if paper["overdue"]:
                    item.setBackground(QBrush(QColor(RANK_COLOUR[2])))
                self.papers.setItem(row, column, item)
        self.papers.resizeColumnToContents(0)
        open_case = s["status"] == "open"
        for button in (self.done_button, self.blocked_button):
            button.setEnabled(open_case and self.actor.can("startup.handle"))
        self.answer_button.setVisible(
            self.actor is not None and self.actor.can("startup.answer") and _to_answer(s["ratings"]) is not None
        )

    # -- papers -------------------------------------------------------------------------------

    def preview(self, key: str) -> None:
        """Fill in the paper off the UI thread, then show it with 打印… and 另存为…."""
        import tempfile
        from pathlib import Path

        from station_startup import documents

        summary, issuer, now = self.summary, self.ctx.settings.station_name, self.page.clock()
        if not summary:
            return
        folder = Path(tempfile.mkdtemp(prefix="startup-"))

        def make(progress: Any) -> list[Path]:
            return documents.make(summary, folder, issuer=issuer, now=now, which=(key,))

        def show(paths: list[Path]) -> None:
            if not paths:
                self._say(self.tr("This case type has no such paper."))
                return
            from station.api.ui import PdfPreview

            self.last_preview = PdfPreview(paths[0], self, title=paths[0].stem)
            self.last_preview.open()

        DbOp(self, make, on_done=show, label=self.tr("Filling in the paper…")).start()

    # -- actions ------------------------------------------------------------------------------

    def _selected_step(self) -> dict[str, Any] | None:
        rows = self.steps.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select a step first."))
            return None
        return self.summary["steps"][rows[0].row()]

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _run(self, fn: Any) -> None:
        self._say("")

        def done(_result: Any) -> None:
            self.reload()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            from station.api import UserError

            if isinstance(exc, UserError):
                self._say(exc.message)
            else:
                from station.api.ui import show_error

                show_error(self, exc)

        DbOp(self, lambda progress: fn(), on_done=done, on_error=failed).start()

    def step_done(self) -> None:
        step = self._selected_step()
        if step is None:
            return
        code = None
        if step["code"] == "registration":
            text, ok = QInputDialog.getText(
                self,
                self.tr("Business registration"),
                self.tr("Unified social credit code on the business licence issued by the market regulator:"),
            )
            if not ok:
                return
            code = text.strip()
        self._set_step(step["code"], "done", uscc_code=code)

    def step_blocked(self) -> None:
        step = self._selected_step()
        if step is None:
            return
        reason = ask_reason(
            self,
            self.tr("Step blocked"),
            self.tr("Mark the step %1 of %2 (%3) as blocked. The reason shows on the board.")
            .replace("%1", step["name"])
            .replace("%2", self.summary["enterprise_name"])
            .replace("%3", self.summary["number"]),
            self.tr("Mark blocked"),
            label=self.tr("Why is it blocked"),
        )
        if reason is not None:
            self._set_step(step["code"], "blocked", note=reason)

    def _set_step(self, code: str, status: str, *, note: str = "", uscc_code: str | None = None) -> None:
        uid, actor, now = self.uid, self.actor, self.page.clock()

        def run() -> None:
            with self.ctx.work(actor) as work:
                services.set_step(work, uid, code, status, note=note, uscc_code=uscc_code, now=now)

        self._run(run)

    def paper_received(self) -> None:
        rows = self.papers.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select a deferred paper first."))
            return
        paper = self.summary["papers"][rows[0].row()]["code"]
        uid, actor, now = self.uid, self.actor, self.page.clock()

        def run() -> None:
            with self.ctx.work(actor) as work:
                services.receive_paper(work, uid, paper, now=now)

        self._run(run)

    def open_rating_screen(self) -> None:
        from station_startup.ui.rating_screen import open_for_case

        if self.summary:
            self.rating_screen = open_for_case(self.ctx, self.actor, self.summary, self.page.clock, self.reload)

    def answer_rating(self) -> None:
        """Record the next of 核实, 整改, 回访 for the case's bad rating."""
        from station_startup import ratings

        found = _to_answer(self.summary.get("ratings", ()))
        if found is None:
            return
        rating, step = found
        label = self.tr("%1 of the %2 rating of “%3” (kept on record):")
        label = (
            label.replace("%1", names.answer_step(step))
            .replace("%2", names.grade(rating["grade"], rating["grade_text"]))
            .replace("%3", names.rating_stage(rating["stage"], rating["stage_text"]))
        )
        text, ok = QInputDialog.getText(self, self.tr("Answer bad rating"), label)
        if not ok:
            return
        actor, now = self.actor, self.page.clock()

        def run() -> None:
            with self.ctx.work(actor) as work:
                ratings.answer(work, rating["uid"], step, text, now=now)

        self._run(run)

    def assign_agent(self) -> None:
        """The helper agent is picked by name from this station's active users, not typed as a user name."""
        from station.api import people

        def load(progress: Any) -> list[tuple[str, str]]:
            with self.ctx.read() as session:
                return [(u.display_name, u.username) for u in people.all_users(session) if u.active]

        DbOp(self, load, on_done=self._pick_agent).start()

    def _pick_agent(self, users: list[tuple[str, str]]) -> None:
        labels = [self.tr("(nobody)")] + [name for name, _ in users]
        current = next((i + 1 for i, (_, u) in enumerate(users) if u == self.summary.get("agent")), 0)
        label, ok = QInputDialog.getItem(
            self,
            self.tr("Helper agent"),
            self.tr("Helper agent for %1:").replace("%1", self.summary.get("enterprise_name", "")),
            labels,
            current,
            False,
        )
        if not ok:
            return
        name = dict(users).get(label, "")
        uid, actor = self.uid, self.actor

        def run() -> None:
            with self.ctx.work(actor) as work:
                services.assign(work, uid, agent=name)

        self._run(run)


def rating_text(found: list[dict[str, Any]]) -> str:
    """申请 非常满意；受理 不满意（已核实） / Application Very satisfied; Acceptance Dissatisfied (Verification done)"""
    from station_startup.ratings import ANSWER_STEPS

    translate = QCoreApplication.translate
    parts = []
    for r in found:
        part = (
            translate("CaseDialog", "%1 %2")
            .replace("%1", names.rating_stage(r["stage"], r["stage_text"]))
            .replace("%2", names.grade(r["grade"], r["grade_text"]))
        )
        done = translate("CaseDialog", ", ").join(names.answer_step(s) for s in ANSWER_STEPS if s in r["answers"])
        if done:
            part = translate("CaseDialog", "%1 (%2 done)").replace("%1", part).replace("%2", done)
        parts.append(part)
    return translate("CaseDialog", "; ").join(parts)


def _to_answer(found: Any) -> tuple[dict[str, Any], str] | None:
    """The first bad rating still waiting, and the step it waits for."""
    from station_startup.ratings import ANSWER_STEPS, BAD

    for r in found:
        if r["grade"] <= BAD:
            missing = [s for s in ANSWER_STEPS if s not in r["answers"]]
            if missing:
                return r, missing[0]
    return None
