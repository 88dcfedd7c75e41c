"""Startup cases travel between stations through the real hall, with their steps, papers and enterprise."""

from __future__ import annotations

import pytest
from conftest_hall import enrolled
from startup_helpers import application, issued
from station_startup import ratings, services

from station.core import enterprises
from station.core.sync import client


# The hall's storage is covered on both databases by tests/hall; one is enough to show these tables travel.
@pytest.mark.parametrize("hall_db", ["sqlite"], indirect=True)
def test_a_case_taken_at_one_station_is_handled_and_finished_at_another(hall, tmp_path) -> None:
    yumen, town = enrolled(hall, tmp_path, "YM01"), enrolled(hall, tmp_path, "YM02")
    try:
        papers = {"identity": "received", "premises": {"deferred": True}, "appointment": "received"}
        with yumen.work(yumen.cli_actor()) as work:
            case = services.open_case(work, application(papers=papers), station_code="YM01")
            services.set_step(work, case.uid, "registration", "done", uscc_code=issued())
            uid, number = case.uid, case.number
            ratings.rate(work, uid, 2, stage="accept", comment="等候较久", station_code="YM01")
        assert number.startswith("YM01-KB")
        client.run(yumen)
        client.run(town)
        with town.read() as session:
            s = services.case_summary(session, services.find_case(session, number), case.started_at)
            enterprise = enterprises.by_uscc(session, s["uscc"])
        assert enterprise is not None and enterprise.uid == s["enterprise_uid"] and enterprise.stage == "startup"
        assert len(s["steps"]) == 5 and len(s["shareholders"]) == 2
        assert [p["status"] for p in s["papers"] if p["code"] == "premises"] == ["deferred"]
        with town.work(town.cli_actor()) as work:
            for step in ("invoice", "social_insurance", "bank_account", "seal"):
                services.set_step(work, uid, step, "done")
            services.receive_paper(work, uid, "premises")
            # the enterprise rates the completion at the other station, by its receipt's tracking code
            ratings.rate(work, s["tracking_code"], 5, channel="code", station_code="YM02")
            bad = ratings.find_rating(work.session, uid, "accept")
            assert bad.comment == "等候较久" and bad.answer_due_at is not None
        client.run(town)
        client.run(yumen)
        with yumen.read() as session:
            back = services.find_case(session, uid)
            assert back.status == "closed" and back.working_minutes is not None
            assert {s.status for s in services.steps_of(session, uid)} == {"done"}
            got = [(r["stage"], r["grade"]) for r in ratings.case_ratings(session, uid)]
            assert got == [("accept", 2), ("complete", 5)]
        assert client.status(yumen)["digest"] == client.status(town)["digest"]
    finally:
        yumen.close()
        town.close()
