"""每周通报: the figures of a hand-made week (2026-W48, Monday 23 to Sunday 29 November) and the week before.

Limited companies have 4 working hours (registration 2 of them); working hours 09:00–12:00, 13:30–17:30.
Every expected figure below is worked out by hand from the times in ``week_of_cases``.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from startup_helpers import application, at, issued
from station_startup import bulletin, bulletin_pdf, ratings, services

STEPS = ("registration", "seal", "invoice", "social_insurance", "bank_account")
NAMES = {
    "A": "株洲华鑫新材料有限公司", "B": "株洲恒瑞软件有限公司", "C": "株洲博远智能装备有限公司",
    "D": "株洲云帆储能科技有限公司", "E": "株洲正和物流有限公司", "F": "株洲佳润食品有限公司",
    "G": "株洲星辉电子有限公司",
}  # fmt: skip


def _case(work, key, opened, done=(), papers=None, agent=""):  # type: ignore[no-untyped-def]
    raw = application(NAMES[key], agent=agent)
    if papers:
        raw["papers"] = papers
    case = services.open_case(work, raw, station_code="ZZ01", now=at(opened))
    for step, when in done:
        services.set_step(work, case.number, step, "done", uscc_code=issued(ord(key)), now=at(when))
    return case.number


@pytest.fixture
def week_of_cases(station, clerk):  # type: ignore[no-untyped-def]
    supervisor = station.permissions.actor("supervisor", "supervisor")
    deferred = {"identity": "received", "appointment": "received", "premises": {"deferred": "2026-11-26"}}
    with station.work(clerk) as work:
        # W47: E on time; F a day late in every step
        e = _case(work, "E", "2026-11-16T10:00", [(s, "2026-11-16T11:00") for s in STEPS])
        _case(work, "F", "2026-11-19T10:00", [("registration", "2026-11-20T10:00")]
              + [(s, "2026-11-20T10:30") for s in STEPS[1:]])  # fmt: skip
        ratings.rate(work, e, 5, stage="complete", now=at("2026-11-16T15:00"))
        # W48
        a = _case(work, "A", "2026-11-23T10:00", [("registration", "2026-11-23T11:00"), ("seal", "2026-11-23T11:20"),
                  ("invoice", "2026-11-23T13:40"), ("social_insurance", "2026-11-23T14:00"),
                  ("bank_account", "2026-11-23T14:30")])  # fmt: skip
        b = _case(work, "B", "2026-11-24T10:00", [("seal", "2026-11-24T11:00"), ("registration", "2026-11-24T12:30")],
                  agent="clerk2")  # fmt: skip
        c = _case(work, "C", "2026-11-25T10:00", [(s, "2026-11-25T11:00") for s in STEPS], papers=deferred)
        _case(work, "D", "2026-11-27T17:00")
        _case(work, "G", "2026-11-30T09:30")  # the next week: not in this bulletin
        ratings.rate(work, a, 5, stage="apply", now=at("2026-11-23T10:05"))
        ratings.rate(work, a, 4, stage="complete", now=at("2026-11-23T15:00"))
        bad = ratings.rate(work, b, 1, stage="accept", now=at("2026-11-24T11:00"), comment="等了很久").uid
        ratings.rate(work, c, 2, stage="accept", now=at("2026-11-25T10:30"))
    with station.work(supervisor) as work:
        ratings.answer(work, bad, "verify", "属实", now=at("2026-11-25T09:00"))
        ratings.answer(work, bad, "rectify", "调整窗口排班", now=at("2026-11-26T09:00"))
        ratings.answer(work, bad, "revisit", "企业认可", now=at("2026-11-27T09:00"))
    return station


def test_the_weeks_figures_match_the_hand_count(week_of_cases) -> None:
    with week_of_cases.read() as session:
        found = bulletin.make(session, bulletin.Week.parse("2026-W48"), station_name="株洲高新区企业服务站",
                              now=at("2026-11-30T09:00"))  # fmt: skip
    this, last = found.this, found.last
    assert (this.taken, this.closed, this.closed_in_time) == (4, 2, 2)  # A, B, C, D taken; A and C closed in time
    assert this.colours == {"red": 2, "yellow": 0, "none": 1, "green": 1}  # B late, C's paper overdue; D; A
    assert this.papers_overdue == 1
    # B's registration finished late; its invoice, social insurance and bank account still open past 15:30
    assert {d: [(o.number[-4:], o.step, o.clerk, o.agent, o.done_at is None) for o in v]
            for d, v in this.overdue_by_department.items()} == {
        "市场监督管理局": [("0001", "营业执照", "clerk", "clerk2", False)],
        "税务局": [("0001", "发票申领", "clerk", "clerk2", True)],
        "人力资源和社会保障局": [("0001", "社保登记", "clerk", "clerk2", True)],
        "开户银行": [("0001", "银行开户", "clerk", "clerk2", True)],
    }  # fmt: skip
    times = {t.step: (t.done, t.median_hours, t.limit_hours, t.late) for t in this.step_times}
    assert times["营业执照"] == (3, 1.0, 2.0, 1)  # A 1 h, B 2 h (late), C 1 h
    assert times["公章刻制"] == (3, 1.0, 4.0, 0)  # A 1 h 20, B 1 h, C 1 h
    assert times["发票申领"][:2] == (2, pytest.approx((2 + 10 / 60 + 1) / 2))  # A 2 h 10 (lunch excluded), C 1 h
    assert times["社保登记"][:2] == (2, 1.75) and times["银行开户"][:2] == (2, 2.0)
    r = this.ratings
    assert r is not None and r.by_grade == {5: 1, 4: 1, 3: 0, 2: 1, 1: 1}
    assert (r.total, r.satisfied_share, r.bad, r.answered, r.overdue) == (4, 0.5, 2, 1, 0)
    assert (last.taken, last.closed, last.closed_in_time, last.colours["red"], last.overdue_steps) == (2, 2, 1, 0, 5)
    assert bulletin_pdf.comparison_rows(this, last) == [
        ("受理开办件", "4", "2", "+2"),
        ("办结开办件", "2", "2", "持平"),
        ("按时办结率", "100%", "50%", "+50 个百分点"),
        ("周末红色件", "2", "0", "+2"),
        ("超时环节", "4", "5", "−1"),
        ("收到评价", "4", "1", "+3"),
        ("满意率", "50%", "100%", "−50 个百分点"),
        ("差评", "2", "0", "+2"),
    ]


def test_the_bulletin_pdf_from_the_command_line(week_of_cases, tmp_path, capsys) -> None:
    from station.cli import main

    data = week_of_cases.data_dir
    week_of_cases.close()
    out = tmp_path / "通报.pdf"
    code = main(["--data-dir", str(data), "startup", "bulletin", "--week", "2026-W48", "--pdf", str(out), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert json.loads(captured.out)["colours"]["red"] == 2
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True).stdout
    assert "企业开办三色预警每周通报" in text and "2026 年第 48 周" in text
    assert "王晓燕" in text and "李办事" in text  # clerks and agents by their names
    assert "税务局" in text and "满意率" in text and "+50 个百分点" in text
    code = main(["--data-dir", str(data), "startup", "bulletin", "--week", "2026-W99"])
    assert code != 0 and "周次" in capsys.readouterr().err
    code = main(["--data-dir", str(data), "startup", "bulletin", "--week", "2099-W01"])
    assert code != 0 and "还没有开始" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["2025-W53", "2026W0", "W48", "", "2026-W48; DROP TABLE", "２０２６-W48"])
def test_week_text_is_checked(text: str) -> None:
    from station.errors import UserError

    with pytest.raises(UserError, match="2026-W48"):
        bulletin.Week.parse(text)


def test_the_week_still_running_counts_up_to_now(week_of_cases) -> None:
    with week_of_cases.read() as session:
        found = bulletin.make(session, bulletin.Week.parse("2026-W48"), station_name="站", now=at("2026-11-24T14:00"))
    this = found.this
    assert this.as_of == at("2026-11-24T14:00")
    # Tuesday 14:00: A closed; B's registration was done late (12:30), its other steps are due at 15:30 and
    # turn yellow at 14:30, so B is plain; the late registration is counted as an overdue step
    assert (this.taken, this.closed) == (2, 1)
    assert this.colours == {"red": 0, "yellow": 0, "none": 1, "green": 1}
    assert [o.step for v in this.overdue_by_department.values() for o in v] == ["营业执照"]
