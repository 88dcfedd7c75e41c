"""First upload and initial download through a hall on loopback: ``python bench/sync.py [--rows N] [--runs R]
[--db postgresql+psycopg://…]``.

Each run starts a hall of its own as a process, on an empty database (SQLite by default; with ``--db``, a
fresh PostgreSQL database created beside the one named and dropped afterwards). A first station holding N
demo enterprises (made once, copied for each run) uploads them with one ``station sync`` in a process of its
own (``_sync_child.py``): the push and the pull after it. Then a fresh, empty station downloads the same
rows from the same hall, also as ``station sync`` in a process of its own. The download's anchor, measured
right after each run, also in a process of its own, is raw sqlite3 writing the same rows into an empty copy
of the station schema by the same strategy (``_bulk_child.py raw-sync``: the station's cache and durability
settings, indexes and full-text triggers off and built once at the end with the full-text index built
beside the load, capture triggers off, a commit every 10,000 rows, checkpoints on a thread of their own);
only the network, JSON and the per-page bookkeeping are left out. Targets (issue 14), as medians of the
runs' ratios: the download at least 0.5x the anchor and at least 20,000 rows/s; the first upload at least
0.3x the download of the same run, on SQLite and PostgreSQL halls. Also: one sync with 100 changed rows each
way after the last run, target under 300 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
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


@contextlib.contextmanager
def hall_database(base: str | None, run: int) -> Iterator[list[str]]:
    """A fresh, empty hall database for one run: a SQLite file in the hall's data directory, or a PostgreSQL
    database created beside ``base`` (which is only connected to, never written) and dropped after."""
    if base is None:
        yield []
        return
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base)
    name = f"{url.database}_run{run}_{os.getpid()}"
    admin = psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False), autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield ["--db", url.set(database=name).render_as_string(hide_password=False)]
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@contextlib.contextmanager
def hall_process(root: Path, db: list[str]) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    hall = subprocess.Popen(
        [*STATION, "--data-dir", str(root), "hall", "serve", "--port", str(port), *db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_hall(url)
        yield url
    finally:
        hall.terminate()
        hall.wait()


def timed_sync(data_dir: Path) -> dict:
    """One ``station sync`` in a process of its own (see ``_sync_child.py``)."""
    out = subprocess.run([sys.executable, str(CHILD), str(data_dir)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="runs, each with a hall of its own (medians)")
    parser.add_argument(
        "--db",
        help="PostgreSQL: an existing database URL (postgresql+psycopg://…); each run's hall gets a fresh database "
        "created beside it and dropped afterwards (default: a SQLite hall)",
    )
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    try:
        # The first station's data, made once (not enrolled): each run enrols a copy with its own hall.
        made = StationContext(root / "made")
        rows = list(demo.enterprise_rows(args.rows, seed=SEED))
        with made.work(made.cli_actor()) as work:
            enterprises.upsert_many(work, rows, source="bench")
        made.close()
        empty = StationContext(root / "anchor")
        empty.prepare()
        uploads, rates, raws, last = [], [], [], None
        for run in range(args.runs):  # the machine is noisy: interleaved runs, medians
            with hall_database(args.db, run) as db, hall_process(root / f"hall{run}", db) as url:
                shutil.copytree(root / "made", root / f"a{run}")
                source = enrol(root / f"hall{run}", url, root / f"a{run}", "BENCHA", db)
                # The first upload, as `station sync` runs it: the push, and the pull that follows it (which
                # skips the station's own rows, given back by the push's answers).
                pushed = timed_sync(source.data_dir)
                assert pushed["pushed"] == args.rows, pushed
                uploads.append(args.rows / pushed["seconds"])
                # The initial download of the same rows from the same hall into an empty station.
                target = enrol(root / f"hall{run}", url, root / f"b{run}", "BENCHB", db)
                synced = timed_sync(target.data_dir)
                rates.append(args.rows / synced["seconds"])
                with target.read() as session:  # (the hall may publish a few rows of its own, e.g. trust lists)
                    assert enterprises.count(session) == args.rows and synced["applied"] >= args.rows, synced
                if run == args.runs - 1:
                    last = round_trip(source, target)
                source.close()
                target.close()
            for gone in (f"a{run}", f"b{run}", f"hall{run}"):
                shutil.rmtree(root / gone)
            schema = root / f"anchor-{run}.db"
            shutil.copyfile(empty.db_path, schema)
            raws.append(raw_sync_rate(schema, args.rows, SEED))
            schema.unlink()
            print(
                f"  run {run + 1}: first upload {uploads[-1]:,.0f} rows/s, initial download {rates[-1]:,.0f} rows/s "
                f"(upload/download {uploads[-1] / rates[-1]:.2f}), raw same strategy {raws[-1]:,.0f} rows/s",
                flush=True,
            )
        hall_kind = "PostgreSQL" if args.db else "SQLite"
        rate, raw, upload = statistics.median(rates), statistics.median(raws), statistics.median(uploads)
        print(f"hall database: {hall_kind}; {args.runs} runs, medians")
        print(f"first upload of {args.rows:,} rows: median {upload:,.0f} rows/s ({args.rows / upload:.1f} s)")
        print(f"initial sync into an empty station: median {rate:,.0f} rows/s ({args.rows / rate:.2f} s)")
        print(f"raw sqlite3, same rows, same strategy: median {raw:,.0f} rows/s")
        if last is not None:
            ms, small = last
            print(f"sync with 100 changed rows each way: {ms:.0f} ms (pushed {small.pushed}, applied {small.applied})")
        ratio = statistics.median(r / a for r, a in zip(rates, raws, strict=True))
        print(f"initial sync ratio (median of runs): {ratio:.2f}  target >= 0.5: {verdict(ratio >= 0.5)}")
        print(f"initial sync median {rate:,.0f} rows/s  target >= 20,000: {verdict(rate >= 20_000)}")
        up = statistics.median(u / r for u, r in zip(uploads, rates, strict=True))
        print(
            f"first upload against the initial download (median of runs): {up:.2f}  target >= 0.3 "
            f"({hall_kind} hall): {verdict(up >= 0.3)}"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)
        os.environ.pop("STATION_DATA_DIR", None)


def round_trip(source: StationContext, target: StationContext) -> tuple[float, client.SyncReport]:
    """One sync of ``target`` with 100 changed rows each way, after ``source`` pushed its 100."""
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
    return (time.perf_counter() - started) * 1000, small


if __name__ == "__main__":
    main()
