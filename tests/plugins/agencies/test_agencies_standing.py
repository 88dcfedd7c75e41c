"""The park's star rules applied at a quarter's close: 1★ two quarters running suspends from draws (and the
draw leaves the agency out with the rule as its reason), the next close lifts it, 5★ may be invited directly
for a small commission; a close is audited, made once, only after the quarter; hostile rules are refused."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from agencies_market import Market, close
from station_agencies import services, standing
from station_agencies.catalogue import load
from station_agencies.models import Agency, Standing

from station.core.audit import AuditEntry
from station.errors import UserError


def test_one_star_two_quarters_running_suspends_and_the_draw_leaves_it_out(park: Market, admin) -> None:
    ctx, uids = park.ctx, park.agencies
    q2 = close(park, admin, "2026Q2", dt.datetime(2026, 7, 2, 2, tzinfo=dt.UTC))
    assert q2.with_consequence(standing.SUSPEND) == []  # one quarter at 1★ is not two running
    q3 = close(park, admin, "2026Q3", dt.datetime(2026, 10, 2, 2, tzinfo=dt.UTC))
    (suspended,) = q3.with_consequence(standing.SUSPEND)
    assert suspended.agency_uid == uids["valid1"] and suspended.stars == 1
    assert "连续 2 个季度（2026Q2、2026Q3）" in suspended.note
    (invited,) = q3.with_consequence(standing.INVITE)
    assert invited.agency_uid == uids["valid2"] and invited.stars == 5
    with ctx.read() as session:
        a = session.query(Agency).filter_by(uid=uids["valid1"]).one()
        assert a.status == "suspended" and a.status_reason.startswith(standing.RULE_MARK)
        pool = services.preview_pool(session, "cost", now=dt.datetime(2026, 10, 3, 2, tzinfo=dt.UTC))
    assert uids["valid1"] not in {p["uid"] for p in pool.pool}
    assert any(x["uid"] == uids["valid1"] and "暂停" in x["reason"] and "连续 2 个季度" in x["reason"]
               for x in pool.exclusions)  # fmt: skip
    with ctx.work(admin) as work:
        for _ in range(12):  # whatever the witnesses type, a suspended agency is never drawn
            row = services.draw(work, "cost", [("clerk", str(_))], now=dt.datetime(2026, 10, 3, 2, tzinfo=dt.UTC))
            assert row.agency_uid != uids["valid1"]
    with ctx.read() as session:
        audits = session.query(AuditEntry).filter(AuditEntry.action == "agencies.period.close").all()
        assert [json.loads(a.after)["suspended"] for a in audits] == [0, 1]
        assert session.query(AuditEntry).filter(AuditEntry.action == "agencies.agency.status",
                                                AuditEntry.subject_id == uids["valid1"]).count() == 1  # fmt: skip
    # Q4 brings no 1★ for it (suspended, it got no work): the close lifts the rule's suspension only
    q4 = close(park, admin, "2026Q4", dt.datetime(2027, 1, 4, 2, tzinfo=dt.UTC))
    assert [s.agency_uid for s in q4.with_consequence(standing.LIFT)] == [uids["valid1"]]
    with ctx.read() as session:
        assert session.query(Agency).filter_by(uid=uids["valid1"]).one().status == "active"
        assert session.query(Agency).filter_by(uid=uids["suspended"]).one().status == "suspended"  # a person's


def test_a_five_star_agency_may_be_invited_for_a_small_commission_only(park: Market, admin) -> None:
    ctx, uids = park.ctx, park.agencies
    cat = load(ctx.data_dir)
    after = dt.datetime(2026, 10, 8, 2, tzinfo=dt.UTC)

    def invite(label: str, budget: int | None):
        with ctx.work(admin) as work:
            return services.create_commission(work, park.enterprise_uid, "cost", scope="小额结算审核",
                                              budget_fen=budget, agency_uid=uids[label], invite=True, cat=cat,
                                              now=after)  # fmt: skip

    with pytest.raises(UserError, match="没有达到可直接邀请的星级"):
        invite("valid2", 30_000_00)  # nothing closed yet
    close(park, admin, "2026Q3", dt.datetime(2026, 10, 2, 2, tzinfo=dt.UTC))
    assert invite("valid2", 30_000_00).selection == "invite"
    for budget in (50_000_00, 10**15, None):
        with pytest.raises(UserError, match=r"预算低于 50,000\.00 元"):
            invite("valid2", budget)
    with pytest.raises(UserError, match="没有达到可直接邀请的星级"):
        invite("valid3", 100)


def test_a_quarter_is_closed_once_and_only_after_it_ends(park: Market, admin) -> None:
    with pytest.raises(UserError, match="期满后才能结算"):
        close(park, admin, "2026Q3", dt.datetime(2026, 9, 30, 2, tzinfo=dt.UTC))
    with pytest.raises(UserError, match="只能按季度结算"):
        close(park, admin, "2026", dt.datetime(2027, 1, 2, 2, tzinfo=dt.UTC))
    for hostile in ("2026Q5", "=HYPERLINK(1)", "2026Q3\ud800", ""):
        with pytest.raises(UserError, match="写法不对"):
            close(park, admin, hostile, dt.datetime(2027, 1, 2, 2, tzinfo=dt.UTC))
    close(park, admin, "2026Q3", dt.datetime(2026, 10, 2, 2, tzinfo=dt.UTC))
    with pytest.raises(UserError, match="已经结算过"):
        close(park, admin, "2026Q3", dt.datetime(2026, 10, 3, 2, tzinfo=dt.UTC))
    with park.ctx.read() as session:
        assert session.query(Standing).filter_by(period="2026Q3").count() == 8  # one per agency


def test_a_clerk_cannot_close_a_quarter(park: Market, clerk) -> None:
    from station.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        close(park, clerk, "2026Q3", dt.datetime(2026, 10, 2, 2, tzinfo=dt.UTC))


@pytest.mark.parametrize(
    "rules",
    [
        "stars:\n  consequences:\n    suspend: {stars: .nan, quarters: 2}\n",
        "stars:\n  consequences:\n    suspend: {stars: 9, quarters: 2}\n",
        "stars:\n  consequences:\n    invite: {stars: 5, below_yuan: -1}\n",
        "stars:\n  consequences:\n    invite: {stars: 5, below_yuan: '=HYPERLINK(1)'}\n",
        "stars:\n  consequences:\n    invite: {stars: 5, below_yuan: .inf}\n",
        "stars: [1, 2]\n",
    ],
)
def test_hostile_park_rules_are_refused_with_a_sentence(tmp_path, rules: str) -> None:
    (tmp_path / "agencies.yaml").write_text(rules, encoding="utf-8")
    with pytest.raises(UserError, match=r"agencies\.yaml"):
        load(tmp_path)


def test_a_malformed_standing_from_elsewhere_does_not_break_the_pages(park: Market, admin) -> None:
    """A row another station sent with a period that is not a quarter is left out, not raised."""
    close(park, admin, "2026Q3", dt.datetime(2026, 10, 2, 2, tzinfo=dt.UTC))
    with park.ctx.work(admin) as work:
        work.session.add(Standing(period="=1+1\ud7ff", agency_uid=park.agencies["valid3"], stars=None, ratings=0,
                                  consequence="invite", note="", closed_by="x", version=1))  # fmt: skip
    with park.ctx.read() as session:
        assert standing.closed_periods(session) == ["2026Q3"]
        assert standing.invitable(session, park.agencies["valid3"]) is None
        assert [s.period for s in standing.history(session, park.agencies["valid3"])] == ["2026Q3"]
