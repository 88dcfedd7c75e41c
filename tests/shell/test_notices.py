"""Notices: the shell polls plugin sources after sign-in, lists them in the status bar, announces each once."""

from __future__ import annotations

import logging
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from station.contributions import Notice, NoticeSource
from station.core import notices as core
from station.core import people
from station.core.context import StationContext
from station.hookspecs import hookimpl
from station.plugins import PluginHost
from station.shell.app import install_font
from station.shell.main_window import MainWindow

PASSWORD = "station-pass"
RED = Notice("startup:c1:red", "企业开办案件“苏州某某科技”已超过承诺时限，请尽快处理。", "critical", page="enterprises")
WAITING = Notice("license:l2:waiting", "食品经营许可证待发放 1 件。", "info", page="enterprises")
FOR_CHEN = Notice("review:chen", "有 1 件变更等待审核。", "warning", page="enterprises", for_user="chen")


class FakePlugin:
    """Registers three sources: one that answers from ``holding``, one that fails, one behind a permission."""

    def __init__(self) -> None:
        self.holding = [RED, WAITING, FOR_CHEN]
        self.polls = {"fake.cases": 0, "fake.broken": 0, "fake.secret": 0}
        self.sessions: list[object] = []

    def cases(self, session, actor):  # type: ignore[no-untyped-def]
        self.polls["fake.cases"] += 1
        self.sessions.append((session is not None, actor.name))
        return list(self.holding)

    def broken(self, session, actor):  # type: ignore[no-untyped-def]
        self.polls["fake.broken"] += 1
        raise RuntimeError("source down")

    def secret(self, session, actor):  # type: ignore[no-untyped-def]
        self.polls["fake.secret"] += 1
        return [Notice("secret", "机密", "critical")]

    def namespace(self) -> types.SimpleNamespace:
        def register_notice_sources(register):  # type: ignore[no-untyped-def]
            register(NoticeSource("fake.cases", self.cases, interval_s=60))
            register(NoticeSource("fake.broken", self.broken, interval_s=60))
            register(NoticeSource("fake.secret", self.secret, interval_s=60, permission="fake.secret"))

        return types.SimpleNamespace(register_notice_sources=hookimpl(register_notice_sources))


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    shown: list[str] = []
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def data_dir(tmp_path):
    ctx = StationContext(tmp_path / "data")
    ctx.open()
    with ctx.work(ctx.permissions.actor("boss", "admin")) as work:
        for username, role in (("boss", "admin"), ("li", "clerk"), ("chen", "supervisor")):
            people.add_user(work, username=username, display_name=username.title(), role=role, password=PASSWORD)
    ctx.close()
    return ctx.data_dir


def signed_in(qtbot, data_dir, plugin: FakePlugin, username: str = "li") -> MainWindow:
    install_font(QApplication.instance())
    host = PluginHost().load_entry_points()
    host.add("fake", plugin.namespace())
    window = MainWindow(StationContext(data_dir, host=host))
    window.notice_interval_ms = lambda source: 40  # the injected short interval
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.start()
    with qtbot.waitSignal(window.logged_in, timeout=10_000):
        window.login(username, PASSWORD)
    qtbot.waitUntil(lambda: window.notices is not None and "fake.cases" in window.notices.current, timeout=10_000)
    return window


def test_notices_are_polled_filtered_listed_and_announced_once(qtbot, data_dir, caplog) -> None:
    plugin = FakePlugin()
    with caplog.at_level(logging.ERROR):
        window = signed_in(qtbot, data_dir, plugin)
        center = window.notices
        assert [n.key for n in center.notices()] == [RED.key, WAITING.key]  # not chen's, critical first
        assert window.notice_button.text() == "通知 (2)"
        assert window.notice_popup.isVisible() and RED.text in window.notice_popup.text.text()
        window.grab().save(str(data_dir / "notices.png"))  # to look at
        assert plugin.polls["fake.secret"] == 0  # the clerk lacks its permission
        assert plugin.sessions[0] == (True, "li")
        qtbot.waitUntil(lambda: plugin.polls["fake.broken"] >= 2 and plugin.polls["fake.cases"] >= 4, timeout=10_000)
    assert "notice source fake.broken of plugin fake failed" in caplog.text and "source down" in caplog.text

    window.notice_popup.hide()
    polls = plugin.polls["fake.cases"]
    qtbot.waitUntil(lambda: plugin.polls["fake.cases"] >= polls + 3, timeout=10_000)
    assert not window.notice_popup.isVisible()  # announced once, though it still holds
    assert window.notice_button.text() == "通知 (2)"

    menu = window.notice_button.menu()
    menu.aboutToShow.emit()
    actions = [a for a in menu.actions() if a.text()]
    assert [a.text()[2:] for a in actions] == [RED.text, WAITING.text]
    assert window.notice_button.text() == "通知"  # looked at
    window.show_page("dashboard")
    actions[0].trigger()
    assert window.stack.currentWidget() is window.page_widget("enterprises")

    plugin.holding = [WAITING]  # the red case was dealt with: it leaves the list
    qtbot.waitUntil(lambda: [n.key for n in center.notices()] == [WAITING.key], timeout=10_000)


def test_a_restart_lists_but_does_not_announce_again(qtbot, data_dir) -> None:
    plugin = FakePlugin()
    first = signed_in(qtbot, data_dir, plugin)
    ctx = first.ctx
    qtbot.waitUntil(lambda: _seen(ctx, "li") == {RED.key, WAITING.key}, timeout=10_000)
    first.close()

    again = signed_in(qtbot, data_dir, FakePlugin())
    assert [n.key for n in again.notices.notices()] == [RED.key, WAITING.key]
    assert again.notice_button.text() == "通知" and not again.notice_popup.isVisible()

    plugin_b = FakePlugin()
    plugin_b.holding = [RED, Notice("license:l9:waiting", "新的许可证待发放。", "warning", page="enterprises")]
    third = signed_in(qtbot, data_dir, plugin_b)
    assert third.notice_button.text() == "通知 (1)"
    assert third.notice_popup.text.text() == "新的许可证待发放。"
    qtbot.mouseClick(third.notice_popup, Qt.MouseButton.LeftButton)  # the pop-up opens the notice's page
    assert third.stack.currentWidget() is third.page_widget("enterprises")


def test_another_user_gets_their_own_notices_and_sign_out_stops_polling(qtbot, data_dir) -> None:
    plugin = FakePlugin()
    window = signed_in(qtbot, data_dir, plugin, username="chen")
    assert {n.key for n in window.notices.notices()} == {RED.key, WAITING.key, FOR_CHEN.key}
    window.logout()
    assert window.notices is None and not window.notice_button.isVisible()
    qtbot.wait(100)  # polls already on a worker when signing out still finish; no new one may start
    polls = dict(plugin.polls)
    qtbot.wait(200)
    assert plugin.polls == polls


def _seen(ctx: StationContext, username: str) -> set[str]:
    with ctx.read() as session:
        return {key for key in (RED.key, WAITING.key, FOR_CHEN.key) if not core.unseen(session, username, [key])}


def test_for_actor_and_seen_keys(tmp_path) -> None:
    ctx = StationContext(tmp_path / "data")
    ctx.open()
    try:
        li = ctx.permissions.actor("li", "clerk")
        assert [n.key for n in core.for_actor([RED, FOR_CHEN, RED], li)] == [RED.key]
        import datetime as dt

        with ctx.work(li) as work:
            core.mark_seen(work.session, "li", [RED.key, RED.key], dt.datetime(2026, 11, 23, tzinfo=dt.UTC))
        with ctx.work(li) as work:  # marking again is harmless
            core.mark_seen(work.session, "li", [RED.key], dt.datetime(2026, 11, 24, tzinfo=dt.UTC))
        with ctx.read() as session:
            assert core.unseen(session, "li", [RED.key, WAITING.key]) == {WAITING.key}
            assert core.unseen(session, "chen", [RED.key]) == {RED.key}
    finally:
        ctx.close()


def test_overdue_comes_first_and_suggestions_fold_into_one_line() -> None:
    from station.shell.notices import ranked_lines

    offers = [
        Notice(f"licenses:offer:{i}", f"第{i}家可签发执照。", page="licenses", target=f"offer:{i}", group="%1 家可签发")
        for i in range(24)
    ]
    overdue = [
        Notice(f"startup:c{i}:red", f"案件 {i} 已超期。", "critical", page="startup", target=f"c{i}") for i in range(5)
    ]
    near = Notice("startup:c9:yellow", "案件 9 临近时限。", "warning", page="startup", target="c9")
    late_commission = Notice("agencies:x:overdue", "委托已超期。", "info", page="agencies")
    lines = ranked_lines([*overdue, near, late_commission, *offers], unread={"licenses:offer:3"})
    texts = [n.text for n, _ in lines]
    assert texts[:6] == [n.text for n in overdue] + [near.text]  # what is overdue is never buried
    assert texts[6:] == [late_commission.text, "24 家可签发"]  # 24 suggestions, one line, last
    assert lines[-1][1] and not lines[0][1]  # the folded line is unread if one of its notices is
    single = ranked_lines([offers[0]], set())
    assert single[0][0].text == offers[0].text and single[0][0].target == "offer:0"  # one alone stays itself


def test_a_click_on_a_notice_opens_the_very_case(qtbot, data_dir) -> None:
    plugin = FakePlugin()
    window = signed_in(qtbot, data_dir, plugin)
    page = window.page_widget("enterprises") or (window.show_page("enterprises") and window.page_widget("enterprises"))
    opened: list[str] = []
    page.open_target = opened.append  # what a plugin page does with the case or licence a notice names
    window.show_page("dashboard")
    assert window.notices.open_notice(Notice("x", "案件已超期。", "critical", page="enterprises", target="c1"))
    assert window.stack.currentWidget() is page and opened == ["c1"]


def test_the_pop_up_takes_its_own_strip_and_covers_no_row_of_the_page(qtbot, data_dir) -> None:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QTableView

    def on_window(widget) -> QRect:  # type: ignore[no-untyped-def]
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    window = signed_in(qtbot, data_dir, FakePlugin())
    window.resize(1366, 728)
    window.show_page("enterprises")
    popup = window.notice_popup
    qtbot.waitUntil(popup.isVisible, timeout=10_000)
    QApplication.processEvents()
    table = window.page_widget("enterprises").findChild(QTableView)
    shown = on_window(popup)
    assert shown.height() > 0 and RED.text in popup.text.text()
    assert not shown.intersects(on_window(window.stack))  # the page gave up the height: nothing under it
    assert on_window(table.viewport()).bottom() < shown.top()
    assert shown.bottom() < on_window(window.statusBar()).top()
    assert popup.text.height() >= popup.text.heightForWidth(popup.text.width())  # its words are not cut

    popup.hide()  # closed, the page has its height back
    QApplication.processEvents()
    assert on_window(window.stack).bottom() > shown.top()
