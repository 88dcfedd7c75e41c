"""Sync as the clerk sees it: the status bar and the menu, against a real hall."""

from __future__ import annotations

from conftest_hall import station
from PySide6.QtWidgets import QApplication

from helpers import enterprise_values
from station.core import enterprises, people
from station.core.context import StationContext
from station.shell import i18n
from station.shell.app import install_font
from station.shell.main_window import MainWindow


def test_status_bar_and_sync_now(qtbot, hall, tmp_path) -> None:
    install_font(QApplication.instance())
    i18n.install(QApplication.instance(), "zh_CN")
    data = tmp_path / "desk"
    ctx = StationContext(data)
    with ctx.work(ctx.cli_actor()) as work:
        people.add_user(work, username="boss", display_name="站长", role="admin", password="station-pass")
        enterprises.create(work, enterprise_values(1))
    ctx.close()
    window = MainWindow(StationContext(data))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.start()
    with qtbot.waitSignal(window.logged_in, timeout=10_000):
        window.login("boss", "station-pass")
    window._warm_up()
    qtbot.waitUntil(lambda: window.sync is not None and window.sync.label.text() != "", timeout=10_000)
    assert window.sync.label.text() == "未登记到服务大厅 · 待上传 1 条"

    assert station(data, "enroll", hall.url, hall.add_station("ST01")).returncode == 0
    window.sync_action.trigger()
    qtbot.waitUntil(lambda: "在线 · 待上传 0 条" in window.sync.label.text(), timeout=20_000)
    assert "上次同步" in window.sync.label.text()
