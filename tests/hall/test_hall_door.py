"""The hall's door over real HTTP, on SQLite and PostgreSQL: hostile values, oversized bodies and guessed
credentials get a 4xx with a sentence and store nothing; every station's sync keeps working afterwards.
And the station's side: uploads survive re-enrolment and restored backups; the audit chain is anchored."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid

import httpx
import pytest
from conftest_hall import enrolled, hall_digest, station

from helpers import enterprise_values
from station.core import enterprises
from station.core.sync import client, outbox
from station.errors import UserError


def _auth(ctx) -> str:  # type: ignore[no-untyped-def]
    from station.core import enrolment

    return enrolment.load(ctx.data_dir).authorization


def _raw_push(hall, ctx, body: str) -> httpx.Response:  # type: ignore[no-untyped-def]
    headers = {"Authorization": _auth(ctx), "Content-Type": "application/json"}
    return httpx.post(f"{hall.url}/v1/push", content=body.encode("utf-8", "surrogatepass"), headers=headers)


def _op(**overrides: object) -> dict:
    return {
        "seq": 1, "op_uid": uuid.uuid4().hex, "table": "enterprise", "uid": str(uuid.uuid4()), "base_version": 0,
        "op": "upsert", "changed": ["name"], "row": {"name": "x"}, **overrides,
    }  # fmt: skip


def test_hostile_values_get_422_with_a_sentence_and_the_park_keeps_syncing(hall, tmp_path) -> None:
    evil, honest = enrolled(hall, tmp_path, "EVIL"), enrolled(hall, tmp_path, "ST01")
    bodies = [
        json.dumps({"ops": [_op(row={"name": float("nan")})]}),  # Python writes NaN, as a careless client would
        json.dumps({"ops": [_op(row={"employees": float("inf")})]}),
        '{"ops": [' + json.dumps(_op())[:-1] + ', "row": {"name": "\\ud800"}}]}',
        json.dumps({"ops": [_op(uid="a\x00b")]}),
        json.dumps({"ops": [_op(table="enterprise\x00")]}),
        json.dumps({"ops": [_op(row={"na\x00me": "x"})]}),
    ]
    for body in bodies:
        answer = _raw_push(hall, evil, body)
        assert answer.status_code == 422, (body, answer.text)
        assert "服务大厅没有接受" in answer.json()["detail"] or "请求格式不正确" in answer.json()["detail"]
    with honest.work(honest.cli_actor()) as work:
        enterprises.create(work, enterprise_values(1))
    assert client.run(honest).pushed == 1  # the park's sync was not stopped
    assert client.run(evil).applied == 1
    assert client.status(evil)["digest"] == client.status(honest)["digest"] == hall_digest(hall)
    evil.close()
    honest.close()


def test_a_chunked_body_over_the_limit_gets_the_same_413_as_a_declared_one(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    limits = httpx.get(f"{hall.url}/v1/health").json()
    assert limits["push_max_bytes"] == 16 * 1024 * 1024 and limits["push_max_ops"] == 10_000
    for path, size, said in (("/v1/push", 17, "16 MB"), ("/v1/anchor", 5, "4 MB")):  # a push may be larger
        big = b"x" * (size * 1024 * 1024)
        declared = httpx.post(f"{hall.url}{path}", content=big, headers={"Authorization": _auth(ctx)})

        def chunks(big: bytes = big):  # type: ignore[no-untyped-def]  # no Content-Length: sent chunked
            for start in range(0, len(big), 65536):
                yield big[start : start + 65536]

        chunked = httpx.post(f"{hall.url}{path}", content=chunks(), headers={"Authorization": _auth(ctx)})
        assert declared.status_code == chunked.status_code == 413, path
        assert declared.json()["detail"] == chunked.json()["detail"] == f"请求内容超过 {said} 的上限。"
    under = httpx.post(f"{hall.url}/v1/push", content=b"x" * (5 * 1024 * 1024), headers={"Authorization": _auth(ctx)})
    assert under.status_code == 422  # read, and refused as what it is: not JSON
    ctx.close()


def test_guessed_credentials_are_locked_out_for_a_while_and_logged(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    wrong = {"Authorization": "Bearer ST01:not-the-secret"}
    codes = [httpx.get(f"{hall.url}/v1/whoami", headers=wrong).status_code for _ in range(21)]
    assert codes[:19] == [401] * 19 and codes[-1] == 429
    locked = httpx.get(f"{hall.url}/v1/whoami", headers={"Authorization": _auth(ctx)})
    assert locked.status_code == 429 and "分钟后再试" in locked.json()["detail"]
    other = httpx.get(f"{hall.url}/v1/whoami", headers={"Authorization": "Bearer ST02:x"})
    assert other.status_code == 401  # another station behind the same address is not locked out
    tokens = [httpx.post(f"{hall.url}/v1/enroll", json={"token": "f" * 40}).status_code for _ in range(11)]
    assert tokens[:10] == [400] * 10 and tokens[-1] == 429
    ctx.close()


def test_uploads_survive_re_enrolment_on_a_new_pc(hall, tmp_path) -> None:
    old = enrolled(hall, tmp_path, "ST01")
    with old.work(old.cli_actor()) as work:
        for seed in range(1, 6):
            enterprises.create(work, enterprise_values(seed))
    client.run(old)
    old.close()
    assert hall.cli("revoke-station", "ST01").returncode == 0
    new = enrolled(hall, tmp_path / "new-pc", "ST01")  # same code, fresh data directory
    client.run(new)
    with new.work(new.cli_actor()) as work:
        for seed in range(6, 11):
            enterprises.create(work, enterprise_values(seed))
    report = client.run(new)
    assert report.pushed == 5 and client.status(new)["pending"] == 0
    assert json.loads(hall.cli("digest", "--json").stdout)["rows"] == 10  # 5 of 5 used to be lost here
    assert client.status(new)["digest"] == hall_digest(hall)
    new.close()


def test_uploads_survive_a_restored_backup_and_another_stations_backup_is_refused(hall, tmp_path) -> None:
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    with a.work(a.cli_actor()) as work:
        for seed in range(1, 3):
            enterprises.create(work, enterprise_values(seed))
    client.run(a)
    saved = tmp_path / "a-backup.db"
    assert station(a.data_dir, "db", "backup", str(saved)).returncode == 0
    with a.work(a.cli_actor()) as work:
        enterprises.create(work, enterprise_values(3))
    client.run(a)  # pushed after the backup
    with a.work(a.cli_actor()) as work:
        enterprises.create(work, enterprise_values(4))  # never pushed before the restore
    a.close()
    restored = station(a.data_dir, "db", "restore", str(saved))
    assert restored.returncode == 0, restored.stderr
    with a.work(a.cli_actor()) as work:
        for seed in range(5, 9):
            enterprises.create(work, enterprise_values(seed))
    client.run(a)
    client.run(a)
    client.run(b)
    assert json.loads(hall.cli("digest", "--json").stdout)["rows"] == 7  # 1-3 and 5-8; 4 was lost with the PC
    assert client.status(a)["digest"] == client.status(b)["digest"] == hall_digest(hall)
    assert client.status(a)["pending"] == 0
    other = tmp_path / "b-backup.db"
    station(b.data_dir, "db", "backup", str(other))
    refused = station(a.data_dir, "db", "restore", str(other))
    assert refused.returncode != 0 and "ST02" in refused.stderr and "不是本站" in refused.stderr
    a.close()
    b.close()


def test_the_station_refuses_unsyncable_values_before_they_enter_the_outbox(tmp_path) -> None:
    from station.core.context import StationContext

    ctx = StationContext(tmp_path / "st")
    ctx.prepare()
    with pytest.raises(UserError, match="控制字符"), ctx.work(ctx.cli_actor()) as work:  # the form, or the guard
        enterprises.create(work, enterprise_values(1, name="株洲\x07科技有限公司"))
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.create(work, enterprise_values(2, address="株洲市\n天元区"))  # a line break is fine
    conn = sqlite3.connect(ctx.db_path)
    with pytest.raises(sqlite3.IntegrityError, match="不能保存和同步"):
        conn.execute("UPDATE enterprise SET employees = 9e999")  # raw SQL is refused the same way
    conn.close()
    with outbox.connect(ctx.db_path) as conn:
        assert outbox.pending(conn) == 1
    ctx.close()


def test_an_old_outbox_entry_that_cannot_travel_is_set_aside_and_holds_nothing_up(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.create(work, enterprise_values(1))
    with outbox.connect(ctx.db_path) as conn:  # as an earlier version could have written it
        conn.execute("UPDATE sync_outbox SET row_json = json_set(row_json, '$.name', 'a' || char(1) || 'b')")
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.create(work, enterprise_values(2))
    report = client.run(ctx)
    assert report.pushed == 1 and client.status(ctx)["pending"] == 0
    with ctx.read() as session:
        from station.core.sync import conflicts

        (held,) = [c for c in conflicts.open_conflicts(session) if c.kind == "invalid"]
    assert "不能上传" in held.reason
    ctx.close()


def test_a_truncated_and_rechained_audit_log_no_longer_reaches_the_halls_anchor(hall, tmp_path) -> None:
    ctx = enrolled(hall, tmp_path, "ST01")
    with ctx.work(ctx.cli_actor()) as work:
        for seed in range(1, 4):
            enterprises.create(work, enterprise_values(seed))
    client.run(ctx)
    ok = station(ctx.data_dir, "audit", "verify", "--json")
    assert ok.returncode == 0 and json.loads(ok.stdout)["anchor"]["asked_hall"] is True
    ctx.close()
    # The tamperer drops the log's tail and makes the local chain consistent again: the chain alone passes.
    conn = sqlite3.connect(ctx.db_path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'"):
        conn.execute(f'DROP TRIGGER "{name}"')
    last = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    conn.execute("DELETE FROM audit_log WHERE id > ?", (last - 2,))
    head = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    conn.execute("UPDATE station_meta SET value = ? WHERE key = 'audit.head'", (f"{head[0]}:{head[1]}",))
    conn.commit()
    conn.close()
    caught = station(ctx.data_dir, "audit", "verify", "--json")
    verdict = json.loads(caught.stdout)
    assert caught.returncode == 1 and not verdict["ok"]
    assert any("服务大厅" in p and f"第 {last} 条" in p for p in verdict["problems"]), verdict
    offline = tmp_path / "offline"
    shutil.copytree(ctx.data_dir, offline)
    (offline / "hall-credential.json").unlink()  # no hall to ask: the anchor kept from the last sync
    assert station(offline, "audit", "verify").returncode == 1
