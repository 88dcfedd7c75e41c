from __future__ import annotations

import pytest

from station.shell import i18n
from station.shell.app import install_font


@pytest.fixture(autouse=True, scope="session")
def chinese_ui(qapp):
    """Tests see what a clerk sees: the bundled font and the Simplified Chinese translation."""
    install_font(qapp)
    assert i18n.install(qapp, "zh_CN"), "run ./dev setup to build the translations"
    return qapp
