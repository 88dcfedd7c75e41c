"""Administrative divisions (GB/T 2260): the table of codes and names, and whether an address lies in one.

The table ships as ``resources/divisions/gbt2260.csv`` (provinces, prefecture-level cities and county-level
divisions; see the README beside it for where it comes from). A newly issued credit code carries the
division of the registration authority, so it must be in the current table and agree with the address.
"""

from __future__ import annotations

import csv
from functools import cache

from station.paths import resource

NATIONAL = "100000"  # the national registration authorities (e.g. 国家市场监督管理总局)
SHORTEST_NAME = 3  # two-character names (东区, 城区, 郊区) occur inside street names: not matched


@cache
def table() -> dict[str, str]:
    with resource("divisions", "gbt2260.csv").open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh)}


def name(code: str) -> str | None:
    """The division's full name with its province and city, e.g. 湖南省株洲市天元区; None if unknown."""
    if code == NATIONAL:
        return "全国"
    names = table()
    if code not in names:
        return None
    parts = [names[a] for a in ancestors(code) if a in names]
    return "".join([*parts, names[code]])


def ancestors(code: str) -> list[str]:
    """The province and city codes above ``code`` (those that exist), outermost first."""
    found = []
    if code[2:] != "0000":
        found.append(code[:2] + "0000")
        if code[4:] != "00":
            found.append(code[:4] + "00")
    return [c for c in found if c in table()]


def _related(a: str, b: str) -> bool:
    return a == b or a in ancestors(b) or b in ancestors(a)


def named_in(address: str) -> list[str]:
    """Codes of the divisions whose full name appears in ``address``."""
    return [c for c, n in table().items() if len(n) >= SHORTEST_NAME and n in address]


def problem(division: str, address: str) -> str | None:
    """Why a new credit code's division does not fit, as a sentence; None when it fits the address.

    Fits when the address names no division outside the code's one: a province or city it names must
    contain (or lie in) the code's division, and a county it names must lie in it. An address that names
    no division at all (a park's own building names) cannot contradict it.
    """
    if division == NATIONAL:
        return None
    full = name(division)
    if full is None:
        return "统一社会信用代码第3至8位的行政区划在现行《中华人民共和国行政区划代码》中找不到，请对照营业执照核对。"
    named = named_in(address)
    upper = [c for c in named if c.endswith("00")]
    county = [c for c in named if not c.endswith("00")]
    wrong_upper = [c for c in upper if not _related(c, division)]
    wrong_county = county and not any(c == division or division in ancestors(c) for c in county)
    if wrong_upper or wrong_county:
        return f"统一社会信用代码表明登记机关在{full}，与住所“{address}”不符，请核对代码或住所。"
    return None


# What names of places end with, longest first; "株洲市" is written "株洲" at the start of a company name.
PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "县", "区", "盟", "旗")


@cache
def _short_names() -> frozenset[str]:
    found = set()
    for full in table().values():
        found.add(full)
        for suffix in PLACE_SUFFIXES:
            if full.endswith(suffix) and len(full) - len(suffix) >= 2:
                found.add(full[: -len(suffix)])
                break
    return frozenset(found)


def without_places(name: str) -> str:
    """``name`` without the place names it starts with (湖南株洲天元某某科技有限公司 → 某某科技有限公司), as a
    company name carries its registration area first; the longest known name wins at each step."""
    names = _short_names()
    longest = max(map(len, names))
    changed = True
    while changed:
        changed = False
        for size in range(min(longest, len(name) - 1), 1, -1):
            if name[:size] in names:
                name, changed = name[size:], True
                break
    return name
