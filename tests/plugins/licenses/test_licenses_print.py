"""Printed licences: the PDF, rasterised by pdftoppm at 150 dpi, decodes with zxing-cpp and verifies as
valid; its Chinese text extracts with pdftotext; the QR is at least 35 mm with its quiet zone."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from licenses_helpers import LONG_NAME, NOW
from station_licenses import documents, qr, services, verify
from station_licenses.services import PermitInput

from station.core import station_key

PERMITS = [
    PermitInput("SPJY", "JY14101000123456", dt.date(2031, 6, 30)),
    PermitInput("YPJY", "豫AA3710001", dt.date(2030, 12, 31)),
    PermitInput("GGWS", "豫卫公证字〔2026〕第000123号", dt.date(2030, 3, 31)),
]


@pytest.fixture
def printed(station, clerk, tmp_path):
    ctx, uscc = station
    signer = station_key.require_certified(ctx.data_dir)
    with ctx.work(clerk) as work:
        number = services.issue(work, signer, uscc, PERMITS, now=NOW).number
    with ctx.read() as session:
        sheet = documents.sheet_for(session, services.by_number(session, number), issuer="航空港区企业服务站")
    pdf = documents.write_licence_pdf(tmp_path / "licence.pdf", [sheet], with_permits=True, now=NOW)
    return ctx, pdf, sheet


def test_print_scan_at_150_dpi_decode_and_verify(printed, tmp_path):
    ctx, pdf, sheet = printed
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "scan")], check=True
    )
    from PIL import Image

    (png,) = tmp_path.glob("scan*.png")
    with Image.open(png) as image:
        texts = qr.decode_image(image.convert("L"))
    assert texts == [sheet.payload]
    with ctx.read() as session:
        snapshot = services.trust_snapshot(session, ctx.data_dir)
    found = verify.verify(texts[0], snapshot, NOW)
    assert found.verdict == "valid" and found.name == LONG_NAME and len(found.permits) == 3
    # The same through the PDF reader the verification page and the CLI use (pypdfium2 at 150 dpi).
    assert sheet.payload in qr.decode_file(pdf)


def test_pdf_text_is_chinese_and_extractable(printed):
    _, pdf, sheet = printed
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in (
        "营业执照",
        "统一社会信用代码",
        sheet.number,
        "食品经营许可证",
        "公共场所卫生许可证",
        "卫生健康委员会",
    ):
        assert words in text, words
    assert LONG_NAME[:12] in text.replace("\n", "")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    (line,) = [f for f in fonts.splitlines() if "WenQuanYi" in f]
    assert line.split()[-5:-2] == ["yes", "yes", "yes"]  # embedded, as a subset, with a Unicode map


def test_qr_is_at_least_35_mm_with_its_quiet_zone_and_version_20_or_less(printed):
    _, _, sheet = printed
    size, _ = qr.modules(sheet.payload)
    assert (size - 17) // 4 <= qr.MAX_VERSION
    assert documents.QR_SIZE_MM >= 35
    module_mm = documents.QR_SIZE_MM / (size + 2 * documents.QR_QUIET)
    assert module_mm >= 0.4  # at 150 dpi a module is at least 2.3 pixels
