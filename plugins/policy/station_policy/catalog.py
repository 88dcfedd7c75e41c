"""Policies as data: a YAML document per policy edition, checked, compiled once, evaluated and explained.

A document (see ``catalog/*.yaml``)::

    code: RD-AWARD              # the policy; editions share it
    valid_from: 2025-01-01      # the edition is named by this date
    valid_to: 2026-12-31
    title: 企业研发投入奖励
    department: 区科技局
    legal_basis: 《…》第三条
    period: annual              # annual: once per enterprise and year; once: once per enterprise ever
    conditions:                 # all must hold
      - label: 上年度研发费用不低于200万元
        rule: facts.rd_spend_fen[year-1] >= 200万元
    amount: {kind: share, base: "facts.rd_spend_fen[year-1]", rate: 10%, cap: 100万元}
    materials: [研发费用专项审计报告, …]
    verification: audit         # optional: a third-party check drawn at random (双随机)
    cases:                      # worked examples that run in the test suite
      - name: …
        date: 2026-03-01
        enterprise: {stage: operation}
        facts: {rd_spend_fen: {2025: 300万元}}
        certs: {高新技术企业: 2027-12-31}
        eligible: yes           # yes | no | unknown
        amount: 30万元

Amounts are exact: integer fen, computed with Decimal and rounded half up to the whole fen, then capped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from station_policy import rules
from station_policy.facts import CERT_KINDS, ENTERPRISE_FIELDS, FACTS, fact_title, format_fen, format_value
from station_policy.rules import UNKNOWN, Env, Node, RuleError, Subject

UID_NAMESPACE = uuid.UUID("6f1d3c52-8a0e-4f7e-9d55-0c2b8e7a41d1")
ELIGIBLE, UNKNOWN_STATUS, INELIGIBLE = "eligible", "unknown", "ineligible"
STATUS_LABELS = {ELIGIBLE: "符合", UNKNOWN_STATUS: "待补数据", INELIGIBLE: "不符合"}
PERIODS = {"annual": "每年一次", "once": "仅限一次"}
AMOUNT_KINDS = ("fixed", "per_unit", "share", "tiered")


@dataclass(frozen=True)
class Condition:
    label: str
    source: str
    node: Node


@dataclass(frozen=True)
class Tier:
    at_least: int | Decimal
    amount_fen: int | None = None
    rate: Decimal | None = None


@dataclass(frozen=True)
class AmountRule:
    kind: str
    amount_fen: int | None = None  # fixed
    base: Node | None = None  # per_unit, share, tiered
    base_source: str = ""
    per_fen: int | None = None  # per_unit
    rate: Decimal | None = None  # share
    tiers: tuple[Tier, ...] = ()
    cap_fen: int | None = None

    def describe(self) -> str:
        cap = f"，最高 {format_fen(self.cap_fen)}" if self.cap_fen is not None else ""
        if self.kind == "fixed":
            return f"定额 {format_fen(self.amount_fen)}"
        if self.kind == "per_unit":
            return f"按{readable(self.base_source)}每人（件）{format_fen(self.per_fen)}{cap}"
        if self.kind == "share":
            return f"按{readable(self.base_source)}的 {_pct(self.rate)}{cap}"
        steps = "；".join(
            f"达到 {_threshold(t.at_least)} 的，"
            + (format_fen(t.amount_fen) if t.amount_fen is not None else _pct(t.rate))
            for t in self.tiers
        )
        return f"按{readable(self.base_source)}分档：{steps}{cap}"


def readable(source: str) -> str:
    """A rule fragment in words: ``facts.rd_spend_fen[year-1]`` -> 上年度研发费用."""
    import re

    def fact(m: re.Match[str]) -> str:
        spec = FACTS.get(m.group(1))
        if spec is None:
            return m.group(0)
        index = (m.group(2) or "").replace(" ", "")
        when = {"year-1": "上年度", "year-2": "前年", "year": "本年度", "": ""}.get(index, f"{index} 年")
        return f"{when}{spec.label}"

    text = re.sub(r"facts\.([a-z_]+)(?:\[([^\]]*)\])?", fact, source)
    return re.sub(r"enterprise\.([a-z_]+)", lambda m: ENTERPRISE_FIELDS.get(m.group(1), m.group(0)), text)


def _pct(rate: Decimal | None) -> str:
    return f"{(rate or Decimal(0)) * 100:f}".rstrip("0").rstrip(".") + "%"


def _threshold(value: int | Decimal) -> str:
    return format_fen(value) if isinstance(value, int) and value >= 100_000 else str(value)


@dataclass(frozen=True)
class Case:
    name: str
    on: dt.date
    subject: Subject
    eligible: str
    amount_fen: int | None
    why_contains: str = ""


@dataclass(frozen=True)
class Policy:
    code: str
    edition: str  # the valid_from date, ISO
    title: str
    department: str
    legal_basis: str
    category: str
    valid_from: dt.date
    valid_to: dt.date | None
    period: str
    conditions: tuple[Condition, ...]
    amount: AmountRule
    materials: tuple[str, ...]
    verification: str
    summary: str
    cases: tuple[Case, ...]
    document: str  # the YAML text as written
    digest: str = ""
    uid: str = ""

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def period_for(self, day: dt.date) -> str:
        return str(day.year) if self.period == "annual" else "once"


# -- reading ------------------------------------------------------------------------------------


def _date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(f"{what}“{value}”不是日期，请写成 2025-01-01。") from None


def _fen(value: Any, what: str) -> int:
    q = value if isinstance(value, int) else rules.quantity(str(value))
    if not isinstance(q, int):
        raise RuleError(f"{what}“{value}”应当是金额，如 20万元。")
    return q


def _rate(value: Any, what: str) -> Decimal:
    q = rules.quantity(str(value))
    if not isinstance(q, Decimal):
        raise RuleError(f"{what}“{value}”应当是比例，如 10%。")
    return q


def _fact_value(key: str, value: Any) -> Any:
    spec = FACTS.get(key)
    if spec is None:
        raise RuleError(f"没有名为“{key}”的企业数据项。")
    if value is None:
        return None
    if spec.kind == "fen":
        return _fen(value, spec.label)
    if spec.kind == "flag":
        return 1 if value in (True, 1, "是", "yes") else 0
    return int(value)


def subject_from_mapping(data: Mapping[str, Any]) -> Subject:
    """A subject from a case's YAML: enterprise fields, facts ({key: value} or {key: {year: value}}), certs."""
    enterprise = dict(data.get("enterprise") or {})
    for key in enterprise:
        if key not in ENTERPRISE_FIELDS:
            raise RuleError(f"企业没有“{key}”这一项。")
    if isinstance(enterprise.get("founded_on"), str):
        enterprise["founded_on"] = _date(enterprise["founded_on"], "成立日期")
    if "registered_capital_fen" in enterprise:
        enterprise["registered_capital_fen"] = _fen(enterprise["registered_capital_fen"], "注册资本")
    facts: dict[tuple[str, int], Any] = {}
    for key, value in (data.get("facts") or {}).items():
        spec = FACTS.get(key)
        if spec is None:
            raise RuleError(f"没有名为“{key}”的企业数据项。")
        if spec.yearly:
            if not isinstance(value, Mapping):
                raise RuleError(f"“{spec.label}”按年度记录，请写成 {{2025: 数值}}。")
            for year, v in value.items():
                facts[(key, int(year))] = _fact_value(key, v)
        else:
            facts[(key, 0)] = _fact_value(key, value)
    certs: dict[str, dt.date | None] = {}
    for kind, expires in (data.get("certs") or {}).items():
        certs[str(kind)] = None if expires in (None, "") else _date(expires, f"{kind}有效期")
    return Subject(enterprise, facts, certs)


def _amount(data: Mapping[str, Any]) -> AmountRule:
    kind = data.get("kind")
    if kind not in AMOUNT_KINDS:
        raise RuleError(f"金额规则 kind 应为 {'、'.join(AMOUNT_KINDS)} 之一，而不是“{kind}”。")
    cap = _fen(data["cap"], "上限") if data.get("cap") is not None else None
    if kind == "fixed":
        return AmountRule("fixed", amount_fen=_fen(data["amount"], "定额"), cap_fen=cap)
    source = str(data.get("base", ""))
    if not source:
        raise RuleError(f"{kind} 金额规则需要 base（计算基数）。")
    base = rules.parse(source)
    if kind == "per_unit":
        return AmountRule(kind, base=base, base_source=source, per_fen=_fen(data["per"], "单价"), cap_fen=cap)
    if kind == "share":
        return AmountRule(kind, base=base, base_source=source, rate=_rate(data["rate"], "比例"), cap_fen=cap)
    tiers = []
    for t in data.get("tiers") or []:
        at_least = t["at_least"] if isinstance(t["at_least"], int) else rules.quantity(str(t["at_least"]))
        tiers.append(
            Tier(
                at_least=at_least,
                amount_fen=_fen(t["amount"], "档位金额") if "amount" in t else None,
                rate=_rate(t["rate"], "档位比例") if "rate" in t else None,
            )
        )
    if not tiers:
        raise RuleError("分档金额规则需要至少一档（tiers）。")
    tiers.sort(key=lambda t: t.at_least)
    return AmountRule(kind, base=base, base_source=source, tiers=tuple(tiers), cap_fen=cap)


def load_document(text: str) -> Policy:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleError(f"YAML 格式有误：{exc}") from None
    if not isinstance(data, Mapping):
        raise RuleError("政策文件应当是一个 YAML 映射。")
    return from_mapping(data, text)


def from_mapping(data: Mapping[str, Any], text: str) -> Policy:
    missing = [k for k in ("code", "title", "department", "valid_from", "conditions", "amount") if k not in data]
    if missing:
        raise RuleError(f"政策文件缺少 {'、'.join(missing)}。")
    code = str(data["code"])
    valid_from = _date(data["valid_from"], "生效日期")
    valid_to = _date(data["valid_to"], "截止日期") if data.get("valid_to") else None
    if valid_to is not None and valid_to < valid_from:
        raise RuleError(f"政策 {code} 的截止日期早于生效日期。")
    period = str(data.get("period", "annual"))
    if period not in PERIODS:
        raise RuleError(f"政策 {code} 的 period 应为 annual 或 once。")
    conditions = []
    for i, c in enumerate(data["conditions"] or [], 1):
        if not isinstance(c, Mapping) or "rule" not in c or "label" not in c:
            raise RuleError(f"政策 {code} 第 {i} 个条件需要 label（中文说明）和 rule（规则）。")
        try:
            node = rules.parse(str(c["rule"]))
        except RuleError as exc:
            raise RuleError(f"政策 {code} 第 {i} 个条件：{exc}") from None
        for kind in rules.cert_refs(node):
            if kind not in CERT_KINDS:
                raise RuleError(f"政策 {code} 第 {i} 个条件：不认识的证书“{kind}”。")
        conditions.append(Condition(str(c["label"]), str(c["rule"]), node))
    if not conditions:
        raise RuleError(f"政策 {code} 至少需要一个条件。")
    policy = Policy(
        code=code,
        edition=valid_from.isoformat(),
        title=str(data["title"]),
        department=str(data["department"]),
        legal_basis=str(data.get("legal_basis", "")),
        category=str(data.get("category", "")),
        valid_from=valid_from,
        valid_to=valid_to,
        period=period,
        conditions=tuple(conditions),
        amount=_amount(data["amount"]),
        materials=tuple(str(m) for m in data.get("materials") or ()),
        verification=str(data.get("verification") or ""),
        summary=str(data.get("summary", "")),
        cases=tuple(_case(code, c) for c in data.get("cases") or ()),
        document=text,
        digest=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        uid=uuid.uuid5(UID_NAMESPACE, f"{code}@{valid_from.isoformat()}").hex,
    )
    return policy


def _case(code: str, c: Mapping[str, Any]) -> Case:
    expected = c.get("eligible")
    expected = {True: ELIGIBLE, False: INELIGIBLE, "yes": ELIGIBLE, "no": INELIGIBLE}.get(expected, expected)
    if expected not in (ELIGIBLE, INELIGIBLE, UNKNOWN_STATUS):
        raise RuleError(f"政策 {code} 的案例“{c.get('name')}”：eligible 应为 yes、no 或 unknown。")
    amount = c.get("amount")
    return Case(
        name=str(c.get("name", "")),
        on=_date(c.get("date"), "案例日期"),
        subject=subject_from_mapping(c),
        eligible=expected,
        amount_fen=None if amount is None else _fen(amount, "案例金额"),
        why_contains=str(c.get("why_contains", "")),
    )


def load_dir(directory: Path | str) -> list[Policy]:
    """Every ``*.yaml`` under ``directory``; the first unreadable one stops it with its file name."""
    directory = Path(directory)
    if not directory.is_dir():
        raise RuleError(f"找不到目录 {directory}，请给出政策目录的路径。")
    policies = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            policies.append(load_document(path.read_text(encoding="utf-8")))
        except RuleError as exc:
            raise RuleError(f"{path.name}：{exc}") from None
    seen: set[tuple[str, str]] = set()
    for p in policies:
        if (p.code, p.edition) in seen:
            raise RuleError(f"政策 {p.code} 的 {p.edition} 版出现了两次，请删去重复的文件。")
        seen.add((p.code, p.edition))
    return policies


def demo_dir() -> Path:
    return Path(__file__).parent / "catalog"


def current(policies: Iterable[Policy], day: dt.date) -> list[Policy]:
    """The edition of each policy in force on ``day`` (policies not in force are left out)."""
    best: dict[str, Policy] = {}
    for p in policies:
        if p.valid_on(day) and (p.code not in best or p.valid_from > best[p.code].valid_from):
            best[p.code] = p
    return sorted(best.values(), key=lambda p: p.code)


# -- evaluating one pair ------------------------------------------------------------------------


@dataclass
class Finding:
    """One condition's outcome for one enterprise, in words a clerk reads."""

    label: str
    rule: str
    outcome: str  # eligible (held) | ineligible (failed) | unknown
    values: list[tuple[str, str]] = field(default_factory=list)  # (what, value as text)

    def sentence(self) -> str:
        shown = "；".join(f"{what}：{value}" for what, value in self.values)
        verdict = {ELIGIBLE: "满足", INELIGIBLE: "不满足", UNKNOWN_STATUS: "无法判断（缺少数据）"}[self.outcome]
        return f"{verdict}“{self.label}”" + (f"（{shown}）" if shown else "")


@dataclass
class Evaluation:
    policy: Policy
    status: str
    amount_fen: int | None
    findings: list[Finding]
    on: dt.date

    def why(self) -> str:
        """Which conditions failed or are unknown, in Chinese; or why the amount is unknown."""
        if self.status == ELIGIBLE:
            amount = format_fen(self.amount_fen) if self.amount_fen is not None else "金额待核定（缺少计算基数）"
            return f"符合“{self.policy.title}”的全部条件，预计 {amount}。"
        bad = [f for f in self.findings if f.outcome == INELIGIBLE]
        unknown = [f for f in self.findings if f.outcome == UNKNOWN_STATUS]
        parts = [f.sentence() for f in bad] + [f.sentence() for f in unknown]
        head = "不符合" if bad else "暂无法判断是否符合"
        return f"{head}“{self.policy.title}”：" + "；".join(parts) + "。"


def _values_shown(cond: Condition, subject: Subject, env: Env) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for key, year in rules.fact_refs(cond.node, env):
        shown.append((fact_title(key, year), format_value(key, subject.facts.get((key, year)))))
    for name in rules.field_refs(cond.node):
        value = subject.enterprise.get(name)
        if name == "registered_capital_fen":
            text = format_fen(value) if value is not None else "缺少数据"
        elif name == "stage":
            from station.api import STAGES

            text = STAGES.get(value, value) if value else "缺少数据"
        else:
            text = "缺少数据" if value in (None, "") else str(value)
        shown.append((ENTERPRISE_FIELDS[name], text))
    for kind in rules.cert_refs(cond.node):
        if kind in subject.certs:
            expires = subject.certs[kind]
            shown.append((kind, f"有效期至 {expires.isoformat()}" if expires else "长期有效"))
        else:
            shown.append((kind, "未认定"))
    return shown


def evaluate(policy: Policy, subject: Subject, on: dt.date) -> Evaluation:
    """Walk every condition for one enterprise (no short cut: a clerk wants every reason at once)."""
    env = Env(on)
    findings: list[Finding] = []
    if not policy.valid_on(on):
        until = policy.valid_to.isoformat() if policy.valid_to else "长期"
        findings.append(
            Finding(
                f"政策在有效期内（{policy.valid_from.isoformat()} 至 {until}）",
                "",
                INELIGIBLE,
                [("评估日期", on.isoformat())],
            )
        )
    for cond in policy.conditions:
        value = rules._truth(rules.interpret(cond.node, subject, env))
        outcome = UNKNOWN_STATUS if value is UNKNOWN else (ELIGIBLE if value else INELIGIBLE)
        findings.append(Finding(cond.label, cond.source, outcome, _values_shown(cond, subject, env)))
    if any(f.outcome == INELIGIBLE for f in findings):
        status = INELIGIBLE
    elif any(f.outcome == UNKNOWN_STATUS for f in findings):
        status = UNKNOWN_STATUS
    else:
        status = ELIGIBLE
    amount = amount_for(policy.amount, subject, env) if status == ELIGIBLE else None
    return Evaluation(policy, status, amount, findings, on)


def amount_from_base(rule: AmountRule, base: Any) -> int | None:
    """The amount in fen for a base value (None when the base is unknown). Half up to the fen, then capped."""
    if rule.kind == "fixed":
        amount = Decimal(rule.amount_fen or 0)
    else:
        if base is UNKNOWN or base is None:
            return None
        base = Decimal(base)
        if rule.kind == "per_unit":
            amount = base * (rule.per_fen or 0)
        elif rule.kind == "share":
            amount = base * (rule.rate or 0)
        else:
            tier = None
            for t in rule.tiers:
                if base >= t.at_least:
                    tier = t
            if tier is None:
                amount = Decimal(0)
            elif tier.amount_fen is not None:
                amount = Decimal(tier.amount_fen)
            else:
                amount = base * (tier.rate or 0)
    fen = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if fen < 0:
        fen = 0
    if rule.cap_fen is not None:
        fen = min(fen, rule.cap_fen)
    return fen


def amount_for(rule: AmountRule, subject: Subject, env: Env) -> int | None:
    base = None if rule.base is None else rules.interpret(rule.base, subject, env)
    return amount_from_base(rule, base)


def check_cases(policy: Policy) -> list[str]:
    """Run the policy's worked cases; the sentences of those that do not come out as written."""
    problems = []
    for case in policy.cases:
        result = evaluate(policy, case.subject, case.on)
        if result.status != case.eligible:
            problems.append(
                f"{policy.code}“{case.name}”：应为 {STATUS_LABELS[case.eligible]}，"
                f"实际为 {STATUS_LABELS[result.status]}（{result.why()}）"
            )
        elif case.eligible == ELIGIBLE and case.amount_fen is not None and result.amount_fen != case.amount_fen:
            problems.append(
                f"{policy.code}“{case.name}”：金额应为 {format_fen(case.amount_fen)}，"
                f"实际为 {format_fen(result.amount_fen)}"
            )
        elif case.why_contains and case.why_contains not in result.why():
            problems.append(f"{policy.code}“{case.name}”：说明中没有“{case.why_contains}”：{result.why()}")
    return problems
