"""The licence list as a lazy table model: ids only, rows fetched a page at a time off the UI thread."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from station.api import QT_TRANSLATE_NOOP
from station.api.ui import Fetch, LazyTableModel, Submit

COLUMNS = [
    ("number", QT_TRANSLATE_NOOP("LicenseTableModel", "Licence number")),
    ("name", QT_TRANSLATE_NOOP("LicenseTableModel", "Enterprise")),
    ("uscc", QT_TRANSLATE_NOOP("LicenseTableModel", "Credit code")),
    ("permits", QT_TRANSLATE_NOOP("LicenseTableModel", "Permits")),
    ("expires_on", QT_TRANSLATE_NOOP("LicenseTableModel", "Valid until")),
    ("status", QT_TRANSLATE_NOOP("LicenseTableModel", "Status")),
    ("station", QT_TRANSLATE_NOOP("LicenseTableModel", "Issued by")),
]
STATUS = {
    "valid": QT_TRANSLATE_NOOP("LicenseTableModel", "Valid"),
    "revoked": QT_TRANSLATE_NOOP("LicenseTableModel", "Revoked"),
}


def fetch_rows(session: Any, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The rows for ``ids`` in column order (runs on a worker)."""
    import json

    from station_licenses import catalogue, services

    out = {}
    for lic_id, lic in services.licenses_for(session, ids).items():
        kinds = "、".join(catalogue.name_of(k) for k, _, _ in json.loads(lic.permits))
        out[lic_id] = (
            lic.number, lic.name, lic.uscc, kinds, lic.expires_on.isoformat(), lic.status, lic.station_code,
        )  # fmt: skip
    return out


class LicenseTableModel(LazyTableModel):
    """The licences list: ids, rows a page at a time (``station.shell.lazy_table``); a licence that is not
    valid any more shows in red."""

    def __init__(self, fetch: Fetch, submit: Submit, parent: QObject | None = None) -> None:
        super().__init__(
            [QCoreApplication.translate("LicenseTableModel", text) for _, text in COLUMNS],
            fetch,
            submit,
            _render,
            foreground=_foreground,
            parent=parent,
        )

    set_ids = LazyTableModel.set_keys
    id_at = LazyTableModel.key_at


_STATUS_COLUMN = [key for key, _ in COLUMNS].index("status")


def _render(column: int, value: Any) -> str:
    if column == _STATUS_COLUMN:
        return QCoreApplication.translate("LicenseTableModel", STATUS.get(value, value))
    return "" if value is None else str(value)


def _foreground(column: int, row: tuple[Any, ...]) -> QColor | None:
    return QColor("#b3261e") if column == _STATUS_COLUMN and row[_STATUS_COLUMN] != "valid" else None
