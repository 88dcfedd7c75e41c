"""Every page of every installed plugin, and the dialogs a clerk meets, at 1366×768 in both languages.

At 125 % scaling a 1366×768 screen is 1093×614 logical pixels with the same fonts, so both are walked as
logical sizes. A page or dialog fails on: text that does not fit its label, button, tab or column header
(an error sentence included); a string that looks like an identifier (``policy.claim.pay``), a uid or a
login id; a string in the other language (in Chinese a stray English word, in English any Chinese); and a
Tab step that jumps back against the layout (up, or leftwards on a line), on pages as in dialogs. Every tab
of a tabbed page is walked.

What counts as the UI's own words: window titles, labels, buttons, group boxes, tabs, placeholder texts and
the column headers of tables. Table cells are data and are not read. Data also shows inside labels (a
heading naming the enterprise, the station's name in the status bar): in English the texts are read with
the park's own data taken out first, that is every value of a free-text column of the database (a column
with a value per row or more than a dozen different values: names, addresses, titles) and the station's
configured names. A column with a few values repeated over many rows (a status, a stage) is a list of the
UI's own words and stays in, so a status shown untranslated still fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
)

from helpers import out_of_visual_order
from station.builtin.people import DEMO_PASSWORD
from station.core.context import StationContext
from station.shell import i18n

SCREENS = {"100%": (1366, 768), "125%": (1093, 614)}
TASKBAR = 40  # the screen's height less the task bar: what a maximised window gets
IDENTIFIER = re.compile(r"(?<![\w.])[a-z_]+\.[a-z_]+(?:\.[a-z_]+)*(?![\w(])")
UUID = re.compile(r"[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", re.I)
ENGLISH_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")  # a word, not a code such as APPR or ST01
# Words that stay as they are in Chinese text: formats, standards, the product's own units.
CHINESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e]")  # ideographs and full-width punctuation
KEPT = {"Ctrl", "Shift", "Enter", "Space", "Tab", "Esc", "QR", "PDF", "CSV", "XLSX", "SQLite", "Base45", "COSE"}
SLACK = 2  # pixels of rounding


@pytest.fixture(scope="module")
def park(tmp_path_factory) -> Iterator[StationContext]:
    """A demo park (every plugin's demo data, fewer enterprises) to fill the pages with real rows."""
    from station.builtin import registry
    from station.core.demo import fill_demo

    folder = tmp_path_factory.mktemp("park")
    ctx = StationContext(folder)
    saved, registry.DEMO_ENTERPRISES = registry.DEMO_ENTERPRISES, 300
    try:
        for _ in fill_demo(ctx, ctx.cli_actor()):
            pass
    finally:
        registry.DEMO_ENTERPRISES = saved
    ctx.close()
    yield ctx


class Data:
    """The park's data as it may appear inside a label, and the users' login ids (see the module's doc)."""

    def __init__(self, ctx: StationContext) -> None:
        values: set[str] = {ctx.settings.station_name, ctx.settings.park_name or ""}
        with ctx.raw() as conn:
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                for column in [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]:
                    rows, distinct = conn.execute(
                        f'SELECT count("{column}"), count(DISTINCT "{column}") FROM "{table}"'
                        f" WHERE typeof(\"{column}\") = 'text'"
                    ).fetchone()
                    if distinct and (distinct == rows or distinct > 12):
                        found = conn.execute(
                            f'SELECT DISTINCT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''
                        )
                        values.update(v for (v,) in found if CHINESE.search(v) and len(v) < 200)
            self.logins = {r[0] for r in conn.execute("SELECT username FROM station_user")}
        self.values = sorted((v for v in values if v), key=len, reverse=True)  # longest first: a name in an address

    def without(self, text: str) -> str:
        if not CHINESE.search(text):
            return text
        for value in self.values:
            if value in text:
                text = text.replace(value, " ")
        return text


def _visible(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and widget.width() > 0 and widget.height() > 0


def _texts(top: QWidget) -> Iterator[tuple[QWidget, str]]:
    """The texts a person reads in ``top`` (its chrome and its messages; table rows are data)."""
    if top.windowTitle():
        yield top, top.windowTitle()
    for w in top.findChildren(QWidget):
        if not _visible(w, top):
            continue
        if isinstance(w, QLabel) and w.text():
            yield w, re.sub(r"<[^>]+>", " ", w.text())
        elif isinstance(w, QAbstractButton) and w.text():
            yield w, w.text().replace("&", "")
        elif isinstance(w, QGroupBox) and w.title():
            yield w, w.title()
        elif isinstance(w, QLineEdit) and w.placeholderText():
            yield w, w.placeholderText()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield w, w.tabText(i)
        elif isinstance(w, QTableView) and w.model() is not None:
            for c in range(w.model().columnCount()):
                if not w.isColumnHidden(c):
                    yield w, str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")


def _clipped(top: QWidget) -> Iterator[str]:
    for w in top.findChildren(QWidget):
        if not _visible(w, top):
            continue
        if isinstance(w, QLabel) and w.text():
            rect = w.contentsRect()
            if w.wordWrap() or w.textFormat() == Qt.TextFormat.RichText or "<" in w.text():
                need = w.heightForWidth(rect.width()) if w.wordWrap() else w.sizeHint().height()
                if need > rect.height() + SLACK and need > 0:
                    yield f"label {w.objectName() or w.text()[:30]!r}: needs {need}px high, has {rect.height()}"
                wide = w.sizeHint().width()
                if not w.wordWrap() and wide > rect.width() + SLACK:
                    yield f"label {w.objectName() or w.text()[:30]!r}: needs {wide}px, has {rect.width()}"
            else:
                need = max(w.fontMetrics().horizontalAdvance(line) for line in w.text().split("\n"))
                if need > rect.width() + SLACK:
                    yield f"label {w.text()[:30]!r}: needs {need}px, has {rect.width()}"
                lines = w.text().count("\n") + 1
                if w.fontMetrics().height() * lines > rect.height() + SLACK:
                    yield f"label {w.text()[:30]!r}: cut top or bottom ({rect.height()}px high)"
        elif isinstance(w, QPushButton) and w.text():
            if w.sizeHint().width() > w.width() + SLACK:
                yield f"button {w.text()!r}: needs {w.sizeHint().width()}px, has {w.width()}"
        elif isinstance(w, QCheckBox | QRadioButton) and w.text():
            if w.sizeHint().width() > w.width() + SLACK:
                yield f"box {w.text()!r}: needs {w.sizeHint().width()}px, has {w.width()}"
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.fontMetrics().horizontalAdvance(w.tabText(i)) > w.tabRect(i).width():
                    yield f"tab {w.tabText(i)!r} cut"
        elif isinstance(w, QTableView) and w.model() is not None:
            header = w.horizontalHeader()
            for c in range(w.model().columnCount()):
                text = str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")
                if text and not w.isColumnHidden(c):
                    need = header.fontMetrics().horizontalAdvance(text) + 4  # the section's own margins
                    if need > header.sectionSize(c):
                        yield f"header {text!r}: needs {need}px, has {header.sectionSize(c)}"


def problems(top: QWidget, language: str, data: Data, *, tab_order: bool) -> list[str]:
    found = list(_clipped(top))
    for widget, text in _texts(top):
        name = widget.objectName() or type(widget).__name__
        if IDENTIFIER.search(text) or UUID.search(text):
            found.append(f"{name}: an identifier where a person reads: {text[:60]!r}")
        # A login that is also an English word ("clerk") is read as the word in English; Chinese catches it.
        logins = [w for w in re.findall(r"[\w.@-]+", text) if w in data.logins]
        if language == "en":
            logins = [w for w in logins if not w.isalpha()]
        if logins:
            found.append(f"{name}: a login id where a name is expected: {text[:60]!r}")
        chinese = re.findall(CHINESE.pattern + "+", data.without(text))
        if language == "en" and chinese:
            found.append(f"{name}: Chinese in English: {'/'.join(chinese)!r} in {text[:60]!r}")
        if language == "zh_CN":
            words = [w for w in ENGLISH_WORD.findall(text) if w not in KEPT]
            if words and not isinstance(widget, QComboBox):
                found.append(f"{name}: English in Chinese: {'/'.join(words)!r} in {text[:60]!r}")
    if tab_order:
        found += [f"tab order: {step}" for step in out_of_visual_order(top)]
    return found


def _settle(qtbot: Any, widget: QWidget, ms: int = 600) -> None:
    qtbot.wait(ms)  # background loads (DbOp) fill the page
    QApplication.processEvents()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_fits_and_reads_in_words(qtbot, qapp, park, language, screen) -> None:
    from station.shell.main_window import MainWindow

    i18n.install(qapp, language)
    try:
        ctx = StationContext(park.data_dir)
        ctx.settings.language = language
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        width, height = SCREENS[screen]
        window.resize(width, height - TASKBAR)
        window.show()
        with qtbot.waitSignal(window.database_ready, timeout=20_000):
            window.start()
        with qtbot.waitSignal(window.logged_in, timeout=20_000):
            window.login("admin", DEMO_PASSWORD)
        assert window.width() <= width and window.height() <= height - TASKBAR
        data = Data(ctx)
        found: dict[str, list[str]] = {}
        for key in window.page_keys():
            if not window.show_page(key):
                continue
            _settle(qtbot, window)
            page = window.page_widget(key)
            found[key] = problems(page, language, data, tab_order=True)
            for tabs in page.findChildren(QTabWidget):  # every tab of the page, not only the first
                for i in range(1, tabs.count()):
                    if not tabs.isTabEnabled(i) or not _visible(tabs, page):
                        continue
                    tabs.setCurrentIndex(i)
                    _settle(qtbot, window)
                    found[key] += [
                        f"tab {tabs.tabText(i)!r}: {p}" for p in problems(page, language, data, tab_order=True)
                    ]
                tabs.setCurrentIndex(0)
        found["window"] = [p for p in problems(window.statusBar(), language, data, tab_order=False)]
        nav = window.nav
        for i in range(nav.count()):  # "Intermediary marketplac" was cut in English
            item = nav.item(i)
            need = nav.fontMetrics().horizontalAdvance(item.text()) + nav.iconSize().width() + 24
            if not item.isHidden() and need > nav.viewport().width():
                found["window"].append(f"navigation {item.text()!r}: needs {need}px, has {nav.viewport().width()}")
        found = {k: v for k, v in found.items() if v}
        assert not found, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)
        window.close()
        ctx.close()
    finally:
        i18n.install(qapp, "zh_CN")


def _dialogs(window: Any) -> dict[str, Callable[[], QDialog]]:
    """The dialogs a clerk meets, built the way their pages build them."""
    from station.shell.confirm import ReasonDialog
    from station.shell.pages.enterprise_form import EnterpriseForm
    from station.shell.settings_dialog import PluginsDialog, SettingsDialog
    from station.shell.shortcuts import ShortcutsDialog

    made: dict[str, Callable[[], QDialog]] = {
        "register enterprise": lambda: EnterpriseForm(window, None, lambda *a: None),
        "settings": lambda: SettingsDialog(window),
        "plugins": lambda: PluginsDialog(window),
        "shortcuts": lambda: ShortcutsDialog(window),
        # As the licences page asks it: its words translated, the enterprise's name as it is.
        "reason": lambda: ReasonDialog(
            window,
            QCoreApplication.translate("LicensesPage", "Revoke licence"),
            QCoreApplication.translate(
                "LicensesPage",
                "Revoke the licence %1 of %2 (%3)? A revoked licence cannot be restored: "
                "scanning its code will show it as revoked.",
            )
            .replace("%1", "YZT-ST01-20250101-0001")
            .replace("%2", _first(window, "enterprise", "name"))
            .replace("%3", _first(window, "enterprise", "uscc")),
            QCoreApplication.translate("LicensesPage", "Revoke"),
        ),
    }
    pages = window.page_keys()
    if "startup" in pages:
        from station_startup.ui.case_dialog import CaseDialog
        from station_startup.ui.intake import IntakeDialog
        from station_startup.ui.settings import SettingsDialog as StartupSettings

        made["startup intake"] = lambda: IntakeDialog(_page(window, "startup"))
        made["startup settings"] = lambda: StartupSettings(_page(window, "startup"))
        made["startup case"] = lambda: CaseDialog(_page(window, "startup"), _first(window, "startup_case", "uid"))
    if "policy" in pages:
        from station_policy.ui.claim_dialog import ClaimDialog

        made["policy claim"] = lambda: ClaimDialog(_page(window, "policy"), _first(window, "policy_claim", "number"))
    if "licenses" in pages:
        from station_licenses.ui.issue_dialog import IssueDialog

        made["issue licence"] = lambda: IssueDialog(_page(window, "licenses"))
    if "agencies" in pages:
        from station_agencies.ui.dialogs import DrawDialog

        made["draw"] = lambda: DrawDialog(_page(window, "agencies"), window.ctx, window.actor)
    return made


def _first(window: Any, table: str, column: str) -> str:
    with window.ctx.raw() as conn:
        return conn.execute(f"SELECT {column} FROM {table} ORDER BY id LIMIT 1").fetchone()[0]


def _page(window: Any, key: str) -> QWidget:
    window.show_page(key)
    return window.page_widget(key)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_dialogs_fit_and_tab_in_the_order_they_are_laid_out(
    qtbot, qapp, park, language, screen, monkeypatch
) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    from station.shell.main_window import MainWindow

    width, height = SCREENS[screen]
    # The offscreen platform has one fixed screen: dialogs size themselves to the one being walked.
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, width, height - TASKBAR))
    i18n.install(qapp, language)
    try:
        ctx = StationContext(park.data_dir)
        ctx.settings.language = language
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(width, height - TASKBAR)
        window.show()
        with qtbot.waitSignal(window.database_ready, timeout=20_000):
            window.start()
        with qtbot.waitSignal(window.logged_in, timeout=20_000):
            window.login("admin", DEMO_PASSWORD)
        data = Data(ctx)
        found: dict[str, list[str]] = {}
        for name, make in _dialogs(window).items():
            dialog = make()
            dialog.show()
            _settle(qtbot, dialog, 300)
            size = dialog.frameGeometry()
            trouble = problems(dialog, language, data, tab_order=True)
            if size.width() > width or size.height() > height - TASKBAR:
                trouble.append(f"{size.width()}×{size.height()} is larger than the screen")
            if trouble:
                found[name] = trouble
            if hasattr(dialog, "mark_clean"):
                dialog.mark_clean()
            dialog.close()
        assert not found, "\n".join(f"{k}: {p}" for k, v in found.items() for p in v)
        window.close()
        ctx.close()
    finally:
        i18n.install(qapp, "zh_CN")


def test_a_page_whose_tab_order_jumps_back_up_is_caught(qtbot) -> None:
    """The page check reads a page's stretch of its window's chain as Tab walks it, from the navigation."""
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QVBoxLayout

    window = QWidget()
    nav, page = QListWidget(), QWidget()
    row = QHBoxLayout(window)
    row.addWidget(nav)
    row.addWidget(page, 1)
    top, middle, bottom = QLineEdit(), QPushButton("Find"), QTableView()
    column = QVBoxLayout(page)
    for widget in (top, middle, bottom):
        column.addWidget(widget)
    qtbot.addWidget(window)
    window.resize(800, 500)
    window.show()
    assert out_of_visual_order(page) == []
    QWidget.setTabOrder(bottom, top)  # Tab goes from the table back up to the search box
    assert out_of_visual_order(page) != []
