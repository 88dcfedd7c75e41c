"""The startup plugin's pages in the hall's web face: an enterprise looks up its case's progress by the
tracking code on its receipt and the last four digits of the applicant's phone, and rates it (好差评, written
at the hall: ``hall_side``); the console's park figures count open cases by colour at each station. Read from
the hall's copy of the synced rows; no Qt."""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import datetime as dt
import hmac
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from station.api import HallFigure, HallPage, UserError, ValidationError, local_text, utcnow
from station.api.hall import Site, rows, text, yuan

TEMPLATES = Path(__file__).parent / "hall_templates"
CASE, STEP, PAPER = "startup_case", "startup_step", "startup_paper"
NOT_FOUND = "没有找到与这个查询码和手机号相符的办件。请核对回执上的查询码和申请时所留手机号的后四位。"
_CODE = re.compile(r"^[A-Z0-9]{4,40}$")
LABELS = {
    CASE: {"": "企业开办件", "number": "受理编号", "enterprise_name": "企业名称", "status": "状态", "clerk": "办事员",
           "agent": "帮办代办专员", "contact_phone": "联系电话", "deadline_at": "办结时限"},
    STEP: {"": "开办环节", "step_code": "环节", "status": "状态", "note": "备注", "deadline_at": "时限",
           "done_at": "办结时间"},
    PAPER: {"": "开办材料", "name": "材料", "status": "状态", "due_at": "补交期限", "received_at": "收到时间"},
    "startup_rating": {"": "好差评", "case_uid": "开办件（内部编号）", "stage": "评价环节", "grade": "评价等级",
                       "comment": "评价意见", "channel": "评价渠道", "station_code": "评价地点",
                       "answer_due_at": "处理时限", "rated_at": "评价时间"},
    "startup_rating_answer": {"": "差评处理", "rating_uid": "评价（内部编号）", "step": "处理步骤", "text": "处理情况",
                              "answered_at": "处理时间"},
}  # fmt: skip


def pages() -> list[HallPage]:
    return [
        HallPage("case", "开办进度查询", area="window", routes=routes, templates=TEMPLATES, order=20),
        HallPage("startup", "企业开办", figures=figures, order=20, labels=LABELS, values=values),
    ]


STATUS_TEXT = {
    CASE: {"open": "办理中", "closed": "已办结"},
    STEP: {"waiting": "等待营业执照", "in_progress": "办理中", "blocked": "受阻", "done": "已办结"},
    PAPER: {"received": "已收取", "generated": "由服务站生成", "deferred": "容缺后补"},
}


def values(table: str, field: str, value: Any) -> str | None:
    """The startup tables' stored values as a clerk reads them in the review queue."""
    from station_startup import catalogue, ratings

    if not table.startswith("startup_"):
        return None
    if field == "status" and table in STATUS_TEXT:
        return STATUS_TEXT[table].get(str(value))
    if field.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
        return yuan(value)
    if field == "step_code":
        return {s.code: s.name for s in catalogue.load().steps}.get(str(value))
    if table == "startup_rating" and field == "grade":
        return ratings.GRADES.get(value) if isinstance(value, int) else None
    if table == "startup_rating" and field in ("stage", "channel"):
        return {"stage": ratings.STAGES, "channel": ratings.CHANNELS}[field].get(str(value))
    if table == "startup_rating_answer" and field == "step":
        return ratings.ANSWER_STEPS.get(str(value))
    return None


def step_colour(step: dict[str, Any], now: dt.datetime) -> str:
    """As the station's board colours a step: done green, past its deadline red, past its yellow line yellow."""
    if step.get("status") == "done":
        return "green"
    deadline, yellow = rows.when(step.get("deadline_at")), rows.when(step.get("yellow_at"))
    if deadline is not None and deadline <= now:
        return "red"
    if yellow is not None and yellow <= now:
        return "yellow"
    return "none"


Data = dict[str, Any]


def overdue(paper: Data, now: dt.datetime) -> bool:
    due = rows.when(paper.get("due_at"))
    return paper.get("status") == "deferred" and due is not None and due <= now


def case_colour(case: Data, steps: list[Data], papers: list[Data], now: dt.datetime) -> str:
    if case.get("status") == "closed":
        return "green"
    colours = {step_colour(s, now) for s in steps}
    if "red" in colours or any(overdue(p, now) for p in papers):
        return "red"
    return "yellow" if "yellow" in colours else "none"


def find(db: Any, code: str, phone_tail: str) -> tuple[str, dict[str, Any]] | None:
    """The case with this tracking code whose applicant's phone ends with these four digits; None otherwise,
    the same for a wrong code and a wrong phone."""
    code = code.strip().upper()
    if not _CODE.match(code) or not re.fullmatch(r"\d{4}", phone_tail):
        return None
    found = rows.by_unique(db, CASE, {"tracking_code": code})
    if found is None:
        return None
    phone = re.sub(r"\D", "", str(found[1].get("contact_phone") or ""))
    # As bytes: \d also matches other scripts' digits, which a str comparison in constant time refuses.
    if len(phone) < 4 or not hmac.compare_digest(phone[-4:].encode(), phone_tail.encode()):
        return None
    return found


def progress(db: Any, uid: str, case: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    """What the enterprise sees of its case: its steps in the catalogue's order, deferred papers, the agent,
    its ratings and the points it may still rate."""
    from station_startup import catalogue, ratings
    from station_startup.hall_side import rated_stages

    specs = catalogue.load().steps
    order = {s.code: i for i, s in enumerate(specs)}
    steps = sorted((d for _, d, _ in rows.live(db, STEP, uid) if d.get("case_uid") == uid),
                   key=lambda s: order.get(str(s.get("step_code")), 99))  # fmt: skip
    papers = [d for _, d, _ in rows.live(db, PAPER, uid) if d.get("case_uid") == uid]
    names = {s.code: s.name for s in specs}
    status_text = STATUS_TEXT[STEP]
    given = rated_stages(db, uid)
    return {
        "ratings": [
            {
                "stage": ratings.STAGES[k],
                "grade": ratings.GRADES.get(int(given[k].get("grade") or 0), ""),
                "comment": given[k].get("comment") or "",
                "at": local_text(rows.when(given[k].get("rated_at"))),
            }
            for k in ratings.STAGES
            if k in given
        ],
        "to_rate": [(k, ratings.STAGES[k]) for k in ratings.reached_at(str(case.get("status"))) if k not in given],
        "name": case.get("enterprise_name") or "",
        "number": case.get("number") or "",
        "closed": case.get("status") == "closed",
        "colour": case_colour(case, steps, papers, now),
        "started": local_text(rows.when(case.get("started_at"))),
        "deadline": local_text(rows.when(case.get("deadline_at"))),
        "completed": local_text(rows.when(case.get("completed_at"))),
        "limit": case.get("limit_text") or "",
        "agent": case.get("agent") or "",
        "steps": [
            {
                "name": names.get(str(s.get("step_code")), "办理环节"),
                "department": s.get("department") or "",
                "state": status_text.get(str(s.get("status")), "办理中"),
                "colour": step_colour(s, now),
                "deadline": local_text(rows.when(s.get("deadline_at"))),
                "done": local_text(rows.when(s.get("done_at"))),
                "note": (s.get("note") or "") if s.get("status") == "blocked" else "",
            }
            for s in steps
        ],
        "papers": [
            {"name": p.get("name") or "", "due": local_text(rows.when(p.get("due_at"))), "overdue": overdue(p, now)}
            for p in papers
            if p.get("status") == "deferred"
        ],
    }


def routes(site: Site) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("")
    def lookup_form(request: Request) -> HTMLResponse:
        return site.form_page(request, "startup_case.html", title="开办进度查询", message="", case=None, code="")

    @router.post("")
    async def lookup(request: Request) -> HTMLResponse:
        site.check_lookup(request)
        form = await site.form(request)
        code, tail = text(form, "code")[:40], text(form, "phone")[:4]
        with site.session() as db:
            found = find(db, code, tail)
            case = progress(db, found[0], found[1], utcnow()) if found else None
        if case is None:
            site.failed_lookup(request)
            return site.form_page(request, "startup_case.html", 404, title="开办进度查询", message=NOT_FOUND, case=None,
                                  code=code)  # fmt: skip
        return case_page(request, case, code, tail)

    def case_page(request: Request, case: dict[str, Any], code: str, tail: str, status: int = 200,
                  thanks: str = "", refused: str = "") -> HTMLResponse:  # fmt: skip
        from station_startup.ratings import COMMENT_MAX, GRADES

        return site.form_page(
            request, "startup_case.html", status, title="开办进度", message="", case=case, code=code.strip().upper(),
            phone=tail, grades=GRADES, comment_max=COMMENT_MAX, thanks=thanks, refused=refused,
        )  # fmt: skip

    @router.post("/rate")
    async def rate(request: Request) -> HTMLResponse:
        """好差评 of the case the form was opened for: the code and phone come back with it and are checked
        again (and throttled) as a lookup is; a rule that refuses it is said on the case's page."""
        from station_startup.hall_side import rate_at_hall

        site.check_lookup(request)
        form = await site.form(request)
        code, tail = text(form, "code")[:40], text(form, "phone")[:4]
        thanks = refused = ""
        status = 200
        with site.session() as db:
            found = find(db, code, tail)
            if found is not None:
                stage = text(form, "stage") or None
                try:
                    with db.begin_nested():  # a refused rating leaves nothing behind
                        rate_at_hall(db, site.tables, found[0], found[1], text(form, "grade"), stage=stage,
                                     comment=text(form, "comment"), now=utcnow())  # fmt: skip
                    thanks = "感谢您的评价！评价已记录，受理服务站同步后即可看到。"
                except UserError as exc:
                    refused, status = exc.message, 400 if isinstance(exc, ValidationError) else 409
                case = progress(db, found[0], found[1], utcnow())
        if found is None:
            site.failed_lookup(request)
            return site.form_page(request, "startup_case.html", 404, title="开办进度查询", message=NOT_FOUND, case=None,
                                  code=code)  # fmt: skip
        return case_page(request, case, code, tail, status, thanks, refused)

    return router


def figures(db: Any) -> list[HallFigure]:
    """Open and finished cases by colour, at each station."""
    now = utcnow()
    steps: dict[str, list[dict[str, Any]]] = {}
    for _, step, _ in rows.live(db, STEP):
        steps.setdefault(str(step.get("case_uid")), []).append(step)
    papers: dict[str, list[dict[str, Any]]] = {}
    for _, paper, _ in rows.live(db, PAPER):
        papers.setdefault(str(paper.get("case_uid")), []).append(paper)
    counts: dict[str, dict[str, int]] = {}
    for uid, case, owner in rows.live(db, CASE):
        colour = case_colour(case, steps.get(uid, []), papers.get(uid, []), now)
        per = counts.setdefault(owner, {})
        per[colour] = per.get(colour, 0) + 1
    names = rows.station_names(db)
    order = ("red", "yellow", "none", "green")
    table = [
        (names.get(code, code), *(str(per.get(c, 0)) for c in order), str(sum(per.values())))
        for code, per in sorted(counts.items())
    ]
    if len(table) > 1:
        table.append(("全园区", *(str(sum(p.get(c, 0) for p in counts.values())) for c in order),
                      str(sum(sum(p.values()) for p in counts.values()))))  # fmt: skip
    columns = ("服务站", "红色（超时）", "黄色（临近时限）", "按时办理中", "绿色（已办结）", "合计")
    return [HallFigure("企业开办件三色预警（各服务站）", columns, table, "按各服务站最近一次同步的数据计算。")]
