"""Agencies, commissions, draws and ratings travel through a real hall; one rating per commission park-wide."""

from __future__ import annotations

from agencies_market import NOW, add_agency
from conftest_hall import enrolled, hall_digest
from sqlalchemy import func, select
from station_agencies import services
from station_agencies.models import Draw, Rating
from station_agencies.stars import DIMENSIONS

from helpers import enterprise_values
from station.core import enterprises
from station.core.context import StationContext
from station.core.sync import client, conflicts


def ratings(ctx: StationContext) -> int:
    with ctx.read() as session:
        return session.scalar(select(func.count()).select_from(Rating)) or 0


def test_a_rating_entered_at_two_stations_ends_as_one(hall, tmp_path) -> None:
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    actor = a.cli_actor()
    with a.work(actor) as work:
        ent = enterprises.create(work, enterprise_values(1))
        uid = add_agency(work, "恒信", 101)
        add_agency(work, "正大", 102)
        services.add_qualification(work, uid, "cost", "COST-1", NOW.date().replace(year=2030), now=NOW)
        c = services.create_commission(work, ent.uid, "cost", scope="结算审核", agency_uid=uid, now=NOW)
        number, uscc = c.number, ent.uscc
        services.accept(work, number, now=NOW)
        services._advance(work, number, "accepted", "delivered", NOW, delivered_at=NOW)
        services.complete(work, number, "王经理", now=NOW)
        services.draw(work, "cost", [("enterprise", "1"), ("clerk", "2")], enterprise_uid=ent.uid, now=NOW)
    client.run(a)
    client.run(b)
    with b.read() as session:  # everything arrived, references by uid intact
        assert services.get_commission(session, number).agency_uid == uid
        draw_uid = session.scalar(select(Draw.uid))
        assert services.verify_draw(session, draw_uid)[1].ok
    for ctx, rep in ((a, "王经理"), (b, "李经理")):  # both offline: each station takes a rating
        with ctx.work(ctx.cli_actor()) as work:
            services.rate(work, number, enterprise_uscc=uscc, representative=rep, scores=dict.fromkeys(DIMENSIONS, 4))
    client.run(a)
    late = client.run(b)
    assert late.new_conflicts >= 1  # the hall refused the second rating of the commission
    with a.read() as session:
        assert session.scalar(select(Rating.representative)) == "王经理"
    assert ratings(a) == 1 and client.status(a)["digest"] == hall_digest(hall)  # the hall holds A's one rating
    with b.read() as session:  # B's refused rating waits in its conflicts for a supervisor
        waiting = conflicts.open_conflicts(session)
    assert {c.table for c in waiting} == {"agencies_rating"}
    mine = next(c for c in waiting if c.hall_row == "none")  # the hall never took B's rating
    supervisor = b.permissions.actor("sup", "supervisor", "审核员")
    with b.work(supervisor) as work:  # keeping the hall's: B drops its own and takes A's, refused until now
        conflicts.resolve(work, mine.id, "hall")
    with b.read() as session:
        assert conflicts.open_conflicts(session) == []
        assert session.scalar(select(Rating.representative)) == "王经理"
    assert ratings(b) == 1 and client.status(b)["digest"] == hall_digest(hall) == client.status(a)["digest"]
    assert client.status(b)["pending"] == 0
    for ctx in (a, b):
        ctx.close()
