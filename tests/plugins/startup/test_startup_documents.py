"""Zero-form filling: the four papers carry what was collected; the receipt's QR code opens the case."""

from __future__ import annotations

import json
import types

import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from startup_helpers import application, at
from station_startup import documents, services
from station_startup.ui.board import StartupBoardPage
from station_startup.ui.case_dialog import CaseDialog

from station.cli import main
from station.core import printing

NOW = at("2026-11-23T10:00")


def summary_of(ctx, actor, raw):  # type: ignore[no-untyped-def]
    with ctx.work(actor) as work:
        uid = services.open_case(work, raw, station_code="ZZ01", now=NOW).uid
    with ctx.read() as session:
        return services.case_summary(session, services.find_case(session, uid), NOW)


def test_the_four_papers_are_filled_in_from_the_case(ctx, clerk, tmp_path) -> None:
    raw = application(
        papers={"identity": "received", "premises": {"deferred": "2026-11-27"}, "appointment": "received"}
    )
    s = summary_of(ctx, clerk, raw)
    paths = documents.make(s, tmp_path, issuer="株洲高新区企业服务站", now=NOW)
    assert [p.name for p in paths] == [
        "ZZ01-KB20261123-0001-设立登记申请书.pdf",
        "ZZ01-KB20261123-0001-公司章程.pdf",
        "ZZ01-KB20261123-0001-股东决定或股东会决议.pdf",
        "ZZ01-KB20261123-0001-受理回执.pdf",
    ]
    form, articles, resolution, receipt = (printing.pdf_text(p).replace(" ", "") for p in paths)
    assert "株洲华鑫新材料有限公司" in form and "王建国" in form and "430211198502020022" in form and "60.00%" in form
    assert "株洲华鑫新材料有限公司章程" in articles and "人民币500万元" in articles and "第十二条" in articles
    assert "股东会决议" in resolution and "李秀兰" in resolution and "选举王建国为公司董事" in resolution
    assert s["tracking_code"] in receipt and "住所（经营场所）使用证明" in receipt and "2026年11月27日" in receipt
    assert "株洲高新区企业服务站" in receipt  # the footer and the seal's issuer


def test_the_receipt_names_the_clerk_by_name_not_by_user_name(station, clerk, tmp_path) -> None:
    s = summary_of(station, clerk, application())
    (receipt,) = documents.make(s, tmp_path, issuer="株洲高新区企业服务站", now=NOW, which=("receipt",))
    text = printing.pdf_text(receipt).replace(" ", "")
    assert "受理人：李办事" in text and "clerk" not in text


def test_a_single_shareholder_decides_and_a_sole_proprietorship_has_no_articles(ctx, clerk, tmp_path) -> None:
    raw = application(registered_capital="100", shareholders=[{"name": "王建国", "capital": "100"}])
    s = summary_of(ctx, clerk, raw)
    (resolution,) = documents.make(s, tmp_path, issuer="站", now=NOW, which=("resolution",))
    assert "股东决定" in printing.pdf_text(resolution) and "委派" in printing.pdf_text(resolution)
    raw = application(
        "玉门天启商贸有限公司", case_type="sole_proprietorship", papers={"identity": "received", "premises": "received"}
    )
    raw["shareholders"] = [{"name": "王建国", "capital": "500"}]
    s = summary_of(ctx, clerk, raw)
    assert [p.name for p in documents.make(s, tmp_path, issuer="站", now=NOW)] == [
        "ZZ01-KB20261123-0002-设立登记申请书.pdf",
        "ZZ01-KB20261123-0002-受理回执.pdf",
    ]


def test_the_receipt_qr_scanned_into_the_board_opens_the_case(qtbot, ctx, clerk, tmp_path) -> None:
    s = summary_of(ctx, clerk, application())
    (receipt,) = documents.make(s, tmp_path, issuer="株洲高新区企业服务站", now=NOW, which=("receipt",))
    (page_image,) = printing.rasterise(receipt, dpi=150)
    (code,) = zxingcpp.read_barcodes(page_image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert code.text == s["tracking_code"]
    page = StartupBoardPage(types.SimpleNamespace(ctx=ctx, actor=clerk), clock=lambda: NOW)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.scan, code.text)  # what a USB scanner types, then Enter
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)

    def dialog() -> CaseDialog | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, CaseDialog) and w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None and dialog().summary.get("uid") == s["uid"], timeout=10_000)
    opened = dialog()
    opened.findChild(QPushButton, "print_receipt").click()  # 零填表: the receipt, previewed for printing
    qtbot.waitUntil(lambda: getattr(opened, "last_preview", None) is not None, timeout=10_000)
    assert opened.last_preview.pdf_path.name.endswith("受理回执.pdf")
    opened.last_preview.close()
    opened.close()
    page.close()


def test_print_command(tmp_path, capsys, monkeypatch) -> None:
    import io
    import sys

    data = tmp_path / "data"
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(application(), ensure_ascii=False)))
    assert main(["--data-dir", str(data), "startup", "new", "--json"]) == 0
    number = json.loads(capsys.readouterr().out)["number"]
    out = tmp_path / "papers"
    assert (
        main(["--data-dir", str(data), "startup", "print", number, "--out", str(out), "--only", "receipt", "--json"])
        == 0
    )
    files = json.loads(capsys.readouterr().out)["files"]
    assert len(files) == 1 and files[0].endswith("受理回执.pdf")
    assert main(["--data-dir", str(data), "startup", "print", number, "--only", "licence"]) != 0
    assert "没有“licence”这种文书" in capsys.readouterr().err
