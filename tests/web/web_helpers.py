"""Helpers for the hall's web face tests: a hall in process with its users, and reading a page's form."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from pathlib import Path
from typing import Any

from station.contributions import SyncedTable
from station.hall import sync, trust, users
from station.hall.store import HallStore, default_url

PASSWORD = "园区服务大厅-correct-horse"
PHONE = "13807330001"


def hall_store(root: Path, url: str | None = None) -> HallStore:
    trust.configure(root / "hall")
    store = HallStore(url or default_url(root))
    store.migrate()
    with store.session() as db, db.begin():
        users.add(db, "wang", "supervisor", PASSWORD, "王主管")
        users.add(db, "li", "operator", PASSWORD, "李值班")
    return store


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def sign_in(client: Any, username: str = "wang", password: str = PASSWORD) -> Any:
    page = client.get("/console/signin")
    return client.post(
        "/console/signin",
        data={"csrf": csrf_of(page.text), "username": username, "password": password},
        follow_redirects=False,
    )


def stamp(at: dt.datetime) -> str:
    """A time as a station's database writes it (naive UTC text)."""
    return at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def publish_case(
    store: HallStore,
    tables: dict[str, SyncedTable],
    tracking_code: str,
    name: str = "株洲华鑫新材料有限公司",
    status: str = "open",
) -> str:
    """A startup case with its five steps (one overdue, one done) and a deferred paper, as the hall holds a
    station's synced rows."""
    now = dt.datetime.now(dt.UTC)
    uid = str(uuid.uuid4())
    case = {
        "number": f"ST01-KB-{tracking_code[-4:]}", "tracking_code": tracking_code, "case_type": "limited_company",
        "enterprise_name": name, "contact_phone": PHONE, "status": status, "agent": "zhao.helper",
        "limit_text": "1个工作日", "started_at": stamp(now - dt.timedelta(hours=3)),
        "deadline_at": stamp(now + dt.timedelta(hours=5)),
    }  # fmt: skip
    steps = [
        ("registration", "done", now - dt.timedelta(hours=1)),
        ("invoice", "in_progress", now - dt.timedelta(minutes=5)),  # past its deadline: red
        ("social_insurance", "in_progress", now + dt.timedelta(hours=4)),
        ("bank_account", "in_progress", now + dt.timedelta(hours=4)),
        ("seal", "in_progress", now + dt.timedelta(hours=4)),
    ]
    with store.session() as db, db.begin():
        sync.publish_rows(db, tables, "startup_case", [(uid, case)])
        sync.publish_rows(
            db,
            tables,
            "startup_step",
            [
                (str(uuid.uuid4()), {"case_uid": uid, "step_code": code, "department": "市场监管局", "status": status,
                                     "deadline_at": stamp(due), "yellow_at": stamp(due - dt.timedelta(hours=1)),
                                     "done_at": stamp(due) if status == "done" else None})
                for code, status, due in steps
            ],
        )  # fmt: skip
        paper = {"case_uid": uid, "code": "premises", "name": "住所（经营场所）使用证明", "status": "deferred",
                 "due_at": stamp(now + dt.timedelta(days=5))}  # fmt: skip
        sync.publish_rows(db, tables, "startup_paper", [(str(uuid.uuid4()), paper)])
    return uid
