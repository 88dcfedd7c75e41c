"""The hall's side of the plugin API: its store, publishing rows as the hall's, its web face (see ``station.api``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from station.api._lazy import lazy

if TYPE_CHECKING:  # what a type checker and an editor see; at run time each name loads when first used
    from station.hall import authority as authority
    from station.hall import journal as journal
    from station.hall import sync as sync
    from station.hall import trust as trust
    from station.hall.models import Change as Change
    from station.hall.models import Meta as Meta
    from station.hall.models import Row as Row
    from station.hall.models import UniqueKey as UniqueKey
    from station.hall.store import HallStore as HallStore
    from station.hall.store import default_url as default_url
    from station.hall.sync import HALL_STATION as HALL_STATION
    from station.hall.sync import lock as lock
    from station.hall.sync import publish_rows as publish_rows
    from station.hall.web import rows as rows
    from station.hall.web.site import Operator as Operator
    from station.hall.web.site import Site as Site
    from station.hall.web.site import text as text
    from station.hall.web.site import yuan as yuan

# name -> "module:attribute", or a module's own dotted name: the declared surface, loaded on first use.
EXPORTS: dict[str, str] = {
    "authority": "station.hall.authority",
    "Change": "station.hall.models:Change",
    "default_url": "station.hall.store:default_url",
    "HALL_STATION": "station.hall.sync:HALL_STATION",
    "HallStore": "station.hall.store:HallStore",
    "journal": "station.hall.journal",
    "lock": "station.hall.sync:lock",
    "Meta": "station.hall.models:Meta",
    "Operator": "station.hall.web.site:Operator",
    "publish_rows": "station.hall.sync:publish_rows",
    "Row": "station.hall.models:Row",
    "rows": "station.hall.web.rows",
    "sync": "station.hall.sync",
    "Site": "station.hall.web.site:Site",
    "text": "station.hall.web.site:text",
    "trust": "station.hall.trust",
    "UniqueKey": "station.hall.models:UniqueKey",
    "yuan": "station.hall.web.site:yuan",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy(__name__, EXPORTS)
