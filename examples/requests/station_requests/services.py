"""Enterprise requests (企业诉求): record one, follow it up, close it with the answer and the enterprise's verdict.

No Qt here: the CLI, the page, the demo and the tests call the same functions. Every check runs before the
first write, and a request, its log line and its audit entry commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from station.api import UserError, Work, enterprises, local, uscc, utcnow, workcalendar
from station_requests import hookspecs
from station_requests.models import EnterpriseRequest, RequestFollowUp
from station_requests.rules import (
    DEFAULT_DAYS,
    DEPARTMENTS,
    MAX_DEPARTMENT,
    MAX_TEXT,
    STATUS,
    check_kind,
    check_satisfaction,
    clean_text,
    due_days,
    shown,
)


def _enterprise(session: Session, code: str) -> Any:
    problem = uscc.problem(code or "")
    if problem:
        raise UserError(problem)
    found = enterprises.by_uscc(session, code)
    if found is None:
        raise UserError(
            f"企业名录中没有统一社会信用代码为 {uscc.normalize(code)} 的企业。请先在企业名录中登记，或核对代码后再试。"
        )
    return found


def next_number(session: Session, station_code: str, now: dt.datetime) -> str:
    """ST01-SQ2026-0001: the station's code first, so numbers issued offline at two stations never collide."""
    prefix = f"{station_code}-SQ{local(now).year}-"
    taken = session.scalars(
        select(EnterpriseRequest.number).where(EnterpriseRequest.number.startswith(prefix, autoescape=True))
    )
    last = max((int(n.rsplit("-", 1)[1]) for n in taken if n.rsplit("-", 1)[1].isdigit()), default=0)
    return f"{prefix}{last + 1:04d}"  # counted, not compared as text: 10000 follows 9999


def find(session: Session, key: str) -> EnterpriseRequest:
    key = (key or "").strip()
    if not key:
        raise UserError("请填写诉求编号。")
    if not shown(key):  # checked before the query: SQLite cannot even take broken text as a parameter
        raise UserError("诉求编号含有无法识别的字符，请核对后重新输入。")
    found = session.scalar(
        select(EnterpriseRequest).where(or_(EnterpriseRequest.number == key.upper(), EnterpriseRequest.uid == key))
    )
    if found is None:
        raise UserError(f"找不到编号为“{shown(key)}”的诉求，请用 station requests list 或在诉求页面核对编号。")
    return found


def by_id(session: Session, request_id: int) -> EnterpriseRequest:
    found = session.get(EnterpriseRequest, request_id)
    if found is None:
        raise UserError("找不到这件诉求，可能已被其他窗口修改，请刷新列表。")
    return found


def _log(work: Work, request: EnterpriseRequest, kind: str, text: str, now: dt.datetime) -> None:
    work.session.add(RequestFollowUp(request_uid=request.uid, kind=kind, text=text, at=now, by=work.actor.name))


def _touch(request: EnterpriseRequest, work: Work, now: dt.datetime) -> None:
    request.updated_at = now
    request.updated_by = work.actor.name


def open_request(
    work: Work,
    *,
    code: str,
    kind: str,
    text: str,
    days: Any = DEFAULT_DAYS,
    department: str = "",
    station_code: str,
    now: dt.datetime | None = None,
) -> EnterpriseRequest:
    """Record a request; its due date is ``days`` working days from now on the park's work calendar."""
    work.require("requests.handle", "办理企业诉求")
    now = now or utcnow()
    kind = check_kind(kind)
    body = clean_text(text, "诉求内容", MAX_TEXT)
    count = due_days(days)
    where = clean_text(department, "承办部门", MAX_DEPARTMENT) if (department or "").strip() else DEPARTMENTS[kind]
    enterprise = _enterprise(work.session, code)
    request = EnterpriseRequest(
        number=next_number(work.session, station_code, now),
        enterprise_uid=enterprise.uid,
        uscc=enterprise.uscc,
        enterprise_name=enterprise.name,
        kind=kind,
        text=body,
        department=where,
        status="open",
        due_days=count,
        raised_at=now,
        due_at=workcalendar.for_session(work.session).add_working_days(now, count),
        answer="",
        satisfaction="",
    )
    _touch(request, work, now)
    work.session.add(request)
    work.session.flush()
    _log(work, request, "opened", f"受理，转{where}办理，{count} 个工作日内答复", now)
    work.audit(
        "requests.new",
        "requests_request",
        request.uid,
        None,
        {"number": request.number, "kind": kind, "department": where, "due_days": count},
    )
    return request


def follow_up(work: Work, key: str, text: str, *, now: dt.datetime | None = None) -> RequestFollowUp:
    """A line of progress: the department called back, a site visit, papers sent on."""
    work.require("requests.handle", "办理企业诉求")
    now = now or utcnow()
    body = clean_text(text, "跟进情况", MAX_TEXT)
    request = find(work.session, key)
    if request.status == "closed":
        raise UserError(f"诉求 {request.number} 已办结，不能再记录跟进。")
    line = RequestFollowUp(request_uid=request.uid, kind="note", text=body, at=now, by=work.actor.name)
    work.session.add(line)
    work.session.flush()
    work.audit("requests.follow", "requests_request", request.uid, None, {"text": body})
    return line


def close_request(
    work: Work, key: str, *, answer: str, satisfaction: str, now: dt.datetime | None = None
) -> EnterpriseRequest:
    """Close with the answer the enterprise was given and its verdict; ``request_did_close`` fires after commit."""
    work.require("requests.handle", "办理企业诉求")
    now = now or utcnow()
    body = clean_text(answer, "答复内容", MAX_TEXT)
    verdict = check_satisfaction(satisfaction)
    request = find(work.session, key)
    if request.status == "closed":
        when = local(request.closed_at).strftime("%Y-%m-%d") if request.closed_at else ""
        raise UserError(f"诉求 {request.number} 已于 {when} 办结，不能再次办结。")
    before = {"status": request.status}
    request.status = "closed"
    request.closed_at = now
    request.answer = body
    request.satisfaction = verdict
    _touch(request, work, now)
    _log(work, request, "closed", f"办结（企业{verdict}）：{body}", now)
    work.audit("requests.close", "requests_request", request.uid, before, {"status": "closed", "satisfaction": verdict})
    work.emit(
        "request_did_close",
        closed=hookspecs.RequestClosed(
            request_uid=request.uid,
            number=request.number,
            enterprise_uid=request.enterprise_uid,
            uscc=request.uscc,
            enterprise_name=request.enterprise_name,
            kind=request.kind,
            department=request.department,
            satisfaction=verdict,
            on_time=now <= request.due_at,
            actor=work.actor.name,
            closed_at=now.astimezone(dt.UTC).isoformat(),
        ),
    )
    return request


# -- reading ------------------------------------------------------------------------------------------


def state(request: EnterpriseRequest, now: dt.datetime) -> str:
    """open, overdue or closed."""
    if request.status == "closed":
        return "closed"
    return "overdue" if request.due_at < now else "open"


def as_dict(request: EnterpriseRequest, now: dt.datetime) -> dict[str, Any]:
    return {
        "number": request.number,
        "uid": request.uid,
        "uscc": request.uscc,
        "enterprise_name": request.enterprise_name,
        "kind": request.kind,
        "text": request.text,
        "department": request.department,
        "due_days": request.due_days,
        "raised_at": request.raised_at.isoformat(),
        "due_at": request.due_at.isoformat(),
        "status": state(request, now),
        "status_text": STATUS[state(request, now)],
        "closed_at": request.closed_at.isoformat() if request.closed_at else None,
        "answer": request.answer,
        "satisfaction": request.satisfaction,
    }


def request_ids(session: Session, query: str = "", show: str = "open") -> list[int]:
    """Ids for the page's list: ``show`` is open (with the overdue), closed or all; the soonest due first."""
    stmt = select(EnterpriseRequest.id)
    if show in ("open", "closed"):
        stmt = stmt.where(EnterpriseRequest.status == show)
    query = query.strip()
    if query:
        like = f"%{query}%"
        stmt = stmt.where(
            or_(
                EnterpriseRequest.number.ilike(like),
                EnterpriseRequest.enterprise_name.ilike(like),
                EnterpriseRequest.uscc.ilike(like),
                EnterpriseRequest.text.ilike(like),
                EnterpriseRequest.department.ilike(like),
            )
        )
    return list(session.scalars(stmt.order_by(EnterpriseRequest.status.desc(), EnterpriseRequest.due_at)))


def listing(session: Session, show: str = "open") -> list[EnterpriseRequest]:
    return [session.get_one(EnterpriseRequest, i) for i in request_ids(session, "", show)]


def rows_for(session: Session, ids: Sequence[int], now: dt.datetime) -> dict[int, tuple[Any, ...]]:
    """The page's rows in column order: number, enterprise, kind, text, department, raised, due, state, verdict."""
    found = session.scalars(select(EnterpriseRequest).where(EnterpriseRequest.id.in_(list(ids))))
    return {
        r.id: (
            r.number,
            r.enterprise_name,
            r.kind,
            " ".join(r.text.split())[:60],
            r.department,
            local(r.raised_at).strftime("%Y-%m-%d"),
            local(r.due_at).strftime("%Y-%m-%d %H:%M"),
            state(r, now),
            r.satisfaction,
        )
        for r in found
    }


def history(session: Session, uid: str) -> list[RequestFollowUp]:
    return list(
        session.scalars(
            select(RequestFollowUp)
            .where(RequestFollowUp.request_uid == uid)
            .order_by(RequestFollowUp.at, RequestFollowUp.id)
        )
    )


def overdue(session: Session, now: dt.datetime) -> list[EnterpriseRequest]:
    return list(
        session.scalars(
            select(EnterpriseRequest)
            .where(EnterpriseRequest.status == "open", EnterpriseRequest.due_at < now)
            .order_by(EnterpriseRequest.due_at)
        )
    )


@dataclass(frozen=True)
class Figures:
    open: int
    overdue: int


def figures(session: Session, now: dt.datetime) -> Figures:
    still = EnterpriseRequest.status == "open"
    count = session.scalar(select(func.count()).select_from(EnterpriseRequest).where(still)) or 0
    late = (
        session.scalar(select(func.count()).select_from(EnterpriseRequest).where(still, EnterpriseRequest.due_at < now))
        or 0
    )
    return Figures(open=count, overdue=late)
