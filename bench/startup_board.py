"""The startup board with 10,000 open cases: ``python bench/startup_board.py [--cases 10000]``.

Target (issue 5): the board opens and refreshes its colours in under 100 ms of UI-thread time. What the
UI thread does is timed apart from what runs on workers (the id list, the one colour query, each page of
rows), as in the application, where DbOp runs those off the UI thread. The anchor, in the same run, is a
bare QTableView over a trivial model of as many rows, reset and painted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import time
import uuid
from pathlib import Path

from common import CACHE

STEPS = ("registration", "invoice", "social_insurance", "bank_account", "seal")


def build(cases: int) -> Path:
    """A station with ``cases`` open startup cases, deadlines spread around now (cached under bench/.data)."""
    from station_startup.services import _sql_time

    from station.core.context import StationContext

    data = CACHE / f"startup-{cases}"
    if (data / ".complete").exists():
        return data
    ctx = StationContext(data)
    ctx.prepare()
    rng = random.Random(5)
    now = dt.datetime.now(dt.UTC)
    conn = sqlite3.connect(ctx.db_path)
    case_rows, step_rows = [], []
    for i in range(cases):
        uid = uuid.uuid4().hex
        started = now - dt.timedelta(minutes=rng.randrange(0, 600))
        deadline = started + dt.timedelta(hours=4)
        case_rows.append(
            (uid, 1, f"ST01-KB20261123-{i:05d}", f"KBST01{i:010d}", "limited_company", f"基准测试{i}号科技有限公司",
             "王伟", 5_000_000_00, "软件开发", "株洲市栗雨路1号", "", "", None, "open", rng.choice(["clerk", "clerk2"]),
             "", "4个工作小时", _sql_time(started), _sql_time(deadline), _sql_time(started), _sql_time(started),
             "bench")
        )  # fmt: skip
        for code in STEPS:
            done = rng.random() < 0.3
            yellow = deadline - dt.timedelta(hours=1)
            step_rows.append(
                (uuid.uuid4().hex, 1, uid, code, "部门", "clerk", "done" if done else "in_progress", 0,
                 _sql_time(started), _sql_time(yellow), _sql_time(deadline), _sql_time(now) if done else None, "",
                 _sql_time(started), "bench")
            )  # fmt: skip
    with conn:
        conn.execute("UPDATE sync_apply_guard SET applying = 1")  # bench rows are not changes to push
        conn.executemany(
            "INSERT INTO startup_case(uid, version, number, tracking_code, case_type, enterprise_name, legal_rep, "
            "registered_capital_fen, business_scope, address, contact_phone, uscc, enterprise_uid, status, clerk, "
            "agent, limit_text, started_at, deadline_at, created_at, updated_at, updated_by) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            case_rows,
        )
        conn.executemany(
            "INSERT INTO startup_step(uid, version, case_uid, step_code, department, clerk, status, needs_code, "
            "started_at, yellow_at, deadline_at, done_at, note, updated_at, updated_by) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            step_rows,
        )
        conn.execute("UPDATE sync_apply_guard SET applying = 0")
    conn.close()
    ctx.close()
    (data / ".complete").touch()
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    data = build(args.cases)

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QHeaderView, QTableView
    from station_startup import services
    from station_startup.ui.board_model import PAGE_SIZE, StartupBoardModel

    from station.core import rawdb

    app = QApplication([])
    db_path = data / "station.db"

    class Trivial(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.n = 0

        def rowCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]
            return 0 if parent.isValid() else self.n

        def columnCount(self, parent=QModelIndex()) -> int:  # type: ignore[no-untyped-def]
            return 0 if parent.isValid() else 12

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            return f"{index.row()}:{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None

        def fill(self, n: int) -> None:
            self.beginResetModel()
            self.n = n
            self.endResetModel()

    def painted(view: QTableView) -> None:
        view.viewport().repaint()  # a synchronous paint of what is on screen
        app.processEvents()

    def like_the_page(view: QTableView) -> QTableView:
        view.resize(1400, 800)
        view.verticalHeader().setDefaultSectionSize(26)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        return view

    anchor_view = like_the_page(QTableView())
    anchor_view.show()
    trivial = Trivial()
    anchor_view.setModel(trivial)

    queued: list = []
    board_view = like_the_page(QTableView())
    board_view.show()
    model = StartupBoardModel(lambda ids: _rows(db_path, ids), lambda fn, done: queued.append((fn, done)))
    board_view.setModel(model)
    app.processEvents()

    anchors, opens, refreshes, backgrounds, refresh_bg = [], [], [], [], []
    now = dt.datetime.now(dt.UTC)
    for run in range(args.runs):
        trivial.fill(0)
        painted(anchor_view)
        t = time.perf_counter()
        trivial.fill(args.cases)
        painted(anchor_view)
        anchors.append(time.perf_counter() - t)

        # worker: the id list and every case's colours (one query)
        t = time.perf_counter()
        with rawdb.reading(db_path) as conn:
            ids = services.board_ids(conn)
            colours = services.board_colours(conn, now + dt.timedelta(minutes=run))
            first_page = services.board_rows(conn, ids[:PAGE_SIZE])
        background = time.perf_counter() - t
        model.set_ids([], {})
        painted(board_view)
        # UI thread: swap in the ids, colours and first page (fetched with them on the worker), paint; any
        # other page the view asks for arrives later and is painted too
        ui = 0.0
        t = time.perf_counter()
        model.set_ids(ids, colours, first_page)
        painted(board_view)
        ui += time.perf_counter() - t
        while queued:
            fn, done = queued.pop(0)
            t = time.perf_counter()
            rows = fn()
            background += time.perf_counter() - t
            t = time.perf_counter()
            done(rows)
            painted(board_view)
            ui += time.perf_counter() - t
        opens.append(ui)
        backgrounds.append(background)

        # a colour refresh: the worker runs the colour query, the UI thread swaps the dict in and repaints
        t = time.perf_counter()
        with rawdb.reading(db_path) as conn:
            colours = services.board_colours(conn, now + dt.timedelta(minutes=90 + run))
        refresh_bg.append(time.perf_counter() - t)
        t = time.perf_counter()
        model.set_colours(colours)
        painted(board_view)
        refreshes.append(time.perf_counter() - t)

    anchor = statistics.median(anchors) * 1000
    opened = statistics.median(opens) * 1000
    refreshed = statistics.median(refreshes) * 1000
    print(f"cases: {args.cases:,} open, {len(colours):,} coloured; runs: {args.runs}")
    print(f"anchor: bare QTableView over a trivial {args.cases:,}-row model, reset and painted: {anchor:.1f} ms")
    print(f"board open, UI thread: {opened:.1f} ms (ratio {opened / anchor:.2f})")
    print(f"colour refresh, UI thread: {refreshed:.1f} ms (ratio {refreshed / anchor:.2f})")
    worker, query = statistics.median(backgrounds) * 1000, statistics.median(refresh_bg) * 1000
    print(
        f"on workers (DbOp in the application): ids + colours + first page {worker:.1f} ms; colour query {query:.1f} ms"
    )


def _rows(db_path: Path, ids: list[int]) -> dict:
    from station_startup import services

    from station.core import rawdb

    with rawdb.reading(db_path) as conn:
        return services.board_rows(conn, ids)


if __name__ == "__main__":
    main()
