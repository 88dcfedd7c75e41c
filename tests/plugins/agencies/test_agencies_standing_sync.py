"""Through a real hall: a quarter closed at two stations offline ends with one standing per agency park-wide,
and a joint commission's parts travel with it."""

from __future__ import annotations

import datetime as dt
import json

from agencies_market import NOW, add_agency
from conftest_hall import enrolled, station
from station_agencies import services, standing
from station_agencies.models import CommissionPart, Standing
from station_agencies.stars import DIMENSIONS

from helpers import enterprise_values
from station.core import enterprises
from station.core.context import StationContext
from station.core.sync import client

AFTER_Q3 = dt.datetime(2026, 10, 2, 2, tzinfo=dt.UTC)


def standings(ctx: StationContext) -> list[tuple[str, str]]:
    with ctx.read() as session:
        return sorted((s.period, s.closed_by) for s in session.query(Standing))


def test_a_quarter_closed_at_two_stations_ends_as_one(hall, tmp_path) -> None:
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    try:
        with a.work(a.cli_actor()) as work:
            ent = enterprises.create(work, enterprise_values(1))
            both = add_agency(work, "全能", 301, services_=("cost", "appraisal"))
            for code in ("cost", "appraisal"):
                services.add_qualification(work, both, code, f"{code}-1", dt.date(2030, 1, 1), now=NOW)
            c = services.create_commission(work, ent.uid, "cost,appraisal", scope="结算和评估",
                                           witnesses=[("clerk", "5")], now=NOW)  # fmt: skip
            number = c.number
            for i in range(3):  # three completed commissions rated 5 in 2026Q3: five stars, at the hall too
                done = services.create_commission(work, ent.uid, "cost", scope=f"结算审核 {i}", agency_uid=both,
                                                  now=NOW).number  # fmt: skip
                services.accept(work, done, now=NOW)
                services._advance(work, done, "accepted", "delivered", NOW, delivered_at=NOW)
                services.complete(work, done, "王经理", now=NOW)
                services.rate(work, done, enterprise_uscc=ent.uscc, representative="王经理",
                              scores=dict.fromkeys(DIMENSIONS, 5), now=NOW)  # fmt: skip
        client.run(a)
        client.run(b)
        with b.read() as session:  # the joint commission arrived whole
            c = services.get_commission(session, number)
            assert [p.service for p in session.query(CommissionPart).filter_by(commission_uid=c.uid)] == [
                "cost", "appraisal"]  # fmt: skip
            assert services.verify_draw(session, c.draw_uid)[1].ok
        for ctx in (a, b):  # both close 2026Q3 while offline
            with ctx.work(ctx.cli_actor()) as work:
                standing.close_period(work, "2026Q3", now=AFTER_Q3)
        client.run(a)
        late = client.run(b)
        assert late.new_conflicts >= 1  # the hall keeps the first close of the quarter
        client.run(a)
        assert len(standings(a)) == 1  # station A never receives the second station's standing
        # The hall publishes the park's marketplace from what it holds
        hall_db = ["--hall-db", hall.db_args[1]] if hall.db_args else []
        out = tmp_path / "site"
        made = station(hall.data, "agencies", "publish", "--out", str(out), "--hall", "--quarter", "2026Q3", *hall_db,
                       "--issuer", "玉门市经开区企业服务中心", "--json")  # fmt: skip
        assert made.returncode == 0, made.stderr
        assert json.loads(made.stdout)["agencies"] == 1 and json.loads(made.stdout)["closed"] == "2026Q3"
        page = (out / "index.html").read_text(encoding="utf-8")
        assert "玉门全能工程造价咨询有限公司" in page and "玉门市经开区企业服务中心" in page
        assert "cost-1" in page and "appraisal-1" in page and "★★★★★" in page and "可直接邀请" in page
    finally:
        a.close()
        b.close()
