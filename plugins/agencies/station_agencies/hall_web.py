"""The agencies plugin's table on the hall console's park figures page: this year's star ratings of the
marketplace's agencies, from the ratings every station synced (set-aside ratings left out). No Qt."""

from __future__ import annotations

from typing import Any

from station.contributions import HallFigure, HallPage
from station.core.clock import local
from station.core.db import utcnow
from station.hall.web import rows


def pages() -> list[HallPage]:
    return [HallPage("agencies", "中介超市", figures=figures, order=60)]


def figures(db: Any) -> list[HallFigure]:
    from station_agencies import catalogue
    from station_agencies.stars import DIMENSIONS, Period, RatingPoint, evaluate, quarter_index

    points = []
    for _, r, _ in rows.live(db, "agencies_rating"):
        at = rows.when(r.get("rated_at"))
        if at is None or r.get("set_aside"):
            continue
        try:
            scores = {d: int(r[d]) for d in DIMENSIONS}
        except (KeyError, TypeError, ValueError):
            continue  # a rating without all five scores is not counted
        shown = local(at)
        points.append(RatingPoint(str(r.get("agency_uid")), quarter_index(shown.year, shown.month), scores))
    year = local(utcnow()).year
    result = evaluate(points, Period.parse(str(year)), catalogue.load().rules)
    names = {uid: str(d.get("name") or "") for uid, d, _ in rows.live(db, "agencies_agency")}
    table = [
        (names.get(a.agency_uid, "（未同步的机构）"), stars_text(a.stars), f"{a.score:.2f}", str(a.count))
        for a in result.ranked()
    ]
    note = "按本年度各服务站同步来的五维评价计算（质量、时效、态度、收费、规范），已撤销的评价不计入。"
    return [HallFigure(f"中介机构星级（{year} 年度）", ("机构", "星级", "综合得分", "评价数"), table, note)]


def stars_text(stars: int | None) -> str:
    return "评价数不足，暂不评星" if stars is None else ("★" * stars or "未达一星")
