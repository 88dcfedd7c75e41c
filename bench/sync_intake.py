"""Hall intake: nine stations push at once into halls over one PostgreSQL: ``python bench/sync_intake.py``.

Two hall processes (one per core here; ``--halls``) serve one fresh PostgreSQL database; nine enrolled
stations each hold ``--rows`` new enterprises in their outbox and push them at the same moment, each from
its own process, through the same code ``station sync`` uses. Figures: operations per second taken by the
hall park-wide, against two anchors measured in the same run — one station pushing alone, and a raw
psycopg ``executemany`` of the same number of rows into a table shaped like the hall's row table.
(PowerSync publishes 2,000–4,000 ops/s intake.)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import shutil
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from common import STATION, wait_for_hall
from common import station as run
from station.core import demo, enterprises
from station.core.context import StationContext
from station.core.sync import outbox

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def push_all(data: str, barrier: mp.synchronize.Barrier | None, done: mp.Queue) -> None:  # type: ignore[name-defined]
    """What ``station sync`` does for its push, alone: batches of 500 until the outbox is empty."""
    from station.core import enrolment

    credential = enrolment.load(Path(data))
    if barrier is not None:
        barrier.wait()
    started = time.perf_counter()
    pushed = 0
    with (
        httpx.Client(base_url=credential.url, headers={"Authorization": credential.authorization}, timeout=120) as http,
        outbox.connect(Path(data) / "station.db") as conn,
    ):
        while batch := outbox.batch(conn, 500):
            answer = http.post("/v1/push", json={"ops": batch})
            answer.raise_for_status()
            pushed += outbox.acknowledge(conn, answer.json()["acked"])
    done.put((pushed, started, time.perf_counter()))


def raw_pg_rate(url: str, count: int) -> float:
    import psycopg

    with psycopg.connect(url, autocommit=False) as conn:
        conn.execute(
            "CREATE TABLE raw_row (table_name varchar(60), row_uid varchar(36), version integer, data text, "
            "deleted boolean, PRIMARY KEY (table_name, row_uid))"
        )
        conn.commit()
        sample = {"name": "甘肃玉门某某新能源科技有限公司", "uscc": "91620981MA7XXXXXXX"}
        payload = json.dumps(sample, ensure_ascii=False)
        rows = [("enterprise", uuid.uuid4().hex, 1, payload, False) for _ in range(count)]
        started = time.perf_counter()
        with conn.cursor() as cur:
            for start in range(0, count, 500):
                cur.executemany("INSERT INTO raw_row VALUES (%s, %s, %s, %s, %s)", rows[start : start + 500])
                conn.commit()
        return count / (time.perf_counter() - started)


def main() -> None:
    import psycopg

    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=9)
    parser.add_argument("--rows", type=int, default=3000, help="enterprises each station pushes")
    parser.add_argument("--halls", type=int, default=2, help="hall processes sharing the database")
    args = parser.parse_args()
    name = f"bench_intake_{uuid.uuid4().hex[:8]}"
    admin = psycopg.connect(PG_ADMIN, autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    db_url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    root = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    halls: list[subprocess.Popen[bytes]] = []
    try:
        run("--data-dir", str(root / "hall"), "hall", "digest", "--db", db_url)  # migrates the empty database
        urls = []
        for n in range(args.halls):
            port = 18600 + n
            halls.append(
                subprocess.Popen(
                    [*STATION, "--data-dir", str(root / "hall"), "hall", "serve", "--port", str(port), "--db", db_url],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            wait_for_hall(url)
        desks: list[Path] = []
        for n in range(args.stations + 1):  # the last one is the anchor: it pushes alone, first
            code = f"IN{n:02d}"
            data = root / code
            hall_args = ("--data-dir", str(root / "hall"), "hall", "add-station", code, "--name", code, "--json")
            token = json.loads(run(*hall_args, "--db", db_url))["token"]
            run("--data-dir", str(data), "enroll", urls[n % len(urls)], token)
            ctx = StationContext(data)
            with ctx.work(ctx.cli_actor()) as work:
                enterprises.upsert_many(work, list(demo.enterprise_rows(args.rows, seed=1000 + n)), source="bench")
            ctx.close()
            desks.append(data)
        done: mp.Queue = mp.Queue()
        push_all(str(desks[-1]), None, done)
        pushed, started, ended = done.get()
        alone = pushed / (ended - started)

        barrier = mp.Barrier(args.stations)
        workers = [mp.Process(target=push_all, args=(str(d), barrier, done)) for d in desks[:-1]]
        for worker in workers:
            worker.start()
        results = [done.get() for _ in workers]
        for worker in workers:
            worker.join()
        total = sum(r[0] for r in results)
        wall = max(r[2] for r in results) - min(r[1] for r in results)
        intake = total / wall
        raw = raw_pg_rate(db_url.replace("+psycopg", ""), total)
        print(f"{args.stations} stations × {args.rows:,} operations through {args.halls} hall processes on PostgreSQL")
        print(f"intake, {args.stations} stations pushing at once: {total:,} ops in {wall:.1f} s = {intake:,.0f} ops/s")
        print(f"one station pushing alone: {alone:,.0f} ops/s")
        print(f"raw psycopg executemany into a table shaped like hall_row: {raw:,.0f} rows/s")
        print(f"intake ratio to one station alone: {intake / alone:.2f}")
        print(f"intake ratio to raw insert: {intake / raw:.2f}")
    finally:
        for hall in halls:
            hall.terminate()
            hall.wait()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
