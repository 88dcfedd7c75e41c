"""Verifying from a scan: licence PDFs rasterised by pdftoppm at 150 dpi in grey (the raw frame a desk
scanner delivers, as PGM), then per licence: read the frame, find and decode the QR (zxing-cpp), verify
the signature and the lists. Target: under 20 ms per licence. Reading the same scans as PNG files adds
the PNG decompression of a 2-megapixel page, shown separately.

    .venv/bin/python bench/licenses_verify.py [--count 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import licenses_common


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args()
    from PIL import Image
    from station_licenses import documents, qr, verify

    from station.core import signing, trust

    sheets, key = licenses_common.sheets(args.count)
    now = dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC)
    entry = trust.StationKey("ST01", signing.public_bytes(key), now - dt.timedelta(days=1), now + dt.timedelta(days=9))
    snapshot = verify.TrustSnapshot((entry,), now, {}, now)
    work = Path(tempfile.mkdtemp(prefix="licences-scan-"))
    try:
        scans = []
        for s in sheets:
            pdf = documents.write_licence_pdf(work / f"{s.number}.pdf", [s])
            for fmt in (["-png"], []):  # PNG, then the raw grey frame (PGM)
                stem = str(pdf.with_suffix(""))
                subprocess.run(["pdftoppm", "-r", "150", "-gray", *fmt, "-singlefile", str(pdf), stem], check=True)
            scans.append(pdf.with_suffix(".pgm"))
        started, cpu = time.perf_counter(), time.process_time()
        verdicts = []
        for frame in scans:
            with Image.open(frame) as image:
                texts = qr.decode_image(image.convert("L"))
            verdicts.append(verify.verify(texts[0], snapshot, now).verdict)
        per = (time.perf_counter() - started) / len(scans)
        per_cpu = (time.process_time() - cpu) / len(scans)
        started = time.perf_counter()
        for pgm in scans:
            with Image.open(pgm.with_suffix(".png")) as image:
                image.load()
        png = (time.perf_counter() - started) / len(scans)
        size = Image.open(scans[0]).size
    finally:
        shutil.rmtree(work, ignore_errors=True)
    assert verdicts == ["valid"] * len(scans), verdicts
    print(f"{len(scans)} A4 scans at 150 dpi ({size[0]}x{size[1]} px), all valid")
    print(f"read + decode + verify: {per_cpu * 1000:.1f} ms CPU per licence (target < 20 ms); wall {per * 1000:.1f} ms")
    print(f"(reading the scan from a PNG file instead adds {png * 1000:.1f} ms of PNG decompression)")


if __name__ == "__main__":
    main()
