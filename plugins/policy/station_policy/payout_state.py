"""Whether the hall has confirmed a payout: pay once park-wide is decided there, not at the station.

A payout still in the outbox has not reached the hall: 待确认. A payout the hall refused as a duplicate
(another station paid the same enterprise, policy and period first) comes back as an open conflict of
kind "duplicate" with no hall row: it does not count anywhere until a supervisor settles the conflict
(which removes it). Everything else the hall holds. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

CONFIRMED, PENDING, REFUSED = "confirmed", "pending", "refused"
LABELS = {CONFIRMED: "已确认", PENDING: "待确认", REFUSED: "未被服务大厅接受"}
PENDING_NOTE = "这笔兑付尚未同步到服务大厅确认（待确认）；同步后由服务大厅确认全园区只兑付一次。"


def refused_note(number: str) -> str:
    return (
        f"兑付 {number} 未被服务大厅接受：同一企业、同一政策、同一年度已由其他站点兑付，这笔不计入报表，请勿重复付款。"
        "请主管在同步冲突中保留服务大厅的版本。"
    )


def states(session: Session, uids: Iterable[str]) -> dict[str, str]:
    """Each payout uid's state; the uids not named in the outbox or a refusal are confirmed."""
    wanted = list(dict.fromkeys(uids))
    found = dict.fromkeys(wanted, CONFIRMED)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join(f":u{i}" for i in range(len(chunk)))
        params = {f"u{i}": uid for i, uid in enumerate(chunk)}
        for (uid,) in session.execute(
            text(f"SELECT row_uid FROM sync_outbox WHERE table_name = 'policy_payout' AND row_uid IN ({marks})"),
            params,
        ):
            found[uid] = PENDING
        for (uid,) in session.execute(
            text(
                "SELECT row_uid FROM sync_conflict WHERE table_name = 'policy_payout' AND kind = 'duplicate' "
                f"AND hall_row = 'none' AND status = 'open' AND row_uid IN ({marks})"
            ),
            params,
        ):
            found[uid] = REFUSED
    return found
