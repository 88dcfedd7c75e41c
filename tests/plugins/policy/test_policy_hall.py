"""Across a real hall: the catalogue published at the hall reaches stations by sync, and two stations
paying the same claim offline end with one payout park-wide and a conflict at the second."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest_hall import enrolled, hall, hall_db, station  # noqa: F401 - fixtures
from station_policy import services
from station_policy.models import Payout, PolicyEdition

from helpers import enterprise_values
from station.core import enterprises
from station.core.context import StationContext
from station.core.sync import client
from station.errors import UserError

MATERIALS = ["研发费用专项审计报告", "企业所得税年度纳税申报表（含研发费用加计扣除明细）", "申请表（加盖公章）"]
START = dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC)


def pay_offline(ctx: StationContext, enterprise_uid: str, code: str) -> str:
    actor = ctx.cli_actor()
    with ctx.work(actor) as work:
        number = services.apply(
            work, enterprise_uid, "RD-AWARD", materials=MATERIALS, station_code=code, now=START
        ).number
        services.accept(work, number, now=START)
        services.review(work, number, approve=True, now=START)
        services.start_notice(work, number, now=START)
        return services.pay(work, number, station_code=code, now=START + dt.timedelta(days=8)).number


def count(ctx: StationContext, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.read() as session:
        return session.query(model).count()


@pytest.mark.parametrize("hall_db", ["sqlite"], indirect=True)  # the same authority code serves PostgreSQL
def test_catalogue_from_the_hall_and_one_payout_park_wide(hall, tmp_path) -> None:  # noqa: F811
    hall_db_args = ["--hall-db", hall.db_args[1]] if hall.db_args else []
    published = station(hall.data, "policy", "catalog", "publish", "demo", *hall_db_args, "--json")
    assert published.returncode == 0, published.stderr
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    try:
        with a.work(a.cli_actor()) as work:
            e = enterprises.create(work, enterprise_values(1, stage="运营"))
            for key, year, value in (("abnormal_listed", 0, 0), ("serious_dishonesty", 0, 0), ("tax_arrears", 0, 0),
                                     ("rd_spend_fen", 2025, 300_000_000)):  # fmt: skip
                services.set_fact(work, e.uid, key, year, value)
            uid = e.uid
        client.run(a)
        client.run(b)
        assert count(b, PolicyEdition) == 22  # the catalogue came with the sync, nothing loaded by hand
        assert count(a, PolicyEdition) == 22
        with b.read() as session:
            assert services.subject_of(session, uid).facts[("rd_spend_fen", 2025)] == 300_000_000

        # Both stations take, approve and pay the same thing while offline
        first, second = pay_offline(a, uid, "ST01"), pay_offline(b, uid, "ST02")
        assert first.startswith("ST01-PAY-") and second.startswith("ST02-PAY-")
        client.run(a)
        report = client.run(b)
        assert report.refused >= 1 or client.status(b)["conflicts"] >= 1
        client.run(a)
        with a.read() as session:  # the hall kept the first payout; the second never reached station A
            assert [p.number for p in session.query(Payout)] == [first]
        assert client.status(b)["conflicts"] >= 1  # the second station has a conflict to review
        # A claim made after the sync is refused locally: the station now knows the payout
        with b.work(b.cli_actor()) as work, pytest.raises(UserError, match=r"已领取过|已有政策"):
            services.apply(work, uid, "RD-AWARD", station_code="ST02", now=START + dt.timedelta(days=9))
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("hall_db", ["sqlite"], indirect=True)
def test_a_payout_waits_for_the_hall_and_one_it_refused_leaves_the_reports(hall, tmp_path) -> None:  # noqa: F811
    from station_policy import payout_state, reports

    hall_db_args = ["--hall-db", hall.db_args[1]] if hall.db_args else []
    assert station(hall.data, "policy", "catalog", "publish", "demo", *hall_db_args).returncode == 0
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    try:
        with a.work(a.cli_actor()) as work:
            e = enterprises.create(work, enterprise_values(1, stage="运营"))
            for key, year, value in (("abnormal_listed", 0, 0), ("serious_dishonesty", 0, 0), ("tax_arrears", 0, 0),
                                     ("rd_spend_fen", 2025, 300_000_000)):  # fmt: skip
                services.set_fact(work, e.uid, key, year, value)
            uid = e.uid
        client.run(a)
        client.run(b)
        paid_a, paid_b = pay_offline(a, uid, "ST01"), pay_offline(b, uid, "ST02")
        with a.read() as session:
            first = session.query(Payout).filter_by(number=paid_a).one().claim_uid
        with b.read() as session:
            second = session.query(Payout).filter_by(number=paid_b).one().claim_uid
        with b.read() as session:  # not at the hall yet: counted, but marked
            (line,) = services.payouts(session, month="2026-03")
            assert line.state == payout_state.PENDING
            h = services.history(session, second, START.date())
            assert h.payout_state == payout_state.PENDING and payout_state.PENDING_NOTE in h.notes
        notice = tmp_path / "pending.pdf"
        reports.write_payout_notice(notice, h, issuer="站")
        from station.core import printing

        assert "待确认" in printing.pdf_text(notice)

        client.run(a)
        client.run(b)
        client.run(a)
        with a.read() as session:  # the hall took station A's payout: confirmed there
            (line,) = services.payouts(session, month="2026-03")
            assert line.state == payout_state.CONFIRMED
            assert services.history(session, first, START.date()).notes == []
        with b.read() as session:  # station B's payout was refused: out of the month, out of the history
            assert services.payouts(session, month="2026-03") == []
            (gone,) = services.refused_payouts(session, month="2026-03")
            h = services.history(session, second, START.date())
        assert gone.number.startswith("ST02-PAY-")
        assert [ev.step for ev in h.events] == ["apply", "accept", "review", "notice"]
        assert h.payout_state == payout_state.REFUSED and "未被服务大厅接受" in h.notes[0]
        with pytest.raises(UserError, match="未被服务大厅接受"):
            reports.write_payout_notice(tmp_path / "refused.pdf", h, issuer="站")
        pdf = tmp_path / "month.pdf"
        reports.write_pdf(pdf, [], month="2026-03", issuer="站", refused=[gone])
        assert "未被服务大厅接受" in printing.pdf_text(pdf).replace("\n", "")
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("hall_db", ["sqlite"], indirect=True)
def test_an_enterprise_told_at_one_station_is_not_told_again_at_another(hall, tmp_path) -> None:  # noqa: F811
    from station_policy import push

    hall_db_args = ["--hall-db", hall.db_args[1]] if hall.db_args else []
    assert station(hall.data, "policy", "catalog", "publish", "demo", *hall_db_args).returncode == 0
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    try:
        with a.work(a.cli_actor()) as work:
            e = enterprises.create(work, enterprise_values(1, stage="运营"))
            for key, year, value in (("abnormal_listed", 0, 0), ("serious_dishonesty", 0, 0), ("tax_arrears", 0, 0),
                                     ("rd_spend_fen", 2025, 300_000_000)):  # fmt: skip
                services.set_fact(work, e.uid, key, year, value)
        client.run(a)
        client.run(b)
        day = START.date()
        with a.work(a.cli_actor()) as work:
            services.rematch(work, day)
            plan = push.plan(work.session, "RD-AWARD", day, station="一站")
            assert len(plan.notices) == 1
            push.record(work, plan, ["list"], now=START)
        client.run(a)
        client.run(b)
        with b.work(b.cli_actor()) as work:
            services.rematch(work, day)
            later = push.plan(work.session, "RD-AWARD", day, station="二站")
        assert later.notices == [] and later.skipped_notified == 1
    finally:
        a.close()
        b.close()
