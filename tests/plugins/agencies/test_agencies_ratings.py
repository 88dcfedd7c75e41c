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
