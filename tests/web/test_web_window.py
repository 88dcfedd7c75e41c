"""The enterprise window's 好差评 and claim status pages, and the review queue's plugin values, in process on
SQLite and on the real PostgreSQL: as a friend, and as an adversary (CSRF missing, oversized fields, script in
every field, a lone surrogate, NUL; the same answer for every wrong pair, and the lock after ten)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_helpers import PHONE, csrf_of, hall_store, publish_case, sign_in, stamp

from helpers import valid_code
from station.contributions import SyncedTable
from station.core.clock import SHANGHAI
from station.hall import sync
from station.hall.app import create_app
from station.hall.models import Change, Row, Station
from station.hall.web.site import MAX_FIELD
from station.plugins import load_host

SCRIPT = '<script>alert("x")</script>'
CODE = "KBST01ABCDEFGHJK"
USCC = valid_code(5)
RECEIPT, OTHER_RECEIPT = "ABCDEFGHJK23", "PQRTUWXY2345"


@pytest.fixture
def hall(tmp_path, hall_db) -> Iterator[tuple[TestClient, object, dict[str, SyncedTable]]]:
    """The hall in process, on SQLite and on the real PostgreSQL."""
    store = hall_store(tmp_path, hall_db)
    host = load_host()
    tables = {t.name: t for t in host.collect("register_synced_tables", SyncedTable)}
    client = TestClient(create_app(store, list(tables.values()), host))
    yield client, store, tables
    client.close()
    store.dispose()


def hall_rows(store, table: str) -> list[tuple[str, dict]]:
    with store.session() as db:
        return [(r.owner, json.loads(r.data)) for r in db.query(Row).filter(Row.table_name == table) if r.data]


# -- 好差评 -------------------------------------------------------------------------------------------------


def open_case(client: TestClient, code: str = CODE, phone: str = PHONE[-4:]):  # type: ignore[no-untyped-def]
    csrf = csrf_of(client.get("/e/case").text)
    return client.post("/e/case", data={"csrf": csrf, "code": code, "phone": phone})


def rate(client: TestClient, page: str, **fields: str):  # type: ignore[no-untyped-def]
    """Post the rating form of a case page, with the code and phone it carries unless given."""
    hidden = dict(re.findall(r'<input type="hidden" name="(code|phone)" value="([^"]*)">', page))
    return client.post("/e/case/rate", data={"csrf": csrf_of(page), **hidden, **fields})


def test_the_enterprise_rates_its_finished_case_once_per_point_and_the_hall_publishes_it(hall) -> None:
    client, store, tables = hall
    uid = publish_case(store, tables, CODE, status="closed")
    page = open_case(client).text
    assert 'action="/e/case/rate"' in page and '<option value="complete" selected>办结</option>' in page
    rated = rate(client, page, stage="complete", grade="2", comment="窗口排队太久，希望增加窗口。")
    assert rated.status_code == 200 and "感谢您的评价" in rated.text
    assert "不满意" in rated.text and "窗口排队太久" in rated.text
    assert '<option value="complete"' not in rated.text  # this point is rated; the others still may be
    again = rate(client, page, stage="complete", grade="5")  # the same form sent again (a second tab, a reload)
    assert again.status_code == 409
    assert "开办件 ST01-KB-GHJK 的“办结”环节已经评价过，每个环节只能评价一次。" in again.text
    ((owner, row),) = hall_rows(store, "startup_rating")
    assert owner == sync.HALL_STATION and row["case_uid"] == uid and row["grade"] == 2
    assert row["channel"] == "web" and row["station_code"] == "HALL" and row["stage"] == "complete"
    assert row["answer_due_at"] > row["rated_at"]  # a bad rating: answered within the working days allowed
    with store.session() as db:  # a change every station pulls
        assert db.query(Change).filter(Change.table_name == "startup_rating").count() == 1
    good = rate(client, rated.text, stage="apply", grade="5")
    assert good.status_code == 200 and len(hall_rows(store, "startup_rating")) == 2


def test_an_open_case_cannot_be_rated_at_completion_by_the_stations_own_rule(hall) -> None:
    client, store, tables = hall
    publish_case(store, tables, CODE)
    page = open_case(client).text
    assert '<option value="complete"' not in page and '<option value="accept" selected>受理</option>' in page
    early = rate(client, page, stage="complete", grade="5")
    assert early.status_code == 409 and "还没有办结，办结后才能评价办结环节" in early.text
    assert hall_rows(store, "startup_rating") == []


def test_a_rating_with_a_wrong_code_or_phone_is_answered_as_a_wrong_lookup_and_counts_toward_the_lock(hall) -> None:
    client, store, tables = hall
    publish_case(store, tables, CODE, status="closed")
    page = open_case(client).text
    wrong_phone = rate(client, page, phone="9999", stage="complete", grade="5")
    wrong_code = rate(client, page, code="KBST01ABCDEFGHJX", stage="complete", grade="5")
    assert wrong_phone.status_code == wrong_code.status_code == 404
    looked_up = open_case(client, phone="9999")
    assert (
        wrong_phone.text.replace(CODE, "")
        == wrong_code.text.replace("KBST01ABCDEFGHJX", "")
        == looked_up.text.replace(CODE, "")
    )
    for _ in range(7):
        rate(client, page, phone="0000", stage="complete", grade="5")
    locked = rate(client, page, stage="complete", grade="5")  # the right pair, after ten wrong ones
    assert locked.status_code == 429 and "分钟后再试" in locked.text
    assert hall_rows(store, "startup_rating") == []


def test_the_rating_form_refuses_hostile_input_and_shows_script_as_text(hall) -> None:
    client, store, tables = hall
    publish_case(store, tables, CODE, status="closed")
    page = open_case(client).text
    hidden = dict(re.findall(r'<input type="hidden" name="(code|phone)" value="([^"]*)">', page))
    assert client.post("/e/case/rate", data={**hidden, "stage": "complete", "grade": "5"}).status_code == 403
    forged = client.post("/e/case/rate", data={**hidden, "csrf": "x" * 43, "stage": "complete", "grade": "5"})
    assert forged.status_code == 403 and "表单已过期或来源不明" in forged.text
    too_long = rate(client, page, stage="complete", grade="5", comment="长" * (MAX_FIELD + 1))
    assert too_long.status_code == 400 and "填写的内容过长" in too_long.text
    over_rule = rate(client, page, stage="complete", grade="5", comment="长" * 501)
    assert over_rule.status_code == 400 and "评价意见最多 500 个字" in over_rule.text
    for field in ("comment", "stage", "grade", "code", "phone"):
        nul = rate(client, page, **{"stage": "complete", "grade": "5", field: "5\x00"})
        assert nul.status_code == 400 and "无法识别的字符" in nul.text, field
    assert rate(client, page, stage="complete", grade="6").status_code == 400
    unknown = rate(client, page, stage=SCRIPT, grade=SCRIPT)
    assert unknown.status_code == 400 and SCRIPT not in unknown.text and "评价" in unknown.text
    # A lone surrogate, as a hostile client sends it (invalid UTF-8), in both kinds of form body.
    csrf = csrf_of(page)
    body = f"csrf={csrf}&code={CODE}&phone={PHONE[-4:]}&stage=complete&grade=5&comment=%ED%A0%80".encode()
    odd = client.post("/e/case/rate", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    assert odd.status_code in (200, 400) and "\ud800" not in odd.text
    boundary = "b0undary"
    parts = [("csrf", csrf.encode()), ("code", CODE.encode()), ("phone", PHONE[-4:].encode()),
             ("stage", b"apply"), ("grade", b"5"), ("comment", b"\xed\xa0\x80")]  # fmt: skip
    multipart = (
        b"".join(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value + b"\r\n"
            for name, value in parts
        )
        + f"--{boundary}--\r\n".encode()
    )
    raw = client.post(
        "/e/case/rate", content=multipart, headers={"content-type": f"multipart/form-data; boundary={boundary}"}
    )
    assert raw.status_code == 400 and "无法识别的字符" in raw.text  # read as Latin-1, with C1 controls: refused
    # Urlencoded, the hall reads invalid UTF-8 as U+FFFD: nothing PostgreSQL or a page cannot hold is kept.
    assert [row["comment"] for _, row in hall_rows(store, "startup_rating")] == ["\ufffd" * 3]
    other_digits = rate(client, page, phone="١٢٣٤", stage="apply", grade="5")  # digits of another script
    assert other_digits.status_code == 404
    # Script in every field: refused or kept as text, never markup.
    scripted = rate(client, page, code=SCRIPT, phone=SCRIPT, stage="accept", grade="4", comment=SCRIPT)
    assert scripted.status_code == 404 and SCRIPT not in scripted.text
    kept = rate(client, page, stage="accept", grade="4", comment=SCRIPT)
    assert kept.status_code == 200 and SCRIPT not in kept.text and "&lt;script&gt;" in kept.text
    assert SCRIPT not in open_case(client).text


# -- the claims' status -------------------------------------------------------------------------------------


def publish_claims(store, tables: dict[str, SyncedTable], name: str = "株洲华鑫新材料有限公司") -> dict[str, str]:
    """An enterprise with its recognitions and facts, the policy it qualifies for, and four claims in four
    states, as the hall holds the rows stations synced (and one payout); their uids and the enterprise's."""
    from station_policy.catalog import demo_dir, load_document
    from station_policy.hall_publish import row_data

    now = dt.datetime.now(dt.UTC)
    hnte, smart = (
        load_document((demo_dir() / f).read_text(encoding="utf-8")) for f in ("hnte-first.yaml", "smart-upgrade.yaml")
    )
    last_year = dt.datetime.now(dt.UTC).astimezone(SHANGHAI).year - 1
    enterprise = str(uuid.uuid4())
    claims = {k: str(uuid.uuid4()) for k in ("notice", "paid", "unconfirmed", "rejected")}

    def claim(key: str, number: str, code: str, status: str, receipt: str, **more: object) -> tuple[str, dict]:
        return claims[key], {"number": number, "enterprise_uid": enterprise, "policy_code": code, "period": "once",
                             "status": status, "estimated_fen": 20_000_000, "receipt_code": receipt,
                             "created_at": stamp(now - dt.timedelta(days=30)), **more}  # fmt: skip

    def event(key: str, step: str, after: str, days: int, reason: str = "") -> tuple[str, dict]:
        return str(uuid.uuid4()), {"claim_uid": claims[key], "step": step, "status_after": after,
                                   "at": stamp(now - dt.timedelta(days=days)), "reason": reason}  # fmt: skip

    with store.session() as db, db.begin():
        sync.publish_rows(db, tables, "enterprise", [(enterprise, {"uscc": USCC, "name": name, "stage": "运营",
                                                                   "industry_code": "C3911"})])  # fmt: skip
        sync.publish_rows(db, tables, "policy_policy", [(str(uuid.uuid4()), row_data(p, now)) for p in (hnte, smart)])
        sync.publish_rows(db, tables, "policy_cert", [(str(uuid.uuid4()), {
            "enterprise_uid": enterprise, "kind": "高新技术企业", "expires_on": "2028-12-10"})])  # fmt: skip
        sync.publish_rows(db, tables, "policy_fact", [
            (str(uuid.uuid4()), {"enterprise_uid": enterprise, "fact_key": key, "year": year, "value": value})
            for key, year, value in (("abnormal_listed", 0, 0), ("serious_dishonesty", 0, 0),
                                     ("above_scale_since", 0, 2022),
                                     ("equipment_investment_fen", last_year, 2_000_000_000))
        ])  # fmt: skip
        sync.publish_rows(db, tables, "policy_claim", [
            claim("notice", "ST01-2026-00001", "HNTE-FIRST", "notice", RECEIPT, approved_fen=20_000_000,
                  notice_until="2026-12-07"),
            claim("paid", "ST01-2025-00007", "SRDI-AWARD", "paid", OTHER_RECEIPT, approved_fen=5_000_000),
            claim("unconfirmed", "ST02-2025-00003", "TECH-CENTER", "paid", "QRTUWXY23456", approved_fen=3_000_000),
            claim("rejected", "ST01-2025-00002", "PCT-PATENT", "rejected", "WXY234567892"),
        ])  # fmt: skip
        sync.publish_rows(db, tables, "policy_claim_event", [
            event("notice", "accept", "accepted", 20), event("notice", "review", "approved", 10),
            event("notice", "notice", "notice", 2), event("paid", "accept", "accepted", 60),
            event("paid", "review", "approved", 50), event("paid", "notice", "notice", 45),
            event("paid", "pay", "paid", 30),
            event("rejected", "reject", "rejected", 40, "申请材料与专利登记信息不一致"),
        ])  # fmt: skip
        sync.publish_rows(db, tables, "policy_payout", [(str(uuid.uuid4()), {
            "number": "ST01-PAY-2025-00004", "claim_uid": claims["paid"], "enterprise_uid": enterprise,
            "policy_code": "SRDI-AWARD", "period": "once", "department": "区科技局", "amount_fen": 5_000_000,
            "paid_on": "2025-11-01", "paid_at": stamp(now - dt.timedelta(days=30))})])  # fmt: skip
    return {**claims, "enterprise": enterprise}


def look_up(client: TestClient, uscc: str = USCC, code: str = RECEIPT):  # type: ignore[no-untyped-def]
    csrf = csrf_of(client.get("/e/claims").text)
    return client.post("/e/claims", data={"csrf": csrf, "uscc": uscc, "code": code})


def test_an_enterprise_sees_its_claims_and_the_policies_it_qualifies_for_by_its_receipt_code(hall) -> None:
    client, store, tables = hall
    publish_claims(store, tables)
    page = look_up(client, USCC.lower(), RECEIPT.lower())
    assert page.status_code == 200
    text = page.text
    assert "株洲华鑫新材料有限公司" in text and text.count('class="card claim"') == 4
    notice, paid, unconfirmed, rejected = (
        text.split(f'aria-label="申请 {n}"')[1].split("</section>")[0]
        for n in ("ST01-2026-00001", "ST01-2025-00007", "ST02-2025-00003", "ST01-2025-00002")
    )
    assert "公示中" in notice and "核定金额 200,000.00 元" in notice and "公示至 2026-12-07" in notice
    assert "已兑付 50,000.00 元（兑付编号 ST01-PAY-2025-00004）" in paid
    assert "兑付待确认" in unconfirmed and "服务大厅尚未确认" in unconfirmed
    assert "不予兑现" in rejected and "申请材料与专利登记信息不一致" in rejected
    qualifying = text.split("<h2>可申请的政策</h2>")[1]
    assert "高新技术企业首次认定奖励" in qualifying and "公示中" in qualifying  # qualifies, and already applied
    smart = qualifying.split("智能化技术改造项目补助")[1].split("</li>")[0]  # from the facts the stations synced
    assert "预计 3,000,000.00 元" in smart and "请带齐材料到服务站申请" in smart
    assert "（本回执）" in notice and "（本回执）" not in paid
    other = look_up(client, USCC, OTHER_RECEIPT)  # any of its receipts opens the same enterprise's claims
    assert other.status_code == 200 and other.text.count('class="card claim"') == 4


def test_a_wrong_receipt_code_and_a_wrong_credit_code_get_the_same_answer_and_lookups_lock(hall) -> None:
    client, store, tables = hall
    publish_claims(store, tables)
    publish_case(store, tables, CODE)
    wrong_code = look_up(client, USCC, "ABCDEFGHJK24")
    wrong_uscc = look_up(client, valid_code(6), RECEIPT)
    someone_elses = look_up(client, valid_code(6), "ABCDEFGHJK24")
    hostile = look_up(client, "' OR 1=1 --", "%")
    longer = look_up(client, USCC + "8", RECEIPT + "2")  # checked whole, never cut to fit
    assert {wrong_code.status_code, wrong_uscc.status_code, someone_elses.status_code, hostile.status_code} == {404}
    assert longer.status_code == 404
    assert "没有找到与这个统一社会信用代码和查询码相符的申请" in wrong_code.text
    assert wrong_code.text.replace(USCC, "") == wrong_uscc.text.replace(valid_code(6), "")
    for _ in range(5):
        look_up(client, USCC, "ABCDEFGHJK24")
    locked = look_up(client, USCC, RECEIPT)  # the right pair, after ten wrong ones
    assert locked.status_code == 429 and "分钟后再试" in locked.text
    assert open_case(client).status_code == 429  # one count for every lookup of the window, from one address


def test_the_claims_form_refuses_hostile_input_and_shows_script_as_text(hall) -> None:
    client, store, tables = hall
    held = publish_claims(store, tables, name=SCRIPT)
    assert client.post("/e/claims", data={"uscc": USCC, "code": RECEIPT}).status_code == 403
    csrf = csrf_of(client.get("/e/claims").text)
    too_long = client.post("/e/claims", data={"csrf": csrf, "uscc": USCC, "code": "A" * (MAX_FIELD + 1)})
    assert too_long.status_code == 400 and "填写的内容过长" in too_long.text
    for field in ("uscc", "code"):
        nul = client.post("/e/claims", data={"csrf": csrf, "uscc": USCC, "code": RECEIPT, field: "A\x00"})
        assert nul.status_code == 400 and "无法识别的字符" in nul.text, field
    body = f"csrf={csrf}&uscc={USCC}&code=%ED%A0%80".encode()
    odd = client.post("/e/claims", content=body, headers={"content-type": "application/x-www-form-urlencoded"})
    assert odd.status_code == 404 and "\ud800" not in odd.text
    odd = {"number": "ST09-1", "enterprise_uid": held["enterprise"], "receipt_code": "查询码查询码查询码查询码"}
    with store.session() as db, db.begin():  # a station synced a claim whose code is not ASCII
        sync.publish_rows(db, tables, "policy_claim", [("odd", odd)])
    assert look_up(client, USCC, "ABCDEFGHJK24").status_code == 404
    echoed = client.post("/e/claims", data={"csrf": csrf, "uscc": SCRIPT, "code": SCRIPT})
    assert echoed.status_code == 404 and SCRIPT not in echoed.text
    found = look_up(client)
    assert found.status_code == 200 and SCRIPT not in found.text and "&lt;script&gt;" in found.text


# -- the review queue's values --------------------------------------------------------------------------------


def op(seq: int, table: str, uid: str, base: int, row: dict) -> dict:
    return {"seq": seq, "op_uid": uuid.uuid4().hex, "table": table, "uid": uid,
            "base_version": base, "op": "upsert", "row": row, "changed": list(row)}  # fmt: skip


def test_the_review_queue_shows_plugin_values_as_a_clerk_reads_them(hall) -> None:
    client, store, tables = hall
    at = stamp(dt.datetime(2026, 11, 30, 2, 30, tzinfo=dt.UTC))
    claim = {"number": "ST01-2026-00001", "enterprise_uid": "e1", "policy_code": "HNTE-FIRST", "period": "once",
             "status": "notice", "estimated_fen": 20_000_000, "approved_fen": 18_000_050,
             "materials": '["高新技术企业证书复印件", "申请表（加盖公章）"]', "updated_at": at,
             "updated_by": "li@ST01"}  # fmt: skip
    case = {"number": "ST01-KB-0001", "tracking_code": CODE, "case_type": "limited_company", "status": "closed",
            "enterprise_name": "株洲华鑫新材料有限公司", "registered_capital_fen": 500_000_000,
            "completed_at": at}  # fmt: skip
    permit = {"enterprise_uid": "e1", "kind": "SPJY", "number": "JY1", "status": "valid", "station_code": "ST01"}
    with store.session() as db, db.begin():
        for code in ("ST01", "ST02"):
            db.add(Station(code=code, name=f"{code}站", last_seq=0))
        db.flush()
        sync.push(db, db.get(Station, "ST01"), [op(1, "policy_claim", "c1", 0, claim),
                                                op(2, "startup_case", "k1", 0, case),
                                                op(3, "licenses_permit", "p1", 0, permit)], tables)  # fmt: skip
        # Another station deletes ST01's records and revokes its permit: each waits for the hall's supervisor.
        gone = [{"seq": n, "op_uid": uuid.uuid4().hex, "table": t, "uid": u, "op": "delete", "base_version": 1,
                 "row": None} for n, t, u in ((1, "policy_claim", "c1"), (2, "startup_case", "k1"))]  # fmt: skip
        revoked = op(3, "licenses_permit", "p1", 1, {**permit, "status": "revoked", "reason": "注销"})
        sync.push(db, db.get(Station, "ST02"), [*gone, revoked], tables)
    sign_in(client)
    page = client.get("/console/review").text

    def part(what: str) -> str:
        return page.split(f"<caption>{what}：不同之处</caption>")[1].split("</section>")[0]

    claim_part = part("政策兑现申请")
    assert "<td>—</td><td>公示中</td>" in claim_part and "<td>—</td><td>180,000.50 元</td>" in claim_part
    assert "200,000.00 元" in claim_part and "一次性" in claim_part
    assert "高新技术企业证书复印件、申请表（加盖公章）" in claim_part
    assert ">notice<" not in claim_part and ">18000050<" not in claim_part and "[&#34;" not in claim_part
    case_part = part("企业开办件")
    assert "已办结" in case_part and "5,000,000.00 元" in case_part and ">closed<" not in case_part
    assert "2026-11-30 10:30:00" in case_part  # a time as the clerk's clock in Shanghai shows it
    permit_part = part("许可证")
    assert "<td>已吊销</td><td>有效</td>" in permit_part and ">SPJY<" not in permit_part
