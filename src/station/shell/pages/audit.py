"""The audit log page: the newest entries, a filter, and a check of the hash chain.

Preview alone: ``python -m station.shell.pages.audit [DATA_DIR]``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.core.clock import local_text
from station.shell.dbop import DbOp
from station.shell.widgets import page_title

SHOWN = 500


class AuditPage(QWidget):
    def __init__(self, shell: Any) -> None:
        super().__init__()
        self.shell = shell
        self.ctx = shell.ctx
        title = page_title(self.tr("Audit log"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by user, action or subject"))
        self.filter.returnPressed.connect(self.reload)
        verify = QPushButton(self.tr("Verify the chain"))
        verify.clicked.connect(self.verify)
        head = QHBoxLayout()
        head.addWidget(self.filter, 1)
        head.addWidget(verify)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Time"), self.tr("Who"), self.tr("Did"), self.tr("Subject"), self.tr("Change")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(head)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        needle = self.filter.text().strip()

        def load(progress: Any) -> list[tuple[str, ...]]:
            from sqlalchemy import or_, select

            from station.contributions import AuditWording
            from station.core import identity
            from station.core.audit import AuditEntry
            from station.core.audit_text import AuditWords

            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(SHOWN)
            if needle:
                like = f"%{needle}%"
                query = query.where(
                    or_(AuditEntry.actor.like(like), AuditEntry.action.like(like), AuditEntry.subject_id.like(like))
                )
            with self.ctx.read() as session:
                entries = list(session.scalars(query))
                people = identity.display_names(session, {e.actor for e in entries} | {e.subject_id for e in entries})
                words = AuditWords(self.ctx.host.collect("register_audit_wordings", AuditWording), people)
                rows: list[tuple[str, ...]] = []
                for e in entries:
                    line = words.line(session, e)
                    rows.append((str(e.id), local_text(e.at), line.who, line.what, line.subject, line.change))
                return rows

        def show(rows: list[tuple[str, ...]]) -> None:
            self.table.setRowCount(len(rows))
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    item = QTableWidgetItem(value)
                    item.setToolTip(value)
                    self.table.setItem(i, j, item)
            self.table.resizeColumnsToContents()
            for column in (4, 5):  # a long subject or change is cut; its tooltip has it whole
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), 420))

        DbOp(self, load, on_done=show).start()

    def verify(self) -> None:
        def run(progress: Any) -> Any:
            from station.core import audit

            with self.ctx.read() as session:
                return audit.verify(session)

        def show(verdict: Any) -> None:
            if verdict.ok:
                QMessageBox.information(
                    self, self.tr("Audit log"), self.tr("All %1 entries are intact.").replace("%1", str(verdict.count))
                )
            else:
                QMessageBox.critical(self, self.tr("Audit log"), "\n".join(verdict.problems))

        DbOp(self, run, on_done=show, label=self.tr("Verifying the audit log…")).start()


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.shell.preview import preview_page

    preview_page("audit", sys.argv[1] if len(sys.argv) > 1 else None)
