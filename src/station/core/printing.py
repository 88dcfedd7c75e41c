"""Printed documents: the bundled Chinese font, the official page layout, vector QR codes and a round seal.

Everything here is reportlab and the standard library, so the core stays free of Qt; the shell previews
and prints the PDFs this builds (station.shell.pdf_preview). Heavy imports happen inside the functions so
that importing this module costs nothing at start-up.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.core.clock import local
from station.paths import resource

if TYPE_CHECKING:
    from PIL.Image import Image
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

FONT = "WenQuanYiMicroHei"
FONT_FILE = ("fonts", "wqy-microhei.ttc")
SEAL_RED = (0.84, 0.07, 0.09)
PRODUCER = "园区企业服务站"

_font_lock = threading.Lock()


def register_font() -> str:
    """Register WenQuanYi Micro Hei with reportlab once (safe from several threads) and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    with _font_lock:
        if FONT not in pdfmetrics.getRegisteredFontNames():
            # A TrueType collection: face 0 is the proportional Micro Hei (face 1 is the monospaced one).
            pdfmetrics.registerFont(TTFont(FONT, str(resource(*FONT_FILE)), subfontIndex=0))
    return FONT


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles in the bundled font with CJK line breaking (a line may break between any two
    Chinese characters, never before closing punctuation)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    font = register_font()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=17, wordWrap="CJK", spaceAfter=4)
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=20, leading=28, alignment=TA_CENTER, spaceBefore=4, spaceAfter=10
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=12, leading=18, alignment=TA_CENTER),
        "heading": ParagraphStyle("heading", parent=body, fontSize=13.5, leading=20, spaceBefore=8, spaceAfter=4),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=12, spaceAfter=2),
        "cell": ParagraphStyle("cell", parent=body, fontSize=9.5, leading=13, spaceAfter=0),
    }


# --- the official page ---------------------------------------------------------------------------------------

PageCallback = Callable[[Any, Any], None]


@functools.cache
def _official_doc_class() -> type:
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    class OfficialDoc(SimpleDocTemplate):
        """A4 with a footer on every page; ``build`` writes to a temporary file and moves it into place,
        so a crash never leaves half a PDF where a finished one is expected."""

        def __init__(self, path: Path, *, title: str, issuer: str, subject: str, printed_at: dt.datetime) -> None:
            self.final_path = Path(path)
            self.issuer = issuer
            self.printed_at = printed_at
            super().__init__(
                str(self.final_path),
                pagesize=_a4(),
                leftMargin=20 * mm,
                rightMargin=20 * mm,
                topMargin=20 * mm,
                bottomMargin=22 * mm,
                title=title,
                author=issuer,
                subject=subject,
                creator=PRODUCER,
                producer=PRODUCER,
                lang="zh-CN",
                initialFontName=register_font(),
            )

        def footer(self, canvas: Any, doc: Any) -> None:
            draw_footer(canvas, doc.page, self.issuer, self.printed_at, self.pagesize, self.leftMargin)

        def build(
            self,
            flowables: list[Any],
            onFirstPage: PageCallback | None = None,
            onLaterPages: PageCallback | None = None,
            **kwargs: Any,
        ) -> None:
            register_font()

            def first(canvas: Any, doc: Any) -> None:
                self.footer(canvas, doc)
                if onFirstPage:
                    onFirstPage(canvas, doc)

            def later(canvas: Any, doc: Any) -> None:
                self.footer(canvas, doc)
                if onLaterPages:
                    onLaterPages(canvas, doc)

            self.final_path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=".", suffix=".pdf.part", dir=self.final_path.parent)
            os.close(fd)
            self.filename = temp
            try:
                super().build(flowables, onFirstPage=first, onLaterPages=later, **kwargs)
                os.replace(temp, self.final_path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
            finally:
                self.filename = str(self.final_path)

    return OfficialDoc


def _a4() -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4

    return A4


def draw_footer(
    canvas: Any, page: int, issuer: str, printed_at: dt.datetime, pagesize: tuple[float, float], margin: float
) -> None:
    """A hairline, then the issuer (left), 第 N 页 (centre) and the print time (right)."""
    from reportlab.lib.units import mm

    width, _ = pagesize
    canvas.saveState()
    canvas.setStrokeColorRGB(0.55, 0.55, 0.55)
    canvas.setLineWidth(0.4)
    canvas.line(margin, 15 * mm, width - margin, 15 * mm)
    canvas.setFont(register_font(), 8.5)
    canvas.setFillColorRGB(0.3, 0.3, 0.3)
    baseline = 10.5 * mm
    canvas.drawString(margin, baseline, issuer)
    canvas.drawCentredString(width / 2, baseline, f"第 {page} 页")
    canvas.drawRightString(width - margin, baseline, "打印时间 " + local(printed_at).strftime("%Y-%m-%d %H:%M"))
    canvas.restoreState()


def official_doc(
    path: str | os.PathLike[str], *, title: str, issuer: str, subject: str = "", now: dt.datetime | None = None
) -> SimpleDocTemplate:
    """An A4 document for ``doc.build(story)``: 20 mm margins, every page footed with ``issuer``, its page
    number and the print time in Asia/Shanghai (``now``, UTC, defaults to the clock); the PDF's title,
    author (the issuer) and subject are set. The file appears only when the build has finished."""
    printed_at = now or dt.datetime.now(dt.UTC)
    return _official_doc_class()(Path(path), title=title, issuer=issuer, subject=subject, printed_at=printed_at)


# --- QR codes ------------------------------------------------------------------------------------------------

_EC_LEVELS = ("L", "M", "Q", "H")


def qr_matrix(text: str, *, error: str = "M") -> list[list[bool]]:
    """The QR code's modules for ``text`` (True is dark), without the quiet zone. zxing-cpp encodes in a
    few milliseconds (the ``qrcode`` package takes about 40 ms choosing its mask in Python) and picks the
    compact mode itself, e.g. alphanumeric for Base45."""
    if error not in _EC_LEVELS:
        raise ValueError(f"error correction must be one of {_EC_LEVELS}, not {error!r}")
    import zxingcpp

    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level=error)
    image = barcode.to_image(scale=1, add_quiet_zones=False)
    return _matrix_from_image(image)


def _matrix_from_image(image: Any) -> list[list[bool]]:
    # zxingcpp.Image exposes the buffer protocol: one byte per module, 0 dark, 255 light.
    view = memoryview(image)
    assert view.shape is not None  # a two-dimensional buffer
    height, width = view.shape[0], view.shape[1]
    data = view.tobytes()
    return [[data[r * width + c] < 128 for c in range(width)] for r in range(height)]


def _dark_runs(row: Sequence[bool]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    start = None
    for col, dark in enumerate(row):
        if dark and start is None:
            start = col
        elif not dark and start is not None:
            runs.append((start, col - start))
            start = None
    if start is not None:
        runs.append((start, len(row) - start))
    return runs


def draw_qr(canvas: Any, matrix: Sequence[Sequence[bool]], x: float, y: float, size: float, *, quiet: int = 4) -> None:
    """Draw the QR at (x, y) (bottom-left) as a ``size`` square that includes a white quiet zone of
    ``quiet`` modules. Each run of dark modules in a row is one rectangle of a single filled path: vectors
    print sharp at any resolution and the file stays small."""
    count = len(matrix)
    module = size / (count + 2 * quiet)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        row_y = y + (count + quiet - 1 - row_index) * module
        for start, length in _dark_runs(row):
            path.rect(x + (quiet + start) * module, row_y, length * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


@functools.cache
def _qr_flowable_class() -> type:
    from reportlab.platypus import Flowable

    class QrCode(Flowable):
        """A platypus Flowable: ``QrCode(matrix, size)`` draws like ``draw_qr`` in a ``size`` square."""

        def __init__(self, matrix: Sequence[Sequence[bool]], size: float, quiet: int = 4) -> None:
            super().__init__()
            self.matrix = matrix
            self.size = size
            self.quiet = quiet
            self.width = self.height = size

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return self.size, self.size

        def draw(self) -> None:
            draw_qr(self.canv, self.matrix, 0, 0, self.size, quiet=self.quiet)

    QrCode.__module__ = __name__
    return QrCode


def __getattr__(name: str) -> Any:
    # ``QrCode`` is a real Flowable class, made on first use so importing this module does not load platypus.
    if name == "QrCode":
        return _qr_flowable_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- the seal ------------------------------------------------------------------------------------------------


def _star_points(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(54))
    points = []
    for i in range(10):
        angle = math.radians(90 + i * 36)
        r = outer if i % 2 == 0 else inner
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def draw_seal(canvas: Any, cx: float, cy: float, radius: float, text: str, *, label: str = "") -> None:
    """A round red official seal (公章) centred at (cx, cy): a thick ring, a five-point star in the middle,
    ``text`` (the issuer) around the upper arc reading clockwise, and an optional ``label`` (e.g. 业务专用章)
    straight under the star. Drawn a little translucent, as ink over the printed text."""
    font = register_font()
    ring = radius * 0.055
    canvas.saveState()
    canvas.setStrokeColorRGB(*SEAL_RED)
    canvas.setFillColorRGB(*SEAL_RED)
    if hasattr(canvas, "setFillAlpha"):
        canvas.setFillAlpha(0.88)
        canvas.setStrokeAlpha(0.88)
    canvas.setLineWidth(ring)
    canvas.circle(cx, cy, radius - ring / 2, stroke=1, fill=0)

    star = _star_points(cx, cy, radius * 0.3)
    path = canvas.beginPath()
    path.moveTo(*star[0])
    for point in star[1:]:
        path.lineTo(*point)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)

    chars = [ch for ch in text if not ch.isspace()]
    if chars:
        # Characters stand on a circle inside the ring, tops outward, spread over at most 250 degrees
        # (230 when a label sits at the bottom); filled and stroked for the weight of carved characters.
        limit = 230 if label else 250
        font_size = radius * 0.26
        baseline_r = radius - ring - radius * 0.06 - font_size
        step = math.degrees(font_size * 1.12 / baseline_r)
        span = step * (len(chars) - 1)
        if span > limit:
            step = limit / (len(chars) - 1)
            font_size = min(font_size, math.radians(step) * baseline_r / 1.02)
            baseline_r = radius - ring - radius * 0.06 - font_size
            span = limit
        canvas.setFont(font, font_size)
        canvas.setLineWidth(font_size * 0.035)
        for index, ch in enumerate(chars):
            angle = 90 + span / 2 - index * step
            canvas.saveState()
            canvas.translate(
                cx + baseline_r * math.cos(math.radians(angle)), cy + baseline_r * math.sin(math.radians(angle))
            )
            canvas.rotate(angle - 90)
            canvas.drawCentredString(0, 0, ch, mode=2)
            canvas.restoreState()
    if label:
        label_size = radius * 0.16
        canvas.setFont(font, label_size)
        canvas.drawCentredString(cx, cy - radius * 0.6, label)
    canvas.restoreState()


# --- checking what was printed (tests, benchmarks) -----------------------------------------------------------


def pdf_text(path: str | os.PathLike[str]) -> str:
    """The text of a PDF as poppler's pdftotext extracts it (UTF-8)."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60)
    return done.stdout.decode("utf-8")


# pdfium is not thread-safe: every use of it in the process goes through this lock.
PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class RenderedPage:
    """One page as packed RGB bytes (``width * 3`` bytes a line); ``size_pt`` is the page size in points."""

    width: int
    height: int
    rgb: bytes
    size_pt: tuple[float, float]


def page_sizes(path: str | os.PathLike[str]) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            return [tuple(document.get_page_size(i)) for i in range(len(document))]
        finally:
            document.close()


def render_pages(path: str | os.PathLike[str], dpi: float, pages: Sequence[int] | None = None) -> list[RenderedPage]:
    """Render pages (all, or the 0-based ``pages``) at ``dpi`` to RGB bytes; safe on any thread."""
    import pypdfium2 as pdfium

    rendered = []
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(str(path))
        try:
            for index in range(len(document)) if pages is None else pages:
                page = document[index]
                try:
                    size = page.get_size()
                    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB, not pdfium's BGR
                    image = bitmap.to_pil().convert("RGB")
                    rendered.append(RenderedPage(image.width, image.height, image.tobytes(), (size[0], size[1])))
                    bitmap.close()
                finally:
                    page.close()
        finally:
            document.close()
    return rendered


def rasterise(path: str | os.PathLike[str], dpi: int = 150) -> list[Image]:
    """Every page of a PDF as a PIL image at ``dpi`` (pdfium)."""
    from PIL import Image

    return [Image.frombytes("RGB", (p.width, p.height), p.rgb) for p in render_pages(path, dpi)]
