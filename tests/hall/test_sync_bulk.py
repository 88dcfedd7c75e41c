"""A first sync loads in bulk: several pages a transaction, indexes built once, the full-text index built
beside the load and copied in only when it is exactly the index a rebuild would make."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from conftest_hall import Hall, enrolled, hall_digest

from station.core import demo, enterprises, registry_queries
from station.core.context import StationContext
from station.core.sync import bulk, client, outbox, pages

BULK_LOG = "station.core.sync.bulk"


@pytest.fixture
def hall(tmp_path) -> Iterator[Hall]:  # the load is the station's side: one hall database is enough
    running = Hall(tmp_path / "hall", None)
    yield running
    running.stop()


@pytest.fixture
def small_pages(monkeypatch) -> None:
    """Pages of 500 and transactions of 1,000 rows: a load of a few thousand rows takes several of each."""
    monkeypatch.setattr(client, "PULL_PAGE", 500)
    monkeypatch.setattr(pages, "BULK_TXN_ROWS", 1000)


def source_with(hall: Hall, tmp_path: Path, count: int) -> tuple[StationContext, list[dict]]:
    source = enrolled(hall, tmp_path, "ST01")
    rows = list(demo.enterprise_rows(count, seed=11))
    with source.work(source.cli_actor()) as work:
        enterprises.upsert_many(work, rows, source="test")
    client.run(source)
    return source, rows


def rename(ctx: StationContext, uscc: str, name: str) -> None:
    with ctx.read() as session:
        found = enterprises.by_uscc(session, uscc)
        values = {**enterprises.as_form(found), "name": name}
    with ctx.work(ctx.cli_actor()) as work:
        enterprises.update(work, found.id, values)


def assert_index_right(ctx: StationContext, queries: list[str]) -> None:
    """FTS5's own check passes, and every query finds what it finds after a rebuild from the table."""
    conn = sqlite3.connect(ctx.db_path)
    try:
        conn.execute("INSERT INTO enterprise_fts(enterprise_fts) VALUES ('integrity-check')")
        found = [registry_queries.search_ids(conn, q) for q in queries]
        conn.execute("INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')")
        conn.commit()
        assert [registry_queries.search_ids(conn, q) for q in queries] == found
        assert all(found)
    finally:
        conn.close()


def test_a_first_sync_copies_in_the_full_text_index_built_beside_it(hall, tmp_path, small_pages, caplog) -> None:
    source, rows = source_with(hall, tmp_path, 2600)
    target = enrolled(hall, tmp_path, "ST02")
    with caplog.at_level(logging.INFO, logger=BULK_LOG):
        report = client.run(target)
    assert report.applied == 2600 and "copied from the build beside the load" in caplog.text
    assert not bulk.scratch_path(target.db_path).exists()
    assert client.status(source)["digest"] == client.status(target)["digest"] == hall_digest(hall)
    queries = [r["name"][2:6] for r in rows[::97]] + [r["legal_rep"] for r in rows[5:300:37]]
    assert_index_right(target, queries)
    # the copied index takes later edits through its triggers
    rename(target, rows[40]["uscc"], "抚顺经开区新换名称科技有限公司")
    assert_index_right(target, ["新换名称科技", rows[41]["name"][1:5]])
    with target.read() as session:
        assert enterprises.search_ids(session, "新换名称科技") == [enterprises.by_uscc(session, rows[40]["uscc"]).id]
    client.run(target)
    client.run(source)
    assert client.status(source)["digest"] == client.status(target)["digest"] == hall_digest(hall)
    source.close()
    target.close()


def test_rows_changed_later_in_the_load_get_a_rebuilt_index(hall, tmp_path, small_pages, caplog) -> None:
    source, rows = source_with(hall, tmp_path, 1200)
    for n in range(10):  # changes the hall hands out after the rows themselves
        rename(source, rows[n * 50]["uscc"], f"后来改名的第{n}号企业有限公司")
    client.run(source)
    target = enrolled(hall, tmp_path, "ST02")
    with caplog.at_level(logging.INFO, logger=BULK_LOG):
        client.run(target)
    assert "rebuilt after the load" in caplog.text and "copied" not in caplog.text
    assert_index_right(target, ["后来改名的第3号", rows[7]["name"][2:6]])
    with target.read() as session:
        assert len(enterprises.search_ids(session, "后来改名的")) == 10
    source.close()
    target.close()


def test_a_local_edit_during_the_load_is_indexed_and_sent(hall, tmp_path, small_pages, caplog) -> None:
    """A clerk edits an enterprise that came in a moment ago while the first sync still loads: the index
    built beside the load cannot know it, so the index is rebuilt; the edit is pushed on the next sync."""
    source, rows = source_with(hall, tmp_path, 1500)
    target = enrolled(hall, tmp_path, "ST02")
    edited = []

    class EditsDuringTheLoad(httpx.HTTPTransport):
        """Asked for the third page while the second is applied: once the first two are committed (the
        transaction holds 1,000 rows), a clerk renames an enterprise they brought."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.url.path == "/v1/pull" and request.url.params.get("after") == "1000":
                deadline = time.monotonic() + 20
                while not edited and time.monotonic() < deadline:
                    with target.read() as session:
                        if enterprises.by_uscc(session, rows[3]["uscc"]) is not None:
                            rename(target, rows[3]["uscc"], "装载途中改名的企业有限公司")
                            edited.append(True)
                    time.sleep(0.05)
            return super().handle_request(request)

    with caplog.at_level(logging.INFO, logger=BULK_LOG):
        client.run(target, transport=EditsDuringTheLoad())
    assert edited and "rebuilt after the load" in caplog.text
    assert_index_right(target, ["装载途中改名", rows[9]["name"][1:5]])
    assert client.status(target)["pending"] == 1
    client.run(target)
    with source.read() as session:
        assert enterprises.by_uscc(session, rows[3]["uscc"]).name != "装载途中改名的企业有限公司"
    client.run(source)
    with source.read() as session:
        assert enterprises.by_uscc(session, rows[3]["uscc"]).name == "装载途中改名的企业有限公司"
    source.close()
    target.close()


def test_pages_share_a_transaction_while_loading_and_each_commits_alone_after(hall, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(client, "PULL_PAGE", 500)
    monkeypatch.setattr(pages, "BULK_TXN_ROWS", 1200)
    source, _ = source_with(hall, tmp_path, 2000)
    target = enrolled(hall, tmp_path, "ST02")
    commits: list[int] = []
    real_commit = pages.PageWriter.commit

    def counting(writer: pages.PageWriter) -> None:
        if writer._open:
            commits.append(writer._rows)
        real_commit(writer)

    monkeypatch.setattr(pages.PageWriter, "commit", counting)
    client.run(target)
    assert commits[:2] == [1500, 500]  # three pages, then the last one as the pull ends
    with source.work(source.cli_actor()) as work:
        enterprises.upsert_many(work, list(demo.enterprise_rows(700, seed=12)), source="test")
    client.run(source)
    commits.clear()
    client.run(target)  # not empty any more: no bulk load, a page a transaction
    assert commits == [500, 200]
    source.close()
    target.close()


def test_a_station_killed_while_loading_is_finished_before_an_upgrade(tmp_path) -> None:
    """The bulk load recorded the schema of the version that began it: it is put back first, then the
    migrations run on the schema they were written for."""
    from alembic import command

    from station.core import schema
    from station.core.db import make_engine

    source = StationContext(tmp_path / "source")
    with source.work(source.cli_actor()) as work:
        enterprises.upsert_many(work, list(demo.enterprise_rows(600, seed=3)), source="test")
    with outbox.connect(source.db_path) as conn:
        changes = [
            {"seq": n, "table": "enterprise", "uid": op["uid"], "version": 1, "deleted": False, "data": op["row"]}
            for n, op in enumerate(outbox.batch(conn, 1000), start=1)
        ]
    old = StationContext(tmp_path / "old")
    old.prepare()
    old.close()
    cfg = schema._alembic_config(schema.all_branches([]))
    engine = make_engine(old.db_path)
    with engine.begin() as conn:  # the version before the full-text index dropped credit codes
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "core_0005")
        conn.exec_driver_sql("DELETE FROM station_meta WHERE key = ?", (schema.FINGERPRINT_KEY,))
    engine.dispose()
    conn = sqlite3.connect(old.db_path, isolation_level=None)
    assert "uscc" in conn.execute("SELECT sql FROM sqlite_master WHERE name = 'enterprise_fts'").fetchone()[0]
    tables = {t.name: t for t in client.synced_tables(old)}
    pages.apply_page(conn, tables, changes, len(changes), "now", bulk_load=True)  # killed here, mid-load
    conn.close()

    upgraded = StationContext(tmp_path / "old")
    report = upgraded.prepare()
    assert report.upgraded and report.after == ["core_0008"]
    fresh = StationContext(tmp_path / "fresh")
    fresh.prepare()

    def shape(ctx: StationContext) -> set[tuple[str, str]]:
        with sqlite3.connect(ctx.db_path) as c:
            return set(c.execute("SELECT name, sql FROM sqlite_master WHERE tbl_name LIKE 'enterprise%'"))

    assert shape(upgraded) == shape(fresh)
    code = changes[17]["data"]["uscc"]
    assert_index_right(upgraded, [changes[17]["data"]["name"][2:6], code[8:17], code[-6:].lower()])
    for ctx in (source, upgraded, fresh):
        ctx.close()
