from __future__ import annotations

import pytest

from station.shell import i18n, main_thread_gc, style
from station.shell.app import install_font


@pytest.fixture(autouse=True, scope="session")
def chinese_ui(qapp):
    """Tests see what a clerk sees: the bundled font and the Simplified Chinese translation."""
    install_font(qapp)
    style.install(qapp)  # as the application does: the one stylesheet
    assert i18n.install(qapp, "zh_CN"), "run ./dev setup to build the translations"
    main_thread_gc.install(qapp)  # as the application does: no cycle collection on worker threads
    return qapp
