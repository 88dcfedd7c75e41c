"""The intermediary marketplace at a large park's scale: ``python bench/agencies.py``.

400 agencies over the 12 service types, 20,000 ratings over a year. Figures:
- a fair draw (pool, exclusions, hashes, record written and committed), against the anchor of reading the
  same agencies and qualifications with plain sqlite3 (what any draw must read);
- the annual star ranking (Bayesian, recency-weighted), against a naive ``AVG() GROUP BY`` over the same
  ratings with plain sqlite3.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import time
import uuid

from common import CACHE
from station.core.context import StationContext

AGENCIES, RATINGS = 400, 20_000
NOW = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)


def market() -> StationContext:
    from station_agencies import services

    from station.core import uscc

    data = CACHE / f"agencies-{AGENCIES}-{RATINGS}"
    ctx = StationContext(data)
    if (data / ".complete").exists():
        return ctx
    rng = random.Random(7)
    codes = list(services.catalogue().services)
    actor = ctx.cli_actor()
    agencies = []
    with ctx.work(actor) as work:
        for i in range(AGENCIES):
            offered = rng.sample(codes, rng.choice((1, 1, 2)))
            a = services.create_agency(
                work, {"name": f"基准{i:03d}号咨询有限公司", "uscc": uscc.generate(rng, "620981"), "services": offered}
            )
            for code in offered:
                until = dt.date(2025 if rng.random() < 0.05 else 2028, 6, 30)
                services.add_qualification(work, a.uid, code, f"B-{i}-{code}", until, now=NOW)
            agencies.append((a.uid, offered, rng.uniform(2.8, 4.9)))
    rows = []
    for _ in range(RATINGS):
        uid, offered, level = rng.choice(agencies)
        when = NOW - dt.timedelta(days=rng.randrange(0, 320))
        scores = [max(1, min(5, round(rng.gauss(level, 0.7)))) for _ in range(5)]
        stamp = when.replace(tzinfo=None).isoformat(sep=" ")
        rows.append((uuid.uuid4().hex, uuid.uuid4().hex, uid, "e", offered[0], *scores, "", "代表", stamp, "bench",
                     int(rng.random() < 0.05), "", "", 1, stamp, "bench"))  # fmt: skip
    conn = sqlite3.connect(ctx.db_path)
    with conn:
        conn.executemany(
            "INSERT INTO agencies_rating (uid, commission_uid, agency_uid, enterprise_uid, service, quality, "
            "timeliness, attitude, fees, compliance, comment, representative, rated_at, recorded_by, set_aside, "
            "set_aside_reason, set_aside_by, version, updated_at, updated_by) VALUES "
            "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
    conn.close()
    (data / ".complete").touch()
    return ctx


def median_ms(fn, n: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    from station_agencies import services
    from station_agencies.stars import Period

    ctx = market()
    actor = ctx.cli_actor()
    counter = iter(range(10**9))

    def draw() -> None:
        with ctx.work(actor) as work:
            services.draw(work, "audit", [("enterprise", str(next(counter))), ("clerk", "7")], now=NOW)

    def read_pool() -> None:
        conn = sqlite3.connect(ctx.db_path)
        conn.execute("SELECT * FROM agencies_agency").fetchall()
        conn.execute("SELECT * FROM agencies_qualification WHERE service = 'audit'").fetchall()
        conn.close()

    def ranking() -> None:
        with ctx.read() as session:
            services.ranking(session, Period.parse("2026"))

    def naive() -> None:
        conn = sqlite3.connect(ctx.db_path)
        conn.execute(
            "SELECT agency_uid, avg(quality), avg(timeliness), avg(attitude), avg(fees), avg(compliance), count(*) "
            "FROM agencies_rating WHERE set_aside = 0 GROUP BY agency_uid"
        ).fetchall()
        conn.close()

    draw()
    ranking()  # warm: imports and caches
    d, d0 = median_ms(draw, 30), median_ms(read_pool, 30)
    r, r0 = median_ms(ranking, 7), median_ms(naive, 7)
    print(f"draw over {AGENCIES} agencies: median {d:.1f} ms; anchor (plain reads) {d0:.1f} ms; ratio {d / d0:.1f}")
    print(f"annual ranking of {RATINGS:,} ratings: median {r:.0f} ms; anchor (AVG GROUP BY) {r0:.1f} ms; "
          f"ratio {r / r0:.1f}")  # fmt: skip
    ctx.close()


if __name__ == "__main__":
    main()
