"""The marketplace page: agencies by service type with stars, an agency's history, commissions, draws."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.api import QT_TRANSLATE_NOOP, SHANGHAI
from station.api.ui import DbOp, LazyTableModel, ask_reason, confirm, open_on_enter, page_title, size_columns

from . import names
from .charts import DimensionBars, StarHistogram
from .dialogs import AgencyDialog, CommissionDialog, DrawDialog, QualificationDialog, RatingDialog

AGENCY_HEADERS = [
    QT_TRANSLATE_NOOP("AgenciesPage", "Agency"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Service types"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Stars"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Score"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Ratings"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Status"),
]
COMMISSION_HEADERS = [
    QT_TRANSLATE_NOOP("AgenciesPage", "Number"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Enterprise"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Service type"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Agency"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Selection"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Status"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Rating"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Registered"),
]
DRAW_HEADERS = [
    QT_TRANSLATE_NOOP("AgenciesPage", "Number"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Service type"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Drawn agency"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Candidates"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Excluded"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Drawn at"),
    QT_TRANSLATE_NOOP("AgenciesPage", "Purpose"),
]


def star_text(stars: int | None) -> str:
    if stars is None:
        return QCoreApplication.translate("AgenciesPage", "Not enough ratings")
    return "★" * stars + "☆" * (5 - stars)


def recent_periods(today: dt.date) -> list[str]:
    """The last four finished quarters, newest first, then this year and last year."""
    q = (today.month - 1) // 3  # index of the current quarter, 0-based
    index = today.year * 4 + q
    quarters = [f"{(i) // 4}Q{i % 4 + 1}" for i in range(index - 1, index - 5, -1)]
    return [*quarters, str(today.year), str(today.year - 1)]


def _translated(headers: list[str]) -> list[str]:
    return [QCoreApplication.translate("AgenciesPage", h) for h in headers]


class AgenciesPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell, self.ctx, self.actor = shell, shell.ctx, shell.actor
        self._ranked: dict[str, Any] = {}
        self._history: Any = None
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Intermediary marketplace")))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._agencies_tab(), self.tr("Agencies and stars"))
        self.tabs.addTab(self._commissions_tab(), self.tr("Commissions"))
        self.tabs.addTab(self._draws_tab(), self.tr("Draws"))
        layout.addWidget(self.tabs)
        self.reload()

    def _can(self, permission: str) -> bool:
        return self.actor is not None and self.actor.can(permission)

    def _submit(self, fn: Any, done: Any) -> None:
        DbOp(self, lambda progress: fn(), on_done=done).start()

    @staticmethod
    def _table(model: Any, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setDefaultSectionSize(26)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- agencies and stars -------------------------------------------------------------------

    def _agencies_tab(self) -> QWidget:
        from station_agencies import services

        cat = services.catalogue(self.ctx.data_dir)
        self.service_filter = QComboBox()
        self.service_filter.setObjectName("service_filter")
        self.service_filter.addItem(self.tr("All service types"), None)
        for s in cat.services.values():
            self.service_filter.addItem(s.name, s.code)
        self.period = QComboBox()
        self.period.setObjectName("period")
        for label in recent_periods(dt.datetime.now(SHANGHAI).date()):
            self.period.addItem(label, label)
        self.service_filter.currentIndexChanged.connect(self.reload_agencies)
        self.period.currentIndexChanged.connect(self.reload_agencies)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.report_button = QPushButton(self.tr("Evaluation report (PDF)…"))
        self.report_button.setObjectName("report")
        self.report_button.clicked.connect(self.save_report)
        self.report_button.setVisible(_printing_available())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Service type")))
        top.addWidget(self.service_filter)
        top.addWidget(QLabel(self.tr("Evaluation period")))
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        top.addWidget(self.report_button)

        self.agency_model = LazyTableModel(
            _translated(AGENCY_HEADERS), self._agency_rows, self._submit, right_aligned=(3, 4), parent=self
        )
        self.agency_table = self._table(self.agency_model, "agency_table")
        header = self.agency_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agency_table.horizontalHeader().setStretchLastSection(False)
        header.setMinimumSectionSize(72)  # the stretched name column keeps room for its header when narrow
        size_columns(self.agency_table, (0, 150, 120, 56, 56, 130))  # room for 暂停 and 可直接邀请
        self.agency_table.selectionModel().currentRowChanged.connect(self._agency_selected)
        self.histogram = StarHistogram()
        self.histogram.setObjectName("histogram")

        self.detail_title = QLabel()
        self.detail_title.setObjectName("detail_title")
        self.detail_title.setWordWrap(True)
        self.detail_title.setTextFormat(Qt.TextFormat.RichText)
        self.bars = DimensionBars()
        self.bars.setObjectName("bars")
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Enterprise"), self.tr("What"), self.tr("Detail"), self.tr("State")]
        )
        self.history.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 84), (1, 150), (2, 50), (3, 150)):
            self.history.horizontalHeader().resizeSection(column, width)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.set_aside_button = QPushButton(self.tr("Set rating aside as abusive…"))
        self.set_aside_button.setObjectName("set_aside")
        self.set_aside_button.setVisible(self._can("agencies.review"))
        self.set_aside_button.clicked.connect(self.set_aside_selected)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.bars)
        legend = QLabel(self.tr("Blue: this agency (weighted towards the park mean); grey: park mean"))
        legend.setObjectName("legend")
        dl.addWidget(legend)
        dl.addWidget(self.history, 1)
        manage = QHBoxLayout()
        can_manage = self._can("agencies.manage")
        for name, text, slot in (
            ("register_agency", self.tr("Register agency…"), self.register_agency),
            ("qualification", self.tr("Qualification…"), self.add_qualification),
            ("status", self.tr("Suspend or blacklist…"), self.change_status),
            ("close_period", self.tr("Close a quarter…"), self.close_quarter),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setVisible(can_manage)
            button.clicked.connect(slot)
            manage.addWidget(button)
        manage.addWidget(self.set_aside_button)
        dl.addLayout(manage)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.agency_table, 1)
        ll.addWidget(QLabel(self.tr("Agencies by star level")))
        ll.addWidget(self.histogram)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(detail)
        split.setSizes([700, 540])
        tab = QWidget()
        tl = QVBoxLayout(tab)
        tl.addLayout(top)
        tl.addWidget(split, 1)
        return tab

    def _agency_rows(self, keys: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        return {k: self._ranked[k] for k in keys if k in self._ranked}

    def reload_agencies(self) -> None:
        from station_agencies import services
        from station_agencies.stars import Period

        service, period = self.service_filter.currentData(), Period.parse(self.period.currentData())
        cat = services.catalogue(self.ctx.data_dir)

        def load(progress: Any) -> tuple[list[str], dict[str, tuple[Any, ...]], list[tuple[str, int]]]:
            from station_agencies import standing

            with self.ctx.read() as session:
                _, ranked = services.ranking(session, period, service, cat.rules)
                held = standing.latest(session)  # what the park's rules made of the last closed quarter
            invite = QCoreApplication.translate("AgenciesPage", "%1, may be invited")
            rows = {
                r.uid: (
                    r.name, self.tr(", ").join(names.service(s, cat.name(s)) for s in r.services),
                    r.with_status(star_text(r.stars)) if r.count else "",
                    f"{r.score:.2f}" if r.score is not None else "", r.count,
                    invite.replace("%1", names.status(r.status))
                    if r.uid in held and held[r.uid].consequence == standing.INVITE and r.status == "active"
                    else names.status(r.status),
                )
                for r in ranked
            }  # fmt: skip
            levels = [(f"{n}★", sum(1 for r in ranked if r.stars == n)) for n in range(5, 0, -1)]
            levels.append(
                (QCoreApplication.translate("AgenciesPage", "Too few"), sum(1 for r in ranked if r.stars is None))
            )
            return [r.uid for r in ranked], rows, levels

        def show(loaded: tuple[list[str], dict[str, tuple[Any, ...]], list[tuple[str, int]]]) -> None:
            keys, rows, levels = loaded
            self._ranked = rows
            self.agency_model.set_keys(keys, rows)
            self.histogram.set_counts(levels)
            self.summary.setText(self.tr("%1 agencies").replace("%1", str(len(keys))))
            if keys:
                self.agency_table.selectRow(0)

        DbOp(self, load, on_done=show).start()

    def _agency_selected(self, current: Any, previous: Any = None) -> None:
        if current.isValid():
            self.show_agency(self.agency_model.key_at(current.row()))

    def show_agency(self, uid: str) -> None:
        from station_agencies import services
        from station_agencies.stars import Period

        period = Period.parse(self.period.currentData())
        cat = services.catalogue(self.ctx.data_dir)
        self._showing = token = object()  # a slower, older load must not overwrite the latest one

        def load(progress: Any) -> tuple[Any, list[tuple[str, float, float]]]:
            from station_agencies import standing

            with self.ctx.read() as session:
                history = services.agency_history(session, uid)
                result = services.evaluation(session, period, cat.rules)
                closes = [
                    f"{s.period} {standing.stars_text(s.stars)}"
                    + (f" {standing.LABELS[s.consequence]}" if s.consequence else "")
                    for s in standing.history(session, uid)[-4:]
                ]
            history.agency["closes"] = closes
            mine = result.agencies.get(uid)
            bars = (
                [
                    (names.dimension(code, name), mine.bayes[code], result.park_means[code])
                    for code, name in cat.dimensions.items()
                ]
                if mine
                else []
            )
            return history, bars

        def show(loaded: tuple[Any, list[tuple[str, float, float]]]) -> None:
            if token is not self._showing:
                return
            history, bars = loaded
            self._history = history
            a = history.agency
            status = names.status(a["status"])
            if a["status_reason"]:
                status = self.tr("%1 (%2)").replace("%1", status).replace("%2", a["status_reason"])
            quals = self.tr("; ").join(
                (self.tr("%1 %2, expired %3") if q["expired"] else self.tr("%1 %2, valid until %3"))
                .replace("%1", names.service(cat.service(q["service"]).code, q["service"]))
                .replace("%2", q["cert_no"])
                .replace("%3", q["valid_until"])
                for q in history.qualifications
            )
            self.detail_title.setText(
                f"<b>{a['name']}</b><br>{a['uscc']} · {a['legal_rep']} · {status}<br>"
                + self.tr("Qualifications: %1").replace("%1", quals or "—")
                + "<br>"
                + self.tr("In %1 draw pools, drawn %2 times").replace("%1", str(history.draws_in_pool))
                .replace("%2", str(history.draws_won))
                + "<br>"
                + self.tr("Quarters closed: %1").replace("%1", html.escape("；".join(a["closes"])) or "—")
            )  # fmt: skip
            self.bars.set_rows(bars)
            self._fill_history(history)

        DbOp(self, load, on_done=show).start()

    def _fill_history(self, history: Any) -> None:
        rows: list[tuple[str, str, str, str, str, str]] = []
        for r in history.ratings:
            scores = " ".join(str(s) for s in r["scores"])
            state = self.tr("Set aside: %1").replace("%1", r["set_aside_reason"]) if r["set_aside"] else ""
            detail = scores + (f"  {r['comment']}" if r["comment"] else "")
            rows.append((r["rated"], r["enterprise"], self.tr("Rating"), detail, state, r["uid"]))
        from station_agencies import services

        # The history holds the services' Chinese words: back to their codes, then into the screen's language.
        status_codes = {text: code for code, text in services.COMMISSION_STATUSES.items()}
        cat = services.catalogue(self.ctx.data_dir)
        for c in history.commissions:
            service = c["service"]
            known = next((s.code for s in cat.services.values() if s.name == service), None)
            service = names.service(known, service) if known else service
            code = status_codes.get(c["status"])
            status = names.commission_status(code) if code else c["status"]
            rows.append((c["created"], c["enterprise"], self.tr("Commission"), f"{service} {c['number']}",
                         status, ""))  # fmt: skip
        rows.sort(key=lambda r: r[0], reverse=True)
        self.history.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, value in enumerate(row[:5]):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row[5])
                self.history.setItem(i, j, item)

    def set_aside_selected(self) -> None:
        from station_agencies import services

        item = self.history.item(self.history.currentRow(), 0) if self.history.currentRow() >= 0 else None
        rating_uid = item.data(Qt.ItemDataRole.UserRole) if item else ""
        if not rating_uid:
            QMessageBox.information(self, self.tr("Set aside"), self.tr("Select a rating in the history first."))
            return
        row = self.history.currentRow()
        enterprise, rated = (item.text() if (item := self.history.item(row, c)) else "" for c in (1, 0))
        reason = ask_reason(
            self,
            self.tr("Set aside"),
            self.tr("Set aside the rating %1 gave %2 on %3 as abusive? It will no longer count towards the stars.")
            .replace("%1", enterprise)
            .replace("%2", self._history.agency["name"] if self._history else "")
            .replace("%3", rated),
            self.tr("Set the rating aside"),
            label=self.tr("Why is it abusive"),
        )
        if reason is None:
            return

        def run(progress: Any) -> None:
            with self.ctx.work(self.actor) as work:
                services.set_aside(work, rating_uid, reason)

        DbOp(self, run, on_done=lambda _: self.reload()).start()

    def close_quarter(self) -> None:
        """Close the last quarter that is over (or another one typed): stars recorded, the park's rules applied."""
        from station_agencies import services, standing

        today = dt.datetime.now(SHANGHAI).date()
        last = standing.quarter_label(today.year * 4 + (today.month - 1) // 3 - 1)
        quarter, ok = QInputDialog.getText(
            self, self.tr("Close a quarter"), self.tr("Quarter to close (e.g. %1)").replace("%1", last), text=last
        )
        if not ok or not quarter.strip():
            return
        quarter = quarter.strip().upper()
        if not confirm(
            self,
            self.tr("Close a quarter"),
            self.tr(
                "Close %1? Each agency's stars for %1 are recorded and the park's rules applied: agencies at the "
                "lowest level for the quarters the rules name are suspended from draws, five-star agencies may be "
                "invited directly. This is done once per quarter."
            ).replace("%1", quarter),
            self.tr("Close %1").replace("%1", quarter),
        ):
            return
        ctx, actor = self.ctx, self.actor
        cat = services.catalogue(ctx.data_dir)

        def run(progress: Any) -> list[str]:
            with ctx.work(actor) as work:
                closed = standing.close_period(work, quarter, cat=cat)
                names = {a.uid: a.name for a in services.agencies_for(work.session)}
                return [f"{names.get(s.agency_uid, '')}：{standing.LABELS[s.consequence]}" for s in closed.standings
                        if s.consequence]  # fmt: skip

        def done(lines: list[str]) -> None:
            text = self.tr("%1 is closed.").replace("%1", quarter)
            QMessageBox.information(self, self.tr("Close a quarter"), "\n".join([text, *lines]))
            self.reload_agencies()

        DbOp(self, run, on_done=done).start()

    def register_agency(self) -> None:
        if AgencyDialog(self, self.ctx, self.actor).exec():
            self.reload()

    def _current_agency(self) -> tuple[str, str] | None:
        if self._history is None:
            QMessageBox.information(self, self.tr("Agencies"), self.tr("Select an agency first."))
            return None
        return self._history.agency["uid"], self._history.agency["name"]

    def add_qualification(self) -> None:
        current = self._current_agency()
        if current and QualificationDialog(self, self.ctx, self.actor, *current).exec():
            self.reload()

    def change_status(self) -> None:
        from station_agencies import services

        current = self._current_agency()
        if current is None:
            return
        labels = [names.status(code) for code in services.STATUSES]
        label, ok = QInputDialog.getItem(self, self.tr("Agency status"), current[1], labels, 0, False)
        if not ok:
            return
        status = list(services.STATUSES)[labels.index(label)]
        reason = ""
        if status != "active":
            asked = ask_reason(
                self,
                self.tr("Agency status"),
                self.tr("Mark %1 as %2? It can no longer be commissioned or drawn.")
                .replace("%1", current[1])
                .replace("%2", label),
                label,
                label=self.tr("Reason (kept on record)"),
            )
            if asked is None:
                return
            reason = asked

        def run(progress: Any) -> None:
            with self.ctx.work(self.actor) as work:
                services.set_status(work, current[0], status, reason)

        DbOp(self, run, on_done=lambda _: self.reload()).start()

    # -- commissions --------------------------------------------------------------------------

    def _commissions_tab(self) -> QWidget:
        from station_agencies import services

        self.commission_filter = QComboBox()
        self.commission_filter.setObjectName("commission_filter")
        self.commission_filter.addItem(self.tr("All states"), None)
        for code in services.COMMISSION_STATUSES:
            self.commission_filter.addItem(names.commission_status(code), code)
        self.commission_filter.currentIndexChanged.connect(self.reload_commissions)
        buttons = QHBoxLayout()
        buttons.addWidget(self.commission_filter)
        buttons.addStretch(1)
        can = self._can("agencies.commission")
        for name, text, slot in (
            ("new_commission", self.tr("New commission…"), self.new_commission),
            ("accept", self.tr("Agency accepts"), self.accept_selected),
            ("deliver", self.tr("Deliverables…"), self.deliver_selected),
            ("complete", self.tr("Enterprise confirms completion…"), self.complete_selected),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setEnabled(can)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        rate = QPushButton(self.tr("Rate…"))
        rate.setObjectName("rate")
        rate.setEnabled(self._can("agencies.rate"))
        rate.clicked.connect(self.rate_selected)
        buttons.addWidget(rate)
        self.commission_model = LazyTableModel(
            _translated(COMMISSION_HEADERS), self._commission_rows, self._submit, parent=self
        )
        self.commission_table = self._table(self.commission_model, "commission_table")
        size_columns(self.commission_table, (170, 220, 110, 220, 80, 110, 70))
        tab = QWidget()
        tl = QVBoxLayout(tab)
        tl.addLayout(buttons)
        tl.addWidget(self.commission_table, 1)
        return tab

    def _commission_rows(self, keys: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        from station_agencies import services

        with self.ctx.read() as session:
            return services.commission_rows(session, keys)

    def reload_commissions(self) -> None:
        from station_agencies import services

        status = self.commission_filter.currentData()

        def load(progress: Any) -> list[str]:
            with self.ctx.read() as session:
                return services.commission_uids(session, status)

        DbOp(self, load, on_done=self.commission_model.set_keys).start()

    def _selected_commission(self) -> str | None:
        index = self.commission_table.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, self.tr("Commissions"), self.tr("Select a commission first."))
            return None
        return self.commission_model.key_at(index.row())

    def _step(self, fn: Any) -> None:
        uid = self._selected_commission()
        if uid is None:
            return

        def run(progress: Any) -> None:
            with self.ctx.work(self.actor) as work:
                fn(work, uid)

        DbOp(self, run, on_done=lambda _: self.reload()).start()

    def accept_selected(self) -> None:
        from station_agencies import services

        self._step(lambda work, uid: services.accept(work, uid))

    def deliver_selected(self) -> None:
        from station_agencies import services

        if self._selected_commission() is None:
            return
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Deliverables handed in by the agency"))
        if files:
            store = services.deliverables_dir(self.ctx.data_dir)
            self._step(lambda work, uid: services.deliver(work, uid, [Path(f) for f in files], store_dir=store))

    def complete_selected(self) -> None:
        from station_agencies import services

        if self._selected_commission() is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Confirm completion"), self.tr("Name of the enterprise's representative who confirms")
        )
        if ok:
            self._step(lambda work, uid: services.complete(work, uid, name))

    def rate_selected(self) -> None:
        uid = self._selected_commission()
        if uid is None:
            return
        number = self.commission_model.data(self.commission_model.index(self.commission_table.currentIndex().row(), 0))
        if RatingDialog(self, self.ctx, self.actor, number).exec():
            self.reload()

    def new_commission(self) -> None:
        from station_agencies import services

        def load(progress: Any) -> list[tuple[str, str, list[str]]]:
            with self.ctx.read() as session:
                return [
                    (a.uid, a.name, a.service_codes()) for a in services.agencies_for(session) if a.status == "active"
                ]

        def open_dialog(agencies: list[tuple[str, str, list[str]]]) -> None:
            if CommissionDialog(self, self.ctx, self.actor, agencies).exec():
                self.reload()

        DbOp(self, load, on_done=open_dialog).start()

    # -- draws --------------------------------------------------------------------------------

    def _draws_tab(self) -> QWidget:
        draw = QPushButton(self.tr("Random draw…"))
        draw.setObjectName("new_draw")
        draw.setEnabled(self._can("agencies.draw"))
        draw.clicked.connect(self.open_draw)
        verify = QPushButton(self.tr("Re-check the selected draw"))
        verify.setObjectName("verify")
        verify.clicked.connect(self.verify_selected)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verify_result")
        self.verify_result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(draw)
        buttons.addWidget(verify)
        buttons.addWidget(self.verify_result, 1)
        self.draw_model = LazyTableModel(
            _translated(DRAW_HEADERS), self._draw_rows, self._submit, right_aligned=(3, 4), parent=self
        )
        self.draw_table = self._table(self.draw_model, "draw_table")
        size_columns(self.draw_table, (170, 110, 260, 60, 60, 150))
        open_on_enter(self.draw_table, lambda _: self.verify_selected())
        tab = QWidget()
        tl = QVBoxLayout(tab)
        tl.addLayout(buttons)
        tl.addWidget(self.draw_table, 1)
        return tab

    def _draw_rows(self, keys: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        from station.api import local_text
        from station_agencies import services

        cat = services.catalogue(self.ctx.data_dir)
        with self.ctx.read() as session:
            rows = {}
            for uid in keys:
                d = services.get_draw(session, uid)
                rows[uid] = (
                    d.number, cat.name(d.service), d.agency_name, len(json.loads(d.pool)),
                    len(json.loads(d.exclusions)), local_text(d.drawn_at), d.purpose,
                )  # fmt: skip
            return rows

    def reload_draws(self) -> None:
        from station_agencies import services

        def load(progress: Any) -> list[str]:
            with self.ctx.read() as session:
                return [d.uid for d in services.draws(session, limit=1000)]

        DbOp(self, load, on_done=self.draw_model.set_keys).start()

    def open_draw(self) -> None:
        dialog = DrawDialog(self, self.ctx, self.actor)
        dialog.exec()
        if dialog.made:
            self.reload()

    def verify_selected(self) -> None:
        from station_agencies import services

        index = self.draw_table.currentIndex()
        if not index.isValid():
            return
        uid = self.draw_model.key_at(index.row())

        def run(progress: Any) -> tuple[str, bool, tuple[str, ...], str]:
            with self.ctx.read() as session:
                row, verdict = services.verify_draw(session, uid)
                return row.number, verdict.ok, verdict.problems, row.agency_name

        def show(result: tuple[str, bool, tuple[str, ...], str]) -> None:
            number, ok, problems, name = result
            if ok:
                text = self.tr("Draw %1 re-checked: the same agency, %2.").replace("%1", number).replace("%2", name)
            else:
                text = self.tr("Draw %1 does NOT match its record: %2").replace("%1", number)
                text = text.replace("%2", " ".join(problems))
            self.verify_result.setText(text)

        DbOp(self, run, on_done=show).start()

    # -- report ---------------------------------------------------------------------------------

    def save_report(self) -> None:
        from station_agencies import report

        period = self.period.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save evaluation report"), f"中介机构星级评价-{period}.pdf", "PDF (*.pdf)"
        )
        if not path:
            return

        def run(progress: Any) -> str:
            report.write(self.ctx, period, Path(path))
            return path

        def done(saved: str) -> None:
            try:
                from station.api.ui import PdfPreview
            except ImportError:  # pragma: no cover - older shell without the preview
                return
            PdfPreview(saved, self, title=self.tr("Evaluation report")).exec()

        DbOp(self, run, on_done=done, label=self.tr("Writing the report…")).start()

    def reload(self) -> None:
        self.reload_agencies()
        self.reload_commissions()
        self.reload_draws()


def _printing_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("station.core.printing") is not None and (
        importlib.util.find_spec("station_agencies.report") is not None
    )


def _preview() -> None:  # pragma: no cover - manual preview
    import sys

    from station.api.ui import preview_page

    sys.exit(preview_page("agencies", sys.argv[1] if len(sys.argv) > 1 else None))


if __name__ == "__main__":  # pragma: no cover
    _preview()
