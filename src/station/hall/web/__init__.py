"""The hall's web face, served by the hall's own process: the operators' console under ``/console`` and the
public enterprise window under ``/e``. Server-rendered Jinja2 pages; every asset is served from ``/static``.

Plugins add pages with the ``register_hall_pages`` hook (``station.contributions.HallPage``).
"""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from station.contributions import HallPage, SyncedTable, loaded
from station.hall.store import HallStore
from station.hall.web import console, window
from station.hall.web.site import SignInNeeded, Site

STATIC = Path(__file__).parent / "static"
PREFIXES = {"console": "/console", "window": "/e"}

# A page's scripts and styles come from the hall only; no frames, no inline script.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def is_page(request: Request) -> bool:
    path = request.url.path
    return any(path == p or path.startswith(p + "/") for p in PREFIXES.values())


def mount(app: FastAPI, store: HallStore, tables: Mapping[str, SyncedTable], host: Any) -> Site:
    pages = sorted(host.collect("register_hall_pages", HallPage), key=lambda p: (p.order, p.key))
    site = Site(store, tables, host, pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(console.routes(site), prefix="/console")
    app.include_router(window.routes(site), prefix="/e")
    signed_in = [Depends(site.operator)]  # every console page, whatever its plugin's routes ask for
    for page in pages:
        if page.routes is not None:
            app.include_router(
                loaded(page.routes)(site),
                prefix=f"{PREFIXES[page.area]}/{page.key}",
                dependencies=signed_in if page.area == "console" else [],
            )

    @app.exception_handler(SignInNeeded)
    async def sign_in(request: Request, exc: SignInNeeded) -> Response:
        return RedirectResponse("/console/signin", status_code=303)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        if is_page(request) or request.url.path.startswith("/static/"):
            for name, value in SECURITY_HEADERS.items():
                response.headers.setdefault(name, value)
            if is_page(request):
                response.headers.setdefault("cache-control", "no-store")
        return response

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/e/", status_code=303)

    return site
