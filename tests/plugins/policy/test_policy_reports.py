"""Payout reports by month and department (CSV, XLSX, PDF with totals) and the payout notice."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from policy_helpers import make_firm
from station_policy import reports, services

from station.core import printing


def pay(ctx, actor, firm, code, now) -> str:
    with ctx.work(actor) as work:
        p = services.policy_edition(work.session, code, services.today_local(now))
        number = services.apply(work, firm, code, materials=p.materials, now=now).number
        services.accept(work, number, now=now)
        services.review(work, number, approve=True, now=now)
        services.start_notice(work, number, now=now)
        services.pay(work, number, now=now + dt.timedelta(days=8))
        return number


def test_month_report_in_three_formats_with_exact_totals(loaded, admin, tmp_path) -> None:
    ctx = loaded
    a = make_firm(ctx, admin, 1, rd_spend_fen={2025: 234_567_891}, high_talents={2025: 3}, insured_staff={2025: 40})
    b = make_firm(ctx, admin, 2)
    start = dt.datetime(2026, 3, 2, 2, tzinfo=dt.UTC)
    pay(ctx, admin, a, "RD-AWARD", start)  # 10% of 2,345,678.91 -> 234,567.89 (half up of .1 fen)
    pay(ctx, admin, a, "TALENT-INTRO", start)  # 3 × 50,000
    pay(ctx, admin, b, "RD-AWARD", start + dt.timedelta(days=40))  # paid in April: not in March's report
    with ctx.read() as session:
        march = services.payouts(session, month="2026-03")
    assert [x.amount_fen for x in march] == [15_000_000, 23_456_789]
    assert [d for d, _, _ in reports.totals_by_department(march)] == ["区人才办", "区科技局"]

    reports.write_csv(tmp_path / "m.csv", march)
    with open(tmp_path / "m.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "兑付编号" and rows[-2] == ["合计", "", "", "", "", "", "", "", "384567.89", ""]
    # never synced to a hall: the hall has not confirmed them, and the report says so
    assert rows[1][-1] == "待确认" and rows[-1] == [
        "其中待确认 2 笔",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "384567.89",
        "待确认",
    ]

    reports.write_xlsx(tmp_path / "m.xlsx", march, month="2026-03")
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "m.xlsx")
    detail = book["兑付明细"]
    assert Decimal(str(detail.cell(detail.max_row - 1, 9).value)) == Decimal("384567.89")
    assert [r[0].value for r in book["按部门汇总"].iter_rows(min_row=2)] == ["区人才办", "区科技局", "合计"]

    reports.write_pdf(tmp_path / "m.pdf", march, month="2026-03", issuer="株洲高新区企业服务站")
    text = printing.pdf_text(tmp_path / "m.pdf")
    assert "2026-03 惠企政策资金兑付报表" in text and "384,567.89" in text and "区人才办" in text
    assert "株洲高新区企业服务站" in text  # the footer


def test_report_cli_and_chinese_amounts(loaded, admin, tmp_path, capsys) -> None:
    assert reports.chinese_amount(30_000_000) == "叁拾万元整"
    assert reports.chinese_amount(10_010_000_000) == "壹亿零壹拾万元整"
    assert reports.chinese_amount(10_500) == "壹佰零伍元整"
    assert reports.chinese_amount(2_520_005) == "贰万伍仟贰佰元零伍分"
    from station import cli

    firm = make_firm(loaded, admin, 5)
    pay(loaded, admin, firm, "RD-AWARD", dt.datetime(2026, 3, 2, 2, tzinfo=dt.UTC))
    loaded.close()
    pdf = tmp_path / "r.pdf"
    rc = cli.main(["--data-dir", str(loaded.data_dir), "policy", "report", "--month", "2026-03", "--pdf", str(pdf),
                   "--xlsx", str(tmp_path / "r.xlsx"), "--json"])  # fmt: skip
    out = capsys.readouterr().out
    assert rc == 0 and '"total_fen": 30000000' in out and pdf.exists()


def test_one_claim_paid_at_two_stations_shows_one_payout_in_its_history() -> None:
    """Each station wrote a 兑付 step; the hall kept one payout. The history keeps the step of the one that stands."""
    import json
    import types

    from station_policy import payout_state

    def event(step: str, payout: str | None = None) -> types.SimpleNamespace:
        return types.SimpleNamespace(step=step, detail=json.dumps({"payout": payout} if payout else {}))

    events = [event("apply"), event("pay", "ST01-PAY-2026-00001"), event("pay", "ST02-PAY-2026-00001")]
    ours = types.SimpleNamespace(number="ST01-PAY-2026-00001")
    kept, notes = services._settled_events(events, ours, payout_state.CONFIRMED)
    assert kept == events[:2] and "ST02-PAY-2026-00001" in notes[0]
    theirs = types.SimpleNamespace(number="ST02-PAY-2026-00001")
    kept, notes = services._settled_events(events, theirs, payout_state.REFUSED)
    assert kept == events[:2] and "ST02-PAY-2026-00001 未被服务大厅接受" in notes[0]
