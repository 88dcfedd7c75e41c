"""Department data and 主动推送 from the window (until now the command line only).

*载入部门数据…*: a department's CSV or XLSX with one of the mappings (the station's own in the data
directory's ``policy-mappings/``, then the shipped ones), loaded as ``station policy facts load`` does; the
outcome and every bad row with its reason are shown, and the bad rows can be saved for the department.
*推送提示…*: for the chosen policy, who qualifies and has not applied; letters (PDF) and the SMS/WeChat
list (CSV) are written and the notices recorded, after a confirm (Cancel is the default).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from station.api import UserError
from station.api.ui import AskDialog, DbOp, confirm


def mappings(data_dir: Path) -> list[tuple[str, str]]:
    """(name, title) of every mapping the station may use, its own first (a name there wins)."""
    import yaml

    from station_policy import intake

    found: dict[str, str] = {}
    for folder in (data_dir / "policy-mappings", intake.shipped_dir()):
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
            if path.stem in found:
                continue
            try:
                doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                title = f"{doc.get('department', '')} · {doc.get('title', path.stem)}"
            except (yaml.YAMLError, UnicodeDecodeError, AttributeError):
                title = f"{path.stem}（格式有误）"
            found[path.stem] = title
    return list(found.items())


class FactsLoadDialog(AskDialog):
    """Choose the file and its mapping; the load runs in the background and reports here."""

    def __init__(self, page: Any) -> None:
        super().__init__(
            page,
            self.tr("Load department data"),
            self.tr(
                "Load a department's file (CSV or XLSX as it exports it) into enterprise data by a mapping. Rows "
                "with a problem load nothing and are listed with their reason; loading the same file again changes "
                "nothing."
            ),
            self.tr("Load"),
        )
        self.page, self.ctx, self.actor = page, page.ctx, page.actor
        self.report: Any = None
        self.file = QLineEdit()
        self.file.setObjectName("facts_file")
        self.file.setPlaceholderText(self.tr("The department's CSV or XLSX file"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_file)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.file, 1)
        row_layout.addWidget(choose)
        self.add_row(self.tr("File"), row)
        self.mapping = QComboBox()
        self.mapping.setObjectName("facts_mapping")
        for name, title in mappings(self.ctx.data_dir):
            self.mapping.addItem(title, name)
        self.add_row(self.tr("Mapping"), self.mapping)
        self.outcome = QLabel()
        self.outcome.setObjectName("facts_outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.bad = QListWidget()
        self.bad.setObjectName("facts_bad_rows")
        self.bad.setVisible(False)
        self.save_bad = QPushButton(self.tr("Save the problem list…"))
        self.save_bad.setObjectName("facts_save_bad")
        self.save_bad.setVisible(False)
        self.save_bad.clicked.connect(self.save_bad_rows)
        for widget in (self.outcome, self.bad, self.save_bad):  # below the rows, above the red line
            self.extra.addWidget(widget)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The department's file"), "", self.tr("Department data (*.csv *.xlsx)")
        )
        if path:
            self.file.setText(path)

    def check(self) -> str | None:
        path = Path(self.file.text().strip())
        if not self.file.text().strip() or not path.is_file():
            return self.tr("Choose the department's file first.")
        if self.mapping.currentData() is None:
            return self.tr("No mapping is available: ask the policy officer for one.")
        return None

    def submit(self) -> None:
        problem = self.check()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self.error.hide()
        self.act_button.setEnabled(False)
        ctx, actor, today = self.ctx, self.actor, self.page.today
        path, name = Path(self.file.text().strip()), self.mapping.currentData()

        def run(progress: Any) -> tuple[Any, int]:
            from station_policy import intake, services

            mapping = intake.load_mapping(name, ctx.data_dir)
            with ctx.work(actor) as work:
                report = intake.load_file(work, path, mapping)
                matched = services.rematch(work, today, report.enterprises)
            return report, matched.enterprises

        def failed(exc: BaseException) -> None:
            self.act_button.setEnabled(True)
            self.error.setText(exc.message if isinstance(exc, UserError) else str(exc))
            self.error.show()

        DbOp(self, run, on_done=self.show_report, on_error=failed, label=self.tr("Loading…")).start()

    def show_report(self, done: tuple[Any, int]) -> None:
        report, rematched = done
        self.report = report
        text = report.summary()
        if report.enterprises:
            text += self.tr(" Policies were matched again for %1 enterprises.").replace("%1", str(rematched))
        self.outcome.setText(text)
        self.bad.clear()
        for b in report.bad:
            self.bad.addItem(
                self.tr("Row %1 (%2): %3").replace("%1", str(b.row)).replace("%2", b.column).replace("%3", b.reason)
            )
        self.bad.setVisible(bool(report.bad))
        self.save_bad.setVisible(bool(report.bad))
        self.act_button.setEnabled(True)
        self.page.reload_policies()
        self.adjustSize()

    def save_bad_rows(self, path: str | None = None) -> Path | None:
        from station_policy import intake

        if self.report is None:
            return None
        target = (
            path
            or QFileDialog.getSaveFileName(
                self, self.tr("Save the problem list"), "问题清单.csv", self.tr("CSV (*.csv)")
            )[0]
        )
        if not target:
            return None
        return intake.write_bad_rows(self.report, Path(target))


class PushDialog(AskDialog):
    """Who qualifies for the chosen policy and has not applied; letters and the list written, then recorded."""

    def __init__(self, page: Any, code: str, title: str, plan: Any) -> None:
        told = plan.skipped_notified
        sentence = (
            self.tr("%1 enterprises qualify for “%2” and have not applied.")
            .replace("%1", str(len(plan.notices)))
            .replace("%2", title)
        )
        if told:
            sentence += self.tr(" %1 more were already told this period and are left out.").replace("%1", str(told))
        super().__init__(page, self.tr("Tell qualifying enterprises"), sentence, self.tr("Write and record…"))
        self.page, self.code, self.title, self.plan = page, code, title, plan
        self.letters = QCheckBox(self.tr("Letters to print (PDF)"))
        self.letters.setObjectName("push_letters")
        self.letters.setChecked(True)
        self.listing = QCheckBox(self.tr("List for SMS or the WeChat account (CSV)"))
        self.listing.setObjectName("push_list")
        self.listing.setChecked(True)
        self.again = QCheckBox(self.tr("Include those already told this period"))
        self.again.setObjectName("push_again")
        self.again.setVisible(bool(told))
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setObjectName("push_folder")
        self.add_row(self.tr("Write"), self.letters)
        self.add_row("", self.listing)
        self.add_row("", self.again)
        self.add_row(self.tr("Into the folder"), self.folder)
        self.written: list[Path] = []

    def check(self) -> str | None:
        if not (self.letters.isChecked() or self.listing.isChecked()):
            return self.tr("Choose the letters, the list or both.")
        if not Path(self.folder.text().strip()).is_dir():
            return self.tr("The folder does not exist: choose an existing one.")
        if not self.plan.notices and not self.again.isChecked():
            return self.tr("Nobody to tell: every qualifying enterprise has applied or was told already.")
        return None

    def paths(self) -> tuple[Path | None, Path | None]:
        folder = Path(self.folder.text().strip())
        stem = f"{self.code}-{self.plan.period}"
        return (
            folder / f"惠企政策申报提示函-{stem}.pdf" if self.letters.isChecked() else None,
            folder / f"推送名单-{stem}.csv" if self.listing.isChecked() else None,
        )


def push_for_policy(page: Any, code: str, title: str) -> None:
    """Plan the push in the background, ask, confirm, then record and write in one transaction."""
    from station_policy import push, services

    ctx, actor, today = page.ctx, page.actor, page.today
    station = ctx.settings.station_name

    def plan(progress: Any, again: bool = False) -> Any:
        with ctx.read() as session:
            return push.plan(session, code, today, station=station, again=again)

    def ask(found: Any) -> None:
        dialog = PushDialog(page, code, title, found)
        page._push_dialog = dialog  # reachable for tests
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        letters, listing = dialog.paths()
        again = dialog.again.isChecked()
        sentence = QCoreApplication.translate(
            "PushDialog",
            "Record the notice of “%1” to the enterprises listed and write the files? It is kept on record.",
        ).replace("%1", title)
        if not confirm(
            page,
            QCoreApplication.translate("PushDialog", "Tell qualifying enterprises"),
            sentence,
            QCoreApplication.translate("PushDialog", "Write and record"),
        ):
            return

        def run(progress: Any) -> list[str]:
            channels = [name for name, given in (("letter", letters), ("list", listing)) if given]
            with ctx.work(actor) as work:
                services.rematch(work, today)  # the list rests on today's data
                fresh = push.plan(work.session, code, today, station=station, again=again)
                push.record(work, fresh, channels)  # recorded first: a failed write rolls it back
                if letters:
                    push.write_letters(letters, fresh, issuer=station)
                if listing:
                    push.write_csv(listing, fresh)
            return [str(p) for p in (letters, listing) if p]

        def done(written: list[str]) -> None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(
                page,
                QCoreApplication.translate("PushDialog", "Tell qualifying enterprises"),
                QCoreApplication.translate("PushDialog", "Recorded. Written:") + "\n" + "\n".join(written),
            )

        DbOp(page, run, on_done=done, label=QCoreApplication.translate("PushDialog", "Writing…")).start()

    DbOp(page, plan, on_done=ask).start()
