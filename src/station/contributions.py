"""What plugins contribute through the ``register_*`` hooks. Light on purpose: no Qt, no SQLAlchemy.

Each contribution is a frozen dataclass; the plugin host fills in ``plugin`` with the contributing
plugin's name so the shell can say where a page or a figure came from.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # pragma: no cover - typing only
    from station.core.work import Work


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without importing Qt; the shell translates it."""
    return text


R = TypeVar("R")
# A contribution's code may be named instead of given: "station_policy.ui.page:PolicyPage" is imported the
# first time it is called, so a plugin's entry point stays light without a shim per page or command.
REF = re.compile(r"[A-Za-z_][\w.]*:[A-Za-z_][\w.]*")


def loaded(target: Callable[..., R] | str) -> Callable[..., R]:
    """The callable a contribution names: itself, or what its ``"module:attribute"`` string names, imported."""
    return target if callable(target) else load(target)


@cache
def load(ref: str) -> Any:
    """Import ``"module:attribute"`` (the attribute may be dotted) and return the attribute."""
    module, _, attribute = ref.partition(":")
    found: Any = importlib.import_module(module.strip())
    for part in filter(None, attribute.strip().split(".")):
        found = getattr(found, part)
    return found


def _check_refs(contribution: object) -> None:
    """A misspelt ``"module:attribute"`` is refused when contributed, not when a clerk first opens the page."""
    for f in fields(contribution):  # type: ignore[arg-type]
        value = getattr(contribution, f.name)
        if isinstance(value, str) and f.metadata.get("ref") and not REF.fullmatch(value):
            raise ValueError(f"{f.name} must be a callable or 'module:attribute', not {value!r}")


REF_FIELD = {"ref": True}  # field metadata: a callable, or "module:attribute" naming one


class NamesItsCode:
    """A contribution whose ``REF_FIELD`` fields may name code as "module:attribute", checked when made."""

    def __post_init__(self) -> None:
        _check_refs(self)


@dataclass(frozen=True)
class Page(NamesItsCode):
    """A page in the main window's navigation.

    ``factory(shell)`` builds the widget the first time the page is shown; import Qt modules inside
    the factory so the first screen does not pay for pages nobody opened yet.
    """

    key: str
    title: str  # English source text, translated through Qt's "Navigation" context
    factory: Callable[[Any], Any] | str = field(metadata=REF_FIELD)
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
class DemoData(NamesItsCode):
    """Fills a fresh station with demo data. ``fill(work, rng)`` runs inside one transaction."""

    name: str
    fill: Callable[[Work, Any], str] | str = field(metadata=REF_FIELD)  # returns a summary, e.g. "2400 家企业"
    order: int = 100
    plugin: str = ""


@dataclass(frozen=True)
class CliCommand(NamesItsCode):
    """A ``station`` subcommand. ``configure`` adds arguments; ``run(args, ctx)`` returns the exit code."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None] | str = field(metadata=REF_FIELD)
    run: Callable[[argparse.Namespace, Any], int] | str = field(metadata=REF_FIELD)
    plugin: str = ""
    parent: str | None = None  # "hall": an action of ``station hall`` (run in the hall's data directory)


@dataclass(frozen=True)
class DashboardFigure(NamesItsCode):
    """One figure on the dashboard. ``compute(session)`` runs off the UI thread and returns the text."""

    key: str
    title: str  # English source text, translated through Qt's "Dashboard" context (QT_TRANSLATE_NOOP)
    compute: Callable[[Any], str] | str = field(metadata=REF_FIELD)
    order: int = 100
    plugin: str = ""


@dataclass(frozen=True)
class SyncedTable(NamesItsCode):
    """A table whose rows sync between stations and the hall.

    Rows are keyed by ``uid`` (a UUID made where the row was first entered) and carry ``version``.
    ``fields`` are the columns that travel. ``rule`` says what happens to a change made on a stale
    version: ``"lww"`` applies the fields it changed over the newer row (field-level last writer wins,
    for harmless fields); ``"review"`` applies nothing and keeps both versions for a person to decide.
    """

    name: str
    fields: tuple[str, ...]
    rule: str = "lww"
    # Park-wide unique keys, each a tuple of fields, enforced by the hall over live rows. What happens to a
    # second row with the same key: "reject" sends it back to its station as a conflict to review;
    # "merge" makes it the same row as the first (its uid becomes an alias; fields it filled in win).
    unique: tuple[tuple[str, ...], ...] = ()
    on_duplicate: str = "reject"
    # (column, table) pairs: columns that hold the uid of a row of another synced table. When rows merge,
    # the hall and the stations rewrite these columns from the old uid to the surviving one.
    refs: tuple[tuple[str, str], ...] = ()
    # Who may change a row once the hall holds it, enforced at the hall (a station is trusted with its own
    # work, not the park's). "any": every station (conflicts by ``rule``); "owner": only the station that
    # created the row, another's change waits at the hall for a person; "append": never changed by sync once
    # written, except the ``amend`` fields by the creating station (payouts, ratings, draws, history);
    # "hall": only the hall publishes it (catalogues, trust lists).
    write: str = "any"
    # Who may delete a row: "owner" (the creating station) or "none" (no station, by sync). "append" and
    # "hall" tables are never deleted by a station whatever this says.
    delete: str = "owner"
    # For "append" tables: fields the creating station may still change (setting an abusive rating aside).
    amend: tuple[str, ...] = ()
    # How a clerk reads a row where it is shown out of its page (the sync conflicts): what the row is (English
    # source text, QT_TRANSLATE_NOOP("SyncedTables", ...)), its columns in words as (field, English source)
    # pairs in the same context, and ``describe(session, row)``: the row as a clerk knows it ("claim
    # ZC-ST01-20250301-0002, 株洲华鑫新材料有限公司"). Without ``describe`` the row is named by its enterprise
    # and the first of its number, name, title or code (station.core.sync.describe).
    label: str = ""
    field_labels: tuple[tuple[str, str], ...] = ()
    describe: Callable[[Any, Mapping[str, Any]], str] | str | None = field(default=None, metadata=REF_FIELD)
    plugin: str = ""

    @cached_property
    def field_set(self) -> frozenset[str]:
        return frozenset(self.fields)

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.write not in WRITE_POLICIES:
            raise ValueError(f"{self.name}: write must be one of {WRITE_POLICIES}, not {self.write!r}")
        if self.delete not in ("owner", "none"):
            raise ValueError(f"{self.name}: delete must be 'owner' or 'none', not {self.delete!r}")
        if self.rule not in ("lww", "review"):
            raise ValueError(f"{self.name}: rule must be 'lww' or 'review', not {self.rule!r}")
        unknown = [f for f in self.amend if f not in self.fields]
        if unknown or (self.amend and self.write != "append"):
            raise ValueError(f"{self.name}: amend names fields of an append table only: {unknown or self.amend}")


WRITE_POLICIES = ("any", "owner", "append", "hall")


@dataclass(frozen=True)
class EnterpriseChange:
    """What ``enterprise_did_change`` receives, after the change is committed."""

    enterprise_id: int
    uid: str
    uscc: str
    change: str  # "created", "updated" or "imported"
    actor: str
    changed_fields: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Notice:
    """Something a person should know now (a case turned red, a licence waits to be issued).

    ``key`` is stable, so the shell shows each notice once per person; ``page`` is the page key that
    clicking the notice opens and ``target`` what that page opens there (a case's uid, a claim's number:
    the page's ``open_target``); ``for_user`` limits it to one user name (None: everyone who may see
    ``page``). Suggestions that share a ``group`` ("一照通执照可签发") show as one line with their count
    (``group`` is that line's sentence, with %1 for the count), so they do not bury what is overdue.
    """

    key: str
    text: str  # Chinese sentence
    level: str = "info"  # info | warning | critical
    page: str | None = None
    for_user: str | None = None
    target: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class AuditWording(NamesItsCode):
    """How the audit log words one action for a person: "兑付了政策资金" instead of ``policy.claim.pay``.

    ``what`` is the Chinese verb phrase; ``fields`` labels the keys its before/after carry
    ({"status": "状态"}); ``values`` words coded values of a field ({"status": {"paid": "已兑付"}}).
    ``name_of(session, subject_id)`` may name the subject ("申请 ST01-2026-00001（某公司）") so no uid shows.
    """

    action: str
    what: str
    fields: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    name_of: Callable[[Any, str], str | None] | str | None = field(default=None, metadata=REF_FIELD)
    plugin: str = ""


@dataclass(frozen=True)
class NoticeSource(NamesItsCode):
    """Polled by the shell off the UI thread: ``poll(session, actor)`` returns the notices that hold now."""

    key: str
    poll: Callable[[Any, Any], list[Notice]] | str = field(metadata=REF_FIELD)
    interval_s: int = 60
    permission: str | None = None
    plugin: str = ""


@dataclass(frozen=True)
class HallFigure:
    """One table on the hall console's park figures page: a title, column headings and rows of text."""

    title: str
    columns: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    note: str = ""


@dataclass(frozen=True)
class HallPage(NamesItsCode):
    """A page of the hall's web face (``station.hall.web``), served by the hall process.

    ``area`` is ``"console"`` (the park's operators, signed in; under ``/console/<key>``) or ``"window"`` (the
    public enterprise window; under ``/e/<key>``). ``routes(web)`` returns a FastAPI ``APIRouter`` whose paths
    are relative to that prefix; ``web`` (``station.hall.web.site.Site``) renders templates, checks the
    sign-in, role and CSRF token, and audits. ``templates`` is the folder of the page's Jinja2 templates
    (they extend ``console.html`` or ``window.html``). ``figures(session)`` adds tables to the console's
    park figures page, read from the hall's synced rows; ``labels`` names the plugin's tables and fields in
    the review queue, and ``values(table, field, value)`` shows a stored value there as a clerk reads it
    (a status's name, money in yuan; None leaves it as stored). A page may give only ``figures``, ``labels``
    or ``values``.
    """

    key: str
    title: str
    area: str = "console"
    routes: Callable[[Any], Any] | str | None = field(default=None, metadata=REF_FIELD)
    templates: Path | None = None
    figures: Callable[[Any], list[HallFigure]] | str | None = field(default=None, metadata=REF_FIELD)
    # Names a person reads for the plugin's synced tables and fields, for the review queue:
    # {table: {"": what one row is, field: its name}}.
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    order: int = 100
    plugin: str = ""
    values: Callable[[str, str, Any], str | None] | str | None = field(default=None, metadata=REF_FIELD)


@dataclass(frozen=True)
class HallBatch:
    """What ``hall_did_apply`` receives at the hall, inside the push's transaction.

    ``changes`` are ``(table, uid, data or None if deleted, station code)`` for the rows just applied;
    ``publish(table, [(uid, data or None), ...])`` publishes hall rows in the same transaction
    (``station.hall.sync.publish_rows``); ``session`` is the hall's SQLAlchemy session.
    """

    session: Any
    tables: Any  # Mapping[str, SyncedTable]
    changes: tuple[tuple[str, str, dict[str, Any] | None, str], ...]
    publish: Callable[[str, list[tuple[str, dict[str, Any] | None]]], int]
