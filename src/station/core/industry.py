"""Industry codes after GB/T 4754-2017: a section letter (门类), then 2, 3 or 4 digits (大类/中类/小类)."""

from __future__ import annotations

import csv
import functools
import re

SECTIONS = {
    "A": "农、林、牧、渔业",
    "B": "采矿业",
    "C": "制造业",
    "D": "电力、热力、燃气及水生产和供应业",
    "E": "建筑业",
    "F": "批发和零售业",
    "G": "交通运输、仓储和邮政业",
    "H": "住宿和餐饮业",
    "I": "信息传输、软件和信息技术服务业",
    "J": "金融业",
    "K": "房地产业",
    "L": "租赁和商务服务业",
    "M": "科学研究和技术服务业",
    "N": "水利、环境和公共设施管理业",
    "O": "居民服务、修理和其他服务业",
    "P": "教育",
    "Q": "卫生和社会工作",
    "R": "文化、体育和娱乐业",
    "S": "公共管理、社会保障和社会组织",
    "T": "国际组织",
}

# Division (大类) ranges per section, so "C65" is rejected: 65 belongs to section I.
_DIVISIONS = {
    "A": (1, 5),
    "B": (6, 12),
    "C": (13, 43),
    "D": (44, 46),
    "E": (47, 50),
    "F": (51, 52),
    "G": (53, 60),
    "H": (61, 62),
    "I": (63, 65),
    "J": (66, 69),
    "K": (70, 70),
    "L": (71, 72),
    "M": (73, 75),
    "N": (76, 79),
    "O": (80, 82),
    "P": (83, 83),
    "Q": (84, 85),
    "R": (86, 90),
    "S": (91, 96),
    "T": (97, 97),
}

_PATTERN = re.compile(r"^([A-T])(\d{2}(\d{1,2})?)?$")


def problem(code: str) -> str | None:
    """Why ``code`` is not a GB/T 4754 industry code; None if it is (empty is allowed)."""
    code = code.strip().upper()
    if not code:
        return None
    match = _PATTERN.match(code)
    if not match:
        return "行业代码应为门类字母加2至4位数字（如 C3411），请核对。"
    if match.group(2):
        low, high = _DIVISIONS[match.group(1)]
        if not low <= int(match.group(2)[:2]) <= high:
            return f"行业代码“{code}”的大类不属于门类 {match.group(1)}，请核对。"
    return None


def label(code: str) -> str:
    """The code with what it names, for a tooltip: "C3411 通用设备制造业（制造业）"."""
    code = code.strip().upper()
    section = SECTIONS.get(code[:1], "") if code else ""
    division = _divisions().get(code[:3], "") if len(code) >= 3 else ""
    if division and division != section:
        return f"{code} {division}（{section}）"
    return f"{code} {section}".strip()


def name(code: str | None) -> str:
    """What a person reads for an industry code: its division (大类) from the GB/T 4754-2017 table, else
    its section (门类); a code the table does not know shows as it is."""
    code = (code or "").strip().upper()
    if not code:
        return ""
    return _divisions().get(code[:3]) or SECTIONS.get(code[:1]) or code


def choices() -> list[tuple[str, str]]:
    """(code, name) of every section and division, in the table's order, for a picker."""
    divisions = _divisions()
    out: list[tuple[str, str]] = []
    for letter, section in SECTIONS.items():
        out.append((letter, section))
        out += [(code, title) for code, title in divisions.items() if code.startswith(letter)]
    return out


@functools.cache
def _divisions() -> dict[str, str]:
    """The divisions (大类) of GB/T 4754-2017, from the table shipped in resources/industry/."""
    from station import paths

    path = paths.resource("industry", "gbt4754_2017.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle) if len(row["code"]) == 3}
