"""A joint commission from the window: the services ticked in the new-commission form, the lists shown with
one hash before the witnesses type, then one draw per service when no agency does them all."""

from __future__ import annotations

import datetime as dt

import pytest
import station_agencies
from agencies_market import NOW, Market, add_agency
from PySide6.QtCore import Qt
from station_agencies import services
from station_agencies.models import Commission, CommissionPart
from station_agencies.ui.dialogs import CommissionDialog, DrawDialog

from helpers import in_next_modal
from station.shell import i18n
from station.shell.app import install_font


@pytest.fixture(autouse=True)
def chinese(qapp):
    install_font(qapp)
    i18n.install_plugins(qapp, "zh_CN", [station_agencies])


def test_a_joint_commission_through_the_form_and_the_witnessed_draw(qtbot, market: Market, admin, tmp_path) -> None:
    with market.ctx.work(admin) as work:
        for i in range(2):
            uid = add_agency(work, f"评估{i}", 240 + i, services_=("appraisal",))
            services.add_qualification(work, uid, "appraisal", f"PG-{i}", dt.date(2027, 6, 30), "财政部门", now=NOW)
        agencies = [(a.uid, a.name, a.service_codes()) for a in services.agencies_for(work.session)]
    form = CommissionDialog(None, market.ctx, admin, agencies)
    qtbot.addWidget(form)
    form.enterprise.setText(market.enterprise_uscc)
    form.service.setCurrentIndex(form.service.findData("cost"))
    also = next(form.also.item(i) for i in range(form.also.count())
                if form.also.item(i).data(Qt.ItemDataRole.UserRole) == "appraisal")  # fmt: skip
    also.setCheckState(Qt.CheckState.Checked)
    assert form.codes() == ["cost", "appraisal"] and form.agency.count() == 0  # nobody does both
    form.scope.setText("厂房收购：结算审核和资产评估")
    form.budget.setText("80000")
    seen: list = []

    def at_the_window(box: DrawDialog) -> None:
        assert box.service.currentData() == "cost+appraisal"
        box.fix_pool()
        qtbot.waitUntil(lambda: box.preview is not None, timeout=10_000)
        listed = [box.pool_list.item(i).text() for i in range(box.pool_list.count())]
        assert any("资产评估：玉门评估0" in x for x in listed) and any("工程造价咨询：玉门恒信" in x for x in listed)
        box.enterprise_number.setText("3817")
        box.clerk_number.setText("0923")
        box.draw()
        qtbot.waitUntil(lambda: box.made is not None, timeout=10_000)
        box.grab().save(str(tmp_path / "joint_draw.png"))
        box.reject()

    in_next_modal(qtbot, at_the_window, seen, kind=DrawDialog)
    form.submit()
    assert seen and form.made is not None
    with market.ctx.read() as session:
        (c,) = session.query(Commission).all()
        parts = session.query(CommissionPart).filter_by(commission_uid=c.uid).all()
        assert c.service == "cost+appraisal" and [p.service for p in parts] == ["cost", "appraisal"]
        for p in parts:
            assert services.verify_draw(session, p.draw_uid)[1].ok


def test_each_agency_of_a_joint_commission_is_rated_in_the_dialog(qtbot, market: Market, admin) -> None:
    from station_agencies.models import Rating
    from station_agencies.ui.dialogs import RatingDialog

    with market.ctx.work(admin) as work:
        uid = add_agency(work, "评估", 250, services_=("appraisal",))
        services.add_qualification(work, uid, "appraisal", "PG-9", dt.date(2027, 6, 30), "财政部门", now=NOW)
        c = services.create_commission(work, market.enterprise_uid, "cost,appraisal", scope="结算审核和资产评估",
                                       witnesses=[("clerk", "7")], now=NOW)  # fmt: skip
        number = c.number
        services.accept(work, number, now=NOW)
        services._advance(work, number, "accepted", "delivered", NOW, delivered_at=NOW)
        services.complete(work, number, "王经理", now=NOW)
    for index in (0, 1):
        dialog = RatingDialog(None, market.ctx, admin, number, market.enterprise_uscc)
        qtbot.addWidget(dialog)
        assert dialog.agency.count() == 2 and "资产评估" in dialog.agency.itemText(1)
        dialog.agency.setCurrentIndex(index)
        dialog.representative.setText("王经理")
        dialog.submit()
        qtbot.waitUntil(lambda d=dialog: d.result() == 1, timeout=10_000)
    with market.ctx.read() as session:
        assert session.query(Rating).count() == 2
        (row,) = services.commission_rows(session, [c.uid]).values()
        assert row[6] == "已评价" and "；玉门评估" in row[3]
