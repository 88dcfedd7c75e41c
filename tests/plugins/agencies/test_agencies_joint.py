"""A joint commission (一次委托、一个报告): one commission naming several services. The draw takes one agency
qualified for all of them when one exists, otherwise one per service; every draw re-checks from its record;
one report (the commission's deliverables) and one rating per agency; killed mid-way, nothing half-made."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap

import pytest
from agencies_market import NOW, Market, add_agency
from sqlalchemy import text
from station_agencies import services
from station_agencies.models import Commission, CommissionPart, Draw, Rating

from station.errors import UserError

WITNESSES = [("enterprise", "3817"), ("clerk", "0923")]
SCORES = dict.fromkeys(("quality", "timeliness", "attitude", "fees", "compliance"), 5)


def qualify(work, uid: str, *codes: str) -> None:
    for code in codes:
        services.add_qualification(work, uid, code, f"{code.upper()}-{uid[:6]}", dt.date(2027, 6, 30), "主管部门",
                                   now=NOW)  # fmt: skip


def finish(market: Market, actor, number: str) -> None:
    with market.ctx.work(actor) as work:
        services.accept(work, number, now=NOW)
        services._advance(work, number, "accepted", "delivered", NOW, delivered_at=NOW)
        services.complete(work, number, "王经理", now=NOW)


def joint(market: Market, actor, service: str = "cost,appraisal") -> Commission:
    with market.ctx.work(actor) as work:
        c = services.create_commission(work, market.enterprise_uid, service, scope="厂房收购：结算审核和资产评估",
                                       budget_fen=80_000_00, witnesses=WITNESSES, now=NOW)  # fmt: skip
        work.session.expunge(c)
        return c


def test_one_agency_qualified_for_all_services_is_drawn_for_all(market: Market, admin) -> None:
    with market.ctx.work(admin) as work:
        both = [add_agency(work, f"全能{i}", 200 + i, services_=("cost", "appraisal")) for i in range(3)]
        for uid in both:
            qualify(work, uid, "appraisal")
            qualify(work, uid, "cost")
        only = add_agency(work, "评估", 210, services_=("appraisal",))
        qualify(work, only, "appraisal")
    c = joint(market, admin)
    assert c.service == "cost+appraisal" and c.agency_uid in both
    with market.ctx.read() as session:
        parts = services.commission_parts(session, c.uid)
        assert [(p.service, p.agency_uid, p.draw_uid) for p in parts] == [
            ("cost", c.agency_uid, c.draw_uid), ("appraisal", c.agency_uid, c.draw_uid)]  # fmt: skip
        row, verdict = services.verify_draw(session, c.draw_uid)
        assert verdict.ok, verdict
        pool = {p["uid"] for p in json.loads(row.pool)}
        assert pool == set(both)  # the cost-only and appraisal-only agencies are not in the one-agency pool
        excluded = {x["uid"]: x["reason"] for x in json.loads(row.exclusions)}
        assert "未入驻" in excluded[market.agencies["valid1"]] or "资质" in excluded[market.agencies["valid1"]]
        assert services.catalogue().name(row.service) == "工程造价咨询＋资产评估"
    finish(market, admin, c.number)
    with market.ctx.work(admin) as work:
        services.rate(work, c.number, enterprise_uscc=market.enterprise_uscc, representative="王经理", scores=SCORES,
                      now=NOW)  # fmt: skip
    with market.ctx.work(admin) as work, pytest.raises(UserError, match="已经评价过"):
        services.rate(work, c.number, enterprise_uscc=market.enterprise_uscc, representative="王经理", scores=SCORES,
                      now=NOW)  # fmt: skip


def test_without_such_an_agency_one_is_drawn_per_service_and_each_is_rated_once(market: Market, admin) -> None:
    with market.ctx.work(admin) as work:
        valuers = [add_agency(work, f"评估{i}", 220 + i, services_=("appraisal",)) for i in range(2)]
        for uid in valuers:
            qualify(work, uid, "appraisal")
    c = joint(market, admin)
    with market.ctx.read() as session:
        parts = services.commission_parts(session, c.uid)
        assert [p.service for p in parts] == ["cost", "appraisal"]
        cost, appraisal = parts
        assert cost.agency_uid in {market.agencies[k] for k in ("valid1", "valid2", "valid3")}
        assert appraisal.agency_uid in valuers and cost.draw_uid != appraisal.draw_uid
        for part in parts:  # every draw re-checks from its own record
            row, verdict = services.verify_draw(session, part.draw_uid)
            assert verdict.ok and row.agency_uid == part.agency_uid and row.subject_uid == c.uid
        assert session.query(Draw).filter_by(service="cost+appraisal").count() == 0  # the joint pool was empty
        assert session.query(Commission).count() == 1  # one commission, one report
        assert {x.number for x in services.commissions(session, agency_uid=appraisal.agency_uid)} == {c.number}
    finish(market, admin, c.number)

    def rate(agency: str | None):
        with market.ctx.work(admin) as work:
            return services.rate(work, c.number, enterprise_uscc=market.enterprise_uscc, representative="王经理",
                                 scores=SCORES, agency=agency, now=NOW)  # fmt: skip

    with pytest.raises(UserError, match="请写明评价的是哪一家"):
        rate(None)
    with pytest.raises(UserError, match="不是这家机构承担的"):
        rate(market.agencies["expired"])
    first, second = rate(cost.agency_uid), rate(appraisal.agency_uid)
    assert first.commission_uid == c.uid and second.commission_uid == appraisal.uid
    assert (first.service, second.service) == ("cost", "appraisal")
    for uid in (cost.agency_uid, appraisal.agency_uid):
        with pytest.raises(UserError, match="这家机构已经评价过"):
            rate(uid)
    with market.ctx.read() as session:
        assert session.query(Rating).count() == 2
        from station_agencies.stars import Period

        evaluation = services.evaluation(session, Period.parse("2026Q3"))
        assert {cost.agency_uid, appraisal.agency_uid} <= set(evaluation.agencies)


def test_joint_commissions_refuse_what_they_cannot_do(market: Market, admin) -> None:
    with pytest.raises(UserError, match="没有“nosuch”这类中介服务"):
        joint(market, admin, "cost,nosuch")
    with pytest.raises(UserError, match="最多 6 类"):
        joint(market, admin, "cost,appraisal,audit,eia,safety,survey,legal")
    with pytest.raises(UserError, match="没有符合条件的中介机构"):  # nobody offers 环评 here: nothing half-made
        joint(market, admin, "cost,eia")
    with market.ctx.read() as session:
        assert session.query(Commission).count() == 0 and session.query(Draw).count() == 0
        assert session.query(CommissionPart).count() == 0
    with market.ctx.work(admin) as work, pytest.raises(UserError, match="未入驻“资产评估”"):
        services.create_commission(work, market.enterprise_uid, "cost,appraisal", scope="x",
                                   agency_uid=market.agencies["valid1"], now=NOW)  # fmt: skip


def test_killed_between_two_draws_of_a_joint_commission_nothing_remains(market: Market, admin) -> None:
    """SIGKILL after the first per-service draw is written, before the second: no draw, no commission."""
    with market.ctx.work(admin) as work:
        valuer = add_agency(work, "评估", 230, services_=("appraisal",))
        qualify(work, valuer, "appraisal")
    data, enterprise = market.ctx.data_dir, market.enterprise_uid
    market.ctx.close()
    script = textwrap.dedent(
        f"""
        import datetime as dt, os, signal
        from station.core.context import StationContext
        from station_agencies import services
        real, calls = services.draw, []
        def draw(*args, **kwargs):
            calls.append(1)
            if len(calls) == 2:  # cost is drawn and written: now appraisal
                os.kill(os.getpid(), signal.SIGKILL)
            return real(*args, **kwargs)
        services.draw = draw
        ctx = StationContext({str(data)!r})
        ctx.open()
        with ctx.work(ctx.permissions.actor("admin", "admin", "管理员")) as work:
            services.create_commission(work, {enterprise!r}, "cost,appraisal", scope="x",
                                       witnesses=[("clerk", "1")], now=dt.datetime(2026, 9, 15, 2, tzinfo=dt.UTC))
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    market.ctx.open()
    with market.ctx.read() as session:
        assert session.query(Draw).count() == 0 and session.query(Commission).count() == 0
        assert session.query(CommissionPart).count() == 0
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    c = joint(market, admin)
    with market.ctx.read() as session:
        assert len(services.commission_parts(session, c.uid)) == 2
