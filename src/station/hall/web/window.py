"""The enterprise window's front page: what an enterprise can look up here, each a plugin's page."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from station.hall.web.site import Site


def routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/")
    def front(request: Request) -> HTMLResponse:
        return site.render(request, "window_front.html", title="企业服务窗口")

    return router
