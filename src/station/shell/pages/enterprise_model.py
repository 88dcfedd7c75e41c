"""The enterprise list: the station's lazy table model (``station.shell.lazy_table``) over enterprise ids.

A page that is not in the cache is fetched on the thread pool; until it arrives its cells show "…".
Only the pages near what is on screen are kept, so 100,000 enterprises scroll in a few megabytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from station.contributions import QT_TRANSLATE_NOOP
from station.core import enterprise_fields as ent
from station.core import industry
from station.shell.lazy_table import PAGE_SIZE, Fetch, LazyTableModel, Submit

MAX_PAGES = 40  # more than a plugin's list keeps: the registry is scrolled far
__all__ = ["MAX_PAGES", "PAGE_SIZE", "EnterpriseTableModel"]

# (column key, header in English source text)
COLUMNS = [
    ("uscc", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Credit code")),
    ("name", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Enterprise name")),
    ("legal_rep", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Legal representative")),
    ("industry_code", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Industry")),
    ("zone", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Park zone")),
    ("stage", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Stage")),
    ("registered_capital_fen", QT_TRANSLATE_NOOP("EnterpriseTableModel", "Registered capital (10k yuan)")),
]

STAGES = {
    "startup": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Starting up"),
    "construction": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Construction"),
    "operation": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Operating"),
    "change": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Changing"),
    "exit": QT_TRANSLATE_NOOP("EnterpriseTableModel", "Exiting"),
}


def stage_name(code: str) -> str:
    source = STAGES.get(code)
    return QCoreApplication.translate("EnterpriseTableModel", source) if source else ent.STAGES.get(code, code)


class EnterpriseTableModel(LazyTableModel):
    """The registry: ids in, rows a page at a time; the stage and the industry by name, the capital in 万元."""

    def __init__(self, fetch: Fetch, submit: Submit, parent: QObject | None = None) -> None:
        super().__init__(
            [QCoreApplication.translate("EnterpriseTableModel", text) for _, text in COLUMNS],
            fetch,
            submit,
            _render,
            right_aligned=(_CAPITAL,),
            tooltip=_tooltip,
            max_pages=MAX_PAGES,
            parent=parent,
        )

    def set_ids(self, ids: Sequence[int], first_page: dict[int, tuple[Any, ...]] | None = None) -> None:
        """A new list; ``first_page``, the rows of its first page if the caller read them along with the
        ids (one trip to the worker less before the first rows show)."""
        self.set_keys(ids, first_page)

    def id_at(self, row: int) -> int:
        return int(self.key_at(row))


_KEYS = [key for key, _ in COLUMNS]
_CAPITAL, _INDUSTRY, _STAGE = (_KEYS.index(k) for k in ("registered_capital_fen", "industry_code", "stage"))


def _render(column: int, value: Any) -> str:
    if column == _STAGE:
        return stage_name(value)
    if column == _CAPITAL:
        return ent.format_capital(value)
    if column == _INDUSTRY:  # the industry's name; its code and section in the tooltip
        return industry.name(value)
    return "" if value is None else str(value)


def _tooltip(column: int, row: tuple[Any, ...]) -> str | None:
    return industry.label(row[column] or "") if column == _INDUSTRY else None
