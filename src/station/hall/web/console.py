"""The console's own pages: sign-in, stations (enrol, revoke), the review queue, the park figures, the log."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import io
import logging
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy import select

from station.contributions import HallFigure, loaded
from station.core.db import utcnow
from station.errors import UserError
from station.hall import events, review, stations, throttle, trust, users
from station.hall.models import Event, Station
from station.hall.web.site import SESSION_COOKIE, SESSION_TTL, SIGN_IN, Operator, Site, source, text

log = logging.getLogger(__name__)


def qr_svg(data: str) -> Markup:
    """``data`` as an inline SVG QR code (escaped text in, markup of our own making out)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    return Markup(svg[svg.index("<svg") :])  # without the XML declaration


def station_rows(db: Any) -> list[dict[str, Any]]:
    now = utcnow()
    keys: dict[str, str] = {}
    try:
        for key in trust.current_keys(db):
            ended = key.valid_to <= now
            if not ended or key.station_code not in keys:
                keys[key.station_code] = "已失效" if ended else "已认证"
    except (UserError, ValueError):  # signing.DecodeError: a list the hall cannot open; the page still shows
        log.exception("the hall's station-key list could not be read")
        keys = {}
    rows = []
    for s in db.scalars(select(Station).order_by(Station.code)):
        if s.revoked_at is not None:
            state = "已停用"
        elif s.enrolled_at is not None:
            state = "在用"
        elif s.token_expires_at is not None and s.token_expires_at > now:
            state = "等待登记"
        else:
            state = "登记码已过期"
        rows.append({"s": s, "state": state, "key": keys.get(s.code, "未认证")})
    return rows


def routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    Signed = Annotated[Operator, Depends(site.operator)]
    Supervisor = Annotated[Operator, Depends(site.supervisor)]

    @router.get("")
    @router.get("/")
    def home(operator: Signed) -> RedirectResponse:
        return RedirectResponse("/console/stations", status_code=303)

    # -- signing in and out -------------------------------------------------------------------

    def signin_page(request: Request, message: str = "", status: int = 200, username: str = "") -> HTMLResponse:
        return site.form_page(request, "signin.html", title="登录", status=status, message=message, username=username)

    @router.get("/signin")
    def signin_form(request: Request) -> HTMLResponse:
        return signin_page(request)

    @router.post("/signin")
    async def signin(request: Request) -> Response:
        form = await site.form(request)
        username = text(form, "username")[:40]
        # Per address and name: a guesser at one name does not lock out the whole park's NAT.
        key = f"{source(request)}/{username.lower()}"
        try:
            throttle.check(site.store, SIGN_IN, key)
        except throttle.TooMany as exc:
            return signin_page(request, exc.message, 429, username)
        try:
            with site.session() as db:
                user = users.check(db, username, str(form.get("password") or ""))
                token = site.open_session(db, user)
                site.audit(db, request, user.username, "signin", user.username, f"{user.display_name} 登录了控制台。")
        except users.WrongSignIn as exc:
            throttle.record(site.store, SIGN_IN, key)
            return signin_page(request, exc.message, 401, username)
        response = RedirectResponse("/console/stations", status_code=303)
        secure = request.url.scheme == "https"
        response.set_cookie(
            SESSION_COOKIE, token, max_age=int(SESSION_TTL.total_seconds()), httponly=True, samesite="strict",
            secure=secure, path="/",
        )  # fmt: skip
        return response

    @router.post("/signout")
    async def signout(request: Request, operator: Signed) -> RedirectResponse:
        await site.form(request, operator)
        with site.session() as db:
            text_ = f"{operator.display_name} 退出了控制台。"
            site.audit(db, request, operator.username, "signout", operator.username, text_)
        site.close_session(request)
        response = RedirectResponse("/console/signin", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # -- stations -------------------------------------------------------------------------------

    @router.get("/stations")
    def station_list(request: Request, operator: Signed) -> HTMLResponse:
        with site.session() as db:
            rows = station_rows(db)
        return site.render(request, "stations.html", rows=rows, title="服务站")

    @router.post("/stations")
    async def add_station(request: Request, operator: Signed) -> HTMLResponse:
        form = await site.form(request, operator)
        code, name = text(form, "code").upper(), text(form, "name")
        with site.session() as db:
            token = stations.add_station(db, code, name)
            site.audit(db, request, operator.username, "station.add", code,
                       f"{operator.display_name} 为服务站“{name}”生成了一次性登记码。")  # fmt: skip
        hall_url = str(request.base_url).rstrip("/")
        return site.render(
            request, "station_token.html", title="登记码", code=code, name=name, token=token, hall_url=hall_url,
            qr=qr_svg(token), hours=int(stations.TOKEN_TTL.total_seconds() // 3600),
        )  # fmt: skip

    @router.post("/stations/{code}/revoke")
    async def revoke_station(request: Request, code: str, operator: Supervisor) -> RedirectResponse:
        form = await site.form(request, operator)
        reason = text(form, "reason")
        if not reason:
            raise UserError("请写明停用服务站的原因，它会记入服务大厅的操作记录。")
        with site.session() as db:
            station, ended = stations.retire(db, site.tables, code[:20])
            keys = "，它的签名密钥同时失效" if ended else ""
            site.audit(db, request, operator.username, "station.revoke", station.code,
                       f"{operator.display_name} 停用了服务站“{station.name}”{keys}。原因：{reason}")  # fmt: skip
        return RedirectResponse("/console/stations", status_code=303)

    # -- the review queue -------------------------------------------------------------------------

    @router.get("/review")
    def review_list(request: Request, operator: Signed, all: int = 0) -> HTMLResponse:
        with site.session() as db:
            waiting = review.waiting(db, include_decided=bool(all))
            items = [
                side_by_side(review.as_dict(c), site.labels.get(c.table_name, {}), partial(site.shown, c.table_name))
                for c in waiting
            ]
            names = {s.code: s.name for s in db.scalars(select(Station))}
        return site.render(request, "review.html", title="待审核", items=items, names=names, show_all=bool(all))

    @router.post("/review/{conflict_id}")
    async def decide(request: Request, conflict_id: int, operator: Supervisor) -> RedirectResponse:
        form = await site.form(request, operator)
        decision = text(form, "decision")
        if decision not in ("apply", "dismiss"):
            raise UserError("请选择采纳还是驳回这次改动。")
        note = text(form, "reason")
        with site.session() as db:
            conflict = review.decide(
                db, site.tables, conflict_id, apply=decision == "apply", by=operator.username, note=note,
                after_apply=events.announce(site.host, db, site.tables),
            )  # fmt: skip
            verb = "采纳" if decision == "apply" else "驳回"
            said = f"{operator.display_name} {verb}了服务站 {conflict.station} 的一次改动。理由：{note}"
            site.audit(db, request, operator.username, f"review.{decision}", str(conflict.id), said)
        return RedirectResponse("/console/review", status_code=303)

    # -- figures and the log --------------------------------------------------------------------

    @router.get("/figures")
    def figures(request: Request, operator: Signed) -> HTMLResponse:
        found: list[HallFigure] = []
        with site.session() as db:
            for page in site.pages:
                if page.figures is not None:
                    found += loaded(page.figures)(db)
        return site.render(request, "figures.html", title="园区数据", figures=found)

    @router.get("/events")
    def event_log(request: Request, operator: Signed) -> HTMLResponse:
        with site.session() as db:
            found = list(db.scalars(select(Event).order_by(Event.id.desc()).limit(300)))
        return site.render(request, "events.html", title="操作记录", events=found)

    return router


def side_by_side(item: dict[str, Any], labels: dict[str, str], shown: Callable[[str, Any], str]) -> dict[str, Any]:
    """A review item with its comparison: the fields where the station's value and the hall's differ, then
    the rest; each named as its plugin names it (the field's own name otherwise, and in a tooltip), each value
    as ``shown(field, value)`` words it."""
    theirs, ours = item["theirs"] or {}, item["ours"] or {}
    changed = set(item["fields"])
    names = [f for f in dict.fromkeys((*ours, *theirs)) if f not in ("updated_at", "updated_by")]
    rows = [
        {"field": name, "label": labels.get(name, name), "theirs": shown(name, theirs.get(name)),
         "ours": shown(name, ours.get(name)), "differs": name in changed or theirs.get(name) != ours.get(name)}
        for name in names
    ]  # fmt: skip
    return {
        **item,
        "what": labels.get("", "记录"),
        "differing": [r for r in rows if r["differs"]],
        "same": [r for r in rows if not r["differs"]],
    }
