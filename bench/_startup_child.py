"""One cold start, run by bench/startup.py in a fresh process. Prints JSON timings (wall clock, seconds).

``bare``: a PySide6 QMainWindow, shown. ``app DATA_DIR``: ``station --data-dir DATA_DIR gui --page
enterprises`` with every installed plugin, signed in as the bench user; ``ready`` is when the registry's
first rows are on screen. Imports of the station count: they happen after the clock starts.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
marks: dict[str, float] = {}


def mark_first_paint(cls: type) -> None:
    """Record the first paint event of ``cls`` windows (the same hook for the bare and the real window)."""
    original = cls.paintEvent

    def paint_event(self, event):  # type: ignore[no-untyped-def]
        marks.setdefault("first_paint", time.time())
        return original(self, event)

    cls.paintEvent = paint_event


def finish() -> None:
    from PySide6.QtWidgets import QApplication

    marks["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(marks))
    sys.stdout.flush()
    QApplication.instance().quit()


def bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    class Window(QMainWindow):
        pass

    mark_first_paint(Window)
    window = Window()
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, finish))
    app.exec()


def station(data_dir: str, scroll: bool) -> None:
    sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
    import station.shell.app
    from common import BENCH_PASSWORD, BENCH_USER
    from station.cli import main
    from station.shell.main_window import MainWindow

    mark_first_paint(MainWindow)
    real_run = station.shell.app.run

    def on_window(window):  # type: ignore[no-untyped-def]
        window.database_ready.connect(lambda: window.login(BENCH_USER, BENCH_PASSWORD))

        def shown(key: str) -> None:
            if key != "enterprises":
                return
            page = window.page_widget("enterprises")

            def loaded(page_no: int) -> None:
                if "ready" in marks or "rows_loaded" in marks:
                    return
                from PySide6.QtCore import QEvent, QObject, QTimer

                marks["rows_loaded"] = time.time()

                # Rows are in the model: the clock stops once the table has painted them (its viewport's
                # next paint) and the loop answers again.
                def ready() -> None:
                    marks["ready"] = time.time()
                    marks["rows"] = page.model.rowCount()
                    if scroll:
                        scroll_all(page)
                    finish()

                class Painted(QObject):
                    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
                        if event.type() == QEvent.Type.Paint and "ready" not in marks:
                            page.table.viewport().removeEventFilter(self)
                            QTimer.singleShot(0, ready)
                        return False

                page._bench_painted = Painted(page)
                page.table.viewport().installEventFilter(page._bench_painted)
                page.table.viewport().update()

            page.model.page_loaded.connect(loaded)

        window.page_shown.connect(shown)

    # Through the real command line, as a clerk's desktop shortcut starts it: station gui --page enterprises
    station.shell.app.run = lambda ctx, page=None, on_window_=None: real_run(ctx, page, on_window)
    main(["--data-dir", data_dir, "gui", "--page", "enterprises"])


def scroll_all(page) -> None:  # type: ignore[no-untyped-def]
    """Scroll from top to bottom a screen at a time, letting every page load: the memory worst case."""
    from PySide6.QtWidgets import QApplication

    table, model = page.table, page.model
    bar = table.verticalScrollBar()
    step = max(1, bar.pageStep()) * 20
    started = time.time()
    for value in range(0, bar.maximum() + step, step):
        bar.setValue(value)
        QApplication.processEvents()
        deadline = time.time() + 2
        while (
            model.data(model.index(table.rowAt(0) if table.rowAt(0) >= 0 else 0, 1)) == "…" and time.time() < deadline
        ):
            QApplication.processEvents()
    marks["scrolled_rows"] = model.rowCount()
    marks["scroll_s"] = time.time() - started
    marks["cached_pages"] = model.cached_pages()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        station(sys.argv[2], scroll="--scroll" in sys.argv)
