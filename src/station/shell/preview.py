"""Preview one page alone (Orange's convention): ``python -m station.shell.pages.<page> [DATA_DIR]``.

Opens the station on DATA_DIR (default: the usual data directory) signed in as the system user, with
the page shown, so a page can be looked at and tried without going through sign-in.
"""

from __future__ import annotations

from typing import Any

from station.core.context import StationContext
from station.shell.app import run


def preview_page(key: str, data_dir: str | None = None) -> int:
    ctx = StationContext(data_dir)
    ctx.setup_logging()

    def sign_in(window: Any) -> None:
        window.database_ready.connect(lambda: window._signed_in(ctx.cli_actor()))

    return run(ctx, page=key, on_window=sign_in)
