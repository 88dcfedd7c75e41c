"""好差评 (一事三评): ratings at the three points of a case, and the answers to bad ones."""

from __future__ import annotations

import json

import pytest
from startup_helpers import application, at, issued
from station_startup import ratings, services

from station.errors import PermissionDenied, UserError, ValidationError

MONDAY_10 = at("2026-11-23T10:00")
STEPS = ("registration", "invoice", "social_insurance", "bank_account", "seal")


def open_case(ctx, actor, name="株洲华鑫新材料有限公司", now=MONDAY_10):  # type: ignore[no-untyped-def]
    with ctx.work(actor) as work:
        case = services.open_case(work, application(name), station_code="ZZ01", now=now)
        return case.uid, case.number, case.tracking_code


def close(ctx, actor, number, now, seed=1):  # type: ignore[no-untyped-def]
    with ctx.work(actor) as work:
        for step in STEPS:
            services.set_step(work, number, step, "done", uscc_code=issued(seed), now=now)


def rate(ctx, actor, key, grade, now, **kw):  # type: ignore[no-untyped-def]
    with ctx.work(actor) as work:
        return ratings.rate(work, key, grade, now=now, **kw).uid


def test_three_points_one_rating_each_stage_defaults_to_the_latest(station, clerk) -> None:
    uid, number, tracking = open_case(station, clerk)
    rate(station, clerk, number, 5, at("2026-11-23T10:05"), stage="apply")
    rate(station, clerk, number, "4", at("2026-11-23T10:06"))  # the latest point of an open case: acceptance
    with pytest.raises(UserError, match="办结后才能评价"), station.work(clerk) as work:
        ratings.rate(work, number, 5, stage="complete", now=at("2026-11-23T10:07"))
    with pytest.raises(UserError, match="已经评价过"), station.work(clerk) as work:
        ratings.rate(work, number, 3, stage="accept", now=at("2026-11-23T10:08"))
    close(station, clerk, number, at("2026-11-23T11:00"))
    # later, at another station, by the receipt's tracking code
    rate(station, clerk, tracking, 3, at("2026-11-24T09:00"), comment="银行开户排队较久", channel="code")
    with station.read() as session:
        s = services.case_summary(session, services.find_case(session, uid), at("2026-11-24T09:00"))
    got = [(r["stage"], r["grade_text"], r["comment"]) for r in s["ratings"]]
    assert got == [("apply", "非常满意", ""), ("accept", "满意", ""), ("complete", "基本满意", "银行开户排队较久")]
    assert all(r["answer_due_at"] is None for r in s["ratings"])  # nothing to answer


@pytest.mark.parametrize("grade", [0, 6, -1, "非常满意", "", None, True, "nan", "1e9", 2.5, "99999999999999999999"])
def test_only_the_five_national_grades_are_taken(station, clerk, grade) -> None:
    _, number, _ = open_case(station, clerk)
    with pytest.raises(ValidationError, match="1 到 5"), station.work(clerk) as work:
        ratings.rate(work, number, grade, now=MONDAY_10)


@pytest.mark.parametrize("comment", ["\ud800坏", "x" * 501, "好\x00"])
def test_hostile_comments_are_refused(station, clerk, comment) -> None:
    _, number, _ = open_case(station, clerk)
    with pytest.raises(ValidationError), station.work(clerk) as work:
        ratings.rate(work, number, 2, comment=comment, now=MONDAY_10)


def test_a_bad_rating_is_answered_by_a_supervisor_in_order_within_the_parks_time(station, clerk) -> None:
    supervisor = station.permissions.actor("supervisor", "supervisor")
    _, number, _ = open_case(station, clerk)
    uid = rate(station, clerk, number, 1, at("2026-11-23T10:30"), comment="窗口人员态度差")
    with station.read() as session:
        rating = ratings.find_rating(session, number, "accept")
        # 15 working days from Monday 23 November: Monday 14 December, same time
        assert rating.answer_due_at == at("2026-12-14T10:30")
        notes = ratings.notices_for(session, supervisor, at("2026-11-24T10:00"))
        assert [level for _, _, level, _ in notes] == ["warning"] and "非常不满意" in notes[0][1]
        late = ratings.notices_for(session, supervisor, at("2026-12-14T10:31"))
        assert [level for _, _, level, _ in late] == ["critical"]
    with pytest.raises(PermissionDenied), station.work(clerk) as work:
        ratings.answer(work, uid, "verify", "已核实", now=at("2026-11-24T10:00"))
    with pytest.raises(UserError, match="请先完成核实"), station.work(supervisor) as work:
        ratings.answer(work, uid, "rectify", "已整改", now=at("2026-11-24T10:00"))
    with pytest.raises(ValidationError, match="请写明核实"), station.work(supervisor) as work:
        ratings.answer(work, uid, "verify", "  ", now=at("2026-11-24T10:00"))
    with station.work(supervisor) as work:
        ratings.answer(work, uid, "verify", "调阅录像，属实", now=at("2026-11-24T10:00"))
        ratings.answer(work, uid, "rectify", "对窗口人员批评教育并培训", now=at("2026-11-25T10:00"))
    with station.read() as session:
        assert len(ratings.waiting_answers(session)) == 1  # not done until the revisit is recorded
    with station.work(supervisor) as work:
        ratings.answer(work, uid, "revisit", "电话回访，企业表示满意", now=at("2026-11-26T10:00"))
    with pytest.raises(UserError, match="已经回访过"), station.work(supervisor) as work:
        ratings.answer(work, uid, "revisit", "再次回访", now=at("2026-11-26T11:00"))
    with station.read() as session:
        assert ratings.waiting_answers(session) == []
        assert ratings.notices_for(session, supervisor, at("2026-12-20T10:00")) == []
        found = ratings.figures(session, at("2026-11-23T00:00"), at("2026-11-30T00:00"))
    assert found.by_grade == {5: 0, 4: 0, 3: 0, 2: 0, 1: 1} and found.bad == 1 and found.answered == 1
    assert found.overdue == 0 and found.satisfied_share == 0.0


def test_a_good_rating_needs_no_answer(station, clerk) -> None:
    supervisor = station.permissions.actor("supervisor", "supervisor")
    _, number, _ = open_case(station, clerk)
    uid = rate(station, clerk, number, 3, MONDAY_10)
    with pytest.raises(UserError, match="只有"), station.work(supervisor) as work:
        ratings.answer(work, uid, "verify", "无", now=MONDAY_10)


def test_cli_rate_show_and_answer(tmp_path, capsys) -> None:
    from station.cli import main
    from station.core.context import StationContext

    data = tmp_path / "data"
    ctx = StationContext(data)
    ctx.open()
    try:
        _, number, tracking = open_case(ctx, ctx.cli_actor(), now=at("2026-11-02T10:00"))
    finally:
        ctx.close()

    def station(*argv: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data), "startup", *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    code, out, err = station("rate", number, "--grade", "2", "--comment", "材料退回两次", "--json")
    assert code == 0, err
    assert json.loads(out)["stage"] == "accept" and json.loads(out)["answer_due_at"]
    code, out, err = station("rate", tracking, "--grade", "6")
    assert code != 0 and "1 到 5" in err
    code, out, err = station("rate", tracking, "--grade", "5", "--stage", "apply")
    assert code == 0 and "非常满意" in out
    code, out, _ = station("answer", number, "--stage", "accept", "--step", "verify", "--text", "属实")
    assert code == 0 and "核实" in out
    code, out, _ = station("show", number)
    assert "受理 不满意（材料退回两次）  已核实" in out and "申请 非常满意" in out
