"""The desktop shell as a clerk uses it, offscreen."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton, QTableWidget

from helpers import enterprise_values, in_next_modal
from station.core import enterprises as ent
from station.core import people
from station.core.context import StationContext
from station.shell.app import FONT_FAMILY, install_font
from station.shell.main_window import MainWindow

PASSWORD = "station-pass"


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    """Static QMessageBox calls would block the test; record them instead."""
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a, _k=kind: shown.append((_k, text)))
    return shown


@pytest.fixture
def station(tmp_path) -> StationContext:
    ctx = StationContext(tmp_path / "data")
    ctx.open()
    boss = ctx.permissions.actor("boss", "admin")
    with ctx.work(boss) as work:
        for username, role in (("boss", "admin"), ("li", "clerk"), ("chen", "supervisor")):
            people.add_user(work, username=username, display_name=username.title(), role=role, password=PASSWORD)
        for seed in range(1, 41):
            ent.create(work, enterprise_values(seed))
    ctx.close()
    return StationContext(ctx.data_dir)


def started(qtbot, ctx: StationContext) -> MainWindow:
    install_font(QApplication.instance())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.start()
    return window


def signed_in(qtbot, ctx: StationContext, username: str = "boss") -> MainWindow:
    window = started(qtbot, ctx)
    with qtbot.waitSignal(window.logged_in, timeout=10_000):
        window.login(username, PASSWORD)
    return window


def dialog_of(kind: type):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def test_chinese_font_is_bundled_and_used(qapp) -> None:
    assert install_font(qapp) == FONT_FAMILY
    assert qapp.font().family() == FONT_FAMILY


def test_first_run_asks_for_the_administrator(qtbot, tmp_path) -> None:
    from station.shell.login import FirstAdminDialog

    window = started(qtbot, StationContext(tmp_path / "fresh"))
    qtbot.waitUntil(lambda: dialog_of(FirstAdminDialog) is not None)
    dialog = dialog_of(FirstAdminDialog)
    dialog.display_name.setText("周站长")
    dialog.password.setText("long-password")
    dialog.confirm.setText("different")
    dialog.submit()
    assert "不一致" in dialog.error.text()
    dialog.confirm.setText("long-password")
    with qtbot.waitSignal(window.logged_in, timeout=10_000):
        dialog.submit()
    assert window.actor.role == "admin" and "周站长" in window.user_label.text()
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_login_dialog_rejects_a_wrong_password_then_signs_in(qtbot, station) -> None:
    from station.shell.login import LoginDialog

    window = started(qtbot, station)
    qtbot.waitUntil(lambda: dialog_of(LoginDialog) is not None)
    dialog = dialog_of(LoginDialog)
    dialog.username.setText("li")
    dialog.password.setText("wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "用户名或密码不正确" in dialog.error.text() and dialog.password.text() == ""
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(window.logged_in, timeout=10_000):
        dialog.submit()
    assert window.actor.name == "li"


def test_sign_in_by_keyboard_locks_out_after_five_wrong_passwords(qtbot, station) -> None:
    from station.core import passwords
    from station.shell.login import LoginDialog

    started(qtbot, station)
    qtbot.waitUntil(lambda: dialog_of(LoginDialog) is not None)
    dialog = dialog_of(LoginDialog)
    qtbot.keyClicks(dialog.username, "li")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert dialog.password.hasFocus()
    for n in range(passwords.MAX_FAILURES):
        qtbot.keyClicks(dialog.password, f"wrong-{n}")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.buttons.isEnabled(), timeout=10_000)
    assert "已暂时锁定" in dialog.error.text()
    qtbot.keyClicks(dialog.password, PASSWORD)  # the right password does not open it before its time
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.buttons.isEnabled(), timeout=10_000)
    assert "已暂时锁定" in dialog.error.text() and dialog.isVisible()


def test_navigation_follows_permissions(qtbot, station, monkeypatch) -> None:
    monkeypatch.setenv("STATION_PLUGINS", "registry,people,sync")  # the built-in pages, whatever else is installed

    def visible_keys(window: MainWindow) -> list[str]:
        items = [window.nav.item(i) for i in range(window.nav.count())]
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if not i.isHidden()]

    clerk = signed_in(qtbot, station, "li")
    assert visible_keys(clerk) == ["dashboard", "enterprises"]
    assert not clerk.show_page("users")
    clerk.close()
    station.close()
    admin = signed_in(qtbot, StationContext(station.data_dir), "boss")
    assert visible_keys(admin) == ["dashboard", "enterprises", "conflicts", "users", "audit"]
    assert admin.show_page("audit")


def test_dashboard_shows_plugin_figures(qtbot, station) -> None:
    window = signed_in(qtbot, station)
    window.show_page("dashboard")
    page = window.page_widget("dashboard")
    qtbot.waitUntil(lambda: page.cards["enterprises.total"].value.text() == "40", timeout=10_000)


def enterprise_page(qtbot, window: MainWindow):
    window.show_page("enterprises")
    page = window.page_widget("enterprises")
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=10_000)
    return page


def test_registry_search_and_lazy_model(qtbot, qtmodeltester, station) -> None:
    window = signed_in(qtbot, station)
    page = enterprise_page(qtbot, window)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 1)) != "…", timeout=10_000)
    qtmodeltester.check(page.model)
    page.search.setText("测试1")  # 测试1号, 测试10号 … 测试19号
    qtbot.waitUntil(lambda: page.model.rowCount() == 11, timeout=10_000)
    assert page.count.text() == "共 11 家"
    page.search.setText(enterprise_values(7)["uscc"])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 1)) == "株洲测试7号科技有限公司", timeout=10_000)


def test_lazy_model_fetches_only_what_is_looked_at(qtbot, qtmodeltester) -> None:
    from station.shell.pages.enterprise_model import MAX_PAGES, PAGE_SIZE, EnterpriseTableModel

    fetched: list[int] = []

    def fetch(ids):
        fetched.extend(ids)
        return {i: (f"code{i}", f"name{i}", "", "", "", "operation", 100 * i) for i in ids}

    model = EnterpriseTableModel(fetch, lambda fn, done: done(fn()))
    model.set_ids(range(100_000))
    assert model.data(model.index(50_000, 1)) == "name50000"
    assert len(fetched) == PAGE_SIZE
    for row in range(0, 100_000, PAGE_SIZE):
        model.data(model.index(row, 0))
    assert model.cached_pages() == MAX_PAGES  # scrolling to the end never holds every row
    assert model.data(model.index(3, 5)) == "运营" and model.data(model.index(3, 6)) == "0.0003"
    model.set_ids(range(1000))  # the model tester walks every cell: keep it to a thousand rows
    qtmodeltester.check(model)


def test_form_shows_chinese_validation_next_to_the_field(qtbot, station) -> None:
    from station.shell.pages.enterprise_form import EnterpriseForm

    window = signed_in(qtbot, station)
    page = enterprise_page(qtbot, window)
    page.add()
    form = dialog_of(EnterpriseForm)
    form.fields["uscc"].setText("91430211MA4PXE5Q8Y")
    form.fields["name"].setText("玉门新开科技有限公司")
    form.fields["contact_phone"].setText("12")
    form.submit()
    assert form.errors["uscc"].isVisible() and "校验位" in form.errors["uscc"].text()
    assert form.errors["contact_phone"].isVisible() and not form.errors["name"].isVisible()
    form.fields["uscc"].setText(enterprise_values(99)["uscc"])
    form.fields["contact_phone"].setText("0937-3221234")
    form.submit()
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 41, timeout=10_000)


def test_edit_then_undo(qtbot, station) -> None:
    from station.shell.pages.enterprise_form import EnterpriseForm

    window = signed_in(qtbot, station, "li")
    page = enterprise_page(qtbot, window)
    with station.read() as session:
        target = ent.by_uscc(session, enterprise_values(5)["uscc"])
    page.open_enterprise(target.id)
    qtbot.waitUntil(lambda: dialog_of(EnterpriseForm) is not None, timeout=10_000)
    form = dialog_of(EnterpriseForm)
    form.fields["legal_rep"].setText("王改名")
    form.submit()
    qtbot.waitUntil(lambda: page.undo_button.isVisible(), timeout=10_000)

    def legal_rep() -> str:
        with station.read() as session:
            return ent.get(session, target.id).legal_rep

    assert legal_rep() == "王改名"
    page.undo_button.click()
    qtbot.waitUntil(lambda: legal_rep() == "张三", timeout=10_000)
    assert not page.undo_button.isVisible()


def test_registry_by_keyboard_search_open_edit_escape_asks_then_save(qtbot, station) -> None:
    from station.shell.pages.enterprise_form import EnterpriseForm

    window = signed_in(qtbot, station, "li")
    page = enterprise_page(qtbot, window)
    page.search.setFocus()
    qtbot.keyClicks(page.search, enterprise_values(5)["uscc"])  # QTest types ASCII only
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog_of(EnterpriseForm) is not None, timeout=10_000)
    form = dialog_of(EnterpriseForm)
    legal_rep = form.fields["legal_rep"]
    legal_rep.setFocus()
    qtbot.keyClick(legal_rep, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(legal_rep, "Wang Gaiming")
    seen: list = []
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # the default: keep editing
    qtbot.keyClick(legal_rep, Qt.Key.Key_Escape)
    assert seen and "没有保存" in seen[0].text() and form.isVisible()
    qtbot.keyClick(legal_rep, Qt.Key.Key_Return)  # Enter in a field saves
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=10_000)
    with station.read() as session:
        assert ent.by_uscc(session, enterprise_values(5)["uscc"]).legal_rep == "Wang Gaiming"


def test_escape_on_an_untouched_form_closes_without_asking(qtbot, station) -> None:
    from station.shell.pages.enterprise_form import EnterpriseForm

    window = signed_in(qtbot, station, "li")
    page = enterprise_page(qtbot, window)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(3, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: dialog_of(EnterpriseForm) is not None, timeout=10_000)
    form = dialog_of(EnterpriseForm)
    qtbot.keyClick(form.fields["name"], Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_import_from_the_page_reports_bad_rows(qtbot, station, tmp_path) -> None:
    from station.core import enterprise_import
    from station.shell.pages.enterprises import ImportReportDialog

    path = tmp_path / "in.csv"
    good = enterprise_values(200)
    bad = enterprise_values(201, founded_on="明年")
    path.write_text(
        ",".join(enterprise_import.TEMPLATE_HEADER)
        + "\n"
        + "\n".join(",".join(v[f] for f in ent.EDITABLE) for v in (good, bad))
        + "\n",
        encoding="utf-8",
    )
    window = signed_in(qtbot, station, "chen")
    page = enterprise_page(qtbot, window)
    page.import_file(path)
    qtbot.waitUntil(lambda: dialog_of(ImportReportDialog) is not None, timeout=10_000)
    dialog = dialog_of(ImportReportDialog)
    assert "新增 1 家" in dialog.findChild(type(dialog.children()[1]), "summary").text()
    qtbot.waitUntil(lambda: page.model.rowCount() == 41, timeout=10_000)


def test_long_work_shows_progress_and_errors_are_sentences(qtbot, station, no_modal_boxes) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from station.errors import UserError
    from station.shell.dbop import DbOp

    window = signed_in(qtbot, station)
    results = []
    DbOp(window, lambda progress: (time.sleep(0.9), 42)[1], on_done=results.append, label="正在处理…").start()
    qtbot.waitUntil(lambda: dialog_of(QProgressDialog) is not None, timeout=3000)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert dialog_of(QProgressDialog) is None

    def fail(progress):
        raise UserError("磁盘空间已满，本次操作没有保存。")

    DbOp(window, fail).start()
    qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=5000)
    assert no_modal_boxes[-1] == ("warning", "磁盘空间已满，本次操作没有保存。")


def test_plugins_dialog_lists_a_broken_plugin(qtbot, station) -> None:
    import types

    from station.hookspecs import hookimpl
    from station.plugins import PluginHost
    from station.shell.settings_dialog import PluginsDialog

    def broken(register):
        raise RuntimeError("page factory missing")

    host = PluginHost().load_entry_points()
    host.add("broken", types.SimpleNamespace(register_pages=hookimpl(broken)))
    ctx = StationContext(station.data_dir, host=host)
    window = signed_in(qtbot, ctx)
    assert window.show_page("enterprises")  # the rest works
    dialog = PluginsDialog(window)
    table = dialog.table
    rows = {
        table.item(r, 1).text(): (table.item(r, 2).text(), table.item(r, 2).toolTip()) for r in range(table.rowCount())
    }
    assert rows["broken"][0] == "出错" and "RuntimeError: page factory missing" in rows["broken"][1]
    assert rows["企业名录"][0] == "已加载"  # a plugin by the pages it brings, not by its package name
    assert "registry" not in rows and "people" not in rows


def test_settings_dialog_saves_language_and_plugins(qtbot, station) -> None:
    import json

    from station.shell.settings_dialog import SettingsDialog

    window = signed_in(qtbot, station)
    dialog = SettingsDialog(window)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.plugins.boxes["people"].setChecked(False)
    dialog.data_dir.setText(str(station.data_dir))
    dialog.save()
    saved = json.loads((station.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["language"] == "en" and saved["disabled_plugins"] == ["people"]


def test_english_is_selectable(qtbot, qapp, station) -> None:
    from station.shell import i18n

    try:
        i18n.install(qapp, "en")
        window = started(qtbot, station)
        assert window.nav.item(0).text() == "Dashboard" and window.menuBar().actions()[0].text() == "&File"
    finally:
        i18n.install(qapp, "zh_CN")
    window = started(qtbot, StationContext(station.data_dir))
    assert window.nav.item(0).text() == "工作台" and window.menuBar().actions()[0].text() == "文件(&F)"


def _catalogues() -> list[tuple[str, Path, list[Path]]]:
    """(name, .ts, sources) for the core and for every plugin package that has Qt strings."""
    root = Path(__file__).resolve().parents[2]
    core = [p for d in ("shell", "builtin") for p in (root / "src" / "station" / d).rglob("*.py")]
    out = [("core", root / "resources" / "translations" / "station_zh_CN.ts", core)]
    for package in sorted((root / "plugins").glob("*/station_*")):
        out.append((package.name, package / "translations" / f"{package.name}_zh_CN.ts", list(package.rglob("*.py"))))
    return out


@pytest.mark.parametrize("name, ts, sources", _catalogues(), ids=[c[0] for c in _catalogues()])
def test_translations_are_complete_and_current(tmp_path, name, ts, sources) -> None:
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *map(str, sources), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {
        (c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).iter("context") for m in c.iter("message")
    }
    if not wanted and not ts.exists():
        return  # a plugin without Qt strings needs no catalogue
    unfinished = [
        m.findtext("source") for m in ET.parse(ts).iter("message") if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == [], f"untranslated: {unfinished}"
    have = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(ts).iter("context") for m in c.iter("message")}
    assert wanted - have == set(), "run ./dev translations"
    assert ts.with_suffix(".qm").exists(), "run ./dev setup"


def test_qt_binding_keeps_reference_counts_when_signals_fire(qapp) -> None:
    """PySide6 6.12.0's Signal.emit() released a reference to True it never took: after a few hundred
    emits (a scrolled list emits one per page) the process died on exit. Guard against that release."""
    import sys

    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        fired = Signal(int)

    emitter = Emitter()
    before = sys.getrefcount(True)
    for i in range(200):
        emitter.fired.emit(i)
    assert sys.getrefcount(True) >= before - 5


def test_enterprise_history_tab_shows_every_change(qtbot, station) -> None:
    from station.shell.pages.enterprise_form import EnterpriseForm

    with station.read() as session:
        target = ent.by_uscc(session, enterprise_values(3)["uscc"])
    with station.work(station.permissions.actor("li", "clerk")) as work:
        ent.update(work, target.id, enterprise_values(3, legal_rep="王五", registered_capital="800"))
    window = signed_in(qtbot, station)
    page = enterprise_page(qtbot, window)
    page.open_enterprise(target.id)
    qtbot.waitUntil(lambda: dialog_of(EnterpriseForm) is not None, timeout=10_000)
    history = dialog_of(EnterpriseForm).findChild(QTableWidget, "history")
    assert history.rowCount() == 2
    assert (history.item(0, 1).text(), history.item(0, 2).text()) == (
        "Li",
        "修改",
    )  # the display name, not the user name
    assert history.item(0, 3).text() == "法定代表人：张三 → 王五；注册资本：500万元 → 800万元"
    assert history.item(1, 2).text() == "登记"


def test_a_reason_box_refuses_an_empty_reason_in_place_and_names_what_it_acts_on(qtbot) -> None:
    from station.shell.confirm import ReasonDialog

    dialog = ReasonDialog(None, "吊销执照", "吊销“株洲测试1号科技有限公司”的执照 ZZ-2026-0001？", "吊销")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= 520 and "ZZ-2026-0001" in dialog.sentence.text()
    assert not any(b.isDefault() for b in dialog.buttons.buttons())
    qtbot.keyClicks(dialog.reason, "   ")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.error.isVisible() and "理由" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "forged papers")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.text() == "forged papers"


def test_disabling_a_user_asks_first_and_a_locked_account_shows_until_when(qtbot, station) -> None:
    from station.core import passwords
    from station.core.sign_in import sign_in

    for _ in range(passwords.MAX_FAILURES):
        with pytest.raises(passwords.Refused):
            sign_in(station, "chen", "wrong-password")
    window = signed_in(qtbot, station, "boss")
    assert window.show_page("users")
    page = window.page_widget("users")
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=10_000)
    rows = {page.table.item(r, 0).text(): r for r in range(page.table.rowCount())}
    assert page.table.item(rows["chen"], 3).text().startswith("已锁定至")
    page.table.selectRow(rows["li"])
    seen: list = []
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return), seen)  # Enter: Cancel
    page.toggle_active()
    assert "Li" in seen[0].text() and "li" in seen[0].text()
    with station.read() as session:
        assert {u.username: u.active for u in people.all_users(session)}["li"]
    in_next_modal(qtbot, lambda box: box.findChild(QPushButton, "confirm_act").click(), seen)
    page.toggle_active()
    qtbot.waitUntil(lambda: page.table.item(rows["li"], 3).text() == "已停用", timeout=10_000)


def test_shortcuts_work_and_are_listed_in_help(qtbot, station) -> None:
    from station.shell.shortcuts import BINDINGS, ShortcutsDialog

    window = signed_in(qtbot, station, "li")
    page = enterprise_page(qtbot, window)
    qtbot.waitUntil(lambda: window._warm, timeout=20_000)  # the keys are bound once the services loaded
    window.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.page_widget("dashboard")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: dialog_of(ShortcutsDialog) is not None, timeout=5_000)
    listed = dialog_of(ShortcutsDialog).table
    assert listed.rowCount() == len(BINDINGS) and listed.item(0, 1).text() == "转到本页的搜索框"
    assert "db" not in " ".join(w.text() for w in window.statusBar().findChildren(QLabel))  # no file path


def test_the_industry_is_picked_by_its_name(qtbot) -> None:
    from station.shell.pages.enterprise_form import EnterpriseForm

    form = EnterpriseForm(None, None, lambda *a: None)
    qtbot.addWidget(form)
    form.show()
    completer = form.fields["industry_code"].completer()
    completer.setCompletionPrefix("通用设备")
    picked = completer.currentIndex()
    assert completer.completionCount() == 1 and completer.pathFromIndex(picked) == "C34"


def test_the_park_name_and_emblem_show_above_the_navigation(qtbot, station, tmp_path) -> None:
    from PySide6.QtGui import QColor, QPixmap

    from station.shell.settings_dialog import SettingsDialog

    emblem = tmp_path / "emblem.png"
    picture = QPixmap(64, 64)
    picture.fill(QColor("#c8102e"))
    picture.save(str(emblem))
    window = signed_in(qtbot, station, "boss")
    assert window.park_name.text() == station.settings.station_name and not window.emblem.isVisibleTo(window)
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    dialog.park_name.setText("株洲高新技术产业开发区")
    dialog.emblem.setText(str(emblem))
    dialog.save()
    assert window.park_name.text() == "株洲高新技术产业开发区" and window.emblem.isVisibleTo(window)
    assert window.emblem.pixmap().height() == 48 and window.station_name.text() == station.settings.station_name
    window.grab().save(str(tmp_path / "window.png"))


def test_escape_on_a_half_typed_new_user_asks_first(qtbot, station) -> None:
    from station.shell.pages.users import NewUserDialog

    window = signed_in(qtbot, station, "boss")
    assert window.show_page("users")
    dialog = NewUserDialog(window.page_widget("users"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: it just closes
    assert not dialog.isVisible()
    dialog.show()
    dialog.username.setFocus()
    qtbot.keyClicks(dialog.username, "wang")
    seen: list = []
    in_next_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape), seen, QMessageBox)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
    assert seen and dialog.isVisible()
    dialog.mark_clean()
