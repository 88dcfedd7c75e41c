"""Matching many enterprises against many policies (在线智推).

The catalogue is compiled once per evaluation date (constants folded, years bound); then each policy's
conditions run over columns of enterprises, and each condition only sees the enterprises that are still
candidates, so most of the park drops out at the first cheap test. ``match_naive`` is the plain
per-enterprise, per-rule interpretation, kept as the benchmark's anchor and as the reference the tests
compare the compiled matcher with.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from station_policy import rules
from station_policy.catalog import ELIGIBLE, UNKNOWN_STATUS, AmountRule, Policy, amount_for, amount_from_base
from station_policy.rules import UNKNOWN, Compiled, Env, Frame, Node, Subject

# One result: (subject index, policy index, "eligible" | "unknown", amount in fen or None). A plain tuple:
# hundreds of thousands are made per run and a named tuple's constructor costs a third of the matching.
Hit = tuple[int, int, str, int | None]


@dataclass(frozen=True)
class CompiledPolicy:
    policy: Policy
    conditions: tuple[tuple[Compiled, Node | None], ...]  # (condition, its node when other policies share it)
    base: Compiled | None
    amounts: Callable[[list[Any]], list[int | None]]


NO_CAP = 1 << 62


def amount_function(rule: AmountRule) -> Callable[[list[Any]], list[int | None]]:
    """Amounts for a column of bases, in integers for the common case (an integer base >= 0).

    Half up in integers, (2·b·num + den) // (2·den) for a rate num/den, is exactly Decimal's ROUND_HALF_UP
    for non-negative values; anything else takes the Decimal reference, ``amount_from_base``.
    """
    cap = NO_CAP if rule.cap_fen is None else rule.cap_fen

    def slow(base: Any) -> int | None:
        return amount_from_base(rule, base)

    if rule.kind == "fixed":
        fixed = amount_from_base(rule, None)
        return lambda bases: [fixed] * len(bases)
    if rule.kind == "per_unit":
        per = rule.per_fen or 0
        return lambda bases: [
            (v if (v := b * per) <= cap else cap) if type(b) is int and b >= 0 else slow(b) for b in bases
        ]
    if rule.kind == "share":
        num, den = (rule.rate or Decimal(0)).as_integer_ratio()
        two_den = 2 * den
        return lambda bases: [
            (v if (v := (2 * b * num + den) // two_den) <= cap else cap) if type(b) is int and b >= 0 else slow(b)
            for b in bases
        ]
    return lambda bases: [slow(b) for b in bases]


def compile_policies(policies: Sequence[Policy], on: dt.date) -> list[CompiledPolicy]:
    """Compile every policy for one day. A condition several policies share (good standing, a certificate)
    is compiled once and, when matching, evaluated once for everyone and reused."""
    env = Env(on)
    uses = Counter(c.node for p in policies for c in p.conditions)
    cache: dict[Node, Compiled] = {}
    out = []
    for p in policies:
        conditions = []
        for c in p.conditions:
            compiled = cache.get(c.node)
            if compiled is None:
                compiled = cache[c.node] = rules._as_truth(rules.compile_columnar(c.node, env))
            conditions.append((compiled, c.node if uses[c.node] > 1 else None))
        base = None if p.amount.base is None else rules.compile_columnar(p.amount.base, env)
        out.append(CompiledPolicy(p, tuple(conditions), base, amount_function(p.amount)))
    return out


def match_compiled(compiled: Sequence[CompiledPolicy], subjects: Sequence[Subject], on: dt.date) -> list[Hit]:
    frame = Frame(subjects, Env(on))
    everyone = list(range(len(subjects)))
    shared: dict[Node, list[Any]] = {}
    hits: list[Hit] = []
    for pi, cp in enumerate(compiled):
        if not cp.policy.valid_on(on):
            continue
        alive = everyone
        unknown: set[int] = set()
        for cond, node in cp.conditions:
            if node is None:
                values = cond.rows(frame, alive)
            else:
                full = shared.get(node)
                if full is None:
                    full = shared[node] = cond.rows(frame, everyone)
                values = full if alive is everyone else [full[i] for i in alive]
            if UNKNOWN in values:
                unknown.update(i for i, v in zip(alive, values, strict=True) if v is UNKNOWN)
            alive = [i for i, v in zip(alive, values, strict=True) if v is not False]
            if not alive:
                break
        if not alive:
            continue
        eligible = [i for i in alive if i not in unknown] if unknown else alive
        bases = cp.base.rows(frame, eligible) if cp.base is not None else [None] * len(eligible)
        amounts = cp.amounts(bases)
        hits.extend([(i, pi, ELIGIBLE, a) for i, a in zip(eligible, amounts, strict=True)])
        if unknown:
            hits.extend((i, pi, UNKNOWN_STATUS, None) for i in alive if i in unknown)
    return hits


def match(policies: Sequence[Policy], subjects: Sequence[Subject], on: dt.date) -> list[Hit]:
    return match_compiled(compile_policies(policies, on), subjects, on)


def match_naive(policies: Sequence[Policy], subjects: Sequence[Subject], on: dt.date) -> list[Hit]:
    """The anchor: for each enterprise, for each policy, walk each rule's tree (stopping at a failure)."""
    env = Env(on)
    hits: list[Hit] = []
    for pi, p in enumerate(policies):
        if not p.valid_on(on):
            continue
        for si, s in enumerate(subjects):
            status: str | None = ELIGIBLE
            for cond in p.conditions:
                value = rules._truth(rules.interpret(cond.node, s, env))
                if value is False:
                    status = None
                    break
                if value is UNKNOWN:
                    status = UNKNOWN_STATUS
            if status is None:
                continue
            amount = amount_for(p.amount, s, env) if status == ELIGIBLE else None
            hits.append((si, pi, status, amount))
    return hits
