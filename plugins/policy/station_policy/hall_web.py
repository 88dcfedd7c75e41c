"""The policy plugin's pages in the hall console: the catalogue the hall publishes (each policy's current
edition) and its history of publications; on the park figures page, payouts by month and department.
Read from the hall's synced rows and change log; no Qt."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select

from station.contributions import HallFigure, HallPage
from station.core.clock import local
from station.hall.models import Change
from station.hall.web import rows
from station.hall.web.site import Operator, Site, yuan

TEMPLATES = Path(__file__).parent / "hall_templates"
POLICY, PAYOUT = "policy_policy", "policy_payout"
HISTORY = 200  # publications shown, newest first


LABELS = {
    "policy_claim": {"": "政策兑现申请", "number": "申请编号", "enterprise_uid": "企业（内部编号）",
                     "policy_code": "政策", "period": "兑现期间", "status": "状态", "estimated_fen": "测算金额（分）",
                     "approved_fen": "核定金额（分）", "materials": "申请材料", "verifier": "核查人"},
    "policy_payout": {"": "兑现拨付", "number": "拨付编号", "enterprise_uid": "企业（内部编号）",
                      "policy_code": "政策", "period": "兑现期间", "department": "拨付部门", "amount_fen": "金额（分）",
                      "paid_on": "拨付日期"},
}  # fmt: skip


def pages() -> list[HallPage]:
    return [
        HallPage("policies", "政策目录", routes=routes, templates=TEMPLATES, figures=figures, order=30, labels=LABELS)
    ]


def current(db: Any) -> list[dict[str, Any]]:
    """The newest edition of each policy the hall published."""
    newest: dict[str, dict[str, Any]] = {}
    for _, p, _ in rows.live(db, POLICY):
        code = str(p.get("code") or "")
        if code not in newest or str(p.get("edition") or "") > str(newest[code].get("edition") or ""):
            newest[code] = p
    return sorted(newest.values(), key=lambda p: (str(p.get("department") or ""), str(p.get("code") or "")))


def history(db: Any) -> list[dict[str, Any]]:
    """The hall's publications of policy editions, newest first: when, which policy, what changed."""
    query = select(Change).where(Change.table_name == POLICY).order_by(Change.seq.desc()).limit(HISTORY)
    found = []
    for change in db.scalars(query):
        data = json.loads(change.data) if change.data else {}
        found.append(
            {
                "at": rows.when(data.get("published_at")),
                "code": data.get("code") or "",
                "title": data.get("title") or "（已撤下）",
                "edition": data.get("edition") or "",
                "first": change.version == 1,
                "withdrawn": change.deleted,
            }
        )
    return found


def routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    Signed = Annotated[Operator, Depends(site.operator)]

    @router.get("")
    def catalogue(request: Request, operator: Signed) -> HTMLResponse:
        with site.session() as db:
            policies, published = current(db), history(db)
        return site.render(request, "policy_catalogue.html", title="政策目录", policies=policies, history=published)

    return router


def figures(db: Any) -> list[HallFigure]:
    """Payouts recorded at every station, by month (Asia/Shanghai) and paying department."""
    totals: dict[tuple[str, str], tuple[int, int]] = {}
    for _, p, _ in rows.live(db, PAYOUT):
        at = rows.when(p.get("paid_at")) or rows.when(p.get("paid_on"))
        month = local(at).strftime("%Y 年 %m 月") if at else "日期不明"
        key = (month, str(p.get("department") or "未注明部门"))
        count, fen = totals.get(key, (0, 0))
        try:
            amount = int(p.get("amount_fen") or 0)
        except (TypeError, ValueError):
            amount = 0
        totals[key] = (count + 1, fen + amount)
    table = [(month, dept, str(n), yuan(fen)) for (month, dept), (n, fen) in sorted(totals.items(), reverse=True)]
    return [HallFigure("政策兑现拨付（按月份和部门）", ("月份", "部门", "笔数", "金额"), table)]
