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

    started = time.perf_counter()
    for p in payloads:
        memoryview(zxingcpp.create_barcode(p, zxingcpp.BarcodeFormat.QRCode, ec_level="Q").to_image(scale=1)).tobytes()
    bare = (time.perf_counter() - started) / len(payloads)

    out = Path(tempfile.mkdtemp(prefix="licences-bench-"))
    try:
        started = time.perf_counter()
        for s in sheets:
            documents.write_licence_pdf(out / f"{s.number}.pdf", [s])
        per = (time.perf_counter() - started) / len(sheets)
        size = sum(f.stat().st_size for f in out.iterdir()) / len(sheets)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"payload {len(payloads[0])} characters")
    print(f"bare zxing-cpp encode: {bare * 1000:.2f} ms per payload")
    print(f"licence PDF: {per * 1000:.2f} ms per licence ({size / 1024:.0f} KiB each)")
    print(f"ratio {per / bare:.2f}x (target <= 4x)")


if __name__ == "__main__":
    main()
