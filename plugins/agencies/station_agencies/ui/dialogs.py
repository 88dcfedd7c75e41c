"""Dialogs of the marketplace: the fair draw at the window, a new commission, a rating."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station.api.ui import DbOp, EnterprisePicker, FormDialog, GuardsEdits, error_label, fit_on_screen

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext


def _services_combo(ctx: StationContext) -> QComboBox:
    from station_agencies import services

    combo = QComboBox()
    for s in services.catalogue(ctx.data_dir).services.values():
        combo.addItem(f"{s.name}（{s.field}）", s.code)
    return combo


class DrawDialog(QDialog):
    """双随机 at the window: fix the pool and show its hash, then both witnesses type, then draw.

    With ``commission`` (the fields of a new commission) the draw makes the commission in the same
    transaction; otherwise it is a draw on its own (e.g. for a verifier).
    """

    def __init__(
        self, parent: QWidget | None, ctx: StationContext, actor: Any, commission: dict[str, Any] | None = None
    ):
        super().__init__(parent)
        self.ctx, self.actor, self.commission = ctx, actor, commission
        self.preview: Any = None
        self.made: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Random draw of an agency"))
        fit_on_screen(self, 640, 620)

        self.service = _services_combo(ctx)
        self.enterprise = QLineEdit()
        self.enterprise.setPlaceholderText(self.tr("Name or credit code of the commissioning enterprise"))
        EnterprisePicker(self.enterprise, ctx)
        self.purpose = QLineEdit()
        if commission:
            if self.service.findData(commission["service"]) < 0:  # a joint commission's services
                from station_agencies import services

                self.service.addItem(
                    services.catalogue(ctx.data_dir).name(commission["service"]), commission["service"]
                )
            self.service.setCurrentIndex(max(0, self.service.findData(commission["service"])))
            self.enterprise.setText(commission["enterprise"])
            self.purpose.setText(self.tr("Commission: %1").replace("%1", commission["scope"]))
            for w in (self.service, self.enterprise, self.purpose):
                w.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Service type"), self.service)
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Purpose"), self.purpose)

        self.fix_button = QPushButton(self.tr("1. Fix the candidate list"))
        self.fix_button.setObjectName("fix_pool")
        self.fix_button.clicked.connect(self.fix_pool)
        self.pool_list = QListWidget()
        self.pool_list.setObjectName("pool")
        self.hash_label = QLabel()
        self.hash_label.setObjectName("pool_hash")
        self.hash_label.setWordWrap(True)
        pool_box = QGroupBox(self.tr("Candidates and exclusions"))
        pool_layout = QVBoxLayout(pool_box)
        pool_layout.addWidget(self.pool_list)
        pool_layout.addWidget(self.hash_label)

        self.enterprise_number = QLineEdit()
        self.enterprise_number.setObjectName("enterprise_number")
        self.clerk_number = QLineEdit()
        self.clerk_number.setObjectName("clerk_number")
        for w in (self.enterprise_number, self.clerk_number):
            w.setPlaceholderText(self.tr("Any number, typed by the person themselves"))
            w.setEnabled(False)
        # Keyboard: Enter fixes the list, moves from the first witness to the second, and draws.
        self.enterprise.returnPressed.connect(lambda: self.fix_pool() if self.fix_button.isEnabled() else None)
        self.enterprise_number.returnPressed.connect(lambda: self.clerk_number.setFocus())
        self.clerk_number.returnPressed.connect(self._draw_on_enter)
        witness = QFormLayout()
        witness.addRow(self.tr("2. Number typed by the enterprise's representative"), self.enterprise_number)
        witness.addRow(self.tr("Number typed by the clerk"), self.clerk_number)

        self.draw_button = QPushButton(self.tr("3. Draw"))
        self.draw_button.setObjectName("draw")
        self.draw_button.setEnabled(False)
        self.draw_button.clicked.connect(self.draw)
        self.outcome = QLabel()
        self.outcome.setObjectName("outcome")
        self.outcome.setWordWrap(True)
        self.error = error_label("error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fix_button)
        layout.addWidget(pool_box, 1)
        layout.addLayout(witness)
        layout.addWidget(self.draw_button)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _draw_on_enter(self) -> None:
        if self.draw_button.isEnabled():
            self.draw()

    def fix_pool(self) -> None:
        from station_agencies import services

        service, code = self.service.currentData(), self.enterprise.text().strip()
        self.error.hide()

        def load(progress: Any) -> Any:
            with self.ctx.read() as session:
                uid = services.enterprise_by(session, code).uid if code else ""
                return services.preview_pool(session, service, uid)

        def show(preview: Any) -> None:
            self.preview = preview
            self.pool_list.clear()
            for p in preview.pool:
                self.pool_list.addItem(self.tr("Candidate: %1 (certificate %2, valid until %3)")
                                       .replace("%1", p["name"]).replace("%2", p["cert_no"])
                                       .replace("%3", p["valid_until"]))  # fmt: skip
            for e in preview.exclusions:
                self.pool_list.addItem(self.tr("Excluded: %1 — %2").replace("%1", e["name"]).replace("%2", e["reason"]))
            self.hash_label.setText(
                self.tr("%1 candidates. List hash (show it before anyone types): %2")
                .replace("%1", str(len(preview.pool)))
                .replace("%2", preview.pool_hash)
            )
            ready = bool(preview.pool)
            for widget in (self.enterprise_number, self.clerk_number, self.draw_button):
                widget.setEnabled(ready)
            if ready:
                self.enterprise_number.setFocus()
            self.fix_button.setEnabled(False)
            for w in (self.service, self.enterprise, self.purpose):
                w.setEnabled(False)

        DbOp(self, load, on_done=show, on_error=self._show_error).start()

    def draw(self) -> None:
        from station_agencies import services

        self.error.hide()
        preview = self.preview
        witnesses = [("enterprise", self.enterprise_number.text()), ("clerk", self.clerk_number.text())]
        purpose, commission = self.purpose.text(), self.commission
        station = self.ctx.settings.station_code

        def run(progress: Any) -> dict[str, Any]:
            with self.ctx.work(self.actor) as work:
                if commission:
                    c = services.create_commission(
                        work, commission["enterprise"], preview.service, scope=commission["scope"],
                        budget_fen=commission["budget_fen"], deadline=commission["deadline"], witnesses=witnesses,
                        expected_pool_hash=preview.pool_hash, pool_fixed_at=preview.fixed_at, station_code=station,
                    )  # fmt: skip
                    row = services.get_draw(work.session, c.draw_uid or "")
                    extra = {"commission": c.number}
                    draws = list(dict.fromkeys(p.draw_uid for p in services.commission_parts(work.session, c.uid)))
                    if len(draws) > 1:  # a joint commission drawn per service: name each service's agency
                        cat = services.catalogue(self.ctx.data_dir)
                        rows = [services.get_draw(work.session, uid or "") for uid in draws]
                        each = "；".join(f"{cat.name(r.service)}：{r.agency_name}" for r in rows)
                        return {"number": "、".join(r.number for r in rows), "seed": row.seed, "agency": each, **extra}
                else:
                    e = self.enterprise.text().strip()
                    uid = services.enterprise_by(work.session, e).uid if e else ""
                    row = services.draw(
                        work, preview.service, witnesses, purpose=purpose, enterprise_uid=uid,
                        expected_pool_hash=preview.pool_hash, pool_fixed_at=preview.fixed_at, station_code=station,
                    )  # fmt: skip
                    extra = {}
                return {"number": row.number, "agency": row.agency_name, "seed": row.seed, **extra}

        def done(result: dict[str, Any]) -> None:
            self.made = result
            self.error.hide()  # an earlier attempt's error no longer applies
            text = self.tr("Draw %1: %2 is drawn. Seed %3.").replace("%1", result["number"])
            text = text.replace("%2", result["agency"]).replace("%3", result["seed"][:16] + "…")
            if "commission" in result:
                text += " " + self.tr("Commission %1 registered.").replace("%1", result["commission"])
            self.outcome.setText(text)
            for w in (self.enterprise_number, self.clerk_number, self.draw_button):
                w.setEnabled(False)

        DbOp(self, run, on_done=done, on_error=self._show_error).start()

    def _show_error(self, exc: BaseException) -> None:
        self.error.setText(str(exc))
        self.error.show()


class CommissionDialog(GuardsEdits, FormDialog):
    """A new commission: enterprise, service, scope, budget, deadline; an agency chosen directly or by draw."""

    def __init__(
        self, parent: QWidget | None, ctx: StationContext, actor: Any, agencies: list[tuple[str, str, list[str]]]
    ):
        super().__init__(parent, error_name="error")
        self.ctx, self.actor, self.agencies = ctx, actor, agencies
        self.made: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("New commission"))
        self.enterprise = QLineEdit()
        self.enterprise.setObjectName("enterprise")
        self.enterprise.setPlaceholderText(self.tr("Name or credit code of the commissioning enterprise"))
        EnterprisePicker(self.enterprise, ctx)
        self.service = _services_combo(ctx)
        self.service.setObjectName("service")
        # A joint commission (一次委托、一个报告): the other services it names, ticked here
        self.also = QListWidget()
        self.also.setObjectName("also")
        self.also.setMaximumHeight(96)
        for i in range(self.service.count()):
            item = QListWidgetItem(self.service.itemText(i))
            item.setData(Qt.ItemDataRole.UserRole, self.service.itemData(i))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.also.addItem(item)
        self.also.itemChanged.connect(lambda _item: self._fill_agencies())
        self.scope = QLineEdit()
        self.scope.setObjectName("scope")
        self.budget = QLineEdit()
        self.budget.setPlaceholderText(self.tr("Yuan, e.g. 35000"))
        self.deadline = QDateEdit(QDate.currentDate().addDays(30))
        self.deadline.setCalendarPopup(True)
        self.by_draw = QRadioButton(self.tr("Random draw (witnessed at the window)"))
        self.direct = QRadioButton(self.tr("Chosen directly by the enterprise"))
        self.by_draw.setChecked(True)
        self.agency = QComboBox()
        self.agency.setObjectName("agency")
        self.agency.setEnabled(False)
        self.direct.toggled.connect(self.agency.setEnabled)
        # The park's star rule: a five-star agency may be invited directly for a small commission
        self.invite = QCheckBox(self.tr("Invited under the park's star rule (small commission)"))
        self.invite.setObjectName("invite")
        self.invite.setEnabled(False)
        self.direct.toggled.connect(self.invite.setEnabled)
        self.service.currentIndexChanged.connect(self._fill_agencies)
        self._fill_agencies()
        choice = QHBoxLayout()
        choice.addWidget(self.by_draw)
        choice.addWidget(self.direct)
        form = self.form
        form.addRow(self.tr("Enterprise"), self.enterprise)
        form.addRow(self.tr("Service type"), self.service)
        form.addRow(self.tr("Also, in one commission"), self.also)
        form.addRow(self.tr("Scope of the service"), self.scope)
        form.addRow(self.tr("Budget"), self.budget)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(self.tr("Selection"), choice)
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow("", self.invite)
        self.mark_clean()  # Esc after typing asks before the edits are lost

    def codes(self) -> list[str]:
        """The service chosen first, then the others ticked (a joint commission when more than one)."""
        main = self.service.currentData()
        ticked = [
            self.also.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.also.count())
            if self.also.item(i).checkState() == Qt.CheckState.Checked
        ]
        return [main, *(c for c in ticked if c != main)]

    def _fill_agencies(self) -> None:
        self.agency.clear()
        wanted = set(self.codes())
        for uid, name, codes in self.agencies:
            if wanted <= set(codes):  # chosen directly, one agency does every service
                self.agency.addItem(name, uid)

    def fields(self) -> dict[str, Any]:
        text = self.budget.text().strip().replace(",", "")
        try:
            budget = int((Decimal(text) * 100).to_integral_value()) if text else None
        except InvalidOperation:
            budget = -1
        d = self.deadline.date()
        return {
            "enterprise": self.enterprise.text().strip(),
            "service": "+".join(self.codes()),
            "scope": self.scope.text().strip(),
            "budget_fen": budget,
            "deadline": dt.date(d.year(), d.month(), d.day()),
        }

    def save(self) -> None:
        from station_agencies import services

        fields = self.fields()
        if fields["budget_fen"] == -1:
            self.refuse(self.tr("The budget is not an amount: write it like 35000 or 35000.50."))
            return
        if self.by_draw.isChecked():
            draw = DrawDialog(self, self.ctx, self.actor, commission=fields)
            draw.exec()
            if draw.made:
                self.made = draw.made
                self.accept()
            return
        agency = self.agency.currentData()
        invite, cat = self.invite.isChecked(), services.catalogue(self.ctx.data_dir)

        def run(progress: Any) -> dict[str, Any]:
            with self.ctx.work(self.actor) as work:
                c = services.create_commission(
                    work, fields["enterprise"], fields["service"], scope=fields["scope"],
                    budget_fen=fields["budget_fen"], deadline=fields["deadline"], agency_uid=agency,
                    station_code=self.ctx.settings.station_code, invite=invite, cat=cat,
                )  # fmt: skip
                return {"commission": c.number}

        def done(result: dict[str, Any]) -> None:
            self.made = result
            self.error.hide()  # an earlier attempt's error no longer applies
            self.accept()

        self.save_with(run, done)


class RatingDialog(GuardsEdits, FormDialog):
    """The commissioning enterprise's rating, recorded by the clerk; the representative is named."""

    def __init__(self, parent: QWidget | None, ctx: StationContext, actor: Any, number: str, enterprise_uscc: str = ""):
        super().__init__(parent, error_name="error")
        from station_agencies import services

        self.ctx, self.actor, self.number = ctx, actor, number
        self.setWindowTitle(self.tr("Rate commission %1").replace("%1", number))
        self.enterprise = QLineEdit(enterprise_uscc)
        self.enterprise.setObjectName("enterprise")
        self.representative = QLineEdit()
        self.representative.setObjectName("representative")
        form = self.form
        note = QLabel(self.tr("Only the commissioning enterprise rates, once per completed commission."))
        self.body.insertWidget(0, note)
        form.addRow(self.tr("Enterprise (credit code)"), self.enterprise)
        form.addRow(self.tr("Enterprise's representative"), self.representative)
        # A joint commission several agencies did: each is rated on its own, once
        self.agency = QComboBox()
        self.agency.setObjectName("agency")
        with ctx.read() as session:
            c = services.get_commission(session, number)
            cat = services.catalogue(ctx.data_dir)
            for uid, codes in services.commission_agencies(session, c).items():
                name = services.get_agency(session, uid).name if uid else ""
                self.agency.addItem(f"{name}（{cat.name('+'.join(codes))}）", uid)
        if self.agency.count() > 1:
            form.addRow(self.tr("Agency rated"), self.agency)
        self.scores: dict[str, QSpinBox] = {}
        for code, name in services.catalogue(ctx.data_dir).dimensions.items():
            spin = QSpinBox()
            spin.setRange(1, 5)
            spin.setValue(5)
            spin.setSuffix(self.tr(" points"))
            spin.setObjectName(code)
            self.scores[code] = spin
            form.addRow(name, spin)
        self.comment = QPlainTextEdit()
        self.comment.setMaximumHeight(70)
        form.addRow(self.tr("Comment"), self.comment)
        self.mark_clean()  # Esc after typing asks before the edits are lost

    def save(self) -> None:
        from station_agencies import services

        values: dict[str, Any] = {
            "enterprise_uscc": self.enterprise.text(),
            "representative": self.representative.text(),
            "scores": {k: s.value() for k, s in self.scores.items()},
            "comment": self.comment.toPlainText(),
            "agency": self.agency.currentData() if self.agency.count() > 1 else None,
        }

        def run(progress: Any) -> None:
            with self.ctx.work(self.actor) as work:
                services.rate(work, self.number, **values)

        self.save_with(run)


class AgencyDialog(GuardsEdits, FormDialog):
    """Register an agency: name, credit code, legal representative, service types, related parties, contact."""

    def __init__(self, parent: QWidget | None, ctx: StationContext, actor: Any):
        super().__init__(parent, error_name="error")
        from PySide6.QtWidgets import QCheckBox, QGridLayout

        from station_agencies import services

        self.ctx, self.actor = ctx, actor
        self.made: str | None = None
        self.setWindowTitle(self.tr("Register an agency"))
        self.fields: dict[str, QLineEdit] = {}
        form = self.form
        for key, label in (
            ("name", self.tr("Agency name")),
            ("uscc", self.tr("Credit code")),
            ("legal_rep", self.tr("Legal representative")),
            ("related_uscc", self.tr("Related parties (credit codes, comma-separated)")),
            ("contact_person", self.tr("Contact person")),
            ("contact_phone", self.tr("Contact phone")),
        ):
            edit = QLineEdit()
            edit.setObjectName(key)
            self.fields[key] = edit
            form.addRow(label, edit)
        grid = QGridLayout()
        self.services: dict[str, QCheckBox] = {}
        for i, s in enumerate(services.catalogue(ctx.data_dir).services.values()):
            box = QCheckBox(s.name)
            box.setObjectName(f"service_{s.code}")
            self.services[s.code] = box
            grid.addWidget(box, i // 3, i % 3)
        form.addRow(self.tr("Service types"), grid)
        self.mark_clean()  # Esc after typing asks before the edits are lost

    def save(self) -> None:
        from station_agencies import services

        raw: dict[str, Any] = {k: e.text() for k, e in self.fields.items()}
        raw["services"] = [code for code, box in self.services.items() if box.isChecked()]

        def run(progress: Any) -> str:
            with self.ctx.work(self.actor) as work:
                return services.create_agency(work, raw).uid

        def done(uid: str) -> None:
            self.made = uid
            self.accept()

        self.save_with(run, done)


class QualificationDialog(GuardsEdits, FormDialog):
    """Record a qualification certificate of an agency for one service type."""

    def __init__(self, parent: QWidget | None, ctx: StationContext, actor: Any, agency_uid: str, agency_name: str):
        super().__init__(parent, error_name="error")
        self.ctx, self.actor, self.agency_uid = ctx, actor, agency_uid
        self.setWindowTitle(self.tr("Qualification of %1").replace("%1", agency_name))
        self.service = _services_combo(ctx)
        self.cert_no = QLineEdit()
        self.cert_no.setObjectName("cert_no")
        self.issuer = QLineEdit()
        self.valid_until = QDateEdit(QDate.currentDate().addYears(3))
        self.valid_until.setCalendarPopup(True)
        self.add_row(self.tr("Service type"), self.service)
        self.add_row(self.tr("Certificate number"), self.cert_no)
        self.add_row(self.tr("Issued by"), self.issuer)
        self.add_row(self.tr("Valid until"), self.valid_until)
        self.mark_clean()  # Esc after typing asks before the edits are lost

    def save(self) -> None:
        from station_agencies import services

        d = self.valid_until.date()
        until = dt.date(d.year(), d.month(), d.day())
        service, cert, issuer = self.service.currentData(), self.cert_no.text(), self.issuer.text()

        def run(progress: Any) -> None:
            with self.ctx.work(self.actor) as work:
                services.add_qualification(work, self.agency_uid, service, cert, until, issuer)

        self.save_with(run)
