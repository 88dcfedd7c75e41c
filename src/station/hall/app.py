"""The hall's HTTP API (FastAPI). ``/openapi.json`` describes it.

Every call but enrolment and health proves the station with ``Authorization: Bearer CODE:SECRET``.
Bodies are size-limited; malformed or hostile input gets a 4xx with a Chinese sentence, never a 5xx.
"""

# No ``from __future__ import annotations`` here: FastAPI reads the dependency annotations at run time.
import email.message
import json
import logging
from collections.abc import Iterator, Mapping, MutableMapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal

import orjson
from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from station import __version__
from station.contributions import SyncedTable
from station.core import gc_pause
from station.core.sync import values
from station.errors import PermissionDenied, UserError
from station.hall import anchors, authority, events, intake, stations, sync, throttle, trust, web
from station.hall.models import Station
from station.hall.store import HallStore

if TYPE_CHECKING:  # pragma: no cover
    from station.plugins import PluginHost

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 4 * 1024 * 1024
# A push may be larger: the station sends up to ``sync.MAX_OPS`` operations at once, each commit at the hall
# then covering more of them. Said to stations by /v1/health; a hall that says nothing takes 4 MB.
PUSH_MAX_BYTES = 16 * 1024 * 1024
MAX_SEQ = 2**31 - 1  # sequence numbers, versions and ids are 32-bit integers in the hall's database


class BodyLimit:
    """Refuse bodies over ``limit`` bytes (``limits`` for some paths) with 413, whether or not the client
    declared the length.

    The body is read here, whole, before the application sees it: an error raised while the framework
    itself reads a chunked body would reach the client as its own 400."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES, limits: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.default = limit
        self.limits = dict(limits or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope.get("path", ""), self.default)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _too_large(send, limit)
            return
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            seen += len(chunk)
            if seen > limit:
                await _too_large(send, limit)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, replayed = b"".join(chunks), False

        async def replay() -> MutableMapping[str, Any]:
            nonlocal replayed
            if replayed:
                return await receive()  # a disconnect, when the application waits for one
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = JSONResponse({"detail": f"请求内容超过 {limit // 1024 // 1024} MB 的上限。"}, status_code=413).body
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class EnrollRequest(BaseModel):
    token: str = Field(min_length=10, max_length=200)


class EnrollResponse(BaseModel):
    station_code: str
    station_name: str
    secret: str


class StationInfo(BaseModel):
    station_code: str
    station_name: str


class Health(BaseModel):
    status: str
    version: str
    # What one push may carry here; a station talking to a hall that does not say keeps to 1,000 and 4 MB.
    push_max_ops: int = sync.MAX_OPS
    push_max_bytes: int = PUSH_MAX_BYTES


# Integers a station's SQLite can hold: a larger one would stop every station's pull.
Value = str | Annotated[int, Field(ge=-(2**63), le=2**63 - 1)] | float | None


class OpIn(BaseModel):
    seq: int = Field(ge=1, le=MAX_SEQ)
    op_uid: str = Field(min_length=8, max_length=32, pattern=r"^[0-9a-f]+$")
    table: str = Field(min_length=1, max_length=60)
    uid: str = Field(min_length=1, max_length=36)
    base_version: int = Field(ge=0, le=MAX_SEQ)
    op: Literal["upsert", "delete"]
    changed: list[str] = Field(default_factory=list, max_length=200)
    row: dict[str, Value] | None = None
    at: str | None = Field(default=None, max_length=40)


class PushIn(BaseModel):
    ops: list[OpIn] = Field(max_length=sync.MAX_OPS)


class RowOut(BaseModel):
    table: str
    uid: str
    version: int
    data: dict[str, Value] | None = None  # None: deleted (or, answering a station that asked, not given)
    # Asked for with ``X-Push-Answer: differences``: instead of ``data`` for a live row, only the fields the
    # hall holds otherwise than the station sent them (usually ``updated_by``, stamped; often nothing).
    differ: dict[str, Value] | None = None


class PushOut(BaseModel):
    acked_seq: int  # the highest sequence number of this request: for stations of earlier versions
    acked: list[str] = Field(default_factory=list)  # every op uid of this request, taken: forget exactly these
    applied: int
    repeated: int
    conflicts: int
    # The rows this request changed as sent, as the hall now holds them (its version, updated_by stamped):
    # the station writes them and skips them when its pull brings the same versions back.
    rows: list[RowOut] = Field(default_factory=list)
    # To a station that asked for differences: the sequence numbers (first, last) of this request's changes
    # when they are exactly the rows above, so its pull may step past them.
    held: list[int] | None = None


class ChangeOut(BaseModel):
    seq: int
    table: str
    uid: str
    version: int
    deleted: bool
    data: dict[str, Value] | None
    aliases: list[str] = Field(default_factory=list)  # uids the hall merged into this row


class PullOut(BaseModel):
    changes: list[ChangeOut]
    last_seq: int


class ConflictOut(BaseModel):
    id: int
    table: str
    uid: str
    reason: str
    theirs: dict[str, Value] | None
    ours: dict[str, Value] | None
    fields: list[str]
    created_at: str
    hall_row: Literal["row", "none", "deleted", "unknown"] = "row"
    hall_version: int | None = None
    kind: str = "stale"  # see station.hall.models.Conflict
    review: bool = False  # waits at the hall for its supervisor
    hall_data: dict[str, Value] | None = None  # the hall's row now, which a refused station goes back to


class AnchorIn(BaseModel):
    entry_id: int = Field(ge=0, le=MAX_SEQ)
    entry_hash: str = Field(min_length=64, max_length=64, pattern=r"^[0-9a-f]{64}$")


class AnchorOut(BaseModel):
    entry_id: int
    entry_hash: str
    received_at: str
    mismatch: bool = False  # the hall holds another hash for the same entry: the log was rewritten


class ConflictsOut(BaseModel):
    conflicts: list[ConflictOut]


class DigestOut(BaseModel):
    digest: str
    rows: int
    last_seq: int


def create_app(
    store: HallStore, tables: Sequence[SyncedTable] | None = None, host: "PluginHost | None" = None
) -> FastAPI:
    if host is None:
        from station.plugins import load_host

        host = load_host()
    if tables is None:
        tables = host.collect("register_synced_tables", SyncedTable)
    synced = {t.name: t for t in tables}
    with store.session() as db, db.begin():
        if authority.ensure_index(db, synced):
            log.info("park-wide unique keys indexed for %s", ", ".join(t.name for t in tables if t.unique) or "none")

    app = FastAPI(title="Park Service Station — hall", version=__version__)
    app.add_middleware(BodyLimit, limits={"/v1/push": PUSH_MAX_BYTES})

    def session() -> Iterator[Session]:
        with store.session() as s, s.begin():
            yield s

    Db = Annotated[Session, Depends(session)]

    def station(
        db: Db, request: Request, authorization: Annotated[str | None, Header(max_length=300)] = None
    ) -> Station:
        return authenticated(db, request, authorization)

    def authenticated(db: Session, request: Request, authorization: str | None) -> Station:
        # Per address and claimed station: stations behind one park NAT are not locked out by a guesser there
        # aiming at another code.
        claimed = (authorization or "").partition(" ")[2].partition(":")[0][:20]
        source = f"{_source(request)}/{values.printable_key(claimed)}"
        throttle.check(store, throttle.CREDENTIAL, source)
        try:
            caller = stations.from_header(db, authorization)
        except stations.Unauthenticated:
            throttle.record(store, throttle.CREDENTIAL, source)
            raise
        stations.record_call(caller, request.headers.get("x-station-version"), request.headers.get("x-station-pending"))
        return caller

    Caller = Annotated[Station, Depends(station)]

    site = web.mount(app, store, synced, host)

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError) -> Response:
        status = (
            401 if isinstance(exc, stations.Unauthenticated)
            else 403 if isinstance(exc, PermissionDenied)
            else 429 if isinstance(exc, throttle.TooMany)
            else 422 if isinstance(exc, Unprocessable)
            else 400
        )  # fmt: skip
        if web.is_page(request):
            return site.error(request, exc.message, status)
        return JSONResponse({"detail": exc.message}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if web.is_page(request):
            return site.error(request, "填写的内容不完整或格式不对。请回到上一页检查后重新提交。", 422)
        errors = [{"loc": [str(part) for part in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()]
        return JSONResponse({"detail": "请求格式不正确。", "errors": errors[:10]}, status_code=422)

    @app.get("/v1/health")
    def health() -> Health:
        return Health(status="ok", version=__version__)

    @app.post("/v1/enroll")
    def enroll(body: EnrollRequest, request: Request) -> EnrollResponse:
        source = _source(request)
        throttle.check(store, throttle.ENROL, source)
        try:
            with store.session() as db, db.begin():
                done = stations.enroll(db, body.token)
        except UserError:
            throttle.record(store, throttle.ENROL, source)
            raise
        log.info("station %s enrolled from %s", done.station_code, source)
        return EnrollResponse(station_code=done.station_code, station_name=done.station_name, secret=done.secret)

    @app.get("/v1/whoami")
    def whoami(caller: Caller) -> StationInfo:
        return StationInfo(station_code=caller.code, station_name=caller.name)

    def take(ops: list[dict], request: Request, authorization: str | None) -> bytes:
        differences = request.headers.get("x-push-answer") == "differences"
        seqs = [op["seq"] for op in ops]
        if seqs != sorted(set(seqs)):
            raise UserError("推送的操作必须按序号从小到大排列且不重复。")
        with gc_pause.paused(), store.session() as db, db.begin():
            caller = authenticated(db, request, authorization)
            result = sync.push(db, caller, ops, synced, events.announce(host, db, synced))
        # The transaction has committed here: only now is the station told it may forget these operations.
        # Written with orjson, each row's data as the hall stores it (PushOut describes the answer).
        held = {"held": list(result.held)} if differences and result.held is not None else {}
        return orjson.dumps(
            {
                **held,
                "acked_seq": result.acked_seq,
                "acked": result.acked,
                "applied": result.applied,
                "repeated": result.repeated,
                "conflicts": result.conflicts,
                "rows": [
                    {"table": t, "uid": u, "version": v, "differ": differ}
                    if differences and differ is not None
                    else {"table": t, "uid": u, "version": v, "data": orjson.Fragment(d or "null")}
                    for t, u, v, d, differ in result.rows
                ],
            }
        )

    @app.post("/v1/push", response_model=PushOut, openapi_extra={"requestBody": _PUSH_BODY})
    async def push(request: Request, authorization: Annotated[str | None, Header(max_length=300)] = None) -> Response:
        body = await request.body()
        json_body = _is_json(request.headers.get("content-type"))
        ops = intake.fast_ops(body, sync.MAX_OPS) if json_body and body else None
        if ops is None:  # anything unusual is read by the models, as FastAPI would, for the same answers
            ops = [op.model_dump() for op in _validated(body, json_body).ops]
            try:
                values.check_ops(ops)
            except values.BadValue as exc:
                raise Unprocessable(exc.message) from None
        answer = await run_in_threadpool(take, ops, request, authorization)
        return Response(answer, media_type="application/json")

    @app.get("/v1/pull", response_model=PullOut)
    def pull(
        caller: Caller,
        db: Db,
        after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=sync.MAX_PULL)] = 1000,
    ) -> Response:
        # Written from the stored JSON as it is (PullOut describes it): no per-row parse and re-serialise.
        return Response(sync.pull_json(db, after, limit), media_type="application/json")

    @app.get("/v1/conflicts")
    def conflicts(caller: Caller, db: Db, after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0) -> ConflictsOut:
        return ConflictsOut(conflicts=[ConflictOut(**c) for c in sync.conflicts_for(db, caller.code, after, synced)])

    @app.get("/v1/digest")
    def digest(caller: Caller, db: Db) -> DigestOut:
        value, rows = sync.digest(db, synced)
        return DigestOut(digest=value, rows=rows, last_seq=sync.last_seq(db))

    @app.post("/v1/anchor")
    def anchor(body: AnchorIn, caller: Caller, db: Db) -> AnchorOut:
        return AnchorOut(**anchors.receive(db, caller.code, body.entry_id, body.entry_hash))

    @app.get("/v1/anchor")
    def last_anchor(caller: Caller, db: Db) -> AnchorOut | None:
        found = anchors.last(db, caller.code)
        return AnchorOut(**found) if found else None

    # POST /v1/station-key: the hall certifies station signing keys
    trust.add_routes(app, store, synced, lambda db, request, authorization: authenticated(db, request, authorization))
    describe = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = describe()
            pushed = PushIn.model_json_schema(ref_template="#/components/schemas/{model}")
            schema["components"]["schemas"].update({**pushed.pop("$defs", {}), "PushIn": pushed})
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _is_json(content_type: str | None) -> bool:
    """Whether FastAPI would read a body with this content type as JSON (none given: yes)."""
    if not content_type:
        return True
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (subtype == "json" or subtype.endswith("+json"))


def _validated(body: bytes, json_body: bool) -> PushIn:
    """The body read as FastAPI reads a ``PushIn`` parameter: its errors, with their places, are the same."""
    if not body:
        raise RequestValidationError([{"type": "missing", "loc": ("body",), "msg": "Field required", "input": None}])
    received: Any = body
    if json_body:
        try:
            received = json.loads(body)
        except json.JSONDecodeError as exc:
            raise RequestValidationError(
                [{"type": "json_invalid", "loc": ("body", exc.pos), "msg": "JSON decode error", "input": {}}]
            ) from exc
        except ValueError as exc:  # not UTF-8: FastAPI answers 400
            raise HTTPException(status_code=400, detail="There was an error parsing the body") from exc
    try:
        return PushIn.model_validate(received)
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from None


# The body /v1/push takes, for /openapi.json (the endpoint reads its body itself; see intake).
_PUSH_BODY = {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushIn"}}}}


class Unprocessable(UserError):
    """A request well formed but carrying what may not be stored: answered with 422."""


def _source(request: Request) -> str:
    """Where a request came from, for lock-outs and the log (behind a reverse proxy: the proxy; see
    docs/deploy.md)."""
    return request.client.host if request.client else "unknown"
