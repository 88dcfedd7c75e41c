"""The push's quick reading of its body (``station.hall.intake``) never takes what the models would answer
differently: whatever it accepts, ``PushIn`` and ``values.check_ops`` accept as the very same operations;
whatever is unusual it leaves to them. The station's one-pass check agrees with ``op_problem``."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from station.core.sync import values
from station.hall.app import PushIn
from station.hall.intake import fast_ops


def _op(**overrides: Any) -> dict[str, Any]:
    return {
        "seq": 1, "op_uid": uuid.uuid4().hex, "table": "enterprise", "uid": str(uuid.uuid4()), "base_version": 0,
        "op": "upsert", "changed": ["name"], "row": {"name": "某某科技有限公司", "employees": 12, "capital": 1.5},
        "at": "2026-01-01T00:00:00Z", **overrides,
    }  # fmt: skip


def _slow(body: bytes) -> list[dict[str, Any]] | None:
    """What the models take (None: they or the value checks refuse it)."""
    try:
        ops = [op.model_dump() for op in PushIn.model_validate(json.loads(body)).ops]
        values.check_ops(ops)
    except (ValueError, ValidationError):
        return None
    return ops


def _body(ops: list[Any]) -> bytes:
    return json.dumps({"ops": ops}, ensure_ascii=False).encode("utf-8", "surrogatepass")


def test_the_usual_request_is_read_quickly_as_the_models_read_it() -> None:
    body = _body([_op(seq=1), _op(seq=2, op="delete", row=None, changed=[]), _op(seq=3, row={"memo": "一\n二\t三"})])
    quick = fast_ops(body, 1000)
    assert quick is not None and quick == _slow(body)
    missing = {k: v for k, v in _op().items() if k not in ("changed", "row", "at")}  # the models' defaults
    assert fast_ops(_body([missing]), 1000) == _slow(_body([missing]))


@pytest.mark.parametrize(
    "body",
    [
        _body([_op(row={"name": float("nan")})]),
        _body([_op(row={"employees": float("inf")})]),
        _body([_op(row={"name": "\ud800"})]),
        _body([_op(uid="a\x00b")]),
        _body([_op(table="enterprise\x00")]),
        _body([_op(table="enterprise\x85")]),
        _body([_op(row={"na\x00me": "x"})]),
        _body([_op(row={"name": "a\x00"})]),
        _body([_op(row={"name": "a\x0b"})]),
        _body([_op(changed=["na\tme"])]),
        _body([_op(changed=[""])]),
        _body([_op(row={"": "x"})]),
        _body([_op(row={"employees": 2**63})]),
        _body([_op(row={"employees": 10**400})]),
        _body([_op(row={"flag": True})]),
        _body([_op(row={"list": [1]})]),
        _body([_op(seq="1")]),
        _body([_op(seq=1.0)]),
        _body([_op(seq=0)]),
        _body([_op(seq=2**31)]),
        _body([_op(base_version=-1)]),
        _body([_op(op="merge")]),
        _body([_op(op_uid="ABCDEF12")]),
        _body([_op(op_uid="abc")]),
        _body([_op(op_uid="abcdef12\nabcdef12")]),  # two good uids with a line feed between are not one
        _body([_op(op_uid="abcdef12\n")]),
        _body([_op(row={"name": "a\x0c"})]),  # written as the short escape \f
        _body([_op(row={"name": "a\x08"})]),  # \b
        _body([_op(row={"name": "x" * (values.MAX_TEXT + 1)})]),
        _body([_op(uid="")]),
        _body([_op(uid="x" * 37)]),
        _body([_op(table="t" * 61)]),
        _body([_op(changed=None)]),
        _body([_op(changed=["f"] * 201)]),
        _body([_op(row=[1])]),
        _body([_op(at="x" * 41)]),
        _body([_op(at=5)]),
        _body([_op()] * 3),  # more than the limit of 2 given below
        b'{"ops": [' + json.dumps(_op()).encode()[:-1] + b', "row": {"name": "\\ud800"}}]}',
        b'{"ops": 5}',
        b"[]",
        b"not json",
        b'{"ops": [1]}',
    ],
)
def test_anything_unusual_is_left_to_the_models(body: bytes) -> None:
    quick = fast_ops(body, 2)
    if quick is not None:
        pytest.fail(f"read quickly: {body[:200]!r}")


def test_integers_the_models_make_floats_are_read_as_the_same_floats() -> None:
    for big in (-(2**63) - 1, 99999999999999999999):  # orjson and pydantic both give the nearest float
        body = _body([_op(row={"employees": big})])
        quick = fast_ops(body, 1000)
        assert quick is not None and quick == _slow(body) and type(quick[0]["row"]["employees"]) is float


def test_a_harmless_escape_is_searched_and_read_quickly() -> None:
    body = _body([_op(row={"name": "a\\u0000 \\b \\f", "memo": "é\u2028"})])  # backslashes, not controls
    assert b"\\\\u0000" in body
    quick = fast_ops(body, 1000)
    assert quick is not None and quick == _slow(body)


def test_more_operations_than_allowed_are_left_to_the_models() -> None:
    assert fast_ops(_body([_op(seq=n) for n in range(1, 4)]), 2) is None
    assert fast_ops(_body([_op(seq=n) for n in range(1, 3)]), 2) is not None


_text = st.text(st.characters(codec="utf-8"), max_size=8) | st.sampled_from(
    ["", "\x00", "a\nb", "\x7f", "\x9f", "é", "\x0c", "\x08", "\\u0000"]
)
_value = (
    st.none() | st.booleans() | st.integers(-(2**65), 2**65) | st.floats(allow_nan=True, allow_infinity=True) | _text
)
_ops = st.lists(
    st.fixed_dictionaries(
        {
            "seq": st.integers(0, 3) | st.sampled_from([2**31, "1", 1.0]),
            "op_uid": st.sampled_from(["abcdef12", "ABCDEF12", "abc", "abcdef12\n", "abcdef12\nabcdef12"])
            | st.text(max_size=4),
            "table": _text,
            "uid": _text,
            "base_version": st.integers(-1, 2) | st.none(),
            "op": st.sampled_from(["upsert", "delete", "x"]),
            "changed": st.lists(_text, max_size=3) | st.none(),
            "row": st.none() | st.dictionaries(_text, _value, max_size=4),
            "at": st.none() | _text | st.integers(),
        }
    ),
    max_size=3,
)


@settings(max_examples=300, deadline=None)
@given(_ops)
def test_whatever_is_read_quickly_the_models_read_the_same(ops: list[dict[str, Any]]) -> None:
    body = _body(ops)
    quick = fast_ops(body, 1000)
    if quick is not None:
        assert quick == _slow(body)


@settings(max_examples=300, deadline=None)
@given(_ops)
def test_the_stations_one_pass_check_agrees_with_op_problem(ops: list[dict[str, Any]]) -> None:
    ops = [{**op, "changed": op["changed"] or []} for op in ops]
    assert values.all_clean(ops) == all(values.op_problem(op) is None for op in ops)
