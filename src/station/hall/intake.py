"""Reading a push's body: the common case quickly, anything unusual exactly as the models would.

Validating every operation of a 1,000-operation request with pydantic (and the standard JSON parser
before it) cost more of the hall's time than applying them. ``fast_ops`` parses with orjson and accepts
only what the models would certainly accept unchanged: exact JSON types, every constraint of ``OpIn``
and every rule of ``station.core.sync.values``. Anything it is not sure of (a wrong type, a value the
models would coerce, a bad character, a giant number, invalid JSON) returns None, and the caller reads the
body the old way, so a hostile or unusual request gets the same answer, word for word, as before.
"""

from __future__ import annotations

import operator
import re
from typing import Any

import orjson

from station.core.sync import values

MAX_SEQ = 2**31 - 1
_OPS = frozenset({"upsert", "delete"})
_FIELDS = ("seq", "op_uid", "table", "uid", "base_version", "op", "changed", "row", "at")
_ALL_FIELDS = frozenset(_FIELDS)
_fields = operator.itemgetter(*_FIELDS)
# Every op uid of a request at once, each followed by a line feed (which none may hold).
_OP_UIDS = re.compile(r"(?:[0-9a-f]{8,32}\n)*")
# The same characters as values.py, searched once over all of a request's keys and all of its texts
# (joining cannot make a bad character out of good ones).
_BAD_IN_KEY = values._BAD_IN_KEY
_BAD_IN_VALUE = values._BAD_IN_VALUE
# Not bool (the models make it 1), lists or objects. A bad character in a text cannot stand in the body as
# itself: JSON (and orjson) refuse raw control characters in a string and UTF-8 has no lone surrogates, so
# it is written as an escape. A body without a backslash needs no search of its texts.
_PLAIN: frozenset[type] = frozenset({str, int, float, type(None)})


def fast_ops(body: bytes, max_ops: int) -> list[dict[str, Any]] | None:
    """The operations of ``{"ops": [...]}`` as ``OpIn.model_dump()`` gives them, or None when the body needs
    the models (and ``values.check_ops``) to answer.

    Per operation only what must be: its fields' types and bounds; the values of every row are checked
    together at the end, each check one pass in C over all of them."""
    try:
        parsed = orjson.loads(body)
    except orjson.JSONDecodeError:
        return None
    if type(parsed) is not dict:
        return None
    ops = parsed.get("ops")
    if type(ops) is not list or len(ops) > max_ops:
        return None
    keys: list[str] = []  # every identifier: table, uid
    op_uids: list[str] = []
    names: set[str] = set()  # every field name, changed or in a row (the same few, op after op)
    found: list[Any] = []  # every value of every row
    out = []
    for op in ops:
        if type(op) is not dict:
            return None
        if op.keys() != _ALL_FIELDS:  # the models' defaults for what is missing; what they ignore, dropped
            op = {**dict.fromkeys(_FIELDS), "changed": [], **{f: op[f] for f in _FIELDS if f in op}}
        seq, op_uid, table, uid, base, kind, changed, row, at = _fields(op)
        if not (
            type(seq) is int
            and 1 <= seq <= MAX_SEQ
            and type(op_uid) is str
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
        if changed:
            if not all(type(name) is str and name for name in changed):
                return None
            names.update(changed)
        keys += (table, uid)
        op_uids.append(op_uid)
        if row is not None:
            if type(row) is not dict or "" in row:
                return None
            names.update(row)
            found += row.values()
        out.append(op)
    joined = "\n".join(op_uids) + "\n"
    if op_uids and (joined.count("\n") != len(op_uids) or not _OP_UIDS.fullmatch(joined)):  # one held a "\n"
        return None
    keys += names
    # A text's bad character can stand in the body only as an escape (see _PLAIN).
    if _BAD_IN_KEY.search("".join(keys)) or not values.all_plain(found, _PLAIN, search_texts=b"\\" in body):
        return None
    return out
