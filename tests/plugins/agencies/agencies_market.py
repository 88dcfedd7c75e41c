"""A small marketplace on a fresh station: two enterprises and cost consultants in every state a draw judges."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from station_agencies import services, standing
from station_agencies.catalogue import load

from helpers import enterprise_values, valid_code
from station.core import enterprises
from station.core.context import StationContext

NOW = dt.datetime(2026, 9, 15, 2, 0, tzinfo=dt.UTC)  # 10:00 in Yumen, Q3 2026


@dataclass
class Market:
    ctx: StationContext
    enterprise_uid: str
    enterprise_uscc: str
    other_uscc: str
    agencies: dict[str, str]  # label -> uid


def add_agency(work, label: str, seed: int, *, legal_rep: str = "", related: str = "", services_=("cost",)) -> str:
    agency = services.create_agency(
        work,
        {"name": f"玉门{label}工程造价咨询有限公司", "uscc": valid_code(seed, "620981"),
         "legal_rep": legal_rep or f"法人{seed}", "services": list(services_), "related_uscc": related},
        now=NOW,
    )  # fmt: skip
    return agency.uid


@pytest.fixture
def market(ctx: StationContext, admin) -> Market:
    with ctx.work(admin) as work:
        ent = enterprises.create(work, enterprise_values(1, legal_rep="张三"))
        other = enterprises.create(work, enterprise_values(2, legal_rep="李四"))
        e_uid, e_uscc, o_uscc = ent.uid, ent.uscc, other.uscc
        uids = {
            "valid1": add_agency(work, "恒信", 101),
            "valid2": add_agency(work, "正大", 102),
            "valid3": add_agency(work, "天衡", 103),
            "expired": add_agency(work, "过期", 104),
            "suspended": add_agency(work, "暂停", 105),
            "same_rep": add_agency(work, "同法人", 106, legal_rep="张三"),
            "related": add_agency(work, "关联", 107, related=e_uscc),
            "uncertified": add_agency(work, "无证", 108),
        }
        for label, uid in uids.items():
            if label == "uncertified":
                continue
            until = dt.date(2026, 9, 14) if label == "expired" else dt.date(2027, 6, 30)
            services.add_qualification(work, uid, "cost", f"COST-{label}", until, "住房和城乡建设部", now=NOW)
        services.set_status(work, uids["suspended"], "suspended", "季度评价不达标", now=NOW)
    return Market(ctx, e_uid, e_uscc, o_uscc, uids)


def completed_commission(market: Market, actor, agency_label: str = "valid1", when: dt.datetime = NOW) -> str:
    ctx = market.ctx
    with ctx.work(actor) as work:
        c = services.create_commission(
            work, market.enterprise_uid, "cost", scope="厂房扩建工程结算审核", budget_fen=12_000_00,
            agency_uid=market.agencies[agency_label], now=when,
        )  # fmt: skip
        number = c.number
        services.accept(work, number, now=when)
        c.deliverables = "[]"
        services._advance(work, number, "accepted", "delivered", when, delivered_at=when)
        services.complete(work, number, "王经理", now=when)
    return number


Q2 = dt.datetime(2026, 5, 15, 2, tzinfo=dt.UTC)
Q4 = dt.datetime(2026, 11, 16, 2, tzinfo=dt.UTC)


def rated(market: Market, actor, label: str, score: int, when: dt.datetime, times: int = 3) -> None:
    for _ in range(times):
        number = completed_commission(market, actor, label, when)
        with market.ctx.work(actor) as work:
            services.rate(work, number, enterprise_uscc=market.enterprise_uscc, representative="王经理",
                          scores=dict.fromkeys(("quality", "timeliness", "attitude", "fees", "compliance"), score),
                          now=when)  # fmt: skip


@pytest.fixture
def park(market: Market, admin) -> Market:
    # A small park's rules: a light prior so three 5-point ratings make five stars
    (market.ctx.data_dir / "agencies.yaml").write_text("stars:\n  prior_weight: 0.5\n", encoding="utf-8")
    rated(market, admin, "valid1", 1, Q2)
    rated(market, admin, "valid1", 1, NOW)
    rated(market, admin, "valid2", 5, NOW)
    return market


def close(market: Market, actor, quarter: str, day: dt.datetime) -> standing.Closed:
    with market.ctx.work(actor) as work:
        return standing.close_period(work, quarter, cat=load(market.ctx.data_dir), now=day)
