"""Initial sync from a hall on loopback into an empty station: ``python bench/sync.py [--rows N]``.

The hall runs as its own process (SQLite by default, ``--db`` for PostgreSQL). A first station pushes N
demo enterprises; the figure is a fresh, empty station pulling all of them in a process of its own, as
``station sync`` does (``_sync_child.py``; the median of ``--runs``). Its anchor, measured right after each
sync, also in a process of its own, is raw sqlite3 writing the same rows into an empty copy of the station
schema by the same strategy (``_bulk_child.py raw-sync``: the station's cache and durability settings,
indexes and full-text triggers off and built once at the end with the full-text index built beside the
load, capture triggers off, a commit every 10,000 rows, checkpoints on a thread of their own); only the
network, JSON and the per-page bookkeeping are left out. Targets (issue 14): at least 0.5x the anchor
and at least 20,000 rows/s, both as medians. The first upload of the same rows (the first station's
`station sync`, in a process of its own) at least 0.3x that initial download, on SQLite and PostgreSQL
halls. Also: one sync with 100 changed rows each way, target under 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import STATION, wait_for_hall
from common import station as run
from station.core import demo, enterprises
from station.core.context import StationContext
from station.core.sync import client

CHILD = Path(__file__).with_name("_sync_child.py")
BULK_CHILD = Path(__file__).with_name("_bulk_child.py")
SEED = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def enrol(hall_dir: Path, url: str, data: Path, code: str, db: list[str]) -> StationContext:
    token = json.loads(run("--data-dir", str(hall_dir), "hall", "add-station", code, "--name", code, "--json", *db))
    run("--data-dir", str(data), "enroll", url, token["token"])
    return StationContext(data)


def raw_sync_rate(schema_db: Path, rows: int, seed: int) -> float:
    """The anchor, in a process of its own (see ``_bulk_child.py``)."""
    out = subprocess.run(
        [sys.executable, str(BULK_CHILD), "raw-sync", str(schema_db), str(rows), str(seed)],
        capture_output=True,
        text=True,
        check=True,
    )
    return rows / json.loads(out.stdout)["seconds"]


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="initial syncs into fresh stations (median)")
    parser.add_argument("--db", help="the hall's database URL (default: SQLite)")
    args = parser.parse_args()
    db = ["--db", args.db] if args.db else []
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    hall = subprocess.Popen(
        [*STATION, "--data-dir", str(root / "hall"), "hall", "serve", "--port", str(port), *db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_hall(url)
        source = enrol(root / "hall", url, root / "a", "BENCHA", db)
        rows = list(demo.enterprise_rows(args.rows, seed=SEED))
        with source.work(source.cli_actor()) as work:
            enterprises.upsert_many(work, rows, source="bench")
        source.close()
        # The first upload, as `station sync` runs it: the push, and the pull that follows it (which skips
        # the station's own rows, given back by the push's answers).
        pushed = json.loads(
            subprocess.run(
                [sys.executable, str(CHILD), str(source.data_dir)], capture_output=True, text=True, check=True
            ).stdout
        )
        assert pushed["pushed"] == args.rows, pushed
        push_s = pushed["seconds"]

        empty = StationContext(root / "anchor")
        empty.prepare()
        rates, raws, kept = [], [], None
        for run in range(args.runs):  # the machine is noisy: interleaved runs, medians
            target = enrol(root / "hall", url, root / f"b{run}", f"BENCHB{run}", db)
            child = subprocess.run(
                [sys.executable, str(CHILD), str(target.data_dir)], capture_output=True, text=True, check=True
            )
            synced = json.loads(child.stdout)
            rates.append(args.rows / synced["seconds"])
            with target.read() as session:  # (the hall may publish a few rows of its own, e.g. trust lists)
                assert enterprises.count(session) == args.rows and synced["applied"] >= args.rows, synced
            if kept is None:
                kept = target  # for the 100-row round trip below
            else:
                target.close()
                shutil.rmtree(root / f"b{run}")
            schema = root / f"anchor-{run}.db"
            shutil.copyfile(empty.db_path, schema)
            raws.append(raw_sync_rate(schema, args.rows, SEED))
            schema.unlink()
            print(f"  run {run + 1}: initial sync {rates[-1]:,.0f} rows/s, raw same strategy {raws[-1]:,.0f} rows/s")
        target = kept

        # 100 changed rows each way in one sync
        with source.read() as session:
            ids = enterprises.search_ids(session, "")[:100]
        for ctx, field in ((source, "legal_rep"), (target, "contact_person")):
            with ctx.read() as session:
                items = [(i, enterprises.as_form(enterprises.get(session, i))) for i in ids]
            with ctx.work(ctx.cli_actor()) as work:
                for i, values in items:
                    enterprises.update(work, i, {**values, field: "基准"})
        client.run(source)
        started = time.perf_counter()
        small = client.run(target)
        round_trip_ms = (time.perf_counter() - started) * 1000
        rate, raw = statistics.median(rates), statistics.median(raws)
        print(f"first upload of {args.rows:,} rows: {push_s:.1f} s ({args.rows / push_s:,.0f} rows/s)")
        print(f"initial sync into an empty station: median {rate:,.0f} rows/s ({args.rows / rate:.2f} s)")
        print(f"raw sqlite3, same rows, same strategy: median {raw:,.0f} rows/s")
        print(
            f"sync with 100 changed rows each way: {round_trip_ms:.0f} ms (pushed {small.pushed}, "
            f"applied {small.applied})"
        )
        ratio = statistics.median(r / a for r, a in zip(rates, raws, strict=True))
        print(f"initial sync ratio (median of runs): {ratio:.2f}  target >= 0.5: {verdict(ratio >= 0.5)}")
        print(f"initial sync median {rate:,.0f} rows/s  target >= 20,000: {verdict(rate >= 20_000)}")
        upload = (args.rows / push_s) / rate
        print(f"first upload against the initial download: {upload:.2f}  target >= 0.3: {verdict(upload >= 0.3)}")
    finally:
        hall.terminate()
        hall.wait()
        shutil.rmtree(root, ignore_errors=True)
        os.environ.pop("STATION_DATA_DIR", None)


if __name__ == "__main__":
    main()
