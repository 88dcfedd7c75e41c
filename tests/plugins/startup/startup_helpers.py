"""Helpers for the startup tests: Shanghai times and a complete application."""

from __future__ import annotations

import datetime as dt
from typing import Any

from station.core.clock import SHANGHAI


def at(text: str) -> dt.datetime:
    """Shanghai wall-clock text to a UTC instant."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(dt.UTC)


def issued(seed: int = 1, division: str = "430211") -> str:
    """A credit code as the registration authority would issue it for the application's address (株洲天元区)."""
    import random

    from station.core import uscc

    return uscc.generate(random.Random(seed), division)


def application(name: str = "株洲华鑫新材料有限公司", **extra: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "case_type": "limited_company",
        "enterprise_name": name,
        "legal_rep": "王建国",
        "registered_capital": "500",
        "business_scope": "新材料技术研发；电子专用材料制造；电子专用材料销售。",
        "address": "株洲市栗雨路88号",
        "contact_phone": "13807330001",
        "shareholders": [
            {"name": "王建国", "id_number": "430211198001010011", "capital": "300"},
            {"name": "李秀兰", "id_number": "430211198502020022", "capital": "200"},
        ],
        "papers": {"identity": "received", "premises": "received", "appointment": "received"},
    }
    raw.update(extra)
    return raw
