"""What every page of the hall's web face shares: templates, the signed-in operator, CSRF, audit, lock-outs.

Sessions live in the hall's database (``hall_web_session``): the cookie carries a random token, the table its
SHA-256 and the session's CSRF token. Every form posts that token back; a form without it is refused with 403.
Forms filled before any session (the sign-in, the enterprise window's lookups) use a double-submit cookie.
"""

# No ``from __future__ import annotations``: FastAPI reads the dependency annotations at run time.
import datetime as dt
import hashlib
import hmac
import json
import logging
import re
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from sqlalchemy import delete
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile

from station.contributions import HallPage, SyncedTable, loaded
from station.core.clock import local_text
from station.core.db import utcnow
from station.errors import PermissionDenied, UserError
from station.hall import journal, throttle
from station.hall.models import User, WebSession
from station.hall.store import HallStore
from station.hall.users import ROLES, SUPERVISOR

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
SESSION_COOKIE = "hall_session"
FORM_COOKIE = "hall_form"  # the CSRF token of forms filled before any session (sign-in, lookups)
SESSION_TTL = dt.timedelta(hours=8)
MAX_FIELD = 2000  # characters in any one form field; a longer one is refused, never cut short silently

# C0 and C1 controls and lone surrogates; invalid UTF-8 in a multipart field reaches us as Latin-1 with C1s.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

SIGN_IN = throttle.Rule("登录", 5, dt.timedelta(minutes=15), dt.timedelta(minutes=15))
LOOKUP = throttle.Rule("查询", 10, dt.timedelta(minutes=15), dt.timedelta(minutes=15))


class SignInNeeded(Exception):
    """No valid session: the console answers with the sign-in page."""


class Forbidden(PermissionDenied):
    """A form without its CSRF token, or an act the operator's role does not allow: answered with 403."""


@dataclass(frozen=True)
class Operator:
    username: str
    display_name: str
    role: str
    csrf: str

    @property
    def supervisor(self) -> bool:
        return self.role == SUPERVISOR

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Site:
    """Handed to every page's ``routes(web)``: the hall's store, its synced tables and the shared helpers."""

    def __init__(self, store: HallStore, tables: Mapping[str, SyncedTable], host: Any, pages: Sequence[HallPage]):
        self.store, self.tables, self.host, self.pages = store, tables, host, pages
        folders = [TEMPLATES, *(p.templates for p in pages if p.templates is not None)]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(f) for f in folders]),
            autoescape=True,  # every value a page shows is escaped, whoever wrote it
            undefined=jinja2.StrictUndefined,
        )
        self.env.filters["local"] = lambda value: local_text(value) if value else "—"
        self.env.filters["yuan"] = yuan
        self.labels: dict[str, dict[str, str]] = {}
        for page in pages:
            for table, names in page.labels.items():
                self.labels.setdefault(table, {}).update(names)
        self.formatters = [loaded(p.values) for p in pages if p.values is not None]

    def shown(self, table: str, field: str, value: Any) -> str:
        """A stored value of a synced table as a clerk reads it: as its plugin words it, times in local time,
        yes and no; otherwise as stored (JSON for what is not text)."""
        if value is None:
            return "—"
        for formatter in self.formatters:
            try:
                found = formatter(table, field, value)
            except Exception:  # a plugin's formatter that fails shows the stored value, never breaks the page
                log.exception("the hall page formatter of %s failed on %s.%s", table, table, field)
                found = None
            if found is not None:
                return found
        if isinstance(value, bool):
            return "是" if value else "否"
        if field.endswith("_at") and isinstance(value, str):  # every *_at of a synced row is a UTC time
            from station.hall.web.rows import when

            at = when(value)
            return local_text(at) if at else value
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    # -- the database ---------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self.store.session() as db, db.begin():
            yield db

    # -- pages ----------------------------------------------------------------------------------

    def nav(self, area: str) -> list[tuple[str, str]]:
        """(address, title) of the area's pages, the console's own first."""
        prefix = "/console" if area == "console" else "/e"
        plugins = [(f"{prefix}/{p.key}", p.title) for p in self.pages if p.area == area and p.routes is not None]
        if area != "console":
            return plugins
        return [("/console/stations", "服务站"), ("/console/review", "待审核"), *plugins,
                ("/console/figures", "园区数据"), ("/console/events", "操作记录")]  # fmt: skip

    def render(self, request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        operator = getattr(request.state, "operator", None)
        html = self.env.get_template(template).render(
            request=request,
            operator=operator,
            console_nav=self.nav("console"),
            window_nav=self.nav("window"),
            path=request.url.path,
            **{"title": "", **values},
        )
        return HTMLResponse(html, status_code=status)

    def error(self, request: Request, message: str, status: int) -> HTMLResponse:
        window = request.url.path.startswith("/e")
        return self.render(request, "error.html", status=status, message=message, window=window, title="出错了")

    def form_page(self, request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        """A page with a form filled before any session: its CSRF token (``csrf``) is also set as a cookie."""
        token = request.cookies.get(FORM_COOKIE, "")
        if not 20 <= len(token) <= 100:
            token = secrets.token_urlsafe(32)
        response = self.render(request, template, status=status, csrf=token, **values)
        response.set_cookie(FORM_COOKIE, token, httponly=True, samesite="strict", path="/")
        return response

    # -- who is signed in -------------------------------------------------------------------------

    def operator(self, request: Request) -> Operator:
        """The signed-in operator (a FastAPI dependency); ``SignInNeeded`` otherwise."""
        token = request.cookies.get(SESSION_COOKIE, "")
        if not token or len(token) > 100:
            raise SignInNeeded
        with self.session() as db:
            found = db.get(WebSession, _hash(token))
            user = db.get(User, found.username) if found is not None else None
            if found is None or found.expires_at < utcnow() or user is None or not user.active:
                raise SignInNeeded
            operator = Operator(user.username, user.display_name, user.role, found.csrf)
        request.state.operator = operator
        return operator

    def supervisor(self, request: Request) -> Operator:
        """The signed-in operator if a supervisor (a FastAPI dependency); 403 otherwise."""
        operator = self.operator(request)
        if not operator.supervisor:
            raise Forbidden("这项操作只有服务大厅的主管可以做。请请主管登录后处理。")
        return operator

    def open_session(self, db: Session, user: User) -> str:
        token = secrets.token_urlsafe(32)
        db.execute(delete(WebSession).where(WebSession.expires_at < utcnow()))
        db.add(
            WebSession(
                token_hash=_hash(token),
                username=user.username,
                csrf=secrets.token_urlsafe(32),
                expires_at=utcnow() + SESSION_TTL,
            )
        )
        return token

    def close_session(self, request: Request) -> None:
        token = request.cookies.get(SESSION_COOKIE, "")
        if token:
            with self.session() as db:
                db.execute(delete(WebSession).where(WebSession.token_hash == _hash(token[:100])))

    # -- forms ----------------------------------------------------------------------------------

    async def form(self, request: Request, operator: Operator | None = None) -> FormData:
        """The posted form, once its CSRF token matches the session's (or, before sign-in, the sign-in
        cookie's); ``Forbidden`` otherwise. Every text field is at most ``MAX_FIELD`` characters."""
        form = await request.form()
        sent = form.get("csrf")
        expected = operator.csrf if operator is not None else request.cookies.get(FORM_COOKIE, "")
        if not isinstance(sent, str) or not expected or not hmac.compare_digest(sent, expected):
            raise Forbidden("表单已过期或来源不明。请回到上一页刷新后重新提交。")
        for _name, value in form.multi_items():
            if isinstance(value, UploadFile):
                continue
            if len(value) > MAX_FIELD:
                raise UserError(f"填写的内容过长（每项不超过 {MAX_FIELD} 字）。请删减后重新提交。")
            if _UNPRINTABLE.search(value):  # a NUL would stop PostgreSQL; no person types these
                raise UserError("填写的内容含有无法识别的字符。请删去后重新提交。")
        return form

    # -- audit and lock-outs --------------------------------------------------------------------

    def audit(self, db: Session, request: Request, actor: str, action: str, subject: str, text: str) -> None:
        """Keep one sentence of what a person did at the hall, in the caller's transaction."""
        journal.record(db, actor, action, subject, text, source(request))

    def check_lookup(self, request: Request) -> None:
        throttle.check(self.store, LOOKUP, source(request))

    def failed_lookup(self, request: Request) -> None:
        throttle.record(self.store, LOOKUP, source(request))


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def yuan(fen: Any) -> str:
    try:
        value = int(fen)
    except (TypeError, ValueError):
        return "—"
    return f"{value // 100:,}.{value % 100:02d} 元"


def source(request: Request) -> str:
    """Where a request came from (behind a reverse proxy: the proxy; see docs/deploy.md)."""
    return request.client.host if request.client else "unknown"
