"""What the screens call the catalogue's service types and rating dimensions, and the agencies' and
commissions' states.

The catalogue (``catalogue.yaml``) and the services name them in Chinese for the papers, the hall and the
command line; on screen they go through this plugin's translation like every other word, keyed by their
code, so English mode reads English. A service type a park added has no entry here and shows the
catalogue's own name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station.api import QT_TRANSLATE_NOOP

CONTEXT = "AgencyNames"
SERVICES = {
    "cost": QT_TRANSLATE_NOOP("AgencyNames", "Construction cost consulting"),
    "appraisal": QT_TRANSLATE_NOOP("AgencyNames", "Asset appraisal"),
    "audit": QT_TRANSLATE_NOOP("AgencyNames", "Audit"),
    "eia": QT_TRANSLATE_NOOP("AgencyNames", "Environmental impact assessment"),
    "safety": QT_TRANSLATE_NOOP("AgencyNames", "Safety assessment"),
    "survey": QT_TRANSLATE_NOOP("AgencyNames", "Surveying and mapping"),
    "supervision": QT_TRANSLATE_NOOP("AgencyNames", "Construction supervision"),
    "legal": QT_TRANSLATE_NOOP("AgencyNames", "Legal services"),
    "tax": QT_TRANSLATE_NOOP("AgencyNames", "Tax agency"),
    "energy": QT_TRANSLATE_NOOP("AgencyNames", "Energy-saving assessment"),
    "soil": QT_TRANSLATE_NOOP("AgencyNames", "Soil and water conservation plan"),
    "design": QT_TRANSLATE_NOOP("AgencyNames", "Engineering design"),
}
DIMENSIONS = {
    "quality": QT_TRANSLATE_NOOP("AgencyNames", "Quality of service"),
    "timeliness": QT_TRANSLATE_NOOP("AgencyNames", "Timeliness"),
    "attitude": QT_TRANSLATE_NOOP("AgencyNames", "Attitude"),
    "fees": QT_TRANSLATE_NOOP("AgencyNames", "Fees"),
    "compliance": QT_TRANSLATE_NOOP("AgencyNames", "Compliance with the rules"),
}
STATUSES = {
    "active": QT_TRANSLATE_NOOP("AgencyNames", "In good standing"),
    "suspended": QT_TRANSLATE_NOOP("AgencyNames", "Suspended"),
    "blacklisted": QT_TRANSLATE_NOOP("AgencyNames", "Blacklisted"),
}
COMMISSION_STATUSES = {
    "assigned": QT_TRANSLATE_NOOP("AgencyNames", "Agency chosen"),
    "accepted": QT_TRANSLATE_NOOP("AgencyNames", "Accepted by the agency"),
    "delivered": QT_TRANSLATE_NOOP("AgencyNames", "Work delivered"),
    "completed": QT_TRANSLATE_NOOP("AgencyNames", "Completion confirmed by the enterprise"),
    "cancelled": QT_TRANSLATE_NOOP("AgencyNames", "Cancelled"),
}


def _name(table: dict[str, str], code: str, fallback: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else fallback


def service(code: str, fallback: str) -> str:
    return _name(SERVICES, code, fallback)


def dimension(code: str, fallback: str) -> str:
    return _name(DIMENSIONS, code, fallback)


def status(code: str) -> str:
    from station_agencies import services

    return _name(STATUSES, code, services.STATUSES.get(code, code))


def commission_status(code: str) -> str:
    from station_agencies import services

    return _name(COMMISSION_STATUSES, code, services.COMMISSION_STATUSES.get(code, code))
