"""Starting the desktop application.

Only Qt and the light plugin registry are loaded before the main window paints; the database (and
with it SQLAlchemy, and Alembic if a migration is due) opens on a worker thread right after.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from station import paths
from station.shell import i18n, main_thread_gc

if TYPE_CHECKING:  # pragma: no cover
    from station.core.context import StationContext
    from station.shell.main_window import MainWindow

FONT_FILE = ("fonts", "wqy-microhei.ttc")
FONT_FAMILY = "WenQuanYi Micro Hei"


def install_font(app: QApplication) -> str:
    """Use the bundled CJK font, so Chinese renders on a desktop without a Chinese system font."""
    font_id = QFontDatabase.addApplicationFont(str(paths.resource(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = FONT_FAMILY if FONT_FAMILY in families else (families[0] if families else app.font().family())
    font = QFont(family)
    font.setPointSize(10)
    app.setFont(font)
    return family


def make_app(language: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Park Service Station")
    app.setOrganizationName("park-station")
    install_font(app)
    i18n.install(app, language)
    main_thread_gc.install(app)
    return app


def run(ctx: StationContext, page: str | None = None, on_window: Callable[[MainWindow], Any] | None = None) -> int:
    app = make_app(ctx.settings.language)
    from station.shell.main_window import MainWindow

    window = MainWindow(ctx, start_page=page)
    window.show()
    if on_window is not None:
        on_window(window)
    window.start()
    code = app.exec()
    _tear_down(app, window)
    return code


def _tear_down(app: QApplication, window: MainWindow) -> None:
    """Destroy Qt objects while Qt and Python are both still whole.

    Left to interpreter finalisation, PySide6 sometimes frees wrappers twice ("deallocating None") and
    the process dies with a fatal error after the clerk closed the window; tearing down in order avoids it.
    """
    import gc

    from PySide6.QtCore import QEvent  # here, not at the top: creating its type costs 5 ms before the paint

    from station.shell import dbop

    dbop.shutdown()
    window.hide()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # runs the deferred deletion
    del window
    gc.collect()
