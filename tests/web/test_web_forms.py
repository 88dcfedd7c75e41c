"""The hall's web face tried as a friend and as an adversary, in process: sign-in and its lock-out, roles,
CSRF on every form, oversized fields, script in every field (escaped), the enterprise window's lookups
(no enumeration), a licence photo, and the audit of every act."""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from web_helpers import PASSWORD, PHONE, csrf_of, hall_store, publish_case, sign_in

from station.contributions import SyncedTable
from station.hall import review, stations, sync
from station.hall.app import create_app
from station.hall.models import Event, Row, Station
from station.hall.web.site import MAX_FIELD
from station.plugins import load_host

SCRIPT = '<script>alert("x")</script>'


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


def events(store) -> list[str]:
    with store.session() as db:
        return [e.text for e in db.query(Event).order_by(Event.id)]


# -- signing in ---------------------------------------------------------------------------------


def test_sign_in_sets_a_strict_http_only_session_and_every_console_page_opens(hall) -> None:
    client, store, _ = hall
    assert client.get("/console/stations", follow_redirects=False).headers["location"] == "/console/signin"
    done = sign_in(client)
    assert done.status_code == 303
    cookie = done.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    for path in ("/console/stations", "/console/review", "/console/licences", "/console/policies",
                 "/console/figures", "/console/events"):  # fmt: skip
        page = client.get(path)
        assert page.status_code == 200, path
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert "王主管" in page.text
    assert "王主管 登录了控制台。" in events(store)


def test_a_wrong_name_and_a_wrong_password_get_the_same_answer_and_the_door_locks(hall) -> None:
    client, _, _ = hall
    nobody = sign_in(client, "nobody", PASSWORD)
    wrong = sign_in(client, "wang", "not-the-password")
    assert nobody.status_code == wrong.status_code == 401
    assert "用户名或密码不正确" in nobody.text and "用户名或密码不正确" in wrong.text
    for _ in range(4):
        sign_in(client, "wang", "still-wrong")
    locked = sign_in(client, "wang", PASSWORD)  # the right password, too late
    assert locked.status_code == 429 and "分钟后再试" in locked.text
    assert sign_in(client, "li", PASSWORD).status_code == 303  # another name from the same desk still works


def test_signing_out_ends_the_session(hall) -> None:
    client, _, _ = hall
    sign_in(client)
    page = client.get("/console/stations")
    client.post("/console/signout", data={"csrf": csrf_of(page.text)})
    assert client.get("/console/stations", follow_redirects=False).status_code == 303


# -- CSRF, sizes, roles, escaping --------------------------------------------------------------------


CONSOLE_FORMS = {
    "/console/stations": {"code": "ST09", "name": "九站"},
    "/console/stations/ST01/revoke": {"reason": "停用"},
    "/console/review/1": {"decision": "dismiss", "reason": "驳回"},
    "/console/licences": {"number": "ST01-L-0001", "reason": "吊销"},
    "/console/signout": {},
}


def test_every_form_without_its_csrf_token_is_refused(hall) -> None:
    client, store, _ = hall
    assert client.post("/console/signin", data={"username": "wang", "password": PASSWORD}).status_code == 403
    assert client.post("/e/case", data={"code": "KBST01ABCDEFGHJK", "phone": "0001"}).status_code == 403
    sign_in(client)
    for path, fields in CONSOLE_FORMS.items():
        refused = client.post(path, data=fields)
        assert refused.status_code == 403, path
        assert "表单已过期或来源不明" in refused.text
        forged = client.post(path, data={**fields, "csrf": "x" * 43})
        assert forged.status_code == 403, path
    with store.session() as db:
        assert db.get(Station, "ST09") is None


def test_an_oversized_field_is_refused_not_cut(hall) -> None:
    client, store, _ = hall
    sign_in(client)
    csrf = csrf_of(client.get("/console/stations").text)
    answer = client.post("/console/stations", data={"csrf": csrf, "code": "ST09", "name": "长" * (MAX_FIELD + 1)})
    assert answer.status_code == 400 and "填写的内容过长" in answer.text
    for bad in ("九\x00站", "九\x1b[31m站"):
        refused = client.post("/console/stations", data={"csrf": csrf, "code": "ST09", "name": bad})
        assert refused.status_code == 400 and "无法识别的字符" in refused.text
    huge = client.post("/console/stations", data={"csrf": csrf, "code": "ST09", "name": "长" * 2_000_000})
    assert huge.status_code == 413  # over the hall's body limit, never read
    with store.session() as db:
        assert db.get(Station, "ST09") is None


def test_an_operator_may_enrol_but_only_a_supervisor_revokes_and_decides(hall) -> None:
    client, store, _ = hall
    sign_in(client, "li")
    page = client.get("/console/stations")
    assert "停用原因" not in page.text
    csrf = csrf_of(page.text)
    added = client.post("/console/stations", data={"csrf": csrf, "code": "st01", "name": "航空港区企业服务站"})
    assert added.status_code == 200 and "一次性登记码" in added.text and "<svg" in added.text
    token = re.search(r'<code id="token">([0-9a-f]+)</code>', added.text).group(1)
    with store.session() as db, db.begin():
        assert stations.enroll(db, token).station_code == "ST01"  # the token shown works, once
    for path, fields in CONSOLE_FORMS.items():
        if path in ("/console/stations/ST01/revoke", "/console/review/1", "/console/licences"):
            refused = client.post(path, data={**fields, "csrf": csrf})
            assert refused.status_code == 403 and "主管" in refused.text, path
    with store.session() as db:
        assert db.get(Station, "ST01").revoked_at is None


def test_script_in_every_field_is_shown_as_text(hall) -> None:
    client, store, tables = hall
    sign_in(client)
    csrf = csrf_of(client.get("/console/stations").text)
    token_page = client.post("/console/stations", data={"csrf": csrf, "code": "ST01", "name": SCRIPT})
    assert SCRIPT not in token_page.text and "&lt;script&gt;" in token_page.text
    # A hostile station's change waits for review with script in every value it sent.
    with store.session() as db, db.begin():
        db.add(Station(code="EVIL", name=SCRIPT, last_seq=0))
        owner = db.get(Station, "ST01")
        owner.last_seq = 0
        permit = {"enterprise_uid": "e1", "kind": "SPJY", "number": "JY1", "status": "valid", "reason": "",
                  "station_code": "ST01", "updated_by": "li"}  # fmt: skip
        sync.push(db, owner, [op(1, "licenses_permit", "p1", 0, permit)], tables)
        hostile = {k: SCRIPT for k in permit}
        sync.push(db, db.get(Station, "EVIL"), [op(1, "licenses_permit", "p1", 1, hostile)], tables)
    page = client.get("/console/review")
    assert SCRIPT not in page.text and page.text.count("&lt;script&gt;") >= 3
    csrf = csrf_of(page.text)
    (waiting,) = _waiting(store)
    client.post(f"/console/review/{waiting}", data={"csrf": csrf, "decision": "dismiss", "reason": SCRIPT})
    client.post("/console/stations/EVIL/revoke", data={"csrf": csrf, "reason": SCRIPT})
    for path in ("/console/events", "/console/stations", "/console/review?all=1"):
        shown = client.get(path).text
        assert SCRIPT not in shown and "&lt;script&gt;" in shown, path
    echoed = client.post("/console/signin", data={"csrf": csrf_of(client.get("/console/signin").text),
                                                  "username": SCRIPT, "password": "x"})  # fmt: skip
    assert SCRIPT not in echoed.text


def op(seq: int, table: str, uid: str, base: int, row: dict) -> dict:
    return {"seq": seq, "op_uid": uuid.uuid4().hex, "table": table, "uid": uid,
            "base_version": base, "op": "upsert", "row": row, "changed": list(row)}  # fmt: skip


def _waiting(store) -> list[int]:
    with store.session() as db:
        return [c.id for c in review.waiting(db)]


def test_a_supervisor_decides_a_review_with_a_reason_and_it_is_audited(hall) -> None:
    client, store, tables = hall
    with store.session() as db, db.begin():
        for code in ("ST01", "ST02"):
            db.add(Station(code=code, name=f"{code}站", last_seq=0))
        db.flush()
        permit = {"enterprise_uid": "e1", "kind": "SPJY", "number": "JY1", "status": "valid", "reason": "",
                  "station_code": "ST01", "updated_by": "li"}  # fmt: skip
        sync.push(db, db.get(Station, "ST01"), [op(1, "licenses_permit", "p1", 0, permit)], tables)
        changed = {**permit, "status": "revoked", "reason": "经营场所已变更"}
        sync.push(db, db.get(Station, "ST02"), [op(1, "licenses_permit", "p1", 1, changed)], tables)
    sign_in(client)
    page = client.get("/console/review")
    assert "经营场所已变更" in page.text and 'class="differs"' in page.text
    (waiting,) = _waiting(store)
    csrf = csrf_of(page.text)
    no_reason = client.post(f"/console/review/{waiting}", data={"csrf": csrf, "decision": "apply", "reason": " "})
    assert no_reason.status_code == 400 and "处理理由" in no_reason.text
    done = client.post(f"/console/review/{waiting}", data={"csrf": csrf, "decision": "apply", "reason": "已核实"},
                       follow_redirects=False)  # fmt: skip
    assert done.status_code == 303 and not _waiting(store)
    assert any("采纳了服务站 ST02 的一次改动。理由：已核实" in e for e in events(store))
    again = client.post(f"/console/review/{waiting}", data={"csrf": csrf, "decision": "dismiss", "reason": "再"})
    assert again.status_code == 400 and "处理过" in again.text


# -- the enterprise window ------------------------------------------------------------------------------


def lookup(client: TestClient, code: str, phone: str) -> object:
    csrf = csrf_of(client.get("/e/case").text)
    return client.post("/e/case", data={"csrf": csrf, "code": code, "phone": phone})


def test_a_case_opens_by_its_tracking_code_and_the_phones_last_four_digits(hall) -> None:
    client, store, tables = hall
    publish_case(store, tables, "KBST01ABCDEFGHJK", name=SCRIPT)
    found = lookup(client, "kbst01abcdefghjk", PHONE[-4:])
    assert found.status_code == 200
    page = found.text
    assert SCRIPT not in page and "&lt;script&gt;" in page
    assert page.count('<li class="') >= 6  # five steps and the deferred paper
    assert 'class="red"' in page and 'class="green"' in page and "有环节已超过时限" in page
    assert "住所（经营场所）使用证明" in page and "zhao.helper" in page


def test_a_wrong_code_and_a_wrong_phone_get_the_same_answer_and_lookups_lock(hall) -> None:
    client, store, tables = hall
    publish_case(store, tables, "KBST01ABCDEFGHJK")
    wrong_phone = lookup(client, "KBST01ABCDEFGHJK", "9999")
    wrong_code = lookup(client, "KBST01ABCDEFGHJX", PHONE[-4:])
    hostile = lookup(client, "' OR 1=1 --", "12ab")
    assert wrong_phone.status_code == wrong_code.status_code == hostile.status_code == 404
    assert wrong_phone.text.replace("KBST01ABCDEFGHJK", "") == wrong_code.text.replace("KBST01ABCDEFGHJX", "")
    for _ in range(7):
        lookup(client, "KBST01ABCDEFGHJK", "0000")
    locked = lookup(client, "KBST01ABCDEFGHJK", PHONE[-4:])  # the right answer, after ten guesses
    assert locked.status_code == 429 and "分钟后再试" in locked.text


def test_a_photo_that_is_not_a_licence_or_not_a_picture(hall) -> None:
    import qrcode

    client, _, _ = hall
    csrf = csrf_of(client.get("/e/verify").text)
    junk = client.post("/e/verify", data={"csrf": csrf}, files={"photo": ("a.jpg", b"not an image", "image/jpeg")})
    assert junk.status_code == 400 and "不是能识别的照片" in junk.text
    buffer = io.BytesIO()
    qrcode.make("https://example.com/not-a-licence").save(buffer, format="PNG")
    other = client.post("/e/verify", data={"csrf": csrf}, files={"photo": ("qr.png", buffer.getvalue(), "image/png")})
    assert other.status_code == 200 and "不是执照二维码" in other.text
    blank = io.BytesIO()
    from PIL import Image

    Image.new("RGB", (300, 300), "white").save(blank, format="PNG")
    empty = client.post("/e/verify", data={"csrf": csrf}, files={"photo": ("b.png", blank.getvalue(), "image/png")})
    assert empty.status_code == 422 and "没有找到二维码" in empty.text


def test_stations_report_their_version_and_waiting_uploads(hall) -> None:
    client, store, _ = hall
    with store.session() as db, db.begin():
        secret = stations.enroll(db, stations.add_station(db, "ST01", "航空港区企业服务站")).secret
    headers = {"Authorization": f"Bearer ST01:{secret}", "X-Station-Version": "0.1.0", "X-Station-Pending": "17"}
    assert client.get("/v1/whoami", headers=headers).status_code == 200
    sign_in(client)
    row = client.get("/console/stations").text.split("航空港区企业服务站")[1].split("</tr>")[0]
    assert "<td>17</td>" in row and "<td>0.1.0</td>" in row and "在用" in row


def test_the_park_figures_and_the_public_marketplace_come_from_the_synced_rows(hall) -> None:
    import datetime as dt

    from web_helpers import stamp

    client, store, tables = hall
    publish_case(store, tables, "KBST01ABCDEFGHJK")
    now = dt.datetime.now(dt.UTC)
    good = {"name": "株洲信达工程造价咨询有限公司", "services": "cost,audit", "status": "active",
            "contact_person": "周工", "contact_phone": "0731-22880000"}  # fmt: skip
    banned = {"name": SCRIPT + "黑名单机构", "services": "cost", "status": "blacklisted"}
    with store.session() as db, db.begin():
        db.add(Station(code="ST01", name="航空港区企业服务站", last_seq=0))
        sync.publish_rows(db, tables, "agencies_agency", [("ag1", good), ("ag2", banned)])
        scores = dict.fromkeys(("quality", "timeliness", "attitude", "fees", "compliance"), 5)
        sync.publish_rows(db, tables, "agencies_rating", [
            (f"r{i}", {"commission_uid": f"c{i}", "agency_uid": "ag1", **scores, "rated_at": stamp(now)})
            for i in range(4)
        ])  # fmt: skip
        payouts = [(f"p{i}", {"number": f"ST01-ZF-{i}", "enterprise_uid": f"e{i}", "policy_code": "P1",
                              "period": "2026", "department": "科技局", "amount_fen": 1_000_050,
                              "paid_at": stamp(now)}) for i in range(2)]  # fmt: skip
        sync.publish_rows(db, tables, "policy_payout", payouts)
        db.execute(update(Row).where(Row.table_name == "startup_case").values(owner="ST01"))  # as if ST01 pushed it
    market = client.get("/e/market").text
    assert "株洲信达工程造价咨询有限公司" in market and "工程造价咨询" in market and "审计" in market
    assert "★★★★" in market and "黑名单机构" not in market
    sign_in(client)
    figures = client.get("/console/figures").text
    assert "科技局" in figures and "20,001.00 元" in figures  # two payouts of 10,000.50 yuan, exact
    red = figures.split("航空港区企业服务站")[1].split("</tr>")[0]
    assert re.findall(r"<td>(\d+)</td>", red) == ["1", "0", "0", "0", "1"]  # the case with an overdue step


def test_hall_users_are_added_from_the_command_line_and_bad_ones_refused(tmp_path, capsys, monkeypatch) -> None:
    import sys

    from station.cli import main

    data = str(tmp_path / "data")
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--data-dir", data, "hall", "users", "add", "Zhao", "--role", "operator", "--password-stdin"]) == 0
    assert "已添加服务大厅控制台用户 zhao（值班员）" in capsys.readouterr().out
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["--data-dir", data, "hall", "users", "add", "qian", "--role", "supervisor", "--password-stdin"]) != 0
    assert "密码至少" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["--data-dir", data, "hall", "users", "add", "../x", "--role", "supervisor", "--password-stdin"]) != 0
    assert "用户名应为" in capsys.readouterr().err
    assert main(["--data-dir", data, "hall", "users", "list"]) == 0
    listed = capsys.readouterr().out
    assert "zhao" in listed and "qian" not in listed and PASSWORD not in listed


def test_a_supervisor_publishes_a_catalogue_folder_after_seeing_what_changes(hall) -> None:
    from station_policy.catalog import demo_dir

    client, store, _ = hall
    files = sorted(demo_dir().glob("*.yaml"))[:2]
    documents = [("documents", (f.name, f.read_bytes(), "application/x-yaml")) for f in files]
    sign_in(client, "li")
    csrf = csrf_of(client.get("/console/policies").text)
    refused = client.post("/console/policies/preview", data={"csrf": csrf}, files=documents)
    assert refused.status_code == 403  # an operator watches; a supervisor publishes
    sign_in(client)
    page = client.get("/console/policies")
    csrf = csrf_of(page.text)
    preview = client.post("/console/policies/preview", data={"csrf": csrf}, files=documents)
    assert preview.status_code == 200 and preview.text.count("<td>新增</td>") == 2
    token = re.search(r'name="token" value="([^"]+)"', preview.text).group(1)
    done = client.post("/console/policies/publish", data={"csrf": csrf, "token": token}, follow_redirects=False)
    assert done.status_code == 303
    assert client.post("/console/policies/publish", data={"csrf": csrf, "token": token}).status_code == 400  # once
    catalogue = client.get("/console/policies").text
    assert "共 2 项" in catalogue and catalogue.count("<td>新发布</td>") == 2
    assert any("新增 2 项，修订 0 项" in e for e in events(store))
    # The same folder with one title changed, and script in it: a revision, named, escaped.
    text = files[0].read_text(encoding="utf-8")
    title = re.search(r"^title: *(.+)$", text, re.M).group(1)
    revised = text.replace(title, f"'{SCRIPT}'", 1).encode("utf-8")
    again = [("documents", (files[0].name, revised, "application/x-yaml")), documents[1]]
    preview = client.post("/console/policies/preview", data={"csrf": csrf}, files=again)
    assert "<td>修订</td>" in preview.text and "名称" in preview.text and "<td>不变</td>" in preview.text
    assert SCRIPT not in preview.text and "&lt;script&gt;" in preview.text
    broken = [("documents", ("broken.yaml", b"code: [unclosed", "application/x-yaml"))]
    answer = client.post("/console/policies/preview", data={"csrf": csrf}, files=broken)
    assert answer.status_code == 400 and "broken.yaml" in answer.text and "YAML" in answer.text
    binary = [("documents", ("photo.yaml", b"\xff\xfe\x00garbage", "application/x-yaml"))]
    answer = client.post("/console/policies/preview", data={"csrf": csrf}, files=binary)
    assert answer.status_code == 400 and "UTF-8" in answer.text


def test_every_asset_comes_from_the_hall_and_a_forged_session_signs_nobody_in(hall) -> None:
    client, _, _ = hall
    client.cookies.set("hall_session", "x" * 43)
    assert client.get("/console/review", follow_redirects=False).headers["location"] == "/console/signin"
    client.cookies.clear()
    sign_in(client)
    pages = ["/console/stations", "/console/review", "/console/licences", "/console/policies", "/console/figures",
             "/console/events", "/e/", "/e/case", "/e/claims", "/e/verify", "/e/market", "/console/signin"]  # fmt: skip
    for path in pages:
        html = client.get(path).text
        for link in re.findall(r'(?:src|href|action)="([^"]*)"', html):
            assert link.startswith("/") and not link.startswith("//"), (path, link)  # no CDN, no other site
    for asset in ("/static/style.css", "/static/hall.js"):
        served = client.get(asset)
        assert served.status_code == 200 and served.headers["x-content-type-options"] == "nosniff"
