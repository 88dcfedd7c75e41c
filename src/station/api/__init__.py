"""The plugin API: the one place a plugin imports the station from.

A plugin's modules import ``station.api`` (the core: hooks, contributions, the station context, work and
audit, the registry, clock, calendar, printing, signing and trust), ``station.api.ui`` (Qt building blocks
for pages and dialogs) and ``station.api.hall`` (the hall's side: its store, publishing rows, its web
pages), and nothing else of ``station``; a test fails when one does. Names load on first use, so importing
this module costs the first screen nothing. Documented in ``docs/plugins.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from station.api._lazy import lazy

if TYPE_CHECKING:  # what a type checker and an editor see; at run time each name loads when first used
    from station.contributions import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP
    from station.contributions import AuditWording as AuditWording
    from station.contributions import CliCommand as CliCommand
    from station.contributions import DashboardFigure as DashboardFigure
    from station.contributions import DemoData as DemoData
    from station.contributions import EnterpriseChange as EnterpriseChange
    from station.contributions import HallBatch as HallBatch
    from station.contributions import HallFigure as HallFigure
    from station.contributions import HallPage as HallPage
    from station.contributions import MigrationBranch as MigrationBranch
    from station.contributions import Notice as Notice
    from station.contributions import NoticeSource as NoticeSource
    from station.contributions import Page as Page
    from station.contributions import Permission as Permission
    from station.contributions import SyncedTable as SyncedTable
    from station.core import csv_safe as csv_safe
    from station.core import demo as demo
    from station.core import divisions as divisions
    from station.core import enrolment as enrolment
    from station.core import enterprises as enterprises
    from station.core import identity as identity
    from station.core import meta as meta
    from station.core import people as people
    from station.core import printing as printing
    from station.core import registry_queries as registry_queries
    from station.core import signing as signing
    from station.core import station_key as station_key
    from station.core import trust as trust
    from station.core import uscc as uscc
    from station.core import workcalendar as workcalendar
    from station.core.audit_text import enterprise_name as enterprise_name
    from station.core.clock import SHANGHAI as SHANGHAI
    from station.core.clock import local as local
    from station.core.clock import local_text as local_text
    from station.core.clock import today as today
    from station.core.context import StationContext as StationContext
    from station.core.db import Base as Base
    from station.core.db import UTCDateTime as UTCDateTime
    from station.core.db import utcnow as utcnow
    from station.core.enterprise_fields import STAGES as STAGES
    from station.core.enterprise_fields import parse_capital as parse_capital
    from station.core.enterprise_import import read_table as read_table
    from station.core.enterprise_import import stored_rows as stored_rows
    from station.core.enterprises import Enterprise as Enterprise
    from station.core.identity import User as User
    from station.core.roles import Actor as Actor
    from station.core.roles import require as require
    from station.core.sync.values import value_problem as value_problem
    from station.core.work import Work as Work
    from station.errors import UserError as UserError
    from station.errors import ValidationError as ValidationError
    from station.hookspecs import hookimpl as hookimpl
    from station.hookspecs import hookspec as hookspec
    from station.plugins import calling as calling
    from station.plugins import contributions_from as contributions_from
    from station.settings import Settings as Settings

# name -> "module:attribute", or a module's own dotted name: the declared surface, loaded on first use.
EXPORTS: dict[str, str] = {
    "Actor": "station.core.roles:Actor",
    "AuditWording": "station.contributions:AuditWording",
    "Base": "station.core.db:Base",
    "calling": "station.plugins:calling",
    "value_problem": "station.core.sync.values:value_problem",
    "contributions_from": "station.plugins:contributions_from",
    "CliCommand": "station.contributions:CliCommand",
    "csv_safe": "station.core.csv_safe",
    "DashboardFigure": "station.contributions:DashboardFigure",
    "demo": "station.core.demo",
    "DemoData": "station.contributions:DemoData",
    "divisions": "station.core.divisions",
    "enrolment": "station.core.enrolment",
    "Enterprise": "station.core.enterprises:Enterprise",
    "enterprise_name": "station.core.audit_text:enterprise_name",
    "EnterpriseChange": "station.contributions:EnterpriseChange",
    "enterprises": "station.core.enterprises",
    "HallBatch": "station.contributions:HallBatch",
    "HallFigure": "station.contributions:HallFigure",
    "HallPage": "station.contributions:HallPage",
    "hookimpl": "station.hookspecs:hookimpl",
    "hookspec": "station.hookspecs:hookspec",
    "identity": "station.core.identity",
    "local": "station.core.clock:local",
    "local_text": "station.core.clock:local_text",
    "today": "station.core.clock:today",
    "meta": "station.core.meta",
    "MigrationBranch": "station.contributions:MigrationBranch",
    "Notice": "station.contributions:Notice",
    "NoticeSource": "station.contributions:NoticeSource",
    "Page": "station.contributions:Page",
    "parse_capital": "station.core.enterprise_fields:parse_capital",
    "people": "station.core.people",
    "Permission": "station.contributions:Permission",
    "printing": "station.core.printing",
    "QT_TRANSLATE_NOOP": "station.contributions:QT_TRANSLATE_NOOP",
    "read_table": "station.core.enterprise_import:read_table",
    "registry_queries": "station.core.registry_queries",
    "require": "station.core.roles:require",
    "Settings": "station.settings:Settings",
    "SHANGHAI": "station.core.clock:SHANGHAI",
    "signing": "station.core.signing",
    "STAGES": "station.core.enterprise_fields:STAGES",
    "station_key": "station.core.station_key",
    "StationContext": "station.core.context:StationContext",
    "stored_rows": "station.core.enterprise_import:stored_rows",
    "SyncedTable": "station.contributions:SyncedTable",
    "trust": "station.core.trust",
    "uscc": "station.core.uscc",
    "User": "station.core.identity:User",
    "UserError": "station.errors:UserError",
    "UTCDateTime": "station.core.db:UTCDateTime",
    "utcnow": "station.core.db:utcnow",
    "ValidationError": "station.errors:ValidationError",
    "Work": "station.core.work:Work",
    "workcalendar": "station.core.workcalendar",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy(__name__, EXPORTS)
