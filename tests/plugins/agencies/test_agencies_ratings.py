"""Who may rate what: only the commissioning enterprise, once, after completion; supervisors set ratings aside."""

from __future__ import annotations

import json

import pytest
from agencies_market import NOW, completed_commission
from sqlalchemy import select
from station_agencies import services
from station_agencies.stars import DIMENSIONS

from station.core.audit import AuditEntry
from station.errors import PermissionDenied, UserError, ValidationError

GOOD = dict.fromkeys(DIMENSIONS, 4)


def rate(market, actor, number, uscc=None, scores=GOOD):
    with market.ctx.work(actor) as work:
        return services.rate(
            work, number, enterprise_uscc=uscc or market.enterprise_uscc, representative="王经理", scores=scores,
            comment="报告质量好", now=NOW,
        ).uid  # fmt: skip


def test_only_the_commissioning_enterprise_rates_once(market, clerk) -> None:
    number = completed_commission(market, clerk)
    with pytest.raises(UserError, match="只有委托企业"):
        rate(market, clerk, number, uscc=market.other_uscc)
    rate(market, clerk, number)
    with pytest.raises(UserError, match="已经评价过"):
        rate(market, clerk, number)


def test_a_commission_must_be_completed_first(market, clerk) -> None:
    with market.ctx.work(clerk) as work:
        c = services.create_commission(
            work, market.enterprise_uid, "cost", scope="结算审核", agency_uid=market.agencies["valid2"], now=NOW
        )
        number = c.number
    with pytest.raises(UserError, match="尚未经企业确认完成"):
        rate(market, clerk, number)


def test_scores_are_one_to_five_on_every_dimension(market, clerk) -> None:
    number = completed_commission(market, clerk)
    with pytest.raises(ValidationError) as raised:
        rate(market, clerk, number, scores={**GOOD, "fees": 6, "compliance": 0})
    assert set(raised.value.fields) == {"fees", "compliance"}


def test_clerks_rate_but_only_supervisors_set_aside_with_a_reason(market, clerk, supervisor, ctx) -> None:
    number = completed_commission(market, clerk)
    uid = rate(market, clerk, number)
    with pytest.raises(PermissionDenied), market.ctx.work(clerk) as work:
        services.set_aside(work, uid, "恶意差评")
    with pytest.raises(UserError, match="理由"), market.ctx.work(supervisor) as work:
        services.set_aside(work, uid, " ")
    with market.ctx.work(supervisor) as work:
        services.set_aside(work, uid, "评价与委托事项无关")
    with market.ctx.read() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.subject_id == uid)).all()
    assert [e.action for e in entries] == ["agencies.rating.create", "agencies.rating.set_aside"]
    assert json.loads(entries[1].after)["reason"] == "评价与委托事项无关" and entries[1].actor == "supervisor"


def test_a_viewer_without_the_permission_cannot_rate(market, clerk, ctx) -> None:
    number = completed_commission(market, clerk)
    nobody = ctx.permissions.actor("guest", "guest")
    with pytest.raises(PermissionDenied, match="录入中介服务评价"):
        rate(market, nobody, number)


def test_a_blacklisted_agency_shows_its_status_and_is_not_ranked_as_in_good_standing(
    market, clerk, admin, capsys, tmp_path
) -> None:
    from station_agencies import report
    from station_agencies.stars import Period

    from station.cli import main

    best = dict.fromkeys(DIMENSIONS, 5)
    for _ in range(3):
        rate(market, clerk, completed_commission(market, clerk, "valid1"), scores=best)
        rate(market, clerk, completed_commission(market, clerk, "valid2"), scores=GOOD)
    with market.ctx.work(admin) as work:
        services.set_status(work, market.agencies["valid1"], "blacklisted", "出具虚假报告", now=NOW)
    with market.ctx.read() as session:
        _, ranked = services.ranking(session, Period.parse("2026Q3"), "cost")
    rated = [r for r in ranked if r.count]
    assert [r.status for r in rated] == ["active", "blacklisted"]  # the better score does not put it first
    assert rated[1].stars is not None and rated[1].status_text == "列入黑名单"
    assert all(r.status == "active" for r in ranked[: ranked.index(rated[1])] if r.count)
    report.write(market.ctx, "2026Q3", tmp_path / "stars.pdf")
    market.ctx.close()
    assert main(["--data-dir", str(market.ctx.data_dir), "agencies", "ratings", "--period", "2026Q3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(line for line in lines if line.strip().startswith("1."))
    assert "正大" in first
    assert any("恒信" in line and "列入黑名单" in line and not line.strip()[0].isdigit() for line in lines)
    assert main(["--data-dir", str(market.ctx.data_dir), "agencies", "ratings", "--period", "2026Q3", "--json"]) == 0
    listed = {a["name"]: a for a in json.loads(capsys.readouterr().out)["agencies"]}
    assert listed["玉门恒信工程造价咨询有限公司"]["status"] == "blacklisted"
    assert (
        listed["玉门恒信工程造价咨询有限公司"]["rank"] is None and listed["玉门正大工程造价咨询有限公司"]["rank"] == 1
    )
    import subprocess

    text = subprocess.run(["pdftotext", str(tmp_path / "stars.pdf"), "-"], capture_output=True, text=True).stdout
    assert "列入黑名单" in text
