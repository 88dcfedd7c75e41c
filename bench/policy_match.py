"""Policy matching: 10,000 enterprises against 200 policies, compiled matcher vs naive interpretation.

The 200 policies are the 21 demo policies and variants of them with other thresholds (each a policy of
its own code); the enterprises carry facts drawn like the demo park's. Both evaluators run in the same
process on the same data and must give the same answer; the figure is their ratio.

    .venv/bin/python bench/policy_match.py [--enterprises 10000] [--policies 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import statistics
import time
from types import SimpleNamespace

from station_policy import catalog, matcher
from station_policy.demo import facts_for
from station_policy.rules import Subject

ON = dt.date(2026, 6, 1)
INDUSTRIES = ["C3562", "C3911", "C2661", "I6513", "I6520", "M7320", "F5179", "L7212"]


def policies(n: int, rng: random.Random) -> list[catalog.Policy]:
    base = catalog.current(catalog.load_dir(catalog.demo_dir()), ON)
    out = list(base)
    i = 0
    while len(out) < n:
        p = base[i % len(base)]
        i += 1
        scale = rng.choice([0.5, 0.8, 1.25, 1.5, 2, 3])

        def rescale(m: re.Match[str], scale: float = scale) -> str:
            return f"{float(m.group(1)) * scale:g}{m.group(2)}"

        text = re.sub(r"(?m)^code: (.+)$", rf"code: \1-V{i}", p.document)
        text = re.sub(r"(\d+(?:\.\d+)?)(万元|亿元)", rescale, text)
        text = re.sub(r"(?s)\ncases:.*", "\n", text)  # variants' thresholds differ: the worked cases do not hold
        out.append(catalog.load_document(text))
    return out[:n]


def enterprises(n: int, rng: random.Random) -> list[Subject]:
    subjects = []
    for k in range(n):
        e = SimpleNamespace(
            employees=int(rng.lognormvariate(3.3, 1.0)) + 1,
            industry_code=rng.choice(INDUSTRIES),
            founded_on=dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(6700)),
        )
        facts, certs = facts_for(rng, e, ON)
        fields = {
            "uscc": f"91330110MA{k:08d}",
            "name": f"企业{k}",
            "industry_code": e.industry_code,
            "registered_capital_fen": rng.randint(10, 5000) * 1_000_000,
            "employees": e.employees,
            "founded_on": e.founded_on,
            "zone": "临平经济开发区",
            "stage": "operation" if rng.random() < 0.9 else "startup",
        }
        subjects.append(Subject(fields, facts, certs))
    return subjects


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=10_000)
    parser.add_argument("--policies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20261123)
    ps = policies(args.policies, rng)
    people = enterprises(args.enterprises, rng)

    fast_times, slow_times = [], []
    fast_hits = slow_hits = None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        fast_hits = matcher.match(ps, people, ON)  # includes compiling the catalogue for the day
        fast_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        slow_hits = matcher.match_naive(ps, people, ON)
        slow_times.append(time.perf_counter() - t0)
    assert fast_hits is not None and slow_hits is not None
    assert sorted(fast_hits) == sorted(slow_hits), "the two evaluators disagree"
    fast, slow = statistics.median(fast_times), statistics.median(slow_times)
    eligible = sum(1 for h in fast_hits if h[2] == "eligible")
    unknown = len(fast_hits) - eligible
    print(f"{args.enterprises:,} enterprises × {len(ps)} policies = {args.enterprises * len(ps):,} pairs")
    print(f"hits: {eligible:,} eligible, {unknown:,} unknown (same in both)")

    def runs(times: list[float]) -> str:
        return ", ".join(f"{t:.2f}" for t in times)

    print(f"naive per-enterprise, per-rule interpretation: median {slow:.2f} s  ({runs(slow_times)})")
    print(f"compiled columnar matcher (incl. compile):      median {fast:.2f} s  ({runs(fast_times)})")
    print(f"ratio compiled / naive: {fast / slow:.3f}  (speed-up {slow / fast:.1f}x); target: compiled < 2 s")


if __name__ == "__main__":
    main()
