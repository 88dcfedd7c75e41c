"""The rule language: parsing, three-valued logic, boundaries, errors, and compiled == interpreted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from station_policy import catalog, matcher, rules
from station_policy.rules import UNKNOWN, Env, Frame, RuleError, Subject

DAY = dt.date(2026, 3, 1)


def ev(source: str, facts=None, enterprise=None, certs=None, day: dt.date = DAY):
    return rules.interpret(rules.parse(source), Subject(enterprise or {}, facts or {}, certs or {}), Env(day))


def test_units_are_exact_fen_and_percent_is_decimal() -> None:
    assert rules.quantity("200万元") == 200_000_000
    assert rules.quantity("1.5亿元") == 15_000_000_000
    assert rules.quantity("1500元") == 150_000
    assert rules.quantity("5.5%") == Decimal("0.055")
    with pytest.raises(RuleError, match="整分"):
        rules.quantity("0.001元")


def test_comparisons_arithmetic_and_years() -> None:
    facts = {("rd_spend_fen", 2025): 300_000_000, ("rd_spend_fen", 2024): 100_000_000}
    assert ev("facts.rd_spend_fen[year-1] >= 200万元", facts) is True
    assert ev("facts.rd_spend_fen[year-1] - facts.rd_spend_fen[year-2] > 250万元", facts) is False
    assert ev("max(facts.rd_spend_fen[2024], 2万元) == 100万元", facts) is True
    assert ev("facts.rd_spend_fen[year-1] between 100万元 and 300万元", facts) is True
    assert ev('enterprise.stage in ["operation", "change"]', enterprise={"stage": "operation"}) is True
    assert ev('enterprise.stage not in ["exit"]', enterprise={"stage": "operation"}) is True
    assert ev('today >= date("2026-03-01") and today < date("2026-03-02")') is True


def test_missing_fact_is_unknown_never_eligible() -> None:
    assert ev("facts.rd_spend_fen[year-1] >= 200万元") is UNKNOWN
    assert ev("not facts.rd_spend_fen[year-1] >= 200万元") is UNKNOWN
    assert ev("facts.rd_spend_fen[year-1] * 10% > 0") is UNKNOWN
    # Kleene logic: one false side decides an "and", one true side an "or"
    assert ev("facts.rd_spend_fen[year-1] >= 1 and 1 > 2") is False
    assert ev("facts.rd_spend_fen[year-1] >= 1 or 2 > 1") is True
    assert ev("facts.rd_spend_fen[year-1] >= 1 and 2 > 1") is UNKNOWN


def test_dates_at_the_boundary() -> None:
    founded = {"founded_on": dt.date(2023, 3, 1)}
    assert ev("years_since(enterprise.founded_on) < 3", enterprise=founded, day=dt.date(2026, 2, 28)) is True
    assert ev("years_since(enterprise.founded_on) < 3", enterprise=founded, day=dt.date(2026, 3, 1)) is False
    certs = {"高新技术企业": dt.date(2026, 3, 1)}
    assert ev('has_cert("高新技术企业")', certs=certs, day=dt.date(2026, 3, 1)) is True
    assert ev('has_cert("高新技术企业")', certs=certs, day=dt.date(2026, 3, 2)) is False
    assert ev('has_cert("高新技术企业")', day=dt.date(2026, 3, 2)) is False  # the certificate registry is complete
    assert ev('cert_expires("高新技术企业") > today', day=dt.date(2026, 3, 2)) is UNKNOWN


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("facts.rd_spend_fen >= 1", "按年度记录"),
        ("facts.no_such_thing[2025] > 1", "没有名为"),
        ("enterprise.salary > 1", "企业没有"),
        ("facts.rd_spend_fen[enterprise.employees] > 1", "年份只能用"),
        ("__import__('os')", "不认识的函数"),
        ("facts.x; 1", "无法识别"),
        ("open(1)", "不认识的函数"),
        ("1 >", "缺少数值"),
        ('date("2025-13-01") > today', "不是日期"),
        ("(1 > 2", "这里应当是"),
    ],
)
def test_bad_rules_are_refused_in_chinese(source: str, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        rules.parse(source)


def test_every_demo_policy_case_holds() -> None:
    policies = catalog.load_dir(catalog.demo_dir())
    assert len({p.code for p in policies}) >= 20
    assert sum(len(p.cases) for p in policies) >= 50
    problems = [x for p in policies for x in catalog.check_cases(p)]
    assert problems == []
    for p in policies:
        assert p.cases, f"{p.code} has no worked cases"


def test_editions_are_chosen_by_date_and_the_why_names_the_failed_condition() -> None:
    policies = catalog.load_dir(catalog.demo_dir())
    rd_2024 = next(p for p in catalog.current(policies, dt.date(2024, 6, 1)) if p.code == "RD-AWARD")
    rd_2026 = next(p for p in catalog.current(policies, dt.date(2026, 6, 1)) if p.code == "RD-AWARD")
    assert (rd_2024.edition, rd_2026.edition) == ("2024-01-01", "2025-01-01")
    subject = catalog.subject_from_mapping(
        {"enterprise": {"stage": "operation"}, "facts": {"rd_spend_fen": {2025: "150万元"}, "abnormal_listed": 0}}
    )
    result = catalog.evaluate(rd_2026, subject, dt.date(2026, 6, 1))
    assert result.status == "ineligible"
    why = result.why()
    assert "不满足“上年度研发费用不低于200万元”" in why and "1,500,000.00 元" in why
    assert "无法判断（缺少数据）“未列入经营异常名录和严重失信主体名单”" in why  # serious_dishonesty unknown


def test_amount_rounding_is_half_up_to_the_fen_then_capped() -> None:
    rule = catalog.AmountRule("share", base=rules.parse("1"), rate=Decimal("0.05"), cap_fen=10_000)
    assert catalog.amount_from_base(rule, 101) == 5  # 5.05 -> 5
    assert catalog.amount_from_base(rule, 110) == 6  # 5.5 -> 6 (half up)
    assert catalog.amount_from_base(rule, 10_000_000) == 10_000  # capped
    assert catalog.amount_from_base(rule, UNKNOWN) is None


def test_policy_documents_are_checked() -> None:
    with pytest.raises(RuleError, match="缺少"):
        catalog.load_document("code: X\ntitle: t\n")
    bad = (
        "code: X\ntitle: t\ndepartment: d\nvalid_from: 2025-01-01\n"
        "conditions: [{label: a, rule: '1 >'}]\namount: {kind: fixed, amount: 1万元}\n"
    )
    with pytest.raises(RuleError, match="第 1 个条件"):
        catalog.load_document(bad)


# -- compiled matcher == naive interpreter, on random facts -------------------------------------

KEYS = ["rd_spend_fen", "export_fen", "insured_staff", "layoffs", "high_talents", "unemployment_premium_fen"]
fact_value = st.one_of(st.none(), st.integers(min_value=0, max_value=3_000_000_000))


@st.composite
def subjects(draw):
    facts = {}
    for key in KEYS:
        for year in (2024, 2025):
            v = draw(fact_value)
            if v is not None:
                facts[(key, year)] = v
    for key in ("abnormal_listed", "serious_dishonesty", "tax_arrears", "safety_accident", "above_scale_since"):
        v = draw(st.one_of(st.none(), st.sampled_from([0, 1, 2024, 2025])))
        if v is not None:
            facts[(key, 0)] = v
    enterprise = {
        "stage": draw(st.sampled_from(["operation", "startup", None])),
        "employees": draw(st.one_of(st.none(), st.integers(0, 800))),
        "industry_code": draw(st.sampled_from(["C3562", "I6513", ""])),
        "founded_on": draw(st.one_of(st.none(), st.dates(dt.date(2018, 1, 1), dt.date(2026, 6, 1)))),
        "zone": draw(st.sampled_from(["高新区核心园", ""])),
    }
    certs = {}
    for kind in ("高新技术企业", "科技型中小企业", "专精特新中小企业"):
        if draw(st.booleans()):
            certs[kind] = draw(st.one_of(st.none(), st.dates(dt.date(2025, 1, 1), dt.date(2029, 1, 1))))
    return Subject(enterprise, facts, certs)


POLICIES = catalog.load_dir(catalog.demo_dir())


@settings(max_examples=60, deadline=None)
@given(st.lists(subjects(), min_size=1, max_size=12), st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)))
def test_compiled_matcher_agrees_with_the_naive_interpreter(people, day) -> None:
    fast = set(matcher.match(POLICIES, people, day))
    slow = set(matcher.match_naive(POLICIES, people, day))
    assert fast == slow
    # and both agree with the explaining evaluator
    for s_index, subject in enumerate(people):
        for p_index, policy in enumerate(POLICIES):
            result = catalog.evaluate(policy, subject, day)
            hit = next((h for h in slow if h[0] == s_index and h[1] == p_index), None)
            assert (hit[2] if hit else "ineligible") == result.status


def test_compiled_columns_are_shared_between_policies() -> None:
    frame = Frame([Subject({}, {("rd_spend_fen", 2025): 5}, {})], Env(DAY))
    compiled = rules.compile_columnar(rules.parse("facts.rd_spend_fen[year-1] > 1 and 2 > 1"), Env(DAY))
    assert compiled.rows(frame, [0]) == [True]
    assert frame.fact_column("rd_spend_fen", 2025) is frame.fact_column("rd_spend_fen", 2025)
