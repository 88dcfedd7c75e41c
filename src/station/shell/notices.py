"""Notices in the status bar: the shell polls every plugin's NoticeSource while someone is signed in.

Each source is polled off the UI thread (DbOp) with a read session and the signed-in actor, every
``interval_s`` seconds and once right after sign-in. A source that raises is logged and skipped; the others
still show. The status bar's 通知 button lists the notices that hold now, with the number of new ones; a new
warning or critical notice also shows a short, non-modal pop-up above the status bar. Each notice key is
announced once per user: the keys shown are remembered in the database (station.core.notices), so a
restart lists them again but does not announce them. Clicking a notice opens its page.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from station.contributions import Notice, NoticeSource, loaded
from station.shell.dbop import DbOp

if TYPE_CHECKING:  # pragma: no cover
    from station.core.roles import Actor
    from station.shell.main_window import MainWindow

log = logging.getLogger(__name__)

POPUP_MS = 10_000
LEVEL_COLOURS = {"info": "#2e90fa", "warning": "#f79009", "critical": "#d92d20"}
LEVEL_ORDER = {"critical": 0, "warning": 1, "info": 2}


def default_interval_ms(source: NoticeSource) -> int:
    return max(1, int(source.interval_s)) * 1000


class NoticeButton(QToolButton):
    """通知 (N) in the status bar; its menu lists the current notices, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notices")
        self.setAutoRaise(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.set_unread(0)

    def set_unread(self, count: int) -> None:
        self.setText(self.tr("Notices (%1)").replace("%1", str(count)) if count else self.tr("Notices"))
        weight = "bold" if count else "normal"
        self.setStyleSheet(
            f"QToolButton#notices {{ font-weight: {weight}; padding: 0 8px; }}"
            "QToolButton#notices::menu-indicator { image: none; width: 0; }"
        )


class NoticePopup(QFrame):
    """A short message for new warnings and critical notices, in a strip of its own between the page and the
    status bar (MainWindow.notice_area); never modal. It used to float over the page, where it hid the table
    rows a clerk was working on: in its strip the page gives up the height instead and scrolls."""

    clicked = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noticePopup")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 4, 8)
        column = QVBoxLayout()
        column.addWidget(self.text)
        row.addLayout(column, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.notice: Notice | None = None
        self.hide()

    def show_notices(self, notices: list[Notice]) -> None:
        first = notices[0]
        self.notice = first
        colour = LEVEL_COLOURS.get(first.level, LEVEL_COLOURS["info"])
        self.setStyleSheet(
            f"QFrame#noticePopup {{ background: #fffaf5; border: 1px solid #d0d5dd;"
            f" border-left: 5px solid {colour}; border-radius: 4px; }}"
        )
        text = first.text
        if len(notices) > 1:
            text += "\n" + self.tr("And %1 more in Notices.").replace("%1", str(len(notices) - 1))
        self.text.setText(text)
        self.show()
        self._timer.start(POPUP_MS)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.hide()
        self.clicked.emit()


class NoticeCenter(QObject):
    """Polls the sources for one signed-in actor; ``stop()`` on sign-out. Built by the main window."""

    changed = Signal()

    def __init__(
        self,
        window: MainWindow,
        actor: Actor,
        sources: list[NoticeSource],
        *,
        interval_ms: Callable[[NoticeSource], int] = default_interval_ms,
        button: NoticeButton,
        popup: NoticePopup,
    ) -> None:
        super().__init__(window)
        from station.core import notices as core

        self.window = window
        self.actor = actor
        self.sources = [s for s in sources if core.may_poll(s, actor)]
        self.button = button
        self.popup = popup
        self.current: dict[str, list[Notice]] = {}  # source key -> the notices that hold now
        self.unread: set[str] = set()
        self._announced: set[str] = set()  # keys shown this session (the database has the rest)
        self._busy: set[str] = set()
        self._stopped = False
        self._timers: list[QTimer] = []
        self._interval_ms = interval_ms
        button.menu().aboutToShow.connect(self._fill_menu)
        popup.clicked.connect(lambda: popup.notice is not None and self.open_notice(popup.notice))

    def start(self) -> None:
        for source in self.sources:
            timer = QTimer(self)
            timer.timeout.connect(lambda s=source: self.poll(s))
            timer.start(self._interval_ms(source))
            self._timers.append(timer)
            self.poll(source)

    def stop(self) -> None:
        self._stopped = True
        for timer in self._timers:
            timer.stop()
        self._timers.clear()
        self.current.clear()
        self.unread.clear()
        self.button.set_unread(0)
        self.popup.hide()

    def notices(self) -> list[Notice]:
        """The notices that hold now, most urgent first."""
        every = [n for source in self.sources for n in self.current.get(source.key, [])]
        unique = {n.key: n for n in every}
        return sorted(unique.values(), key=lambda n: (LEVEL_ORDER.get(n.level, 3), n.key not in self.unread))

    def lines(self) -> list[tuple[Notice, bool]]:
        """What the list shows: overdue and near-due first, each on its line; suggestions of one ``group``
        folded into one line with their count (it opens their page), after them; each with whether it is
        unread."""
        return ranked_lines(self.notices(), self.unread)

    # -- polling (the work runs on a DbOp worker) --------------------------------------------------------------

    def poll(self, source: NoticeSource) -> None:
        if self._stopped or source.key in self._busy:
            return  # a slow source is not asked again before it has answered
        self._busy.add(source.key)
        ctx, actor = self.window.ctx, self.actor

        def run(progress: Any) -> tuple[list[Notice], set[str]]:
            from station.core import notices as core

            with ctx.read() as session:
                found = core.for_actor(loaded(source.poll)(session, actor) or [], actor)
                fresh = core.unseen(session, actor.name, [n.key for n in found])
            return found, fresh

        DbOp(
            self.button,
            run,
            on_done=lambda result: self._polled(source, *result),
            on_error=lambda exc: self._failed(source, exc),
        ).start()

    def _failed(self, source: NoticeSource, exc: BaseException) -> None:
        self._busy.discard(source.key)
        log.error(
            "notice source %s of plugin %s failed: %s",
            source.key,
            source.plugin,
            getattr(exc, "station_traceback", repr(exc)),
        )

    def _polled(self, source: NoticeSource, found: list[Notice], fresh: set[str]) -> None:
        self._busy.discard(source.key)
        if self._stopped:
            return
        new = [n for n in found if n.key in fresh and n.key not in self._announced]
        self.current[source.key] = found
        held = {n.key for n in self.notices()}
        self.unread = {key for key in self.unread if key in held} | {n.key for n in new}
        self.button.set_unread(len(self.unread))
        if new:
            self._announce(new)
        self.changed.emit()

    def _announce(self, new: list[Notice]) -> None:
        self._announced.update(n.key for n in new)
        urgent = sorted((n for n in new if n.level in ("warning", "critical")), key=lambda n: LEVEL_ORDER[n.level])
        if urgent:
            self.popup.show_notices(urgent)
        ctx, actor, at = self.window.ctx, self.actor, dt.datetime.now(dt.UTC)
        keys = [n.key for n in new]

        def remember(progress: Any) -> None:  # holds no Qt object: it runs on a worker
            from station.core import notices as core

            with ctx.work(actor) as work:
                core.mark_seen(work.session, actor.name, keys, at)

        DbOp(self.button, remember, on_error=lambda exc: log.error("notices not remembered: %s", exc)).start()

    # -- the list ---------------------------------------------------------------------------------------------

    def _fill_menu(self) -> None:
        menu = self.button.menu()
        menu.clear()
        notices = self.lines()
        if not notices:
            empty = menu.addAction(self.button.tr("No notices"))
            empty.setEnabled(False)
        for notice, unread in notices:
            marker = {"critical": "● ", "warning": "● ", "info": "○ "}.get(notice.level, "○ ")
            action = menu.addAction(marker + notice.text)
            font = action.font()
            font.setBold(unread)
            action.setFont(font)
            action.setEnabled(bool(notice.page))
            action.triggered.connect(lambda _checked=False, n=notice: self.open_notice(n))
        self.unread.clear()
        self.button.set_unread(0)

    def open_notice(self, notice: Notice) -> bool:
        self.unread.discard(notice.key)
        self.button.set_unread(len(self.unread))
        return self.open(notice.page, notice.target) if notice.page else False

    def open(self, page: str, target: str | None = None) -> bool:
        """Show ``page`` and, when the notice names one, the very case, claim or licence on it."""
        if self._stopped or not shiboken6.isValid(self.window):
            return False
        if not self.window.show_page(page):
            return False
        widget = self.window.page_widget(page)
        opener = getattr(widget, "open_target", None)
        if target and callable(opener):
            opener(target)
        return True


GROUP_PREFIX = "group:"


def ranked_lines(notices: list[Notice], unread: set[str]) -> list[tuple[Notice, bool]]:
    """``notices`` (already most urgent first) with each ``group`` folded into one line at its first place
    among the grouped, after every notice that stands alone at a higher level."""
    alone = [n for n in notices if not n.group]
    groups: dict[str, list[Notice]] = {}
    for n in notices:
        if n.group:
            groups.setdefault(n.group, []).append(n)
    folded = [
        Notice(
            key=GROUP_PREFIX + sentence,
            text=sentence.replace("%1", str(len(members))) if len(members) > 1 else members[0].text,
            level=min((m.level for m in members), key=lambda level: LEVEL_ORDER.get(level, 3)),
            page=members[0].page,
            target=None if len(members) > 1 else members[0].target,
        )
        for sentence, members in groups.items()
    ]
    fresh = {GROUP_PREFIX + s for s, members in groups.items() if any(m.key in unread for m in members)} | unread
    ordered = sorted(alone + folded, key=lambda n: (LEVEL_ORDER.get(n.level, 3), n.key.startswith(GROUP_PREFIX)))
    return [(n, n.key in fresh) for n in ordered]
