"""Reading a push's body: the common case quickly, anything unusual exactly as the models would.

Validating every operation of a 1,000-operation request with pydantic (and the standard JSON parser
before it) cost more of the hall's time than applying them. ``fast_ops`` parses with orjson and accepts
only what the models would certainly accept unchanged: exact JSON types, every constraint of ``OpIn``
and every rule of ``station.core.sync.values``. Anything it is not sure of (a wrong type, a value the
models would coerce, a bad character, a giant number, invalid JSON) returns None, and the caller reads the
body the old way, so a hostile or unusual request gets the same answer, word for word, as before.
"""

from __future__ import annotations

import math
import re
from typing import Any

import orjson

from station.core.sync import values

MAX_SEQ = 2**31 - 1
_OPS = frozenset({"upsert", "delete"})
_OP_UID = re.compile(r"[0-9a-f]{8,32}")
# The same characters as values.py, searched once over all of a request's keys and all of its texts
# (joining cannot make a bad character out of good ones).
_BAD_IN_KEY = values._BAD_IN_KEY
_BAD_IN_VALUE = values._BAD_IN_VALUE
_LOW, _HIGH = -values.MAX_INT - 1, values.MAX_INT


def fast_ops(body: bytes, max_ops: int) -> list[dict[str, Any]] | None:
    """The operations of ``{"ops": [...]}`` as ``OpIn.model_dump()`` gives them, or None when the body needs
    the models (and ``values.check_ops``) to answer."""
    try:
        parsed = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if type(parsed) is not dict:
        return None
    ops = parsed.get("ops")
    if type(ops) is not list or len(ops) > max_ops:
        return None
    keys: list[str] = []  # every identifier: table, uid, op uid
    names: set[str] = set()  # every field name, changed or in a row (the same few, op after op)
    texts: list[str] = []  # every text value of every row
    out = []
    for op in ops:
        if type(op) is not dict:
            return None
        seq, op_uid, table, uid = op.get("seq"), op.get("op_uid"), op.get("table"), op.get("uid")
        base, kind = op.get("base_version"), op.get("op")
        changed, row, at = op.get("changed", []), op.get("row"), op.get("at")
        if not (
            type(seq) is int
            and 1 <= seq <= MAX_SEQ
            and type(op_uid) is str
            and _OP_UID.fullmatch(op_uid)
            and type(table) is str
            and 0 < len(table) <= 60
            and type(uid) is str
            and 0 < len(uid) <= 36
            and type(base) is int
            and 0 <= base <= MAX_SEQ
            and type(kind) is str
            and kind in _OPS
            and type(changed) is list
            and len(changed) <= 200
            and (at is None or (type(at) is str and len(at) <= 40))
        ):
            return None
        for name in changed:
            if type(name) is not str or not name:
                return None
        names.update(changed)
        keys += (table, uid, op_uid)
        if row is not None:
            if type(row) is not dict or "" in row:
                return None
            names.update(row)
            for value in row.values():
                kind_of = type(value)
                if kind_of is str:
                    texts.append(value)
                elif kind_of is int:
                    if not _LOW <= value <= _HIGH:
                        return None
                elif kind_of is float:
                    if not math.isfinite(value):
                        return None
                elif value is not None:  # bool (the models make it 1), lists, objects
                    return None
        out.append(
            {
                "seq": seq,
                "op_uid": op_uid,
                "table": table,
                "uid": uid,
                "base_version": base,
                "op": kind,
                "changed": changed,
                "row": row,
                "at": at,
            }
        )
    keys += names
    if _BAD_IN_KEY.search("".join(keys)) or _BAD_IN_VALUE.search("".join(texts)):
        return None
    # Only a body longer than the limit can hold a text longer than it.
    if len(body) > values.MAX_TEXT and max(map(len, texts), default=0) > values.MAX_TEXT:
        return None
    return out
