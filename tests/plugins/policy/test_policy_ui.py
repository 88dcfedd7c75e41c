"""The policy page offscreen: background matching, lazy models, why-not, a claim's history and its steps."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from policy_helpers import make_firm
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from station_policy import services

from helpers import in_next_modal

DAY = dt.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def chinese(qapp):  # type: ignore[no-untyped-def]
    """The screens as a clerk reads them: the plugin's own Chinese catalogue (states, steps, amounts)."""
    import station_policy

    from station.shell import i18n

    i18n.install_plugins(qapp, "zh_CN", [station_policy])


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


def press(qtbot, button) -> None:
    """Reach a button and press it from the keyboard, as a clerk without a mouse does."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_page_matches_in_the_background_and_lists_policies(page, qtbot, qtmodeltester, tmp_path) -> None:
    assert page.status.text().startswith(("Matched 2 ", "已匹配 2 "))
    qtmodeltester.check(page.policy_model)
    codes = [page.policy_model.key_at(r) for r in range(page.policy_model.rowCount())]
    row = codes.index("RD-AWARD")
    qtbot.waitUntil(lambda: page.policy_model.data(page.policy_model.index(row, 2)) == "1", timeout=10_000)
    # Titles, not codes: the code is in the title's tooltip.
    assert page.policy_model.data(page.policy_model.index(row, 0)) != "RD-AWARD"
    assert page.policy_model.data(page.policy_model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == "RD-AWARD"
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
    page.why_policy.setCurrentIndex(page.why_policy.findData("EXPORT-GROWTH"))  # picked by its title
    qtbot.keyClick(page.why_policy.lineEdit(), Qt.Key.Key_Return)
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


def test_claim_dialog_shows_the_history_and_takes_the_steps(page, qtbot, loaded, admin, tmp_path, monkeypatch) -> None:
    from station_policy.ui.claim_dialog import ClaimDialog

    with loaded.read() as session:
        firm = session.execute(services.select(services.Enterprise.uid).order_by(services.Enterprise.id)).scalar()
    now = dt.datetime.now(dt.UTC) - dt.timedelta(days=10)
    materials = list(services.policy_edition_materials(loaded, "RD-AWARD", DAY))
    with loaded.work(admin) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=materials, now=now).number
    dialog = ClaimDialog(page, number)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.history is not None, timeout=10_000)
    assert dialog.buttons["accept"].isVisible() and not dialog.buttons["pay"].isVisible()
    press(qtbot, dialog.buttons["accept"])
    qtbot.waitUntil(lambda: dialog.history.claim.status == "accepted", timeout=10_000)
    seen: list = []
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box.amount, Qt.Key.Key_Return), seen)  # the proposed amount
    press(qtbot, dialog.buttons["approve"])
    qtbot.waitUntil(lambda: dialog.history.claim.status == "approved", timeout=10_000)
    assert "株洲测试1号" in seen[0].sentence.text() and number in seen[0].sentence.text()
    assert dialog.history.claim.approved_fen == dialog.history.claim.estimated_fen == 30_000_000
    assert dialog.events.rowCount() == 3 and dialog.events.item(2, 1).text() == "审核"
    # After a step the focus is on Close and no act is the default: a stray Enter starts nothing.
    assert dialog.focusWidget() is dialog.close_button and not any(b.isDefault() for b in dialog.buttons.values())
    later = dt.datetime.now(dt.UTC)  # the dialog's steps were dated now; the next ones cannot go back
    with loaded.work(admin) as work:
        services.start_notice(work, number, now=later)
    monkeypatch.setattr(services, "utcnow", lambda: later + dt.timedelta(days=8))  # the notice period is over
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.buttons["pay"].isVisible(), timeout=10_000)
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # Enter answers Cancel
    press(qtbot, dialog.buttons["pay"])
    assert "300,000.00 元" in seen[1].text() and "株洲测试1号" in seen[1].text() and number in seen[1].text()
    assert dialog.history.payout is None
    in_next_modal(qtbot, lambda box: press(qtbot, box.findChild(QPushButton, "confirm_act")), seen)
    press(qtbot, dialog.buttons["pay"])
    qtbot.waitUntil(lambda: dialog.history.payout is not None, timeout=10_000)
    assert dialog.history.payout.amount_fen == 30_000_000
    assert dialog.buttons["notice_pdf"].isVisible()
    dialog.grab().save(str(tmp_path / "claim.png"))
    target = tmp_path / "notice.pdf"
    dialog.payout_notice(str(target), preview=False)
    qtbot.waitUntil(target.exists, timeout=15_000)
    from station.core import printing

    text = printing.pdf_text(target)
    assert "惠企政策资金兑付通知书" in text and "叁拾万元整" in text
    # The receipt with the code that opens the claim in the hall's enterprise window, shown in the dialog too.
    code = dialog.history.claim.receipt_code
    assert dialog.buttons["receipt_pdf"].isVisible() and f"回执查询码：{code}" in dialog.summary.text()
    receipt = tmp_path / "receipt.pdf"
    dialog.receipt(str(receipt), preview=False)
    qtbot.waitUntil(receipt.exists, timeout=15_000)
    assert "惠企政策兑现申请回执" in printing.pdf_text(receipt) and code in printing.pdf_text(receipt)


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("300000", 30_000_000),
        ("1,500.50", 150_050),
        ("1500.5 元", 150_050),
        ("0.01", 1),
        ("1500.005", None),  # no fractions of a fen
        ("0", None),
        ("-5", None),
        ("NaN", None),
        ("Infinity", None),
        ("一千", None),
        ("", None),
    ],
)
def test_the_approved_amount_is_read_exactly_or_refused(qtbot, qapp, typed, fen) -> None:
    import station_policy
    from station_policy.ui.claim_dialog import ApproveDialog

    from station.shell import i18n

    i18n.install_plugins(qapp, "zh_CN", [station_policy])

    history = types.SimpleNamespace(claim=types.SimpleNamespace(estimated_fen=30_000_000), warnings=[])
    dialog = ApproveDialog(None, history, lambda text: text)
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "300000"  # the rules' estimate is proposed
    dialog.amount.setText(typed)
    assert dialog.amount_fen() == fen
    dialog.submit()
    if fen is None:
        assert "两位小数" in dialog.error.text() and dialog.result() == 0
    elif fen != 30_000_000:
        assert "理由" in dialog.error.text() and dialog.result() == 0  # a different amount needs its reason
        qtbot.keyClicks(dialog.reason, "partly eligible")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        assert dialog.result() == 1
    else:
        assert dialog.result() == 1


def test_claims_filter_as_you_type_and_open_by_keyboard(page, qtbot, loaded, admin, monkeypatch, tmp_path) -> None:
    with loaded.read() as session:
        firm = session.execute(services.select(services.Enterprise.uid).order_by(services.Enterprise.id)).scalar()
    materials = list(services.policy_edition_materials(loaded, "RD-AWARD", DAY))
    with loaded.work(admin) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=materials).number
    opened: list[str] = []
    monkeypatch.setattr(type(page), "open_claim", lambda self, n: opened.append(n))
    page.tabs.setCurrentIndex(2)
    page.claim_search.setFocus()
    qtbot.keyClicks(page.claim_search, number[-6:])  # no Enter: the list filters as the clerk types
    qtbot.waitUntil(lambda: page.claims_model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.claims_model.row_values(0) is not None, timeout=10_000)
    title = page.claims_model.data(page.claims_model.index(0, 2))
    assert title != "RD-AWARD" and page.claims_model.data(page.claims_model.index(0, 3)) == "2026"
    qtbot.keyClick(page.claim_search, Qt.Key.Key_Down)
    qtbot.keyClick(page.claims_view, Qt.Key.Key_Return)
    assert opened == [number]
    page.grab().save(str(tmp_path / "claims.png"))


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
