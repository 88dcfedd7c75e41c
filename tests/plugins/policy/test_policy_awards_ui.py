"""一事一议 on the policy page offscreen: a supervisor records a decision through the form and the confirm
box, the award opens with its history, 公示, and 兑付 only after a confirm whose default is Cancel."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from policy_helpers import make_firm
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from station_policy import awards
from station_policy.models import Award, Payout

from helpers import in_next_modal

DAY = dt.date(2026, 3, 2)
DECISION = "株高新管〔2026〕18号"


@pytest.fixture
def page(qtbot, loaded, admin):
    import station_policy
    from PySide6.QtWidgets import QApplication
    from station_policy.ui.page import PolicyPage

    from station.shell import i18n

    i18n.install_plugins(QApplication.instance(), "zh_CN", [station_policy])
    make_firm(loaded, admin, 1)
    shell = types.SimpleNamespace(ctx=loaded, actor=admin)
    widget = PolicyPage(shell, today=DAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.tabs.setCurrentIndex(3)
    return widget


def press(qtbot, button) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def fill(qtbot, box, **values) -> None:
    for name, text in values.items():
        field = getattr(box, name)
        if hasattr(field, "setPlainText"):
            field.setPlainText(text)
        else:
            field.setText(text)


def test_a_supervisor_records_an_award_in_the_app_and_pays_it_after_a_confirm(
    page, qtbot, loaded, tmp_path, monkeypatch
) -> None:
    from station_policy.ui.award_dialog import AwardDialog, NewAwardDialog

    assert page.tabs.tabText(3) == "一事一议奖补" and page.new_award_button.isVisible()
    opened: list = []
    monkeypatch.setattr(type(page), "open_award", lambda self, n: opened.append(n))
    seen: list = []

    def form(box) -> None:
        box.submit()  # empty: refused under the field, the box stays open
        assert "企业" in box.error.text() and box.isVisible()
        fill(qtbot, box, enterprise="株洲测试1号科技有限公司", decision=DECISION, amount="NaN",
             department="高新区管委会", reason="引进重大项目", attachments="会议纪要\n投资协议\n")  # fmt: skip
        box.submit()
        assert "不是以元为单位" in box.error.text()
        box.amount.setText("350000.50")
        box.grab().save(str(tmp_path / "new_award.png"))
        # The confirm that follows names the enterprise, the decision and the amount
        in_next_modal(
            qtbot,
            lambda confirm: seen.append(confirm.text()) or press(qtbot, confirm.findChild(QPushButton, "confirm_act")),
            kind=QMessageBox,
        )
        box.submit()

    in_next_modal(qtbot, form, kind=NewAwardDialog)
    press(qtbot, page.new_award_button)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert DECISION in seen[0] and "350,000.50 元" in seen[0] and "株洲测试1号科技有限公司" in seen[0]
    qtbot.waitUntil(lambda: page.awards_model.rowCount() == 1, timeout=10_000)
    # The row's cells arrive a page at a time off the UI thread ("…" until then).
    qtbot.waitUntil(lambda: page.awards_model.data(page.awards_model.index(0, 0)) == DECISION, timeout=10_000)
    assert page.awards_model.data(page.awards_model.index(0, 2)) == "350,000.50 元"
    assert page.awards_model.data(page.awards_model.index(0, 4)) == "已登记决定"
    page.grab().save(str(tmp_path / "awards_tab.png"))

    dialog = AwardDialog(page, opened[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    assert "会议纪要、投资协议" in dialog.summary.text()
    assert dialog.buttons["notice"].isVisible() and not dialog.buttons["pay"].isVisible()
    press(qtbot, dialog.buttons["notice"])
    qtbot.waitUntil(lambda: dialog.history.award.status == "notice", timeout=10_000)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=8)
    monkeypatch.setattr(awards, "utcnow", lambda: later)  # the notice period is over
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.buttons["pay"].isVisible(), timeout=10_000)
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # Enter answers Cancel
    press(qtbot, dialog.buttons["pay"])
    assert "350,000.50 元" in seen[-1].text() and DECISION in seen[-1].text()
    with loaded.read() as session:
        assert session.query(Payout).count() == 0
    in_next_modal(qtbot, lambda box: press(qtbot, box.findChild(QPushButton, "confirm_act")), seen)
    press(qtbot, dialog.buttons["pay"])
    qtbot.waitUntil(lambda: dialog.history.payout is not None, timeout=10_000)
    assert dialog.buttons["notice_pdf"].isVisible() and "待确认" in dialog.summary.text()
    dialog.grab().save(str(tmp_path / "award.png"))
    with loaded.read() as session:
        assert session.query(Award).one().status == "paid"
        assert session.query(Payout).one().decision_no == DECISION


def test_a_clerk_sees_awards_but_cannot_record_one(qtbot, loaded, clerk) -> None:
    from station_policy.ui.page import PolicyPage

    widget = PolicyPage(types.SimpleNamespace(ctx=loaded, actor=clerk), today=DAY)
    qtbot.addWidget(widget)
    assert not widget.new_award_button.isVisibleTo(widget)
