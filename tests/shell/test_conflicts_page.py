"""The sync conflicts page names each record as a clerk knows it and its columns in words, and a supervisor
settles a conflict from the keyboard."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from helpers import enterprise_values
from station.core import enterprises, people
from station.core.context import StationContext
from station.core.sync import outbox
from station.shell.app import install_font
from station.shell.main_window import MainWindow

PASSWORD = "station-pass"


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):  # type: ignore[no-untyped-def]
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: None)


def _conflict(ctx: StationContext, table: str, uid: str, theirs: dict, ours: dict | None, kind: str) -> None:
    fields = ",".join(theirs) if ours is not None else ""
    with outbox.connect(ctx.db_path) as conn, outbox.transaction(conn):
        conn.execute(
            "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, created_at,"
            " kind) VALUES ((SELECT coalesce(max(hall_id), 40) + 1 FROM sync_conflict), ?, ?,"
            " '同一条记录已在别处被修改', ?, ?, ?, 'open', 'now', ?)",
            (table, uid, json.dumps(theirs), json.dumps(ours) if ours is not None else None, fields, kind),
        )


@pytest.fixture
def station(tmp_path) -> StationContext:  # type: ignore[no-untyped-def]
    ctx = StationContext(tmp_path / "data")
    ctx.open()
    with ctx.work(ctx.permissions.actor("chen", "admin")) as work:
        people.add_user(work, username="chen", display_name="陈审核", role="supervisor", password=PASSWORD)
        people.add_user(work, username="boss", display_name="周管理", role="admin", password=PASSWORD)
        made = enterprises.create(work, enterprise_values(1))
        uid = made.uid
    with outbox.connect(ctx.db_path) as conn:
        outbox.acknowledge(conn, [op["op_uid"] for op in outbox.batch(conn)])
    # Two clerks changed one enterprise's legal representative at two stations.
    _conflict(ctx, "enterprise", uid, {"legal_rep": "本站的人"}, {"legal_rep": "大厅的人"}, "stale")
    # A permit the hall sent that this station could not take: only the hall's version, and no local row.
    permit = {"enterprise_uid": uid, "kind": "food", "number": "JY14302110001234", "updated_by": "chen"}
    _conflict(ctx, "licenses_permit", "0b7f3c1e-2a4d-4c55-9e61-5d0c8a1b2c3d", permit, None, "refused")
    ctx.close()
    return StationContext(ctx.data_dir)


def test_conflicts_name_the_record_and_its_fields_in_words_and_are_settled_by_keyboard(qtbot, station) -> None:
    install_font(QApplication.instance())
    window = MainWindow(station)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.start()
    with qtbot.waitSignal(window.logged_in, timeout=10_000):
        window.login("chen", PASSWORD)
    assert window.show_page("conflicts")
    page = window.page_widget("conflicts")
    table = page.table
    qtbot.waitUntil(lambda: table.rowCount() == 2 and table.item(1, 0) is not None, timeout=10_000)
    name, code = enterprise_values(1)["name"], enterprise_values(1)["uscc"]

    enterprise_record, permit_record = table.item(0, 0).text(), table.item(1, 0).text()
    assert name in enterprise_record and code in enterprise_record  # the enterprise, as the clerk knows it
    assert name in permit_record and "JY14302110001234" in permit_record  # by its enterprise and number
    for record in (enterprise_record, permit_record):
        assert "enterprise" not in record and "licenses_permit" not in record and "0b7f3c1e" not in record
    assert "0b7f3c1e-2a4d-4c55-9e61-5d0c8a1b2c3d" in table.item(1, 0).toolTip()  # for whoever must look it up
    assert table.item(0, 2).text() == "法定代表人：本站的人" and table.item(0, 3).text() == "法定代表人：大厅的人"
    hall_permit = table.item(1, 3).text()
    assert "企业：" + name in hall_permit and "最后修改人：陈审核" in hall_permit  # names, not uids or logins
    assert "enterprise_uid" not in hall_permit and "updated_by" not in hall_permit and uid_free(hall_permit)

    # The keyboard: into the table, the first conflict, then back up to the buttons above it and Space.
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
    keep = page.keep_station
    qtbot.keyClick(table, Qt.Key.Key_Backtab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert keep.hasFocus()
    qtbot.keyClick(keep, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10_000)
    with station.read() as session:
        assert enterprises.by_uscc(session, code).legal_rep == "本站的人"
    window.close()


def uid_free(text: str) -> bool:
    import re

    return re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", text) is None
