"""The quarterly evaluation report as PDF: what a reader finds in it."""

from __future__ import annotations

from agencies_market import NOW, completed_commission
from station_agencies import report, services
from station_agencies.stars import DIMENSIONS

from station.core import printing


def test_quarterly_report_lists_the_ranking_with_stars(market, clerk, supervisor, tmp_path) -> None:
    uids = []
    for label in ("valid1", "valid1", "valid1", "valid2"):
        number = completed_commission(market, clerk, label)
        with market.ctx.work(clerk) as work:
            uids.append(
                services.rate(
                    work, number, enterprise_uscc=market.enterprise_uscc, representative="王经理",
                    scores=dict.fromkeys(DIMENSIONS, 5), now=NOW,
                ).uid
            )  # fmt: skip
    with market.ctx.work(supervisor) as work:
        services.set_aside(work, uids[3], "与委托无关", now=NOW)
    path = report.write(market.ctx, "2026Q3", tmp_path / "report.pdf")
    text = printing.pdf_text(path)
    assert "中介机构星级评价报告（2026 年第 3 季度）" in text
    assert "计入评价 3 条" in text and "另有 1 条被认定为不当评价未计入" in text
    assert "工程造价咨询（1 家）" in text and "玉门恒信工程造价咨询有限公司" in text
    assert "★★★★★" in text and "第1页" in text.replace(" ", "")
    assert len(printing.rasterise(path, dpi=40)) >= 1
