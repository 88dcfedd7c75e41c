"""Preview and print PDFs: ``PdfPreview(path)`` shows the pages, ``print_pdfs(parent, paths)`` prints files.

PySide6-Essentials has no QtPdf, so pdfium (pypdfium2) renders the pages. Rendering runs off the UI thread:
workers produce plain RGB bytes (station.core.printing.render_pages) and the UI thread turns them into
QImages, so no Qt object is made or dropped on a worker. Printing paints each page as an image rendered at
the printer's resolution (at most 300 dpi), so the output is sharp without holding huge bitmaps.

Preview one file alone: ``python -m station.shell.pdf_preview FILE.pdf``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station.core.printing import RenderedPage, page_sizes, render_pages
from station.shell.dbop import DbOp

log = logging.getLogger(__name__)

SCREEN_DPI = 144  # crisp at fit-width on ordinary screens and at 100 % on high-density ones
MAX_PRINT_DPI = 300
PAGE_GAP = 12

_print_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdfprint")


def _qimage(page: RenderedPage) -> QImage:
    # copy(): the QImage must own its pixels, not borrow the Python bytes.
    return QImage(page.rgb, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888).copy()


class PdfPreview(QDialog):
    """The pages of one PDF, stacked in a scroll area, with zoom, 打印… , 另存为… and 关闭."""

    def __init__(self, pdf_path: str | os.PathLike[str], parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(title or self.pdf_path.name)
        self.resize(820, 960)
        self._images: list[QImage | None] = []
        self._sizes_pt: list[tuple[float, float]] = []
        self._labels: list[QLabel] = []
        self._zoom: float | None = None  # None: fit the width

        self.status = QLabel(self.tr("Opening…"))
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.actual_button = QPushButton(self.tr("100%"))
        self.zoom_out_button = QPushButton("−")
        self.zoom_in_button = QPushButton("+")
        for button in (self.fit_button, self.actual_button, self.zoom_out_button, self.zoom_in_button):
            button.setAutoDefault(False)
        self.fit_button.clicked.connect(lambda: self.set_zoom(None))
        self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self.current_zoom() / 1.25))
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self.current_zoom() * 1.25))

        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroller = QScrollArea()
        self.scroller.setWidget(self.pages_widget)
        self.scroller.setWidgetResizable(True)
        # Always there, so fitting the width never makes the bar appear and the width change again.
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.pages_widget.setStyleSheet("background: #8a8f96;")

        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button.clicked.connect(lambda: self.save_as())
        self.close_button.clicked.connect(self.reject)
        self.print_button.setEnabled(False)
        self.print_button.setDefault(True)

        tools = QHBoxLayout()
        tools.addWidget(self.status, 1)
        for button in (self.fit_button, self.actual_button, self.zoom_out_button, self.zoom_in_button):
            tools.addWidget(button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(buttons)

        path = self.pdf_path
        DbOp(self, lambda progress: page_sizes(path), on_done=self._opened, on_error=self._failed).start()

    # -- loading: page sizes first (placeholders), then each page in turn -------------------------------

    def page_count(self) -> int:
        return len(self._sizes_pt)

    def rendered_count(self) -> int:
        return sum(image is not None for image in self._images)

    def _failed(self, exc: BaseException) -> None:
        log.warning("cannot open %s for preview: %r", self.pdf_path, exc)
        self.status.setText(self.tr("This file cannot be opened: it is missing or not a PDF."))

    def _opened(self, sizes: list[tuple[float, float]]) -> None:
        self._sizes_pt = sizes
        self._images = [None] * len(sizes)
        for _ in sizes:
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("background: white;")
            self.pages_layout.addWidget(label)
            self._labels.append(label)
        self.status.setText(self.tr("%1 pages").replace("%1", str(len(sizes))))
        self.print_button.setEnabled(bool(sizes))
        self._relayout()
        self._render_next()

    def _render_next(self) -> None:
        missing = [i for i, image in enumerate(self._images) if image is None]
        if not missing:
            return
        index, path = missing[0], self.pdf_path
        DbOp(
            self,
            lambda progress: render_pages(path, SCREEN_DPI, [index])[0],
            on_done=lambda page: self._rendered(index, page),
            on_error=self._failed,
        ).start()

    def _rendered(self, index: int, page: RenderedPage) -> None:
        self._images[index] = _qimage(page)
        self._show_page(index)
        self._render_next()

    # -- zoom ---------------------------------------------------------------------------------------------

    def current_zoom(self) -> float:
        """Screen pixels per point divided by 96/72: 1.0 shows the page at its printed size."""
        if self._zoom is not None:
            return self._zoom
        if not self._sizes_pt:
            return 1.0
        widest = max(width for width, _ in self._sizes_pt)
        available = self.scroller.viewport().width() - 2 * PAGE_GAP - 2
        return max(0.1, available / (widest * 96 / 72))

    def set_zoom(self, zoom: float | None) -> None:
        self._zoom = None if zoom is None else min(4.0, max(0.25, zoom))
        self._relayout()

    def _page_pixels(self, index: int) -> tuple[int, int]:
        width_pt, height_pt = self._sizes_pt[index]
        scale = self.current_zoom() * 96 / 72
        return max(1, round(width_pt * scale)), max(1, round(height_pt * scale))

    def _relayout(self) -> None:
        for index in range(len(self._labels)):
            self._show_page(index)

    def _show_page(self, index: int) -> None:
        label = self._labels[index]
        width, height = self._page_pixels(index)
        label.setFixedSize(width, height)
        image = self._images[index]
        if image is None:
            label.setText(self.tr("Page %1…").replace("%1", str(index + 1)))
            return
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(
            image.scaled(
                round(width * ratio),
                round(height * ratio),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        pixmap.setDevicePixelRatio(ratio)
        label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None:
            self._relayout()

    # -- print and save -------------------------------------------------------------------------------------

    def print_document(self, printer: QPrinter | None = None) -> int:
        """Print after the system print dialog (or straight to ``printer``); returns the pages printed."""
        return print_pdfs(self, [self.pdf_path], printer=printer, allow_page_range=True)

    def save_as(self, target: str | os.PathLike[str] | None = None) -> Path | None:
        """Copy the PDF to ``target`` (asked for when None); the copy appears complete or not at all."""
        if target is None:
            start = str(Path.home() / self.pdf_path.name)
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), start, self.tr("PDF files (*.pdf)"))
            if not chosen:
                return None
            target = chosen
        destination = Path(target)
        if destination.suffix.lower() != ".pdf":
            destination = destination.with_name(destination.name + ".pdf")
        temp: str | None = None
        try:
            fd, temp = tempfile.mkstemp(prefix=".", suffix=".part", dir=destination.parent)
            os.close(fd)
            shutil.copyfile(self.pdf_path, temp)
            os.replace(temp, destination)
        except OSError as exc:
            if temp:
                Path(temp).unlink(missing_ok=True)
            log.warning("saving %s to %s failed: %r", self.pdf_path, destination, exc)
            QMessageBox.warning(
                self, self.tr("Save as"), self.tr("The file could not be saved there. Choose another folder.")
            )
            return None
        return destination


# --- printing ---------------------------------------------------------------------------------------------


def _wait(future: Future[list[RenderedPage]], cancelled: Callable[[], bool]) -> list[RenderedPage] | None:
    """Keep the UI responsive while a worker renders the next page."""
    while True:
        try:
            return future.result(timeout=0.03)
        except TimeoutError:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
            if cancelled():
                return None


def _print_dpi(printer: QPrinter) -> int:
    return max(72, min(printer.resolution(), MAX_PRINT_DPI))


def print_pdfs(
    parent: QWidget | None,
    paths: Sequence[str | os.PathLike[str]],
    *,
    printer: QPrinter | None = None,
    allow_page_range: bool = False,
) -> int:
    """Print every page of ``paths`` as one job after one print dialog (skipped when ``printer`` is given,
    as tests do), with a progress dialog that can cancel. Returns the number of pages printed."""
    files = [Path(p) for p in paths]
    if not files:
        return 0
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(files[0].stem if len(files) == 1 else QCoreApplication.translate("PdfPreview", "Documents"))
        dialog = QPrintDialog(printer, parent)
        if not allow_page_range:
            dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
    try:
        counts = [len(page_sizes(path)) for path in files]
    except Exception as exc:  # a missing or broken file: say so, print nothing
        log.warning("cannot open %s for printing: %r", files, exc)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PdfPreview", "Print"),
            QCoreApplication.translate("PdfPreview", "A file to print is missing or is not a PDF."),
        )
        return 0
    jobs = [(path, index) for path, count in zip(files, counts, strict=True) for index in range(count)]
    if allow_page_range and printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = printer.fromPage() - 1, (printer.toPage() or len(jobs)) - 1
        jobs = jobs[first : last + 1]
    if not jobs:
        return 0

    progress = QProgressDialog(
        QCoreApplication.translate("PdfPreview", "Printing…"),
        QCoreApplication.translate("PdfPreview", "Cancel"),
        0,
        len(jobs),
        parent,
    )
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    dpi = _print_dpi(printer)
    printer.setFullPage(True)  # the PDF pages carry their own margins
    painter = QPainter()
    if not painter.begin(printer):
        progress.close()
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PdfPreview", "Print"),
            QCoreApplication.translate("PdfPreview", "The printer could not be started. Check it and try again."),
        )
        return 0
    printed = 0
    try:
        ahead = _print_pool.submit(render_pages, jobs[0][0], dpi, [jobs[0][1]])
        for number, _ in enumerate(jobs):
            rendered = _wait(ahead, progress.wasCanceled)
            if rendered is None:
                break
            if number + 1 < len(jobs):  # render the next page while this one is painted
                path, index = jobs[number + 1]
                ahead = _print_pool.submit(render_pages, path, dpi, [index])
            if number:
                printer.newPage()
            _paint_page(painter, printer, rendered[0])
            printed += 1
            progress.setValue(printed)
            if progress.wasCanceled():
                break
    except Exception as exc:  # a file changed or vanished while printing: say so, keep what was printed
        log.warning("printing %s failed: %r", files, exc)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PdfPreview", "Print"),
            QCoreApplication.translate("PdfPreview", "A file to print is missing or is not a PDF."),
        )
    finally:
        painter.end()
        progress.close()
        progress.deleteLater()
    return printed


def _paint_page(painter: QPainter, printer: QPrinter, page: RenderedPage) -> None:
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = min(paper.width() / page.width, paper.height() / page.height)
    width, height = page.width * scale, page.height * scale
    target = QRectF(paper.x() + (paper.width() - width) / 2, paper.y() + (paper.height() - height) / 2, width, height)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, _qimage(page))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("用法：python -m station.shell.pdf_preview 文件.pdf", file=sys.stderr)
        return 2
    from station.shell.app import make_app

    app = make_app("zh_CN")
    preview = PdfPreview(args[0])
    preview.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
