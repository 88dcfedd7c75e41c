"""``station sync``: push the outbox, then pull the hall's changes, then its conflicts for this station.

Safe to stop at any point and run again: the hall takes each operation once and acknowledges only what
it committed; a pulled page and the cursor past it are applied in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import sqlite3
import ssl
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import orjson

from station import __version__
from station.contributions import SyncedTable
from station.core import enrolment
from station.core.sync import anchors, bulk, digest, outbox, pages, values
from station.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from station.core.context import StationContext

PUSH_FIRST = 1000  # operations in a push's first request; each next one doubles, up to the hall's limit
# Answers forgotten and written back in one station transaction. Each commit writes out every page of the
# outbox's and the tables' indexes that the batch's random uids touched: most of them, at every request.
# The transaction holds the write lock, so it also ends after a few seconds: a clerk's save waits at most
# that long (the application waits up to 10 s for the lock).
ACK_TXN_OPS = 10_000
ACK_TXN_S = 2.0
PULL_PAGE = 2000
TIMEOUT_S = 60

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PushLimits:
    """What one request to the hall's /v1/push may carry: operations, and bytes of body."""

    ops: int
    bytes: int


# What a hall takes that does not say (halls before /v1/health told it): 1,000 operations and 4 MB.
EARLIER_HALLS = PushLimits(ops=1000, bytes=4 * 1024 * 1024)


def synced_tables(ctx: StationContext) -> list[SyncedTable]:
    return ctx.host.collect("register_synced_tables", SyncedTable)


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    kept_local: int = 0
    refused: int = 0
    new_conflicts: int = 0
    cursor: int = 0
    pending: int = 0

    def summary(self) -> str:
        return (
            f"上传 {self.pushed} 条，下载并应用 {self.applied} 条；"
            f"{self.kept_local} 条因本站有未上传的修改而暂缓，新增待审核冲突 {self.new_conflicts} 条。"
        )

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@functools.cache
def _tls() -> ssl.SSLContext:
    """One TLS context for every sync of the process: httpx loads the trusted roots afresh for each client
    it makes (36 ms here), and a station syncs every minute."""
    import httpx

    return httpx.create_ssl_context()


def _check(response: Any) -> dict[str, Any]:
    if response.status_code != 200:
        try:
            detail = response.json().get("detail")
        except ValueError:
            detail = None
        raise UserError(detail or f"服务大厅返回了错误（HTTP {response.status_code}），请稍后重试。")
    return orjson.loads(response.content)


def run(ctx: StationContext, progress: Progress | None = None, transport: Any = None) -> SyncReport:
    """``transport`` (an ``httpx.BaseTransport``) replaces the network: the fault-injection tests use it."""
    import httpx

    credential = enrolment.load(ctx.data_dir)
    if credential is None:
        raise UserError(
            "本站尚未登记到服务大厅。请向服务大厅索取登记码，由管理员为本站登记后再同步。",
            command="station enroll 地址 登记码",
        )
    ctx.prepare()
    tables = {t.name: t for t in synced_tables(ctx)}
    report = SyncReport()
    try:
        # One connection for the whole sync: each new one reads the schema afresh (130 triggers, 14 ms).
        with outbox.connect(ctx.db_path) as conn:
            waiting = outbox.pending(conn)
            headers = {  # the hall's console shows each station's version and how much it had waiting to upload
                "Authorization": credential.authorization,
                "X-Station-Version": __version__,
                "X-Station-Pending": str(waiting),
            }
            with httpx.Client(
                base_url=credential.url, headers=headers, timeout=TIMEOUT_S, transport=transport, verify=_tls()
            ) as http:
                _exchange(ctx, http, conn, tables, report, progress, waiting)
    except httpx.HTTPError as exc:
        raise UserError(f"与服务大厅的连接中断（{exc}）。已完成的部分已保存，稍后再同步即可继续。") from exc
    return report


def _exchange(
    ctx: StationContext,
    http: Any,
    conn: sqlite3.Connection,
    tables: dict[str, SyncedTable],
    report: SyncReport,
    progress: Progress | None,
    waiting: int,
) -> None:
    """Push, pull, conflicts and the audit anchor, on one connection to the station and one to the hall."""
    held = Held()
    if waiting:
        with outbox.checkpoints_aside(conn, ctx.db_path):  # not inside the push's commits
            held = _push(http, conn, tables, report, progress, push_limits(http))
    _pull(ctx, http, conn, tables, report, progress, held)
    found = _check(http.get("/v1/conflicts", params={"after": outbox.last_conflict_id(conn)}))["conflicts"]
    report.new_conflicts += outbox.store_conflicts(conn, found)  # after those the push set aside
    _take_back_refused(conn, tables, found)
    anchors.send(http, conn, _check)
    outbox.mark_synced(conn, dt.datetime.now(dt.UTC).isoformat())
    report.cursor, report.pending = outbox.cursor(conn), outbox.pending(conn)


@dataclass
class Held:
    """What a push's answers gave this station as the hall holds it, for the pull that follows: each row's
    version, and the ranges of the hall's sequence numbers holding nothing else, which the pull steps past
    without fetching them (a first upload's own 100,000 changes had cost a sixth of it)."""

    rows: dict[tuple[str, str], int] = field(default_factory=dict)
    ranges: list[tuple[int, int]] = field(default_factory=list)

    def take(self, written: set[tuple[str, str, int]], answered: list[dict[str, Any]], said: Any) -> None:
        """Add a push answer's rows as written; its range (``held``) only if every row it stands for was."""
        for table, uid, version in written:
            self.rows[(table, uid)] = max(version, self.rows.get((table, uid), version))
        if (
            type(said) is list
            and len(said) == 2
            and all(type(n) is int for n in said)
            and said[1] - said[0] + 1 == len(answered)
            and all((r["table"], r["uid"], r["version"]) in written for r in answered)
        ):
            self.ranges.append((said[0], said[1]))

    def past(self, after: int) -> int:
        """Where the pull goes on from, having everything up to ``after``: past any range it reaches."""
        moved = True
        while moved:
            moved = False
            for first, last in self.ranges:
                if first - 1 <= after < last:
                    after, moved = last, True
        return after

    def page(self, after: int) -> int:
        """How many changes to ask for after ``after``: a page ends before the next range, so the pull
        can step past all of it."""
        ahead = [first - 1 - after for first, _ in self.ranges if first - 1 > after]
        return min([PULL_PAGE, *ahead])


def push_limits(http: Any) -> PushLimits:
    """What the hall says one push may carry (its /v1/health), or what every hall takes when it says nothing."""
    response = http.get("/v1/health")
    if response.status_code != 200:
        return EARLIER_HALLS
    try:
        said = orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return EARLIER_HALLS
    if type(said) is not dict:  # JSON, but not what a hall says (a proxy's page): as one that says nothing
        return EARLIER_HALLS
    ops, size = said.get("push_max_ops"), said.get("push_max_bytes")
    if type(ops) is not int or type(size) is not int or ops < 1 or size < EARLIER_HALLS.bytes:
        return EARLIER_HALLS
    return PushLimits(ops=min(ops, 100_000), bytes=min(size, 256 * 1024 * 1024))


def _push(
    http: Any,
    conn: sqlite3.Connection,
    tables: dict[str, SyncedTable],
    report: SyncReport,
    progress: Progress | None,
    limits: PushLimits = EARLIER_HALLS,
) -> Held:
    """The outbox in requests within the hall's ``limits``. An operation carrying what the hall would refuse
    (written before this station checked values), or too large for any request, is set aside as a conflict
    of its own, so it holds nothing else up; the rest is forgotten exactly as the hall names it taken. The
    rows the hall answers with (its versions, ``updated_by`` stamped) are written at once; returns them, for
    the pull to skip.

    A request goes out only after the answer to the one before (the hall applies them in the station's
    order), but the station's own work overlaps the hall's: while the hall applies one request, the station
    forgets and writes back the one before it and reads the next. Requests start at ``PUSH_FIRST``
    operations and double up to the hall's limit, so that little of a long push waits without overlap."""
    held = Held()
    after = 0  # the last sequence number read
    size = min(PUSH_FIRST, limits.ops)
    sending: tuple[Future[Any], list[dict[str, Any]]] | None = None
    taken, began = 0, time.monotonic()  # operations forgotten in the open transaction, and since when
    with ThreadPoolExecutor(1, thread_name_prefix="sync-push") as sender, _grouped(conn) as commit:
        while True:
            batch = outbox.batch(conn, size, after)
            if not batch and sending is None:
                return held
            body, travel, after = _request(conn, batch, limits, report, after)
            size = min(size * 2, limits.ops)
            answered = None
            if sending is not None:
                response, sent = sending
                answered, sending = (_check(response.result()), sent), None
            if travel:
                post = functools.partial(http.post, content=body, headers=_PUSH_HEADERS)
                sending = (sender.submit(post, "/v1/push"), travel)
            if answered is not None:
                _take_answer(conn, tables, report, held, *answered)
                taken += len(answered[1])
                if taken >= ACK_TXN_OPS or time.monotonic() - began >= ACK_TXN_S:
                    commit()
                    taken, began = 0, time.monotonic()
                if progress:
                    progress(report.pushed, report.pushed + outbox.pending(conn))


_ENVELOPE = (b'{"ops":[', b"]}")
# The hall answers with each row's version and how it differs from what was sent, not the whole row: the
# station writes that without reading its rows back (halls before it ignore the header, as it expects).
_PUSH_HEADERS = {"Content-Type": "application/json", "X-Push-Answer": "differences"}


def _request(
    conn: sqlite3.Connection, batch: list[dict[str, Any]], limits: PushLimits, report: SyncReport, after: int
) -> tuple[bytes, list[dict[str, Any]], int]:
    """One request's body out of ``batch``: the operations that may travel, as many as fit in the hall's
    bytes (at least one). Returns the body, the operations in it and the last sequence number dealt with (the
    rest of the batch is read again for the next request)."""
    room = limits.bytes - sum(map(len, _ENVELOPE))
    parts: list[bytes] = []
    travel: list[dict[str, Any]] = []
    for op in _travelling(conn, batch, report):
        # orjson: the standard encoder and parser were a third of the station's time in a push.
        part = orjson.dumps(op)
        if len(part) + bool(parts) > room:
            if parts:  # the rest waits for the next request
                return _ENVELOPE[0] + b",".join(parts) + _ENVELOPE[1], travel, op["seq"] - 1
            megabytes = f"约 {len(part) / 1024 / 1024:.0f} MB，服务大厅一次最多接收 {limits.bytes // 1024 // 1024} MB"
            outbox.set_aside(conn, op, f"内容过大：{megabytes}", dt.datetime.now(dt.UTC).isoformat())
            report.new_conflicts += 1
            continue
        room -= len(part) + bool(parts)
        parts.append(part)
        travel.append(op)
    return _ENVELOPE[0] + b",".join(parts) + _ENVELOPE[1], travel, batch[-1]["seq"] if batch else after


@contextlib.contextmanager
def _grouped(conn: sqlite3.Connection) -> Iterator[Callable[[], None]]:
    """A transaction around several answers' acknowledgements and write-backs; yields a function that
    commits it and opens the next. Committed when the push ends, however it ends: what it holds is what the
    hall has committed (a station stopped before its commit pushes those operations again, and the hall
    answers them as repeated)."""

    def commit() -> None:
        if conn.in_transaction:
            conn.execute("COMMIT")
        conn.execute("BEGIN IMMEDIATE")

    conn.execute("BEGIN IMMEDIATE")
    try:
        yield commit
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def _travelling(conn: sqlite3.Connection, batch: list[dict[str, Any]], report: SyncReport) -> list[dict[str, Any]]:
    """The operations of ``batch`` that may travel; the others are set aside."""
    if values.all_clean(batch):  # the usual case, checked in one pass
        return batch
    travel = []
    for op in batch:
        problem = values.op_problem(op)
        if problem is None:
            travel.append(op)
        else:
            outbox.set_aside(conn, op, problem, dt.datetime.now(dt.UTC).isoformat())
            report.new_conflicts += 1
    return travel


def _take_answer(
    conn: sqlite3.Connection,
    tables: dict[str, SyncedTable],
    report: SyncReport,
    held: Held,
    answer: dict[str, Any],
    travel: list[dict[str, Any]],
) -> None:
    """Forget the operations the hall took and write the rows it answered with, in the open transaction;
    add what was written to ``held``."""
    acked = answer.get("acked")
    if acked is None:  # a hall of an earlier version: it took everything up to this number
        acked = [op["op_uid"] for op in travel if op["seq"] <= answer["acked_seq"]]
    sent = {op["op_uid"] for op in travel}
    answered = answer.get("rows") or []
    # A hall that knows to answer with differences (see _push) does so for live rows; others give each whole.
    whole = [(r["table"], r["uid"], r["version"], r.get("data")) for r in answered if "differ" not in r]
    versions = [(r["table"], r["uid"], r["version"], r["differ"]) for r in answered if "differ" in r]
    with outbox.transaction(conn):
        report.pushed += outbox.acknowledge(conn, [uid for uid in acked if uid in sent], travel)
        written = pages.take_versions(conn, tables, versions) if versions else set()
        if whole:
            written |= pages.take_hall_rows(conn, tables, whole, dt.datetime.now(dt.UTC).isoformat())
    held.take(written, answered, answer.get("held"))


def _take_back_refused(conn: sqlite3.Connection, tables: dict[str, SyncedTable], found: list[dict[str, Any]]) -> None:
    """Where the hall refused this station's change by its write policy (another station's row, an
    append-only record), the station goes back to the hall's version at once; its own version stays in
    the conflict for a supervisor to see, and the hall's supervisor may still apply it."""
    rows = [
        (c["table"], c["uid"], c.get("hall_version"), c.get("hall_data"))
        for c in found
        if c.get("kind") in outbox.HALL_DECIDES and c.get("hall_row") in ("row", "deleted")
    ]
    if rows:
        pages.take_hall_rows(conn, tables, rows, dt.datetime.now(dt.UTC).isoformat())


def _pull(
    ctx: StationContext,
    http: Any,
    conn: sqlite3.Connection,
    tables: dict[str, SyncedTable],
    report: SyncReport,
    progress: Progress | None,
    held: Held | None = None,
) -> None:
    """Pages of the hall's changes after the cursor, until there are none. The next page is fetched while
    this one is applied, and the WAL is checkpointed on a thread of its own: network, SQLite writing and
    checkpointing overlap."""

    held = held or Held()

    def fetch(after: int) -> bytes:
        # Only the network here: parsing in this thread would hold the interpreter lock for a whole page
        # while the writer needs it between rows (a first sync ran 1.5x slower that way).
        response = http.get("/v1/pull", params={"after": after, "limit": held.page(after)})
        if response.status_code != 200:
            _check(response)
        return response.content

    now = dt.datetime.now(dt.UTC).isoformat()
    full_text = bulk.FullTextBuilder(ctx.db_path)
    writer = None
    try:
        with (
            ThreadPoolExecutor(1, thread_name_prefix="sync-pull") as prefetch,
            outbox.checkpoints_aside(conn, ctx.db_path),
            pages.PageWriter(conn, tables, now, bulk_load=True, full_text=full_text, held=held.rows) as writer,
        ):
            cursor = outbox.cursor(conn)
            if (start := held.past(cursor)) != cursor:
                writer.apply([], start)  # the cursor steps past what the push's answers gave
            coming = prefetch.submit(fetch, start)
            while True:
                page = orjson.loads(coming.result())
                changes = page["changes"]
                if not changes:
                    break
                after = held.past(changes[-1]["seq"])
                coming = prefetch.submit(fetch, after)
                applied = writer.apply(changes, after)
                report.applied += applied.applied
                report.kept_local += applied.kept_local
                report.refused += applied.refused
                if progress:
                    progress(changes[-1]["seq"], page["last_seq"])
    finally:
        # Whatever stopped the pull, a bulk load's indexes go back now (after a killed process,
        # StationContext.prepare puts them back on the next start). On a connection of its own: see finish.
        # A pull that loaded nothing in bulk has nothing to put back (prepare did, for an earlier one).
        if writer is None or writer.loaded_in_bulk:
            with outbox.connect(ctx.db_path) as fresh:
                bulk.finish(fresh, full_text)
        else:
            full_text.close()


def status(ctx: StationContext) -> dict[str, Any]:
    ctx.prepare()
    credential = enrolment.load(ctx.data_dir)
    with outbox.connect(ctx.db_path) as conn:
        return {
            "pending": outbox.pending(conn),
            "cursor": outbox.cursor(conn),
            "conflicts": outbox.open_conflicts(conn),
            "digest": digest.of_station(conn, synced_tables(ctx)),
            "last_sync_at": outbox.last_sync(conn),
            "station": credential.station_code if credential else None,
            "hall": credential.url if credential else None,
        }


@dataclass(frozen=True)
class AnchorCheck:
    """Whether the audit log still reaches the furthest anchor the hall holds for this station."""

    anchor: anchors.Anchor | None
    asked_hall: bool  # False: the hall was not reachable (or the station is not enrolled): the kept answer
    problem: str | None

    def sentence(self) -> str:
        if self.anchor is None:
            return "服务大厅尚未存证本站的审计日志（本站还没有同步过）。"
        days = self.anchor.age().days
        age = f"{days} 天前" if days else "今天"
        source = "服务大厅" if self.asked_hall else "上次同步时服务大厅"
        return f"{source}存证的最新一条是第 {self.anchor.entry_id} 条（{age}收到）。"


def check_anchor(ctx: StationContext, transport: Any = None) -> AnchorCheck:
    """Ask the hall for this station's furthest audit anchor (or use the one kept, offline) and check it."""
    import httpx

    credential = enrolment.load(ctx.data_dir)
    with outbox.connect(ctx.db_path) as conn:
        anchor, asked = None, False
        if credential is not None:
            try:
                with httpx.Client(
                    base_url=credential.url,
                    headers={"Authorization": credential.authorization},
                    timeout=enrolment.TIMEOUT_S,
                    transport=transport,
                    verify=_tls(),
                ) as http:
                    anchor, asked = anchors.fetch(http, conn, _check), True
            except (httpx.HTTPError, UserError):
                anchor = None
        if not asked:
            anchor = anchors.remembered(conn)
        return AnchorCheck(anchor, asked, anchors.problem(conn, anchor) if anchor is not None else None)
