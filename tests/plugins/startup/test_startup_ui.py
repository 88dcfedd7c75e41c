"""The board, the case dialog and the intake dialog, offscreen, with the clock moved by the test."""

from __future__ import annotations

import datetime as dt
import types

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton
from startup_helpers import application, at, issued
from station_startup import services
from station_startup.ui.board import StartupBoardPage
from station_startup.ui.board_model import StartupBoardModel
from station_startup.ui.case_dialog import CaseDialog
from station_startup.ui.intake import IntakeDialog

from helpers import in_next_modal, valid_code

MONDAY_10 = at("2026-11-23T10:00")


def make_cases(ctx, actor, n=3):  # type: ignore[no-untyped-def]
    names = ["株洲华鑫新材料有限公司", "玉门天启新能源有限公司", "沈抚博远智能装备有限公司", "杭州云帆软件有限公司"]
    made = []
    with ctx.work(actor) as work:
        for i in range(n):
            case = services.open_case(work, application(names[i]), station_code="YM01", now=MONDAY_10)
            made.append((case.uid, case.number, case.tracking_code))
    return made


def board(qtbot, ctx, actor, now):  # type: ignore[no-untyped-def]
    shell = types.SimpleNamespace(ctx=ctx, actor=actor)
    page = StartupBoardPage(shell, clock=lambda: now)
    qtbot.addWidget(page)
    return page


@pytest.fixture(autouse=True)
def chinese(qapp):  # type: ignore[no-untyped-def]
    """The screens as a clerk reads them: the plugin's own Chinese catalogue (states, steps, case types)."""
    import station_startup

    from station.shell import i18n

    i18n.install_plugins(qapp, "zh_CN", [station_startup])


def tr(text: str) -> str:
    """What the model shows: the English source, or its translation when another test installed it."""
    return QCoreApplication.translate("StartupBoardModel", text)


def dialog_of(kind):  # type: ignore[no-untyped-def]
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_board_model_passes_the_model_tester(qtmodeltester, ctx, clerk) -> None:
    make_cases(ctx, clerk)
    with ctx.raw() as conn:
        ids = services.board_ids(conn)
        colours = services.board_colours(conn, at("2026-11-23T11:45"))

    def fetch(page_ids):  # type: ignore[no-untyped-def]
        with ctx.raw() as conn:
            return services.board_rows(conn, page_ids)

    model = StartupBoardModel(fetch, lambda fn, done: done(fn()))
    model.set_ids(ids, colours)
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 12
    assert model.data(model.index(0, 0)).startswith("YM01-KB")
    assert model.data(model.index(0, 6)) == tr("Near deadline")  # registration: yellow in its last half hour
    assert model.data(model.index(0, 6), Qt.ItemDataRole.BackgroundRole).color().name() == "#fff59d"
    model.set_colours({i: (2, 2, 2, 2, 2, -1) for i in ids})
    assert model.data(model.index(0, 11)) == tr("Overdue")
    assert model.data(model.index(0, 10)) == tr("Done")


def test_board_counts_filters_and_colours_move_with_time(qtbot, ctx, clerk) -> None:
    make_cases(ctx, clerk)
    page = board(qtbot, ctx, clerk, at("2026-11-23T10:30"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    qtbot.waitUntil(lambda: page.counts["none"].text().endswith("3"), timeout=10_000)
    page.clock = lambda: at("2026-11-23T16:00")
    page.refresh()
    qtbot.waitUntil(lambda: page.counts["red"].text().endswith("3"), timeout=10_000)
    assert page.model.data(page.model.index(0, 11)) == tr("Overdue")
    page.colour.setCurrentIndex(page.colour.findData("green"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    page.colour.setCurrentIndex(page.colour.findData("red"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    page.whose.setCurrentIndex(page.whose.findData("mine"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=10_000)
    page.close()


def test_scanning_a_receipt_opens_the_case_and_a_step_is_done_there(qtbot, ctx, clerk, monkeypatch) -> None:
    made = make_cases(ctx, clerk, 2)
    page = board(qtbot, ctx, clerk, at("2026-11-23T10:30"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    qtbot.keyClicks(page.scan, made[1][2])  # a USB scanner types the tracking code, then Enter
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog_of(CaseDialog) is not None, timeout=10_000)
    dialog = dialog_of(CaseDialog)
    qtbot.waitUntil(lambda: made[1][1] in dialog.header.text(), timeout=10_000)
    assert dialog.steps.rowCount() == 5 and dialog.steps.item(1, 2).text() == "等待营业执照"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))  # no code typed: none is made up
    dialog.steps.selectRow(0)
    dialog.done_button.click()
    qtbot.waitUntil(lambda: "统一社会信用代码" in dialog.error.text(), timeout=10_000)
    assert dialog.steps.item(0, 2).text() != "已办结"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (issued(), True))  # typed from the licence
    dialog.steps.selectRow(0)
    dialog.done_button.click()
    qtbot.waitUntil(lambda: dialog.steps.item(0, 2).text() == "已办结", timeout=10_000)
    assert dialog.steps.item(1, 2).text() == "办理中"
    assert dialog.summary["uscc"] in dialog.header.text()
    dialog.steps.selectRow(1)
    seen: list = []

    def answer(box) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClick(box.reason, Qt.Key.Key_Return)  # an empty reason is refused in place
        assert box.isVisible() and box.error.isVisible()
        qtbot.keyClicks(box.reason, "no tax device yet")
        qtbot.keyClick(box.reason, Qt.Key.Key_Return)

    in_next_modal(qtbot, answer, seen)
    dialog.blocked_button.click()
    qtbot.waitUntil(lambda: dialog.steps.item(1, 2).text() == "受阻", timeout=10_000)
    assert made[1][1] in seen[0].sentence.text()
    dialog.close()
    page.close()


def test_intake_dialog_takes_a_case_and_explains_what_is_missing(qtbot, ctx, clerk) -> None:
    page = board(qtbot, ctx, clerk, MONDAY_10)
    dialog = IntakeDialog(page)
    qtbot.addWidget(dialog)
    raw = application("玉门金源新能源有限公司")
    for key in ("enterprise_name", "legal_rep", "registered_capital", "address", "contact_phone"):
        dialog.fields[key].setText(raw[key])
    dialog.scope.setPlainText(raw["business_scope"])
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10_000)
    assert "股东" in dialog.error.text()
    for row, holder in enumerate(raw["shareholders"]):
        for column, key in enumerate(("name", "id_number", "capital")):
            from PySide6.QtWidgets import QTableWidgetItem

            dialog.holders.setItem(row, column, QTableWidgetItem(holder[key]))
    dialog.submit()
    qtbot.waitUntil(lambda: "必备材料" in dialog.error.text(), timeout=10_000)
    opened: list[str] = []
    dialog.opened.connect(opened.append)
    for code, state, _due in dialog._paper_widgets:
        if state is not None:
            state.setCurrentIndex(state.findData("deferred" if code == "premises" else "received"))
    dialog.submit()
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    with ctx.read() as session:
        s = services.case_summary(session, services.find_case(session, opened[0]), MONDAY_10)
    assert s["enterprise_name"] == "玉门金源新能源有限公司" and s["number"].startswith("ST01-")
    assert {p["code"]: p["status"] for p in s["papers"]}["premises"] == "deferred"
    page._opened(opened[0])  # what the board does next: the case, with its receipt ready to print
    qtbot.waitUntil(lambda: dialog_of(CaseDialog) is not None, timeout=10_000)
    case_dialog = dialog_of(CaseDialog)
    qtbot.waitUntil(lambda: getattr(case_dialog, "last_preview", None) is not None, timeout=10_000)
    assert case_dialog.last_preview.pdf_path.name.endswith("受理回执.pdf")
    case_dialog.last_preview.close()
    case_dialog.close()
    page.close()


@pytest.mark.parametrize("width", [1280])
def test_board_screenshot(qtbot, ctx, clerk, tmp_path, width) -> None:
    make_cases(ctx, clerk, 4)
    page = board(qtbot, ctx, clerk, at("2026-11-23T11:45"))
    page.resize(width, 500)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(3, 1)) != "…", timeout=10_000)
    assert page.grab().save(str(tmp_path / "board.png"))
    page.close()


def test_settings_dialog_edits_limits_and_the_park_calendar(qtbot, ctx, supervisor) -> None:
    from station_startup.ui.settings import SettingsDialog

    from station.core import workcalendar

    page = board(qtbot, ctx, supervisor, MONDAY_10)
    dialog = SettingsDialog(page)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.limits["limited_company"].text() == "4h", timeout=10_000)
    assert dialog.limits["partnership"].text() == "1d" and dialog.yellow.value() == 25
    assert dialog.hours.text() == "09:00-12:00,13:30-17:30"  # picked on clocks, stored as before
    assert dialog.limits["limited_company"].unit.currentText() in ("工作小时", "working hours")  # words
    picker = dialog.limits["limited_company"]
    picker.amount.setValue(1)
    picker.unit.setCurrentIndex(picker.unit.findData("d"))
    dialog.closed.day.setDate(QDate(2026, 12, 1))
    dialog.closed.add()
    assert dialog.closed.toPlainText() == "2026-12-01"
    dialog.opened.setPlainText("2026-12-01")
    dialog.save()
    qtbot.waitUntil(lambda: "既是园区休息日又是加班日" in dialog.error.text(), timeout=10_000)
    dialog.opened.setPlainText("2026-11-28")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10_000)
    with ctx.read() as session:
        assert services.load_settings(session).limit_for("limited_company").unit == "days"
        cal = workcalendar.for_session(session)
    assert not cal.is_workday(dt.date(2026, 12, 1)) and cal.is_workday(dt.date(2026, 11, 28))
    page.close()


def test_the_page_opens_in_the_main_window_for_a_clerk(qtbot, tmp_path) -> None:
    from station.core import people
    from station.core.context import StationContext
    from station.shell.main_window import MainWindow

    ctx = StationContext(tmp_path / "shell")
    ctx.open()
    with ctx.work(ctx.permissions.actor("boss", "admin")) as work:
        people.add_user(work, username="boss", display_name="周管理", role="admin", password="station-pass")
        people.add_user(work, username="li", display_name="李办事", role="clerk", password="station-pass")
    with ctx.work(ctx.permissions.actor("li", "clerk")) as work:
        services.open_case(work, application(), station_code="ST01", now=MONDAY_10)
    ctx.close()
    window = MainWindow(StationContext(ctx.data_dir))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.start()
    with qtbot.waitSignal(window.logged_in, timeout=10_000):
        window.login("li", "station-pass")
    assert window.show_page("startup")
    page = window.page_widget("startup")
    assert isinstance(page, StartupBoardPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert not page.findChild(QPushButton, "settings").isEnabled()  # time limits are for supervisors
    window.close()


def test_board_by_keyboard_and_a_step_done_late_is_marked_late(qtbot, station, clerk, monkeypatch) -> None:
    ctx = station
    made = make_cases(ctx, clerk, 2)
    late = at("2026-11-23T17:00")  # after the registration step's deadline
    page = board(qtbot, ctx, clerk, late)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    page.scan.setFocus()
    qtbot.keyClick(page.scan, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog_of(CaseDialog) is not None, timeout=10_000)
    dialog = dialog_of(CaseDialog)
    qtbot.waitUntil(lambda: bool(dialog.summary), timeout=10_000)
    assert dialog.summary["number"] in {m[1] for m in made}
    assert "李办事" in dialog.header.text() and "clerk" not in dialog.header.text()  # a name, not a user name
    assert page.model.data(page.model.index(0, 3)) == "李办事"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (valid_code(77), True))  # the code on the licence
    dialog.steps.selectRow(0)
    dialog.done_button.click()
    qtbot.waitUntil(lambda: "已办结" in dialog.steps.item(0, 2).text(), timeout=10_000)
    assert "超时" in dialog.steps.item(0, 2).text()
    dialog.close()
    page.close()


def test_intake_tab_goes_from_the_name_to_the_next_field_and_escape_asks(qtbot, station, clerk) -> None:
    from PySide6.QtWidgets import QMessageBox

    from helpers import out_of_visual_order

    page = board(qtbot, station, clerk, MONDAY_10)
    dialog = IntakeDialog(page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.agent.count() > 1, timeout=10_000)  # the people, by name
    assert dialog.agent.itemText(dialog.agent.findData("clerk")) == "李办事"
    assert out_of_visual_order(dialog) == []
    name = dialog.fields["enterprise_name"]
    name.setFocus()
    qtbot.keyClicks(name, "Acme")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.fields["legal_rep"]  # not the name-check button
    qtbot.waitUntil(lambda: bool(dialog.name_note.text()), timeout=10_000)  # checked on leaving the field
    seen: list = []
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape), seen, QMessageBox)
    qtbot.keyClick(dialog.fields["legal_rep"], Qt.Key.Key_Escape)
    assert seen and dialog.isVisible()  # the typed name is not thrown away without asking
    dialog.mark_clean()  # let the test's teardown close it without asking


def test_a_notice_names_its_case_and_the_board_opens_it(qtbot, station, clerk) -> None:
    import station_startup

    made = make_cases(station, clerk, 2)
    with station.read() as session:
        found = station_startup._poll(session, clerk)
    assert {n.target for n in found} == {uid for uid, _, _ in made}  # each notice names its case
    page = board(qtbot, station, clerk, at("2026-11-23T17:00"))
    page.open_target(made[1][0])  # what a click on its notice does
    qtbot.waitUntil(lambda: dialog_of(CaseDialog) is not None, timeout=10_000)
    dialog = dialog_of(CaseDialog)
    qtbot.waitUntil(lambda: dialog.summary.get("uid") == made[1][0], timeout=10_000)
    dialog.close()
    page.close()


def test_the_rating_screen_takes_the_enterprises_grade_and_the_supervisor_answers_it(qtbot, ctx, clerk, tmp_path):
    from station_startup.ui.rating_screen import RatingScreen

    made = make_cases(ctx, clerk, 1)
    page = board(qtbot, ctx, clerk, at("2026-11-23T10:30"))
    dialog = CaseDialog(page, made[0][0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(dialog.summary), timeout=10_000)
    assert not dialog.answer_button.isVisible()
    dialog.rating_button.click()
    screen = dialog.rating_screen
    qtbot.addWidget(screen)
    assert isinstance(screen, RatingScreen) and screen.isWindow() and screen.isVisible()
    assert [screen.stage.itemData(i) for i in range(screen.stage.count())] == ["apply", "accept"]
    assert screen.stage.currentData() == "accept" and not screen.send.isEnabled()
    screen.grab().save(str(tmp_path / "rating_screen.png"))
    screen.findChild(QPushButton, "grade_2").click()
    screen.comment.setText("材料要求讲得不清楚")
    assert screen.send.isEnabled()
    screen.send.click()
    qtbot.waitUntil(lambda: "不满意" in dialog.header.text(), timeout=10_000)
    with ctx.read() as session:
        s = services.case_summary(session, services.find_case(session, made[0][0]), at("2026-11-23T10:40"))
    assert [(r["stage"], r["grade"], r["comment"]) for r in s["ratings"]] == [("accept", 2, "材料要求讲得不清楚")]
    dialog.close()
    supervisor = ctx.permissions.actor("supervisor", "supervisor")
    page2 = board(qtbot, ctx, supervisor, at("2026-11-23T11:00"))
    answering = CaseDialog(page2, made[0][0])
    qtbot.addWidget(answering)
    answering.show()
    qtbot.waitUntil(lambda: answering.answer_button.isVisible(), timeout=10_000)
    import pytest

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(QInputDialog, "getText", lambda *a, **k: ("核实属实，已提醒窗口人员", True))
        answering.answer_button.click()
        qtbot.waitUntil(lambda: "已核实" in answering.header.text(), timeout=10_000)
    answering.close()


def test_the_weekly_bulletin_on_demand(qtbot, ctx, clerk, monkeypatch, tmp_path) -> None:
    make_cases(ctx, clerk, 2)
    page = board(qtbot, ctx, clerk, at("2026-11-30T09:00"))
    asked = []

    def answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(kwargs.get("text"))
        return ("2026-W48", True)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    page.bulletin_button.click()
    assert asked == ["2026-W48"]  # the last full week is offered
    qtbot.waitUntil(lambda: getattr(page, "bulletin_preview", None) is not None, timeout=20_000)
    preview = page.bulletin_preview
    assert preview.pdf_path.name == "企业开办每周通报-2026-W48.pdf"
    from station.core import printing

    assert "受理开办件" in printing.pdf_text(preview.pdf_path)
    preview.close()
