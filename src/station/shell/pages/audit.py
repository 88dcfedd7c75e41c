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
            [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Subject"), self.tr("Change")]
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

            from station.core.audit import AuditEntry

            query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(SHOWN)
            if needle:
                like = f"%{needle}%"
                query = query.where(
                    or_(AuditEntry.actor.like(like), AuditEntry.action.like(like), AuditEntry.subject_id.like(like))
                )
            with self.ctx.read() as session:
                return [
                    (
                        str(e.id),
                        local_text(e.at),
                        e.actor,
                        e.action,
                        f"{e.subject_type} {e.subject_id}",
                        _change_text(e.before, e.after),
                    )
                    for e in session.scalars(query)
                ]

        def show(rows: list[tuple[str, ...]]) -> None:
            self.table.setRowCount(len(rows))
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    self.table.setItem(i, j, QTableWidgetItem(value))
            self.table.resizeColumnsToContents()

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


def _change_text(before: str | None, after: str | None) -> str:
    if before and after:
        return f"{before} → {after}"
    return after or before or ""


if __name__ == "__main__":  # pragma: no cover
    import sys

    from station.shell.preview import preview_page

    preview_page("audit", sys.argv[1] if len(sys.argv) > 1 else None)
