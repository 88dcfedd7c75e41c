"""Taking a startup case at the window (一窗受理): the applicant, shareholders and the papers checklist.

Essential papers must be received; the others may be accepted on a written commitment with a due date
(容缺受理). The application form, articles and resolution are filled in by the station (零填表).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import DbOp, FormDialog, GuardsEdits, chain_tabs, fit_on_screen, scrolling
from station_startup import catalogue, services
from station_startup.ui import names

if TYPE_CHECKING:  # pragma: no cover
    from station_startup.ui.board import StartupBoardPage


class IntakeDialog(GuardsEdits, FormDialog):
    opened = Signal(str)
    _checked_name = ""

    def __init__(self, page: StartupBoardPage) -> None:
        super().__init__(page, error_name="intake_error")
        self.page = page
        self.ctx = page.ctx
        self.setWindowTitle(self.tr("New startup case"))
        fit_on_screen(self, 820, 760)
        self.cat = catalogue.load()

        self.case_type = QComboBox()
        self.case_type.setObjectName("case_type")
        for code, spec in self.cat.case_types.items():
            self.case_type.addItem(names.case_type(code, spec.name), code)
        self.case_type.currentIndexChanged.connect(self._fill_papers)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()  # in the scrolling part, not the dialog's own rows
        form.addRow(self.tr("Case type"), self.case_type)
        name_row = QHBoxLayout()
        for key, label in (
            ("enterprise_name", self.tr("Enterprise name")),
            ("legal_rep", self.tr("Legal representative")),
            ("registered_capital", self.tr("Registered capital (10k yuan)")),
            ("address", self.tr("Address")),
            ("contact_phone", self.tr("Contact phone")),
        ):
            edit = QLineEdit()
            edit.setObjectName(key)
            self.fields[key] = edit
            if key == "enterprise_name":
                # The name is checked when the clerk leaves the field; the button stays for a mouse and
                # is out of the Tab chain, so Tab goes from the name to the legal representative.
                check = QPushButton(self.tr("Check name"))
                check.setObjectName("check_name")
                check.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                check.clicked.connect(self.check_name)
                edit.editingFinished.connect(self._name_left)
                name_row.addWidget(edit, 1)
                name_row.addWidget(check)
                form.addRow(label, name_row)
            else:
                form.addRow(label, edit)
        # The helper agent is one of this station's people, picked by name (loaded in the background).
        self.agent = QComboBox()
        self.agent.setObjectName("agent")
        self.agent.addItem(self.tr("(nobody)"), "")
        form.addRow(self.tr("Helper agent (optional)"), self.agent)
        self._load_agents()
        self.scope = QPlainTextEdit()
        self.scope.setObjectName("business_scope")
        self.scope.setFixedHeight(60)
        form.addRow(self.tr("Business scope"), self.scope)
        self.name_note = QLabel()
        self.name_note.setWordWrap(True)
        form.addRow("", self.name_note)

        self.holders = QTableWidget(2, 3)
        self.holders.setObjectName("shareholders")
        self.holders.setHorizontalHeaderLabels(
            [self.tr("Shareholder"), self.tr("ID number"), self.tr("Subscribed capital (10k yuan)")]
        )
        self.holders.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.holders.setFixedHeight(120)
        add_holder = QPushButton(self.tr("Add shareholder"))
        add_holder.clicked.connect(lambda: self.holders.insertRow(self.holders.rowCount()))

        self.papers = QTableWidget(0, 3)
        self.papers.setObjectName("papers")
        self.papers.setHorizontalHeaderLabels([self.tr("Paper"), self.tr("Received?"), self.tr("Bring by")])
        self.papers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.papers.setColumnWidth(1, 230)
        self.papers.setColumnWidth(2, 130)
        self.papers.verticalHeader().hide()

        self.ok_button.setText(self.tr("Accept the case"))

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Shareholders")))
        layout.addWidget(self.holders)
        layout.addWidget(add_holder)
        layout.addWidget(QLabel(self.tr("Papers")))
        layout.addWidget(self.papers)
        self.extra.addWidget(scrolling(content), 1)  # a 1366×768 screen at 125 % is 614 px high: the form scrolls
        self.body.setStretchFactor(self.extra, 1)
        self._fill_papers()
        self.mark_clean()

    def _fill_papers(self) -> None:
        spec = self.cat.case_type(self.case_type.currentData())
        self.papers.setRowCount(len(spec.papers))
        self._paper_widgets: list[tuple[str, QComboBox | None, QDateEdit | None]] = []
        today = QDate.currentDate()
        for row, paper in enumerate(spec.papers):
            name = paper.name + (self.tr(" (essential)") if paper.essential else "")
            self.papers.setItem(row, 0, QTableWidgetItem(name))
            if paper.generated:
                self.papers.setItem(row, 1, QTableWidgetItem(self.tr("Filled in by the station")))
                self._paper_widgets.append((paper.code, None, None))
                continue
            state = QComboBox()  # starts at "missing": the clerk confirms each paper of the checklist
            state.addItem(self.tr("Missing"), "missing")
            state.addItem(self.tr("Received"), "received")
            if not paper.essential:
                state.addItem(self.tr("Deferred on a written commitment"), "deferred")
            due = QDateEdit(today.addDays(7))
            due.setCalendarPopup(True)
            due.setDisplayFormat("yyyy-MM-dd")
            self.papers.setCellWidget(row, 1, state)
            if not paper.essential:  # only a paper that may be deferred has a date to bring it by
                self.papers.setCellWidget(row, 2, due)
            self._paper_widgets.append((paper.code, state, due))
        # The checklist's pickers are made after the buttons: put them back in the order they are seen.
        pickers = [w for _code, state, due in self._paper_widgets for w in (state, due) if w is not None]
        chain_tabs(self, [self.papers, *pickers, *self.button_box.buttons()])

    def values(self) -> dict[str, Any]:
        raw: dict[str, Any] = {key: edit.text().strip() for key, edit in self.fields.items()}
        raw["agent"] = self.agent.currentData() or ""
        raw["case_type"] = self.case_type.currentData()
        raw["business_scope"] = self.scope.toPlainText().strip()
        holders = []
        for row in range(self.holders.rowCount()):
            cells = [item.text().strip() if (item := self.holders.item(row, c)) else "" for c in range(3)]
            if any(cells):
                holders.append({"name": cells[0], "id_number": cells[1], "capital": cells[2] or "0"})
        raw["shareholders"] = holders
        papers: dict[str, Any] = {}
        for code, state, due in self._paper_widgets:
            if state is None or due is None:
                continue
            choice = state.currentData()
            if choice == "received":
                papers[code] = "received"
            elif choice == "deferred":
                papers[code] = {"deferred": due.date().toString("yyyy-MM-dd")}
        raw["papers"] = papers
        return raw

    def _load_agents(self) -> None:
        from station.api import people

        def load(progress: Any) -> list[tuple[str, str]]:
            with self.ctx.read() as session:
                return [(u.display_name, u.username) for u in people.all_users(session) if u.active]

        def fill(users: list[tuple[str, str]]) -> None:
            for name, username in users:
                self.agent.addItem(name, username)

        DbOp(self, load, on_done=fill).start()

    def _name_left(self) -> None:
        name = self.fields["enterprise_name"].text().strip()
        if name and name != self._checked_name:
            self.check_name()

    def snapshot(self) -> Any:
        return self.values()

    def check_name(self) -> None:
        name = self.fields["enterprise_name"].text()
        self._checked_name = name.strip()

        def check(progress: Any) -> str:
            with self.ctx.read() as session:
                try:
                    warnings = services.name_check(session, name)
                except Exception as exc:  # the sentence of a ValidationError is what the clerk needs
                    return getattr(exc, "message", str(exc))
            return "".join(warnings) or self.tr("No registered enterprise or open case has this name.")

        DbOp(self, check, on_done=self.name_note.setText).start()

    def submit(self) -> None:
        raw = self.values()
        actor, station_code = self.page.shell.actor, self.ctx.settings.station_code
        now = self.page.clock()

        def run(progress: Any) -> str:
            with self.ctx.work(actor) as work:
                return services.open_case(work, raw, station_code=station_code, now=now).uid

        def failed(exc: BaseException) -> None:
            from station.api import UserError
            from station.api.ui import show_error

            if isinstance(exc, UserError):
                self.error.setText(exc.message)
                self.error.show()
            else:
                show_error(self, exc)

        def done(uid: str) -> None:
            self.mark_clean()
            self.accept()
            self.opened.emit(uid)

        DbOp(self, run, on_done=done, on_error=failed).start()
