"""The policy plugin's pages in the hall's web face. In the console: the catalogue the hall publishes (each
policy's current edition), its history of publications, and publishing a folder of policy documents after a
preview of what changes; on the park figures page, payouts by month and department. In the enterprise window:
an enterprise opens its claims' progress by its credit code and the code printed on a claim's receipt, and
sees the policies it qualifies for, matched at the hall from what the stations synced. No Qt."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import datetime as dt
import functools
import hmac
import json
import re
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
                     "policy_code": "政策", "period": "兑现期间", "status": "状态", "estimated_fen": "测算金额",
                     "approved_fen": "核定金额", "materials": "申请材料", "verifier": "核查人",
                     "notice_until": "公示截止", "receipt_code": "回执查询码"},
    "policy_payout": {"": "兑现拨付", "number": "拨付编号", "enterprise_uid": "企业（内部编号）",
                      "policy_code": "政策", "period": "兑现期间", "department": "拨付部门", "amount_fen": "金额",
                      "paid_on": "拨付日期"},
}  # fmt: skip


def values(table: str, field: str, value: Any) -> str | None:
    """The policy tables' stored values as a clerk reads them in the review queue: statuses and steps by
    name, money in yuan, the materials as a list, the drawn verifier by name."""
    from station_policy.facts import format_fen
    from station_policy.services import STATUSES, STEPS

    if not table.startswith("policy_"):
        return None
    if field.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return format_fen(value)
    if field in ("status", "status_after") and table in ("policy_claim", "policy_claim_event"):
        return STATUSES.get(str(value))
    if field == "step" and table == "policy_claim_event":
        return STEPS.get(str(value))
    if field == "period":
        return "一次性" if value == "once" else f"{value} 年度"
    if field == "materials" and isinstance(value, str):
        try:
            listed = json.loads(value or "[]")
        except ValueError:
            return None
        return "、".join(str(m) for m in listed) if isinstance(listed, list) and listed else "（无）"
    if field == "verifier" and isinstance(value, str):
        try:
            drawn = json.loads(value) if value else {}
        except ValueError:
            return None
        return str(drawn.get("agency_name") or "（未抽取）") if isinstance(drawn, dict) else None
    return None


def pages() -> list[HallPage]:
    return [
        HallPage(
            "policies",
            "政策目录",
            routes=routes,
            templates=TEMPLATES,
            figures=figures,
            order=30,
            labels=LABELS,
            values=values,
        ),
        HallPage("claims", "政策兑现查询", area="window", routes=window_routes, templates=TEMPLATES, order=30),
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


# -- the enterprise window: claims and qualifying policies -------------------------------------------------

CLAIM, EVENT, FACT, CERT, ENTERPRISE = "policy_claim", "policy_claim_event", "policy_fact", "policy_cert", "enterprise"
NOT_FOUND = (
    "没有找到与这个统一社会信用代码和查询码相符的申请。请核对申请回执上的查询码和贵单位的统一社会信用代码（18 位）。"
)
_USCC = re.compile(r"^[0-9A-Z]{18}$")
LIVE_STEPS = (("accept", "受理"), ("review", "审核"), ("notice", "公示"), ("pay", "兑付"))
Data = dict[str, Any]
PENDING_PAY = "待确认：服务站已登记兑付，服务大厅尚未确认（同一企业、同一政策、同一年度只兑付一次）"


def _receipt_pattern() -> re.Pattern[str]:
    from station_policy.services import RECEIPT_ALPHABET, RECEIPT_LENGTH

    return re.compile(f"^[{RECEIPT_ALPHABET}]{{{RECEIPT_LENGTH}}}$")


def same(held: Any, typed: str) -> bool:
    """A stored code equals a typed one, compared in constant time (as bytes: a row a station synced may
    hold any text)."""
    return hmac.compare_digest(str(held or "").encode("utf-8", "replace"), typed.encode("utf-8"))


@functools.lru_cache(maxsize=512)
def edition(document: str) -> Any:
    """A published policy document, read once per text (every claims page evaluates the catalogue)."""
    from station_policy import catalog

    return catalog.load_document(document)


def find_enterprise(db: Any, uscc: str, code: str) -> tuple[str, dict[str, Any], list[tuple[str, Data]]] | None:
    """(uid, data, claims) of the enterprise with this credit code holding a claim with this receipt code; None
    otherwise, the same for a wrong credit code and a wrong receipt code."""
    uscc, code = uscc.strip().upper(), code.strip().upper()
    if not _USCC.match(uscc) or not _receipt_pattern().match(code):
        return None
    found = rows.by_unique(db, ENTERPRISE, {"uscc": uscc})
    if found is None:
        return None
    uid, enterprise = found
    claims = [(c, d) for c, d, _ in rows.live(db, CLAIM, uid) if d.get("enterprise_uid") == uid]
    if not any(same(d.get("receipt_code"), code) for _, d in claims):
        return None
    return uid, enterprise, claims


def _day(value: Any) -> str:
    at = rows.when(value)
    return local(at).strftime("%Y-%m-%d") if at else ""


def claim_view(db: Any, uid: str, claim: Data, titles: dict[str, str], code: str) -> Data:
    """One claim as the enterprise reads it: its status and the four steps 受理, 审核, 公示, 兑付 with dates
    and amounts; 待确认 when a station recorded a payment the hall does not hold yet."""
    from station_policy.facts import format_fen
    from station_policy.services import STATUSES

    events = sorted((d for _, d, _ in rows.live(db, EVENT, uid) if d.get("claim_uid") == uid),
                    key=lambda e: str(e.get("at") or ""))  # fmt: skip
    last = {str(e.get("step")): e for e in events}
    payout = next((d for _, d, _ in rows.live(db, PAYOUT, uid) if d.get("claim_uid") == uid), None)
    status = str(claim.get("status") or "")
    order = ["applied", "accepted", "approved", "notice", "paid"]
    reached = order.index(status) if status in order else -1
    steps = []
    for i, (step, name) in enumerate(LIVE_STEPS, start=1):
        event = last.get(step) or (last.get("review") if step == "review" else None)
        detail, state = "", "done" if reached >= i else ("current" if reached == i - 1 else "waiting")
        if step == "review" and claim.get("approved_fen") is not None and reached >= 2:
            detail = f"核定金额 {format_fen(int(claim['approved_fen']))}"
        if step == "notice" and claim.get("notice_until"):
            detail = f"公示至 {claim['notice_until']}，期满无异议后兑付"
        if step == "pay" and status == "paid":
            if payout is not None:
                detail = f"已兑付 {format_fen(int(payout.get('amount_fen') or 0))}（兑付编号 {payout.get('number')}）"
            else:  # the station paid; the hall, which pays each enterprise once park-wide, has not confirmed it
                state, detail = "pending", PENDING_PAY
        when = (
            _day(payout.get("paid_at") or payout.get("paid_on"))
            if step == "pay" and payout
            else _day(event.get("at") if event and state == "done" else None)
        )
        steps.append({"name": name, "state": state, "when": when, "detail": detail})
    ended = ""
    if status in ("rejected", "withdrawn"):
        event = last.get("reject") or last.get("review") or last.get("withdraw") or {}
        ended = f"{STATUSES[status]}（{_day(event.get('at'))}）：{event.get('reason') or '未写理由'}"
    estimated = claim.get("estimated_fen")
    return {
        "number": claim.get("number") or "",
        "this": same(claim.get("receipt_code"), code),
        "title": titles.get(str(claim.get("policy_code")), str(claim.get("policy_code") or "")),
        "period": "一次性" if claim.get("period") == "once" else f"{claim.get('period')} 年度",
        "status": "兑付待确认" if any(s["state"] == "pending" for s in steps) else STATUSES.get(status, status),
        "applied": _day(claim.get("created_at")),
        "estimated": format_fen(int(estimated)) if estimated is not None else "待核定",
        "steps": steps,
        "ended": ended,
    }


def subject_of(db: Any, uid: str, enterprise: Data) -> Any:
    """The enterprise as the policy rules see it, from the rows the hall holds: its registration (the
    ``enterprise`` row), the departments' figures (``policy_fact``) and its recognitions (``policy_cert``)."""
    from station_policy.rules import Subject

    def date(value: Any) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(value)[:10]) if value else None
        except ValueError:
            return None

    fields = {k: enterprise.get(k) for k in ("uscc", "name", "industry_code", "registered_capital_fen", "employees",
                                             "zone", "stage")}  # fmt: skip
    fields["founded_on"] = date(enterprise.get("founded_on"))
    facts: dict[tuple[str, int], Any] = {}
    for _, f, _ in rows.live(db, FACT, uid):
        if f.get("enterprise_uid") == uid and f.get("value") is not None:
            facts[(str(f.get("fact_key")), int(f.get("year") or 0))] = int(f["value"])
    certs = {str(c.get("kind")): date(c.get("expires_on")) for _, c, _ in rows.live(db, CERT, uid)
             if c.get("enterprise_uid") == uid}  # fmt: skip
    return Subject(fields, facts, certs)


def qualifying(db: Any, uid: str, enterprise: Data, claims: list[tuple[str, Data]], on: dt.date) -> list[Data]:
    """The policies in force that the enterprise qualifies for, or may once a figure is added, by the policy
    plugin's own evaluation, with those it already applied for this period marked."""
    from station_policy import catalog
    from station_policy.facts import format_fen
    from station_policy.rules import RuleError
    from station_policy.services import LIVE, STATUSES

    editions = []
    for _, data, _ in rows.live(db, POLICY):
        try:
            editions.append(edition(str(data.get("document") or "")))
        except RuleError:  # published by the hall after its checks; a document it cannot read is left out
            continue
    subject = subject_of(db, uid, enterprise)
    applied = {(str(d.get("policy_code")), str(d.get("period"))): str(d.get("status")) for _, d in claims
               if d.get("status") in LIVE}  # fmt: skip
    found = []
    for policy in catalog.current(editions, on):
        evaluation = catalog.evaluate(policy, subject, on)
        if evaluation.status == catalog.INELIGIBLE:
            continue
        claimed = applied.get((policy.code, policy.period_for(on)), "")
        found.append({
            "title": policy.title, "department": policy.department, "summary": policy.summary,
            "eligible": evaluation.status == catalog.ELIGIBLE,
            "amount": format_fen(evaluation.amount_fen) if evaluation.amount_fen is not None else "金额待核定",
            "missing": [f.label for f in evaluation.findings if f.outcome == catalog.UNKNOWN_STATUS],
            "claimed": STATUSES.get(claimed, "") if claimed else "",
        })  # fmt: skip
    return sorted(found, key=lambda p: (not p["eligible"], bool(p["claimed"]), p["department"], p["title"]))


def window_routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    def page(request: Request, status: int = 200, **values: Any) -> HTMLResponse:
        values = {"title": "政策兑现查询", "message": "", "found": None, "uscc": "", **values}
        return site.form_page(request, "policy_claims.html", status, **values)

    @router.get("")
    def lookup_form(request: Request) -> HTMLResponse:
        return page(request)

    @router.post("")
    async def lookup(request: Request) -> HTMLResponse:
        site.check_lookup(request)
        form = await site.form(request)
        uscc, code = text(form, "uscc"), text(form, "code")  # checked whole: a longer one is wrong, not cut
        now = dt.datetime.now(dt.UTC)
        with site.session() as db:
            hit = find_enterprise(db, uscc, code)
            found = None
            if hit is not None:
                uid, enterprise, claims = hit
                titles = {str(p.get("code")): str(p.get("title") or "") for p in current(db)}
                views = [claim_view(db, c, d, titles, code.strip().upper()) for c, d in claims]
                found = {
                    "name": enterprise.get("name") or "",
                    "claims": sorted(views, key=lambda v: (not v["this"], v["number"])),  # this receipt's first
                    "policies": qualifying(db, uid, enterprise, claims, local(now).date()),
                }
        if found is None:
            site.failed_lookup(request)
            return page(request, 404, message=NOT_FOUND, uscc=uscc[:40])
        return page(request, title="政策兑现进度", found=found)

    return router
