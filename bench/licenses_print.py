"""Batch printing: 1,000 licence PDFs (one file each, QR as vectors, font subset embedded) against a bare
zxing-cpp encode of the same payloads in the same run. Target: at most 4x.

    .venv/bin/python bench/licenses_print.py [--count 1000]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import licenses_common


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    import zxingcpp
    from station_licenses import documents

    sheets, _ = licenses_common.sheets(args.count)
    payloads = [s.payload for s in sheets]
    documents.write_licence_pdf(Path(tempfile.mkdtemp()) / "warm.pdf", sheets[:1])  # font registered once

    started, cpu = time.perf_counter(), time.process_time()
    for p in payloads:
        memoryview(zxingcpp.create_barcode(p, zxingcpp.BarcodeFormat.QRCode, ec_level="Q").to_image(scale=1)).tobytes()
    bare = (time.perf_counter() - started) / len(payloads)
    bare_cpu = (time.process_time() - cpu) / len(payloads)

    out = Path(tempfile.mkdtemp(prefix="licences-bench-"))
    try:
        started, cpu = time.perf_counter(), time.process_time()
        for s in sheets:
            documents.write_licence_pdf(out / f"{s.number}.pdf", [s])
        per = (time.perf_counter() - started) / len(sheets)
        per_cpu = (time.process_time() - cpu) / len(sheets)
        size = sum(f.stat().st_size for f in out.iterdir()) / len(sheets)
        # The batch as the licences page prints it: one PDF, one print job, the font subset embedded once.
        started, cpu = time.perf_counter(), time.process_time()
        batch = documents.write_licence_pdf(out / "batch.pdf", sheets)
        per_batch = (time.perf_counter() - started) / len(sheets)
        per_batch_cpu = (time.process_time() - cpu) / len(sheets)
        batch_mb = batch.stat().st_size / 1024 / 1024
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"payload {len(payloads[0])} characters")
    print(f"bare zxing-cpp encode: {bare_cpu * 1000:.2f} ms CPU per payload (wall {bare * 1000:.2f} ms)")
    print(
        f"licence PDF: {per_cpu * 1000:.2f} ms CPU per licence (wall {per * 1000:.2f} ms, {size / 1024:.0f} KiB each)"
    )
    print(f"ratio {per_cpu / bare_cpu:.2f}x CPU, {per / bare:.2f}x wall (target <= 4x)")
    print(
        f"one batch PDF of {len(sheets)} licences ({batch_mb:.1f} MB): {per_batch_cpu * 1000:.2f} ms CPU per licence "
        f"(wall {per_batch * 1000:.2f} ms), ratio {per_batch_cpu / bare_cpu:.2f}x CPU, {per_batch / bare:.2f}x wall"
    )


if __name__ == "__main__":
    main()
