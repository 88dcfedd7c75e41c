"""The faster push, against a real hall: requests grow from 1,000 operations up to what the hall says it
takes, never past what a hall that says nothing took (1,000 operations, 4 MB); an operation too large for
any request is set aside instead of blocking every later sync; the hall answers a station that asks with
each row's version and only the fields it holds otherwise, which the station writes without reading its
rows; and a hall answering with nonsense changes none of the station's rows, which the pull then brings
whole. Afterwards the station and the hall hold the same data (digests match)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import httpx
import orjson
import pytest
from conftest_hall import enrolled, hall_digest

from station.core import demo, enterprises
from station.core.context import StationContext
from station.core.sync import client, values
from station.errors import UserError

EARLIER_BYTES = 4 * 1024 * 1024
# What is tested is the station's side, which does not depend on the hall's database: SQLite only.
ONE_DATABASE = pytest.mark.parametrize("hall_db", [None], ids=["sqlite"])
FIELDS = (
    "uscc", "name", "legal_rep", "industry_code", "registered_capital_fen", "employees", "founded_on", "address",
    "zone", "contact_person", "contact_phone", "stage", "created_at", "updated_at", "updated_by",
)  # fmt: skip


class Between(httpx.BaseTransport):
    """The network between one station and the hall: records every push and its answer, and can play a
    hall of an earlier version (its /v1/health says no limits; it never sees ``X-Push-Answer``), rewrite the
    push's answers, or break off before the pull."""

    def __init__(
        self,
        *,
        earlier: bool = False,
        answer: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        stop_at_pull: bool = False,
    ) -> None:
        self.inner = httpx.HTTPTransport()
        self.earlier, self.answer, self.stop_at_pull = earlier, answer, stop_at_pull
        self.pushes: list[dict[str, Any]] = []  # per request: ops, bytes, what it asked for
        self.answers: list[dict[str, Any]] = []  # as the hall gave them, before any rewriting

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v1/pull" and self.stop_at_pull:
            raise httpx.ConnectError("the network broke off before the pull", request=request)
        if path == "/v1/push":
            body = request.read()
            if self.earlier:
                del request.headers["X-Push-Answer"]  # an earlier hall never heard of it
            asked = request.headers.get("X-Push-Answer")
            self.pushes.append({"ops": len(orjson.loads(body)["ops"]), "bytes": len(body), "asked": asked})
        response = self.inner.handle_request(request)
        response.read()
        if path == "/v1/health" and self.earlier:
            said = {k: v for k, v in response.json().items() if k not in ("push_max_ops", "push_max_bytes")}
            return _replaced(response, orjson.dumps(said))
        if path == "/v1/push" and response.status_code == 200:
            answer = orjson.loads(response.content)
            self.answers.append(answer)
            if self.answer is not None:
                return _replaced(response, orjson.dumps(self.answer(answer)))
        return response

    def rows(self) -> list[dict[str, Any]]:
        return [row for answer in self.answers for row in answer["rows"]]


def _replaced(response: httpx.Response, content: bytes) -> httpx.Response:
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "content-encoding")]
    return httpx.Response(response.status_code, headers=headers, content=content)


def add(ctx: StationContext, count: int, seed: int, big: dict[int, dict[str, str]] | None = None) -> list[dict]:
    """``count`` new enterprises; ``big``: for some of them (by index), fields to fill with long texts."""
    rows = list(demo.enterprise_rows(count, seed=seed))
    for at, texts in (big or {}).items():
        rows[at] = {**rows[at], **texts}
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.upsert_many(work, rows, source="test")
    return rows


def local(ctx: StationContext) -> dict[str, tuple[Any, ...]]:
    """Every enterprise the station holds, by uid: its version and every synced field."""
    conn = sqlite3.connect(ctx.db_path)
    try:
        columns = ", ".join(f'"{f}"' for f in FIELDS)
        return {uid: rest for uid, *rest in conn.execute(f"SELECT uid, version, {columns} FROM enterprise")}
    finally:
        conn.close()


def own_conflicts(ctx: StationContext) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(ctx.db_path)
    try:
        return conn.execute("SELECT row_uid, kind, reason FROM sync_conflict WHERE status = 'open'").fetchall()
    finally:
        conn.close()


def test_a_hall_that_says_nothing_gets_what_earlier_halls_took_and_answers_whole_rows(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    add(ctx, 2500, seed=31)
    net = Between(earlier=True)
    report = client.run(ctx, transport=net)
    assert report.pushed == 2500 and report.new_conflicts == 0
    assert [p["ops"] for p in net.pushes] == [1000, 1000, 500]  # never more than an earlier hall took
    assert all(p["bytes"] <= EARLIER_BYTES and p["asked"] is None for p in net.pushes)
    answered = net.rows()
    assert len(answered) == 2500 and all("data" in r and "differ" not in r for r in answered)
    held = local(ctx)
    assert all(row[-1].endswith("@ST01") for row in held.values())  # the whole rows' stamp, written
    state = client.status(ctx)
    assert state["pending"] == 0 and state["digest"] == hall_digest(hall)
    ctx.close()


@ONE_DATABASE
def test_a_current_hall_gets_growing_requests_and_answers_with_differences(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    add(ctx, 7500, seed=32)
    net = Between()
    report = client.run(ctx, transport=net)
    # 1,000 first, then doubling: 1,000 + 2,000 + 4,000 and the 500 left (the hall takes up to 10,000)
    assert [p["ops"] for p in net.pushes] == [1000, 2000, 4000, 500]
    assert all(p["asked"] == "differences" for p in net.pushes)
    answered = net.rows()
    assert len(answered) == 7500 and not any("data" in r for r in answered)
    # only what the hall holds otherwise: the person stamped with the station that proved itself
    who = {uid: row[-1] for uid, row in local(ctx).items()}
    assert {r["uid"]: r["differ"] for r in answered} == {uid: {"updated_by": by} for uid, by in who.items()}
    assert all(by.endswith("@ST01") for by in who.values())
    assert report.pushed == 7500 and report.applied == 0  # the station wrote the answers; the pull wrote nothing
    digest = client.status(ctx)["digest"]
    assert digest == hall_digest(hall)
    again = client.run(ctx, transport=(quiet := Between()))
    assert (again.pushed, again.applied, quiet.pushes) == (0, 0, [])
    assert client.status(ctx)["digest"] == digest
    ctx.close()


@ONE_DATABASE
def test_the_answer_gives_the_halls_version_and_the_fields_another_station_changed(hall, tmp_path, monkeypatch) -> None:
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    rows = add(b, 6, seed=33)
    client.run(b)
    client.run(a)
    codes = [r["uscc"] for r in rows]
    for code in codes:  # B changes one field, A another, offline; B is first at the hall
        with b.work(b.cli_actor()) as work:
            found = enterprises.find(work.session, code)
            enterprises.update(work, found.id, {**enterprises.as_form(found), "zone": "乙站改的园区"})
    client.run(b)
    for code in codes:
        with a.work(a.cli_actor()) as work:
            found = enterprises.find(work.session, code)
            enterprises.update(work, found.id, {**enterprises.as_form(found), "legal_rep": "甲站改的人"})
    add(a, 3, seed=34)  # and some new rows after them
    # Pages of two changes: B's change of a row and A's own later one come in different pages. The station
    # holds the row at the hall's version 3 from the answer; B's version 2, pulled after it, must not win.
    monkeypatch.setattr(client, "PULL_PAGE", 2)
    net = Between()
    report = client.run(a, transport=net)
    by_uid = {r["uid"]: r for r in net.rows()}
    held = local(a)
    for code in codes:
        uid = next(u for u, row in held.items() if row[1] == code)
        answered = by_uid[uid]
        assert answered["version"] == 3 and set(answered["differ"]) == {"zone", "updated_by"}
        version, fields = held[uid][0], dict(zip(FIELDS, held[uid][1:], strict=True))
        assert (version, fields["zone"], fields["legal_rep"]) == (3, "乙站改的园区", "甲站改的人")
    assert report.new_conflicts == 0
    client.run(b)
    assert client.status(a)["digest"] == client.status(b)["digest"] == hall_digest(hall)
    a.close()
    b.close()


@ONE_DATABASE  # the body's limit is the hall's door, the same over either database
def test_large_texts_split_requests_within_an_earlier_halls_4_mb(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    long = {at: {"address": f"{at}号" + "长" * 200_000} for at in range(0, 1000, 70)}  # ~600 KB each
    add(ctx, 1000, seed=35, big=long)
    net = Between(earlier=True)
    report = client.run(ctx, transport=net)
    assert sum(len(t["address"]) * 3 for t in long.values()) > EARLIER_BYTES  # 1,000 ops would not fit
    assert len(net.pushes) > 1 and all(p["ops"] <= 1000 and p["bytes"] <= EARLIER_BYTES for p in net.pushes)
    assert sum(p["ops"] for p in net.pushes) == 1000  # each once
    assert max(p["bytes"] for p in net.pushes) > EARLIER_BYTES * 0.8  # filled, not cut short
    assert report.pushed == 1000 and report.new_conflicts == 0
    state = client.status(ctx)
    assert state["pending"] == 0 and state["digest"] == hall_digest(hall)
    ctx.close()


@ONE_DATABASE  # the body's limit is the hall's door, the same over either database
def test_an_operation_too_large_for_any_request_is_set_aside_and_a_current_hall_takes_it(hall, tmp_path) -> None:
    # Two texts of the longest a value may be (no guard refuses them): some 6 MB of UTF-8 in one operation.
    huge = {"address": "址" * values.MAX_TEXT, "legal_rep": "人" * values.MAX_TEXT}
    assert all(values.value_problem(v) is None for v in huge.values())
    ctx = enrolled(hall, tmp_path, "ST01")
    rows = add(ctx, 21, seed=36, big={10: huge})
    net = Between(earlier=True)
    report = client.run(ctx, transport=net)
    assert report.new_conflicts == 1 and report.pushed == 20 and client.status(ctx)["pending"] == 0
    assert all(p["bytes"] <= EARLIER_BYTES for p in net.pushes)
    ((uid, kind, reason),) = own_conflicts(ctx)
    assert kind == "invalid" and "内容过大" in reason
    assert local(ctx)[uid][1] == rows[10]["uscc"]  # the row itself stays, as the clerk left it
    again = client.run(ctx, transport=Between(earlier=True))  # and the next sync is not held up by it
    assert again.pushed == 0 and again.new_conflicts == 0
    # every other row arrived: all the hall lacks is the one set aside
    assert client.status(ctx)["digest"] != hall_digest(hall)
    conn = sqlite3.connect(ctx.db_path)
    with conn:  # the clerk saves the row again; now to a hall that takes 16 MB
        conn.execute("UPDATE enterprise SET employees = 7 WHERE uid = ?", (uid,))
    conn.close()
    net = Between()
    report = client.run(ctx, transport=net)
    assert report.pushed == 1 and report.new_conflicts == 0
    assert EARLIER_BYTES < net.pushes[0]["bytes"] <= 16 * 1024 * 1024
    assert client.status(ctx)["digest"] == hall_digest(hall)
    ctx.close()


# What a hostile or broken hall may answer for one row, and what the station must do: leave the row alone.
HOSTILE: list[Callable[[dict[str, Any]], None]] = [
    lambda r: r.update(differ={"no_such_field": "x"}),
    lambda r: r.update(differ={"name\" = 'x', \"uscc": "x"}),  # a field name that tries to write SQL
    lambda r: r.update(differ={"updated_by": ["a", "b"]}),
    lambda r: r.update(differ={"updated_by": {"person": "a"}}),
    lambda r: r.update(differ={**r["differ"], "nowhere": 1}),  # one good field does not save a bad one
    lambda r: r.update(differ=["updated_by"]),
    lambda r: r.update(differ="updated_by"),
    lambda r: r.update(differ=None),
    lambda r: r.update(version=str(r["version"])),
    lambda r: r.update(version=True),
    lambda r: r.update(version=2.0),
    lambda r: r.update(version=2**64 - 1),  # an integer no SQLite column holds
    lambda r: r.update(differ={"employees": 2**64 - 1}),
]


@ONE_DATABASE
def test_a_hostile_answer_changes_no_row_and_the_pull_brings_them(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    add(ctx, len(HOSTILE) + 2, seed=38)
    before = local(ctx)
    spoiled: list[str] = []

    def rewrite(answer: dict[str, Any]) -> dict[str, Any]:
        for row, spoil in zip(answer["rows"], HOSTILE, strict=False):
            spoil(row)
            spoiled.append(row["uid"])
        return answer

    # No crash: the only error is the network's, before the pull, so what the push's answer did is what stays.
    with pytest.raises(UserError, match="连接中断"):
        client.run(ctx, transport=Between(answer=rewrite, stop_at_pull=True))
    assert len(spoiled) == len(HOSTILE)
    after = local(ctx)
    assert {uid: after[uid] for uid in spoiled} == {uid: before[uid] for uid in spoiled}
    untouched = set(after) - set(spoiled)
    assert len(untouched) == 2 and all(after[uid][-1].endswith("@ST01") for uid in untouched)  # still written
    assert client.status(ctx)["pending"] == 0
    conn = sqlite3.connect(ctx.db_path)
    try:  # the table is what it was: no column or row came or went
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert [c[1] for c in conn.execute("PRAGMA table_info(enterprise)")].count("uscc") == 1
    finally:
        conn.close()
    report = client.run(ctx)  # the pull brings the rows left alone, whole
    assert report.applied >= len(HOSTILE)
    assert client.status(ctx)["digest"] == hall_digest(hall)
    ctx.close()
