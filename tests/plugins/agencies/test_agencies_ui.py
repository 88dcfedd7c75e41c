"""The marketplace page as a clerk sees it (offscreen): lists, an agency's history, the witnessed draw."""

from __future__ import annotations

import types

import pytest
import station_agencies
from agencies_market import NOW, completed_commission
from PySide6.QtWidgets import QApplication, QMessageBox
from station_agencies.stars import DIMENSIONS
from station_agencies.ui.dialogs import DrawDialog, RatingDialog
from station_agencies.ui.page import AgenciesPage, recent_periods

from station.shell import i18n
from station.shell.app import install_font


@pytest.fixture(autouse=True)
def chinese(qapp, monkeypatch):
    install_font(qapp)
    i18n.install_plugins(qapp, "zh_CN", [station_agencies])
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: None)


@pytest.fixture
def page(qtbot, market, clerk, admin):
    for label in ("valid1", "valid1", "valid1", "valid2"):
        number = completed_commission(market, clerk, label)
        with market.ctx.work(clerk) as work:
            from station_agencies import services

            services.rate(
                work, number, enterprise_uscc=market.enterprise_uscc, representative="王经理",
                scores=dict.fromkeys(DIMENSIONS, 5), now=NOW,
            )  # fmt: skip
    shell = types.SimpleNamespace(ctx=market.ctx, actor=admin)
    widget = AgenciesPage(shell)
    qtbot.addWidget(widget)
    widget.period.setCurrentIndex(widget.period.findData("2026Q3"))
    qtbot.waitUntil(lambda: widget.agency_model.rowCount() == 8, timeout=10_000)
    return widget


def test_agencies_ranked_with_stars_and_history(qtbot, qtmodeltester, page, market) -> None:
    qtmodeltester.check(page.agency_model)
    model = page.agency_model
    assert model.key_at(0) == market.agencies["valid1"]  # three five-star ratings lead
    assert model.data(model.index(0, 2)).startswith("★") and model.data(model.index(0, 4)) == "3"
    assert model.data(model.index(1, 2)) == "评价不足"  # one rating: below the minimum
    qtbot.waitUntil(lambda: page.history.rowCount() == 6, timeout=10_000)  # 3 commissions + 3 ratings
    assert "玉门恒信" in page.detail_title.text() and page.bars._rows[0][0] == "服务质量"
    qtbot.waitUntil(lambda: page.commission_model.rowCount() == 4, timeout=10_000)
    qtmodeltester.check(page.commission_model)
    qtbot.waitUntil(lambda: page.commission_model.data(page.commission_model.index(0, 6)) == "已评价", timeout=10_000)
    assert page.tabs.tabText(0) == "机构与星级"


def test_the_witnessed_draw_dialog(qtbot, qtmodeltester, page, market, admin) -> None:
    dialog = DrawDialog(page, market.ctx, admin)
    qtbot.addWidget(dialog)
    dialog.enterprise.setText(market.enterprise_uscc)
    assert not dialog.draw_button.isEnabled()  # no numbers before the pool is fixed
    dialog.fix_pool()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    assert dialog.pool_list.count() == 8 and dialog.preview.pool_hash in dialog.hash_label.text()
    dialog.enterprise_number.setText("3817")
    dialog.clerk_number.setText("9025")
    dialog.draw()
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=10_000)
    assert dialog.made["agency"] in dialog.outcome.text()
    page.reload_draws()
    qtbot.waitUntil(lambda: page.draw_model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.draw_model.data(page.draw_model.index(0, 0)).startswith("CQ-"), timeout=10_000)
    qtmodeltester.check(page.draw_model)
    page.draw_table.selectRow(0)
    page.verify_selected()
    qtbot.waitUntil(lambda: "复核一致" in page.verify_result.text(), timeout=10_000)


def test_rating_dialog_refuses_another_enterprise(qtbot, market, clerk) -> None:
    number = completed_commission(market, clerk)
    dialog = RatingDialog(None, market.ctx, clerk, number, market.other_uscc)
    qtbot.addWidget(dialog)
    dialog.representative.setText("王经理")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "只有委托企业" in dialog.error.text()
    dialog.enterprise.setText(market.enterprise_uscc)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()


def test_periods_offered_are_the_last_four_quarters_and_two_years() -> None:
    import datetime as dt

    assert recent_periods(dt.date(2026, 2, 1)) == ["2025Q4", "2025Q3", "2025Q2", "2025Q1", "2026", "2025"]
    assert QApplication.instance() is not None


def test_a_supervisor_registers_an_agency_and_its_certificate(qtbot, market, supervisor) -> None:
    from station_agencies import services
    from station_agencies.ui.dialogs import AgencyDialog, QualificationDialog

    from helpers import valid_code

    dialog = AgencyDialog(None, market.ctx, supervisor)
    qtbot.addWidget(dialog)
    dialog.fields["name"].setText("酒泉立信资产评估事务所有限公司")
    dialog.fields["uscc"].setText(valid_code(300, "620902"))
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "服务类型" in dialog.error.text()  # no service type ticked
    dialog.services["appraisal"].setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    cert = QualificationDialog(None, market.ctx, supervisor, dialog.made, "酒泉立信")
    qtbot.addWidget(cert)
    cert.service.setCurrentIndex(cert.service.findData("appraisal"))
    cert.cert_no.setText("APPR-2026-001")
    with qtbot.waitSignal(cert.accepted, timeout=10_000):
        cert.submit()
    with market.ctx.read() as session:
        quals = services.qualifications(session, dialog.made)
    assert [(q.service, q.cert_no) for q in quals] == [("appraisal", "APPR-2026-001")]


def test_the_page_is_registered_for_everyone_who_may_view_the_marketplace(ctx, clerk) -> None:
    from station.contributions import Page

    page = next(p for p in ctx.host.collect("register_pages", Page) if p.key == "agencies")
    assert page.plugin == "agencies" and page.permission == "agencies.view" and clerk.can(page.permission)
    assert not ctx.permissions.actor("guest", "guest").can(page.permission)


def test_the_draw_by_keyboard_picks_the_enterprise_and_clears_an_old_error(qtbot, page, market, admin) -> None:
    from PySide6.QtCore import Qt

    dialog = DrawDialog(page, market.ctx, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.enterprise.setFocus()
    qtbot.keyClicks(dialog.enterprise, market.enterprise_uscc[:8])  # part of the code, as a clerk remembers it
    popup = dialog.enterprise.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=10_000)
    assert market.enterprise_uscc in popup.model().index(0, 0).data()  # the name with its code
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.enterprise.text() == market.enterprise_uscc
    qtbot.keyClick(dialog.enterprise, Qt.Key.Key_Return)  # Enter fixes the candidate list
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10_000)
    qtbot.keyClick(dialog.clerk_number, Qt.Key.Key_Return)  # nobody typed a number yet: refused
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    qtbot.keyClicks(dialog.enterprise_number, "3817")
    qtbot.keyClick(dialog.enterprise_number, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.clerk_number
    qtbot.keyClicks(dialog.clerk_number, "9025")
    qtbot.keyClick(dialog.clerk_number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.made is not None, timeout=10_000)
    assert dialog.error.isHidden() and dialog.made["agency"] in dialog.outcome.text()
