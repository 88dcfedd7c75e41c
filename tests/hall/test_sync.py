"""Stations and a real hall converge: same digest everywhere, nothing lost, nothing duplicated."""

from __future__ import annotations

import json
import sqlite3

import httpx
import pytest
from conftest_hall import enrolled, hall_digest, station

from helpers import enterprise_values
from station.contributions import SyncedTable
from station.core import enterprises
from station.core.context import StationContext
from station.core.sync import client, outbox, pages
from station.errors import UserError


def status(ctx: StationContext) -> dict:
    return client.status(ctx)


def edit(ctx: StationContext, uscc: str, **fields: str) -> None:
    with ctx.read() as session:
        found = enterprises.by_uscc(session, uscc)
        values = {**enterprises.as_form(found), **fields}
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.update(work, found.id, values)


def field(ctx: StationContext, uscc: str, name: str):  # type: ignore[no-untyped-def]
    with ctx.read() as session:
        return getattr(enterprises.by_uscc(session, uscc), name)


@pytest.fixture
def two(hall, tmp_path):
    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    with a.work(a.cli_actor()) as work:
        for seed in range(1, 6):
            enterprises.create(work, enterprise_values(seed))
    yield a, b
    a.close()
    b.close()


def test_changes_travel_and_every_digest_matches(hall, two) -> None:
    a, b = two
    assert status(a)["pending"] == 5 and status(b)["pending"] == 0
    first = client.run(a)
    assert (first.pushed, first.applied) == (5, 0)  # its own rows: the push answer gave their versions, not rewritten
    second = client.run(b)
    assert second.applied == 5 and status(b)["pending"] == 0
    assert status(a)["digest"] == status(b)["digest"] == hall_digest(hall)
    again = client.run(b)  # nothing new: nothing moves
    assert (again.pushed, again.applied) == (0, 0)


def test_edits_of_different_fields_at_two_stations_both_survive(hall, two) -> None:
    a, b = two
    client.run(a)
    client.run(b)
    code = enterprise_values(2)["uscc"]
    edit(a, code, legal_rep="王五")  # offline at the same time
    edit(b, code, employees="99")
    client.run(a)
    report = client.run(b)  # B's change was made on a stale version: field-level last writer wins
    assert report.new_conflicts == 0
    client.run(a)
    for ctx in (a, b):
        assert (field(ctx, code, "legal_rep"), field(ctx, code, "employees")) == ("王五", 99)
    assert status(a)["digest"] == status(b)["digest"] == hall_digest(hall)


def test_unpushed_local_changes_are_never_overwritten_by_a_pull(hall, two) -> None:
    a, b = two
    client.run(a)
    client.run(b)
    code = enterprise_values(3)["uscc"]
    edit(b, code, legal_rep="赵六")
    client.run(b)
    edit(a, code, legal_rep="钱七")  # A has not pushed this yet
    with outbox.connect(a.db_path) as conn:  # a pull alone, as if the push had failed
        page = httpx.get(
            f"{hall.url}/v1/pull", params={"after": outbox.cursor(conn)}, headers={"Authorization": _auth(a)}
        ).json()
        kept = pages.apply_page(conn, {"enterprise": _table(a)}, page["changes"], page["changes"][-1]["seq"], "now")
    assert kept.kept_local == 1 and field(a, code, "legal_rep") == "钱七"
    client.run(a)
    client.run(b)
    assert field(a, code, "legal_rep") == field(b, code, "legal_rep") == "钱七"  # the later writer at the hall
    assert status(a)["digest"] == status(b)["digest"] == hall_digest(hall)


def test_a_repeated_push_changes_nothing(hall, two) -> None:
    a, b = two
    with outbox.connect(a.db_path) as conn:
        ops = outbox.batch(conn)
    headers = {"Authorization": _auth(a)}
    first = httpx.post(f"{hall.url}/v1/push", json={"ops": ops}, headers=headers).json()
    again = httpx.post(f"{hall.url}/v1/push", json={"ops": ops}, headers=headers).json()
    assert (first["applied"], again["applied"], again["repeated"]) == (5, 0, 5)
    assert first["acked_seq"] == again["acked_seq"] == ops[-1]["seq"]
    assert first["acked"] == again["acked"] == [op["op_uid"] for op in ops]
    client.run(a)  # the acknowledgement was lost: the station pushes again, harmlessly
    client.run(b)
    assert json.loads(hall.cli("digest", "--json").stdout)["rows"] == 5
    assert status(a)["digest"] == status(b)["digest"] == hall_digest(hall)


def test_a_station_can_only_push_as_itself(hall, two) -> None:
    a, _ = two
    with outbox.connect(a.db_path) as conn:
        ops = outbox.batch(conn)
    stranger = httpx.post(f"{hall.url}/v1/push", json={"ops": ops}, headers={"Authorization": "Bearer ST01:nope"})
    assert stranger.status_code == 401
    shuffled = httpx.post(f"{hall.url}/v1/push", json={"ops": ops[::-1]}, headers={"Authorization": _auth(a)})
    assert shuffled.status_code == 400


def test_sync_without_enrolment_or_hall_says_what_to_do(tmp_path) -> None:
    lonely = station(tmp_path / "lonely", "sync")
    assert lonely.returncode == 1 and "尚未登记" in lonely.stderr


def test_review_rule_keeps_both_versions(tmp_path) -> None:
    """A table under the review rule: a stale change is not applied, and both versions wait for a person."""
    from station.hall import stations, sync
    from station.hall.store import HallStore, default_url

    store = HallStore(default_url(tmp_path))
    store.migrate()
    table = SyncedTable("policy_claim", fields=("amount_fen", "status"), rule="review")
    with store.session() as s, s.begin():
        for code in ("ST01", "ST02"):
            stations.enroll(s, stations.add_station(s, code, code))

    def op(seq: int, base: int, amount: int, uid: str = "c1") -> dict:
        return {
            "seq": seq,
            "op_uid": f"{seq:08x}{amount:08x}",
            "table": "policy_claim",
            "uid": uid,
            "base_version": base,
            "op": "upsert",
            "changed": ["amount_fen"],
            "row": {"amount_fen": amount, "status": "draft"},
        }

    with store.session() as s, s.begin():
        one, two_ = s.get(sync.Station, "ST01"), s.get(sync.Station, "ST02")
        assert sync.push(s, one, [op(1, 0, 100)], {"policy_claim": table}).applied == 1
        assert sync.push(s, one, [op(2, 1, 150)], {"policy_claim": table}).applied == 1
        late = sync.push(s, two_, [op(1, 1, 200)], {"policy_claim": table})  # made on version 1, hall is at 2
    assert late.conflicts == 1
    with store.session() as s:
        conflicts = sync.conflicts_for(s, "ST02", 0)
        rows = sync.pull(s, 0, 100)
    assert conflicts[0]["theirs"]["amount_fen"] == 200 and conflicts[0]["ours"]["amount_fen"] == 150
    assert [r["data"]["amount_fen"] for r in rows] == [100, 150]  # the stale change was not applied
    store.dispose()


def _auth(ctx: StationContext) -> str:
    from station.core import enrolment

    return enrolment.load(ctx.data_dir).authorization


def _table(ctx: StationContext) -> SyncedTable:
    return {t.name: t for t in client.synced_tables(ctx)}["enterprise"]


def test_capture_is_in_the_same_transaction(tmp_path) -> None:
    ctx = StationContext(tmp_path / "data")
    with pytest.raises(RuntimeError), ctx.work(ctx.cli_actor()) as work:
        enterprises.create(work, enterprise_values(1))
        raise RuntimeError("power cut")
    assert status(ctx)["pending"] == 0  # the change rolled back, and its outbox entry with it
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.create(work, enterprise_values(1))
    conn = sqlite3.connect(ctx.db_path)  # raw SQL is captured too: the triggers see every write
    conn.execute("UPDATE enterprise SET name = '株洲改名科技有限公司'")
    conn.execute("UPDATE enterprise SET zone = zone")  # no synced field changed: nothing to send
    conn.commit()
    conn.close()
    with outbox.connect(ctx.db_path) as raw:
        ops = outbox.batch(raw)
    assert [(o["op"], o["base_version"], o["changed"]) for o in ops] == [
        ("upsert", 0, list(_table(ctx).fields)),
        ("upsert", 1, ["name"]),
    ]
    ctx.close()


def test_same_credit_code_at_two_stations_ends_as_one_enterprise(hall, two) -> None:
    a, b = two
    client.run(a)
    client.run(b)
    twin = enterprise_values(77, name="玉门同码测试有限公司", contact_phone="")
    with a.work(a.cli_actor()) as work:  # entered at both desks while offline: two uids, one credit code
        enterprises.create(work, twin)
    with b.work(b.cli_actor()) as work:
        enterprises.create(work, {**twin, "legal_rep": "王五", "contact_phone": "09377220000"})
    uid_b = field(b, twin["uscc"], "uid")
    client.run(a)
    report = client.run(b)  # the hall merges B's row into A's; B takes A's uid
    assert report.refused == 0 and status(b)["conflicts"] == 0
    client.run(a)
    uid_a = field(a, twin["uscc"], "uid")
    assert field(b, twin["uscc"], "uid") == uid_a != uid_b
    for ctx in (a, b):  # both stations' work kept: B's filled-in fields went over A's row
        assert field(ctx, twin["uscc"], "legal_rep") == "王五"
        assert field(ctx, twin["uscc"], "contact_phone") == "09377220000"
        assert field(ctx, twin["uscc"], "name") == "玉门同码测试有限公司"
    edit(b, twin["uscc"], employees="88")  # later edits at B reach the one enterprise
    client.run(b)
    client.run(a)
    assert field(a, twin["uscc"], "employees") == 88
    assert status(a)["digest"] == status(b)["digest"] == hall_digest(hall)
    assert status(b)["pending"] == 0


def test_park_wide_unique_keys_refuse_the_second_row_and_follow_merges(tmp_path) -> None:
    """At the hall, in process: a "reject" key sends the second row back as a conflict that says the hall
    never took it; references to a merged row are rewritten to the surviving one."""
    from station.hall import stations, sync
    from station.hall.store import HallStore, default_url

    store = HallStore(default_url(tmp_path))
    store.migrate()
    tables = {
        "org": SyncedTable("org", fields=("code", "name"), unique=(("code",),), on_duplicate="merge"),
        "payout": SyncedTable(
            "payout",
            fields=("org_uid", "policy", "period", "amount_fen"),
            rule="review",
            unique=(("org_uid", "policy", "period"),),
            refs=(("org_uid", "org"),),
        ),
    }
    with store.session() as s, s.begin():
        for code in ("ST01", "ST02"):
            stations.enroll(s, stations.add_station(s, code, code))

    def op(seq: int, table: str, uid: str, row: dict) -> dict:
        return {
            "seq": seq,
            "op_uid": f"{seq:04x}{uid}".ljust(8, "0"),
            "table": table,
            "uid": uid,
            "base_version": 0,
            "op": "upsert",
            "changed": list(row),
            "row": row,
        }

    with store.session() as s, s.begin():
        one, two_ = s.get(sync.Station, "ST01"), s.get(sync.Station, "ST02")
        first = [
            op(1, "org", "aa01", {"code": "X1", "name": "甲"}),
            op(2, "payout", "bb01", {"org_uid": "aa01", "policy": "P7", "period": "2026", "amount_fen": 500000}),
        ]
        assert sync.push(s, one, first, tables).outcomes == ["applied", "applied"]
        second = [
            op(1, "org", "aa02", {"code": "X1", "name": "甲公司"}),  # the same organisation, entered at ST02
            op(2, "payout", "bb02", {"org_uid": "aa02", "policy": "P7", "period": "2026", "amount_fen": 500000}),
            op(3, "payout", "bb03", {"org_uid": "aa02", "policy": "P7", "period": "2027", "amount_fen": 500000}),
        ]
        assert sync.push(s, two_, second, tables).outcomes == ["merged", "conflict", "applied"]
    with store.session() as s:
        (refused,) = sync.conflicts_for(s, "ST02", 0, tables)
        changes = sync.pull(s, 0, 100)
        assert sync.digest(s, tables)[1] == 3  # one org, two payouts: 2026 once, 2027
    assert refused["uid"] == "bb02" and refused["hall_row"] == "none"
    assert "园区内已有相同的记录" in refused["reason"]
    latest = {c["uid"]: c for c in changes}
    assert latest["aa01"]["data"]["name"] == "甲公司" and latest["aa01"]["aliases"] == ["aa02"]
    assert latest["bb03"]["data"]["org_uid"] == "aa01"  # the reference follows the merge
    assert "aa02" not in latest
    store.dispose()


def test_a_row_the_hall_never_took_is_dropped_when_the_hall_is_kept(tmp_path) -> None:
    from station.core.sync import conflicts

    ctx = StationContext(tmp_path / "st")
    admin = ctx.permissions.actor("admin", "admin")
    with ctx.work(admin) as work:
        created = enterprises.create(work, enterprise_values(5))
    with outbox.connect(ctx.db_path) as conn:
        # as if pushed and refused as a park-wide duplicate
        outbox.acknowledge(conn, [op["op_uid"] for op in outbox.batch(conn)])
        outbox.store_conflicts(
            conn,
            [
                {
                    "id": 7,
                    "table": "enterprise",
                    "uid": created.uid,
                    "reason": "园区内已有相同的记录",
                    "theirs": {"uscc": created.uscc},
                    "ours": None,
                    "fields": [],
                    "created_at": "2026-11-23T00:00:00",
                    "hall_row": "none",
                    "hall_version": None,
                }
            ],
        )
    (open_one,) = conflicts.open_conflicts(ctx.read().__enter__())
    with pytest.raises(UserError), ctx.work(admin) as work:
        conflicts.resolve(work, open_one.id, "station")
    with ctx.work(admin) as work:
        conflicts.resolve(work, open_one.id, "hall")
    with ctx.read() as session:
        assert enterprises.by_uscc(session, created.uscc) is None
    with outbox.connect(ctx.db_path) as conn:
        assert outbox.pending(conn) == 0  # dropped quietly: the hall never had it
    ctx.close()


def _conflict(ctx: StationContext, uscc: str) -> int:
    with ctx.read() as session:
        uid = enterprises.by_uscc(session, uscc).uid
    with outbox.connect(ctx.db_path) as conn, outbox.transaction(conn):
        cursor = conn.execute(
            "INSERT INTO sync_conflict(hall_id, table_name, row_uid, reason, theirs, ours, fields, status, created_at)"
            " VALUES (41, 'enterprise', ?, '同一条记录已在别处被修改', ?, ?, 'legal_rep', 'open', 'now')",
            (uid, json.dumps({"legal_rep": "本站的人"}), json.dumps({"legal_rep": "大厅的人"})),
        )
        return cursor.lastrowid


def test_a_supervisor_settles_a_conflict_and_it_is_audited(tmp_path) -> None:
    from sqlalchemy import select

    from station.core.audit import AuditEntry
    from station.core.sync import conflicts
    from station.errors import PermissionDenied

    ctx = StationContext(tmp_path / "data")
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.create(work, enterprise_values(1))
    with outbox.connect(ctx.db_path) as conn:
        outbox.acknowledge(conn, [op["op_uid"] for op in outbox.batch(conn)])
    code = enterprise_values(1)["uscc"]
    conflict_id = _conflict(ctx, code)
    with pytest.raises(PermissionDenied), ctx.work(ctx.permissions.actor("li", "clerk")) as work:
        conflicts.resolve(work, conflict_id, "station")
    with ctx.work(ctx.permissions.actor("chen", "supervisor")) as work:
        conflicts.resolve(work, conflict_id, "station")
    assert field(ctx, code, "legal_rep") == "本站的人"
    with outbox.connect(ctx.db_path) as conn:
        assert [(o["changed"], o["base_version"]) for o in outbox.batch(conn)] == [(["legal_rep"], 1)]
    with ctx.read() as session:
        assert conflicts.open_conflicts(session) == []
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "sync.conflict.resolve")).one()
    assert entry.actor == "chen" and '"kept":"station"' in entry.after
    with pytest.raises(Exception, match="已被处理"), ctx.work(ctx.cli_actor()) as work:
        conflicts.resolve(work, conflict_id, "hall")
    ctx.close()


def test_killed_hall_or_station_mid_sync_loses_and_duplicates_nothing(hall, tmp_path) -> None:
    import signal
    import subprocess
    import threading
    import time

    from helpers import STATION
    from station.core import demo
    from station.errors import UserError

    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    rows = list(demo.enterprise_rows(3000, seed=11))
    with a.work(a.cli_actor()) as work:
        enterprises.upsert_many(work, rows, source="test")
    failures: list[BaseException] = []

    def sync_a() -> None:
        try:
            client.run(a)
        except UserError as exc:
            failures.append(exc)

    worker = threading.Thread(target=sync_a)
    worker.start()
    time.sleep(0.8)
    hall.kill()  # the hall dies in the middle of A's push
    worker.join(timeout=60)
    hall.start()
    assert (failures and "中断" in failures[0].message) or status(a)["pending"] == 0

    station_b = subprocess.Popen(
        [*STATION, "--data-dir", str(b.data_dir), "sync"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(1.5)
    station_b.send_signal(signal.SIGKILL)  # and B's desktop dies in the middle of its pull
    station_b.wait()

    for ctx in (a, b, a, b):  # run again after the interruptions: it simply continues
        client.run(ctx)
    assert json.loads(hall.cli("digest", "--json").stdout)["rows"] == 3000
    assert status(a)["pending"] == status(b)["pending"] == 0
    assert status(a)["digest"] == status(b)["digest"] == hall_digest(hall)
    with b.read() as session:
        assert enterprises.count(session) == 3000
    a.close()
    b.close()


def test_a_bulk_initial_load_killed_midway_is_finished_on_the_next_start(tmp_path) -> None:
    """A first sync loads a big page into an empty table without its secondary indexes and full-text
    triggers; if the station dies before they are put back, the next start puts them back and rebuilds."""
    from station.core import demo

    source = StationContext(tmp_path / "source")
    with source.work(source.cli_actor()) as work:
        enterprises.upsert_many(work, list(demo.enterprise_rows(600, seed=3)), source="test")
    with outbox.connect(source.db_path) as conn:
        ops = outbox.batch(conn, 1000)
    changes = [
        {"seq": n, "table": "enterprise", "uid": op["uid"], "version": 1, "deleted": False, "data": op["row"]}
        for n, op in enumerate(ops, start=1)
    ]
    target = StationContext(tmp_path / "target")
    target.prepare()
    tables = {t.name: t for t in client.synced_tables(target)}

    def schema(conn: sqlite3.Connection) -> set[str]:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'enterprise'")}

    with outbox.connect(target.db_path) as conn:
        complete = schema(conn)
        pages.apply_page(conn, tables, changes, len(changes), "now", bulk_load=True)
        assert "enterprise_fts_ai" not in schema(conn) and "ix_enterprise_search" not in schema(conn)
        # what keeps the data right stays: the unique constraints and the capture triggers
        assert {"sqlite_autoindex_enterprise_1", "sqlite_autoindex_enterprise_2", "sync_enterprise_au"} <= schema(conn)
    target.close()  # killed here: the indexes are still off

    again = StationContext(tmp_path / "target")
    again.prepare()
    with outbox.connect(again.db_path) as conn:
        assert schema(conn) == complete and outbox.cursor(conn) == len(changes)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    name = changes[17]["data"]["name"]
    with again.read() as session:  # the rebuilt full-text index finds what came in bulk
        assert enterprises.search_ids(session, name[2:6])
        assert enterprises.count(session) == 600
    again.close()
    source.close()


def test_a_pull_broken_off_after_a_bulk_page_puts_the_indexes_back(hall, tmp_path) -> None:
    from station.core import demo
    from station.errors import UserError

    a, b = enrolled(hall, tmp_path, "ST01"), enrolled(hall, tmp_path, "ST02")
    with a.work(a.cli_actor()) as work:
        enterprises.upsert_many(work, list(demo.enterprise_rows(700, seed=9)), source="test")
    client.run(a)

    class BreaksAfterTheFirstPage(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path == "/v1/pull" and request.url.params.get("after") not in (None, "0"):
                raise httpx.ConnectError("the network went down", request=request)
            return super().handle_request(request)

    with pytest.raises(UserError):
        client.run(b, transport=BreaksAfterTheFirstPage())
    with outbox.connect(b.db_path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'enterprise'")}
        assert {"enterprise_fts_ai", "ix_enterprise_search"} <= names and outbox.cursor(conn) > 0
    with a.read() as session:
        name = enterprises.get(session, enterprises.search_ids(session, "")[3]).name
    with b.read() as session:  # what came in bulk is searchable at once
        assert enterprises.count(session) == 700 and enterprises.search_ids(session, name[2:6])
    a.close()
    b.close()
