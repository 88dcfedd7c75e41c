"""Hooks the licences plugin offers other plugins (registered through ``register_hookspecs``).

Another plugin implements them with ``@hookimpl(optionalhook=True)`` and reads what it receives by attribute;
it never imports this module (plugins do not import each other)."""

from __future__ import annotations

from dataclasses import dataclass

from station.api import hookspec


@dataclass(frozen=True)
class LicenseIssued:
    """What ``license_did_issue`` receives: a licence (with its permits) was issued or re-issued."""

    license_number: str
    enterprise_uid: str
    uscc: str
    permit_kinds: tuple[str, ...]
    actor: str


@hookspec
def license_did_issue(issued: LicenseIssued) -> None:
    """A licence with its permits was issued or re-issued. Fired after the commit."""
