"""The catalogue of permit kinds, shipped as YAML beside this module (a park may edit its copy)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOGUE = Path(__file__).with_name("permit_kinds.yaml")
FILING_YEARS = 5  # a filing (备案) has no expiry of its own; the licence carries it this long


@dataclass(frozen=True)
class PermitKind:
    code: str
    name: str
    department: str
    years: int
    note: str = ""

    def default_expiry(self, issued_on: dt.date) -> dt.date:
        years = self.years or FILING_YEARS
        try:
            return issued_on.replace(year=issued_on.year + years) - dt.timedelta(days=1)
        except ValueError:  # 29 February
            return issued_on.replace(year=issued_on.year + years, day=28)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "department": self.department,
            "years": self.years,
            "note": self.note,
        }


@cache
def kinds() -> dict[str, PermitKind]:
    import yaml

    items = yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))
    return {
        str(i["code"]): PermitKind(str(i["code"]), i["name"], i["department"], int(i["years"]), i.get("note", ""))
        for i in items
    }


def kind(code: str) -> PermitKind | None:
    return kinds().get(code.strip().upper())


def name_of(code: str) -> str:
    found = kind(code)
    return found.name if found else code
