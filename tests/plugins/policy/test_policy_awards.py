"""一事一议 awards: recorded from a decision, 公示 and 兑付 as claims, pay once by decision number, in the
month report, hostile values refused with a sentence, and a process killed mid-payment leaving no trace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from policy_helpers import make_firm
from station_policy import awards, payout_state, reports, services, wordings
from station_policy.models import Award, ClaimEvent, Payout

from station.core import audit_text, printing
from station.core.audit import AuditEntry
from station.core.enterprises import Enterprise
from station.errors import PermissionDenied, UserError, ValidationError

DECISION = "株高新管〔2026〕18号"


def record(ctx, actor, firm, clock, decision=DECISION, amount=35_000_050, **kw):
    with ctx.work(actor) as work:
        return awards.record(
            work, firm, decision_no=decision, amount_fen=amount, department=kw.pop("department", "高新区管委会"),
            reason=kw.pop("reason", "引进重大产业化项目，经管委会主任办公会研究决定给予奖励"),
            attachments=kw.pop("attachments", ["管委会会议纪要", "项目投资协议"]), now=clock(), **kw,
        ).number  # fmt: skip


def to_paid(ctx, supervisor, firm, clock, **kw) -> tuple[str, str]:
    number = record(ctx, supervisor, firm, clock, **kw)
    with ctx.work(supervisor) as work:
        awards.start_notice(work, number, now=clock.advance(days=1))
    with ctx.work(supervisor) as work:
        payout = awards.pay(work, number, now=clock.advance(days=8)).number
    return number, payout


def test_an_award_goes_through_notice_and_payment_and_into_the_month_report(
    loaded, firm, supervisor, clock, tmp_path
) -> None:
    ctx = loaded
    number = record(ctx, supervisor, firm, clock)
    assert number.startswith("ST01-YS-2026-")
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="只有“公示中”的才能办理"):
        awards.pay(work, number, now=clock())
    with ctx.work(supervisor) as work:
        awards.start_notice(work, number, now=clock.advance(days=1))
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="公示期至 2026-03-09"):
        awards.pay(work, number, now=clock.advance(days=6))
    with ctx.work(supervisor) as work:
        payout = awards.pay(work, number, now=clock.advance(days=2))
        assert payout.amount_fen == 35_000_050 and payout.decision_no == DECISION
        assert payout.department == "高新区管委会"
    with ctx.read() as session:
        h = awards.history(session, DECISION)  # found by its decision number too
        (line,) = services.payouts(session, month="2026-03")
    assert [e.step for e in h.events] == ["record", "notice", "pay"]
    assert h.award.status == "paid" and h.attachments == ["管委会会议纪要", "项目投资协议"]
    assert h.payout_state == payout_state.PENDING  # not synced: 待确认, as for a catalogue payout
    assert line.policy_title == f"一事一议奖补（{DECISION}）" and line.amount_fen == 35_000_050
    assert line.department == "高新区管委会" and line.policy_code == DECISION
    csv_path = tmp_path / "month.csv"
    reports.write_csv(csv_path, [line])
    assert "350000.50" in csv_path.read_text(encoding="utf-8-sig")
    notice = tmp_path / "notice.pdf"
    reports.write_award_notice(notice, h, issuer="高新区企业服务站")
    text = printing.pdf_text(notice).replace("\n", "")
    assert DECISION in text and "叁拾伍万元伍角" in text and "待确认" in text and "管委会会议纪要" in text
    # Audited in words a person reads, with the decision named
    words = audit_text.AuditWords(wordings.wordings())
    with ctx.read() as session:
        found = session.query(AuditEntry).filter(AuditEntry.action.like("policy.award.%"))
        lines = [words.line(session, e) for e in found]
    assert [x.what for x in lines] == ["登记了一事一议奖补决定", "公示了一事一议奖补", "兑付了一事一议奖补"]
    assert all(x.subject == f"一事一议奖补 {DECISION}（{h.enterprise_name}）" for x in lines)
    assert "状态：已兑付" in lines[-1].change and "350,000.50 元" in lines[-1].change


def test_pay_once_per_decision_number_at_this_station(loaded, firm, supervisor, admin, clock) -> None:
    ctx = loaded
    other = make_firm(ctx, admin, seed=2)
    to_paid(ctx, supervisor, firm, clock)
    # The same decision for the same enterprise or (a typing slip) another one: refused, the number is known
    for uid in (firm, other):
        with pytest.raises(UserError, match="已登记为一事一议奖补"):
            record(ctx, supervisor, uid, clock)
    # Another decision for the same enterprise in the same year is a different award and is paid
    _, second = to_paid(ctx, supervisor, firm, clock, decision="株高新管〔2026〕19号", amount=100)
    with ctx.read() as session:
        assert session.query(Payout).filter_by(enterprise_uid=firm).count() == 2
    assert second.startswith("ST01-PAY-2026-")


def test_a_revoked_award_is_not_paid_and_its_number_is_not_used_again(loaded, firm, supervisor, clock) -> None:
    ctx = loaded
    number = record(ctx, supervisor, firm, clock)
    with ctx.work(supervisor) as work, pytest.raises(ValidationError, match="撤销理由"):
        awards.revoke(work, number, "  ", now=clock())
    with ctx.work(supervisor) as work:
        awards.revoke(work, number, "决定文件金额有误，重新发文", now=clock())
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="已撤销"):
        awards.start_notice(work, number, now=clock())
    with pytest.raises(UserError, match="已撤销）。重新作出的决定有新的文号"):
        record(ctx, supervisor, firm, clock, amount=30_000_000)
    again = record(ctx, supervisor, firm, clock, decision="株高新管〔2026〕21号", amount=30_000_000)
    assert again != number


def test_only_a_supervisor_records_and_pays(loaded, firm, clerk, clock) -> None:
    with pytest.raises(PermissionDenied, match="登记一事一议奖补决定"):
        record(loaded, clerk, firm, clock)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("NaN", "不是以元为单位"),
        ("nan", "不是以元为单位"),
        ("inf", "不是以元为单位"),
        ("-5000", "负数"),
        ("0", "大于零"),
        ("0.00", "大于零"),
        ("12.345", "最多两位小数"),
        ("1e9", "不是以元为单位"),
        ("99999999999999999999", "不是以元为单位"),
        ("1000000000.01", "超过单笔上限"),
        ('=HYPERLINK("http://x","1")', "不是以元为单位"),
        ("３５００", "不是以元为单位"),  # full-width digits: not what a decision prints, ask again
        ("", "请填写奖补金额"),
    ],
)
def test_hostile_amounts_are_refused_with_a_sentence(typed: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why):
        awards.parse_amount(typed)


def test_amounts_are_exact_to_the_fen() -> None:
    assert awards.parse_amount("350,000.50") == 35_000_050
    assert awards.parse_amount("0.01") == 1
    assert awards.parse_amount("1000000000") == awards.MAX_FEN
    assert awards.parse_amount("135000000.1元") == 13_500_000_010


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [
        ("decision", '=HYPERLINK("http://evil","点我")', "像是表格公式"),
        ("decision", "株高新管\ud800号", "残缺字符"),
        ("decision", "株\x00高新", "控制字符"),
        ("decision", "", "请填写决定文号"),
        ("decision", "文" * 41, "过长"),
        ("decision", "rd-award", "政策目录中的政策编号"),
        ("department", "@SUM(A1)", "像是表格公式"),
        ("reason", "\udfff", "残缺字符"),
        ("attachments", ["+cmd|' /C calc'!A0"], "像是表格公式"),
        ("amount", float("nan"), "奖补金额必须大于零"),
        ("amount", -100, "奖补金额必须大于零"),
        ("amount", 10**19, "奖补金额必须大于零"),
    ],
)
def test_hostile_values_record_nothing(loaded, firm, supervisor, clock, field, value, why) -> None:
    kw = {"decision": DECISION, "amount": 100}
    kw[field] = value
    decision, amount = kw.pop("decision"), kw.pop("amount")
    with pytest.raises(ValidationError, match=why):
        record(loaded, supervisor, firm, clock, decision=decision, amount=amount, **kw)
    with loaded.read() as session:
        assert session.query(Award).count() == 0 and session.query(ClaimEvent).count() == 0


def test_cli_records_lists_pays_and_refuses_a_second_payment(loaded, firm, tmp_path, capsys) -> None:
    from station import cli

    with loaded.read() as session:
        uscc = session.get(Enterprise, 1).uscc
    data = str(loaded.data_dir)
    loaded.close()

    def station(*args: str, today: str = "2026-03-02") -> tuple[int, str, str]:
        rc = cli.main(["--data-dir", data, "policy", "--today", today, *args])
        out = capsys.readouterr()
        return rc, out.out, out.err

    rc, out, err = station("award", "new", "--uscc", uscc, "--decision", DECISION, "--amount", "350000.50",
                           "--department", "高新区管委会", "--reason", "重大项目落地奖励", "--attachment", "会议纪要",
                           "--attachment", "投资协议", "--json")  # fmt: skip
    assert rc == 0, err
    award = json.loads(out)
    assert award["amount_fen"] == 35_000_050 and award["attachments"] == ["会议纪要", "投资协议"]
    rc, out, err = station("award", "new", "--uscc", uscc, "--decision", "株高新管〔2026〕20号", "--amount", "NaN",
                           "--department", "高新区管委会", "--reason", "x")  # fmt: skip
    assert rc == 2 and "不是以元为单位" in err and "Traceback" not in err
    assert station("award", "notice", DECISION)[0] == 0
    rc, out, err = station("award", "pay", award["number"], today="2026-03-05")
    assert rc == 1 and "期满后才能兑付" in err
    rc, out, err = station("award", "pay", award["number"], today="2026-03-10")
    assert rc == 0, err
    assert "350,000.50 元" in out and DECISION in out
    rc, out, err = station("award", "pay", award["number"], today="2026-03-11")
    assert rc == 1 and "已兑付" in err
    rc, out, _ = station("award", "list")
    assert DECISION in out and "已兑付（待确认）" in out
    rc, out, _ = station("award", "show", DECISION)
    assert "登记决定" in out and "兑付" in out and "会议纪要、投资协议" in out
    rc, out, _ = station("report", "--month", "2026-03", "--json")
    assert json.loads(out)["total_fen"] == 35_000_050
    pdf = tmp_path / "notice.pdf"
    rc, out, err = station("notice", DECISION, "--pdf", str(pdf))
    assert rc == 0, err
    assert "一事一议奖补资金兑付通知书" in printing.pdf_text(pdf)
    loaded.open()


def test_killed_in_the_middle_of_a_payment_the_database_is_whole(loaded, firm, supervisor, clock, tmp_path) -> None:
    """SIGKILL after the payout row, the award's new status and its event are written but before the commit:
    nothing of the payment remains (no payout, no outbox entry, no 兑付 step) and paying again works."""
    ctx = loaded
    number = record(ctx, supervisor, firm, clock)
    with ctx.work(supervisor) as work:
        awards.start_notice(work, number, now=clock.advance(days=1))
    with ctx.read() as session:
        outbox_before = session.execute(services.text("SELECT count(*) FROM sync_outbox")).scalar()
    data = ctx.data_dir
    ctx.close()
    script = textwrap.dedent(
        f"""
        import datetime as dt, os, signal
        from station.core.context import StationContext
        from station_policy import awards
        ctx = StationContext({str(data)!r})
        ctx.open()
        actor = ctx.permissions.actor("supervisor", "supervisor", "审核员")
        with ctx.work(actor) as work:
            awards.pay(work, {number!r}, now=dt.datetime(2026, 3, 12, 2, tzinfo=dt.UTC))
            work.session.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert killed.returncode == -9, killed.stderr
    ctx.open()
    with ctx.read() as session:
        assert session.query(Payout).count() == 0
        assert session.query(Award).filter_by(number=number).one().status == "notice"
        assert [e.step for e in session.query(ClaimEvent)] == ["record", "notice"]
        assert session.execute(services.text("SELECT count(*) FROM sync_outbox")).scalar() == outbox_before
        assert session.execute(services.text("PRAGMA integrity_check")).scalar() == "ok"
    with ctx.work(supervisor) as work:
        assert awards.pay(work, number, now=clock.advance(days=9)).amount_fen == 35_000_050


def test_enterprise_is_named_in_the_list(loaded, firm, supervisor, clock) -> None:
    record(loaded, supervisor, firm, clock)
    with loaded.read() as session:
        (row,) = awards.rows(session)
        name = session.get(Enterprise, 1).name
    assert row.enterprise_name == name and row.status == "decided" and row.payout_state is None
    assert os.path.sep not in row.number


def test_an_award_whose_notice_ended_is_announced_to_whoever_pays(loaded, firm, supervisor, clock) -> None:
    import station_policy

    number = record(loaded, supervisor, firm, clock)
    with loaded.read() as session:
        assert not [n for n in station_policy._due_payments(session, None) if n.target == number]
    with loaded.work(supervisor) as work:
        awards.start_notice(work, number, now=clock.advance(days=1))  # ends 2026-03-09, long before today
    with loaded.read() as session:
        (notice,) = [n for n in station_policy._due_payments(session, None) if n.target == number]
    assert DECISION in notice.text and "公示期已满" in notice.text and notice.page == "policy"


def test_a_decision_number_that_is_not_text_is_refused_at_the_command_line(loaded, firm, tmp_path) -> None:
    """Bytes that are not UTF-8 in the arguments arrive as lone surrogates: refused with a sentence."""
    from helpers import STATION

    with loaded.read() as session:
        uscc = session.get(Enterprise, 1).uscc
    data = str(loaded.data_dir)
    loaded.close()
    args = [*STATION, "--data-dir", data, "policy", "award", "new", "--uscc", uscc, "--decision"]
    made = subprocess.run(
        [*(a.encode() for a in args), b"\xff\xfe18", *(a.encode() for a in ("--amount", "100", "--department", "管委会",
                                                                             "--reason", "奖励"))],
        capture_output=True,
    )  # fmt: skip
    err = made.stderr.decode("utf-8", "replace")
    assert made.returncode == 2 and "残缺字符" in err and "Traceback" not in err
    loaded.open()
    with loaded.read() as session:
        assert session.query(Award).count() == 0


def test_an_award_row_in_another_shape_shows_instead_of_failing(loaded, firm, supervisor, clock) -> None:
    number = record(loaded, supervisor, firm, clock)
    with loaded.work(supervisor) as work:  # as a row another station sent might look
        work.session.query(Award).filter_by(number=number).update({"attachments": "{not json"})
    with loaded.read() as session:
        assert awards.history(session, number).attachments == ["{not json"]
    assert awards.attachment_names('{"a": 1}') == ["{'a': 1}"] and awards.attachment_names(None) == []
