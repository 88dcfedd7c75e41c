"""Fair draws: exclusions with reasons, reproducibility from the record, tamper evidence, the documented example."""

from __future__ import annotations

import collections
import contextlib
import io
import json
import re

import pytest
from agencies_market import NOW
from station_agencies import draw_algorithm as algo
from station_agencies import request_agency_draw, services
from station_agencies.models import Draw

from helpers import ROOT
from station.errors import UserError

WITNESSES = [("enterprise", "3817"), ("clerk", "9025")]


def draw(market, actor, witnesses=WITNESSES, **kw):
    with market.ctx.work(actor) as work:
        row = services.draw(work, "cost", witnesses, enterprise_uid=market.enterprise_uid, now=NOW, **kw)
        return services.draw_record(row)


def test_pool_and_exclusions_carry_their_reasons(market, clerk) -> None:
    record = draw(market, clerk)
    pool = json.loads(record["pool"])
    a = market.agencies
    assert [p["uid"] for p in pool] == sorted([a["valid1"], a["valid2"], a["valid3"]])
    reasons = {e["uid"]: e["reason"] for e in json.loads(record["exclusions"])}
    assert reasons[a["expired"]] == "资质证书 COST-expired 已于 2026-09-14 到期"
    assert reasons[a["suspended"]] == "机构暂停：季度评价不达标"
    assert reasons[a["same_rep"]].startswith("利益冲突：与委托企业法定代表人相同")
    assert reasons[a["related"]] == "利益冲突：机构申报的关联方包含委托企业"
    assert reasons[a["uncertified"]] == "无该服务类型的资质证书"
    assert record["agency_uid"] in {p["uid"] for p in pool}


def test_a_qualification_valid_through_today_still_counts(market, admin, clerk) -> None:
    with market.ctx.work(admin) as work:  # expires today (Asia/Shanghai): still valid today
        services.add_qualification(work, market.agencies["expired"], "cost", "COST-renewed", NOW.date(), now=NOW)
    pool = json.loads(draw(market, clerk)["pool"])
    assert market.agencies["expired"] in {p["uid"] for p in pool}


def test_the_applicant_and_related_parties_from_the_caller_are_excluded(market, clerk) -> None:
    with market.ctx.read() as session:
        valid2 = services.get_agency(session, market.agencies["valid2"])
    record = draw(market, clerk, exclude_uscc=(valid2.uscc,))
    reasons = {e["uid"]: e["reason"] for e in json.loads(record["exclusions"])}
    assert reasons[valid2.uid] == "利益冲突：申请方或其关联方"


def test_same_inputs_same_agency_and_verify_matches(market, clerk) -> None:
    first, second = draw(market, clerk), draw(market, clerk)
    assert first["pool_hash"] == second["pool_hash"] and first["seed"] == second["seed"]
    assert first["agency_uid"] == second["agency_uid"]
    with market.ctx.read() as session:
        row, verdict = services.verify_draw(session, first["number"])
    assert verdict.ok and verdict.agency_uid == first["agency_uid"] and row.record_hash == first["record_hash"]


def test_different_witnesses_reach_every_agency(market, clerk) -> None:
    drawn = {
        draw(market, clerk, [("enterprise", str(n)), ("clerk", "1")])["agency_uid"] for n in range(40)
    }  # misses one with p < 1e-6
    assert drawn == {market.agencies[k] for k in ("valid1", "valid2", "valid3")}


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("witnesses", '[{"role":"enterprise","value":"3818"},{"role":"clerk","value":"9025"}]', "种子"),
        ("agency_uid", "someone-else", "重新抽取得到的机构"),
        ("pool", "[]", "名单哈希不符"),
        ("drawn_by", "another clerk", "记录哈希不符"),
    ],
)
def test_an_edited_record_does_not_verify(market, clerk, field, value, problem) -> None:
    number = draw(market, clerk)["number"]
    with market.ctx.db.write() as session:  # what a forger with the database file could do
        session.query(Draw).filter_by(number=number).update({field: value})
        session.commit()
    with market.ctx.read() as session:
        _, verdict = services.verify_draw(session, number)
    assert not verdict.ok and any(problem in p for p in verdict.problems)


def test_a_pool_that_changed_after_it_was_shown_refuses_the_draw(market, admin, clerk) -> None:
    with market.ctx.read() as session:
        shown = services.preview_pool(session, "cost", market.enterprise_uid, now=NOW)
    with market.ctx.work(admin) as work:
        services.set_status(work, market.agencies["valid3"], "blacklisted", "出具虚假报告", now=NOW)
    with pytest.raises(UserError, match=r"候选名单.*变化"):
        draw(market, clerk, expected_pool_hash=shown.pool_hash)


def test_witnesses_are_required(market, clerk) -> None:
    with pytest.raises(UserError, match="企业代表"):
        draw(market, clerk, [("enterprise", " "), ("clerk", "1")])
    with pytest.raises(UserError, match="至少一个见证输入"):
        draw(market, clerk, [])


def test_rejection_sampling_is_uniform_and_never_biased_by_modulo() -> None:
    counts = collections.Counter(algo.pick(algo.sha256_hex(str(i)), 7).index for i in range(7000))
    assert set(counts) == set(range(7)) and all(900 < n < 1100 for n in counts.values())
    # A pool size just above half the space rejects about half the values: the loop takes the next one.
    big = 2**255 + 1
    picks = [algo.pick(algo.sha256_hex(str(i)), big) for i in range(40)]
    assert any(p.counter > 0 for p in picks) and all(p.value < algo.SPACE - algo.SPACE % big for p in picks)


def test_the_worked_example_in_the_docs_matches_the_implementation() -> None:
    text = (ROOT / "docs" / "agencies-draw.md").read_text(encoding="utf-8")
    pool = json.loads(re.search(r"```json\n(.*?)\n```", text, re.S)[1])
    witnesses = [{"role": "enterprise", "value": "3817"}, {"role": "clerk", "value": "9025"}]
    pool_hash = algo.pool_hash(pool)
    seed = algo.seed(pool_hash, witnesses)
    chosen = algo.pick(seed, len(pool))
    assert f"pool hash: `{pool_hash}`" in text and f"seed: `{seed}`" in text
    assert f"counter 0: `{chosen.value:064x}`" in text and chosen.counter == 0
    assert f"mod 3 is **{chosen.index}**" in text and f"**{pool[chosen.index]['name']}**" in text
    script = re.search(r"```python\n(.*?)\n```", text, re.S)[1]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(script, {})  # the standard-library script a citizen would run
    assert out.getvalue().split("\n")[:3] == [pool_hash, seed, f"{chosen.index} {pool[chosen.index]['name']}"]


def test_the_service_hook_draws_and_commits(market, clerk) -> None:
    outcome = market.ctx.host.first(
        "request_agency_draw",
        service="cost",
        purpose="惠企政策兑现第三方鉴证",
        subject_uid="claim-7",
        witness="4471 2093",
        actor=clerk,
        exclude_uscc=(market.enterprise_uscc,),
    )
    assert outcome is not None and outcome.agency_uid in {market.agencies[k] for k in ("valid1", "valid2", "valid3")}
    with market.ctx.read() as session:
        row, verdict = services.verify_draw(session, outcome.draw_uid)
    assert verdict.ok and row.subject_uid == "claim-7" and row.record_hash == outcome.record_hash
    assert json.loads(row.witnesses) == [{"role": "witness", "value": "4471 2093"}]
    excluded = {e["uid"] for e in json.loads(row.exclusions)}  # the applicant's legal rep and related parties too
    assert {market.agencies["same_rep"], market.agencies["related"]} <= excluded


def test_the_service_hook_answers_none_when_nobody_is_eligible(market, clerk) -> None:
    assert request_agency_draw("eia", "环评", "claim-8", "12", clerk, ()) is None
    assert market.ctx.host.plugins["agencies"].status != "failed"
