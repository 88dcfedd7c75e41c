"""Across a real hall: two stations, each with a valid credential, record and pay the same 一事一议 decision
offline; the hall keeps one record and one payout, and the second station's payment leaves its reports."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest_hall import enrolled, hall, hall_db, station  # noqa: F401 - fixtures
from station_policy import awards, payout_state, reports, services
from station_policy.models import Award, Payout

from helpers import enterprise_values
from station.core import enterprises
from station.core.context import StationContext
from station.core.sync import client, conflicts
from station.errors import UserError

START = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)
DECISION = "株高新管〔2026〕18号"


def pay_offline(ctx: StationContext, enterprise_uid: str, code: str, amount: int) -> str:
    with ctx.work(ctx.cli_actor()) as work:
        number = awards.record(
            work, enterprise_uid, decision_no=DECISION, amount_fen=amount, department="高新区管委会",
            reason="重大项目落地奖励", station_code=code, now=START,
        ).number  # fmt: skip
        awards.start_notice(work, number, now=START)
        return awards.pay(work, number, station_code=code, now=START + dt.timedelta(days=8)).number


@pytest.mark.parametrize("hall_db", ["sqlite"], indirect=True)
@pytest.mark.parametrize("same_enterprise", [True, False], ids=["same-enterprise", "typed-another-enterprise"])
def test_one_decision_paid_at_two_stations_ends_as_one_payout(hall, tmp_path, same_enterprise) -> None:  # noqa: F811
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    try:
        with a.work(a.cli_actor()) as work:
            uids = [enterprises.create(work, enterprise_values(seed, stage="运营")).uid for seed in (1, 2)]
        client.run(a)
        client.run(b)
        first = pay_offline(a, uids[0], "ST01", 35_000_050)
        second = pay_offline(b, uids[0] if same_enterprise else uids[1], "ST02", 35_000_050)
        client.run(a)
        client.run(b)
        client.run(a)
        assert client.status(b)["conflicts"] >= 1  # the second station's record and payout come back
        with a.read() as session:  # station A never hears of the second payment
            assert [p.number for p in session.query(Payout)] == [first]
            assert [x.number for x in session.query(Award)] == [awards.get_award(session, DECISION).number]
            (line,) = services.payouts(session, month="2026-03")
            assert line.state == payout_state.CONFIRMED and line.amount_fen == 35_000_050
        with b.read() as session:  # station B: the hall's payout counts, its own is left out with a reason
            lines = services.payouts(session, month="2026-03")
            # (A's payout waits at B while B's own one holds the same key locally, until the conflict is settled)
            assert {x.number for x in lines} <= {first}
            (gone,) = services.refused_payouts(session, month="2026-03")
            assert gone.number == second
            mine = session.query(Award).filter(Award.number.like("ST02-%")).one()
            h = awards.history(session, mine.number)
            assert h.payout_state == payout_state.REFUSED
            assert [e.step for e in h.events] == ["record", "notice"]
            assert any("未被服务大厅接受" in n and DECISION in n for n in h.notes)
            assert reports.left_out_text([gone]).startswith("另有 1 笔兑付")
        with pytest.raises(UserError, match="未被服务大厅接受"):
            reports.write_award_notice(tmp_path / "refused.pdf", h, issuer="站")
        # After the sync station B knows the decision: recording or paying it again is refused locally
        with b.work(b.cli_actor()) as work, pytest.raises(UserError, match="已登记为一事一议奖补"):
            awards.record(work, uids[0], decision_no=DECISION, amount_fen=1, department="管委会", reason="再次",
                          station_code="ST02", now=START + dt.timedelta(days=9))  # fmt: skip
        # The supervisor at B keeps the hall's version: B's record and payout go, the hall's arrive
        with b.work(b.cli_actor()) as work:
            for conflict in conflicts.open_conflicts(work):
                if conflict.kind == "duplicate":
                    conflicts.resolve(work, conflict.id, "hall")
        client.run(b)
        with b.read() as session:
            assert [x.number for x in services.payouts(session, month="2026-03")] == [first]
            assert services.refused_payouts(session, month="2026-03") == []
            (only,) = awards.rows(session)
            assert only.number.startswith("ST01-YS-") and only.payout_state == payout_state.CONFIRMED
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("hall_db", ["sqlite"], indirect=True)
def test_another_station_cannot_move_an_award_it_did_not_record(hall, tmp_path) -> None:  # noqa: F811
    """Station B, with a valid credential, revokes station A's award after the sync: the hall does not apply
    it (write="owner"), station A's award goes on and is paid once."""
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    try:
        with a.work(a.cli_actor()) as work:
            uid = enterprises.create(work, enterprise_values(1, stage="运营")).uid
            number = awards.record(work, uid, decision_no=DECISION, amount_fen=10_000, department="管委会",
                                   reason="奖励", station_code="ST01", now=START).number  # fmt: skip
        client.run(a)
        client.run(b)
        with b.work(b.cli_actor()) as work:
            awards.revoke(work, number, "另一站点的撤销", now=START + dt.timedelta(days=1))
        client.run(b)
        assert client.status(b)["conflicts"] >= 1  # the change waits at the hall for a person
        client.run(a)
        with a.read() as session:
            assert awards.get_award(session, number).status == "decided"
        with a.work(a.cli_actor()) as work:
            awards.start_notice(work, number, now=START + dt.timedelta(days=1))
            paid = awards.pay(work, number, station_code="ST01", now=START + dt.timedelta(days=9))
        client.run(a)
        with a.read() as session:
            assert [p.number for p in session.query(Payout)] == [paid.number]
            assert session.query(Award).one().status == "paid"
    finally:
        a.close()
        b.close()
