"""Shared by the licence benchmarks: realistic signed licences (three permits, long Chinese names)."""

from __future__ import annotations

import datetime as dt
import random

import common  # noqa: F401 - puts src/ on the path
from station.core import signing

NAMES = ["郑州航空港经济综合实验区", "杭州市临平区", "株洲市天元区", "沈抚示范区"]
TRADES = ["豫发食品药品连锁经营管理", "鲜丰餐饮管理", "康宁大药房连锁", "润和生物医药科技"]


def sheets(n: int, seed: int = 7):  # -> list[LicenceSheet]
    from station_licenses.documents import LicenceSheet, PermitLine

    rng = random.Random(seed)
    key = signing.new_private_key()
    now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.UTC)
    out = []
    for i in range(n):
        name = f"{rng.choice(NAMES)}{rng.choice(TRADES)}有限公司第{i + 1}分公司"
        uscc = f"91410100MA{rng.randrange(10**7):07d}X"
        number = f"ST01-2026-{i + 1:06d}"
        permits = [
            ("SPJY", "食品经营许可证", f"JY141017300{i:05d}", "市场监督管理局", 22000),
            ("YPJY", "药品经营许可证（零售）", f"豫AA37{i:05d}", "药品监督管理局", 21800),
            ("GGWS", "公共场所卫生许可证", f"豫卫公证字〔2026〕第{i:06d}号", "卫生健康委员会", 21500),
        ]
        claims = {
            1: number, 2: uscc, 3: name, 4: [[k, num, d] for k, _, num, _, d in permits],
            5: int(now.timestamp()), 6: 21500, 7: "ST01",
        }  # fmt: skip
        payload = signing.encode(claims, key)
        lines = tuple(
            PermitLine(k, nm, num, dept, (dt.date(1970, 1, 1) + dt.timedelta(days=d)).isoformat())
            for k, nm, num, dept, d in permits
        )
        out.append(LicenceSheet(number, uscc, name, "ST01", "航空港区企业服务站", now, "2028-11-13", payload, lines))
    return out, key
