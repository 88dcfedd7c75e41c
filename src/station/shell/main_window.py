"""The main window: navigation built from plugin pages, the page stack, the status bar and menus."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from station.shell import i18n
from station.shell.later import later

if TYPE_CHECKING:  # pragma: no cover
    from station.contributions import Page
    from station.core.context import StationContext
    from station.core.roles import Actor

# Start-up order (see docs/architecture.md): the frame paints first with only Qt and the settings loaded;
# the first paint boots the rest — plugins (entry points), navigation, then the database on a worker.
# Nothing here touches the ``Qt`` namespace before the first paint: creating it costs 30 ms.

log = logging.getLogger(__name__)
NAV_WIDTH = 180
NAV_POINTS = 11  # the navigation's font size (station.shell.style)
NAV_PADDING = 20 + 24 + 8  # the icon, the item's padding and the selection bar
EMBLEM_HEIGHT = 48

DASHBOARD = "dashboard"
WARM_UP_IDLE_MS = 1000  # the sign-in dialog has sat this long: the clerk is typing, load the rest
WARM_UP_AFTER_SIGN_IN_MS = 600  # signed in before that: load once the first screen is up
PAGE_KEY_ROLE = 256  # Qt.ItemDataRole.UserRole: a navigation item's page key


def _dashboard_factory(shell: MainWindow) -> QWidget:
    from station.shell.pages.dashboard import DashboardPage

    return DashboardPage(shell)


class MainWindow(QMainWindow):
    database_ready = Signal()
    logged_in = Signal(object)  # Actor
    page_shown = Signal(str)

    def __init__(self, ctx: StationContext, start_page: str | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.actor: Actor | None = None
        self.start_page = start_page
        self._login_busy = False
        self._pages: dict[str, Page] = {}
        self._widgets: dict[str, QWidget] = {}
        self._painted = False
        self._boot_requested = False
        self._booted = False
        self._warmed = False
        self._warm = False  # SQLAlchemy and the services are loaded
        self.sync: Any = None  # the SyncController, once signed in
        self.notices: Any = None  # the NoticeCenter, while someone is signed in
        self.notice_interval_ms: Callable[[Any], int] | None = None  # tests poll faster
        self._after_warm: list[Callable[[], None]] = []
        self.setWindowTitle(self.tr("Park Service Station") + f" — {ctx.settings.station_name}")
        self.resize(QSize(1280, 800))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setMinimumHeight(120)  # it scrolls: the park's header above it must not make the window taller
        self.nav.setIconSize(QSize(20, 20))
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = QStackedWidget()
        self.waiting = QLabel(self.tr("Opening the station database…"))
        self.waiting.setStyleSheet("qproperty-alignment: AlignCenter; font-size: 12pt;")
        self.waiting.setProperty("role", "muted")
        self.stack.addWidget(self.waiting)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QVBoxLayout()
        side.setSpacing(0)
        side.addWidget(self._park_header())
        side.addWidget(self.nav, 1)
        row.addLayout(side)
        content = QVBoxLayout()
        content.setSpacing(0)
        content.addWidget(self.stack, 1)
        # The notice pop-up's own strip under the page (filled at sign-in): shown, it takes height from the
        # page rather than covering its rows.
        self.notice_area = QVBoxLayout()
        self.notice_area.setContentsMargins(8, 4, 8, 4)
        content.addLayout(self.notice_area)
        row.addLayout(content, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_menus()

    # -- building -----------------------------------------------------------------------------

    def _park_header(self) -> QWidget:
        """The park's emblem and name over the navigation, and this station's name (both in Settings)."""
        header = QWidget()
        self.park_header = header
        header.setObjectName("parkHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header.setFixedWidth(NAV_WIDTH)
        box = QVBoxLayout(header)
        box.setContentsMargins(12, 10, 12, 10)
        self.emblem = QLabel()
        self.emblem.setObjectName("emblem")
        self.park_name = QLabel()
        self.park_name.setObjectName("parkName")
        self.park_name.setWordWrap(True)
        self.station_name = QLabel()
        self.station_name.setWordWrap(True)
        for label in (self.emblem, self.park_name, self.station_name):
            box.addWidget(label)
        self.show_park()
        return header

    def show_park(self) -> None:
        from PySide6.QtGui import QPixmap

        settings = self.ctx.settings
        picture = QPixmap(settings.emblem) if settings.emblem else QPixmap()
        self.emblem.setVisible(not picture.isNull())
        if not picture.isNull():
            self.emblem.setPixmap(picture.scaledToHeight(EMBLEM_HEIGHT, Qt.TransformationMode.SmoothTransformation))
        self.park_name.setText(settings.park_name or settings.station_name)
        self.station_name.setText(settings.station_name if settings.park_name else "")
        self.station_name.setVisible(bool(settings.park_name))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.station_label = QLabel(f"{self.ctx.settings.station_code} {self.ctx.settings.station_name}")
        self.user_label = QLabel(self.tr("Not signed in"))
        for label in (self.station_label, self.user_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
        self.notice_button: Any = None  # made at sign-in (station.shell.notices), with its pop-up
        self.notice_popup: Any = None

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.backup_action = QAction(self.tr("Back up database…"), self)
        self.backup_action.triggered.connect(self.backup_database)
        self.backup_action.setEnabled(False)
        file_menu.addAction(self.backup_action)
        self.logout_action = QAction(self.tr("Sign out"), self)
        self.logout_action.triggered.connect(self.logout)
        self.logout_action.setEnabled(False)
        file_menu.addAction(self.logout_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        self.quit_action = quit_action  # its shortcut is set once the first screen is up (see _warm_up)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        sync_menu = self.menuBar().addMenu(self.tr("&Sync"))
        self.sync_action: QAction = QAction(self.tr("Synchronise now"), self)
        self.sync_action.setEnabled(False)  # once signed in and the services are loaded
        self.sync_action.triggered.connect(lambda: self.sync and self.sync.sync())
        sync_menu.addAction(self.sync_action)

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        tools.addAction(self.settings_action)
        plugins_action = QAction(self.tr("Plugins…"), self)
        plugins_action.triggered.connect(self.open_plugins)
        tools.addAction(plugins_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        keys = QAction(self.tr("Keyboard shortcuts"), self)
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction(self.tr("About"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _collect_pages(self) -> None:
        from station.contributions import QT_TRANSLATE_NOOP, Page

        pages = [
            Page(
                key=DASHBOARD,
                title=QT_TRANSLATE_NOOP("Navigation", "Dashboard"),
                factory=_dashboard_factory,
                order=0,
                plugin="shell",
            )
        ]
        host = self.ctx.host
        app = QCoreApplication.instance()
        assert app is not None  # the window lives in the application
        i18n.install_plugins(
            app,
            self.ctx.settings.language,
            host.modules(),
        )
        pages += host.collect("register_pages", Page)
        for page in sorted(pages, key=lambda p: (p.order, p.key)):
            if page.key in self._pages:
                log.error("page %s from %s ignored: key already taken", page.key, page.plugin)
                continue
            self._pages[page.key] = page
            item = QListWidgetItem(i18n.nav(page.title))
            item.setData(PAGE_KEY_ROLE, page.key)
            self.nav.addItem(item)
        # Wide enough for the longest title ("Intermediary marketplace" in English), never narrower than usual.
        font = self.nav.font()
        font.setPointSize(NAV_POINTS)
        longest = max(
            (QFontMetrics(font).horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())), default=0
        )
        width = max(NAV_WIDTH, longest + NAV_PADDING)
        self.nav.setFixedWidth(width)
        self.park_header.setFixedWidth(width)
        # The list is off until sign-in, which turns on the items it permits. Per-item flags here would
        # create the Qt namespace's 90 enum types (30 ms) on the way to the sign-in form; the form creates
        # them anyway, while the password is checked on a worker.
        self.nav.setEnabled(self.actor is not None)

    # -- start-up and sign-in ------------------------------------------------------------------

    def start(self) -> None:
        """Boot once the frame has painted: plugins and navigation, then the database on a worker."""
        self._boot_requested = True
        if self._painted:
            later(0, self._boot, self)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            if self._boot_requested:
                later(0, self._boot, self)

    def _boot(self) -> None:
        if self._booted:
            return
        self._booted = True
        self.ctx.host  # noqa: B018 - plugins first, on this thread: the database's migrations come from them
        self._open_database()  # on a worker, while the navigation is built here
        self._collect_pages()

    def _open_database(self) -> None:
        """Open (and if needed migrate) the database off the UI thread, then ask who is here."""
        from station.shell.dbop import DbOp

        def open_db(progress: Any) -> bool:
            from station.core import passwords

            with self.ctx.raw() as conn:
                return passwords.needs_first_admin(conn)

        DbOp(
            self,
            open_db,
            on_done=self._database_opened,
            on_error=self._database_failed,
            label=self.tr("Preparing the database…"),
        ).start()

    def _database_opened(self, needs_admin: bool) -> None:
        self.backup_action.setEnabled(True)
        report = self.ctx.upgrade_report
        if report is not None and report.backup is not None:
            self.statusBar().showMessage(
                self.tr("The database was upgraded; a backup of the earlier version was kept."), 15000
            )
        self.waiting.setText(self.tr("Please sign in."))
        self.database_ready.emit()
        # Load SQLAlchemy and the services while the clerk types the password, but not in the way of a
        # sign-in and its first screen: sign-in and the registry list read through plain sqlite3, and
        # a 400 ms import competing with them for the interpreter would slow exactly what the clerk waits for.
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.timeout.connect(self._warm_up)
        self._warm_timer.start(WARM_UP_IDLE_MS)
        later(0, lambda: self._ask_who(needs_admin), self)

    def _warm_up(self) -> None:
        """Load SQLAlchemy and the services (once), off the UI thread."""
        from station.shell.dbop import DbOp

        if self._warmed:
            return
        self._warmed = True

        def load(progress: Any) -> None:
            import station.core.enterprises
            import station.core.people  # noqa: F401

            self.ctx.open()

        def loaded(_: Any) -> None:
            # The Quit shortcut's key enums cost 20 ms to create: not on the way to the first screen.
            self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
            from station.shell import shortcuts  # the window's keys and 帮助 → 快捷键, after the same wait

            shortcuts.install(self)
            self._warm = True
            pending, self._after_warm = self._after_warm, []
            for run in pending:
                run()

        def failed(exc: BaseException) -> None:
            log.warning("warm-up failed: %s", exc)
            loaded(None)  # what waited will meet the error itself, with its own message

        DbOp(self, load, on_done=loaded, on_error=failed).start()

    def when_loaded(self, run: Callable[[], None]) -> None:
        """Run ``run`` once SQLAlchemy and the services are loaded (now, if they are)."""
        if self._warm:
            run()
        else:
            self._after_warm.append(run)

    def _database_failed(self, exc: BaseException) -> None:
        from station.shell.dbop import show_error

        show_error(self, exc)
        self.waiting.setText(getattr(exc, "message", self.tr("The database could not be opened.")))

    def _ask_who(self, needs_admin: bool) -> None:
        if self.actor is not None or self._login_busy:
            return
        from station.shell.login import FirstAdminDialog, LoginDialog

        dialog = FirstAdminDialog(self) if needs_admin else LoginDialog(self)
        dialog.open()

    def login(self, username: str, password: str, on_error: Any = None) -> None:
        """Check the password off the UI thread (Argon2 is slow on purpose)."""
        from station.shell.dbop import DbOp, show_error

        self._login_busy = True

        def check(progress: Any) -> tuple[Actor, bool]:
            from station.core.sign_in import sign_in

            who = sign_in(self.ctx, username, password)  # plain sqlite3 unless refused: see sign_in.py
            return self.ctx.permissions.actor(who.username, who.role, who.display_name), who.needs_rehash

        def signed_in(result: tuple[Actor, bool]) -> None:
            actor, rehash = result
            self._signed_in(actor)
            if not self._warmed:
                self._warm_timer.start(WARM_UP_AFTER_SIGN_IN_MS)
            self._record_sign_in(actor, password if rehash else None)

        def failed(exc: BaseException) -> None:
            self._login_busy = False
            if on_error is not None:
                on_error(exc)
            else:
                show_error(self, exc)

        DbOp(self, check, on_done=signed_in, on_error=failed).start()

    def _record_sign_in(self, actor: Actor, new_password: str | None) -> None:
        """Once the services have loaded: audit the sign-in (stamped now), re-hash an outdated hash, and
        take the day's automatic backup if there is none yet."""
        import datetime as dt

        from station.shell.dbop import DbOp

        at = dt.datetime.now(dt.UTC)

        def record(progress: Any) -> None:
            from station.core import people

            with self.ctx.work(actor) as work:
                people.record_sign_in(work, at, new_password)

        def daily_backup(progress: Any) -> str | None:
            from station.core import backup

            made = backup.daily(self.ctx.db_path, self.ctx.backups_dir)
            return str(made) if made else None

        def after_warm_up() -> None:
            DbOp(self, record, on_error=lambda exc: log.error("sign-in not recorded: %s", exc)).start()
            self._start_sync()
            DbOp(self, daily_backup, on_error=lambda exc: log.error("daily backup failed: %s", exc)).start()

        self.when_loaded(after_warm_up)

    def create_first_admin(self, username: str, display_name: str, password: str, on_error: Any = None) -> None:
        from station.shell.dbop import DbOp, show_error

        self._login_busy = True

        def create(progress: Any) -> Actor:
            from station.core import identity, people
            from station.errors import UserError

            with self.ctx.work(self.ctx.permissions.actor(username, "clerk", display_name)) as work:
                if not identity.needs_first_admin(work.session):
                    raise UserError("管理员已由他人创建，请用已有账号登录。")
                people.add_user(work, username=username, display_name=display_name, role="admin", password=password)
            return self.ctx.permissions.actor(username, "admin", display_name)

        def failed(exc: BaseException) -> None:
            self._login_busy = False
            (on_error or (lambda e: show_error(self, e)))(exc)

        DbOp(self, create, on_done=self._signed_in, on_error=failed).start()

    def _start_sync(self) -> None:
        from station.shell.sync_status import SyncController

        if self.sync is None:
            self.sync = SyncController(self)
            self.sync.synced.connect(self._after_sync)
        self.sync_action.setEnabled(True)

    def _after_sync(self, applied: int) -> None:
        page = self._widgets.get("enterprises")
        if page is not None and hasattr(page, "run_search"):
            page.run_search()  # rows came from the hall: show them

    def _signed_in(self, actor: Actor) -> None:
        from PySide6.QtCore import Qt

        self._login_busy = False
        self.actor = actor
        who = self.tr("%1 (%2)").replace("%1", actor.display_name).replace("%2", i18n.role(actor.role))
        self.user_label.setText(who)
        self.logout_action.setEnabled(True)
        first_allowed = None
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            page = self._pages[item.data(PAGE_KEY_ROLE)]
            allowed = page.permission is None or actor.can(page.permission)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if allowed else Qt.ItemFlag.NoItemFlags
            )
            item.setHidden(not allowed)
            if allowed and first_allowed is None:
                first_allowed = page.key
        self.nav.setEnabled(True)
        self.logged_in.emit(actor)
        wanted = self.start_page or self.ctx.settings.last_page
        if not self.show_page(wanted) and first_allowed:
            self.show_page(first_allowed)
        self.when_loaded(lambda: self._start_notices(actor))

    def _start_notices(self, actor: Actor) -> None:
        """Poll the plugins' notice sources for ``actor`` (station.shell.notices) while they are signed in."""
        from station.contributions import NoticeSource
        from station.shell.notices import NoticeButton, NoticeCenter, NoticePopup, default_interval_ms

        if self.actor is not actor or self.notices is not None:
            return
        if self.notice_button is None:
            self.notice_button = NoticeButton(self)
            self.statusBar().insertPermanentWidget(0, self.notice_button)
            self.notice_popup = NoticePopup(self)
            self.notice_area.addWidget(self.notice_popup)
        self.notice_button.show()
        self.notices = NoticeCenter(
            self,
            actor,
            self.ctx.host.collect("register_notice_sources", NoticeSource),
            interval_ms=self.notice_interval_ms or default_interval_ms,
            button=self.notice_button,
            popup=self.notice_popup,
        )
        self.notices.start()

    def _stop_notices(self) -> None:
        if self.notices is not None:
            self.notices.stop()
            self.notices.deleteLater()
            self.notices = None
        if self.notice_button is not None:
            self.notice_button.hide()

    def logout(self) -> None:
        from PySide6.QtCore import Qt

        if self.actor is None:
            return
        for widget in self._widgets.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._widgets.clear()
        self._stop_notices()
        self.actor = None
        self.user_label.setText(self.tr("Not signed in"))
        self.logout_action.setEnabled(False)
        self.nav.clearSelection()
        for row in range(self.nav.count()):
            self.nav.item(row).setFlags(Qt.ItemFlag.NoItemFlags)
        self.nav.setEnabled(False)
        self.stack.setCurrentWidget(self.waiting)
        self._ask_who(False)

    # -- pages --------------------------------------------------------------------------------

    def page_keys(self) -> list[str]:
        """The keys of the pages in the navigation, in their order."""
        return list(self._pages)

    def pages(self) -> dict[str, Page]:
        """Every page the plugins contributed, by key (those the person may not open too)."""
        return dict(self._pages)

    def page_widget(self, key: str) -> QWidget | None:
        return self._widgets.get(key)

    def show_page(self, key: str) -> bool:

        from station.contributions import loaded
        from station.shell.dbop import show_error

        page = self._pages.get(key)
        if page is None or self.actor is None:
            return False
        if page.permission and not self.actor.can(page.permission):
            return False
        widget = self._widgets.get(key)
        if widget is None:
            try:
                widget = loaded(page.factory)(self)
            except Exception as exc:
                log.exception("page %s of plugin %s failed to build", key, page.plugin)
                show_error(self, exc)
                return False
            self._widgets[key] = widget
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(PAGE_KEY_ROLE) == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)
        self.ctx.settings.last_page = key
        self.page_shown.emit(key)
        return True

    def _nav_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:

        if current is not None:
            self.show_page(current.data(PAGE_KEY_ROLE))

    # -- menu actions -------------------------------------------------------------------------

    def backup_database(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from station.core.backup import default_name
        from station.shell.dbop import DbOp

        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up database"),
            str(self.ctx.backups_dir / default_name(self.ctx.db_path, "manual")),
            "SQLite (*.db)",
        )
        if not target:
            return

        def run(progress: Any) -> str:
            from station.core import backup

            made = backup.backup(self.ctx.db_path, Path(target))
            if self.actor is not None:
                with self.ctx.work(self.actor) as work:
                    work.audit("db.backup", "database", self.ctx.db_path.name, None, {"target": str(made)})
            return str(made)

        DbOp(
            self,
            run,
            label=self.tr("Backing up…"),
            on_done=lambda path: self.statusBar().showMessage(
                self.tr("Backup saved as %1.").replace("%1", Path(path).name), 10000
            ),
        ).start()

    def show_shortcuts(self) -> None:
        from station.shell.shortcuts import show_shortcuts

        show_shortcuts(self)

    def open_settings(self) -> None:
        from station.shell.settings_dialog import SettingsDialog

        SettingsDialog(self).open()

    def open_plugins(self) -> None:
        from station.shell.settings_dialog import PluginsDialog

        PluginsDialog(self).open()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from station import __version__

        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Park Service Station %1").replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_notices()
        try:
            self.ctx.settings.save(self.ctx.data_dir)
        except OSError as exc:
            log.warning("settings not saved: %s", exc)
        super().closeEvent(event)
