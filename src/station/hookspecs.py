"""The hooks the core offers every plugin. They name no business: a plugin that offers a service or an event
to others declares its own hooks (``register_hookspecs``), as pytest's plugins do.

Plugins implement hooks with ``@hookimpl`` from ``station.api``. ``register_*`` hooks receive a ``register``
callback and call it once per contribution; event hooks are named ``<subject>_did_<verb>`` and are
called after the change they announce has been committed. None of these hooks is ``firstresult``:
every implementation is called. Each hook is documented in ``docs/plugins.md``.
"""

from __future__ import annotations

from collections.abc import Callable

import pluggy

from station.contributions import (
    AuditWording,
    CliCommand,
    DashboardFigure,
    DemoData,
    EnterpriseChange,
    HallBatch,
    HallPage,
    MigrationBranch,
    NoticeSource,
    Page,
    Permission,
    SyncedTable,
)

PROJECT = "station"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


# ---------------------------------------------------------------------------------------------
# Contributions: called when the station starts (or when the CLI needs them)
# ---------------------------------------------------------------------------------------------


@hookspec
def register_hookspecs(register: Callable[[object], None]) -> None:
    """Offer other plugins hooks of this plugin's own: ``register(module)`` with a module (or class) of functions
    marked ``@hookspec``. Called once, right after every plugin is loaded and before their hooks are checked,
    so a plugin may implement another's hook whatever the order they load in; mark such an implementation
    ``@hookimpl(optionalhook=True)`` so it is not refused when the offering plugin is switched off."""


@hookspec
def register_pages(register: Callable[[Page], None]) -> None:
    """Contribute pages to the main window's navigation."""


@hookspec
def register_migrations(register: Callable[[MigrationBranch], None]) -> None:
    """Contribute an Alembic branch (a version directory) that creates and upgrades the plugin's tables."""


@hookspec
def register_permissions(register: Callable[[Permission], None]) -> None:
    """Contribute permission codes and the roles that hold them by default."""


@hookspec
def register_demo_data(register: Callable[[DemoData], None]) -> None:
    """Contribute a step that fills a fresh station with realistic demo data (``station demo``)."""


@hookspec
def register_cli_commands(register: Callable[[CliCommand], None]) -> None:
    """Contribute ``station`` subcommands."""


@hookspec
def register_synced_tables(register: Callable[[SyncedTable], None]) -> None:
    """Declare tables whose rows sync with the hall, and the conflict rule of each."""


@hookspec
def register_dashboard_figures(register: Callable[[DashboardFigure], None]) -> None:
    """Contribute figures to the dashboard page."""


@hookspec
def register_audit_wordings(register: Callable[[AuditWording], None]) -> None:
    """Word the audit actions this plugin records, so the audit log reads as sentences."""


@hookspec
def register_notice_sources(register: Callable[[NoticeSource], None]) -> None:
    """Contribute sources of notices the shell polls in the background and shows to the signed-in user."""


# ---------------------------------------------------------------------------------------------
# Events: called after the change has been committed
# ---------------------------------------------------------------------------------------------


@hookspec
def enterprise_did_change(change: EnterpriseChange) -> None:
    """An enterprise in the registry was created, edited or imported."""


# ---------------------------------------------------------------------------------------------
# The hall: called in the hall process (``station hall serve`` loads the same plugins)
# ---------------------------------------------------------------------------------------------


@hookspec
def register_hall_pages(register: Callable[[HallPage], None]) -> None:
    """Contribute pages to the hall's web face: the operators' console, the enterprise window, and tables for
    the park figures page. Called once when the hall starts."""


@hookspec
def hall_did_apply(batch: HallBatch) -> None:
    """The hall applied a station's changes; still inside that push's transaction, so what a plugin
    publishes through ``batch.publish`` commits (or not) together with them."""
