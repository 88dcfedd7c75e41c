"""The policy plugin's pages in the hall console: the catalogue the hall publishes (each policy's current
edition), its history of publications, and publishing a folder of policy documents after a preview of what
changes; on the park figures page, payouts by month and department. No Qt."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import datetime as dt
import json
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from sqlalchemy import select
from starlette.datastructures import UploadFile

from station.api import HallFigure, HallPage, UserError, local
from station.api.hall import Change, Meta, Operator, Site, publish_rows, rows, text, yuan

TEMPLATES = Path(__file__).parent / "hall_templates"
POLICY, PAYOUT = "policy_policy", "policy_payout"
HISTORY = 200  # publications shown, newest first
MAX_DOCUMENTS, MAX_DOCUMENT_BYTES = 500, 256 * 1024
PENDING = "policy.pending."  # hall_meta key of an upload previewed but not yet published
# What a publication may change in an edition, as the preview names it.
COMPARED = {"title": "名称", "department": "部门", "category": "类别", "valid_to": "截止日期", "period": "兑现周期",
            "digest": "条件、金额或其他条文"}  # fmt: skip


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


def parse(documents: list[tuple[str, str]]) -> list[Any]:
    """The policies in uploaded ``(file name, text)`` documents; ``UserError`` naming the first bad one."""
    from station_policy.catalog import check_cases, load_document
    from station_policy.rules import RuleError

    policies, seen = [], set()
    for name, document in documents:
        try:
            policy = load_document(document)
        except RuleError as exc:
            raise UserError(f"{name}：{exc} 请改正后重新上传。") from None
        if (policy.code, policy.edition) in seen:
            raise UserError(f"政策 {policy.code} 的 {policy.edition} 版出现了两次，请删去重复的文件后重新上传。")
        seen.add((policy.code, policy.edition))
        problems = check_cases(policy)
        if problems:
            raise UserError(f"{name}：政策案例未通过（{problems[0]}），未发布。请改正后重新上传。")
        policies.append(policy)
    return policies


def changes(db: Any, policies: list[Any]) -> list[dict[str, Any]]:
    """What publishing ``policies`` changes at the hall: each edition new, revised (and in what) or unchanged."""
    from station_policy.hall_publish import row_data

    now = dt.datetime.now(dt.UTC)
    found = []
    for p in policies:
        held = rows.by_unique(db, POLICY, {"code": p.code, "edition": p.edition})
        new = row_data(p, now)
        changed = [label for key, label in COMPARED.items() if held and held[1].get(key) != new.get(key)]
        state = "新增" if held is None else ("修订" if changed else "不变")
        found.append({"code": p.code, "title": p.title, "edition": p.edition, "state": state, "what": changed})
    return sorted(found, key=lambda c: ("新增修订不变".index(c["state"]), c["code"]))


async def uploaded(form: Any) -> list[tuple[str, str]]:
    files = [f for f in form.getlist("documents") if isinstance(f, UploadFile) and f.filename]
    if not files:
        raise UserError("请选择政策目录文件夹中的政策文件（.yaml）后再预览。")
    if len(files) > MAX_DOCUMENTS:
        raise UserError(f"一次最多发布 {MAX_DOCUMENTS} 个政策文件，请分批发布。")
    documents = []
    for f in files:
        raw = await f.read(MAX_DOCUMENT_BYTES + 1)
        name = Path(f.filename or "").name[:100]
        if len(raw) > MAX_DOCUMENT_BYTES:
            raise UserError(f"{name} 太大了，不像是政策文件。请检查后重新上传。")
        try:
            documents.append((name, raw.decode("utf-8")))
        except UnicodeDecodeError:
            raise UserError(f"{name} 不是 UTF-8 编码的文本，请用文本编辑器另存为 UTF-8 后重新上传。") from None
    return documents


def routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    Signed = Annotated[Operator, Depends(site.operator)]
    Supervisor = Annotated[Operator, Depends(site.supervisor)]

    @router.get("")
    def catalogue(request: Request, operator: Signed) -> HTMLResponse:
        with site.session() as db:
            policies, published = current(db), history(db)
        return site.render(request, "policy_catalogue.html", title="政策目录", policies=policies, history=published)

    @router.post("/preview")
    async def preview(request: Request, operator: Supervisor) -> HTMLResponse:
        form = await site.form(request, operator)
        documents = await uploaded(form)
        policies = parse(documents)
        token = secrets.token_urlsafe(16)
        with site.session() as db:
            found = changes(db, policies)
            if any(c["state"] != "不变" for c in found):  # kept until published, so what is published is what was seen
                pending = json.dumps({"by": operator.username, "documents": documents}, ensure_ascii=False)
                db.add(Meta(key=PENDING + token, value=pending))
        return site.render(request, "policy_preview.html", title="发布政策目录", changes=found, token=token)

    @router.post("/publish")
    async def publish(request: Request, operator: Supervisor) -> RedirectResponse:
        form = await site.form(request, operator)
        token = text(form, "token")[:40]
        with site.session() as db:
            pending = db.get(Meta, PENDING + token) if token else None
            if pending is None or json.loads(pending.value).get("by") != operator.username:
                raise UserError("这次预览已经发布过或已失效。请重新选择文件预览后再发布。")
            from station_policy.hall_publish import row_data

            policies = parse([tuple(d) for d in json.loads(pending.value)["documents"]])
            found = changes(db, policies)
            now = dt.datetime.now(dt.UTC)
            publish_rows(db, site.tables, POLICY, [(p.uid, row_data(p, now)) for p in policies])
            db.delete(pending)
            added = sum(c["state"] == "新增" for c in found)
            revised = sum(c["state"] == "修订" for c in found)
            said = f"{operator.display_name} 发布了政策目录：新增 {added} 项，修订 {revised} 项。"
            site.audit(db, request, operator.username, "policy.publish", f"{added}+{revised}", said)
        return RedirectResponse("/console/policies", status_code=303)

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
