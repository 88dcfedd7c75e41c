"""The fair-draw algorithm (双随机), pure and versioned: docs/agencies-draw.md describes it step by step.

1. The eligible pool (agencies sorted by uid, each with the qualification that made it eligible) is
   written as canonical JSON and hashed: ``pool_hash``. It is fixed and shown before anyone types a number.
2. The witnesses' inputs (numbers typed by the enterprise's representative and the clerk, or a public
   beacon value) are listed in the order given; ``seed = SHA-256(pool_hash + "\\n" + canonical(witnesses))``.
3. A counter stream ``SHA-256(seed bytes ‖ counter as 8 bytes big-endian)``, counter 0, 1, …, read as
   256-bit integers; the first value below the largest multiple of the pool size is taken (rejection
   sampling: no modulo bias) and ``index = value mod pool size``.
4. ``record_hash`` is SHA-256 over the canonical JSON of the whole record, so any later edit shows.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

ALGORITHM = "sha256-counter-rejection/v1"
SPACE = 2**256

# The record fields covered by record_hash, in no particular order (canonical JSON sorts the keys).
HASHED_FIELDS = (
    "number", "algorithm", "service", "purpose", "subject_uid", "enterprise_uid", "on_date", "pool_hash",
    "pool_fixed_at", "exclusions", "witnesses", "seed", "drawn_index", "agency_uid", "drawn_at", "drawn_by",
)  # fmt: skip


def canonical(value: Any) -> str:
    """JSON with sorted keys, no spaces, non-ASCII as is: the same text on every machine."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pool_hash(pool: Sequence[Mapping[str, Any]]) -> str:
    return sha256_hex(canonical(list(pool)))


def seed(pool_hash_hex: str, witnesses: Sequence[Mapping[str, str]]) -> str:
    return sha256_hex(pool_hash_hex + "\n" + canonical(list(witnesses)))


@dataclass(frozen=True)
class Pick:
    index: int
    counter: int  # how many stream values were rejected before this one
    value: int  # the accepted 256-bit value


def pick(seed_hex: str, size: int) -> Pick:
    """Uniform index in range(size) from the seed's counter stream, by rejection sampling."""
    if size <= 0:
        raise ValueError("empty pool")
    limit = SPACE - SPACE % size
    key = bytes.fromhex(seed_hex)
    for counter in itertools.count():
        value = int.from_bytes(hashlib.sha256(key + counter.to_bytes(8, "big")).digest(), "big")
        if value < limit:
            return Pick(value % size, counter, value)
    raise AssertionError("unreachable")  # pragma: no cover


def record_hash(record: Mapping[str, Any]) -> str:
    return sha256_hex(canonical({k: record[k] for k in HASHED_FIELDS}))


@dataclass(frozen=True)
class Verdict:
    ok: bool
    problems: tuple[str, ...]
    agency_uid: str  # the agency the record's inputs select


def verify(record: Mapping[str, Any]) -> Verdict:
    """Re-run a draw from its record: pool hash, seed, selection and record hash must all match."""
    problems: list[str] = []
    pool = json.loads(record["pool"])
    witnesses = json.loads(record["witnesses"]) if isinstance(record["witnesses"], str) else record["witnesses"]
    if record["algorithm"] != ALGORITHM:
        problems.append(f"抽取算法“{record['algorithm']}”不是本程序所知的 {ALGORITHM}。")
        return Verdict(False, tuple(problems), "")
    if [p["uid"] for p in pool] != sorted(p["uid"] for p in pool):
        problems.append("候选名单未按编号排序。")
    if pool_hash(pool) != record["pool_hash"]:
        problems.append("候选名单与记录的名单哈希不符：名单被改动过。")
    if seed(record["pool_hash"], witnesses) != record["seed"]:
        problems.append("由名单哈希和见证数字算出的种子与记录不符。")
    chosen = pick(seed(record["pool_hash"], witnesses), len(pool)) if pool else None
    agency_uid = pool[chosen.index]["uid"] if chosen else ""
    if chosen is None or chosen.index != record["drawn_index"] or agency_uid != record["agency_uid"]:
        problems.append("重新抽取得到的机构与记录的中选机构不同。")
    if record_hash(record) != record["record_hash"]:
        problems.append("记录哈希不符：抽取记录在事后被改动过。")
    return Verdict(not problems, tuple(problems), agency_uid)
