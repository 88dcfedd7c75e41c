"""The policy fulfilment page: policies and who qualifies, one enterprise's policies and why (not), claims.

Matching runs in the background (DbOp, with progress) and again for enterprises marked stale by
``enterprise_did_change``. Preview alone: ``python -m station_policy.ui.page [DATA_DIR]``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import DbOp, LazyTableModel, open_on_enter, page_title, search_leads_to, size_columns
from station_policy.ui import names


def fen_text(fen: Any) -> str:
    return "" if fen is None else names.money(fen)


def _code_tip(column: int, row: tuple[Any, ...]) -> str | None:
    """The policy's code (the last value of the row) in the tooltip of its title (the first column)."""
    return row[-1] if column == 0 else None


def _table(model: LazyTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class PolicyPage(QWidget):
    stale_marked = Signal()

    def __init__(self, shell: Any, *, today: dt.date | None = None) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        self.actor = shell.actor
        from station_policy import services

        self.today = today or services.today_local()
        self._matching = False

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Policy fulfilment")))
        top = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("match_status")
        self.rematch_button = QPushButton(self.tr("Match again"))
        self.rematch_button.clicked.connect(lambda: self.rematch(all_stale=True))
        self.report_button = QPushButton(self.tr("Payout report…"))
        self.report_button.clicked.connect(self.export_report)
        self.facts_load_button = QPushButton(self.tr("Load department data…"))
        self.facts_load_button.setObjectName("facts_load")
        self.facts_load_button.setVisible(self.actor is not None and self.actor.can("policy.facts"))
        self.facts_load_button.clicked.connect(self.load_department_data)
        top.addWidget(self.status, 1)
        top.addWidget(self.facts_load_button)
        top.addWidget(self.rematch_button)
        top.addWidget(self.report_button)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._policies_tab(), self.tr("Policies"))
        self.tabs.addTab(self._enterprise_tab(), self.tr("By enterprise"))
        self.tabs.addTab(self._claims_tab(), self.tr("Claims"))
        self.tabs.addTab(self._awards_tab(), self.tr("Case-by-case awards"))
        layout.addWidget(self.tabs, 1)

        # enterprise_did_change may fire on any thread: hop to the UI thread through a queued signal
        import station_policy

        self.stale_marked.connect(self._stale_later, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = station_policy.on_stale(self.stale_marked.emit)
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(400)
        self._stale_timer.timeout.connect(lambda: self.rematch(all_stale=False))
        self.rematch(all_stale=True)

    # -- background plumbing ------------------------------------------------------------------

    def _submit(self, fn: Any, done: Any) -> None:
        DbOp(self, lambda progress: fn(), on_done=done).start()

    def _run(self, fn: Any, done: Any = None, label: str | None = None) -> None:
        DbOp(self, fn, on_done=done, label=label).start()

    # -- matching -----------------------------------------------------------------------------

    def _stale_later(self) -> None:
        self._stale_timer.start()

    def rematch(self, *, all_stale: bool) -> None:
        """Re-match in the background: every stale enterprise, or only those changed in this process."""
        if self._matching:
            self._stale_timer.start()
            return
        import station_policy
        from station_policy import services

        uids = None if all_stale else station_policy.take_stale()  # None from it too: too many to list
        if uids == []:
            return
        self._matching = True
        self.rematch_button.setEnabled(False)
        self.status.setText(self.tr("Matching enterprises against the policies…"))
        today, ctx, actor = self.today, self.ctx, self.actor

        def work(progress: Any) -> Any:
            with ctx.work(actor) as w:
                return services.rematch(w, today, uids, progress=progress)

        def done(run: Any) -> None:
            self._matching = False
            self.rematch_button.setEnabled(True)
            if not run.enterprises:  # nothing changed since the last matching: say so, not "0 matched"
                self.status.setText(self.tr("Every enterprise's matches are up to date."))
                self.reload_policies()
                self.reload_enterprise()
                return
            self.status.setText(
                self.tr("Matched %1 enterprises in %2 s: %3 qualifying, %4 need data.")
                .replace("%1", f"{run.enterprises:,}")
                .replace("%2", f"{run.seconds:.1f}")
                .replace("%3", f"{run.eligible:,}")
                .replace("%4", f"{run.unknown:,}")
            )
            self.reload_policies()
            self.reload_enterprise()

        def failed(exc: BaseException) -> None:
            self._matching = False
            self.rematch_button.setEnabled(True)
            from station.api.ui import show_error

            show_error(self, exc)

        DbOp(self, work, on_done=done, on_error=failed, label=self.tr("Matching enterprises…")).start()

    # -- policies tab ---------------------------------------------------------------------------

    def _policies_tab(self) -> QWidget:
        self._summaries: dict[str, dict[str, Any]] = {}
        self.policy_model = LazyTableModel(
            [self.tr("Policy"), self.tr("Department"), self.tr("Qualifying"), self.tr("Need data"),
             self.tr("Estimated total")],
            self._policy_rows,
            self._submit,
            self._render_policy,
            right_aligned=(2, 3, 4),
            tooltip=_code_tip,
            parent=self,
        )  # fmt: skip
        self.policy_view = _table(self.policy_model, "policy_table")
        self.policy_view.clicked.connect(self._policy_chosen)
        self.policy_view.selectionModel().currentRowChanged.connect(lambda current, _: self._policy_chosen(current))
        self.qualifying_model = LazyTableModel(
            [self.tr("Credit code"), self.tr("Enterprise"), self.tr("Result"), self.tr("Estimated amount"),
             self.tr("Claim")],
            self._qualifying_rows,
            self._submit,
            self._render_match,
            right_aligned=(3,),
            parent=self,
        )  # fmt: skip
        self.qualifying_view = _table(self.qualifying_model, "qualifying_table")
        self.qualifying_view.doubleClicked.connect(self._open_pair_from_policy)
        open_on_enter(self.qualifying_view, self._open_pair_from_policy)
        size_columns(self.policy_view, (320, 160, 80, 80, 150), stretch=0)
        size_columns(self.qualifying_view, (190, 300, 90, 140, 90), stretch=1)
        self.policy_detail = QLabel()
        self.policy_detail.setWordWrap(True)
        self.policy_detail.setObjectName("policy_detail")
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.policy_detail, 1)
        self.push_button = QPushButton(self.tr("Tell those who have not applied…"))
        self.push_button.setObjectName("push_button")
        self.push_button.setVisible(self.actor is not None and self.actor.can("policy.claim"))
        self.push_button.setEnabled(False)  # until a policy is chosen
        self.push_button.clicked.connect(self.push_chosen)
        detail_row.addWidget(self.push_button)
        lower_layout.addLayout(detail_row)
        lower_layout.addWidget(self.qualifying_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.policy_view)
        splitter.addWidget(lower)
        return splitter

    def reload_policies(self) -> None:
        from station_policy import services

        today, ctx = self.today, self.ctx

        def load(progress: Any) -> list[dict[str, Any]]:
            with ctx.read() as session:
                return services.policy_summaries(session, today)

        def show(rows: list[dict[str, Any]]) -> None:
            self._summaries = {r["code"]: r for r in rows}
            self.policy_model.set_keys([r["code"] for r in rows])
            size_columns(self.policy_view, (320, 160, 80, 80, 150), stretch=0)
            self._fill_why_choices(rows)

        self._run(load, show)

    def _policy_rows(self, codes: Any) -> dict[str, tuple[Any, ...]]:
        out = {}
        for code in codes:
            r = self._summaries.get(code)
            if r is not None:
                out[code] = (r["title"], r["department"], r["eligible"], r["unknown"], r["total_fen"], r["code"])
        return out

    def _render_policy(self, column: int, value: Any) -> str:
        if column in (2, 3):
            return f"{value:,}"
        if column == 4:
            return fen_text(value)
        return str(value)

    def _policy_chosen(self, index: Any) -> None:
        if not index.isValid():
            return
        code = self.policy_model.key_at(index.row())
        r = self._summaries.get(code, {})
        self.policy_detail.setText(
            f"{r.get('title', '')}（{r.get('department', '')}，{r.get('edition', '')} 版）：{r.get('amount_rule', '')}"
        )
        self._chosen_policy = code
        self.push_button.setEnabled(True)
        from station_policy import services

        today, ctx = self.today, self.ctx

        def load(progress: Any) -> list[Any]:
            with ctx.read() as session:
                return services.matches_for_policy(session, code, today)

        def show(rows: list[Any]) -> None:
            self._qualifying = {r.enterprise_uid: r for r in rows}
            self.qualifying_model.set_keys([r.enterprise_uid for r in rows])
            size_columns(self.qualifying_view, (190, 300, 90, 140, 90), stretch=1)

        self._run(load, show)

    def _qualifying_rows(self, uids: Any) -> dict[str, tuple[Any, ...]]:
        rows = getattr(self, "_qualifying", {})
        return {u: self._match_tuple(rows[u]) for u in uids if u in rows}

    def _match_tuple(self, r: Any) -> tuple[Any, ...]:
        return (r.uscc, r.enterprise_name, r.status, r.amount_fen, r.claimed)

    def _render_match(self, column: int, value: Any) -> str:
        if column == 2:
            return names.eligibility(value)
        if column == 3:
            return fen_text(value)
        if column == 4:
            return names.status(value) if value else ""
        return "" if value is None else str(value)

    def _open_pair_from_policy(self, index: Any) -> None:
        uid = self.qualifying_model.key_at(index.row())
        self.show_why(uid, self._chosen_policy)

    # -- enterprise tab -------------------------------------------------------------------------

    def _enterprise_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.enterprise_search = QLineEdit()
        self.enterprise_search.setObjectName("enterprise_search")
        self.enterprise_search.setPlaceholderText(self.tr("Credit code or name of the enterprise"))
        self.enterprise_search.returnPressed.connect(self.find_enterprise)
        find = QPushButton(self.tr("Find"))
        find.clicked.connect(self.find_enterprise)
        row.addWidget(self.enterprise_search, 1)
        row.addWidget(find)
        layout.addLayout(row)
        self.enterprise_label = QLabel(self.tr("Choose an enterprise to see the policies it qualifies for."))
        self.enterprise_label.setObjectName("enterprise_label")
        layout.addWidget(self.enterprise_label)
        self.enterprise_model = LazyTableModel(
            [self.tr("Policy"), self.tr("Department"), self.tr("Result"), self.tr("Estimated amount"),
             self.tr("Claim")],
            self._enterprise_rows,
            self._submit,
            self._render_enterprise_match,
            right_aligned=(3,),
            tooltip=_code_tip,
            parent=self,
        )  # fmt: skip
        self.enterprise_view = _table(self.enterprise_model, "enterprise_matches")
        size_columns(self.enterprise_view, (320, 160, 90, 140, 90), stretch=0)
        self.enterprise_view.doubleClicked.connect(self._why_row)
        open_on_enter(self.enterprise_view, self._why_row)
        search_leads_to(self.enterprise_search, self.enterprise_view)
        layout.addWidget(self.enterprise_view, 1)
        buttons = QHBoxLayout()
        # Any policy, picked by its title (typing part of it narrows the list); the code is in the tooltip.
        self.why_policy = QComboBox()
        self.why_policy.setObjectName("why_policy")
        self.why_policy.setEditable(True)
        self.why_policy.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer, line = self.why_policy.completer(), self.why_policy.lineEdit()
        assert completer is not None and line is not None  # an editable box has both
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        line.setPlaceholderText(self.tr("Any policy: type part of its title"))
        line.returnPressed.connect(self._why_typed)
        self.why_policy.setMinimumWidth(320)
        why = QPushButton(self.tr("Why not?"))
        why.setObjectName("why_button")
        why.clicked.connect(self._why_typed)
        apply_button = QPushButton(self.tr("Apply for the selected policy"))
        apply_button.setObjectName("apply_button")
        apply_button.setEnabled(self.actor is not None and self.actor.can("policy.claim"))
        apply_button.clicked.connect(self.apply_selected)
        facts = QPushButton(self.tr("Data and sources…"))
        facts.setObjectName("facts_button")
        facts.clicked.connect(self.show_facts)
        buttons.addWidget(self.why_policy)
        buttons.addWidget(why)
        buttons.addWidget(facts)
        buttons.addStretch(1)
        buttons.addWidget(apply_button)
        layout.addLayout(buttons)
        self._enterprise_uid: str | None = None
        self._enterprise_matches: dict[str, Any] = {}
        return tab

    def find_enterprise(self) -> None:
        from station.api import registry_queries

        query = self.enterprise_search.text().strip()
        if not query:
            return
        ctx = self.ctx

        def load(progress: Any) -> Any:
            with ctx.raw() as conn:
                ids = registry_queries.search_ids(conn, query, 1)
            if not ids:
                return None
            with ctx.read() as session:
                from station.api import enterprises

                e = enterprises.get(session, ids[0])
                return e.uid, e.name, e.uscc

        def show(found: Any) -> None:
            if found is None:
                self.enterprise_label.setText(self.tr("No enterprise matches “%1”.").replace("%1", query))
                return
            self._enterprise_uid = found[0]
            self.enterprise_label.setText(f"{found[1]}（{found[2]}）")
            self.reload_enterprise()

        self._run(load, show)

    def reload_enterprise(self) -> None:
        from station_policy import services

        uid = self._enterprise_uid
        if uid is None:
            return
        today, ctx = self.today, self.ctx

        def load(progress: Any) -> list[Any]:
            with ctx.read() as session:
                return services.matches_for_enterprise(session, uid, today)

        def show(rows: list[Any]) -> None:
            self._enterprise_matches = {r.policy_code: r for r in rows}
            self.enterprise_model.set_keys([r.policy_code for r in rows])
            size_columns(self.enterprise_view, (320, 160, 90, 140, 90), stretch=0)

        self._run(load, show)

    def show_facts(self) -> Any:
        from station_policy.ui.facts_dialog import FactsDialog

        if self._enterprise_uid is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Find an enterprise first."))
            return None
        name = self.enterprise_label.text()
        dialog = FactsDialog(self, self.ctx, self.actor, self._enterprise_uid, name, self.today)
        dialog.finished.connect(lambda *_: self.reload_enterprise())
        dialog.open()
        return dialog

    def _enterprise_rows(self, codes: Any) -> dict[str, tuple[Any, ...]]:
        rows = self._enterprise_matches
        return {
            c: (rows[c].policy_title, rows[c].department, rows[c].status, rows[c].amount_fen, rows[c].claimed,
                rows[c].policy_code)
            for c in codes
            if c in rows
        }  # fmt: skip

    def _render_enterprise_match(self, column: int, value: Any) -> str:
        if column == 2:
            return names.eligibility(value)
        if column == 3:
            return fen_text(value)
        if column == 4:
            return names.status(value) if value else ""
        return "" if value is None else str(value)

    def _why_row(self, index: Any) -> None:
        self.show_why(self._enterprise_uid, self.enterprise_model.key_at(index.row()))

    def _fill_why_choices(self, rows: list[dict[str, Any]]) -> None:
        chosen = self.why_policy.currentData()
        self.why_policy.clear()
        for r in sorted(rows, key=lambda r: r["title"]):
            self.why_policy.addItem(r["title"], r["code"])
            self.why_policy.setItemData(self.why_policy.count() - 1, r["code"], Qt.ItemDataRole.ToolTipRole)
        self.why_policy.setCurrentIndex(self.why_policy.findData(chosen) if chosen else -1)

    def _why_typed(self) -> None:
        # A title typed in full or picked from the list; a code typed by someone who knows it works too.
        text = self.why_policy.currentText().strip()
        index = self.why_policy.findText(text)
        if index < 0:
            index = self.why_policy.findData(text.upper())
        code = self.why_policy.itemData(index) if index >= 0 else None
        if self._enterprise_uid is None or not code:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Choose an enterprise, then pick a policy from the list.")
            )
            return
        self.show_why(self._enterprise_uid, code)

    def show_why(self, enterprise_uid: str | None, code: str | None) -> None:
        if not enterprise_uid or not code:
            return
        from station_policy import services
        from station_policy.ui.dialogs import WhyDialog

        today, ctx = self.today, self.ctx

        def load(progress: Any) -> Any:
            with ctx.read() as session:
                ev = services.explain(session, enterprise_uid, code, today)
                e = services.enterprise_by_uid(session, enterprise_uid)
                return ev, e.name

        self._run(load, lambda found: WhyDialog(self, *found).exec())

    def apply_selected(self) -> None:
        index = self.enterprise_view.currentIndex()
        if self._enterprise_uid is None or not index.isValid():
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose a policy in the list first."))
            return
        from station_policy import services
        from station_policy.ui.dialogs import ApplyDialog

        code = self.enterprise_model.key_at(index.row())
        uid, today, ctx = self._enterprise_uid, self.today, self.ctx

        def load(progress: Any) -> Any:
            with ctx.read() as session:
                return services.policy_edition(session, code, today)

        def ask(policy: Any) -> None:
            dialog = ApplyDialog(self, policy)
            if not dialog.exec():
                return
            materials = dialog.materials()

            def submit(progress: Any) -> Any:
                with ctx.work(self.actor) as work:
                    claim = services.apply(work, uid, code, materials=materials, station_code=ctx.settings.station_code)
                    return claim.number

            def done(number: str) -> None:
                self.reload_enterprise()
                self.reload_claims()
                self.open_claim(number)

            self._run(submit, done)

        self._run(load, ask)

    # -- claims tab -----------------------------------------------------------------------------

    def _claims_tab(self) -> QWidget:
        from station_policy.services import STATUSES

        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.claim_search = QLineEdit()
        self.claim_search.setObjectName("claim_search")
        self.claim_search.setPlaceholderText(self.tr("Claim number, enterprise or policy code"))
        self.claim_search.returnPressed.connect(self.reload_claims)
        self._claim_debounce = QTimer(self, singleShot=True, interval=250)  # filters as you type, as the registry
        self._claim_debounce.timeout.connect(self.reload_claims)
        self.claim_search.textChanged.connect(lambda _: self._claim_debounce.start())
        self.claim_status = QComboBox()
        self.claim_status.addItem(self.tr("All"), "")
        for code in STATUSES:
            self.claim_status.addItem(names.status(code), code)
        self.claim_status.currentIndexChanged.connect(self.reload_claims)
        open_button = QPushButton(self.tr("Open…"))
        open_button.clicked.connect(self._open_current_claim)
        row.addWidget(self.claim_search, 1)
        row.addWidget(self.claim_status)
        row.addWidget(open_button)
        layout.addLayout(row)
        self.claims_model = LazyTableModel(
            [self.tr("Number"), self.tr("Enterprise"), self.tr("Policy"), self.tr("Year"), self.tr("Status"),
             self.tr("Estimated"), self.tr("Approved"), self.tr("Last change")],
            self._claim_rows,
            self._submit,
            self._render_claim,
            right_aligned=(5, 6),
            tooltip=lambda column, row: row[8] if column == 2 else None,
            parent=self,
        )  # fmt: skip
        self.claims_view = _table(self.claims_model, "claims_table")
        size_columns(self.claims_view, (170, 240, 240, 70, 80, 120, 120))
        self.claims_view.doubleClicked.connect(self._open_current_claim)
        open_on_enter(self.claims_view, self._open_current_claim)
        search_leads_to(self.claim_search, self.claims_view)
        layout.addWidget(self.claims_view, 1)
        self.reload_claims()
        return tab

    def reload_claims(self) -> None:
        from station_policy import services

        query, status, ctx = self.claim_search.text().strip(), self.claim_status.currentData(), self.ctx

        def load(progress: Any) -> list[int]:
            with ctx.read() as session:
                return services.claim_ids(session, status=status or None, query=query)

        def show(ids: list[int]) -> None:
            self.claims_model.set_keys(ids)
            size_columns(self.claims_view, (170, 240, 240, 70, 80, 120, 120), stretch=None)

        self._run(load, show)

    def _claim_rows(self, ids: Any) -> dict[int, tuple[Any, ...]]:
        from station_policy import services

        with self.ctx.read() as session:
            return services.claim_rows(session, ids)

    def _render_claim(self, column: int, value: Any) -> str:
        from station.api import local_text

        if column == 3:
            return self.tr("One-off") if value == "once" else str(value)
        if column == 4:
            return names.status(value)
        if column in (5, 6):
            return fen_text(value)
        if column == 7:
            return local_text(value)
        return "" if value is None else str(value)

    def _open_current_claim(self, *_: Any) -> None:
        index = self.claims_view.currentIndex()
        if not index.isValid():
            return
        row = self.claims_model.row_values(index.row())
        if row is not None:
            self.open_claim(row[0])

    def open_target(self, number: str) -> None:
        """A notice's claim or 一事一议 award: its tab, and the claim or award itself."""
        if "-YS-" in number:  # the award numbers' infix (awards.record)
            self.tabs.setCurrentIndex(3)
            self.open_award(number)
            return
        self.tabs.setCurrentIndex(2)
        self.open_claim(number)

    def open_claim(self, number: str) -> None:
        from station_policy.ui.claim_dialog import ClaimDialog

        dialog = ClaimDialog(self, number)
        dialog.changed.connect(self.reload_claims)
        dialog.changed.connect(self.reload_enterprise)
        dialog.show()

    # -- department data and 主动推送 -----------------------------------------------------------

    def load_department_data(self) -> Any:
        from station_policy.ui.outreach import FactsLoadDialog

        dialog = FactsLoadDialog(self)
        dialog.open()
        return dialog

    def push_chosen(self) -> None:
        from station_policy.ui.outreach import push_for_policy

        code = getattr(self, "_chosen_policy", None)
        if code:
            push_for_policy(self, code, self._summaries.get(code, {}).get("title", code))

    # -- 一事一议 tab ---------------------------------------------------------------------------

    def _awards_tab(self) -> QWidget:
        from station_policy.awards import STATUSES

        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.award_search = QLineEdit()
        self.award_search.setObjectName("award_search")
        self.award_search.setPlaceholderText(self.tr("Decision number, enterprise or record number"))
        self.award_search.returnPressed.connect(self.reload_awards)
        self._award_debounce = QTimer(self, singleShot=True, interval=250)
        self._award_debounce.timeout.connect(self.reload_awards)
        self.award_search.textChanged.connect(lambda _: self._award_debounce.start())
        self.award_status = QComboBox()
        self.award_status.setObjectName("award_status")
        self.award_status.addItem(self.tr("All"), "")
        for code, label in STATUSES.items():
            self.award_status.addItem(label, code)
        self.award_status.currentIndexChanged.connect(self.reload_awards)
        self.new_award_button = QPushButton(self.tr("Record a decision…"))
        self.new_award_button.setObjectName("new_award")
        self.new_award_button.setVisible(self.actor is not None and self.actor.can("policy.award"))
        self.new_award_button.clicked.connect(self.new_award)
        open_button = QPushButton(self.tr("Open…"))
        open_button.clicked.connect(self._open_current_award)
        row.addWidget(self.award_search, 1)
        row.addWidget(self.award_status)
        row.addWidget(open_button)
        row.addWidget(self.new_award_button)
        layout.addLayout(row)
        self.awards_model = LazyTableModel(
            [self.tr("Decision number"), self.tr("Enterprise"), self.tr("Amount"), self.tr("Deciding department"),
             self.tr("Status"), self.tr("Notice until"), self.tr("Record number")],
            self._award_rows,
            self._submit,
            self._render_award,
            right_aligned=(2,),
            parent=self,
        )  # fmt: skip
        self.awards_view = _table(self.awards_model, "awards_table")
        size_columns(self.awards_view, (200, 260, 130, 160, 150, 100))
        self.awards_view.doubleClicked.connect(self._open_current_award)
        open_on_enter(self.awards_view, self._open_current_award)
        search_leads_to(self.award_search, self.awards_view)
        layout.addWidget(self.awards_view, 1)
        self._awards: dict[str, Any] = {}
        self.reload_awards()
        return tab

    def reload_awards(self) -> None:
        from station_policy import awards

        query, status, ctx = self.award_search.text().strip(), self.award_status.currentData(), self.ctx

        def load(progress: Any) -> list[Any]:
            with ctx.read() as session:
                return awards.rows(session, status=status or None, query=query)

        def show(rows: list[Any]) -> None:
            self._awards = {r.number: r for r in rows}
            self.awards_model.set_keys([r.number for r in rows])
            size_columns(self.awards_view, (200, 260, 130, 160, 150, 100), stretch=None)

        self._run(load, show)

    def _award_rows(self, numbers: Any) -> dict[str, tuple[Any, ...]]:
        rows = self._awards
        return {
            n: (rows[n].decision_no, rows[n].enterprise_name, rows[n].amount_fen, rows[n].department,
                (rows[n].status, rows[n].payout_state), rows[n].notice_until, rows[n].number)
            for n in numbers
            if n in rows
        }  # fmt: skip

    def _render_award(self, column: int, value: Any) -> str:
        from station_policy.awards import STATUSES
        from station_policy.payout_state import CONFIRMED, LABELS

        if column == 2:
            return fen_text(value)
        if column == 4:
            status, state = value
            label = STATUSES.get(status, status)
            return f"{label}（{LABELS[state]}）" if state and state != CONFIRMED else label
        if column == 5:
            return value.isoformat() if value else ""
        return "" if value is None else str(value)

    def new_award(self) -> Any:
        from station_policy.ui.award_dialog import record_award

        typed = self.enterprise_label.text() if self._enterprise_uid else ""
        code = typed.rsplit("（", 1)[-1].rstrip("）") if typed else ""  # the enterprise chosen on 按企业
        return record_award(self, code)

    def award_recorded(self, number: str) -> None:
        self.reload_awards()
        self.open_award(number)

    def _open_current_award(self, *_: Any) -> None:
        index = self.awards_view.currentIndex()
        if not index.isValid():
            return
        row = self.awards_model.row_values(index.row())
        if row is not None:
            self.open_award(row[-1])

    def open_award(self, number: str) -> Any:
        from station_policy.ui.award_dialog import AwardDialog

        dialog = AwardDialog(self, number)
        dialog.changed.connect(self.reload_awards)
        dialog.show()
        return dialog

    # -- reports --------------------------------------------------------------------------------

    def export_report(self) -> None:
        from station_policy.ui.dialogs import ReportDialog

        ReportDialog(self).exec()


if __name__ == "__main__":  # pragma: no cover - manual preview
    import sys

    from station.api.ui import preview_page

    preview_page("policy", sys.argv[1] if len(sys.argv) > 1 else None)
