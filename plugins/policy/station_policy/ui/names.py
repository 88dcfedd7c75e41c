"""What the screens call a claim's states and steps, a payout's confirmation, and an amount of money.

The services name them in Chinese for the papers, the hall and the command line; on screen they go
through this plugin's translation like every other word, keyed by their code, so English mode reads
English.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from station.api import QT_TRANSLATE_NOOP

CONTEXT = "PolicyNames"
STATUSES = {
    "applied": QT_TRANSLATE_NOOP("PolicyNames", "Applied"),
    "accepted": QT_TRANSLATE_NOOP("PolicyNames", "Accepted"),
    "approved": QT_TRANSLATE_NOOP("PolicyNames", "Passed review"),
    "notice": QT_TRANSLATE_NOOP("PolicyNames", "Under public notice"),
    "paid": QT_TRANSLATE_NOOP("PolicyNames", "Paid"),
    "rejected": QT_TRANSLATE_NOOP("PolicyNames", "Rejected"),
    "withdrawn": QT_TRANSLATE_NOOP("PolicyNames", "Withdrawn"),
}
STEPS = {
    "apply": QT_TRANSLATE_NOOP("PolicyNames", "Apply"),
    "accept": QT_TRANSLATE_NOOP("PolicyNames", "Accept"),
    "review": QT_TRANSLATE_NOOP("PolicyNames", "Review"),
    "notice": QT_TRANSLATE_NOOP("PolicyNames", "Public notice"),
    "pay": QT_TRANSLATE_NOOP("PolicyNames", "Pay"),
    "reject": QT_TRANSLATE_NOOP("PolicyNames", "Reject"),
    "withdraw": QT_TRANSLATE_NOOP("PolicyNames", "Withdraw"),
    "verify": QT_TRANSLATE_NOOP("PolicyNames", "Third-party verification"),
}
ELIGIBILITY = {
    "eligible": QT_TRANSLATE_NOOP("PolicyNames", "Eligible"),
    "unknown": QT_TRANSLATE_NOOP("PolicyNames", "Data missing"),
    "ineligible": QT_TRANSLATE_NOOP("PolicyNames", "Not eligible"),
}
PAYOUT_STATES = {
    "confirmed": QT_TRANSLATE_NOOP("PolicyNames", "Confirmed"),
    "pending": QT_TRANSLATE_NOOP("PolicyNames", "Waiting for the hall's confirmation"),
    "refused": QT_TRANSLATE_NOOP("PolicyNames", "Not accepted by the hall"),
}


def _name(table: dict[str, str], code: str, fallback: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else fallback


def status(code: str) -> str:
    from station_policy.services import STATUSES as CHINESE

    return _name(STATUSES, code, CHINESE.get(code, code))


def step(code: str) -> str:
    from station_policy.services import STEPS as CHINESE

    return _name(STEPS, code, CHINESE.get(code, code))


def eligibility(code: str) -> str:
    from station_policy.catalog import STATUS_LABELS

    return _name(ELIGIBILITY, code, STATUS_LABELS.get(code, code))


def payout_state(code: str) -> str:
    from station_policy.payout_state import LABELS

    return _name(PAYOUT_STATES, code, LABELS.get(code, code))


def money(fen: int | Decimal | None) -> str:
    """Fen as yuan with thousands separators and two decimals, in the screen's language."""
    if fen is None:
        return "—"
    amount = f"{Decimal(fen) / 100:,.2f}"
    return QCoreApplication.translate("PolicyNames", "%1 yuan").replace("%1", amount)
