"""The screen turned to the enterprise (好差评 评价器): a second window the clerk opens on a second monitor
or a tablet, where the applicant rates the station's service on the five national grades.

Preview alone: ``python -m station_startup.ui.rating_screen`` (a made-up case, nothing is saved).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_startup.ratings import GRADES, STAGES

if TYPE_CHECKING:  # pragma: no cover
    from station.api import StationContext

# The national 好差评 colours: the good grades green, the middle one amber, the bad ones red.
GRADE_COLOUR = {5: "#2e7d32", 4: "#558b2f", 3: "#a86f00", 2: "#e65100", 1: "#c62828"}
THANKS_MS = 4000  # how long the thanks stay before the screen closes


class RatingScreen(QWidget):
    """Rates one case: the reached points not yet rated, a grade, an optional comment."""

    rated = Signal()

    def __init__(
        self,
        number: str,
        enterprise_name: str,
        stages: list[str],
        submit: Callable[[str, int, str, Callable[[str], None]], None],
    ) -> None:
        # no parent: a window of its own that can sit on another screen while the clerk works on
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("rating_screen")
        self.setWindowTitle(self.tr("Rate our service"))
        self._submit = submit
        big = QFont()
        big.setPointSize(20)
        title = QLabel(self.tr("Please rate our service"))
        title.setFont(big)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        case = QLabel(self.tr("Case %1　%2").replace("%1", number).replace("%2", enterprise_name))
        case.setAlignment(Qt.AlignmentFlag.AlignCenter)
        case.setWordWrap(True)
        self.stage = QComboBox()
        self.stage.setObjectName("rating_stage")
        for code in stages:
            self.stage.addItem(STAGES[code], code)
        self.stage.setCurrentIndex(len(stages) - 1)  # the latest point
        stage_row = QHBoxLayout()
        stage_row.addStretch(1)
        stage_row.addWidget(QLabel(self.tr("Which part of the service:")))
        stage_row.addWidget(self.stage)
        stage_row.addStretch(1)

        self.grades = QButtonGroup(self)
        grade_row = QHBoxLayout()
        label_font = QFont()
        label_font.setPointSize(14)
        for grade, name in GRADES.items():
            button = QPushButton(name)
            button.setObjectName(f"grade_{grade}")
            button.setCheckable(True)
            button.setFont(label_font)
            button.setMinimumSize(150, 90)
            colour = GRADE_COLOUR[grade]
            button.setStyleSheet(
                f"QPushButton {{ border: 2px solid {colour}; border-radius: 8px; color: {colour}; }}"
                f"QPushButton:checked {{ background: {colour}; color: white; }}"
            )
            self.grades.addButton(button, grade)
            grade_row.addWidget(button)
        self.grades.idToggled.connect(lambda *_: self._update())
        self.comment = QLineEdit()
        self.comment.setObjectName("rating_comment")
        self.comment.setMaxLength(500)
        self.comment.setPlaceholderText(self.tr("Anything to tell us (optional)"))
        self.send = QPushButton(self.tr("Submit rating"))
        self.send.setObjectName("rating_submit")
        self.send.setFont(label_font)
        self.send.setMinimumHeight(60)
        self.send.clicked.connect(self._send)
        self.message = QLabel()
        self.message.setObjectName("rating_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFont(label_font)
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.addWidget(title)
        layout.addWidget(case)
        layout.addLayout(stage_row)
        layout.addSpacing(20)
        layout.addLayout(grade_row)
        layout.addSpacing(10)
        layout.addWidget(self.comment)
        layout.addWidget(self.send)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.resize(900, 520)
        if not stages:
            self.message.setText(self.tr("Every part of this case has been rated. Thank you!"))
        self._update()

    def place(self) -> None:
        """On the second screen (the one turned to the enterprise) when there is one, filling it."""
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].availableGeometry())
            self.showMaximized()
        else:
            self.show()
        self.raise_()

    def _update(self) -> None:
        self.send.setEnabled(self.grades.checkedId() in GRADES and self.stage.count() > 0)

    def _send(self) -> None:
        grade = self.grades.checkedId()
        if grade not in GRADES:
            return
        self.send.setEnabled(False)
        self._submit(str(self.stage.currentData()), grade, self.comment.text(), self._done)

    def _done(self, problem: str) -> None:
        """Called with "" when the rating was recorded, else with the sentence that says why not."""
        if problem:
            self.message.setText(problem)
            self._update()
            return
        self.message.setText(self.tr("Thank you for your rating!"))
        for button in self.grades.buttons():
            button.setEnabled(False)
        self.comment.setEnabled(False)
        self.rated.emit()
        QTimer.singleShot(THANKS_MS, self.close)


def open_for_case(
    ctx: StationContext, actor: Any, summary: dict[str, Any], clock: Callable[[], Any], on_rated: Callable[[], None]
) -> Any:
    """Open the screen for the case in ``summary``; the rating is recorded off the UI thread at ``clock()``."""
    from station.api import UserError
    from station.api.ui import DbOp
    from station_startup import ratings

    rated = {r["stage"] for r in summary.get("ratings", ())}
    reached = ["apply", "accept", "complete"] if summary["status"] == "closed" else ["apply", "accept"]
    stages = [s for s in reached if s not in rated]
    uid, station_code = summary["uid"], ctx.settings.station_code

    def submit(stage: str, grade: int, comment: str, done: Callable[[str], None]) -> None:
        def run(progress: Any) -> None:
            with ctx.work(actor) as work:
                ratings.rate(work, uid, grade, stage=stage, comment=comment, station_code=station_code, now=clock())

        def failed(exc: BaseException) -> None:
            done(exc.message if isinstance(exc, UserError) else screen.tr("The rating could not be saved."))

        DbOp(screen, run, on_done=lambda _: done(""), on_error=failed).start()

    screen = RatingScreen(summary["number"], summary["enterprise_name"], stages, submit)
    screen.rated.connect(on_rated)
    screen.place()
    return screen


if __name__ == "__main__":  # pragma: no cover - a preview for the eye
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    demo = RatingScreen(
        "ZZ01-KB20261123-0001", "株洲华鑫新材料有限公司", ["apply", "accept"], lambda s, g, c, done: done("")
    )
    demo.show()
    sys.exit(app.exec())
