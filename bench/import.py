"""Importing enterprises from a CSV file into an empty registry: ``python bench/import.py [--rows N]``.

Each run imports the same CSV of N demo enterprises (as a clerk's spreadsheet spells them: capital in 万元,
ISO dates) into a fresh station, in a process of its own, through ``enterprise_import.import_file`` in one
unit of work (commit and events included); its anchor, right after, is raw sqlite3 inserting the same rows,
prepared before its clock starts, by the same drop-and-rebuild strategy with the capture triggers on
(``_bulk_child.py raw-import``). Interleaved runs, medians. Then one import of ``--memory-rows`` rows for
the peak resident memory of the importing process.

Targets (issue 14): at least 0.3x the anchor; peak memory under 300 MB at 200,000 rows.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import common  # noqa: F401 - puts src/ on the path
from station.core import demo
from station.core.context import StationContext
from station.core.enterprise_fields import EDITABLE, format_capital
from station.core.enterprise_import import TEMPLATE_HEADER

CHILD = Path(__file__).with_name("_bulk_child.py")
SEED = 14


def write_csv(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(TEMPLATE_HEADER)
        for row in demo.enterprise_rows(count, seed=SEED):
            typed = {
                **row,
                "registered_capital": format_capital(row["registered_capital_fen"]),
                "founded_on": row["founded_on"].isoformat(),
            }
            writer.writerow([typed[f] for f in EDITABLE])
    return path


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout)


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-rows", type=int, default=200_000)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        empty = StationContext(root / "empty")
        empty.prepare()
        empty.close()
        file = write_csv(root / "park.csv", args.rows)
        rates, anchors, ratios = [], [], []
        for run in range(args.runs):
            data = root / f"run-{run}"
            shutil.copytree(root / "empty", data)
            imported = child("import", str(data), str(file))
            shutil.rmtree(data)
            shutil.copytree(root / "empty", data)
            raw = child("raw-import", str(data / "station.db"), str(args.rows), str(SEED))
            shutil.rmtree(data)
            rates.append(args.rows / imported["seconds"])
            anchors.append(args.rows / raw["seconds"])
            ratios.append(rates[-1] / anchors[-1])
            print(
                f"  run {run + 1}: import {rates[-1]:,.0f} rows/s ({imported['seconds']:.2f} s), "
                f"raw {anchors[-1]:,.0f} rows/s ({raw['seconds']:.2f} s), ratio {ratios[-1]:.2f}"
            )
        big = write_csv(root / "memory.csv", args.memory_rows)
        data = root / "memory"
        shutil.copytree(root / "empty", data)
        memory = child("import", str(data), str(big))
        print(f"import of {args.rows:,} enterprises: median {statistics.median(rates):,.0f} rows/s")
        print(f"raw sqlite3, same rows, same strategy: median {statistics.median(anchors):,.0f} rows/s")
        ratio = statistics.median(ratios)
        print(f"ratio (median of runs): {ratio:.2f}  target >= 0.3: {verdict(ratio >= 0.3)}")
        print(
            f"import of {args.memory_rows:,} enterprises: {memory['seconds']:.1f} s, "
            f"peak memory {memory['peak_mb']:.0f} MB  target < 300 MB: {verdict(memory['peak_mb'] < 300)}"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
