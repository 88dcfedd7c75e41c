"""The policy page offscreen: background matching, lazy models, why-not, a claim's history and its steps."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from policy_helpers import make_firm
from station_policy import services

DAY = dt.date(2026, 3, 2)


@pytest.fixture
def page(qtbot, loaded, admin):
    from station_policy.ui.page import PolicyPage

    make_firm(loaded, admin, 1)
    make_firm(loaded, admin, 2, rd_spend_fen={2025: 150_000_000})
    shell = types.SimpleNamespace(ctx=loaded, actor=admin)
    widget = PolicyPage(shell, today=DAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.policy_model.rowCount() > 20, timeout=15_000)
    return widget


def test_page_matches_in_the_background_and_lists_policies(page, qtbot, qtmodeltester, tmp_path) -> None:
    assert page.status.text().startswith(("Matched 2 ", "已匹配 2 "))
    qtmodeltester.check(page.policy_model)
    codes = [page.policy_model.key_at(r) for r in range(page.policy_model.rowCount())]
    row = codes.index("RD-AWARD")
    qtbot.waitUntil(lambda: page.policy_model.data(page.policy_model.index(row, 3)) == "1", timeout=10_000)
    page._policy_chosen(page.policy_model.index(row, 0))
    qtbot.waitUntil(lambda: page.qualifying_model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(page.qualifying_model)
    qtbot.waitUntil(
        lambda: page.qualifying_model.data(page.qualifying_model.index(0, 3)) == "300,000.00 元", timeout=10_000
    )
    page.grab().save(str(tmp_path / "policy_page.png"))


def test_enterprise_tab_why_not_and_a_claim_through_the_dialog(page, qtbot, qtmodeltester, loaded, monkeypatch) -> None:
    from PySide6.QtWidgets import QDialog
    from station_policy.ui import dialogs

    with loaded.read() as session:
        firm = session.execute(services.select(services.Enterprise.uid).order_by(services.Enterprise.id)).scalar()
    page.tabs.setCurrentIndex(1)
    page.enterprise_search.setText("株洲测试1号")
    page.find_enterprise()
    qtbot.waitUntil(lambda: page.enterprise_model.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(page.enterprise_model)
    shown = []
    monkeypatch.setattr(dialogs.WhyDialog, "exec", lambda self: shown.append(self.findChild(object, "why_text")))
    page.why_code.setText("EXPORT-GROWTH")
    page._why_typed()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "缺少数据" in shown[0].text()

    codes = [page.enterprise_model.key_at(r) for r in range(page.enterprise_model.rowCount())]
    page.enterprise_view.setCurrentIndex(page.enterprise_model.index(codes.index("RD-AWARD"), 0))
    monkeypatch.setattr(dialogs.ApplyDialog, "exec", lambda self: [b.setChecked(True) for b in self.boxes] and 1)
    opened = []
    monkeypatch.setattr(type(page), "open_claim", lambda self, number: opened.append(number))
    page.apply_selected()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    with loaded.read() as session:
        claim = services.get_claim(session, opened[0])
        assert claim.enterprise_uid == firm and claim.status == "applied"
    assert QDialog  # the dialogs above were real QDialogs


def test_claim_dialog_shows_the_history_and_takes_the_steps(page, qtbot, loaded, admin, tmp_path) -> None:
    from station_policy.ui.claim_dialog import ClaimDialog

    with loaded.read() as session:
        firm = session.execute(services.select(services.Enterprise.uid).order_by(services.Enterprise.id)).scalar()
    now = dt.datetime(2026, 3, 2, 2, tzinfo=dt.UTC)
    materials = list(services.policy_edition_materials(loaded, "RD-AWARD", DAY))
    with loaded.work(admin) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=materials, now=now).number
    dialog = ClaimDialog(page, number)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    assert dialog.buttons["accept"].isVisible() and not dialog.buttons["pay"].isVisible()
    dialog.act("accept")
    qtbot.waitUntil(lambda: dialog.history.claim.status == "accepted", timeout=10_000)
    dialog.act("approve")
    qtbot.waitUntil(lambda: dialog.history.claim.status == "approved", timeout=10_000)
    assert dialog.events.rowCount() == 3 and dialog.events.item(2, 1).text() == "审核"
    later = dt.datetime.now(dt.UTC)  # the dialog's steps were dated now; the next ones cannot go back
    with loaded.work(admin) as work:  # notice and payment on an injected clock
        services.start_notice(work, number, now=later)
        services.pay(work, number, now=later + dt.timedelta(days=8))
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.history.payout is not None, timeout=10_000)
    assert dialog.buttons["notice_pdf"].isVisible()
    dialog.grab().save(str(tmp_path / "claim.png"))
    target = tmp_path / "notice.pdf"
    dialog.payout_notice(str(target), preview=False)
    qtbot.waitUntil(target.exists, timeout=15_000)
    from station.core import printing

    text = printing.pdf_text(target)
    assert "惠企政策资金兑付通知书" in text and "叁拾万元整" in text


def test_facts_dialog_shows_sources_and_a_correction_is_audited_and_rematched(page, qtbot, loaded, tmp_path) -> None:
    from station_policy.models import Match
    from station_policy.ui.facts_dialog import FactsDialog

    from station.core.audit import AuditEntry
    from station.errors import ValidationError

    page.tabs.setCurrentIndex(1)
    page.enterprise_search.setText("株洲测试2号")
    page.find_enterprise()
    qtbot.waitUntil(lambda: page.enterprise_model.rowCount() > 0, timeout=10_000)
    dialog = page.show_facts()
    assert isinstance(dialog, FactsDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    titles = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    row = titles.index("2025 年研发费用")
    assert dialog.table.item(row, 1).text() == "1,500,000.00 元"
    assert dialog.table.item(row, 2).text() == "区税务局"
    dialog.grab().save(str(tmp_path / "facts.png"))
    with pytest.raises(ValidationError, match="理由"), loaded.work(page.actor) as work:
        services.correct_fact(work, page._enterprise_uid, "rd_spend_fen", 2025, 1, "  ")
    dialog.submit(dialog.rows[row], "300万元", "企业提供2025年度审计报告")
    qtbot.waitUntil(lambda: dialog.table.item(row, 1).text() == "3,000,000.00 元", timeout=10_000)
    assert dialog.table.item(row, 2).text() == "人工更正：企业提供2025年度审计报告"
    with loaded.read() as session:
        match = session.get(Match, (page._enterprise_uid, "RD-AWARD"))
        assert match is not None and match.amount_fen == 30_000_000  # matched again on the corrected figure
        entry = session.scalars(
            services.select(AuditEntry).where(AuditEntry.action == "policy.fact.set").order_by(AuditEntry.id.desc())
        ).first()
        assert entry is not None and "150000000" in str(entry.before) and "300000000" in str(entry.after)
    dialog.close()
