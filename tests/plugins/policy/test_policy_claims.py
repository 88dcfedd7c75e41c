"""Claims through every step, permissions in the services, warnings, pay once, third-party verification."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from policy_helpers import make_firm
from station_policy import services
from station_policy.models import ClaimEvent, Payout

from station.errors import PermissionDenied, UserError

MATERIALS = ["研发费用专项审计报告", "企业所得税年度纳税申报表（含研发费用加计扣除明细）", "申请表（加盖公章）"]


def run_to_notice(ctx, clerk, supervisor, firm, clock, code="RD-AWARD"):
    with ctx.work(clerk) as work:
        claim = services.apply(work, firm, code, materials=MATERIALS, now=clock())
        number = claim.number
    with ctx.work(clerk) as work:
        services.accept(work, number, now=clock.advance(hours=1))
    with ctx.work(supervisor) as work:
        services.review(work, number, approve=True, now=clock.advance(days=1))
    with ctx.work(supervisor) as work:
        services.start_notice(work, number, now=clock.advance(days=1))
    return number


def test_claim_goes_through_every_step_and_keeps_its_history(loaded, firm, clerk, supervisor, clock) -> None:
    ctx = loaded
    number = run_to_notice(ctx, clerk, supervisor, firm, clock)
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="公示期至 2026-03-10"):
        services.pay(work, number, now=clock.advance(days=6))
    with ctx.work(supervisor) as work:
        payout = services.pay(work, number, now=clock.advance(days=1))
        assert payout.amount_fen == 30_000_000  # 300万元 × 10%
        assert payout.number.startswith("ST01-PAY-2026-")
    with ctx.read() as session:
        h = services.history(session, number, dt.date(2026, 3, 12))
    assert [e.step for e in h.events] == ["apply", "accept", "review", "notice", "pay"]
    assert h.claim.status == "paid" and h.payout is not None
    assert h.claim.policy_edition == "2025-01-01" and len(h.claim.policy_digest) == 64
    review = json.loads(h.events[2].detail)
    assert review["policy_edition"] == "2025-01-01" and review["approved_fen"] == 30_000_000
    assert any("研发费用" in f for f in review["findings"])
    assert h.events[2].actor == "审核员"


def test_permissions_are_checked_in_the_services(loaded, firm, clerk, supervisor, clock) -> None:
    ctx = loaded
    with ctx.work(clerk) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=clock()).number
        services.accept(work, number, now=clock())
    with ctx.work(clerk) as work, pytest.raises(PermissionDenied, match="审核政策兑现申请"):
        services.review(work, number, approve=True, now=clock())
    with ctx.work(clerk) as work, pytest.raises(PermissionDenied, match="维护政策目录"):
        services.load_catalog(work, [])
    with ctx.work(supervisor) as work:
        services.review(work, number, approve=True, now=clock())
        services.start_notice(work, number, now=clock())
    with ctx.work(clerk) as work, pytest.raises(PermissionDenied, match="办理政策资金兑付"):
        services.pay(work, number, now=clock.advance(days=30))


def test_pay_once_is_refused_locally(loaded, firm, clerk, supervisor, clock) -> None:
    ctx = loaded
    number = run_to_notice(ctx, clerk, supervisor, firm, clock)
    with ctx.work(supervisor) as work:
        services.pay(work, number, now=clock.advance(days=10))
    with ctx.work(clerk) as work, pytest.raises(UserError, match="已领取过"):
        services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=clock())
    # A second claim that got as far as the notice (e.g. pulled from another station) cannot be paid again
    with ctx.work(supervisor) as work:
        claim = services.get_claim(work.session, number)
        claim.status, claim.version = "notice", claim.version + 1
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="不能重复兑付"):
        services.pay(work, number, now=clock.advance(days=1))
    with ctx.read() as session:
        assert session.query(Payout).count() == 1


def test_duplicate_claims_and_ineligible_applications_are_refused(loaded, firm, clerk, admin, clock) -> None:
    ctx = loaded
    with ctx.work(clerk) as work:
        number = services.apply(work, firm, "RD-AWARD", now=clock()).number
    with ctx.work(clerk) as work, pytest.raises(UserError, match=f"已有政策 RD-AWARD（2026）的申请 {number}"):
        services.apply(work, firm, "RD-AWARD", now=clock())
    poor = make_firm(ctx, admin, 2, rd_spend_fen={2025: 100})
    with ctx.work(clerk) as work, pytest.raises(UserError, match="不满足“上年度研发费用不低于200万元”"):
        services.apply(work, poor, "RD-AWARD", now=clock())
    with ctx.work(clerk) as work, pytest.raises(UserError, match="不在有效期内"):
        services.apply(work, firm, "RD-AWARD", now=dt.datetime(2031, 1, 1, tzinfo=dt.UTC))


def test_warnings_say_what_is_missing_expired_or_abnormal(loaded, admin, clerk, supervisor, clock) -> None:
    ctx = loaded
    firm = make_firm(ctx, admin, 3, tax_arrears=None, rd_spend_fen={2025: 250_000_000})
    with ctx.work(admin) as work:
        services.set_cert(work, firm, "高新技术企业", dt.date(2026, 4, 30))
    with ctx.work(clerk) as work:
        claim = services.apply(work, firm, "RD-AWARD", materials=MATERIALS[:1], now=clock())
        number = claim.number
        found = {w.code: w for w in services.warnings(work.session, claim, dt.date(2026, 3, 2))}
    assert "缺少材料：企业所得税年度纳税申报表" in found["materials"].text
    assert "存在欠税" in found["standing:tax_arrears"].text and found["standing:tax_arrears"].level == "warning"
    with ctx.work(clerk) as work, pytest.raises(UserError, match="容缺受理"):
        services.accept(work, number, now=clock())
    with ctx.work(clerk) as work:
        services.accept(work, number, reason="企业承诺三个工作日内补交纳税申报表", now=clock())
    with ctx.work(admin) as work:  # the tax office reports arrears after the claim was accepted
        services.set_fact(work, firm, "tax_arrears", 0, 1)
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="信用状况异常"):
        services.review(work, number, approve=True, now=clock())
    with ctx.work(admin) as work:
        services.set_fact(work, firm, "tax_arrears", 0, 0)
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="超过按政策规则计算"):
        services.review(work, number, approve=True, amount_fen=30_000_000, now=clock())
    with ctx.work(supervisor) as work:
        services.review(work, number, approve=True, amount_fen=20_000_000, reason="按审计核减", now=clock())
    with ctx.read() as session:
        claim = services.get_claim(session, number)
        assert claim.approved_fen == 20_000_000
    # An expired certificate the policy relies on is a critical warning
    with ctx.work(admin) as work:
        services.set_cert(work, firm, "高新技术企业", dt.date(2026, 5, 20))
        services.set_cert(work, firm, "省级研发机构", None)
    with ctx.work(clerk) as work:
        hnte = services.apply(work, firm, "RD-INSTITUTION", now=clock())
        soon = {w.code: w for w in services.warnings(work.session, hnte, dt.date(2026, 3, 2))}
        later = {w.code: w for w in services.warnings(work.session, hnte, dt.date(2026, 7, 1))}
    assert "将于 2026-05-20 到期" in soon["cert:高新技术企业"].text
    assert later["cert:高新技术企业"].level == "critical" and "已于 2026-05-20 过期" in later["cert:高新技术企业"].text


def fake_agencies():
    """A plugin that answers request_agency_draw like the agencies plugin would."""
    import types

    from station.hookspecs import hookimpl

    requests = []

    @hookimpl(optionalhook=True)  # the marketplace, which offers this hook, is not loaded here
    def request_agency_draw(service, purpose, subject_uid, witness, actor, exclude_uscc):
        requests.append(types.SimpleNamespace(service=service, witness=witness, exclude_uscc=exclude_uscc,
                                              subject_uid=subject_uid))  # fmt: skip
        return types.SimpleNamespace(
            draw_uid="draw-1", agency_uid="agency-1", agency_name="湖南天元会计师事务所", record_hash="ab" * 32
        )

    return types.SimpleNamespace(request_agency_draw=request_agency_draw, requests=requests)


def test_third_party_verification_through_the_hook_and_without_it(loaded, firm, clerk, supervisor, clock) -> None:
    ctx = loaded
    with ctx.work(clerk) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=clock()).number
    with pytest.raises(PermissionDenied):
        services.request_verification(ctx, clerk, number, witness="企业代表 王五")
    assert services.request_verification(ctx, supervisor, number, witness="企业代表 王五") is None  # no plugin
    fake = fake_agencies()
    ctx.host.add("fake_agencies", fake)
    record = services.request_verification(ctx, supervisor, number, witness="企业代表 王五")
    assert record["agency_name"] == "湖南天元会计师事务所"
    request = fake.requests[0]
    assert request.service == "audit" and request.witness == "企业代表 王五"
    with ctx.read() as session:
        claim = services.get_claim(session, number)
        assert request.exclude_uscc and request.subject_uid == claim.uid
        assert json.loads(claim.verifier)["draw_uid"] == "draw-1"
        steps = [e.reason for e in session.query(ClaimEvent).filter_by(claim_uid=claim.uid, step="verify")]
    assert steps[0].startswith("未能抽取") and "湖南天元会计师事务所" in steps[1]


def test_rejection_needs_a_reason(loaded, firm, clerk, supervisor, clock) -> None:
    ctx = loaded
    with ctx.work(clerk) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=clock()).number
    with ctx.work(supervisor) as work, pytest.raises(UserError, match="写明理由"):
        services.reject(work, number, "")
    with ctx.work(supervisor) as work:
        assert services.reject(work, number, "公示期间收到实名异议，经核实研发费用归集不实").status == "rejected"
    with ctx.work(clerk) as work:  # a rejected claim does not block a new one
        services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=clock())


def test_claims_due_for_payment_become_notices(loaded, firm, clerk, supervisor, clock) -> None:
    import station_policy

    number = run_to_notice(loaded, clerk, supervisor, firm, clock)
    with loaded.read() as session:
        assert services.due_for_payment(session, dt.date(2026, 3, 10)) == []
        due = services.due_for_payment(session, dt.date(2026, 3, 11))
        assert [n for n, _ in due] == [number]
        notices = station_policy._due_payments(session, supervisor)
    assert all(n.key.startswith("policy:") and n.page == "policy" for n in notices)


def test_a_local_catalogue_load_is_not_pushed_but_facts_and_claims_are(loaded, firm, clerk, clock) -> None:
    from sqlalchemy import text

    with loaded.work(clerk) as work:
        services.apply(work, firm, "RD-AWARD", now=clock())
    with loaded.read() as session:
        pending = dict(session.execute(text("SELECT table_name, count(*) FROM sync_outbox GROUP BY table_name")).all())
    assert "policy_policy" not in pending  # the hall publishes the catalogue; a station never pushes it
    assert pending["policy_fact"] == 4 and pending["policy_claim"] == 1 and pending["policy_claim_event"] == 1


def test_the_real_marketplace_draws_the_verifier(loaded, firm, clerk, supervisor, clock) -> None:
    """The policy and agencies plugins together, as installed: a claim's verifier comes from a fair draw
    in the marketplace, which keeps a record anyone can re-check; the claimant itself is never drawn."""
    agencies = pytest.importorskip("station_agencies.services")
    from helpers import valid_code

    ctx = loaded
    admin = ctx.permissions.actor("admin", "admin", "管理员")
    with ctx.work(admin) as work:
        for seed in (301, 302, 303):
            agency = agencies.create_agency(
                work,
                {"name": f"湖南天元{seed}会计师事务所", "uscc": valid_code(seed, "430211"), "legal_rep": f"审计{seed}",
                 "services": ["audit"], "related_uscc": ""},
            )  # fmt: skip
            agencies.add_qualification(work, agency.uid, "audit", f"AUD-{seed}", dt.date(2030, 12, 31))
    with ctx.work(clerk) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=clock()).number
    record = services.request_verification(ctx, supervisor, number, witness="企业代表 王五 38 17")
    assert record is not None and record["agency_name"].startswith("湖南天元")
    with ctx.read() as session:
        drawn = agencies.verify_draw(session, record["draw_uid"])
    assert drawn[1].ok  # re-run from its record: the same agency


def test_a_step_is_never_dated_before_the_step_it_follows(loaded, firm, clerk, supervisor, clock) -> None:
    start = clock()
    with loaded.work(clerk) as work:
        number = services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=start).number
    with loaded.work(clerk) as work:
        services.accept(work, number, now=clock.advance(days=2))
    with loaded.work(supervisor) as work, pytest.raises(UserError, match="早于这件申请上一步"):
        services.review(work, number, approve=True, now=start)  # a back-dated review before its acceptance
    with loaded.work(supervisor) as work:
        services.review(work, number, approve=True, now=clock())
        services.start_notice(work, number, now=clock())
        notice_until = services.get_claim(work.session, number).notice_until
    with loaded.work(supervisor) as work, pytest.raises(UserError, match="公示期至"):
        services.pay(work, number, now=start + dt.timedelta(days=1))
    assert notice_until is not None


def test_every_claim_gets_a_receipt_code_that_its_receipt_prints(loaded, firm, clerk, clock, tmp_path) -> None:
    import re
    import subprocess

    from sqlalchemy import update
    from station_policy import reports
    from station_policy.models import Claim

    ctx = loaded
    with ctx.work(clerk) as work:
        claim = services.apply(work, firm, "RD-AWARD", materials=MATERIALS, now=clock())
        number, code = claim.number, claim.receipt_code
    assert re.fullmatch(f"[{services.RECEIPT_ALPHABET}]{{12}}", code) and not set(code) & set(
        "01IOS"
    )  # S dropped, not 5
    assert len({services.new_receipt_code() for _ in range(1000)}) == 1000  # random, not a counter
    with ctx.read() as session:
        h = services.history(session, number, dt.date(2026, 3, 1))
    pdf = tmp_path / "receipt.pdf"
    reports.write_claim_receipt(pdf, h, issuer="航空港区企业服务站")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert code in text and number in text and "研发费用专项审计报告" in text
    # A claim taken before receipt codes gets one when its receipt is printed, once, and it syncs (a new version).
    with ctx.work(clerk) as work:
        work.session.execute(update(Claim).where(Claim.number == number).values(receipt_code=None))
    with ctx.read() as session:
        h = services.history(session, number, dt.date(2026, 3, 1))
        version = h.claim.version
    with pytest.raises(UserError, match="还没有查询码"):
        reports.write_claim_receipt(pdf, h)
    with ctx.work(clerk) as work:
        given = services.receipt_code(work, number, now=clock()).receipt_code
    with ctx.work(clerk) as work:
        again = services.receipt_code(work, number, now=clock())
        assert again.receipt_code == given != code and again.version == version + 1
