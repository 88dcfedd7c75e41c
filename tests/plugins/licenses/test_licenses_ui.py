"""The licences page and the verification page, offscreen, over a station with a certified key."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from licenses_helpers import LONG_NAME
from station_licenses import services
from station_licenses.services import PermitInput

from station.core import station_key

pytest.importorskip("PySide6")


@pytest.fixture
def shell(station, admin):
    ctx, uscc = station
    return types.SimpleNamespace(ctx=ctx, actor=admin), uscc


def _issue(ctx, actor, uscc, permit="JY14101000123456"):
    signer = station_key.require_certified(ctx.data_dir)
    with ctx.work(actor) as work:
        lic = services.issue(work, signer, uscc, [PermitInput("SPJY", permit, dt.date(2031, 6, 30))])
        return lic.number, lic.payload


def test_licences_page_lists_lazily_and_passes_the_model_tester(qtbot, qtmodeltester, shell):
    from station_licenses.ui.page import LicensesPage

    sh, uscc = shell
    number, _ = _issue(sh.ctx, sh.actor, uscc)
    page = LicensesPage(sh)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 0)) == number, timeout=10_000)
    assert page.model.data(page.model.index(0, 1)) == LONG_NAME
    assert "ST01" in page.key_status.text()
    qtmodeltester.check(page.model)


def test_verify_page_takes_a_scanners_text_and_enter(qtbot, shell):
    from PySide6.QtCore import Qt
    from station_licenses.ui.verify_page import VerifyPage

    sh, uscc = shell
    _, payload = _issue(sh.ctx, sh.actor, uscc)
    page = VerifyPage(sh)
    qtbot.addWidget(page)
    page.now = lambda: dt.datetime(2026, 11, 24, tzinfo=dt.UTC)  # the day after the lists came
    qtbot.keyClicks(page.scan, payload)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last is not None, timeout=10_000)
    assert page.last.verdict == "valid"
    assert page.permits.rowCount() == 1 and page.permits.item(0, 0).text() == "食品经营许可证"
    assert page.scan.text() == ""  # ready for the next licence
    assert "2026-11-23" in page.lists.text()
    qtbot.keyClicks(page.scan, payload[:-3] + ("A" if payload[-3] != "A" else "B") + payload[-2:])
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last.verdict != "valid", timeout=10_000)


def test_batch_print_writes_one_pdf_with_progress(qtbot, shell):
    from station_licenses.ui.page import LicensesPage

    from station.core import printing

    sh, uscc = shell
    first, _ = _issue(sh.ctx, sh.actor, uscc)
    from licenses_helpers import add_enterprise

    other = add_enterprise(sh.ctx, sh.actor, seed=8, name="郑州鲜丰餐饮管理有限公司")
    second, _ = _issue(sh.ctx, sh.actor, other, permit="JY14101730000008")
    page = LicensesPage(sh)
    qtbot.addWidget(page)
    seen = []
    pdf = page._write_pdf([first, second], lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    assert len(printing.page_sizes(pdf)) == 4  # each licence and its one permit certificate


def test_permits_dialog_renews_with_a_reason(qtbot, shell, monkeypatch):
    from station_licenses.ui import permits_dialog

    from station.core import enterprises

    sh, uscc = shell
    _issue(sh.ctx, sh.actor, uscc)
    with sh.ctx.read() as session:
        uid = enterprises.by_uscc(session, uscc).uid
    dialog = permits_dialog.PermitsDialog(None, sh.ctx, sh.actor, uid, "测试企业")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10_000)
    dialog.table.selectRow(0)

    def answer(self):
        assert "测试企业" in self.sentence.text() and "JY14101000123456" in self.sentence.text()
        self.reason.setText("延续换证")
        return permits_dialog.QDialog.DialogCode.Accepted

    monkeypatch.setattr(permits_dialog.PermitReasonDialog, "exec", answer)
    dialog.renew()
    qtbot.waitUntil(lambda: dialog.rows and dialog.rows[0].expires_on > dt.date(2031, 6, 30), timeout=10_000)
    assert dialog.table.item(0, 2).text() == "2036-06-30"


def test_revoking_by_keyboard_names_the_licence_and_refuses_an_empty_reason(qtbot, shell):
    from PySide6.QtCore import Qt
    from station_licenses.ui.page import LicensesPage

    from helpers import in_next_modal

    sh, uscc = shell
    number, _ = _issue(sh.ctx, sh.actor, uscc)
    page = LicensesPage(sh)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.row_values(0) is not None if page.model.rowCount() else False, timeout=10_000)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 0
    seen: list = []

    def answer(box) -> None:
        qtbot.keyClick(box.reason, Qt.Key.Key_Return)  # empty: refused in place, the box stays
        assert box.isVisible() and box.error.isVisible()
        qtbot.keyClicks(box.reason, "forged")
        qtbot.keyClick(box.reason, Qt.Key.Key_Return)

    in_next_modal(qtbot, answer, seen)
    page.revoke()
    assert number in seen[0].sentence.text() and LONG_NAME in seen[0].sentence.text()
    assert seen[0].width() >= 520

    def status() -> str:
        with sh.ctx.read() as session:
            return services.by_number(session, number).status

    qtbot.waitUntil(lambda: status() == "revoked", timeout=10_000)


def test_the_issue_dialog_tabs_through_each_permit_row_before_the_buttons(qtbot, shell):
    from station_licenses.ui.issue_dialog import IssueDialog

    from helpers import out_of_visual_order, tab_chain

    dialog = IssueDialog(None)
    qtbot.addWidget(dialog)
    dialog.add_permit_row()
    dialog.show()
    chain = tab_chain(dialog)
    rows = [w for row in dialog.rows for w in row]
    assert chain[: 1 + len(rows)] == [dialog.uscc, *rows]
    assert out_of_visual_order(dialog) == []


def test_the_verdict_says_when_the_revocation_list_is_old(qtbot, shell):
    from PySide6.QtCore import Qt
    from station_licenses.ui.verify_page import VerifyPage

    sh, uscc = shell
    _, payload = _issue(sh.ctx, sh.actor, uscc)
    page = VerifyPage(sh)
    qtbot.addWidget(page)
    page.now = lambda: dt.datetime(2027, 1, 10, tzinfo=dt.UTC)  # weeks after the list was received
    qtbot.keyClicks(page.scan, payload)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last is not None, timeout=10_000)
    shown = page.verdict.text()  # this test installs no translation: either language
    assert page.last.verdict == "valid" and shown in (
        "签名真实，但未能核对是否已吊销",
        "Genuine, but revocation not checked",
    )
    assert "2026-11-23" in page.message.text() and "#8a5a00" in page.verdict.styleSheet()
