"""station.core.printing: Chinese text that extracts, an embedded font subset, QR codes that scan, the footer."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph

from station.core import printing

PRINTED_AT = dt.datetime(2026, 11, 23, 4, 30, tzinfo=dt.UTC)  # 12:30 in Shanghai
PAYLOAD = "HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH0R4TD5G8W3Q1R6DXVPL2W6DKL"


def build_sample(path: Path, *, pages: int = 1) -> Path:
    st = printing.styles()
    doc = printing.official_doc(
        path, title="企业开办办结通知书", issuer="苏州工业园区企业服务站", subject="一照通", now=PRINTED_AT
    )
    story: list = []
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story += [
            Paragraph("企业开办办结通知书", st["title"]),
            Paragraph("贵单位申请的营业执照、公章刻制、银行开户事项已全部办结，请到服务站窗口领取。", st["body"]),
            printing.QrCode(printing.qr_matrix(PAYLOAD, error="Q"), 40 * mm),
        ]

    def seal(canvas, doc) -> None:
        printing.draw_seal(canvas, 150 * mm, 60 * mm, 21 * mm, "苏州工业园区企业服务站", label="业务专用章")

    doc.build(story, onFirstPage=seal)
    return path


def test_chinese_text_extracts_and_footer_shows_on_every_page(tmp_path: Path) -> None:
    pdf = build_sample(tmp_path / "notice.pdf", pages=2)
    text = printing.pdf_text(pdf)
    assert "企业开办办结通知书" in text
    assert "营业执照、公章刻制、银行开户事项已全部办结" in text
    flat = text.replace(" ", "")  # pdftotext drops the thin gaps between Chinese and digits
    assert "第1页" in flat and "第2页" in flat
    assert flat.count("打印时间2026-11-2312:30") == 2
    assert text.count("苏州工业园区企业服务站") >= 2
    assert "业务专用章" in text


def test_font_is_embedded_as_a_subset_and_metadata_is_set(tmp_path: Path) -> None:
    pdf = build_sample(tmp_path / "notice.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all(row[-5:-3] == ["yes", "yes"] for row in rows), fonts  # embedded, subset
    assert any("+WenQuanYiMicroHei" in row[0] for row in rows)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "企业开办办结通知书" in info and "苏州工业园区企业服务站" in info and "一照通" in info
    assert "595.276 x 841.89 pts (A4)" in info


def test_a_failed_build_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"the previous good copy")
    doc = printing.official_doc(target, title="t", issuer="i")

    class Boom(Paragraph):
        def draw(self) -> None:
            raise RuntimeError("crash mid-build")

    with pytest.raises(RuntimeError):
        doc.build([Boom("x", printing.styles()["body"])])
    assert target.read_bytes() == b"the previous good copy"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


@pytest.mark.parametrize("error", ["L", "M", "Q", "H"])
def test_drawn_qr_decodes_back_to_its_text(tmp_path: Path, error: str) -> None:
    pdf = build_sample(tmp_path / "qr.pdf") if error == "Q" else None
    if pdf is None:
        from reportlab.pdfgen.canvas import Canvas

        pdf = tmp_path / "qr.pdf"
        canvas = Canvas(str(pdf))
        printing.draw_qr(canvas, printing.qr_matrix(PAYLOAD + "营业执照", error=error), 50, 400, 45 * mm)
        canvas.save()
    (page,) = printing.rasterise(pdf, dpi=150)
    assert abs(page.width - 595.276 * 150 / 72) < 1.5
    found = zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [b.text for b in found] == [PAYLOAD if error == "Q" else PAYLOAD + "营业执照"]
    assert found[0].ec_level == error


def test_qr_is_drawn_as_vectors_not_a_bitmap(tmp_path: Path) -> None:
    pdf = build_sample(tmp_path / "qr.pdf")
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) == 2  # the header only


def test_qr_matrix_has_no_quiet_zone_and_rejects_unknown_levels() -> None:
    matrix = printing.qr_matrix("91320594MA1XXXXX0Y")
    assert len(matrix) == 21 and all(len(row) == 21 for row in matrix)
    assert all(matrix[0][:7]) and all(matrix[6][:7])  # the finder pattern starts at the corner
    with pytest.raises(ValueError):
        printing.qr_matrix("x", error="X")


def test_printing_does_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from station.core import printing\n"
        "printing.styles(); printing.qr_matrix('x')\n"
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_qr_code_is_a_flowable_class() -> None:
    from reportlab.platypus import Flowable

    from station.core.printing import QrCode

    flowable = QrCode(printing.qr_matrix("x"), 30 * mm)
    assert isinstance(flowable, QrCode) and isinstance(flowable, Flowable)
    assert flowable.wrap(500, 500) == (30 * mm, 30 * mm)
