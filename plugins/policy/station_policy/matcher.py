"""Matching many enterprises against many policies (在线智推).

The catalogue is compiled once per evaluation date (constants folded, years bound); then each policy's
conditions run over columns of enterprises, and each condition only sees the enterprises that are still
candidates, so most of the park drops out at the first cheap test. ``match_naive`` is the plain
per-enterprise, per-rule interpretation, kept as the benchmark's anchor and as the reference the tests
compare the compiled matcher with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from station_policy import rules
from station_policy.catalog import ELIGIBLE, UNKNOWN_STATUS, Policy, amount_for, amount_from_base
from station_policy.rules import UNKNOWN, Compiled, Env, Frame, Subject


@dataclass(frozen=True)
class Hit:
    subject: int  # index into the subjects
    policy: int  # index into the policies
    status: str  # eligible | unknown
    amount_fen: int | None


@dataclass(frozen=True)
class CompiledPolicy:
    policy: Policy
    conditions: tuple[Compiled, ...]
    base: Compiled | None


def compile_policies(policies: Sequence[Policy], on: dt.date) -> list[CompiledPolicy]:
    env = Env(on)
    out = []
    for p in policies:
        conditions = tuple(rules._as_truth(rules.compile_columnar(c.node, env)) for c in p.conditions)
        base = None if p.amount.base is None else rules.compile_columnar(p.amount.base, env)
        out.append(CompiledPolicy(p, conditions, base))
    return out


def match_compiled(compiled: Sequence[CompiledPolicy], subjects: Sequence[Subject], on: dt.date) -> list[Hit]:
    frame = Frame(subjects, Env(on))
    everyone = list(range(len(subjects)))
    hits: list[Hit] = []
    for pi, cp in enumerate(compiled):
        if not cp.policy.valid_on(on):
            continue
        alive = everyone
        unknown: set[int] = set()
        for cond in cp.conditions:
            values = cond.rows(frame, alive)
            kept = []
            for i, v in zip(alive, values, strict=True):
                if v is True:
                    kept.append(i)
                elif v is UNKNOWN:
                    kept.append(i)
                    unknown.add(i)
            alive = kept
            if not alive:
                break
        if not alive:
            continue
        eligible = [i for i in alive if i not in unknown]
        bases = cp.base.rows(frame, eligible) if cp.base is not None else [None] * len(eligible)
        rule = cp.policy.amount
        for i, base in zip(eligible, bases, strict=True):
            hits.append(Hit(i, pi, ELIGIBLE, amount_from_base(rule, base)))
        hits.extend(Hit(i, pi, UNKNOWN_STATUS, None) for i in alive if i in unknown)
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
            status = ELIGIBLE
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
            hits.append(Hit(si, pi, status, amount))
    return hits
