"""Make the README's screenshots offscreen: ``python docs/screenshot.py``.

Fills a temporary data directory with the demo park, signs in as the demo administrator, opens the
enterprise registry with a search typed, then every other page, and saves what a clerk would see on a
1366×768 screen (less its task bar) to ``docs/images/``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from station.builtin.people import DEMO_PASSWORD
from station.core.context import StationContext
from station.core.demo import fill_demo
from station.shell.app import run

OUT = Path(__file__).resolve().parent / "images"
SHOWN_FIRST = {"dashboard", "enterprises"}  # taken as dashboard.png and main-window.png


def _a_conflict(ctx: StationContext) -> None:
    """One conflict for the conflicts page to show: the legal representative changed here and at the hall."""
    import json

    from station.core.sync import outbox

    with ctx.raw() as conn:
        uid, legal_rep = conn.execute("SELECT uid, legal_rep FROM enterprise ORDER BY id LIMIT 1").fetchone()
    with outbox.connect(ctx.db_path) as conn, outbox.transaction(conn):
        conn.execute(
            "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, created_at)"
            " VALUES (1, 'enterprise', ?, '同一条记录已在别处被修改', ?, ?, 'legal_rep', 'open', '2026-11-30T09:00')",
            (uid, json.dumps({"legal_rep": legal_rep}), json.dumps({"legal_rep": "王建国"})),
        )


def main() -> int:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = StationContext(tmp)
        for _ in fill_demo(ctx, ctx.cli_actor()):
            pass
        _a_conflict(ctx)
        ctx.close()
        ctx = StationContext(tmp)
        shots: list[Path] = []
        expected: list[str] = []

        def on_window(window) -> None:  # type: ignore[no-untyped-def]
            window.resize(1366, 728)
            window.database_ready.connect(lambda: window.login("admin", DEMO_PASSWORD))

            def grab(name: str) -> None:
                path = OUT / name
                window.grab().save(str(path))
                shots.append(path)

            def after_login(_actor: object) -> None:
                QTimer.singleShot(600, lambda: grab("dashboard.png"))
                QTimer.singleShot(800, lambda: window.show_page("enterprises"))
                QTimer.singleShot(1000, lambda: window.page_widget("enterprises").search.setText("株洲"))
                QTimer.singleShot(2200, lambda: grab("main-window.png"))
                # Each business plugin's page, as a clerk first sees it.
                at = 2400
                for key in window.page_keys():
                    if key not in SHOWN_FIRST:
                        QTimer.singleShot(at, lambda key=key: window.show_page(key))
                        QTimer.singleShot(at + 2500, lambda key=key: grab(f"page-{key}.png"))
                        at += 2800
                        expected.append(key)
                QTimer.singleShot(at, QApplication.instance().quit)

            window.logged_in.connect(after_login)

        ctx.settings.last_page = "dashboard"
        run(ctx, page="dashboard", on_window=on_window)
        ctx.close()
    for path in shots:
        print(path)
    return 0 if len(shots) == 2 + len(expected) else 1


if __name__ == "__main__":
    sys.exit(main())
