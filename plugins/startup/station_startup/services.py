"""Business startup services: intake, the five parallel steps, three colours, completion. No Qt.

Every write goes through ``ctx.work(actor)``: the service checks the permission, bumps the version of
each row it changes (rows sync), audits, and queues events that fire after the commit. Time is injected
(``now``) so tests and the board can move it; deadlines come from the working calendar.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from station.api import (
    SHANGHAI,
    UserError,
    ValidationError,
    Work,
    divisions,
    enterprises,
    identity,
    local,
    meta,
    parse_capital,
    uscc,
    utcnow,
    workcalendar,
)
from station_startup import catalogue, hookspecs, ratings
from station_startup.models import StartupCase, StartupPaper, StartupShareholder, StartupStep, new_uid

SETTINGS_KEY = "startup.settings"
DEFERRED_DAYS = 5  # a deferred paper is due this many working days after intake unless a date is given
STEP_STATUS = {"waiting": "等待营业执照", "in_progress": "办理中", "blocked": "受阻", "done": "已办结"}
CASE_STATUS = {"open": "办理中", "closed": "已办结"}
COLOURS = {"red": "红色（超时）", "yellow": "黄色（临近时限）", "green": "绿色（已办结）", "none": "正常"}
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRTUWXY"  # no 0/O, 1/I, S/5 confusion on a printed receipt


# -- park settings --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartupSettings:
    """The park's promise: a time limit per case type, and when a case turns yellow."""

    limits: dict[str, catalogue.Limit] = field(default_factory=dict)
    yellow_share: float = 0.25  # yellow when less than this share of the step's time is left
    # a 不满意/非常不满意 rating is verified, rectified and revisited within this many working days
    # (the State Council's 好差评 rule gives at most 15 for rectification; a park may promise less)
    answer_days: int = 15

    def limit_for(self, case_type: str) -> catalogue.Limit:
        return self.limits.get(case_type) or catalogue.load().case_type(case_type).default_limit

    def to_json(self) -> str:
        return json.dumps(
            {
                "limits": {k: {"amount": v.amount, "unit": v.unit} for k, v in sorted(self.limits.items())},
                "yellow_share": self.yellow_share,
                "answer_days": self.answer_days,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None) -> StartupSettings:
        if not text:
            return cls()
        raw = json.loads(text)
        return cls(
            limits={k: catalogue.parse_limit(v) for k, v in (raw.get("limits") or {}).items()},
            yellow_share=float(raw.get("yellow_share", 0.25)),
            answer_days=int(raw.get("answer_days", 15)),
        )


def load_settings(session: Session) -> StartupSettings:
    return StartupSettings.from_json(meta.get(session, SETTINGS_KEY))


def parse_limit_text(text: str) -> catalogue.Limit:
    """ "4h" / "4小时" -> 4 working hours; "1d" / "1工作日" -> 1 working day."""
    raw = text.strip().lower().replace("个", "").replace("工作", "")
    for suffix, unit in (("小时", "hours"), ("h", "hours"), ("日", "days"), ("天", "days"), ("d", "days")):
        if raw.endswith(suffix):
            try:
                return catalogue.parse_limit({"amount": float(raw[: -len(suffix)]), "unit": unit})
            except ValueError:
                break
    raise UserError(f"时限“{text}”看不懂，请写成 4h（4个工作小时）或 1d（1个工作日）。")


def save_settings(work: Work, new: StartupSettings) -> None:
    work.require("startup.configure", "设置企业开办时限")
    for case_type in new.limits:
        catalogue.load().case_type(case_type)
    if not 0 < new.yellow_share < 1:
        raise UserError("黄色预警比例应在 0 和 1 之间，例如 0.25 表示剩余时间不足四分之一时变黄。")
    if not 1 <= new.answer_days <= 15:
        raise UserError("差评整改时限应为 1 到 15 个工作日。")
    before = meta.get(work.session, SETTINGS_KEY)
    meta.put(work.session, SETTINGS_KEY, new.to_json())
    work.audit(
        "startup.settings", "startup", "settings", json.loads(before) if before else None, json.loads(new.to_json())
    )


# -- numbers ---------------------------------------------------------------------------------------------


def _next_number(session: Session, station_code: str, now: dt.datetime) -> str:
    prefix = f"{station_code}-KB{local(now):%Y%m%d}-"
    last = session.scalar(
        select(func.max(StartupCase.number)).where(
            StartupCase.number.like(prefix.replace("_", r"\_") + "%", escape="\\")
        )
    )
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


def new_tracking_code(station_code: str) -> str:
    return f"KB{station_code}" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


# -- intake ----------------------------------------------------------------------------------------------


def name_check(session: Session, name: str) -> list[str]:
    """Registered enterprises and open cases whose names come close to ``name`` (名称自主申报 pre-check).

    Raises UserError when the name is already taken; returns near names (same brand) as warnings.
    """
    name = name.strip()
    if not name:
        raise ValidationError({"enterprise_name": "请填写拟设立企业的名称。"})
    if session.scalar(select(enterprises.Enterprise.id).where(enterprises.Enterprise.name == name)):
        raise ValidationError({"enterprise_name": f"“{name}”已被登记，请与申请人另拟名称。"})
    taken = session.scalar(select(StartupCase.number).where(StartupCase.enterprise_name == name))
    if taken:
        raise ValidationError({"enterprise_name": f"“{name}”已在开办件 {taken} 中申请，请另拟名称或打开该件办理。"})
    core = _brand(name)
    if len(core) < 2:
        return []
    near = session.scalars(
        select(enterprises.Enterprise.name).where(enterprises.Enterprise.name.contains(core)).limit(5)
    ).all()
    return [f"已有相近名称“{n}”，请提醒申请人注意名称近似。" for n in near]


def _brand(name: str) -> str:
    """The distinctive part of a company name: drop the place names and the form/industry suffixes."""
    name = divisions.without_places(name)  # the registration area (湖南株洲…), from GB/T 2260
    for suffix in ("股份有限公司", "有限责任公司", "有限公司", "合伙企业", "分公司"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name[:2]


def _capital(raw: Any, field_name: str) -> int:
    try:
        fen = parse_capital(raw)
    except ValueError as exc:
        raise ValidationError({field_name: str(exc)}) from exc
    return fen or 0


@dataclass
class Intake:
    """A checked application, ready to store."""

    case_type: catalogue.CaseType
    values: dict[str, Any]
    shareholders: list[dict[str, Any]]
    papers: list[dict[str, Any]]
    agent: str
    warnings: list[str]


def check_intake(session: Session, raw: Mapping[str, Any], cal: workcalendar.WorkCalendar, now: dt.datetime) -> Intake:
    cat = catalogue.load()
    case_type = cat.case_type(str(raw.get("case_type") or "limited_company"))
    errors: dict[str, str] = {}
    name = str(raw.get("enterprise_name") or raw.get("name") or "").strip()
    warnings = name_check(session, name)
    legal_rep = str(raw.get("legal_rep") or "").strip()
    if not legal_rep:
        errors["legal_rep"] = "请填写法定代表人（负责人）姓名。"
    scope = str(raw.get("business_scope") or "").strip()
    if not scope:
        errors["business_scope"] = "请填写经营范围。"
    address = str(raw.get("address") or "").strip()
    if not address:
        errors["address"] = "请填写住所（经营场所）。"
    capital = _capital(raw.get("registered_capital", 0), "registered_capital")
    shareholders: list[dict[str, Any]] = []
    for i, holder in enumerate(raw.get("shareholders") or ()):
        holder_name = str(holder.get("name") or "").strip()
        if not holder_name:
            errors["shareholders"] = f"第{i + 1}位股东（出资人）没有填写姓名或名称。"
            continue
        shareholders.append(
            {
                "position": i,
                "name": holder_name,
                "kind": "entity" if holder.get("kind") in ("entity", "法人", "企业") else "person",
                "id_number": str(holder.get("id_number") or "").strip(),
                "capital_fen": _capital(holder.get("capital", 0), "shareholders"),
            }
        )
    if case_type.code != "branch":
        if not shareholders:
            errors["shareholders"] = "请至少填写一位股东（出资人）。"
        elif capital and sum(h["capital_fen"] for h in shareholders) != capital:
            total = enterprises.format_capital(sum(h["capital_fen"] for h in shareholders))
            errors["shareholders"] = f"股东认缴出资合计 {total} 万元，与注册资本不一致，请核对每位股东的出资额。"
    papers, paper_errors = _check_papers(case_type, raw.get("papers") or {}, cal, now)
    if paper_errors:
        errors["papers"] = paper_errors
    if errors:
        raise ValidationError(errors)
    values = {
        "case_type": case_type.code,
        "enterprise_name": name,
        "legal_rep": legal_rep,
        "registered_capital_fen": capital,
        "business_scope": scope,
        "address": address,
        "contact_phone": str(raw.get("contact_phone") or "").strip(),
    }
    return Intake(case_type, values, shareholders, papers, str(raw.get("agent") or "").strip(), warnings)


def _check_papers(
    case_type: catalogue.CaseType, given: Mapping[str, Any], cal: workcalendar.WorkCalendar, now: dt.datetime
) -> tuple[list[dict[str, Any]], str]:
    """The checklist as rows to store, or a sentence naming what is missing."""
    rows: list[dict[str, Any]] = []
    missing_essential: list[str] = []
    missing_other: list[str] = []
    default_due = cal.add_working_days(now, DEFERRED_DAYS)
    for spec in case_type.papers:
        state = given.get(spec.code)
        row = {"code": spec.code, "name": spec.name, "essential": spec.essential, "commitment": "", "due_at": None}
        if spec.generated:
            rows.append({**row, "status": "generated", "received_at": now})
        elif state in ("received", True, "已收"):
            rows.append({**row, "status": "received", "received_at": now})
        elif (isinstance(state, Mapping) and "deferred" in state) or state == "deferred":
            if spec.essential:
                missing_essential.append(spec.name)
                continue
            detail = state if isinstance(state, Mapping) else {}
            due = _due(detail.get("deferred"), default_due)
            if due <= now:
                raise ValidationError({"papers": f"{spec.name}的补交日期应在受理之后，请改为今天以后的日期。"})
            commitment = str(detail.get("commitment") or f"申请人承诺于{local(due):%Y年%m月%d日}前补交{spec.name}。")
            rows.append({**row, "status": "deferred", "commitment": commitment, "due_at": due, "received_at": None})
        elif spec.essential:
            missing_essential.append(spec.name)
        else:
            missing_other.append(spec.name)
    sentences = []
    if missing_essential:
        sentences.append(f"缺少必备材料：{'、'.join(missing_essential)}，必备材料不能容缺，请收齐后再受理。")
    if missing_other:
        sentences.append(f"还缺：{'、'.join(missing_other)}；请收取，或由申请人书面承诺限期补交（容缺受理）。")
    return rows, "".join(sentences)


def _due(value: Any, default: dt.datetime) -> dt.datetime:
    if value in (None, True, ""):
        return default
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValidationError({"papers": f"补交日期“{value}”的格式不对，请写成 2026-11-30。"}) from exc
    return dt.datetime.combine(day, dt.time(17, 30), SHANGHAI).astimezone(dt.UTC)


def step_deadlines(
    cal: workcalendar.WorkCalendar, start: dt.datetime, limit: catalogue.Limit, share: float, yellow_share: float
) -> tuple[dt.datetime, dt.datetime]:
    """(yellow_at, deadline_at) of a step that has ``share`` of the case's limit, counted from ``start``."""
    total = cal.day_length * limit.amount if limit.unit == "days" else dt.timedelta(hours=limit.amount)
    allowed = total * share
    deadline = cal.add_working_time(start, allowed)
    return cal.add_working_time(start, allowed * (1 - yellow_share)), deadline


def open_case(work: Work, raw: Mapping[str, Any], *, station_code: str, now: dt.datetime | None = None) -> StartupCase:
    """Take a startup application (一窗受理): the case, its five steps, shareholders and checklist."""
    work.require("startup.intake", "受理企业开办")
    now = now or utcnow()
    session = work.session
    cal = workcalendar.for_session(session)
    intake = check_intake(session, raw, cal, now)
    settings = load_settings(session)
    limit = settings.limit_for(intake.case_type.code)
    clerk = str(raw.get("clerk") or work.actor.name)
    if intake.agent:
        _require_user(session, intake.agent)
    _, case_deadline = step_deadlines(cal, now, limit, 1.0, settings.yellow_share)
    case = StartupCase(
        uid=new_uid(),
        **intake.values,
        number=_next_number(session, station_code, now),
        tracking_code=new_tracking_code(station_code),
        clerk=clerk,
        agent=intake.agent,
        limit_text=limit.text(),
        started_at=now,
        deadline_at=case_deadline,
        created_at=now,
        updated_at=now,
        updated_by=work.actor.name,
    )
    session.add(case)
    for spec in catalogue.load().steps:
        yellow_at, deadline = step_deadlines(cal, now, limit, spec.limit_share, settings.yellow_share)
        session.add(
            StartupStep(
                case_uid=case.uid,
                step_code=spec.code,
                department=spec.department,
                clerk=clerk,
                status="waiting" if spec.needs_code else "in_progress",
                needs_code=spec.needs_code,
                started_at=None if spec.needs_code else now,
                yellow_at=yellow_at,
                deadline_at=deadline,
                updated_at=now,
                updated_by=work.actor.name,
            )
        )
    for holder in intake.shareholders:
        session.add(StartupShareholder(case_uid=case.uid, **holder))
    for paper in intake.papers:
        session.add(StartupPaper(case_uid=case.uid, updated_at=now, updated_by=work.actor.name, **paper))
    session.flush()
    work.audit("startup.open", "startup_case", case.uid, None, {**intake.values, "number": case.number, "clerk": clerk})
    return case


# -- reading ---------------------------------------------------------------------------------------------


def find_case(session: Session, key: str) -> StartupCase:
    """A case by number, tracking code (scanned from a receipt) or uid."""
    key = key.strip()
    found = session.scalar(
        select(StartupCase).where(
            or_(StartupCase.number == key, StartupCase.tracking_code == key.upper(), StartupCase.uid == key)
        )
    )
    if found is None:
        raise UserError(f"找不到开办件“{key}”，请核对受理编号或扫描受理回执上的二维码。")
    return found


def steps_of(session: Session, case_uid: str) -> list[StartupStep]:
    order = {s.code: i for i, s in enumerate(catalogue.load().steps)}
    rows = session.scalars(select(StartupStep).where(StartupStep.case_uid == case_uid)).all()
    return sorted(rows, key=lambda s: order.get(s.step_code, 99))


def papers_of(session: Session, case_uid: str) -> list[StartupPaper]:
    return list(
        session.scalars(select(StartupPaper).where(StartupPaper.case_uid == case_uid).order_by(StartupPaper.id))
    )


def shareholders_of(session: Session, case_uid: str) -> list[StartupShareholder]:
    return list(
        session.scalars(
            select(StartupShareholder)
            .where(StartupShareholder.case_uid == case_uid)
            .order_by(StartupShareholder.position)
        )
    )


def step_colour(step: StartupStep, now: dt.datetime) -> str:
    if step.status == "done":
        return "green"
    if step.deadline_at <= now:
        return "red"
    if step.yellow_at <= now:
        return "yellow"
    return "none"


def paper_overdue(paper: StartupPaper, now: dt.datetime) -> bool:
    return paper.status == "deferred" and paper.due_at is not None and paper.due_at <= now


def case_colour(session: Session, case: StartupCase, now: dt.datetime) -> str:
    """A deferred paper past its due date makes the case red whatever its steps, closed or not (容缺)."""
    if any(paper_overdue(p, now) for p in papers_of(session, case.uid)):
        return "red"
    if case.status == "closed":
        return "green"
    colours = {step_colour(s, now) for s in steps_of(session, case.uid)}
    if "red" in colours:
        return "red"
    return "yellow" if "yellow" in colours else "none"


# -- steps -----------------------------------------------------------------------------------------------


def _touch(row: Any, work: Work, now: dt.datetime) -> None:
    row.version += 1
    row.updated_at = now
    row.updated_by = work.actor.name


def set_step(
    work: Work,
    case_key: str,
    step_key: str,
    status: str,
    *,
    note: str = "",
    uscc_code: str | None = None,
    now: dt.datetime | None = None,
) -> StartupStep:
    """Mark a step done, blocked or back in progress. Registration done records the credit code the
    registration authority issued and creates the enterprise; the steps that wait for the code then
    start. The last step done closes the case.
    """
    work.require("startup.handle", "办理企业开办环节")
    now = now or utcnow()
    if status not in ("done", "blocked", "in_progress"):
        raise UserError("环节状态只能是 done（办结）、blocked（受阻）或 in_progress（继续办理）。")
    session = work.session
    case = find_case(session, case_key)
    if case.status == "closed":
        raise UserError(f"开办件 {case.number} 已办结，不能再修改环节。")
    spec = catalogue.load().step(step_key)
    step = next(s for s in steps_of(session, case.uid) if s.step_code == spec.code)
    if step.status == "waiting":
        raise UserError(f"“{spec.name}”要等营业执照办结、取得统一社会信用代码后才能办理。")
    if status == "blocked" and not note.strip():
        raise UserError("请写明受阻原因，以便协调处理。")
    before = {"status": step.status, "note": step.note}
    if step.status == status and status != "blocked":
        return step
    step.status = status
    step.note = note.strip()
    step.done_at = now if status == "done" else None
    _touch(step, work, now)
    work.audit(f"startup.step.{status}", "startup_step", step.uid, before, {"status": status, "note": step.note})
    if spec.code == "registration" and status == "done":
        _register(work, case, uscc_code, now)
        for other in steps_of(session, case.uid):
            if other.status == "waiting":
                other.status = "in_progress"
                other.started_at = now
                _touch(other, work, now)
    session.flush()
    if all(s.status == "done" for s in steps_of(session, case.uid)):
        _close(work, case, now)
    return step


def _register(work: Work, case: StartupCase, code: str | None, now: dt.datetime) -> None:
    """Record the credit code the registration authority issued and register the enterprise.

    The station never makes a code up: the code is typed (or scanned) from the business licence and must
    be well formed, name an existing registration division and agree with the case's address.
    """
    session = work.session
    code = uscc.normalize(code or "")
    if not code:
        raise ValidationError(
            {"uscc": "请填写市场监督管理部门核发的统一社会信用代码（见营业执照），再把营业执照环节办结。"}
        )
    problem = uscc.problem(code) or divisions.problem(code[2:8], case.address)
    if problem:
        raise ValidationError({"uscc": problem})
    if enterprises.by_uscc(session, code) is not None:
        raise ValidationError({"uscc": f"统一社会信用代码 {code} 已属于另一家企业，请核对。"})
    enterprise = enterprises.create(
        work,
        {
            "uscc": code,
            "name": case.enterprise_name,
            "legal_rep": case.legal_rep,
            "registered_capital": enterprises.format_capital(case.registered_capital_fen),
            "founded_on": local(now).date().isoformat(),
            "address": case.address,
            "contact_person": case.legal_rep,
            "contact_phone": case.contact_phone,
            "stage": "startup",
        },
    )
    before = {"uscc": case.uscc, "enterprise_uid": case.enterprise_uid}
    case.uscc = code
    case.enterprise_uid = enterprise.uid
    _touch(case, work, now)
    work.audit("startup.register", "startup_case", case.uid, before, {"uscc": code, "enterprise_uid": enterprise.uid})


def _close(work: Work, case: StartupCase, now: dt.datetime) -> None:
    cal = workcalendar.for_session(work.session)
    case.status = "closed"
    case.completed_at = now
    case.working_minutes = int(cal.working_time_between(case.started_at, now).total_seconds() // 60)
    _touch(case, work, now)
    work.audit("startup.complete", "startup_case", case.uid, None, {"working_minutes": case.working_minutes})
    work.emit(
        "startup_did_complete",
        completed=hookspecs.StartupCompleted(
            case_uid=case.uid,
            enterprise_uid=case.enterprise_uid or "",
            uscc=case.uscc,
            enterprise_name=case.enterprise_name,
            case_type=case.case_type,
            business_scope=case.business_scope,
            actor=work.actor.name,
            completed_at=now.astimezone(dt.UTC).isoformat(),
        ),
    )


def receive_paper(work: Work, case_key: str, paper_code: str, *, now: dt.datetime | None = None) -> StartupPaper:
    """A deferred paper was brought in: the commitment is fulfilled."""
    work.require("startup.handle", "办理企业开办环节")
    now = now or utcnow()
    case = find_case(work.session, case_key)
    paper = next((p for p in papers_of(work.session, case.uid) if p.code == paper_code or p.name == paper_code), None)
    if paper is None:
        raise UserError(f"开办件 {case.number} 的材料清单里没有“{paper_code}”。")
    if paper.status != "deferred":
        return paper
    paper.status = "received"
    paper.received_at = now
    _touch(paper, work, now)
    work.audit("startup.paper.receive", "startup_paper", paper.uid, {"status": "deferred"}, {"status": "received"})
    return paper


def _require_user(session: Session, username: str) -> None:
    from station.api import User

    if session.scalar(select(User.id).where(User.username == username, User.active)) is None:
        raise UserError(f"用户“{username}”不存在或已停用，请先在用户管理中添加。")


def assign(work: Work, case_key: str, *, clerk: str | None = None, agent: str | None = None) -> StartupCase:
    """Hand a case to a clerk and/or a helper agent (帮办代办专员); they see it on their own list."""
    work.require("startup.assign", "分派企业开办件")
    now = utcnow()
    case = find_case(work.session, case_key)
    for who in (clerk, agent):
        if who:
            _require_user(work.session, who)
    before = {"clerk": case.clerk, "agent": case.agent}
    if clerk is not None:
        case.clerk = clerk
        for step in steps_of(work.session, case.uid):
            if step.status != "done":
                step.clerk = clerk
                _touch(step, work, now)
    if agent is not None:
        case.agent = agent
    _touch(case, work, now)
    work.audit("startup.assign", "startup_case", case.uid, before, {"clerk": case.clerk, "agent": case.agent})
    return case


# -- the board: every open case's colours in one query --------------------------------------------------

RANK = {"none": 0, "yellow": 1, "red": 2, "green": -1}
RANKED = {v: k for k, v in RANK.items()}


def _sql_time(value: dt.datetime) -> str:
    """An instant as UTCDateTime stores it in SQLite, so text comparison orders it correctly."""
    v = value.astimezone(dt.UTC)
    return f"{v:%Y-%m-%d %H:%M:%S}.{v.microsecond:06d}"


@dataclass(frozen=True)
class BoardFilter:
    clerk: str = ""  # cases of this clerk, or where this person is the helper agent
    step: str = ""  # only cases whose colour comes from this step
    colour: str = ""  # red | yellow | green | none
    include_closed: bool = False
    query: str = ""


# A closed case with a paper still deferred stays on the board: its commitment may fall due (容缺).
OUTSTANDING = (
    "(status = 'open' OR EXISTS(SELECT 1 FROM startup_paper p "
    "WHERE p.case_uid = startup_case.uid AND p.status = 'deferred'))"
)


def board_ids(conn: Any, flt: BoardFilter = BoardFilter()) -> list[int]:
    """Case ids for the board, open first by deadline (plain sqlite3: the board opens before SQLAlchemy)."""
    where = ["1=1"] if flt.include_closed else [OUTSTANDING]
    params: list[Any] = []
    if flt.clerk:
        where.append("(clerk = ? OR agent = ?)")
        params += [flt.clerk, flt.clerk]
    if flt.query:
        where.append("(enterprise_name LIKE ? OR number = ? OR tracking_code = ? OR uscc = ?)")
        params += [f"%{flt.query}%", flt.query, flt.query.upper(), flt.query.upper()]
    sql = f"SELECT id FROM startup_case WHERE {' AND '.join(where)} ORDER BY status DESC, deadline_at, id"
    return [r[0] for r in conn.execute(sql, params)]


def board_colours(conn: Any, now: dt.datetime) -> dict[int, tuple[int, ...]]:
    """Per case id: (case colour rank, then one rank per catalogue step). One query for all cases.

    Ranks: -1 green (done), 0 none, 1 yellow, 2 red. A deferred paper past its due date makes the case red,
    closed or not: the commitment is outstanding until the paper arrives.
    """
    steps = [s.code for s in catalogue.load().steps]
    t = _sql_time(now)
    rank = (
        "CASE WHEN s.status = 'done' THEN -1 WHEN s.deadline_at <= :t THEN 2 WHEN s.yellow_at <= :t THEN 1 ELSE 0 END"
    )
    per_step = ", ".join(f"MAX(CASE WHEN s.step_code = '{code}' THEN {rank} END)" for code in steps)
    sql = (
        f"SELECT c.id, c.status, "
        f"EXISTS(SELECT 1 FROM startup_paper p WHERE p.case_uid = c.uid AND p.status = 'deferred' AND p.due_at <= :t), "
        f"{per_step} FROM startup_case c JOIN startup_step s ON s.case_uid = c.uid GROUP BY c.id"
    )
    result: dict[int, tuple[int, ...]] = {}
    for row in conn.execute(sql, {"t": t}):
        case_id, status, paper_overdue, *ranks = row
        ranks = [-1 if r is None else r for r in ranks]
        overall = -1 if status == "closed" else max(0, *ranks)
        if paper_overdue:
            overall = 2
        result[case_id] = (overall, *ranks)
    return result


def board_rows(conn: Any, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
    """The board's text columns for the given case ids."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    # People by their display names (a user this station does not know shows as their user name).
    sql = (
        "SELECT c.id, c.number, c.enterprise_name, c.case_type, COALESCE(cu.display_name, c.clerk), "
        "COALESCE(au.display_name, c.agent), c.deadline_at, c.started_at, c.status, c.uscc "
        "FROM startup_case c LEFT JOIN station_user cu ON cu.username = c.clerk "
        f"LEFT JOIN station_user au ON au.username = c.agent WHERE c.id IN ({marks})"
    )
    return {row[0]: tuple(row[1:]) for row in conn.execute(sql, list(ids))}


def counts_by_colour(colours: Mapping[int, tuple[int, ...]], ids: Sequence[int]) -> dict[str, int]:
    counts = dict.fromkeys(("red", "yellow", "none", "green"), 0)
    for case_id in ids:
        ranks = colours.get(case_id)
        if ranks is not None:
            counts[RANKED[ranks[0]]] += 1
    return counts


def filter_by_colour(
    colours: Mapping[int, tuple[int, ...]], ids: Sequence[int], colour: str = "", step: str = ""
) -> list[int]:
    """Keep ids whose case colour (or, with ``step``, that step's colour) is ``colour``."""
    if not colour and not step:
        return list(ids)
    column = 0
    if step:
        column = 1 + [s.code for s in catalogue.load().steps].index(catalogue.load().step(step).code)
    wanted = RANK[colour] if colour else None
    kept = []
    for case_id in ids:
        ranks = colours.get(case_id)
        if ranks is None:
            continue
        value = ranks[column]
        if wanted is None:
            if value > 0:  # a step filter alone shows the cases where that step is yellow or red
                kept.append(case_id)
        elif value == wanted:
            kept.append(case_id)
    return kept


# -- notices and figures ---------------------------------------------------------------------------------


PAPER_REMINDER = dt.timedelta(hours=24)  # a deferred paper due within this is announced ahead


def notices_for(session: Session, actor: Any, now: dt.datetime) -> list[tuple[str, str, str, str]]:
    """(key, text, level, user) for each case of ``actor`` (as clerk or agent) that is yellow or red, and for
    each deferred paper of theirs that is due soon or overdue (容缺 reminders)."""
    conn = session.connection().connection.driver_connection
    colours = board_colours(conn, now)
    rows = session.execute(
        select(
            StartupCase.id,
            StartupCase.uid,
            StartupCase.number,
            StartupCase.enterprise_name,
            StartupCase.clerk,
            StartupCase.agent,
        )
        .where(StartupCase.status == "open")
        .where(or_(StartupCase.clerk == actor.name, StartupCase.agent == actor.name))
    ).all()
    found = []
    for row in rows:
        ranks = colours.get(row.id)
        if not ranks or ranks[0] < 1:
            continue
        colour = RANKED[ranks[0]]
        if colour == "red":
            text = f"开办件 {row.number}（{row.enterprise_name}）已超时，请尽快协调办结。"
        else:
            text = f"开办件 {row.number}（{row.enterprise_name}）临近办结时限，请抓紧办理。"
        found.append((f"startup:{row.uid}:{colour}", text, "critical" if colour == "red" else "warning", actor.name))
    return found + _paper_notices(session, actor, now)


def _paper_notices(session: Session, actor: Any, now: dt.datetime) -> list[tuple[str, str, str, str]]:
    rows = session.execute(
        select(StartupPaper, StartupCase.number, StartupCase.enterprise_name)
        .join(StartupCase, StartupCase.uid == StartupPaper.case_uid)
        .where(StartupPaper.status == "deferred", StartupPaper.due_at <= now + PAPER_REMINDER)
        .where(or_(StartupCase.clerk == actor.name, StartupCase.agent == actor.name))
    ).all()
    found = []
    for paper, number, name in rows:
        due = f"{local(paper.due_at):%m月%d日 %H:%M}" if paper.due_at else "—"
        if paper_overdue(paper, now):
            text = f"开办件 {number}（{name}）承诺补交的“{paper.name}”已于{due}逾期，请联系申请人尽快补交。"
            found.append((f"startup:paper:{paper.uid}:overdue", text, "critical", actor.name))
        else:
            text = f"开办件 {number}（{name}）承诺补交的“{paper.name}”将于{due}到期，请提醒申请人按时补交。"
            found.append((f"startup:paper:{paper.uid}:soon", text, "warning", actor.name))
    return found


def month_start(now: dt.datetime) -> dt.datetime:
    return local(now).replace(day=1, hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


def cases_this_month(session: Session, now: dt.datetime) -> int:
    return (
        session.scalar(select(func.count()).select_from(StartupCase).where(StartupCase.started_at >= month_start(now)))
        or 0
    )


def completion_figures(session: Session, now: dt.datetime) -> tuple[float | None, float | None]:
    """(median working hours to completion, share finished within the limit) of cases closed this month."""
    rows = session.execute(
        select(StartupCase.working_minutes, StartupCase.completed_at, StartupCase.deadline_at).where(
            StartupCase.status == "closed", StartupCase.completed_at >= month_start(now)
        )
    ).all()
    if not rows:
        return None, None
    import statistics

    median = statistics.median(r.working_minutes or 0 for r in rows) / 60
    within = sum(1 for r in rows if r.completed_at <= r.deadline_at) / len(rows)
    return median, within


def case_summary(session: Session, case: StartupCase, now: dt.datetime) -> dict[str, Any]:
    """Everything about a case as plain data (for --json, the status dialog and the printed papers)."""
    cat = catalogue.load()
    steps = list(steps_of(session, case.uid))
    names = identity.display_names(session, [case.clerk, case.agent, *(s.clerk for s in steps)])
    return {
        "uid": case.uid,
        "number": case.number,
        "tracking_code": case.tracking_code,
        "case_type": case.case_type,
        "case_type_name": cat.case_type(case.case_type).name,
        "enterprise_name": case.enterprise_name,
        "legal_rep": case.legal_rep,
        "registered_capital": enterprises.format_capital(case.registered_capital_fen),
        "business_scope": case.business_scope,
        "address": case.address,
        "contact_phone": case.contact_phone,
        "uscc": case.uscc,
        "enterprise_uid": case.enterprise_uid,
        "status": case.status,
        "status_text": CASE_STATUS.get(case.status, case.status),
        "colour": case_colour(session, case, now),
        "clerk": case.clerk,
        "agent": case.agent,
        "clerk_name": names.get(case.clerk or "", ""),  # what people read, on screen and on paper
        "agent_name": names.get(case.agent or "", ""),
        "limit": case.limit_text,
        "started_at": case.started_at.isoformat(),
        "deadline_at": case.deadline_at.isoformat(),
        "completed_at": case.completed_at.isoformat() if case.completed_at else None,
        "working_minutes": case.working_minutes,
        "steps": [
            {
                "code": s.step_code,
                "name": cat.step_name(s.step_code),
                "department": s.department,
                "clerk": s.clerk,
                "clerk_name": names.get(s.clerk or "", ""),
                "status": s.status,
                "status_text": STEP_STATUS.get(s.status, s.status),
                "colour": step_colour(s, now),
                "deadline_at": s.deadline_at.isoformat(),
                "done_at": s.done_at.isoformat() if s.done_at else None,
                "note": s.note,
            }
            for s in steps
        ],
        "shareholders": [
            {
                "name": h.name,
                "kind": h.kind,
                "id_number": h.id_number,
                "capital": enterprises.format_capital(h.capital_fen),
            }
            for h in shareholders_of(session, case.uid)
        ],
        "papers": [
            {
                "code": p.code,
                "name": p.name,
                "essential": p.essential,
                "status": p.status,
                "commitment": p.commitment,
                "due_at": p.due_at.isoformat() if p.due_at else None,
                "overdue": bool(p.status == "deferred" and p.due_at and p.due_at <= now),
            }
            for p in papers_of(session, case.uid)
        ],
        "ratings": ratings.case_ratings(session, case.uid),
    }


# -- the park's settings as a form ----------------------------------------------------------------------


def settings_form(session: Session) -> dict[str, Any]:
    """The park's startup and calendar settings as text a form shows (and ``save_settings_form`` takes)."""
    settings = load_settings(session)
    park = workcalendar.park_settings(session)
    cat = catalogue.load()
    return {
        "limits": {code: _limit_text(settings.limit_for(code)) for code in cat.case_types},
        "yellow_percent": round(settings.yellow_share * 100),
        "hours": ",".join(f"{a:%H:%M}-{b:%H:%M}" for a, b in park.hours),
        "closed": "\n".join(sorted(d.isoformat() for d in park.closed)),
        "extra_workdays": "\n".join(sorted(d.isoformat() for d in park.extra_workdays)),
    }


def _limit_text(limit: catalogue.Limit) -> str:
    return f"{limit.amount:g}{'h' if limit.unit == 'hours' else 'd'}"


def _dates(text: str) -> frozenset[dt.date]:
    days = set()
    for line in text.replace("，", ",").replace(",", "\n").splitlines():
        if line.strip():
            try:
                days.add(dt.date.fromisoformat(line.strip()))
            except ValueError as exc:
                raise UserError(f"日期“{line.strip()}”的格式不对，请每行写一个日期，如 2026-12-31。") from exc
    return frozenset(days)


def save_settings_form(work: Work, form: Mapping[str, Any]) -> None:
    """Save what the settings form holds: time limits, the yellow share, working hours and park days."""
    limits = {code: parse_limit_text(text) for code, text in form["limits"].items()}
    current = load_settings(work.session)
    save_settings(work, StartupSettings(limits, int(form["yellow_percent"]) / 100, current.answer_days))
    hours = workcalendar.parse_hours(span.split("-") for span in str(form["hours"]).replace("–", "-").split(","))
    closed, opened = _dates(form.get("closed", "")), _dates(form.get("extra_workdays", ""))
    if closed & opened:
        raise UserError(f"{min(closed & opened)} 不能既是园区休息日又是加班日，请改正。")
    workcalendar.save_park_settings(work, workcalendar.ParkSettings(hours, closed, opened))
