"""Closing a quarter from the agencies page: asked, confirmed (Cancel by default), then shown in the list
(暂停, 可直接邀请) and in the agency's record (季度结算)."""

from __future__ import annotations

import types

import pytest
import station_agencies
from agencies_market import Market
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton
from station_agencies.models import Standing
from station_agencies.ui.page import AgenciesPage

from helpers import in_next_modal
from station.shell import i18n
from station.shell.app import install_font


@pytest.fixture
def page(qtbot, qapp, park: Market, admin, monkeypatch):
    install_font(qapp)
    i18n.install_plugins(qapp, "zh_CN", [station_agencies])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2026q3", True))
    widget = AgenciesPage(types.SimpleNamespace(ctx=park.ctx, actor=admin))
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.period.setCurrentIndex(widget.period.findData("2026Q3"))
    qtbot.waitUntil(lambda: widget.agency_model.rowCount() == 8, timeout=10_000)
    return widget


def status_of(page, uid: str) -> str:
    model = page.agency_model
    row = [model.key_at(r) for r in range(model.rowCount())].index(uid)
    return model.data(model.index(row, 5))


def test_a_supervisor_closes_a_quarter_from_the_page(qtbot, page, park: Market, monkeypatch, tmp_path) -> None:
    button = page.findChild(QPushButton, "close_period")
    assert button.isVisible() and button.text() == "季度星级结算…"
    seen: list = []
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # Enter answers Cancel
    button.click()
    assert "2026Q3" in seen[0].text() and "暂停参与随机抽取" in seen[0].text()
    with park.ctx.read() as session:
        assert session.query(Standing).count() == 0
    told: list = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    in_next_modal(qtbot, lambda box: box.findChild(QPushButton, "confirm_act").click(), seen)
    button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told[0].startswith("2026Q3 星级已结算") and "暂停参与抽取" in told[0] and "可直接邀请" in told[0]
    qtbot.waitUntil(lambda: status_of(page, park.agencies["valid2"]) == "正常，可直接邀请", timeout=10_000)
    qtbot.waitUntil(lambda: "季度结算：2026Q3" in page.detail_title.text(), timeout=10_000)
    assert status_of(page, park.agencies["valid1"]) == "暂停"
    assert "2026Q3 ★★★★★ 可直接邀请" in page.detail_title.text()  # the first row, selected after the reload
    page.show_agency(park.agencies["valid1"])
    qtbot.waitUntil(lambda: "2026Q3 ★☆☆☆☆ 暂停参与抽取" in page.detail_title.text(), timeout=10_000)
    assert "玉门恒信" in page.detail_title.text()
    page.grab().save(str(tmp_path / "agencies_closed.png"))


def test_a_clerk_has_no_close_button(qtbot, park: Market, clerk) -> None:
    widget = AgenciesPage(types.SimpleNamespace(ctx=park.ctx, actor=clerk))
    qtbot.addWidget(widget)
    assert not widget.findChild(QPushButton, "close_period").isVisibleTo(widget)


def test_a_five_star_agency_is_invited_from_the_commission_form(qtbot, page, park: Market, admin) -> None:
    from station_agencies import services, standing
    from station_agencies.catalogue import load
    from station_agencies.models import Commission
    from station_agencies.ui.dialogs import CommissionDialog

    with park.ctx.work(admin) as work:
        standing.close_period(work, "2026Q3", cat=load(park.ctx.data_dir))
        agencies = [(a.uid, a.name, a.service_codes()) for a in services.agencies_for(work.session)]
    form = CommissionDialog(None, park.ctx, admin, agencies)
    qtbot.addWidget(form)
    form.enterprise.setText(park.enterprise_uscc)
    form.scope.setText("小额结算审核")
    form.direct.setChecked(True)
    assert form.invite.isEnabled()
    form.agency.setCurrentIndex(form.agency.findData(park.agencies["valid2"]))
    form.invite.setChecked(True)
    form.budget.setText("60000")
    form.submit()
    qtbot.waitUntil(lambda: form.error.isVisibleTo(form), timeout=10_000)
    assert "预算低于 50,000.00 元" in form.error.text()
    form.budget.setText("30000")
    form.submit()
    qtbot.waitUntil(lambda: form.made is not None, timeout=10_000)
    with park.ctx.read() as session:
        assert session.query(Commission).filter_by(selection="invite").count() == 1
