"""Department data and 主动推送 from the policy page: a department's file loaded with a shipped mapping (bad
rows listed with their reason and saved for the department), and the notices of a policy written and
recorded after a confirm whose default is Cancel."""

from __future__ import annotations

import csv
import types

import pytest
from policy_helpers import make_firm
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from station_policy import services
from station_policy.models import Fact, Push

from helpers import in_next_modal

DAY = services.today_local()


@pytest.fixture
def page(qtbot, loaded, admin):
    import station_policy
    from PySide6.QtWidgets import QApplication
    from station_policy.ui.page import PolicyPage

    from station.shell import i18n

    i18n.install_plugins(QApplication.instance(), "zh_CN", [station_policy])
    make_firm(loaded, admin, 1, rd_spend_fen={DAY.year - 1: 300_000_000})
    widget = PolicyPage(types.SimpleNamespace(ctx=loaded, actor=admin), today=DAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.policy_model.rowCount() > 20, timeout=15_000)
    return widget


def test_a_department_file_is_loaded_from_the_page(page, qtbot, loaded, tmp_path) -> None:
    from station_policy.ui.outreach import FactsLoadDialog

    with loaded.read() as session:
        firm = session.query(services.Enterprise).one()
    data = tmp_path / "tongji.csv"
    with data.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["统一社会信用代码", "单位详细名称", "营业收入（千元）", "首次纳入规上年份"])
        w.writerow([firm.uscc, firm.name, "4543.8", "2021"])
        w.writerow(["91330113JA0WJMBD4Q", "未登记的公司", "100", "0"])
        w.writerow([firm.uscc[:-1] + "X", "校验码错的公司", '=HYPERLINK("http://x","1")', "0"])
    assert page.facts_load_button.isVisible()
    dialog = page.load_department_data()
    assert isinstance(dialog, FactsLoadDialog)
    dialog.submit()  # no file yet: refused under the field
    assert "请先选择" in dialog.error.text()
    dialog.file.setText(str(data))
    dialog.mapping.setCurrentIndex(dialog.mapping.findData("tongji"))
    assert "区统计局" in dialog.mapping.currentText()
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=15_000)
    assert "载入 1 行" in dialog.outcome.text() and "有问题 2 行" in dialog.outcome.text()
    listed = [dialog.bad.item(i).text() for i in range(dialog.bad.count())]
    assert any("第 3 行" in x for x in listed) and dialog.save_bad.isVisible()
    dialog.grab().save(str(tmp_path / "facts_load.png"))
    saved = dialog.save_bad_rows(str(tmp_path / "问题清单.csv"))
    text = saved.read_text(encoding="utf-8-sig") if saved else ""
    assert "未在企业库登记" in text and "是公式" in text and "校验位不正确" in text
    assert "HYPERLINK" not in text  # the formula is named as one, never written back for a spreadsheet
    with loaded.read() as session:
        (fact,) = session.query(Fact).filter_by(enterprise_uid=firm.uid, fact_key="revenue_fen").all()
        assert fact.value == 454_380_000 and fact.source == "区统计局"
    dialog.close()


def test_qualifying_enterprises_are_told_from_the_page(page, qtbot, loaded, tmp_path, monkeypatch) -> None:
    from station_policy.ui.outreach import PushDialog

    codes = [page.policy_model.key_at(r) for r in range(page.policy_model.rowCount())]
    page.policy_view.setCurrentIndex(page.policy_model.index(codes.index("RD-AWARD"), 0))
    qtbot.waitUntil(lambda: page.push_button.isEnabled(), timeout=10_000)
    told: list = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    seen: list = []

    def fill(box: PushDialog) -> None:
        assert "1 家企业符合" in box.sentence.text()
        box.folder.setText(str(tmp_path))
        in_next_modal(qtbot, lambda c: qtbot.keyClick(c, Qt.Key.Key_Return), seen, kind=QMessageBox)  # Cancel
        box.submit()

    in_next_modal(qtbot, fill, kind=PushDialog)
    page.push_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    with loaded.read() as session:
        assert session.query(Push).count() == 0  # Enter on the confirm answered Cancel: nothing recorded

    def fill_and_confirm(box: PushDialog) -> None:
        box.folder.setText(str(tmp_path))
        in_next_modal(qtbot, lambda c: c.findChild(QPushButton, "confirm_act").click(), seen, kind=QMessageBox)
        box.submit()

    in_next_modal(qtbot, fill_and_confirm, kind=PushDialog)
    page.push_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=15_000)
    assert "已记录" in told[0]
    letters = next(tmp_path.glob("惠企政策申报提示函-RD-AWARD-*.pdf"))
    listing = next(tmp_path.glob("推送名单-RD-AWARD-*.csv"))
    assert letters.stat().st_size > 0 and "株洲测试1号" in listing.read_text(encoding="utf-8-sig")
    with loaded.read() as session:
        assert session.query(Push).count() == 1
