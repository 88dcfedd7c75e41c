"""The first screen must not wait for heavy modules: what it loads is checked here, in a fresh process."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import enterprise_values
from station.core import enterprises, people
from station.core.context import StationContext

CHILD = r"""
import json, sys
import station.shell.app, station.shell.main_window as mw
from station.cli import main

mw.WARM_UP_IDLE_MS = mw.WARM_UP_AFTER_SIGN_IN_MS = 60_000  # keep the warm-up out of the picture
seen = {}
real_run = station.shell.app.run

def on_window(window):
    def painted_modules():
        seen.setdefault("at_paint", sorted(m for m in sys.modules if m.split(".")[0] in HEAVY))
    window.database_ready.connect(lambda: window.login("boss", "station-pass"))
    def shown(key):
        page = window.page_widget(key)
        def loaded(page_no):
            seen["at_first_rows"] = sorted(m for m in sys.modules if m.split(".")[0] in HEAVY)
            seen["rows"] = page.model.rowCount()
            seen["cell"] = page.model.data(page.model.index(0, 1))
            print(json.dumps(seen), flush=True)
            station.shell.app.QApplication.instance().quit()
        page.model.page_loaded.connect(loaded)
    window.page_shown.connect(shown)
    orig = window.paintEvent
    def paint(event):
        painted_modules()
        return orig(event)
    window.paintEvent = paint

HEAVY = {"sqlalchemy", "alembic", "openpyxl", "pluggy", "argon2"}
station.shell.app.run = lambda ctx, page=None, _=None: real_run(ctx, page, on_window)
main(["--data-dir", sys.argv[1], "gui", "--page", "enterprises"])
"""


def test_first_screen_reads_without_sqlalchemy(tmp_path) -> None:
    ctx = StationContext(tmp_path / "data")
    boss = ctx.cli_actor()
    with ctx.work(boss) as work:
        people.add_user(work, username="boss", display_name="站长", role="admin", password="station-pass")
        for seed in range(1, 6):
            enterprises.create(work, enterprise_values(seed))
    ctx.close()
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["at_paint"] == [], "the frame must paint before plugins and storage load"
    assert seen["rows"] == 5 and seen["cell"].startswith("株洲测试")
    heavy = {m.split(".")[0] for m in seen["at_first_rows"]}
    assert "sqlalchemy" not in heavy and "alembic" not in heavy, seen["at_first_rows"]
