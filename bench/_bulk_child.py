"""Timed bulk work in a process of its own, for bench/import.py and bench/sync.py.

    python bench/_bulk_child.py import DATA_DIR FILE        one import through station.core.enterprise_import
    python bench/_bulk_child.py raw-import DB ROWS SEED     its anchor
    python bench/_bulk_child.py raw-sync DB ROWS SEED       the initial sync's anchor

Prints JSON: seconds, rows, peak resident memory in MB. A process of its own for every figure, measured
and anchor alike: the benchmark's own process holds every row it generated, and Python's cycle collector
would make that a measurable part of whatever runs there.

The anchors do what the measured path writes, with raw sqlite3 and nothing else: the same demo rows
(generated before the clock starts, uids included), the station's own connection settings (32 MiB cache,
synchronous=NORMAL, WAL), the same drop-and-rebuild strategy through ``station.core.sync.bulk`` (non-unique
indexes and full-text triggers off, built once at the end). ``raw-import`` keeps the sync capture triggers
on and writes in one transaction, as an import does (every imported enterprise reaches the outbox);
``raw-sync`` takes them off and commits every ``BULK_TXN_ROWS`` rows, as a first sync does.
"""

from __future__ import annotations

import contextlib
import json
import resource
import sys
import time
import uuid
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import(data_dir: Path, file: Path) -> dict:
    from station.core import enterprise_import
    from station.core.context import StationContext

    ctx = StationContext(data_dir)
    ctx.prepare()
    actor = ctx.cli_actor()
    started = time.perf_counter()
    with ctx.work(actor) as work:
        report = enterprise_import.import_file(work, file)
    seconds = time.perf_counter() - started
    assert report.created == report.total and not report.bad_count, report.summary()
    return {"seconds": seconds, "rows": report.created}


def _rows(count: int, seed: int) -> list[tuple]:
    from station.core import demo
    from station.core.enterprise_fields import STORED

    stamp = "2026-11-30 09:00:00.000000"
    return [
        (*(str(r[f]) if f == "founded_on" else r[f] for f in STORED), str(uuid.uuid4()), 1, stamp, stamp, "bench")
        for r in demo.enterprise_rows(count, seed=seed)
    ]


def _raw(db: Path, count: int, seed: int, *, capture: bool) -> dict:
    from station.core.enterprise_fields import STORED
    from station.core.sync import bulk, outbox
    from station.core.sync.pages import BULK_TXN_ROWS

    rows = _rows(count, seed)
    columns = (*STORED, "uid", "version", "created_at", "updated_at", "updated_by")
    insert = f"INSERT INTO enterprise ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    step = len(rows) if capture else BULK_TXN_ROWS
    with outbox.connect(db) as conn:
        started = time.perf_counter()
        # A first sync writes with the WAL checkpointed on a thread of its own and the full-text index built
        # beside the load on another: so does its anchor.
        builder = None if capture else bulk.FullTextBuilder(db)
        aside = contextlib.nullcontext() if capture else outbox.checkpoints_aside(conn, db)
        quieted: list[tuple[str, str]] = []
        with aside:
            for start in range(0, len(rows), step):
                conn.execute("BEGIN IMMEDIATE")
                if start == 0:
                    fts = bulk.enter(conn, "enterprise")
                    if builder and fts:
                        builder.start(conn, "enterprise", fts)
                if not capture:  # as PageWriter._quiet: the capture triggers off inside each transaction
                    quieted = conn.execute(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'enterprise' "
                        "AND name LIKE 'sync\\_%' ESCAPE '\\'"
                    ).fetchall()
                    for name, _ in quieted:
                        conn.execute(f'DROP TRIGGER "{name}"')
                conn.executemany(insert, rows[start : start + step])
                for _, sql in quieted:
                    conn.execute(sql)
                if capture:
                    bulk.put_back(conn)
                conn.execute("COMMIT")
                if builder:
                    builder.committed()
        if builder:
            bulk.finish(conn, builder)
        seconds = time.perf_counter() - started
        (stored,) = conn.execute("SELECT count(*) FROM enterprise").fetchone()
        (captured,) = conn.execute("SELECT count(*) FROM sync_outbox").fetchone()
    assert stored == count and captured == (count if capture else 0), (stored, captured)
    return {"seconds": seconds, "rows": count}


def main() -> None:
    mode, *args = sys.argv[1:]
    if mode == "import":
        result = _import(Path(args[0]), Path(args[1]))
    elif mode in ("raw-import", "raw-sync"):
        result = _raw(Path(args[0]), int(args[1]), int(args[2]), capture=mode == "raw-import")
    else:
        raise SystemExit(__doc__)
    print(json.dumps({**result, "peak_mb": _peak_mb()}))


if __name__ == "__main__":
    main()
