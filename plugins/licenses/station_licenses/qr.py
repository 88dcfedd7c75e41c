"""The licence QR: encoded with zxing-cpp (level Q; Base45 text is all in the QR alphanumeric set, so the
writer picks alphanumeric mode) and read back from scans, image files and PDFs. No Qt here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ERROR_LEVEL = "Q"
MAX_VERSION = 20
SCAN_DPI = 150


def modules(text: str) -> tuple[int, bytes]:
    """The QR's side in modules and one byte per module (0 dark, 255 light), without the quiet zone."""
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]  # a buffer; stubs lack it
    assert image.shape is not None  # two-dimensional
    return image.shape[0], image.tobytes()


def dark_runs(size: int, raw: bytes) -> list[tuple[int, int, int]]:
    """(row, first column, length) of every run of dark modules, row 0 at the top."""
    import re

    dark = re.compile(b"\x00+")
    runs = []
    for r in range(size):
        base = r * size
        runs += [(r, m.start() - base, m.end() - m.start()) for m in dark.finditer(raw, base, base + size)]
    return runs


def matrix(text: str) -> list[list[bool]]:
    """The QR modules (True = dark), without the quiet zone, as ``station.core.printing`` draws them."""
    from station.api import printing

    return printing.qr_matrix(text, error=ERROR_LEVEL)


def version_of(modules: list[list[bool]]) -> int:
    return (len(modules) - 17) // 4


def decode_image(image: Any) -> list[str]:
    """Every QR text zxing-cpp finds in a PIL image."""
    import zxingcpp

    # Fast path for scans (modules of a few pixels; a QR's finder patterns are found at any angle, the
    # rotated passes are for 1D codes); then the full search, which also downscales large photos.
    qr_code = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(image, formats=qr_code, try_rotate=False, try_downscale=False)
    if not found:
        found = zxingcpp.read_barcodes(image, formats=qr_code)
    return [r.text for r in found]


def decode_file(path: Path) -> list[str]:
    """QR texts in an image file or in every page of a PDF (rasterised at 150 dpi with pypdfium2)."""
    if path.suffix.lower() == ".pdf" or path.read_bytes()[:5] == b"%PDF-":
        import pypdfium2

        found: list[str] = []
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            for page in pdf:
                found += decode_image(page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil())
        finally:
            pdf.close()
        return found
    from PIL import Image

    with Image.open(path) as image:
        return decode_image(image.convert("L"))
