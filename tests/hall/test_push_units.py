"""The faster push's parts, without a hall: what the station reads of the hall's limits and how it cuts and
grows its requests within them; that a wholly acknowledged request goes as its range of sequence numbers
and never takes an operation it did not send; that the cycle collector comes back on only when the last
thread leaves ``gc_pause.paused()`` and only if it was on; that the hall's differences tell apart what JSON
tells apart; and that the hall's key hash is byte for byte what the standard encoder gave."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import random
import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from station.core import demo, enterprises, gc_pause
from station.core.context import StationContext
from station.core.sync import client, outbox
from station.core.sync.client import EARLIER_HALLS, PushLimits, SyncReport
from station.hall.authority import _hash_of
from station.hall.sync import _differences

MB = 1024 * 1024
NOW = dt.datetime(2026, 12, 1, tzinfo=dt.UTC).isoformat()


# -- the hall's limits ------------------------------------------------------------------------------------


class _Health:
    def __init__(self, status: int, content: bytes) -> None:
        self.answer = SimpleNamespace(status_code=status, content=content)

    def get(self, path: str) -> SimpleNamespace:
        assert path == "/v1/health"
        return self.answer


def _said(**fields: Any) -> bytes:
    return orjson.dumps({"status": "ok", "version": "9", **fields})


@pytest.mark.parametrize(
    ("status", "content", "limits"),
    [
        (200, _said(push_max_ops=10_000, push_max_bytes=16 * MB), PushLimits(10_000, 16 * MB)),
        (200, _said(), EARLIER_HALLS),  # a hall of an earlier version says nothing
        (200, _said(push_max_ops=10_000), EARLIER_HALLS),
        (200, _said(push_max_ops=True, push_max_bytes=16 * MB), EARLIER_HALLS),  # bool is not a count
        (200, _said(push_max_ops="10000", push_max_bytes=16 * MB), EARLIER_HALLS),
        (200, _said(push_max_ops=10_000.0, push_max_bytes=16 * MB), EARLIER_HALLS),
        (200, _said(push_max_ops=0, push_max_bytes=16 * MB), EARLIER_HALLS),
        (200, _said(push_max_ops=10_000, push_max_bytes=4 * MB - 1), EARLIER_HALLS),  # less than every hall took
        (200, _said(push_max_ops=10**12, push_max_bytes=10**15), PushLimits(100_000, 256 * MB)),  # bounded
        (200, b"<html>proxy</html>", EARLIER_HALLS),
        (200, b"[10000, 16777216]", EARLIER_HALLS),  # JSON, but not an object
        (200, b"null", EARLIER_HALLS),
        (404, b"", EARLIER_HALLS),
    ],
)
def test_the_station_reads_the_halls_limits_or_keeps_to_what_every_hall_took(
    status: int, content: bytes, limits: PushLimits
) -> None:
    assert client.push_limits(_Health(status, content)) == limits


# -- cutting and growing requests -------------------------------------------------------------------------


@pytest.fixture
def conn(ctx: StationContext) -> Iterator[Any]:
    ctx.prepare()
    with outbox.connect(ctx.db_path) as connection:
        yield connection


def _op(seq: int, text: str = "某某科技有限公司") -> dict[str, Any]:
    return {
        "seq": seq, "op_uid": f"{seq:032x}", "table": "enterprise", "uid": f"uid-{seq}", "base_version": 0,
        "op": "upsert", "changed": ["name"], "row": {"name": text}, "at": NOW,
    }  # fmt: skip


ENVELOPE = len(b'{"ops":[') + len(b"]}")


def test_a_request_fills_the_halls_bytes_exactly_and_no_further(conn) -> None:
    ops = [_op(1, "甲" * 100), _op(2, "乙" * 50), _op(3)]
    two = ENVELOPE + len(orjson.dumps(ops[0])) + 1 + len(orjson.dumps(ops[1]))  # the comma between them
    body, travel, after = client._request(conn, ops, PushLimits(10, two), SyncReport(), 0)
    assert len(body) == two and orjson.loads(body) == {"ops": ops[:2]} and travel == ops[:2]
    assert after == 2  # the third waits for the next request
    body, travel, after = client._request(conn, ops, PushLimits(10, two - 1), SyncReport(), 0)
    assert orjson.loads(body) == {"ops": ops[:1]} and after == 1
    body, travel, after = client._request(conn, ops, PushLimits(10, 10 * MB), SyncReport(), 0)
    assert travel == ops and after == 3


def test_an_operation_too_large_for_any_request_is_set_aside_and_the_rest_travel(conn) -> None:
    ops = [_op(1), _op(2, "大" * 2000), _op(3), _op(4, "大" * 2000)]
    report = SyncReport()
    room = ENVELOPE + 1000  # one small operation fits, a large one never does
    body, travel, after = client._request(conn, ops, PushLimits(10, room), report, 0)
    assert travel == ops[:1] and after == 1  # the next operation did not fit beside the first: it waits
    body, travel, after = client._request(conn, ops[1:], PushLimits(10, room), report, after)
    assert travel == [ops[2]] and orjson.loads(body) == {"ops": [ops[2]]} and len(body) <= room
    assert after == 3  # the fourth waits too: beside another, it is not yet known to fit nowhere
    body, travel, after = client._request(conn, ops[3:], PushLimits(10, room), report, after)
    assert travel == [] and after == 4
    assert report.new_conflicts == 2
    reasons = [r for (r,) in conn.execute("SELECT reason FROM sync_conflict WHERE kind = 'invalid' ORDER BY id")]
    assert len(reasons) == 2 and all("内容过大" in r for r in reasons)
    body, travel, after = client._request(conn, [_op(5, "大" * 2000)], PushLimits(10, room), report, 4)
    assert travel == [] and after == 5  # alone and too large: nothing to send, and not read again


def _station_with(ctx: StationContext, count: int) -> None:
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.upsert_many(work, list(demo.enterprise_rows(count, seed=5)), source="test")


class _TakesAll:
    """A hall that takes every operation it is sent and answers with no rows."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def post(self, path: str, content: bytes, headers: dict[str, str]) -> SimpleNamespace:
        assert path == "/v1/push" and headers["X-Push-Answer"] == "differences"
        ops = orjson.loads(content)["ops"]
        self.sizes.append(len(ops))
        taken = {"acked": [op["op_uid"] for op in ops], "acked_seq": ops[-1]["seq"], "rows": []}
        return SimpleNamespace(status_code=200, content=orjson.dumps(taken))


@pytest.mark.parametrize(
    ("first", "most", "sizes"),
    [
        (10, 75, [10, 20, 40, 75, 75, 75, 75, 30]),  # doubling, then the hall's limit
        (10, 7, [7] * 57 + [1]),  # a hall that takes fewer than the first request would hold
        (1000, 10_000, [400]),
    ],
)
def test_requests_double_up_to_the_halls_limit(ctx, conn, monkeypatch, first, most, sizes) -> None:
    _station_with(ctx, 400)
    monkeypatch.setattr(client, "PUSH_FIRST", first)
    hall = _TakesAll()
    tables = {t.name: t for t in client.synced_tables(ctx)}
    report = SyncReport()
    client._push(hall, conn, tables, report, None, PushLimits(most, 4 * MB))
    assert hall.sizes == sizes and report.pushed == 400 and outbox.pending(conn) == 0


# -- acknowledging ----------------------------------------------------------------------------------------


def _acknowledge(conn, acked: list[str], sent: list[dict[str, Any]]) -> tuple[int, bool]:
    """``outbox.acknowledge``; also whether it deleted a range of sequence numbers."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        gone = outbox.acknowledge(conn, acked, sent)
    finally:
        conn.set_trace_callback(None)
    return gone, any(s.startswith("DELETE") and "BETWEEN" in s for s in statements)


def _left(conn) -> list[int]:
    return [seq for (seq,) in conn.execute("SELECT seq FROM sync_outbox ORDER BY seq")]


def test_a_wholly_acknowledged_request_goes_as_its_range_and_nothing_else(ctx, conn) -> None:
    _station_with(ctx, 8)
    ops = outbox.batch(conn, 100)
    assert len(ops) == 8
    outbox.set_aside(conn, ops[4], "测试", NOW)  # in the middle of what the request read
    sent = ops[1:4] + ops[5:7]  # the first and the last were not in this request
    gone, ranged = _acknowledge(conn, [op["op_uid"] for op in sent], sent)
    assert (gone, ranged) == (5, True)
    assert _left(conn) == [ops[0]["seq"], ops[7]["seq"]]
    assert conn.execute("SELECT count(*) FROM sync_conflict WHERE kind = 'invalid'").fetchone() == (1,)


@pytest.mark.parametrize("missing", [0, 2, 4])
def test_a_request_not_wholly_acknowledged_loses_only_the_acknowledged(ctx, conn, missing) -> None:
    _station_with(ctx, 6)
    ops = outbox.batch(conn, 100)
    sent = ops[:5]
    acked = [op["op_uid"] for op in sent if op is not sent[missing]]
    gone, ranged = _acknowledge(conn, acked, sent)
    assert (gone, ranged) == (4, False)
    assert _left(conn) == [sent[missing]["seq"], ops[5]["seq"]]


def test_a_range_holding_an_operation_not_sent_is_not_deleted_as_a_range(ctx, conn) -> None:
    _station_with(ctx, 6)
    ops = outbox.batch(conn, 100)
    sent = ops[:2] + ops[3:5]  # the third is still in the outbox, but was not sent
    gone, ranged = _acknowledge(conn, [op["op_uid"] for op in sent], sent)
    assert (gone, ranged) == (4, False)
    assert _left(conn) == [ops[2]["seq"], ops[5]["seq"]]


def test_acknowledgements_naming_other_operations_than_those_sent_take_only_those_named(ctx, conn) -> None:
    _station_with(ctx, 6)
    ops = outbox.batch(conn, 100)
    sent = ops[1:4]
    acked = [ops[1]["op_uid"], ops[2]["op_uid"], ops[5]["op_uid"]]  # as many, but not the same
    gone, ranged = _acknowledge(conn, acked, sent)
    assert (gone, ranged) == (3, False)
    assert _left(conn) == [ops[0]["seq"], ops[3]["seq"], ops[4]["seq"]]


# -- pausing the cycle collector --------------------------------------------------------------------------


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    assert gc_pause._pausing == 0  # every test leaves nobody inside
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("before", [True, False])
def test_nested_pauses_resume_the_collector_after_the_outermost_and_only_if_it_ran(collector, before) -> None:
    (gc.enable if before else gc.disable)()
    with gc_pause.paused():
        assert not gc.isenabled()
        with gc_pause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled() is before
    with pytest.raises(RuntimeError), gc_pause.paused():
        raise RuntimeError("the work failed")
    assert gc.isenabled() is before  # however the work ends


@pytest.mark.parametrize("before", [True, False])
@pytest.mark.parametrize("first_out", [0, 1])
def test_two_threads_pausing_at_once_resume_the_collector_when_the_last_leaves(collector, before, first_out) -> None:
    (gc.enable if before else gc.disable)()
    inside = [threading.Event(), threading.Event()]
    leave = [threading.Event(), threading.Event()]

    def work(n: int) -> None:
        with gc_pause.paused():
            inside[n].set()
            leave[n].wait(10)

    threads = [threading.Thread(target=work, args=(n,)) for n in (0, 1)]
    try:
        for n, thread in enumerate(threads):
            thread.start()
            assert inside[n].wait(10)
        assert not gc.isenabled()
        leave[first_out].set()
        threads[first_out].join(10)
        assert not gc.isenabled()  # the other thread is still inside
        leave[1 - first_out].set()
        threads[1 - first_out].join(10)
        assert gc.isenabled() is before
    finally:  # a failed check leaves no thread inside for the tests after it
        for n, thread in enumerate(threads):
            leave[n].set()
            if thread.is_alive():
                thread.join(10)


def test_the_collector_state_is_taken_again_by_each_first_pause(collector) -> None:
    gc.enable()
    with gc_pause.paused():
        pass
    gc.disable()  # someone else turned it off between two pushes
    with gc_pause.paused():
        pass
    assert not gc.isenabled()
    gc.enable()
    with gc_pause.paused():
        pass
    assert gc.isenabled()


def test_many_threads_never_see_the_collector_on_while_one_is_inside(collector) -> None:
    gc.enable()
    seen_on: list[bool] = []
    rng = random.Random(3)
    pauses = [[rng.random() / 2000 for _ in range(100)] for _ in range(6)]

    def work(waits: list[float]) -> None:
        for wait in waits:
            with gc_pause.paused():
                seen_on.append(gc.isenabled())
                time.sleep(wait)
                seen_on.append(gc.isenabled())

    threads = [threading.Thread(target=work, args=(waits,)) for waits in pauses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(seen_on) == 1200 and not any(seen_on)
    assert gc.isenabled()


# -- the hall's differences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("held", "sent", "differ"),
    [
        ({"n": 1}, {"n": 1}, {}),
        ({"n": 1}, {"n": 1.0}, {"n": 1}),  # equal to Python, not in JSON or the digest
        ({"n": 1.0}, {"n": 1}, {"n": 1.0}),
        ({"n": 1}, {"n": True}, {"n": 1}),
        ({"n": True}, {"n": 1}, {"n": True}),
        ({"n": 0}, {"n": False}, {"n": 0}),
        ({"n": 1.0}, {"n": True}, {"n": 1.0}),
        ({"n": None}, {}, {"n": None}),  # missing from what was sent: a difference, whatever it holds
        ({"n": ""}, {}, {"n": ""}),
        ({"n": None}, {"n": ""}, {"n": None}),
        ({"n": ""}, {"n": None}, {"n": ""}),
        ({"a": "x", "b": 2}, {"a": "x"}, {"b": 2}),
        ({"a": "x"}, {"a": "x", "elsewhere": 1}, {}),  # what the hall does not hold is not its difference
        ({"updated_by": "张三@ST01", "name": "甲"}, {"updated_by": "张三", "name": "甲"}, {"updated_by": "张三@ST01"}),
    ],
)
def test_the_differences_are_the_fields_held_otherwise_than_sent_type_for_type(held, sent, differ) -> None:
    assert _differences(held, sent) == differ


_scalar = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False).map(lambda f: f + 0.0)  # no -0.0: equal to 0.0, a float
    | st.text(max_size=4)
)
_fields = st.dictionaries(st.sampled_from("abcdef"), _scalar, max_size=6)


@settings(max_examples=200, deadline=None)
@given(_fields, _fields)
def test_the_differences_are_what_json_tells_apart(held, sent) -> None:
    expected = {f: v for f, v in held.items() if f not in sent or orjson.dumps(sent[f]) != orjson.dumps(v)}
    assert _differences(held, sent) == expected
    assert {f: orjson.dumps(v) for f, v in _differences(held, sent).items()} == {
        f: orjson.dumps(v) for f, v in expected.items()
    }  # the very values, type and all


# -- the hall's key hash ----------------------------------------------------------------------------------

_STANDARD = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _old_hash(key: tuple[str, ...], values: tuple[Any, ...]) -> str:
    """The hash every existing hall stored in ``hall_unique``."""
    return hashlib.sha256(_STANDARD.encode([list(key), list(values)]).encode()).hexdigest()


def test_known_keys_hash_as_stored_by_earlier_halls() -> None:
    # Written out by hand, not by either encoder: no spaces, non-ASCII as itself, JSON's short escapes.
    for key, values, canonical in [
        (("uscc",), ("91430211MA4L2X3Y4Z",), '[["uscc"],["91430211MA4L2X3Y4Z"]]'),
        (("name", "n"), ('株洲"天元"\\公司', -5), '[["name","n"],["株洲\\"天元\\"\\\\公司",-5]]'),
        (("t",), ("a\nb\tc\x01\x7f\u2028é",), '[["t"],["a\\nb\\tc\\u0001\x7f\u2028é"]]'),
        (("n",), (2**64 - 1,), '[["n"],[18446744073709551615]]'),
    ]:
        assert _hash_of(key, values) == hashlib.sha256(canonical.encode()).hexdigest(), canonical


_text = st.text(st.characters(codec="utf-8"), max_size=12)  # any code point but surrogates
_int = st.integers(-(2**63), 2**63)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_text, _text | _int), min_size=1, max_size=4))
@example([("name", "\x00\x08\x0c\x1f\x7f\x80\x9f\u2028\u2029\ufeff\U0001f600")])
@example([("n", 2**63), ("m", -(2**63))])
def test_texts_and_integers_hash_as_the_standard_encoder_wrote_them(pairs: list[tuple[str, Any]]) -> None:
    key, values = tuple(k for k, _ in pairs), tuple(v for _, v in pairs)
    assert _hash_of(key, values) == _old_hash(key, values)


_other = (
    st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.integers(2**64, 2**200)
    | st.integers(-(2**200), -(2**63) - 1)
)


def _not_for_orjson(pairs: list[tuple[str, Any]]) -> bool:
    """Some value is neither a text nor an integer orjson writes."""
    return any(type(v) is not str and (type(v) is not int or not -(2**63) <= v < 2**64) for _, v in pairs)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_text, _other | _text | _int), min_size=1, max_size=4).filter(_not_for_orjson))
@example([("capital", 1e16), ("rate", 1e-07), ("code", "x")])  # the two encoders write these differently
@example([("flag", True), ("n", 1)])
@example([("n", 2**64)])
def test_floats_booleans_and_integers_past_64_bits_hash_as_the_standard_encoder_wrote_them(
    pairs: list[tuple[str, Any]],
) -> None:
    key, values = tuple(k for k, _ in pairs), tuple(v for _, v in pairs)
    assert _hash_of(key, values) == _old_hash(key, values)


def test_a_lone_surrogate_fails_as_it_always_did() -> None:
    # A push refuses it at the door; were one to reach the hash, it fails as the standard encoder's did.
    with pytest.raises(UnicodeEncodeError):
        _old_hash(("name",), ("\ud800",))
    with pytest.raises(UnicodeEncodeError):
        _hash_of(("name",), ("\ud800",))
