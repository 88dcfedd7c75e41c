"""The agencies plugin in the hall's web face: the public marketplace (中介服务网上展示: the park's agencies by
service type with this year's stars) in the enterprise window, and the same stars on the console's park
figures page. From the agencies and ratings every station synced (set-aside ratings left out). No Qt."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from station.api import HallFigure, HallPage, local, utcnow
from station.api.hall import Site, rows

TEMPLATES = Path(__file__).parent / "hall_templates"


def pages() -> list[HallPage]:
    return [
        HallPage("market", "中介超市", area="window", routes=routes, templates=TEMPLATES, figures=figures, order=60)
    ]


def evaluation(db: Any) -> tuple[int, Any]:
    """This year (Asia/Shanghai) and its star evaluation of every rated agency."""
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
    return year, evaluate(points, Period.parse(str(year)), catalogue.load().rules)


def figures(db: Any) -> list[HallFigure]:
    year, result = evaluation(db)
    names = {uid: str(d.get("name") or "") for uid, d, _ in rows.live(db, "agencies_agency")}
    table = [
        (names.get(a.agency_uid, "（未同步的机构）"), stars_text(a.stars), f"{a.score:.2f}", str(a.count))
        for a in result.ranked()
    ]
    note = "按本年度各服务站同步来的五维评价（质量、时效、态度、收费、规范）计算，撤销的评价不计；不足三条的暂无星级。"
    return [HallFigure(f"中介机构星级（{year} 年度）", ("机构", "星级", "综合得分", "评价数"), table, note)]


def stars_text(stars: int | None) -> str:
    return "暂无星级" if stars is None else ("★" * stars or "未达一星")


def market(db: Any) -> list[dict[str, Any]]:
    """The active agencies under each service type, best rated first."""
    from station_agencies import catalogue

    year, result = evaluation(db)
    services = catalogue.load().services
    listed: dict[str, list[dict[str, Any]]] = {code: [] for code in services}
    for uid, a, _ in rows.live(db, "agencies_agency"):
        if a.get("status") != "active":
            continue
        rated = result.agencies.get(uid)
        entry = {
            "name": a.get("name") or "",
            "contact": a.get("contact_person") or "",
            "phone": a.get("contact_phone") or "",
            "address": a.get("address") or "",
            "stars": stars_text(rated.stars if rated else None),
            "score": rated.score if rated and rated.stars is not None else -1.0,
            "count": rated.count if rated else 0,
        }
        for code in str(a.get("services") or "").split(","):
            if code in listed:
                listed[code].append(entry)
    return [
        {"name": services[code].name, "note": services[code].note, "year": year,
         "agencies": sorted(found, key=lambda e: (-e["score"], e["name"]))}
        for code, found in listed.items()
        if found
    ]  # fmt: skip


def routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("")
    def listing(request: Request) -> HTMLResponse:
        with site.session() as db:
            found = market(db)
        return site.render(request, "agencies_market.html", title="中介超市", services=found)

    return router
