"""Intake, parallel steps on the working calendar, colours as time moves, completion and its event."""

from __future__ import annotations

import datetime as dt

import pytest
from startup_helpers import application, at, issued
from station_startup import services
from station_startup.models import StartupCase

from station.core import enterprises, uscc
from station.errors import PermissionDenied, UserError, ValidationError

MONDAY_10 = at("2026-11-23T10:00")


def open_case(ctx, actor, raw=None, now=MONDAY_10):  # type: ignore[no-untyped-def]
    with ctx.work(actor) as work:
        case = services.open_case(work, raw or application(), station_code="ZZ01", now=now)
        return case.uid, case.number, case.tracking_code


def summary(ctx, key, now):  # type: ignore[no-untyped-def]
    with ctx.read() as session:
        return services.case_summary(session, services.find_case(session, key), now)


def colours(ctx, now):  # type: ignore[no-untyped-def]
    with ctx.raw() as conn:
        return services.board_colours(conn, now)


def test_intake_opens_five_parallel_steps_with_deadlines_from_the_calendar(station, clerk) -> None:
    _uid, number, tracking = open_case(station, clerk)
    assert number == "ZZ01-KB20261123-0001" and tracking.startswith("KBZZ01")
    s = summary(station, number, MONDAY_10)
    assert [step["name"] for step in s["steps"]] == ["营业执照", "发票申领", "社保登记", "银行开户", "公章刻制"]
    status = {step["code"]: step["status"] for step in s["steps"]}
    assert status == {
        "registration": "in_progress",
        "invoice": "waiting",
        "social_insurance": "waiting",
        "bank_account": "waiting",
        "seal": "in_progress",
    }
    # 4 working hours from Monday 10:00: 2 h in the morning, 2 h after lunch
    assert s["deadline_at"] == at("2026-11-23T15:30").isoformat()
    registration = s["steps"][0]
    assert registration["deadline_at"] == at("2026-11-23T12:00").isoformat()  # half the limit
    assert {p["code"]: p["status"] for p in s["papers"]}["articles"] == "generated"
    # numbers carry the station code and count up per day
    assert open_case(station, clerk, application("株洲恒瑞软件有限公司"))[1] == "ZZ01-KB20261123-0002"


def test_a_friday_afternoon_case_runs_over_the_weekend_and_one_day_parks_count_days(station, admin, clerk) -> None:
    friday = at("2026-11-27T16:00")
    uid, _number, _ = open_case(station, clerk, now=friday)
    assert summary(station, uid, friday)["deadline_at"] == at("2026-11-30T11:30").isoformat()
    with station.work(admin) as work:
        services.save_settings(work, services.StartupSettings({"limited_company": services.parse_limit_text("1d")}))
    eve = at("2026-09-30T15:00")  # the eve of National Day: one working day ends on 8 October
    uid2, _, _ = open_case(station, clerk, application("株洲恒瑞软件有限公司"), now=eve)
    s = summary(station, uid2, eve)
    assert s["deadline_at"] == at("2026-10-08T15:00").isoformat() and s["limit"] == "1个工作日"


def test_essential_papers_cannot_be_deferred_and_others_need_a_commitment(station, clerk) -> None:
    raw = application(papers={"premises": "received"})
    with pytest.raises(ValidationError, match="必备材料：股东、法定代表人身份证件"):
        open_case(station, clerk, raw)
    raw = application(papers={"identity": {"deferred": True}, "premises": "received", "appointment": "received"})
    with pytest.raises(ValidationError, match="不能容缺"):
        open_case(station, clerk, raw)
    raw = application(papers={"identity": "received"})
    with pytest.raises(ValidationError, match="书面承诺限期补交"):
        open_case(station, clerk, raw)
    raw = application(
        papers={"identity": "received", "premises": {"deferred": "2026-11-25"}, "appointment": {"deferred": True}}
    )
    uid, _, _ = open_case(station, clerk, raw)
    papers = {p["code"]: p for p in summary(station, uid, MONDAY_10)["papers"]}
    assert papers["premises"]["status"] == "deferred" and "承诺" in papers["premises"]["commitment"]
    assert papers["premises"]["due_at"] == at("2026-11-25T17:30").isoformat()
    assert papers["appointment"]["due_at"] == at("2026-11-30T10:00").isoformat()  # 5 working days


def test_intake_checks_name_shareholders_and_fields(station, clerk) -> None:
    with pytest.raises(ValidationError, match="与注册资本不一致"):
        open_case(station, clerk, application(registered_capital="600"))
    with pytest.raises(ValidationError, match="法定代表人"):
        open_case(station, clerk, application(legal_rep=""))
    with pytest.raises(UserError, match="开办类型"):
        open_case(station, clerk, application(case_type="bakery"))
    open_case(station, clerk)
    with pytest.raises(ValidationError, match="已在开办件"):
        open_case(station, clerk)


def test_registration_records_the_issued_code_and_creates_the_enterprise_in_startup(station, clerk) -> None:
    uid, number, _ = open_case(station, clerk)
    t = at("2026-11-23T11:00")
    with station.work(clerk) as work:
        services.set_step(work, number, "registration", "done", uscc_code=issued(), now=t)
    s = summary(station, uid, t)
    assert s["uscc"] == issued()
    with station.read() as session:
        enterprise = enterprises.by_uscc(session, s["uscc"])
        assert enterprise.name == "株洲华鑫新材料有限公司" and enterprise.stage == "startup"
        assert enterprise.uid == s["enterprise_uid"] and enterprise.registered_capital_fen == 500 * 1_000_000
    assert {step["code"]: step["status"] for step in s["steps"]}["invoice"] == "in_progress"


def test_registration_done_without_the_issued_code_is_refused_and_nothing_is_made_up(station, clerk) -> None:
    uid, number, _ = open_case(station, clerk)
    for empty in (None, "", "   "):
        with pytest.raises(ValidationError, match="营业执照") as raised, station.work(clerk) as work:
            services.set_step(work, number, "registration", "done", uscc_code=empty)
        assert "请填写" in raised.value.fields["uscc"]
    s = summary(station, uid, MONDAY_10)
    assert s["uscc"] == "" and s["enterprise_uid"] is None
    assert {step["code"]: step["status"] for step in s["steps"]}["registration"] == "in_progress"


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        (issued(1, "110108"), "北京市海淀区"),  # a Beijing code for a Zhuzhou address
        (issued(1, "430203"), "芦淞区"),  # another district of the same city
        (issued(1, "439901"), "找不到"),  # no such division
        ("91430211MA4PXE5Q8X", "组织机构代码"),  # the 18th character is right, the GB 11714 one is not
    ],
)
def test_an_issued_code_must_fit_the_standard_and_the_address(station, clerk, code: str, fragment: str) -> None:
    _, number, _ = open_case(station, clerk, application(address="湖南省株洲市天元区栗雨路88号"))
    with pytest.raises(ValidationError, match=fragment), station.work(clerk) as work:
        services.set_step(work, number, "registration", "done", uscc_code=code)


def test_a_law_firm_code_is_recorded(station, clerk) -> None:
    raw = application(name="株洲明鉴律师事务所", address="株洲市天元区栗雨路1号")
    uid, number, _ = open_case(station, clerk, raw)
    code = uscc.generate(__import__("random").Random(3), "430211", "3", "1")
    with station.work(clerk) as work:
        services.set_step(work, number, "registration", "done", uscc_code=code)
    assert summary(station, uid, MONDAY_10)["uscc"] == code


def test_a_typed_credit_code_must_validate(station, clerk) -> None:
    uid, number, _ = open_case(station, clerk)
    with pytest.raises(ValidationError, match="校验位"), station.work(clerk) as work:
        services.set_step(work, number, "registration", "done", uscc_code="91430211MA4L0000X0")
    import random

    code = uscc.generate(random.Random(5), "430211")
    with station.work(clerk) as work:
        services.set_step(work, number, "营业执照", "done", uscc_code=code.lower())
    assert summary(station, uid, MONDAY_10)["uscc"] == code


def test_late_registration_keeps_dependent_steps_waiting_and_red(station, clerk) -> None:
    uid, number, _ = open_case(station, clerk)
    with pytest.raises(UserError, match="要等营业执照办结"), station.work(clerk) as work:
        services.set_step(work, number, "invoice", "done")
    late = at("2026-11-24T10:00")  # the next morning: past every deadline
    s = summary(station, uid, late)
    steps = {step["code"]: step for step in s["steps"]}
    assert steps["invoice"]["status"] == "waiting" and steps["invoice"]["colour"] == "red"
    assert steps["registration"]["colour"] == "red" and s["colour"] == "red"


def test_colours_as_time_moves(station, clerk) -> None:
    _uid, number, _ = open_case(station, clerk)
    with station.read() as session:
        case_id = session.query(StartupCase.id).scalar()
    # registration (2 h, yellow in its last 30 min), the rest 4 h (yellow in the last hour)
    assert colours(station, at("2026-11-23T10:30"))[case_id][:2] == (0, 0)
    assert colours(station, at("2026-11-23T11:40"))[case_id][:2] == (1, 1)
    assert colours(station, at("2026-11-23T12:00"))[case_id][:2] == (2, 2)  # the deadline is the last moment
    with station.work(clerk) as work:
        services.set_step(work, number, "registration", "done", uscc_code=issued(), now=at("2026-11-23T11:50"))
        services.set_step(work, number, "seal", "done", now=at("2026-11-23T11:55"))
    ranks = colours(station, at("2026-11-23T14:00"))[case_id]
    assert ranks == (0, -1, 0, 0, 0, -1)
    assert colours(station, at("2026-11-23T14:45"))[case_id][0] == 1
    assert colours(station, at("2026-11-23T15:30"))[case_id][0] == 2
    with station.raw() as conn:
        ids = services.board_ids(conn)
        cs = services.board_colours(conn, at("2026-11-23T15:30"))
    assert services.counts_by_colour(cs, ids) == {"red": 1, "yellow": 0, "none": 0, "green": 0}
    assert services.filter_by_colour(cs, ids, "red") == [case_id]
    assert services.filter_by_colour(cs, ids, "green", "seal") == [case_id]
    assert services.filter_by_colour(cs, ids, "", "registration") == []


def test_an_overdue_deferred_paper_turns_the_case_red_until_it_is_brought(station, clerk) -> None:
    papers = {"identity": "received", "premises": {"deferred": "2026-11-24"}, "appointment": "received"}
    raw = application(papers=papers)
    uid, number, _ = open_case(station, clerk, raw)
    with station.work(clerk) as work:
        for step in ("registration", "invoice", "social_insurance", "bank_account"):
            services.set_step(work, number, step, "done", uscc_code=issued(), now=at("2026-11-23T11:00"))
    with station.read() as session:
        case_id = services.find_case(session, uid).id
    assert colours(station, at("2026-11-23T11:10"))[case_id][0] == 0
    assert colours(station, at("2026-11-24T17:31"))[case_id][0] == 2  # the seal step is late as well
    with station.work(clerk) as work:
        services.set_step(work, number, "seal", "done", now=at("2026-11-23T11:20"))
    with station.work(station.permissions.actor("admin", "admin")) as work:
        services.assign(work, number, agent="clerk2")
    # every step done: green until the commitment falls due, then red whatever its steps, everywhere
    assert colours(station, at("2026-11-24T17:29"))[case_id][0] == -1
    late = at("2026-11-24T17:31")
    assert colours(station, late)[case_id][0] == 2
    assert summary(station, uid, late)["colour"] == "red" and summary(station, uid, late)["status"] == "closed"
    with station.raw() as conn:
        ids = services.board_ids(conn)  # the board's default view (open cases) keeps it
        cs = services.board_colours(conn, late)
    assert case_id in ids
    assert services.counts_by_colour(cs, ids)["red"] == 1
    assert services.filter_by_colour(cs, ids, "red") == [case_id]
    # the reminder reaches the clerk and the helper agent
    with station.read() as session:
        for who in ("clerk", "clerk2"):
            actor = station.permissions.actor(who, "clerk")
            texts = [text for _, text, level, _ in services.notices_for(session, actor, late) if level == "critical"]
            assert any("经营场所）使用证明" in t and "补交" in t for t in texts), texts
        soon = services.notices_for(session, clerk, at("2026-11-24T09:30"))
        assert any("经营场所）使用证明" in text and level == "warning" for _, text, level, _ in soon)
    with station.work(clerk) as work:
        services.receive_paper(work, number, "premises", now=at("2026-11-25T09:00"))
    assert colours(station, at("2026-11-25T09:01"))[case_id][0] == -1
    with station.raw() as conn:
        assert case_id not in services.board_ids(conn)
    assert not summary(station, uid, at("2026-11-25T09:01"))["papers"][4]["overdue"]
    raw2 = application("株洲恒瑞软件有限公司", papers={"identity": "received", "premises": {"deferred": "2026-11-23"}})
    raw2["papers"]["appointment"] = "received"
    uid2, number2, _ = open_case(station, clerk, raw2, now=at("2026-11-23T09:00"))
    with station.read() as session:
        case2 = services.find_case(session, uid2).id
    assert colours(station, at("2026-11-23T17:31"))[case2][0] == 2
    with station.work(clerk) as work:
        services.receive_paper(work, number2, "premises")
    assert colours(station, at("2026-11-23T09:30"))[case2][0] == 0


def test_blocked_needs_a_reason_and_permissions_are_checked(station, clerk, ctx) -> None:
    uid, number, _ = open_case(station, clerk)
    with pytest.raises(UserError, match="受阻原因"), station.work(clerk) as work:
        services.set_step(work, number, "seal", "blocked")
    with station.work(clerk) as work:
        services.set_step(work, number, "seal", "blocked", note="刻章企业设备检修")
    assert summary(station, uid, MONDAY_10)["steps"][4]["status"] == "blocked"
    guest = ctx.permissions.actor("guest", "guest")
    with pytest.raises(PermissionDenied), station.work(guest) as work:
        services.set_step(work, number, "seal", "done")
    with pytest.raises(PermissionDenied), station.work(clerk) as work:
        services.assign(work, number, agent="clerk2")


def test_an_agent_sees_the_case_on_their_own_list_and_gets_its_notices(station, clerk, supervisor) -> None:
    uid, number, _ = open_case(station, clerk)
    with station.work(supervisor) as work:
        services.assign(work, number, agent="clerk2")
        with pytest.raises(UserError, match="不存在"):
            services.assign(work, number, agent="nobody")
    with pytest.raises(UserError, match="“nobody”不存在"):
        open_case(station, clerk, application("株洲恒瑞软件有限公司", agent="nobody"))
    with station.raw() as conn:
        assert len(services.board_ids(conn, services.BoardFilter(clerk="clerk2"))) == 1
        assert services.board_ids(conn, services.BoardFilter(clerk="supervisor")) == []
    agent = station.permissions.actor("clerk2", "clerk")
    with station.read() as session:
        assert services.notices_for(session, agent, at("2026-11-23T10:30")) == []
        yellow = services.notices_for(session, agent, at("2026-11-23T11:40"))
        red = services.notices_for(session, clerk, at("2026-11-23T12:00"))
    assert yellow == [(f"startup:{uid}:yellow", yellow[0][1], "warning", "clerk2")] and "临近" in yellow[0][1]
    assert red[0][0] == f"startup:{uid}:red" and red[0][2] == "critical" and "已超时" in red[0][1]
    import station_startup

    with station.read() as session:  # what the shell polls: Notices for the board's page, for this user
        polled = station_startup._poll(session, agent)
    assert polled and all(n.page == "startup" and n.for_user == "clerk2" for n in polled)


def test_full_story_from_intake_to_the_licence_offer_through_plugin_events(tmp_path) -> None:
    """A stand-in for the licences plugin listens to startup_did_complete, as the real one does."""
    import types

    from station.core import people
    from station.core.context import StationContext
    from station.hookspecs import hookimpl
    from station.plugins import load_host

    offers: list = []
    licences = types.SimpleNamespace(startup_did_complete=hookimpl(lambda completed: offers.append(completed)))
    station = StationContext(tmp_path / "story", host=load_host(extra={"licences_stub": licences}))
    station.open()
    admin = station.permissions.actor("admin", "admin")
    with station.work(admin) as work:
        people.add_user(work, username="clerk", display_name="李办事", role="clerk", password="station-demo-1")
    clerk = station.permissions.actor("clerk", "clerk")
    uid, number, _ = open_case(station, clerk)
    steps = ["registration", "seal", "invoice", "social_insurance", "bank_account"]
    for minutes, step in zip((50, 70, 120, 150, 230), steps, strict=True):
        with station.work(clerk) as work:
            at_ = MONDAY_10 + dt.timedelta(minutes=minutes)
            services.set_step(work, number, step, "done", uscc_code=issued(), now=at_)
        assert offers == [] or step == steps[-1]  # only the last step completes the case
    assert len(offers) == 1
    event = offers[0]
    s = summary(station, uid, at("2026-11-23T16:00"))
    assert event.case_uid == uid and event.uscc == s["uscc"] and event.enterprise_uid == s["enterprise_uid"]
    assert event.enterprise_name == "株洲华鑫新材料有限公司" and event.case_type == "limited_company"
    assert s["status"] == "closed" and s["colour"] == "green"
    # 10:00 to 13:50 is 2 h of work before lunch (which does not count) and 20 minutes after it
    assert s["working_minutes"] == 120 + 20
    with pytest.raises(UserError, match="已办结"), station.work(clerk) as work:
        services.set_step(work, number, "seal", "blocked", note="x")
    with station.read() as session:
        assert services.cases_this_month(session, at("2026-11-25T10:00")) == 1
        assert services.completion_figures(session, at("2026-11-25T10:00")) == (140 / 60, 1.0)
        assert services.completion_figures(session, at("2026-12-02T10:00")) == (None, None)
    station.close()


def test_every_write_bumps_versions_for_sync(station, clerk) -> None:
    uid, number, _ = open_case(station, clerk)
    with station.work(clerk) as work:
        services.set_step(work, number, "registration", "done", uscc_code=issued(), now=MONDAY_10)
    with station.read() as session:
        case = services.find_case(session, uid)
        steps = {s.step_code: s.version for s in services.steps_of(session, uid)}
    assert case.version == 2 and steps["registration"] == 2 and steps["invoice"] == 2 and steps["seal"] == 1


def test_a_deferred_paper_is_never_due_before_its_intake(station, clerk) -> None:
    papers = {"identity": "received", "premises": {"deferred": "2026-11-20"}, "appointment": "received"}
    with pytest.raises(ValidationError, match="补交日期应在受理之后"):
        open_case(station, clerk, application(papers=papers))
