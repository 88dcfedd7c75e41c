"""What plugins contribute through the ``register_*`` hooks. Light on purpose: no Qt, no SQLAlchemy.

Each contribution is a frozen dataclass; the plugin host fills in ``plugin`` with the contributing
plugin's name so the shell can say where a page or a figure came from.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    from station.core.work import Work


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without importing Qt; the shell translates it."""
    return text


@dataclass(frozen=True)
class Page:
    """A page in the main window's navigation.

    ``factory(shell)`` builds the widget the first time the page is shown; import Qt modules inside
    the factory so the first screen does not pay for pages nobody opened yet.
    """

    key: str
    title: str  # English source text, translated through Qt's "Navigation" context
    factory: Callable[[Any], Any]
    order: int = 100
    permission: str | None = None
    icon: str | None = None
    plugin: str = ""


@dataclass(frozen=True)
class MigrationBranch:
    """An Alembic version directory holding one branch, labelled ``label``."""

    label: str
    directory: Path
    plugin: str = ""


@dataclass(frozen=True)
class Permission:
    """A permission code such as ``enterprise.edit`` and the roles that hold it by default."""

    code: str
    label: str  # Chinese, shown to administrators
    roles: tuple[str, ...] = ("admin",)
    plugin: str = ""


@dataclass(frozen=True)
class DemoData:
    """Fills a fresh station with demo data. ``fill(work, rng)`` runs inside one transaction."""

    name: str
    fill: Callable[[Work, Any], str]  # returns a one-line summary, e.g. "2400 家企业"
    order: int = 100
    plugin: str = ""


@dataclass(frozen=True)
class CliCommand:
    """A ``station`` subcommand. ``configure`` adds arguments; ``run(args, ctx)`` returns the exit code."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Any], int]
    plugin: str = ""


@dataclass(frozen=True)
class DashboardFigure:
    """One figure on the dashboard. ``compute(session)`` runs off the UI thread and returns the text."""

    key: str
    title: str  # Chinese
    compute: Callable[[Any], str]
    order: int = 100
    plugin: str = ""


@dataclass(frozen=True)
class SyncedTable:
    """A table whose rows sync between stations and the hall.

    Rows are keyed by ``uid`` (a UUID made where the row was first entered) and carry ``version``.
    ``fields`` are the columns that travel. ``rule`` says what happens to a change made on a stale
    version: ``"lww"`` applies the fields it changed over the newer row (field-level last writer wins,
    for harmless fields); ``"review"`` applies nothing and keeps both versions for a person to decide.
    """

    name: str
    fields: tuple[str, ...]
    rule: str = "lww"
    plugin: str = ""


@dataclass(frozen=True)
class EnterpriseChange:
    """What ``enterprise_did_change`` receives, after the change is committed."""

    enterprise_id: int
    uid: str
    uscc: str
    change: str  # "created", "updated" or "imported"
    actor: str
    changed_fields: tuple[str, ...] = field(default_factory=tuple)
