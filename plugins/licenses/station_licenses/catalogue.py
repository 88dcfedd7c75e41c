"""The catalogue of permit kinds, shipped as YAML beside this module (a park may edit its copy)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOGUE = Path(__file__).with_name("permit_kinds.yaml")
FILING_YEARS = 5  # a filing (备案) has no expiry of its own; a licence of filings only is signed this long
NO_EXPIRY = "长期有效（备案）"


def last_day(start: dt.date, years: int) -> dt.date:
    """The last day of ``years`` years that begin on ``start``."""
    try:
        return start.replace(year=start.year + years) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


@dataclass(frozen=True)
class PermitKind:
    code: str
    name: str
    department: str
    years: int
    note: str = ""

    @property
    def is_filing(self) -> bool:
        """A filing (备案) carries no expiry date."""
        return self.years == 0

    def default_expiry(self, issued_on: dt.date) -> dt.date:
        """The last day of a permit issued on ``issued_on``: the longest validity the kind allows."""
        return last_day(issued_on, self.years or FILING_YEARS)

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


def expiry_text(day: dt.date | str | None) -> str:
    """A permit's expiry as a clerk reads it; a filing has none."""
    if day is None or day == "":
        return NO_EXPIRY
    return day if isinstance(day, str) else day.isoformat()


def name_of(code: str) -> str:
    found = kind(code)
    return found.name if found else code
