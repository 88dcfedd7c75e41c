"""What may travel in a sync operation, checked at the door on both sides.

One bad value stored at the hall would stop every station's pull (a NaN is not JSON, a lone UTF-16
surrogate is not UTF-8, PostgreSQL refuses a NUL in text), so the hall refuses an operation carrying one
before anything is stored, and a station refuses it before it enters the outbox. Keys and identifiers
(table, uid, field names) carry no control characters at all; values may hold line breaks and tabs
(a comment, an address) but no NUL and no other character that cannot be written as UTF-8.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

# Raised by the station's guard triggers (station.core.sync.capture) with this text, which is already the
# sentence a clerk reads (station.core.db_errors passes it on).
UNSYNCABLE = "这条记录含有不能保存和同步的值（控制字符或无穷大的数），没有保存。请删去这些字符或改正数值后重试。"
MAX_INT = 2**63 - 1  # what a station's SQLite INTEGER holds
MAX_TEXT = 1_000_000  # characters in one value: a licence payload or a policy document fits many times over

# Control characters (C0, DEL, C1) and surrogates: never in a key or identifier.
_BAD_IN_KEY = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# In a value: NUL, the C0 controls other than tab/line feed/carriage return, and lone surrogates.
_BAD_IN_VALUE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


class BadValue(ValueError):
    """A value that may not travel; ``message`` is the sentence a person reads."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def key_problem(value: Any) -> str | None:
    """Why ``value`` is not a usable key or identifier, or None."""
    if not isinstance(value, str) or not value:
        return "缺少标识"
    if _BAD_IN_KEY.search(value):
        return "标识中含有控制字符或无效字符"
    return None


def value_problem(value: Any) -> str | None:
    """Why ``value`` cannot be stored and served to every station, or None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if -MAX_INT - 1 <= value <= MAX_INT else "数值超出范围"
    if isinstance(value, float):
        return None if math.isfinite(value) else "数值不是有限数（NaN 或无穷大）"
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return "文字过长"
        return "含有无效字符（如 NUL、控制字符或不成对的代理字符）" if _BAD_IN_VALUE.search(value) else None
    return "数据类型不受支持"


def row_problem(row: Mapping[str, Any] | None) -> str | None:
    """The first problem of a row's field names and values, naming the field."""
    for name, value in (row or {}).items():
        if (problem := key_problem(name)) is not None:
            return f"字段名{problem}"
        if (problem := value_problem(value)) is not None:
            return f"字段“{name}”{problem}"
    return None


def op_problem(op: Mapping[str, Any]) -> str | None:
    """Why one operation (as a station pushes it) may not travel, or None."""
    for part in ("table", "uid", "op_uid"):
        if (problem := key_problem(op.get(part))) is not None:
            return f"{part}：{problem}"
    for name in op.get("changed") or ():
        if (problem := key_problem(name)) is not None:
            return f"changed：{problem}"
    return row_problem(op.get("row"))


def all_clean(ops: Iterable[Mapping[str, Any]]) -> bool:
    """Whether no operation of ``ops`` has a problem (``op_problem``), in one pass over the operations and a
    few in C over all their values (``all_plain``); keys are searched as one string, since joining cannot
    make a bad character out of good ones. False says only that some operation needs ``op_problem`` to name
    its problem."""
    keys: list[Any] = []
    names: set[Any] = set()  # field names: the same few, op after op
    found: list[Any] = []
    for op in ops:
        parts = (op.get("table"), op.get("uid"), op.get("op_uid"))
        for part in parts:
            if not isinstance(part, str) or not part:
                return False
        keys += parts
        names.update(op.get("changed") or ())
        row = op.get("row") or {}
        if type(row) is not dict:
            return False
        names.update(row)
        found += row.values()
    if not all(isinstance(name, str) and name for name in names):
        return False
    keys += names
    return not _BAD_IN_KEY.search("".join(keys)) and all_plain(found)


SCALARS: frozenset[type] = frozenset({str, int, float, bool, type(None)})  # what a value may be


def all_plain(found: list[Any], kinds: frozenset[type] = SCALARS, search_texts: bool = True) -> bool:
    """Whether every value of ``found`` has no ``value_problem`` and is of one of ``kinds``: each check one
    pass in C over all of them (a loop over each value in Python had cost more than sending it).
    ``search_texts=False``: the caller knows no text holds a bad character (see the hall's intake)."""
    present = set(map(type, found))
    if not present <= kinds:
        return False
    if int in present or bool in present:
        ints = list(filter(int.__instancecheck__, found))
        if min(ints) < -MAX_INT - 1 or max(ints) > MAX_INT:
            return False
    if float in present and not all(map(math.isfinite, filter(float.__instancecheck__, found))):
        return False
    if str not in present:
        return True
    texts = list(filter(str.__instancecheck__, found))
    if max(map(len, texts)) > MAX_TEXT:
        return False
    return not (search_texts and _BAD_IN_VALUE.search("".join(texts)))


def check_ops(ops: Iterable[Mapping[str, Any]]) -> None:
    """Raise ``BadValue`` naming the first operation that may not travel."""
    for n, op in enumerate(ops, 1):
        if (problem := op_problem(op)) is not None:
            raise BadValue(f"第 {n} 条操作（表 {printable_key(op.get('table'))}）{problem}，服务大厅没有接受这次上传。")


def printable_key(value: Any) -> str:
    """A key as it may be quoted back or logged: its bad characters made visible, never echoed raw."""
    text = str(value)[:60]
    return _BAD_IN_KEY.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
