"""Shared by the benchmarks: a station data directory with a park of N enterprises, made once and cached."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".data"
BENCH_USER, BENCH_PASSWORD = "bench", "bench-password"
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def park(n: int = 100_000) -> Path:
    """A data directory holding ``n`` demo enterprises and a bench administrator (cached under bench/.data)."""
    data = CACHE / f"park-{n}"
    if (data / "station.db").exists() and (data / ".complete").exists():
        from station.core.context import StationContext

        StationContext(data).prepare()  # a park made by an older checkout: bring its schema up to date
        return data
    shutil.rmtree(data, ignore_errors=True)
    from station.core import demo, enterprises, people
    from station.core.context import StationContext

    ctx = StationContext(data)
    actor = ctx.cli_actor()
    started = time.perf_counter()
    rows = list(demo.enterprise_rows(n, seed=42))
    with ctx.work(actor) as work:
        enterprises.upsert_many(work, rows, source="bench")
        people.add_user(work, username=BENCH_USER, display_name="基准", role="admin", password=BENCH_PASSWORD)
    print(f"(made a {n:,}-enterprise park in {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    ctx.close()
    (data / ".complete").touch()
    return data


STATION = [sys.executable, "-m", "station"]


def station(*args: str) -> str:
    """Run the ``station`` command; its output, or exit with its error."""
    import subprocess

    out = subprocess.run([*STATION, *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return out.stdout


def wait_for_hall(url: str, seconds: float = 20) -> None:
    """Until a hall started as a process answers its health check."""
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{url}/v1/health", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit(f"the hall at {url} did not start")
