"""Search over 100,000 enterprises: ``python bench/search.py``.

Target (issue 2): median under 30 ms per query, full result list included. The anchor is the query one
would write without a text index — ``name LIKE '%…%' ORDER BY name`` over the same table, same run.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time

from common import park
from station.core import registry_queries


def queries(conn: sqlite3.Connection, n: int, rng: random.Random) -> list[str]:
    rows = conn.execute("SELECT name, uscc, legal_rep FROM enterprise ORDER BY id").fetchall()
    sample = rng.sample(rows, 400)  # the same queries every run: the park and the seed are fixed
    names = [r[0] for r in sample]
    codes = [r[1] for r in sample[:100]]
    people = [r[2] for r in sample[100:200]]
    out: list[str] = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.45:  # a fragment of a name, 3 to 6 characters: what clerks type
            name = rng.choice(names)
            length = rng.randint(3, 6)
            start = rng.randrange(0, max(1, len(name) - length))
            out.append(name[start : start + length])
        elif kind < 0.6:  # two characters: below what a trigram index holds, a scan
            name = rng.choice(names)
            start = rng.randrange(2, len(name) - 4)
            out.append(name[start : start + 2])
        elif kind < 0.8:  # the start of a credit code, as read off a licence
            out.append(rng.choice(codes)[: rng.randint(8, 18)])
        elif kind < 0.95:
            out.append(rng.choice(people))
        else:
            out.append("不存在的公司名称")
    return out


def timed(fn, items):  # type: ignore[no-untyped-def]
    times = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    conn = sqlite3.connect(park(args.enterprises) / "station.db")
    items = queries(conn, args.queries, random.Random(7))
    ours = timed(lambda q: registry_queries.search_ids(conn, q), items)
    naive = timed(
        lambda q: [
            r[0] for r in conn.execute("SELECT id FROM enterprise WHERE name LIKE ? ORDER BY name", (f"%{q}%",))
        ],
        items,
    )
    hits = [len(registry_queries.search_ids(conn, q)) for q in items]
    print(f"{len(items)} queries over {args.enterprises:,} enterprises; median {statistics.median(hits)} hits")
    print(f"station search: median {statistics.median(ours):.1f} ms, p95 {sorted(ours)[int(len(ours) * 0.95)]:.1f} ms")
    print(f"naive LIKE scan: median {statistics.median(naive):.1f} ms")
    print(f"search ratio: {statistics.median(ours) / statistics.median(naive):.2f}")


if __name__ == "__main__":
    main()
