"""Cold start against a bare PySide6 window, both measured in this run: ``python bench/startup.py``.

Each start is a fresh process; the figure is the median of several. Targets (issue 14): first paint
at most 1.3x the bare window, ready (registry rows on screen, signed in) at most 3.0x; (issue 2) peak
memory with the 100,000-enterprise list scrolled end to end under 250 MB.

The station's modules are byte-compiled first, as installing the wheel (pip) or the bundle (PyInstaller)
leaves them on a clerk's desktop; PySide6's already are. Without that, a shell that sets
PYTHONDONTWRITEBYTECODE would have every start compile the station from source, which no desktop does.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import park

CHILD = Path(__file__).with_name("_startup_child.py")


def start(*args: str) -> dict[str, float]:
    began = time.time()
    out = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True, timeout=120)
    if out.returncode != 0 or not out.stdout.strip():
        raise SystemExit(f"start failed: {out.stderr[-2000:]}")
    marks = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: (v - began if k in ("first_paint", "ready", "rows_loaded") else v) for k, v in marks.items()}


def byte_compile() -> None:
    import compileall

    root = Path(__file__).resolve().parents[1]
    for folder in [root / "src" / "station", *sorted((root / "plugins").glob("*/station_*"))]:
        compileall.compile_dir(folder, quiet=1)


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = park(args.enterprises)
    byte_compile()
    start("app", str(data))  # warm the page cache once, as a desktop that has run the app before
    bare, app = [], []
    for _ in range(args.runs):  # interleaved, so drift on a noisy machine hits both alike
        bare.append(start("bare"))
        app.append(start("app", str(data)))
    anchor = statistics.median(r["first_paint"] for r in bare)
    paint = statistics.median(r["first_paint"] for r in app)
    ready = statistics.median(r["ready"] for r in app)
    scrolled = start("app", str(data), "--scroll")
    print(f"bare QMainWindow first paint: {anchor * 1000:.0f} ms (median of {args.runs})")
    print(f"station first paint:          {paint * 1000:.0f} ms")
    print(f"station ready ({app[0]['rows']:,} rows):   {ready * 1000:.0f} ms")
    print(
        f"peak memory after scrolling {scrolled['scrolled_rows']:,} rows: {scrolled['rss_mb']:.0f} MB "
        f"(bare window {statistics.median(r['rss_mb'] for r in bare):.0f} MB; "
        f"{scrolled['cached_pages']:.0f} pages cached)"
    )
    print(f"memory ratio: {scrolled['rss_mb'] / statistics.median(r['rss_mb'] for r in bare):.2f}")
    print(f"first paint ratio: {paint / anchor:.2f}  target <= 1.3: {verdict(paint / anchor <= 1.3)}")
    print(f"ready ratio: {ready / anchor:.2f}  target <= 3.0: {verdict(ready / anchor <= 3.0)}")


if __name__ == "__main__":
    main()
