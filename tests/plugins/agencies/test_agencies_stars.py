"""The star formula against the hand-computed numbers of docs/agencies-stars.md, and what counts."""

from __future__ import annotations

import datetime as dt

import pytest
from agencies_market import NOW, completed_commission
from station_agencies import services
from station_agencies.catalogue import load
from station_agencies.stars import DIMENSIONS, Period, RatingPoint, StarRules, evaluate

from helpers import ROOT
from station.errors import UserError

EXAMPLE = StarRules(
    prior_weight=2,
    decay_per_quarter=0.5,
    min_ratings=2,
    weights={"quality": 0.30, "timeliness": 0.20, "attitude": 0.15, "fees": 0.15, "compliance": 0.20},
    thresholds=((5, 4.5), (4, 4.0), (3, 3.5), (2, 3.0), (1, 0.0)),
)
Q = {q: 2026 * 4 + q - 1 for q in (1, 2, 3, 4)}


def point(agency: str, quarter: int, *scores: int) -> RatingPoint:
    return RatingPoint(agency, Q[quarter], dict(zip(DIMENSIONS, scores, strict=True)))


EXAMPLE_POINTS = [
    point("甲", 4, 5, 5, 4, 5, 5),
    point("甲", 3, 4, 4, 4, 3, 4),
    point("甲", 1, 3, 4, 5, 4, 4),
    point("乙", 4, 5, 5, 5, 5, 5),
    point("丙", 4, 3, 3, 4, 2, 3),
    point("丙", 2, 4, 3, 3, 3, 4),
]


def test_the_worked_example_by_hand() -> None:
    result = evaluate(EXAMPLE_POINTS, Period.parse("2026"), EXAMPLE)
    # Park means, by hand: Σw·x / Σw with Σw = 1+0.5+0.125+1+1+0.25 = 3.875
    assert result.park_means["quality"] == pytest.approx(16.375 / 3.875)
    assert [round(result.park_means[d], 4) for d in DIMENSIONS] == [4.2258, 4.1935, 4.2258, 3.8065, 4.2581]
    a, b, c = (result.agencies[k] for k in ("甲", "乙", "丙"))
    assert a.weight == pytest.approx(1.625) and a.sums["quality"] == pytest.approx(7.375)
    assert a.bayes["quality"] == pytest.approx((2 * 131 / 31 + 7.375) / 3.625)
    assert [round(a.bayes[d], 4) for d in DIMENSIONS] == [4.3660, 4.3826, 4.1591, 4.0311, 4.4182]
    assert (round(a.score, 4), a.stars) == (4.2985, 4)
    assert (round(b.score, 4), b.stars) == (4.4419, None)  # one rating: below the minimum
    assert (round(c.score, 4), c.stars) == (3.7541, 3)
    assert [x.agency_uid for x in result.ranked()] == ["甲", "丙", "乙"]
    doc = (ROOT / "docs" / "agencies-stars.md").read_text(encoding="utf-8")
    for number in ("4.2258", "4.3660", "4.2985", "4.4419", "3.7541"):
        assert f"**{number}**" in doc


def test_three_ratings_cannot_outrank_three_hundred() -> None:
    rules = load().rules
    points = [point("新", 3, 5, 5, 5, 5, 5)] * 3 + [point("老", 3, 5, 5, 5, 4, 5)] * 300
    points += [point(f"其他{i}", 3, 3, 3, 3, 3, 3) for i in range(3) for _ in range(10)]
    result = evaluate(points, Period.parse("2026Q3"), rules)
    assert result.agencies["老"].score > result.agencies["新"].score
    assert result.agencies["老"].stars == 5


def test_recent_quarters_weigh_more_in_the_year() -> None:
    early = [point("早", 1, 5, 5, 5, 5, 5)] * 5 + [point("早", 4, 2, 2, 2, 2, 2)] * 5
    late = [point("晚", 1, 2, 2, 2, 2, 2)] * 5 + [point("晚", 4, 5, 5, 5, 5, 5)] * 5
    result = evaluate(early + late, Period.parse("2026"), load().rules)
    assert result.agencies["晚"].score > result.agencies["早"].score


def test_periods_parse_and_refuse_nonsense() -> None:
    assert Period.parse("2026q3") == Period("2026Q3", Q[3], Q[3])
    assert Period.parse("2026").title() == "2026 年度"
    with pytest.raises(UserError, match="2026Q3"):
        Period.parse("2026-3")


def test_a_park_overrides_the_rules_in_its_data_directory(tmp_path) -> None:
    (tmp_path / "agencies.yaml").write_text("stars:\n  prior_weight: 12\n  min_ratings: 5\n", encoding="utf-8")
    rules = load(tmp_path).rules
    assert (rules.prior_weight, rules.min_ratings, rules.decay_per_quarter) == (12, 5, 0.8)


def test_set_aside_ratings_and_other_quarters_do_not_count(market, clerk, supervisor) -> None:
    scores = dict.fromkeys(DIMENSIONS, 5)
    uids = []
    for when in (NOW, NOW, NOW, NOW - dt.timedelta(days=120)):
        number = completed_commission(market, clerk, when=when)
        with market.ctx.work(clerk) as work:
            rating = services.rate(
                work, number, enterprise_uscc=market.enterprise_uscc, representative="王经理", scores=scores, now=when
            )
            uids.append(rating.uid)
    with market.ctx.read() as session:
        q3 = services.evaluation(session, Period.parse("2026Q3")).agencies[market.agencies["valid1"]]
    assert q3.count == 3 and q3.stars is not None
    with market.ctx.work(supervisor) as work:
        services.set_aside(work, uids[0], "评价内容与委托无关，系恶意差评", now=NOW)
    with market.ctx.read() as session:
        q3 = services.evaluation(session, Period.parse("2026Q3")).agencies[market.agencies["valid1"]]
        assert len(services.ratings_of(session, market.agencies["valid1"])) == 4  # kept on record
    assert q3.count == 2 and q3.stars is None  # below the minimum of 3 now


def test_a_rating_belongs_to_its_quarter_in_asia_shanghai(market, clerk) -> None:
    just_after = dt.datetime(2026, 9, 30, 16, 30, tzinfo=dt.UTC)  # 2026-10-01 00:30 in Yumen: Q4
    just_before = dt.datetime(2026, 9, 30, 15, 59, tzinfo=dt.UTC)  # 23:59 on 30 September: Q3
    for when in (just_after, just_before):
        number = completed_commission(market, clerk, when=when)
        with market.ctx.work(clerk) as work:
            services.rate(
                work, number, enterprise_uscc=market.enterprise_uscc, representative="王经理",
                scores=dict.fromkeys(DIMENSIONS, 4), now=when,
            )  # fmt: skip
    with market.ctx.read() as session:
        q3 = services.rating_points(session, Period.parse("2026Q3"))
        q4 = services.rating_points(session, Period.parse("2026Q4"))
        year = services.rating_points(session, Period.parse("2026"))
        assert services.ratings_in_period(session, Period.parse("2025")) == 0
    assert [p.quarter for p in q3] == [Q[3]] and [p.quarter for p in q4] == [Q[4]]
    assert sorted(p.quarter for p in year) == [Q[3], Q[4]]
