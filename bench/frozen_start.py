"""Cold start of the frozen program against the same commands from the venv, both measured in this run:

    ./dev bundle && .venv/bin/python bench/frozen_start.py [--runs 7]

Two commands, each a fresh process, interleaved (frozen, venv, frozen, …), medians compared:
- ``station --version``: process start to exit;
- ``station --data-dir DEMO``, the window on the demo park: process start to the first paint of the main
  window. The moment is marked by a probe plugin in the data directory's plugins folder (the folder
  ``station plugins add`` fills), which both programs load the same way: the shell loads plugins right after
  the main window's first paint. The probe writes the time and quits the application.

Target (issue 15): the frozen program at most 1.3x the venv for each.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import CACHE, ROOT

BUNDLE = ROOT / "dist" / "park-station" / "station"
VENV = ROOT / ".venv" / "bin" / "station"
TARGET = 1.3
PROBE = '''"""Benchmark probe: marks the main window's first paint (plugins load right after it), then quits."""
import os
import time

with open(os.environ["STATION_BENCH_MARK"], "w") as mark:
    mark.write(repr(time.time()))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

QTimer.singleShot(0, QApplication.quit)
'''


def demo_park() -> Path:
    """The demo park (``station demo --no-gui``) with the probe plugin, made once under bench/.data."""
    data = CACHE / "frozen-demo"
    if not (data / ".complete").exists():
        shutil.rmtree(data, ignore_errors=True)
        subprocess.run([str(VENV), "--data-dir", str(data), "demo", "--no-gui"], check=True, capture_output=True)
        plugins = data / "plugins"
        (plugins / "station_bench_probe-1.0.dist-info").mkdir(parents=True)
        (plugins / "station_bench_probe.py").write_text(PROBE, encoding="utf-8")
        meta = plugins / "station_bench_probe-1.0.dist-info"
        (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: station-bench-probe\nVersion: 1.0\n")
        (meta / "entry_points.txt").write_text("[station]\nbench_probe = station_bench_probe\n")
        (meta / "RECORD").write_text("station_bench_probe.py,,\n")
        (data / ".complete").touch()
    return data


def timed(program: Path, *args: str, mark: Path | None = None) -> float:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if mark is not None:
        env["STATION_BENCH_MARK"] = str(mark)
        mark.unlink(missing_ok=True)
    began = time.time()
    done = subprocess.run([str(program), *args], capture_output=True, text=True, env=env, timeout=120)
    ended = time.time()
    if done.returncode != 0:
        raise SystemExit(f"{program} {' '.join(args)} failed: {done.stderr[-2000:]}")
    if mark is None:
        return ended - began
    return float(mark.read_text()) - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not BUNDLE.exists():
        raise SystemExit("no frozen program: run ./dev bundle first")
    data = demo_park()
    mark = Path(tempfile.mkdtemp(prefix="station-bench-")) / "mark"
    commands = {
        "--version": (("--version",), None),
        "first paint (demo park)": (("--data-dir", str(data)), mark),
    }
    for program in (BUNDLE, VENV):  # once each, so both start from a warm page cache
        for argv, probe in commands.values():
            timed(program, *argv, mark=probe)
    failed = False
    for title, (argv, probe) in commands.items():
        frozen, venv = [], []
        for _ in range(args.runs):
            frozen.append(timed(BUNDLE, *argv, mark=probe))
            venv.append(timed(VENV, *argv, mark=probe))
        ratio = statistics.median(frozen) / statistics.median(venv)
        verdict = "met" if ratio <= TARGET else "not met"
        failed |= ratio > TARGET
        ms = {name: statistics.median(values) * 1000 for name, values in (("frozen", frozen), ("venv", venv))}
        print(
            f"{title:<26} frozen {ms['frozen']:6.0f} ms   venv {ms['venv']:6.0f} ms"
            f"   ratio {ratio:.2f} (target <= {TARGET}: {verdict}; medians of {args.runs})"
        )
    size = sum(f.lstat().st_size for f in BUNDLE.parent.rglob("*") if not f.is_dir() or f.is_symlink())
    print(f"bundle size: {size / 2**20:.0f} MiB")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
