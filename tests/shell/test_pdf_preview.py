"""station.shell.pdf_preview: pages rendered off the UI thread, printing to an injected printer, saving a copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from reportlab.platypus import PageBreak, Paragraph

from station.core import printing
from station.shell.pdf_preview import PdfPreview, print_pdfs


def make_pdf(path: Path, pages: int, word: str = "企业开办") -> Path:
    st = printing.styles()
    story: list = []
    for number in range(1, pages + 1):
        if story:
            story.append(PageBreak())
        story.append(Paragraph(f"{word}第{number}页正文", st["title"]))
    printing.official_doc(path, title=word, issuer="园区企业服务站").build(story)
    return path


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    return printer


def test_preview_shows_every_page_and_zooms(qtbot, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "three.pdf", 3)
    dialog = PdfPreview(pdf, title="办结通知书")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.rendered_count() == 3, timeout=10_000)
    assert dialog.page_count() == 3 and len(dialog._labels) == 3
    assert all(label.pixmap() is not None and not label.pixmap().isNull() for label in dialog._labels)
    assert dialog.windowTitle() == "办结通知书"
    assert dialog.status.text() == "共 3 页"
    assert dialog.print_button.text() == "打印…" and dialog.save_button.text() == "另存为…"
    viewport = dialog.scroller.viewport().width()
    assert abs(dialog._labels[0].width() - (viewport - 24)) <= 2  # fit width
    dialog.actual_button.click()
    assert dialog._labels[0].width() == round(595.2756 * 96 / 72)  # A4 at its printed size
    dialog.grab().save(str(tmp_path / "preview.png"))


def test_a_broken_file_says_so(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf")
    dialog = PdfPreview(bad)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "无法打开" in dialog.status.text(), timeout=10_000)
    assert not dialog.print_button.isEnabled()


def test_print_to_an_injected_printer_prints_every_page(qtbot, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "two.pdf", 2)
    dialog = PdfPreview(pdf)
    qtbot.addWidget(dialog)
    out = tmp_path / "printed.pdf"
    assert dialog.print_document(pdf_printer(out)) == 2
    assert len(printing.page_sizes(out)) == 2
    # The pages are images at the printer's resolution: the title still reads when rasterised.
    image = printing.rasterise(out, dpi=50)[1]
    assert image.getbbox() is not None and image.convert("L").getextrema()[0] < 80


def test_print_pdfs_prints_several_files_as_one_job(qtbot, tmp_path: Path) -> None:
    files = [make_pdf(tmp_path / "a.pdf", 2), make_pdf(tmp_path / "b.pdf", 1, word="许可证")]
    out = tmp_path / "job.pdf"
    assert print_pdfs(None, files, printer=pdf_printer(out)) == 3
    assert len(printing.page_sizes(out)) == 3


def test_save_as_copies_the_file(qtbot, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "one.pdf", 1)
    dialog = PdfPreview(pdf)
    qtbot.addWidget(dialog)
    saved = dialog.save_as(tmp_path / "copy")
    assert saved == tmp_path / "copy.pdf" and saved.read_bytes() == pdf.read_bytes()
